// The word segmenter's (nodejieba's) state as the extension sees it. It loads in the background after activation —
// on the lint worker thread, or in the extension host when workers are unavailable — never on the typing path.
// Rules that need it are skipped (one notice) until it is ready; listeners re-lint when its state changes.
import * as vscode from 'vscode';
import type { Segmenter } from '../core/types';
import type { SegmenterState } from '../core/engine';

export interface SegmenterInfo {
  state: SegmenterState;
  error?: string;
  loadMs?: number;
  /** Path of the native module as loaded (for diagnostics and tests). */
  nativeModule?: string;
  /** Where it runs: the lint worker thread or the extension host itself. */
  where?: 'worker' | 'extension-host';
}

export class SegmenterHost implements vscode.Disposable {
  private segmenterValue: Segmenter | undefined;
  private info: SegmenterInfo = { state: 'loading' };
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
        this.report({ state: 'ready', loadMs: r.loadMs || Date.now() - t0, nativeModule: native, where: 'extension-host' }, r.segmenter);
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
