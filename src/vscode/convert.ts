// Conversions from the lint's diagnostics and ranges (lines and characters computed by the engine, in the lint
// worker) to VS Code's, and fixes to text edits.
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic, Fix } from '../core/types';
import type { EditorDiagnostic, LineRange } from './protocol';

export const SOURCE = 'draft-lint';

/** A VS Code range from a range the lint computed with the engine's DocumentModel (src/vscode/editorLint.ts). */
export function toRange(r: LineRange): vscode.Range {
  return new vscode.Range(r[0], r[1], r[2], r[3]);
}

export function severityOf(s: CoreDiagnostic['severity']): vscode.DiagnosticSeverity {
  return s === 'error' ? vscode.DiagnosticSeverity.Error : s === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
}

/** The documentation page of a rule shipped with the extension (docs/rules/<category>/<name>.md). */
export function ruleDocUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  const [category, name] = ruleId.split('/');
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', category, `${name}.md`);
}

export function toVsDiagnostic(d: EditorDiagnostic, uri: vscode.Uri, extensionUri: vscode.Uri): vscode.Diagnostic {
  const v = new vscode.Diagnostic(toRange(d.range), d.message, severityOf(d.severity));
  v.source = SOURCE;
  v.code = { value: d.ruleId, target: ruleDocUri(extensionUri, d.ruleId) };
  if (d.related?.length) {
    v.relatedInformation = d.related.map((r, i) => new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(d.relatedRanges![i])), r.message));
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
