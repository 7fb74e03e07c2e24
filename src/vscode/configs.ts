// Config for a document: `.draftlintrc.json` found by the host layer's resolver (src/host/configs.ts, the one the
// CLI uses) through vscode.workspace.fs, the `draftLint.*` settings layered on top, and the rule packs. A broken config shows one clear message (and a
// diagnostic on the config file) and the last good config stays in force.
import * as path from 'path';
import * as vscode from 'vscode';
import { withRuleOverrides } from '../host/config';
import { ConfigResolver } from '../host/configs';
import { locateJsonPath, lineColumn } from '../host/schema';
import { builtinPackSet, PackSet } from '../core/packs';
import { defaultConfig, DraftLintError, ResolvedConfig, RuleSetting } from '../core/types';
import { WorkspaceFileSystem } from './fs';
import { readSettings, Settings } from './settings';

export interface EffectiveConfig {
  /** The file config with the editor settings layered on top. */
  config: ResolvedConfig;
  packs: PackSet;
  settings: Settings;
  /** Folder the file globs are relative to. */
  folder?: vscode.WorkspaceFolder;
  /** Set when packs were left out because the workspace is not trusted. */
  packsSkippedUntrusted: boolean;
}

export class ConfigManager implements vscode.Disposable {
  readonly fs: WorkspaceFileSystem;
  readonly resolver: ConfigResolver;
  private readonly fileCache = new Map<string, Promise<ResolvedConfig>>();
  private readonly lastGood = new Map<string, ResolvedConfig>();
  private readonly packWatchers = new Map<string, vscode.Disposable>();
  private readonly shown = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a config file, a pack or the settings changed (re-lint the open documents). */
  readonly onDidChange = this.changed.event;
  readonly diagnostics: vscode.DiagnosticCollection;
  private readonly disposables: vscode.Disposable[] = [];
  /** The last config error message (for tests and the status bar), undefined when all configs are fine. */
  lastError: string | undefined;
  /** Replaces vscode.workspace.isTrusted (integration tests run in a trusted workspace and check restricted mode). */
  trustOverride: boolean | undefined;

  constructor() {
    const folder = vscode.workspace.workspaceFolders?.[0];
    this.fs = new WorkspaceFileSystem(folder?.uri);
    // The rule modules load on the extension host only when a config file names rules.
    this.resolver = new ConfigResolver({ fs: this.fs, knownRules: () => (require('../lint') as typeof import('../lint')).allRules().map(r => r.meta.id) });
    this.diagnostics = vscode.languages.createDiagnosticCollection('draft-lint-config');
    const watcher = vscode.workspace.createFileSystemWatcher('**/.draftlintrc.json');
    const onConfigFile = (uri: vscode.Uri) => this.invalidate(uri.fsPath);
    this.disposables.push(
      watcher,
      watcher.onDidChange(onConfigFile),
      watcher.onDidCreate(onConfigFile),
      watcher.onDidDelete(onConfigFile),
      // Watchers miss files outside the workspace; a save in the editor is always seen.
      vscode.workspace.onDidSaveTextDocument(d => {
        if (path.basename(d.uri.fsPath) === '.draftlintrc.json' || this.packWatchers.has(d.uri.fsPath)) this.invalidate(d.uri.fsPath);
      }),
      vscode.workspace.onDidChangeConfiguration(e => {
        if (e.affectsConfiguration('draftLint')) this.invalidate();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.invalidate()),
      this.diagnostics,
      this.changed,
    );
  }

  /** Forgets cached lookups and files (all, or those a changed file affects) and tells listeners. */
  invalidate(file?: string): void {
    this.resolver.invalidate(file);
    if (file) this.fileCache.delete(file);
    else this.fileCache.clear();
    this.changed.fire();
  }

  /** The config that applies to a document (never throws: errors are reported and the last good config is used). */
  async forDocument(uri: vscode.Uri): Promise<EffectiveConfig> {
    const settings = readSettings(uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? vscode.workspace.workspaceFolders?.[0];
    let startDir: string | undefined;
    if (uri.scheme === 'file' || uri.scheme === 'vscode-remote') startDir = path.dirname(uri.fsPath);
    else if (folder) startDir = folder.uri.fsPath;
    let config = defaultConfig();
    if (startDir) {
      const file = await this.lookup(startDir);
      if (file) config = await this.loadFile(file);
    }
    const overrides: Record<string, RuleSetting> = {};
    for (const [id, severity] of Object.entries(settings.rules)) overrides[id] = { severity };
    config = withRuleOverrides(config, overrides);
    if (settings.docType !== 'auto') config = { ...config, docType: settings.docType };
    const trusted = this.trustOverride ?? vscode.workspace.isTrusted;
    const packPaths = [...config.packs, ...settings.packs.map(p => (folder && !path.isAbsolute(p) ? path.resolve(folder.uri.fsPath, p) : p))];
    let packs = builtinPackSet();
    if (packPaths.length && trusted) packs = await this.loadPackSet(packPaths);
    return { config, packs, settings, folder, packsSkippedUntrusted: packPaths.length > 0 && !trusted };
  }

  private lookup(dir: string): Promise<string | undefined> {
    return this.resolver.configFileFor(dir).catch(() => undefined);
  }

  private loadFile(file: string): Promise<ResolvedConfig> {
    let p = this.fileCache.get(file);
    if (!p) {
      p = (async () => {
        try {
          const cfg = await this.resolver.loadFile(file);
          this.lastGood.set(file, cfg);
          this.clearError(file);
          return cfg;
        } catch (e) {
          const message = e instanceof DraftLintError ? e.message : `配置文件 ${file} 无法读取：${(e as Error).message}`;
          await this.reportError(file, message, e instanceof DraftLintError ? e : undefined, this.lastGood.has(file));
          return this.lastGood.get(file) ?? { ...defaultConfig(), configPath: file };
        }
      })();
      this.fileCache.set(file, p);
    }
    return p;
  }

  /** The pack set (loaded once by the host resolver); each failing pack is told once, the others run. */
  private async loadPackSet(paths: string[]): Promise<PackSet> {
    for (const f of paths) this.watchPack(f);
    const r = await this.resolver.packSet(paths);
    for (const err of r.errors) this.notify(`pack:${err.message}`, `draft-lint：${err.message}。其余规则包和内置规则照常运行。`, err.file);
    return r.packSet;
  }

  private watchPack(file: string): void {
    if (this.packWatchers.has(file)) return;
    const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.fs.toUri(path.dirname(file)), path.basename(file)));
    const on = () => this.invalidate(file);
    this.packWatchers.set(file, vscode.Disposable.from(w, w.onDidChange(on), w.onDidCreate(on), w.onDidDelete(on)));
  }

