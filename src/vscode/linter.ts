// The lint service: runs the core on open documents (on open, as you type — debounced — and on save) on the lint
// worker, discards stale runs with a generation counter, publishes diagnostics and keeps the last result for code
// actions, hovers, the outline and the status bar.
import * as path from 'path';
import * as vscode from 'vscode';
import { LintBackend } from './backend';
import { ConfigManager, EffectiveConfig } from './configs';
import { SOURCE, toVsDiagnostic } from './convert';
import type { EditorDiagnostic, LintOutput } from './protocol';
import { readSettings } from './settings';
import { matchesGlobs } from '../host/files';
import { ignoredBy } from '../host/ignore';
import { effectiveLimit, oversizeMessage, textExceeds } from '../host/limits';

export { matchesGlobs };

export const LANGUAGES = ['markdown', 'plaintext'];
/** Schemes of documents a writer edits (not output panes, git views, settings …). */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);
export const TYPE_DELAY_MS = 300;

export class LintSnapshot {
  constructor(
    readonly uri: vscode.Uri,
    readonly version: number,
    readonly text: string,
    readonly languageId: string,
    readonly output: LintOutput,
    readonly config: EffectiveConfig,
  ) {}
  get diagnostics(): EditorDiagnostic[] {
    return this.output.diagnostics;
  }
  /** Milliseconds the core took. */
  get ms(): number {
    return this.output.ms;
  }
}

export interface LintEvent {
  uri: vscode.Uri;
  version: number;
  /** Findings published (0 when skipped or cleared). */
  count: number;
  ms: number;
  /** Why the document was not linted (too large, ignored, disabled). */
  skipped?: string;
  /** The first phase of a newly opened document's lint: the rules that need no segmenter (the rest follow). */
  partial?: boolean;
}

interface DocState {
  generation: number;
  /** The next run starts with a fresh rule time budget (set on save). */
  resetBudget?: boolean;
  timer?: NodeJS.Timeout;
  /** Lints of this document in progress. */
  running?: number;
  snapshot?: LintSnapshot;
  skipped?: string;
}

