// Where linting runs: a worker thread (lintWorker.js) so that long drafts never hold up the extension host, or the
// extension host itself when a worker cannot be started (then everything still works, only on this thread).
import * as path from 'path';
import * as vscode from 'vscode';
import { Worker } from 'worker_threads';
import { fixAll, fixAllFilter, IncrementalState, RuleBudget } from '../lint';
import { lintForEditorInPhases } from './editorLint';
import { lintOptions } from '../host/options';
import { builtinPackSet, PackSet } from '../core/packs';
import type { ResolvedConfig } from '../core/types';
import type { LintOutput, WorkerReply, WorkerRequest } from './protocol';
import { SegmenterHost } from './segmenter';

export interface BackendRequest {
  text: string;
  path?: string;
  languageId?: string;
  config: ResolvedConfig;
  packs: PackSet;
  /** Also compute the figure ledger. */
  ledger?: boolean;
  /** Run no rule (outline and folding only). */
  noRules?: boolean;
}

type Pending = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; onPartial?: (o: LintOutput) => void };

export class LintBackend implements vscode.Disposable {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly packIds = new WeakMap<PackSet, number>();
  private nextPackId = 1;
  private readonly sentPacks = new Set<number>();
  private disposed = false;
  /** Rule budgets for the in-process fallback (the worker keeps its own). */
  private readonly budgets = new Map<string, RuleBudget>();
  /** Incremental lint state per open document for the in-process fallback (the worker keeps its own). */
  private readonly states = new Map<string, IncrementalState>();
  /** 'worker' or 'extension-host' (after a worker failure, or when DRAFT_LINT_NO_WORKER is set). */
  mode: 'worker' | 'extension-host' = 'worker';

  constructor(
    private readonly seg: SegmenterHost,
    private readonly log: vscode.OutputChannel,
  ) {
    if (process.env.DRAFT_LINT_NO_WORKER) this.mode = 'extension-host';
    else this.startWorker();
  }

  private startWorker(): void {
    try {
      const w = new Worker(path.join(__dirname, 'lintWorker.js'));
      w.on('message', (m: WorkerReply) => this.onMessage(m));
      w.on('error', e => this.fallback(`lint worker failed: ${e.stack ?? e.message}`));
      w.on('exit', code => {
        if (!this.disposed) this.fallback(`lint worker exited (${code})`);
      });
      w.unref();
      this.worker = w;
    } catch (e) {
      this.fallback(`lint worker could not start: ${(e as Error).message}`);
    }
  }

  /** Continue in the extension host: pending requests are re-run there. */
  private fallback(why: string): void {
    if (this.mode === 'extension-host') return;
    this.log.appendLine(`[draft-lint] ${why}; linting in the extension host from now on`);
    this.mode = 'extension-host';
    const w = this.worker;
    this.worker = undefined;
    void w?.terminate();
    for (const [, p] of this.pending) p.reject(new RetryInProcess());
    this.pending.clear();
    if (this.seg.state.state !== 'ready') setTimeout(() => this.seg.loadInProcess(), 0);
  }

  private onMessage(m: WorkerReply): void {
    if (m.type === 'segmenter') {
      this.seg.report({ state: m.state, error: m.error, loadMs: m.loadMs, nativeModule: m.nativeModule, where: 'worker', engine: m.engine, fallbackReason: m.fallbackReason });
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'partial') {
      const { type: _t, id: _i, ...output } = m;
      p.onPartial?.(output);
      return;
    }
    this.pending.delete(m.id);
    if (m.type === 'error') p.reject(new Error(m.message));
    else p.resolve(m);
  }

  /** Starts loading the segmenter (after the first lints, so they are not held up). */
  loadSegmenter(): void {
    if (this.mode === 'worker' && this.worker) this.worker.postMessage({ type: 'loadSegmenter', id: 0 } satisfies WorkerRequest);
    else this.seg.loadInProcess();
  }

  private packsId(packs: PackSet): number {
    if (packs === builtinPackSet()) return 0;
    let id = this.packIds.get(packs);
    if (!id) this.packIds.set(packs, (id = this.nextPackId++));
    return id;
  }

