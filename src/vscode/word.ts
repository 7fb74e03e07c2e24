// Word drafts in VS Code: the command 审校 Word 文稿… reads a chosen .docx, shows its text in a read-only view with
// the findings in the Problems panel, and offers to write the annotated copy (comments and/or tracked changes);
// the command 打开审校报告 shows the HTML review report of the current draft (a Word view or a text draft) in a
// webview.
import * as crypto from 'crypto';
import * as path from 'path';
import * as vscode from 'vscode';
import type { DocxText } from '../docx/reader';
import type { AnnotateMode } from '../docx/annotate';
import type { Diagnostic, DocType } from '../core/types';
import type { PackSet } from '../core/packs';
import { DraftLintError } from '../core/types';
import { ruleDocUri, toVsDiagnostic } from './convert';
import { LintService, LANGUAGES } from './linter';

/** The scheme of the read-only text views of Word documents. */
export const DOCX_SCHEME = 'draftlint-docx';

interface WordView {
  source: vscode.Uri;
  docx: DocxText;
  text: string;
  diagnostics: Diagnostic[];
  docType: DocType;
  packs: PackSet;
}

export interface ReviewOptions {
  /** The .docx (else a file dialog asks). */
  uri?: vscode.Uri;
  /** Write the annotated copy without asking (tests, scripts): mode and target. */
  annotate?: { mode: AnnotateMode; target: vscode.Uri };
  /** Do not show the closing message with its buttons. */
  quiet?: boolean;
}

export interface ReviewResult {
  view: vscode.Uri;
  diagnostics: number;
  /** Where the annotated copy was written, if it was. */
  annotated?: vscode.Uri;
}

const MODE_ITEMS: (vscode.QuickPickItem & { mode: AnnotateMode })[] = [
  { label: '批注', description: 'comments', detail: '每个问题写成一条 Word 批注，标在原文上', mode: 'comments' },
  { label: '修订', description: 'revisions', detail: '可修复的问题写成修订（作者 draft-lint 审校），在 Word/WPS 中接受或拒绝；其余写成批注', mode: 'revisions' },
  { label: '批注和修订', description: 'both', detail: '每个问题一条批注，可修复的同时写成修订', mode: 'both' },
];

