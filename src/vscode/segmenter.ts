// The word segmenter's (nodejieba's) state as the extension sees it. It loads in the background after activation —
// on the lint worker thread, or in the extension host when workers are unavailable — never on the typing path.
// Rules that need it are skipped (one notice) until it is ready; listeners re-lint when its state changes.
import * as vscode from 'vscode';
import type { Segmenter } from '../core/types';
import type { SegmenterState } from '../lint';

export interface SegmenterInfo {
  state: SegmenterState;
  error?: string;
  loadMs?: number;
  /** Path of the native module as loaded (for diagnostics and tests). */
  nativeModule?: string;
  /** Where it runs: the lint worker thread or the extension host itself. */
  where?: 'worker' | 'extension-host';
  /** Which segmenter runs: nodejieba, or jieba-wasm when nodejieba cannot load on this machine (same findings). */
  engine?: 'nodejieba' | 'jieba-wasm';
  /** Why it fell back to jieba-wasm. */
  fallbackReason?: string;
}

/** What the status bar says about the segmenter. */
export function describeEngine(info: SegmenterInfo): string {
  if (!info.engine) return '分词器';
  return info.engine === 'jieba-wasm' ? `分词器 jieba-wasm（备用；${info.fallbackReason ?? 'nodejieba 无法加载'}）` : '分词器 nodejieba';
}

export class SegmenterHost implements vscode.Disposable {
  private segmenterValue: Segmenter | undefined;
  private info: SegmenterInfo = { state: 'loading' };
  /** The fallback has been announced (once per session). */
  private announced = false;
  /** The information messages shown about the segmenter (at most one: the fallback), for the API and tests. */
  readonly messages: string[] = [];
  private readonly changed = new vscode.EventEmitter<SegmenterInfo>();
  readonly onDidChange = this.changed.event;
  private settledResolve!: () => void;
  /** Resolves when loading finished (ready or failed). */
  readonly settled = new Promise<void>(r => (this.settledResolve = r));

  /** The in-process segmenter (only when linting runs in the extension host). */
  get segmenter(): Segmenter | undefined {
    return this.segmenterValue;
  }
  get state(): SegmenterInfo {
    return this.info;
  }

  /** Records the outcome of a load (from the worker or in-process). */
  report(info: SegmenterInfo, segmenter?: Segmenter): void {
    this.info = info;
    this.segmenterValue = segmenter;
    if (info.state === 'ready' && info.engine === 'jieba-wasm' && !this.announced) {
      this.announced = true;
      const message = `draft-lint：本机无法使用分词器 nodejieba，已改用 jieba-wasm（WebAssembly，同一词典，检查结果相同，加载稍慢）。原因：${info.fallbackReason ?? '未知'}`;
      this.messages.push(message);
      void vscode.window.showInformationMessage(message);
    }
    this.changed.fire(info);
    if (info.state !== 'loading') this.settledResolve();
  }

  /** Loads in this process (fallback when the worker is unavailable). */
  loadInProcess(): void {
    const t0 = Date.now();
    try {
      const { loadSegmenter } = require('../segmenter') as typeof import('../segmenter');
      const r = loadSegmenter();
      if (r.segmenter) {
        const native = Object.keys(require.cache).find(k => /nodejieba\.node$/.test(k));
        this.report({ state: 'ready', loadMs: r.loadMs || Date.now() - t0, nativeModule: native, where: 'extension-host', engine: r.engine, fallbackReason: r.fallbackReason }, r.segmenter);
      } else {
        this.report({ state: 'failed', error: r.error ?? '未知原因', loadMs: Date.now() - t0, where: 'extension-host' });
      }
    } catch (e) {
      this.report({ state: 'failed', error: (e as Error).message, loadMs: Date.now() - t0, where: 'extension-host' });
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