  private send(req: WorkerRequest, onPartial?: (o: LintOutput) => void): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject, onPartial });
      this.worker!.postMessage(req);
    });
  }

  private common(r: BackendRequest) {
    const packsId = this.packsId(r.packs);
    const first = packsId !== 0 && !this.sentPacks.has(packsId);
    if (first) this.sentPacks.add(packsId);
    return { id: this.nextId++, text: r.text, path: r.path, languageId: r.languageId, config: r.config, packsId, packs: first ? r.packs.packs : undefined };
  }

  /** Forgets a closed document's rule budget. */
  forget(key: string): void {
    this.budgets.delete(key);
    this.states.delete(key);
    if (this.mode === 'worker' && this.worker) this.worker.postMessage({ type: 'forget', id: 0, key } satisfies WorkerRequest);
  }

  /**
   * Lints; resolves undefined when a newer lint of the same document (`key`) superseded this one. `budget`: see
   * LintRequest (open documents use the per-document rule time budget; 'reset' on save and explicit lints).
   * `onPartial` (a newly opened document): when the segmenter is ready, the findings of the rules that need none
   * come first, through it, and the promise resolves with all of them.
   */
  async lint(key: string, r: BackendRequest, budget?: 'use' | 'reset', onPartial?: (o: LintOutput) => void): Promise<LintOutput | undefined> {
    if (this.mode === 'worker' && this.worker) {
      try {
        const reply = await this.send({ type: 'lint', key, budget, phases: !!onPartial || undefined, ledger: r.ledger, noRules: r.noRules, ...this.common(r) }, onPartial);
        if (reply.type === 'superseded') return undefined;
        if (reply.type === 'lint') return reply;
        throw new Error(`unexpected reply ${reply.type}`);
      } catch (e) {
        if (!(e instanceof RetryInProcess)) throw e;
      }
    }
    const t0 = performance.now();
    const s = this.seg.state;
    let ruleBudget: RuleBudget | undefined;
    if (budget) {
      ruleBudget = this.budgets.get(key);
      if (!ruleBudget) this.budgets.set(key, (ruleBudget = new RuleBudget()));
      if (budget === 'reset') ruleBudget.reset();
    }
    const opts = lintOptions({ ...r, ...(r.noRules ? { rules: [] } : {}) }, { segmenter: this.seg.segmenter, segmenterState: s.state, segmenterError: s.error }, ruleBudget);
    let incremental = this.states.get(key);
    if (!incremental) this.states.set(key, (incremental = new IncrementalState()));
    const phased = lintForEditorInPhases(r.text, { ...opts, packs: r.packs, incremental }, { ledger: r.ledger }, !!onPartial);
    if (phased.deferred && onPartial) {
      onPartial({ ...phased.partial(), ms: performance.now() - t0 });
      // Let the first findings reach the window before the segmenter rules hold this thread.
      await new Promise(resolve => setTimeout(resolve, 0));
    }
    return { ...phased.finish(), ms: performance.now() - t0 };
  }

  /** Applies every fix (of one rule, or all) repeatedly until stable; returns the new text. */
  async fixAll(r: BackendRequest, ruleId?: string): Promise<{ output: string; fixed: number }> {
    if (this.mode === 'worker' && this.worker) {
      try {
        const reply = await this.send({ type: 'fix', ruleId, ...this.common(r) });
        if (reply.type === 'fix') return reply;
        throw new Error(`unexpected reply ${reply.type}`);
      } catch (e) {
        if (!(e instanceof RetryInProcess)) throw e;
      }
    }
    const s = this.seg.state;
    const res = fixAll(r.text, lintOptions(r, { segmenter: this.seg.segmenter, segmenterState: s.state, segmenterError: s.error }), fixAllFilter(ruleId));
    return { output: res.output, fixed: res.fixed };
  }

  /** Resolves when the worker has stopped (deactivate waits for it). */
  stopped: Promise<void> = Promise.resolve();

  dispose(): void {
    this.disposed = true;
    const w = this.worker;
    this.worker = undefined;
    if (w) this.stopped = stopWorker(w);
    for (const [, p] of this.pending) p.reject(new Error('draft-lint is shutting down'));
    this.pending.clear();
  }
}

/**
 * Asks the worker to stop between two pieces of work; Worker.terminate() while it is inside nodejieba's native
 * code (loading the dictionary, cutting a long draft) aborts the whole extension host. Terminates it only if it
 * has not stopped after `graceMs` (a lint that never ends).
 */
export function stopWorker(w: Worker, graceMs = 5000): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(() => {
      void w.terminate().finally(resolve);
    }, graceMs);
    timer.unref?.();
    w.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      w.postMessage({ type: 'shutdown', id: 0 } satisfies WorkerRequest);
    } catch {
      clearTimeout(timer);
      void w.terminate().finally(resolve);
    }
  });
}

class RetryInProcess extends Error {
  constructor() {
    super('retry in the extension host');
  }
}
