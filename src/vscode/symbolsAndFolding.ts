// Outline (document symbols, breadcrumbs) and folding ranges: computed by the lint (in the lint worker, with the
// diagnostics, from the engine's section tree — src/vscode/editorLint.ts); here only turned into VS Code objects.
import * as vscode from 'vscode';
import { LintService } from './linter';
import { toRange } from './convert';
import { typeLabel, typeTooltip } from './docType';
import type { OutlineView } from './protocol';

export class DraftLintSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly linter: LintService) {}

  async provideDocumentSymbols(document: vscode.TextDocument): Promise<vscode.DocumentSymbol[]> {
    if (!this.linter.isLintable(document)) return [];
    const out = await this.linter.viewOutput(document);
    if (!out) return [];
    const toSymbol = (n: OutlineView): vscode.DocumentSymbol => {
      const range = toRange(n.range);
      let sel = toRange(n.selection);
      if (!range.contains(sel)) sel = new vscode.Range(range.start, range.start);
      const s = new vscode.DocumentSymbol(n.name || '（无标题）', n.detail, n.kind === 'section' ? vscode.SymbolKind.Module : vscode.SymbolKind.String, range, sel);
      s.children = n.children.map(toSymbol);
      return s;
    };
    const symbols = out.outline.map(toSymbol);
    // The detected type first (文种：提案), on the first line: the outline says what the tool takes the text for.
    const info = out.docTypeInfo;
    if (info) {
      const first = new vscode.Range(0, 0, 0, out.firstLineLength);
      symbols.unshift(new vscode.DocumentSymbol(`文种：${typeLabel(info)}`, typeTooltip(info).split('\n')[0], vscode.SymbolKind.Namespace, first, first));
    }
    return symbols;
  }
}

export class DraftLintFolding implements vscode.FoldingRangeProvider {
  constructor(private readonly linter: LintService) {}

  async provideFoldingRanges(document: vscode.TextDocument): Promise<vscode.FoldingRange[]> {
    if (!this.linter.isLintable(document)) return [];
    const out = await this.linter.viewOutput(document);
    return (out?.folding ?? []).map(([start, end]) => new vscode.FoldingRange(start, end, vscode.FoldingRangeKind.Region));
  }
}