export class LintService implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('draft-lint');
  private readonly states = new Map<string, DocState>();
  private readonly linted = new vscode.EventEmitter<LintEvent>();
  readonly onDidLint = this.linted.event;
  /** Documents whose lint also computes the figure ledger (the ledger panel shows them). */
  readonly ledgerFor = new Set<string>();
  /** Messages shown once per session (e.g. packs skipped in an untrusted workspace). */
  private readonly once = new Set<string>();

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly configs: ConfigManager,
    readonly backend: LintBackend,
    private readonly log: vscode.OutputChannel,
  ) {}

  private state(uri: vscode.Uri): DocState {
    const k = uri.toString();
    let s = this.states.get(k);
    if (!s) this.states.set(k, (s = { generation: 0 }));
    return s;
  }

  /** Markdown / plain text, a writer's document, enabled, and inside the `draftLint.files` globs. */
  isLintable(doc: vscode.TextDocument): boolean {
    if (!LANGUAGES.includes(doc.languageId) || !SCHEMES.has(doc.uri.scheme)) return false;
    const s = readSettings(doc.uri);
    if (!s.enable) return false;
    if (doc.uri.scheme === 'untitled') return true;
    // The extension's own files (the rule pages a diagnostic links to) are documentation, not drafts.
    if (doc.uri.path.startsWith(this.extensionUri.path + '/')) return false;
    const folder = vscode.workspace.getWorkspaceFolder(doc.uri);
    const rel = folder ? path.relative(folder.uri.fsPath, doc.uri.fsPath) : path.basename(doc.uri.fsPath);
    return matchesGlobs(rel, s.files);
  }

  /** Lints after `delayMs`; a newer request for the same document replaces this one. `resetBudget`: on save. */
  schedule(doc: vscode.TextDocument, delayMs: number, resetBudget = false): void {
    const st = this.state(doc.uri);
    if (resetBudget) st.resetBudget = true;
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      void this.lintDocument(doc).catch(e => this.log.appendLine(`[lint] ${(e as Error).stack ?? e}`));
    }, delayMs);
  }

  /**
   * Lints now. `force` lints even a document outside the globs or with linting disabled (explicit command) and,
   * like a save, runs every rule again even if one was over its time budget last time.
   */
  async lintDocument(doc: vscode.TextDocument, force = false, resetBudget = force): Promise<LintSnapshot | undefined> {
    const st = this.state(doc.uri);
    st.running = (st.running ?? 0) + 1;
    try {
      return await this.lintDocumentNow(doc, force, resetBudget);
    } finally {
      st.running--;
    }
  }

  private async lintDocumentNow(doc: vscode.TextDocument, force: boolean, resetBudget: boolean): Promise<LintSnapshot | undefined> {
    const st = this.state(doc.uri);
    if (st.timer) {
      clearTimeout(st.timer);
      st.timer = undefined;
    }
    const gen = ++st.generation;
    const version = doc.version;
    const eff = await this.configs.forDocument(doc.uri);
    // A newer run started while the config was read, or the document went away: this run is stale.
    if (st.generation !== gen || doc.isClosed) return undefined;
    if (!force && !this.isLintable(doc)) {
      this.clear(doc.uri, false);
      return undefined;
    }
    const skip = this.skipReason(doc.uri, doc.getText(), eff);
    if (skip && !force) {
      st.snapshot = undefined;
      st.skipped = skip;
      this.collection.delete(doc.uri);
      this.linted.fire({ uri: doc.uri, version, count: 0, ms: 0, skipped: skip });
      return undefined;
    }
    if (eff.packsSkippedUntrusted && !this.once.has('untrusted')) {
      this.once.add('untrusted');
      void vscode.window.showInformationMessage('draft-lint：工作区未受信任，未加载工作区中的规则包；内置规则照常运行。');
    }
    const text = doc.getText();
    // A newly opened document gets its first findings without waiting for the rules that need the segmenter.
    const onPartial = st.snapshot
      ? undefined
      : (partial: LintOutput) => {
          if (st.generation !== gen || doc.version !== version || doc.isClosed) return;
          this.publish(doc.uri, partial);
          this.linted.fire({ uri: doc.uri, version, count: partial.diagnostics.length, ms: partial.ms, partial: true });
        };
    const output = await this.backend.lint(
      doc.uri.toString(),
      {
        text,
        path: doc.uri.scheme === 'untitled' ? undefined : doc.uri.fsPath,
        languageId: doc.languageId,
        config: eff.config,
        packs: eff.packs,
        ledger: this.ledgerFor.has(doc.uri.toString()),
      },
      resetBudget || st.resetBudget ? 'reset' : 'use',
      onPartial,
    );
    st.resetBudget = false;
    if (!output || st.generation !== gen || doc.version !== version || doc.isClosed) return undefined;
    const snapshot = new LintSnapshot(doc.uri, version, text, doc.languageId, output, eff);
    st.snapshot = snapshot;
    st.skipped = undefined;
    this.publish(doc.uri, output);
    for (const n of output.notices) if (n.kind !== 'segmenter') this.logOnce(`${n.kind}:${n.message}`, n.message);
    this.linted.fire({ uri: doc.uri, version, count: output.diagnostics.length, ms: output.ms });
    return snapshot;
  }

  /** Lints text that is not open in an editor (workspace lint). */
  async lintText(uri: vscode.Uri, text: string, languageId: string): Promise<{ output?: LintOutput; skipped?: string }> {
    const eff = await this.configs.forDocument(uri);
    const skipped = this.skipReason(uri, text, eff);
    if (skipped) return { skipped };
    const output = await this.backend.lint(uri.toString(), { text, path: uri.fsPath, languageId, config: eff.config, packs: eff.packs });
    if (!output) return {};
    this.publish(uri, output);
    return { output };
  }

  /** Why a document is not linted: ignored by its config, or over the size limit (the host layer decides both,
   *  as for the CLI). */
  private skipReason(uri: vscode.Uri, text: string, eff: EffectiveConfig): string | undefined {
    const ignored = uri.scheme === 'untitled' ? undefined : ignoredBy(uri.fsPath, eff.config);
    if (ignored) return ignored;
    const limit = effectiveLimit(eff.settings.maxFileSize, eff.config.maxFileSize);
    const bytes = textExceeds(text, limit);
    if (bytes === undefined) return undefined;
    return oversizeMessage(bytes, limit, limit === eff.settings.maxFileSize ? 'draftLint.maxFileSize' : 'maxFileSize');
  }

  private publish(uri: vscode.Uri, output: LintOutput): void {
    this.collection.set(
      uri,
      output.diagnostics.map(d => toVsDiagnostic(d, uri, this.extensionUri)),
    );
  }

  private logOnce(key: string, message: string): void {
    if (this.once.has(key)) return;
    this.once.add(key);
    this.log.appendLine(message);
  }

  /** The last result for this exact version of the document, if any. */
  snapshot(doc: vscode.TextDocument): LintSnapshot | undefined {
    const s = this.states.get(doc.uri.toString())?.snapshot;
    return s && s.version === doc.version ? s : undefined;
  }

  /** The last result for this version, linting now when there is none (commands and code actions need one). */
  async current(doc: vscode.TextDocument): Promise<LintSnapshot | undefined> {
    for (let attempt = 0; attempt < 5 && !doc.isClosed; attempt++) {
      const have = this.snapshot(doc);
      if (have) return have;
      const version = doc.version;
      // Listen before linting: our run may be superseded by a debounced run of the same version that finishes later.
      let done!: () => void;
      const next = new Promise<void>(resolve => {
        const timer = setTimeout(() => done(), 10000);
        const sub = this.onDidLint(e => {
          if (e.uri.toString() === doc.uri.toString() && !e.partial && (e.version === version || doc.version !== version)) done();
        });
        done = () => {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        };
      });
      const mine = await this.lintDocument(doc, true, false);
      if (mine || doc.version !== version) done();
      if (mine) return mine;
      await next;
    }
    return this.snapshot(doc);
  }

  /** The outline and folding ranges of this version of a document: from its last lint; else, when linting as you
   *  type, from the lint now; when linting on save, from a run of no rules on the worker (nothing is published).
   *  A document its config or size limit skips gets none. */
  async viewOutput(doc: vscode.TextDocument): Promise<LintOutput | undefined> {
    const have = this.snapshot(doc);
    if (have) return have.output;
    const eff = await this.configs.forDocument(doc.uri);
    const text = doc.getText();
    if (this.skipReason(doc.uri, text, eff)) return undefined;
    if (eff.settings.run === 'onType') {
      // A lint is scheduled (typing) or running: wait for it rather than start another one.
      const st = this.states.get(doc.uri.toString());
      if (st?.timer || st?.running) await this.nextLint(doc, 5000);
      return (this.snapshot(doc) ?? (await this.current(doc)))?.output;
    }
    const path = doc.uri.scheme === 'untitled' ? undefined : doc.uri.fsPath;
    return this.backend.lint(`views:${doc.uri.toString()}`, { text, path, languageId: doc.languageId, config: eff.config, packs: eff.packs, noRules: true });
  }

  /** Resolves when the document is next linted (or changes again, or after `timeoutMs`). */
  private nextLint(doc: vscode.TextDocument, timeoutMs: number): Promise<void> {
    const version = doc.version;
    return new Promise(resolve => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      const sub = this.onDidLint(e => {
        if (e.uri.toString() === doc.uri.toString() && (e.version === version || doc.version !== version)) done();
      });
    });
  }

  /** Whether the document has been linted (or is scheduled) since it was last cleared. */
  hasState(uri: vscode.Uri): boolean {
    return this.states.has(uri.toString());
  }

  skipped(uri: vscode.Uri): string | undefined {
    return this.states.get(uri.toString())?.skipped;
  }

  /** Forgets a document (closed): cancels its pending run and removes its diagnostics. */
  clear(uri: vscode.Uri, forget = true): void {
    const k = uri.toString();
    const st = this.states.get(k);
    if (st) {
      if (st.timer) clearTimeout(st.timer);
      st.generation++;
      st.snapshot = undefined;
      st.skipped = undefined;
      if (forget) this.states.delete(k);
    }
    if (forget) this.backend.forget(k);
    this.collection.delete(uri);
    this.linted.fire({ uri, version: -1, count: 0, ms: 0, skipped: 'cleared' });
  }

  /** Re-lints every open document (config, settings or segmenter changed). */
  relintAll(): void {
    for (const doc of vscode.workspace.textDocuments) {
      if (this.isLintable(doc)) this.schedule(doc, 0);
      else if (this.collection.has(doc.uri)) this.clear(doc.uri, false);
    }
  }

  /** Diagnostics we published for a document. */
  published(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return (this.collection.get(uri) ?? []).filter(d => d.source === SOURCE);
  }

  dispose(): void {
    for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
    this.collection.dispose();
    this.linted.dispose();
  }
}
