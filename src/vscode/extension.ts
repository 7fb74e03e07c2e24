// The VS Code extension: a thin layer over the pure core. Activation only wires things up; the segmenter loads in
// the background afterwards and the open documents are re-linted when it is ready.
import * as vscode from 'vscode';
import { DraftLintCodeActions } from './codeActions';
import { fixAllCommand, insertTemplate, lintCurrent, lintWorkspace } from './commands';
import { LintBackend } from './backend';
import { ConfigManager } from './configs';
import { DraftLintHover } from './hover';
import { LedgerPanel } from './ledger';
import { LANGUAGES, LintEvent, LintService, TYPE_DELAY_MS } from './linter';
import { DraftLintFolding, DraftLintSymbols } from './symbolsAndFolding';
import { SegmenterHost, SegmenterInfo } from './segmenter';
import { readSettings } from './settings';
import { StatusBar } from './statusBar';
import { DocTypeStatus, setDocTypeCommand } from './docType';
import type { DocTypeSetting } from '../core/types';
import { DOCX_SCHEME, ReportPanel, ReviewOptions, WordReview } from './word';

/** What `activate` returns (used by the integration tests; stable enough for other extensions to read). */
export interface DraftLintApi {
  /** Milliseconds `activate` took. */
  activationMs: number;
  segmenter(): SegmenterInfo;
  /** The information messages shown about the segmenter this session (the fallback's, once). */
  segmenterMessages(): readonly string[];
  /** Resolves when the segmenter finished loading (or failed). */
  segmenterSettled: Promise<void>;
  onDidLint: vscode.Event<LintEvent>;
  /** The last config error message, if a config is broken. */
  configError(): string | undefined;
  /** Milliseconds the core took for the last lint of this document. */
  lastLintMs(uri: vscode.Uri): number | undefined;
  /** Tests only: behave as if the workspace were (not) trusted; undefined restores VS Code's answer. */
  overrideTrustForTesting(trusted: boolean | undefined): void;
  /** The status bar item's text and tooltip (for tests). */
  status(): { text: string; tooltip: string; visible: boolean };
  /** Where linting runs: 'worker' (a worker thread) or 'extension-host'. */
  backend(): 'worker' | 'extension-host';
}

/** The running backend, for deactivate. */
let current: LintBackend | undefined;

