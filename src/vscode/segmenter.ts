// Loads the word segmenter (nodejieba) in the background after activation, never on the typing path. Rules that
// need it are skipped (one notice) until it is ready; listeners re-lint when its state changes.
import * as vscode from 'vscode';
import type { Segmenter } from '../core/types';
import type { SegmenterState } from '../core/engine';

export interface SegmenterInfo {
  state: SegmenterState;
  error?: string;
  loadMs?: number;
  /** Path of the native module as loaded in this process (for diagnostics and tests). */
  nativeModule?: string;
}

export class SegmenterHost implements vscode.Disposable {
  private segmenterValue: Segmenter | undefined;
  private info: SegmenterInfo = { state: 'loading' };
  private started = false;
  private readonly changed = new vscode.EventEmitter<SegmenterInfo>();
  readonly onDidChange = this.changed.event;
  private settledResolve!: () => void;
  /** Resolves when loading finished (ready or failed). */
  readonly settled = new Promise<void>(r => (this.settledResolve = r));

  get segmenter(): Segmenter | undefined {
    return this.segmenterValue;
  }
  get state(): SegmenterInfo {
    return this.info;
  }

  /** Starts loading after `delayMs` (so that activation and the first lint are not held up). */
  start(delayMs = 0): void {
    if (this.started) return;
    this.started = true;
    setTimeout(() => this.load(), delayMs);
  }

  private load(): void {
    const t0 = Date.now();
    try {
      // Required lazily: loading the dictionaries takes a moment and is done exactly once.
      const { loadSegmenter } = require('../segmenter') as typeof import('../segmenter');
      const r = loadSegmenter();
      if (r.segmenter) {
        this.segmenterValue = r.segmenter;
        const native = Object.keys(require.cache).find(k => /nodejieba\.node$/.test(k));
        this.info = { state: 'ready', loadMs: r.loadMs || Date.now() - t0, nativeModule: native };
      } else {
        this.info = { state: 'failed', error: r.error ?? '未知原因', loadMs: Date.now() - t0 };
      }
    } catch (e) {
      this.info = { state: 'failed', error: (e as Error).message, loadMs: Date.now() - t0 };
    }
    this.changed.fire(this.info);
    this.settledResolve();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
