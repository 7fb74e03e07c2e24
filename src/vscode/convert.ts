// Conversions between the core's offsets/diagnostics and VS Code's ranges/diagnostics, and minimal text edits.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Fix } from '../core/types';

export const SOURCE = 'draft-lint';

/** Anything that maps an offset to a 1-based line and column (the core's DocumentModel, or a LineIndex). */
export interface Positions {
  position(offset: number): { line: number; column: number };
}

/** Line starts of a text, split exactly as the core splits lines (\r\n, \n, \r). */
export class LineIndex implements Positions {
  private readonly starts: number[] = [0];
  constructor(private readonly text: string) {
    const re = /\r\n|\n|\r/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) this.starts.push(m.index + m[0].length);
  }
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo] + 1 };
  }
}

/** A range from UTF-16 offsets, using the text's own line table (works for files that are not open). */
export function rangeOf(doc: Positions, offset: number, length: number): vscode.Range {
  const s = doc.position(offset);
  const e = doc.position(offset + length);
  return new vscode.Range(s.line - 1, s.column - 1, e.line - 1, e.column - 1);
}

export function severityOf(s: CoreDiagnostic['severity']): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The documentation page of a rule shipped with the extension (docs/rules/<category>/<name>.md). */
export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  const [category, name] = ruleId.split('/');
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', category, `${name}.md`);
}

export function toVsDiagnostic(d: CoreDiagnostic, model: Positions, uri: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const v = new vscode.Diagnostic(rangeOf(model, d.offset, d.length), d.message, severityOf(d.severity));
  v.source = SOURCE;
  v.code = { value: d.ruleId, target: ruleDocUri(extensionUri, d.ruleId) };
  if (d.related?.length) {
    v.relatedInformation = d.related.map(r => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, rangeOf(model, r.offset, r.length)), r.message));
  }
  return v;
}

/** The rule id of a VS Code diagnostic we published. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE) return undefined;
  const c = d.code;
  if (typeof c === 'object' && c !== null) return String(c.value);
  return c === undefined ? undefined : String(c);
}

/** The smallest edits that turn `a` into `b` (the host layer's one diff, shared with --fix-dry-run). */
export { minimalEdits } from '../host/diff';

export function toTextEdits(document: vscode.TextDocument, fixes: Fix[]): vscode.TextEdit[] {
  return fixes.map(f => vscode.TextEdit.replace(new vscode.Range(document.positionAt(f.offset), document.positionAt(f.offset + f.length)), f.text));
}

/** A short Chinese title for a fix: 改为“…” / 删除“…” / 插入“…”. */
export function describeFix(text: string, f: Fix): string {
  const clip = (s: string) => (s.length > 24 ? s.slice(0, 23) + '…' : s);
  const show = (s: string) => clip(s.replace(/\r?\n/g, '↵').replace(/ /g, '␣'));
  const old = text.slice(f.offset, f.offset + f.length);
  if (!f.length) return `插入“${show(f.text)}”`;
  if (!f.text) return `删除“${show(old)}”`;
  return `将“${show(old)}”改为“${show(f.text)}”`;
}
