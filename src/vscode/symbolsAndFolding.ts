// Outline (document symbols, breadcrumbs) and folding ranges from the core's section tree.
import * as vscode from 'vscode';
import { DocumentModel } from '../core/document';
import { detectDocType } from '../core/template-match';
import { builtinPackSet, PackSet } from '../core/packs';
import { buildOutline, OutlineNode } from '../core/section-tree';
import { LintService } from './linter';
import { rangeOf } from './convert';
import { typeLabel, typeTooltip } from './docType';

/** The section tree of a document, from the last lint (or a fresh model when there is none). */
export function outlineOf(linter: LintService, document: vscode.TextDocument): { nodes: OutlineNode[]; model: DocumentModel; roleNames: Map<string, string> } {
  const snap = linter.snapshot(document);
  let model: DocumentModel;
  let nodes: OutlineNode[];
  let packs: PackSet;
  if (snap) {
    model = snap.model();
    packs = snap.config.packs;
    nodes = buildOutline(model, snap.output.docType, packs);
  } else {
    packs = builtinPackSet();
    model = new DocumentModel(document.getText(), { path: document.uri.fsPath, languageId: document.languageId });
    nodes = buildOutline(model, detectDocType(model, packs).type, packs);
  }
  if (!nodes.length) nodes = headingTree(model);
  return { nodes, model, roleNames: roleNames(packs) };
}

/** Template section ids → their Chinese names (review → 工作回顾), for the outline's detail text. */
function roleNames(packs: PackSet): Map<string, string> {
  return packs.memo('vscode:roleNames', () => {
    const m = new Map<string, string>();
    for (const t of packs.list<{ sections?: { id: string; name?: string }[] }>('templates')) for (const sec of t.sections ?? []) if (sec.name && !m.has(sec.id)) m.set(sec.id, sec.name);
    return m;
  });
}

/** A fallback tree from the model's headings alone (each section runs to the next heading of the same or a higher level). */
export function headingTree(model: DocumentModel): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const end = model.text.length;
  const nodes = model.headings.map(h => {
    const line = model.lines[h.lineIndex];
    return {
      name: (model.text.slice(h.offset, h.offset + h.length).trim() || line.text.trim()).slice(0, 80),
      kind: 'heading' as const,
      level: h.level,
      offset: line.offset,
      length: 0,
      selectionOffset: h.offset,
      selectionLength: h.length,
      children: [] as OutlineNode[],
    };
  });
  nodes.forEach((n, i) => {
    let j = i + 1;
    while (j < nodes.length && nodes[j].level > n.level) j++;
    n.length = (j < nodes.length ? nodes[j].offset : end) - n.offset;
    while (stack.length && stack[stack.length - 1].level >= n.level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(n);
    stack.push(n);
  });
  return roots;
}

export class DraftLintSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly linter: LintService) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    if (!this.linter.isLintable(document)) return [];
    const { nodes, model, roleNames } = outlineOf(this.linter, document);
    const info = this.linter.snapshot(document)?.output.docTypeInfo;
    const toSymbol = (n: OutlineNode): vscode.DocumentSymbol => {
      const range = rangeOf(model, n.offset, n.length);
      let sel = rangeOf(model, n.selectionOffset, n.selectionLength);
      if (!range.contains(sel)) sel = new vscode.Range(range.start, range.start);
      // Detail: the template part a numbered heading plays (一、2024年主要工作 — 工作回顾); nothing when it is the name.
      const role = n.role ? roleNames.get(n.role) : undefined;
      const detail = role && role !== n.name ? role : '';
      const s = new vscode.DocumentSymbol(n.name || '（无标题）', detail, n.kind === 'section' ? vscode.SymbolKind.Module : vscode.SymbolKind.String, range, sel);
      s.children = n.children.map(toSymbol);
      return s;
    };
    const symbols = nodes.map(toSymbol);
    // The detected type first (文种：提案), on the first line: the outline says what the tool takes the text for.
    if (info) {
      const first = new vscode.Range(0, 0, 0, model.lines[0]?.text.length ?? 0);
      symbols.unshift(new vscode.DocumentSymbol(`文种：${typeLabel(info)}`, typeTooltip(info).split('\n')[0], vscode.SymbolKind.Namespace, first, first));
    }
    return symbols;
  }
}

export class DraftLintFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly linter: LintService) {}

  provideFoldingRanges(document: vscode.TextDocument): vscode.FoldingRange[] {
    if (!this.linter.isLintable(document)) return [];
    const { nodes, model } = outlineOf(this.linter, document);
    const out: vscode.FoldingRange[] = [];
    const walk = (n: OutlineNode) => {
      const start = model.position(n.offset).line - 1;
      let endLine = model.position(Math.max(n.offset, n.offset + n.length - 1)).line - 1;
      // Leave the blank lines before the next section visible.
      while (endLine > start && model.lines[endLine] && model.lines[endLine].text.trim() === '') endLine--;
      if (endLine > start) out.push(new vscode.FoldingRange(start, endLine, vscode.FoldingRangeKind.Region));
      n.children.forEach(walk);
    };
    nodes.forEach(walk);
    return out;
  }
}