export function activate(context: vscode.ExtensionContext): DraftLintApi {
  const t0 = performance.now();
  const log = vscode.window.createOutputChannel('draft-lint');
  const configs = new ConfigManager();
  const seg = new SegmenterHost();
  const backend = new LintBackend(seg, log);
  current = backend;
  const linter = new LintService(context.extensionUri, configs, backend, log);
  const status = new StatusBar(linter, seg);
  const typeStatus = new DocTypeStatus(linter);
  const ledger = new LedgerPanel(linter);
  const word = new WordReview(linter, context.extensionUri, seg.settled);
  const report = new ReportPanel(linter, word, context.extensionUri);
  const selector: vscode.DocumentSelector = LANGUAGES.flatMap(language => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
    { language, scheme: 'vscode-remote' },
    { language, scheme: 'vscode-vfs' },
  ]);

  const open = (doc: vscode.TextDocument) => {
    if (linter.isLintable(doc)) linter.schedule(doc, 0);
  };
  context.subscriptions.push(
    log,
    configs,
    seg,
    backend,
    linter,
    status,
    typeStatus,
    ledger,
    word,
    report,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_SCHEME, word),
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument(e => {
      if (!e.contentChanges.length || !linter.isLintable(e.document)) return;
      if (readSettings(e.document.uri).run === 'onType') linter.schedule(e.document, TYPE_DELAY_MS);
    }),
    vscode.workspace.onDidSaveTextDocument(doc => {
      // A save runs every rule again, even one that was over its time budget while typing.
      if (linter.isLintable(doc)) linter.schedule(doc, 0, true);
    }),
    vscode.workspace.onDidCloseTextDocument(doc => linter.clear(doc.uri)),
    // VS Code may keep a document alive for a while after its last editor closes: clear when its last tab goes,
    // and lint again if it is shown again.
    vscode.window.tabGroups.onDidChangeTabs(e => {
      for (const tab of e.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !isInTab(uri)) linter.clear(uri);
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(editors => {
      for (const ed of editors) if (!linter.hasState(ed.document.uri)) open(ed.document);
    }),
    configs.onDidChange(() => linter.relintAll()),
    seg.onDidChange(info => {
      if (info.state === 'failed') log.appendLine(`分词器（nodejieba）加载失败：${info.error}`);
      else log.appendLine(`分词器（${info.engine ?? 'nodejieba'}）已加载，用时 ${info.loadMs} ms${info.fallbackReason ? `；未用 nodejieba 的原因：${info.fallbackReason}` : ''}`);
      linter.relintAll();
      status.update();
    }),
    linter.onDidLint(e => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === e.uri.toString()) {
        status.update();
        typeStatus.update();
      }
    }),
    vscode.window.onDidChangeActiveTextEditor(() => {
      status.update();
      typeStatus.update();
    }),
    vscode.languages.registerCodeActionsProvider(selector, new DraftLintCodeActions(linter), DraftLintCodeActions.metadata),
    vscode.languages.registerHoverProvider(selector, new DraftLintHover(linter, context.extensionUri)),
    vscode.languages.registerDocumentSymbolProvider(selector, new DraftLintSymbols(linter), { label: 'draft-lint' }),
    vscode.languages.registerFoldingRangeProvider(selector, new DraftLintFolding(linter)),
    vscode.commands.registerCommand('draftLint.lintDocument', () => lintCurrent(linter)),
    vscode.commands.registerCommand('draftLint.lintWorkspace', (opts?: { quiet?: boolean }) => lintWorkspace(linter, !!opts?.quiet)),
    vscode.commands.registerCommand('draftLint.fixAll', () => fixAllCommand(linter)),
    vscode.commands.registerCommand('draftLint.insertTemplate', (pick?: { label: string; year?: number }) => insertTemplate(context.extensionUri, pick)),
    vscode.commands.registerCommand('draftLint.showLedger', () => ledger.show()),
    vscode.commands.registerCommand('draftLint.setDocType', (type?: DocTypeSetting) => setDocTypeCommand(linter, type)),
    // From the explorer's context menu the argument is the file's URI; from a test, ReviewOptions.
    vscode.commands.registerCommand('draftLint.reviewWord', (arg?: vscode.Uri | ReviewOptions) => word.review(arg instanceof vscode.Uri ? { uri: arg } : arg)),
    vscode.commands.registerCommand('draftLint.showReport', (uri?: vscode.Uri) => report.show(uri instanceof vscode.Uri ? uri : undefined)),
  );

  // Lint what is already open, then load the segmenter once the first results are out.
  for (const doc of vscode.workspace.textDocuments) open(doc);
  setTimeout(() => backend.loadSegmenter(), 300);
  status.update();

  const activationMs = performance.now() - t0;
  log.appendLine(`draft-lint 已启动（${activationMs.toFixed(1)} ms）`);
  return {
    activationMs,
    backend: () => backend.mode,
    status: () => ({ text: status.item.text, tooltip: String(status.item.tooltip ?? ''), visible: status.visible }),
    overrideTrustForTesting: trusted => {
      configs.trustOverride = trusted;
      configs.invalidate();
    },
    segmenter: () => seg.state,
    segmenterMessages: () => seg.messages,
    segmenterSettled: seg.settled,
    onDidLint: linter.onDidLint,
    configError: () => configs.lastError,
    lastLintMs: uri => {
      const doc = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
      return doc ? linter.snapshot(doc)?.ms : undefined;
    },
  };
}

function isInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some(g => g.tabs.some(t => t.input instanceof vscode.TabInputText && t.input.uri.toString() === key));
}

/** Everything else is in context.subscriptions (disposed after this); the lint worker is asked to stop and
 *  waited for here (see stopWorker). */
export function deactivate(): Promise<void> | undefined {
  const b = current;
  current = undefined;
  b?.dispose();
  return b?.stopped;
}