  private clearError(file: string): void {
    const uri = this.fs.toUri(file);
    if (this.diagnostics.has(uri)) this.diagnostics.delete(uri);
    for (const k of [...this.shown]) if (k.startsWith(`config:${file}\n`)) this.shown.delete(k);
    if (this.lastError?.includes(file)) this.lastError = undefined;
  }

  private async reportError(file: string, message: string, error: DraftLintError | undefined, hasLastGood: boolean): Promise<void> {
    this.lastError = message;
    const uri = this.fs.toUri(file);
    const range = await this.locate(uri, error);
    const d = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
    d.source = 'draft-lint';
    this.diagnostics.set(uri, [d]);
    const keeps = hasLastGood ? '仍按上一次有效的配置检查' : '暂按默认配置检查';
    this.notify(`config:${file}\n${message}`, `draft-lint：${message}。${keeps}，改正后自动生效。`, file);
  }

  /** One notification per distinct problem (not one per linted document). */
  private notify(key: string, text: string, file?: string): void {
    if (this.shown.has(key)) return;
    this.shown.add(key);
    const open = '打开文件';
    void vscode.window.showErrorMessage(text, ...(file ? [open] : [])).then(choice => {
      if (choice === open && file) void vscode.window.showTextDocument(this.fs.toUri(file));
    });
  }

  /** Where in the config file the error is: the offset of a JSON syntax error, or the key or value at the JSON path
   *  of a validation error (both from jsonc-parser). */
  private async locate(uri: vscode.Uri, error: DraftLintError | undefined): Promise<vscode.Range> {
    try {
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
      const at = error?.offset !== undefined ? { offset: error.offset, length: 1 } : error?.jsonPath ? locateJsonPath(text, error.jsonPath) : undefined;
      if (at) {
        const start = lineColumn(text, at.offset);
        const end = lineColumn(text, at.offset + Math.max(1, at.length));
        return new vscode.Range(start.line - 1, start.column - 1, end.line - 1, end.column - 1);
      }
    } catch {
      // fall through
    }
    return new vscode.Range(0, 0, 0, 1);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const d of this.packWatchers.values()) d.dispose();
  }
}
