// Helpers for the integration suite: open fixtures, wait for our diagnostics, read settings, write files.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'draft-lint.draft-lint';

export interface Api {
  activationMs: number;
  segmenter(): { state: string; error?: string; loadMs?: number; nativeModule?: string; where?: string; engine?: string; fallbackReason?: string };
  segmenterMessages(): readonly string[];
  backend(): 'worker' | 'extension-host';
  overrideTrustForTesting(trusted: boolean | undefined): void;
  status(): { text: string; tooltip: string; visible: boolean };
  segmenterSettled: Promise<void>;
  onDidLint: vscode.Event<{ uri: vscode.Uri; version: number; count: number; ms: number; skipped?: string; partial?: boolean }>;
  configError(): string | undefined;
  lastLintMs(uri: vscode.Uri): number | undefined;
}

/** The segmenter this run expects: nodejieba (a clone, a platform package), or jieba-wasm (the integration run
 *  `--fallback`: the universal package, where nodejieba is not installed). */
export const EXPECTED_ENGINE = process.env.DRAFT_LINT_IT_EXPECT_SEGMENTER === 'jieba-wasm' ? 'jieba-wasm' : 'nodejieba';

export function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the test workspace folder is open');
  return f.uri;
}

export function fixture(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder(), ...rel.split('/'));
}

export async function api(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed in the host`);
  return ext.isActive ? ext.exports : await ext.activate();
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === 'draft-lint');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

/** Polls until `pred` holds for our diagnostics of `uri`; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean = ds => ds.length > 0, timeoutMs = 15000): Promise<vscode.Diagnostic[]> {
  const t0 = Date.now();
  for (;;) {
    const ds = ours(uri);
    if (pred(ds)) return ds;
    if (Date.now() - t0 > timeoutMs) {
      assert.fail(`timed out waiting for diagnostics on ${path.basename(uri.fsPath)}; have: ${ds.map(d => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ') || 'none'}`);
    }
    await sleep(40);
  }
}

export async function waitFor<T>(what: string, get: () => T | Promise<T>, timeoutMs = 15000): Promise<NonNullable<T>> {
  const t0 = Date.now();
  for (;;) {
    const v = await get();
    if (v) return v as NonNullable<T>;
    if (Date.now() - t0 > timeoutMs) assert.fail(`timed out waiting for ${what}`);
    await sleep(40);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise(r => setTimeout(r, ms));
}

/** `rule@line:col+len` (1-based line and column, length in UTF-16 units on one line). */
export function summary(ds: vscode.Diagnostic[]): string[] {
  return ds
    .map(d => `${ruleOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}+${d.range.end.character - d.range.start.character}`)
    .sort();
}

export async function writeFile(rel: string, text: string): Promise<vscode.Uri> {
  const uri = fixture(rel);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('draftLint').update(key, value, vscode.ConfigurationTarget.Workspace);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
