// The figure ledger of the current document as a table in a webview; clicking a row jumps to the figure.
import * as crypto from 'crypto';
import * as vscode from 'vscode';
import { displaySubject, LEDGER_KIND_LABEL, type LedgerEntry } from '../core/ledger';
import { LintService } from './linter';


export class LedgerPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private docUri: vscode.Uri | undefined;
  private entries: LedgerEntry[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly linter: LintService) {
    this.disposables.push(
      linter.onDidLint(e => {
        if (!e.partial && this.panel && this.docUri && e.uri.toString() === this.docUri.toString()) void this.refresh();
      }),
    );
  }

  /** Opens (or refreshes) the ledger for the active document; returns the entries shown. */
  async show(): Promise<LedgerEntry[]> {
    const editor = vscode.window.activeTextEditor;
    const doc = editor?.document;
    if (!doc || !['markdown', 'plaintext'].includes(doc.languageId)) {
      void vscode.window.showWarningMessage('draft-lint：请先打开一篇 Markdown 或纯文本文稿。');
      return [];
    }
    if (this.docUri) this.linter.ledgerFor.delete(this.docUri.toString());
    this.docUri = doc.uri;
    this.linter.ledgerFor.add(doc.uri.toString());
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('draftLint.ledger', '数字台账', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [] });
      this.panel.onDidDispose(
        () => {
          this.panel = undefined;
          if (this.docUri) this.linter.ledgerFor.delete(this.docUri.toString());
        },
        null,
        this.disposables,
      );
      this.panel.webview.onDidReceiveMessage(m => this.reveal(m), null, this.disposables);
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
    return this.entries;
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.docUri) return;
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === this.docUri!.toString());
    if (!doc) return;
    // The ledger is computed by the lint (in the worker) while the panel shows this document: lint again when the
    // last result was made without it.
    let snap = await this.linter.current(doc);
    if (snap && !snap.output.ledger) snap = (await this.linter.lintDocument(doc, true, false)) ?? (await this.linter.current(doc));
    if (!snap || !this.panel) return;
    this.entries = snap.output.ledger ?? [];
    this.panel.title = `数字台账：${vscode.workspace.asRelativePath(doc.uri)}`;
    this.panel.webview.html = this.html(vscode.workspace.asRelativePath(doc.uri), this.entries);
  }

  private async reveal(m: { type?: string; index?: number }): Promise<void> {
    if (m?.type !== 'reveal' || typeof m.index !== 'number' || !this.docUri) return;
    const e = this.entries[m.index];
    if (!e) return;
    const doc = await vscode.workspace.openTextDocument(this.docUri);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    const range = new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private html(name: string, entries: LedgerEntry[]): string {
    const nonce = crypto.randomBytes(16).toString('base64');
    const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
    const rows = entries
      .map(
        (e, i) => `<tr data-i="${i}" tabindex="0" title="跳到第 ${e.line} 行">
<td class="num">${e.line}:${e.column}</td><td>${esc(displaySubject(e.subject)) || '<span class="dim">（未识别）</span>'}</td><td class="num">${esc(e.raw)}</td>
<td class="num">${esc(formatValue(e))}</td><td class="nw">${esc(e.unit)}</td><td>${esc(e.qualifiers.join('、'))}</td><td class="num">${esc(e.year)}</td><td class="nw">${esc(LEDGER_KIND_LABEL[e.kind] ?? e.kind)}</td></tr>`,
      )
      .join('\n');
    return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<style nonce="${nonce}">
body{font-family:var(--vscode-font-family);font-size:var(--vscode-font-size);color:var(--vscode-foreground);padding:0 12px}
h2{font-size:1.15em;margin:12px 0 4px} p.dim,.dim{color:var(--vscode-descriptionForeground)}
table{border-collapse:collapse;width:100%} th,td{padding:3px 8px;border-bottom:1px solid var(--vscode-editorGroup-border);text-align:left;vertical-align:top}
th{position:sticky;top:0;background:var(--vscode-editor-background);font-weight:600}
td.num{font-variant-numeric:tabular-nums;white-space:nowrap} td.nw,th{white-space:nowrap}
tr[data-i]{cursor:pointer} tr[data-i]:hover,tr[data-i]:focus{background:var(--vscode-list-hoverBackground);outline:none}
</style></head><body>
<h2>数字台账</h2><p class="dim">${esc(name)} · 共 ${entries.length} 个数字 · 点击一行跳到原文</p>
${entries.length ? `<table><thead><tr><th>位置</th><th>主体</th><th>原文</th><th>数值</th><th>单位</th><th>限定</th><th>年份</th><th>类型</th></tr></thead><tbody>${rows}</tbody></table>` : '<p class="dim">文中没有识别到数字。</p>'}
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
for (const tr of document.querySelectorAll('tr[data-i]')) {
  const go = () => vscode.postMessage({ type: 'reveal', index: Number(tr.dataset.i) });
  tr.addEventListener('click', go);
  tr.addEventListener('keydown', e => { if (e.key === 'Enter') go(); });
}
</script></body></html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function formatValue(e: LedgerEntry): string {
  // As a plain number (no thousands separators: 2019 is a year, not 2,019).
  return e.kind === 'percent' ? `${e.value}%` : String(e.value);
}
