// What the editor needs from one lint, computed where the lint runs (the lint worker, or the extension host when no
// worker can start): the diagnostics with their line/column ranges, the outline, the folding ranges and — when the
// ledger panel shows this document — the figure ledger. All positions come from the engine's DocumentModel (the
// text is parsed once); the extension host only turns them into VS Code objects. No vscode import.
import { DocumentModel } from '../core/document';
import { figureLedger } from '../core/ledger';
import { buildOutline, OutlineNode } from '../core/section-tree';
import type { PackSet } from '../core/packs';
import type { Diagnostic } from '../core/types';
import { lintInPhases, LintOptions } from '../lint';
import type { LintResult, PhasedLint } from '../core/engine';
import type { EditorDiagnostic, LineRange, LintOutput, OutlineView } from './protocol';

/** What to compute besides the diagnostics. */
export interface EditorWants {
  ledger?: boolean;
}

/** 0-based line/character range of an offset span, by the model's own line table. */
export function lineRange(doc: DocumentModel, offset: number, length: number): LineRange {
  const s = doc.position(offset);
  const e = doc.position(offset + length);
  return [s.line - 1, s.column - 1, e.line - 1, e.column - 1];
}

function positioned(doc: DocumentModel, d: Diagnostic): EditorDiagnostic {
  const out: EditorDiagnostic = { ...d, range: lineRange(doc, d.offset, d.length) };
  if (d.related?.length) out.relatedRanges = d.related.map(r => lineRange(doc, r.offset, r.length));
  return out;
}

/** Template section ids → their Chinese names (review → 工作回顾), for the outline's detail text. */
function roleNames(packs: PackSet): Map<string, string> {
  return packs.memo('editor:roleNames', () => {
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

/** The outline as the editor shows it, and the folding ranges (0-based first and last line of each section, the
 *  blank lines before the next section left visible). */
export function outlineViews(doc: DocumentModel, nodes: OutlineNode[], packs: PackSet): { outline: OutlineView[]; folding: [number, number][] } {
  const names = roleNames(packs);
  const folding: [number, number][] = [];
  const view = (n: OutlineNode): OutlineView => {
    const start = doc.position(n.offset).line - 1;
    let endLine = doc.position(Math.max(n.offset, n.offset + n.length - 1)).line - 1;
    while (endLine > start && doc.lines[endLine] && doc.lines[endLine].text.trim() === '') endLine--;
    if (endLine > start) folding.push([start, endLine]);
    // Detail: the template part a numbered heading plays (一、2024年主要工作 — 工作回顾); nothing when it is the name.
    const role = n.role ? names.get(n.role) : undefined;
    return {
      name: n.name,
      detail: role && role !== n.name ? role : '',
      kind: n.kind,
      range: lineRange(doc, n.offset, n.length),
      selection: lineRange(doc, n.selectionOffset, n.selectionLength),
      children: n.children.map(view),
    };
  };
  const outline = nodes.map(view);
  return { outline, folding };
}

/** What the editor shows of the document itself (outline, folding, ledger): the same for both phases of a lint. */
type DocumentViews = Pick<LintOutput, 'outline' | 'folding' | 'firstLineLength' | 'ledger'>;

function documentViews(res: LintResult, packs: PackSet, wants: EditorWants): DocumentViews {
  const doc = res.doc;
  let nodes = buildOutline(doc, res.docType, packs);
  if (!nodes.length) nodes = headingTree(doc);
  const { outline, folding } = outlineViews(doc, nodes, packs);
  return { outline, folding, firstLineLength: doc.lines[0]?.text.length ?? 0, ledger: wants.ledger ? figureLedger(doc) : undefined };
}

/** The editor's view of one lint result. */
function editorOutput(res: LintResult, views: DocumentViews): Omit<LintOutput, 'ms'> {
  return {
    diagnostics: res.diagnostics.map(d => positioned(res.doc, d)),
    notices: res.notices,
    docType: res.docType,
    docTypeInfo: res.docTypeInfo,
    timings: res.timings,
    ...views,
  };
}

/** A lint for the editor in two phases (see lintInPhases): with `phases` and a ready segmenter, partial() gives the
 *  findings of the rules that need none (a newly opened document shows them first), finish() all of them. */
export interface EditorPhasedLint {
  readonly deferred: boolean;
  partial(): Omit<LintOutput, 'ms'>;
  finish(): Omit<LintOutput, 'ms'>;
}

export function lintForEditorInPhases(text: string, opts: LintOptions & { packs: PackSet }, wants: EditorWants = {}, phases = false): EditorPhasedLint {
  const ready = phases && opts.segmenterState === 'ready' ? opts.segmenter : undefined;
  const phased = lintInPhases(text, ready ? { ...opts, resolveSegmenter: () => ({ segmenter: ready, state: 'ready' }) } : opts);
  // The outline, folding and ledger come from the document and its type, which both phases share: built once.
  let views: DocumentViews | undefined;
  const output = (res: LintResult) => editorOutput(res, (views ??= documentViews(res, opts.packs, wants)));
  return new EditorPhased(phased, output);
}

/** A class, not an object literal with `get deferred()`: such a literal is a dictionary-mode object whose getter sits
 *  in an old-generation AccessorPair, which kept every keystroke's lint alive through the young-generation
 *  collections (see CheckContext in src/core/engine.ts). */
class EditorPhased implements EditorPhasedLint {
  constructor(
    private readonly phased: PhasedLint,
    private readonly output: (res: LintResult) => Omit<LintOutput, 'ms'>,
  ) {}
  get deferred(): boolean {
    return this.phased.deferred;
  }
  partial(): Omit<LintOutput, 'ms'> {
    return this.output(this.phased.partial());
  }
  finish(): Omit<LintOutput, 'ms'> {
    return this.output(this.phased.finish());
  }
}

/** Lints one text for the editor. */
export function lintForEditor(text: string, opts: LintOptions & { packs: PackSet }, wants: EditorWants = {}): Omit<LintOutput, 'ms'> {
  return lintForEditorInPhases(text, opts, wants).finish();
}
