// Hover on a finding: which rule and what it checks, the standard form, and where the standard comes from (VS Code
// shows the message itself just above, in its hover for the diagnostic).
import * as vscode from 'vscode';
import { allRules } from '../lint';
import { ruleDocUri, toRange } from './convert';
import { LintService } from './linter';

const SEVERITY_LABEL = { error: '错误', warning: '警告', info: '提示' } as const;

export class DraftLintHover implements vscode.HoverProvider {
  constructor(
    private readonly linter: LintService,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const snap = this.linter.snapshot(document);
    if (!snap) return undefined;
    const hits = snap.diagnostics
      .map(d => ({ d, range: toRange(d.range) }))
      .filter(({ range }) => range.contains(position));
    if (!hits.length) return undefined;
    const md = new vscode.MarkdownString(undefined, true);
    md.isTrusted = false;
    hits.forEach(({ d }, i) => {
      if (i) md.appendMarkdown('\n\n---\n\n');
      const meta = allRules().find(r => r.meta.id === d.ruleId)?.meta;
      md.appendMarkdown(`**draft-lint** · ${SEVERITY_LABEL[d.severity]} · [\`${d.ruleId}\`](${ruleDocUri(this.extensionUri, d.ruleId).toString()})`);
      if (meta) md.appendMarkdown(`（${escape(meta.description)}）`);
      // The message itself is already in VS Code's own hover for the diagnostic, right above this one.
      if (d.expected) md.appendMarkdown(`\n\n**标准表述**：${escape(d.expected)}`);
      if (d.source) md.appendMarkdown(`\n\n**依据**：${escape(d.source)}`);
      if (d.fix) md.appendMarkdown(`\n\n可自动修复：按 Ctrl+. 选择修复。`);
    });
    const range = hits.map(h => h.range).reduce((a, b) => a.intersection(b) ?? a);
    return new vscode.Hover(md, range);
  }
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, m => '\\' + m);
}