export class WordReview implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly views = new Map<string, WordView>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly collection = vscode.languages.createDiagnosticCollection('draft-lint-word');
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly linter: LintService,
    private readonly extensionUri: vscode.Uri,
    /** Settles when the word segmenter has loaded (or failed): a one-off review waits for it (up to 20 s). */
    private readonly segmenterSettled: Promise<void> = Promise.resolve(),
  ) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument(doc => {
        if (doc.uri.scheme === DOCX_SCHEME) this.collection.delete(doc.uri);
      }),
    );
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.views.get(uri.toString())?.text ?? '';
  }

  /** The view's URI for a source file: same path and name, our scheme (read-only, titled by the file name). */
  static viewUri(source: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: DOCX_SCHEME, path: source.path, query: source.toString() });
  }

  view(uri: vscode.Uri): WordView | undefined {
    return this.views.get(uri.toString());
  }

  /** The command 审校 Word 文稿…. */
  async review(opts: ReviewOptions = {}): Promise<ReviewResult | undefined> {
    const source =
      opts.uri ??
      (
        await vscode.window.showOpenDialog({
          title: '审校 Word 文稿',
          canSelectMany: false,
          openLabel: '审校',
          filters: { 'Word 文档': ['docx'], 旧版Word或WPS: ['doc', 'wps'] },
        })
      )?.[0];
    if (!source) return undefined;
    const name = path.basename(source.path);
    const { isBinaryWordPath } = await import('../docx/reader');
    const { binaryWordMessage } = await import('../docx/package');
    if (isBinaryWordPath(name)) {
      void vscode.window.showErrorMessage(`draft-lint：${binaryWordMessage(name)}`);
      return undefined;
    }
    let docx: DocxText;
    try {
      const { readDocx } = await import('../docx/reader');
      docx = readDocx(await vscode.workspace.fs.readFile(source), name);
    } catch (e) {
      void vscode.window.showErrorMessage(`draft-lint：${e instanceof DraftLintError ? e.message : `无法读取 ${name}：${(e as Error).message}`}`);
      return undefined;
    }
    const eff = await this.linter.configs.forDocument(source);
    await Promise.race([this.segmenterSettled, new Promise(r => setTimeout(r, 20000))]);
    const output = await this.linter.backend.lint(`${DOCX_SCHEME}:${source.toString()}`, { text: docx.text, path: source.fsPath, languageId: 'plaintext', config: eff.config, packs: eff.packs });
    if (!output) return undefined;
    const viewUri = WordReview.viewUri(source);
    this.views.set(viewUri.toString(), { source, docx, text: docx.text, diagnostics: output.diagnostics, docType: output.docType, packs: eff.packs });
    this.changed.fire(viewUri);
    const doc = await vscode.workspace.openTextDocument(viewUri);
    await vscode.window.showTextDocument(doc, { preview: false });
    this.collection.set(
      viewUri,
      output.diagnostics.map(d => toVsDiagnostic(d, viewUri, this.extensionUri)),
    );
    const result: ReviewResult = { view: viewUri, diagnostics: output.diagnostics.length };
    if (opts.annotate) {
      result.annotated = await this.writeAnnotated(viewUri, opts.annotate.mode, opts.annotate.target);
      return result;
    }
    if (!opts.quiet) {
      const count = (s: string) => output.diagnostics.filter(d => d.severity === s).length;
      const msg = output.diagnostics.length
        ? `draft-lint：${name} 发现 ${output.diagnostics.length} 个问题（错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}），已列在“问题”面板。`
        : `draft-lint：${name} 没有发现问题。`;
      void vscode.window.showInformationMessage(msg, '写出批注副本…', '打开审校报告').then(choice => {
        if (choice === '写出批注副本…') void this.writeAnnotated(viewUri);
        else if (choice === '打开审校报告') void vscode.commands.executeCommand('draftLint.showReport', viewUri);
      });
    }
    return result;
  }

  /** Writes the annotated copy of a viewed Word document (asks for the mode and the place when not given). */
  async writeAnnotated(viewUri: vscode.Uri, mode?: AnnotateMode, target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const v = this.views.get(viewUri.toString());
    if (!v) return undefined;
    if (!mode) {
      const pick = await vscode.window.showQuickPick(MODE_ITEMS, { title: '批注副本的写法', placeHolder: '选择把问题写成批注、修订，还是两者' });
      if (!pick) return undefined;
      mode = pick.mode;
    }
    if (!target) {
      const base = path.basename(v.source.path).replace(/\.docx$/i, '');
      target = await vscode.window.showSaveDialog({
        title: '保存批注副本（原文不会改动）',
        defaultUri: vscode.Uri.joinPath(v.source, '..', `${base}（审校）.docx`),
        filters: { 'Word 文档': ['docx'] },
        saveLabel: '保存副本',
      });
      if (!target) return undefined;
    }
    if (target.toString() === v.source.toString()) {
      void vscode.window.showErrorMessage('draft-lint：批注副本不能覆盖原文，请换一个文件名。');
      return undefined;
    }
    const { annotateDocx } = await import('../docx/annotate');
    const { allRules } = await import('../lint');
    const out = annotateDocx(v.docx, v.diagnostics, { mode, ruleTitle: id => allRules().find(r => r.meta.id === id)?.meta.description });
    await vscode.workspace.fs.writeFile(target, out.bytes);
    vscode.window.setStatusBarMessage(`draft-lint：已写入批注副本 ${path.basename(target.path)}（批注 ${out.comments} 条${out.revisions ? `，修订 ${out.revisions} 处` : ''}）`, 6000);
    return target;
  }

  dispose(): void {
    this.collection.dispose();
    this.changed.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The review report of the current draft in a webview. */
export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last HTML shown (tests read it). */
  html = '';

  constructor(
    private readonly linter: LintService,
    private readonly word: WordReview,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.disposables.push(
      linter.onDidLint(e => {
        if (!e.partial && this.panel && this.target && e.uri.toString() === this.target.toString()) void this.refresh();
      }),
    );
  }

  /** Opens the report of `uri` (a Word view or a text draft), else of the active editor's document. */
  async show(uri?: vscode.Uri): Promise<string | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const doc = target && vscode.workspace.textDocuments.find(d => d.uri.toString() === target.toString());
    if (!target || (!this.word.view(target) && (!doc || !LANGUAGES.includes(doc.languageId)))) {
      void vscode.window.showWarningMessage('draft-lint：请先打开一篇文稿（Markdown、纯文本，或用“审校 Word 文稿…”打开的 Word 文档）。');
      return undefined;
    }
    this.target = target;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('draftLint.report', '审校报告', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
      this.panel.webview.onDidReceiveMessage(m => this.onMessage(m), null, this.disposables);
    } else this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.refresh();
    return this.html;
  }

  private async data(): Promise<{ name: string; text: string; diagnostics: Diagnostic[]; docType: DocType; packs: PackSet } | undefined> {
    const t = this.target!;
    const v = this.word.view(t);
    if (v) return { name: path.basename(v.source.path), text: v.text, diagnostics: v.diagnostics, docType: v.docType, packs: v.packs };
    const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === t.toString());
    if (!doc) return undefined;
    const snap = await this.linter.current(doc);
    if (!snap) return undefined;
    return { name: vscode.workspace.asRelativePath(doc.uri), text: snap.text, diagnostics: snap.diagnostics, docType: snap.output.docType, packs: snap.config.packs };
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.target) return;
    const d = await this.data();
    if (!d || !this.panel) return;
    const { reportDocument } = await import('../report/data');
    const { renderHtml } = await import('../report/html');
    const nonce = crypto.randomBytes(16).toString('base64');
    const report = reportDocument({ path: d.name, text: d.text, diagnostics: d.diagnostics, docType: d.docType, packs: d.packs });
    this.html = renderHtml([report], {
      nonce,
      ruleHref: id => `#rule:${id}`,
      extraScript: `
(function(){
  var vscode = acquireVsCodeApi();
  document.addEventListener('click', function(e){
    var a = e.target.closest && e.target.closest('a[data-rule-link]');
    if (a) { e.preventDefault(); vscode.postMessage({ type: 'openRule', ruleId: a.getAttribute('data-rule-link') }); return; }
    var li = e.target.closest && e.target.closest('li.finding');
    if (li && !e.target.closest('input')) vscode.postMessage({ type: 'reveal', offset: Number(li.getAttribute('data-offset')), length: Number(li.getAttribute('data-length')) });
  });
})();`,
    });
    this.panel.title = `审校报告：${d.name}`;
    this.panel.webview.html = this.html;
  }

  private async onMessage(m: { type?: string; ruleId?: string; offset?: number; length?: number }): Promise<void> {
    if (m?.type === 'openRule' && typeof m.ruleId === 'string' && /^[a-z]+\/[a-z0-9-]+$/.test(m.ruleId)) {
      const uri = ruleDocUri(this.extensionUri, m.ruleId);
      await vscode.commands.executeCommand('markdown.showPreview', uri).then(undefined, async () => vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri)));
    } else if (m?.type === 'reveal' && typeof m.offset === 'number' && this.target) {
      const doc = await vscode.workspace.openTextDocument(this.target);
      const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.One, preserveFocus: false });
      const range = new vscode.Range(doc.positionAt(m.offset), doc.positionAt(m.offset + (m.length ?? 0)));
      editor.selection = new vscode.Selection(range.start, range.end);
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
