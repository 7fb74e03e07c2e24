// The lint worker: runs the pure core (and the word segmenter) on a worker thread, so that linting a long draft
// never holds up the extension host. No vscode import: it only talks to the extension through messages.
import { parentPort } from 'worker_threads';
import { fixAll, fixAllFilter, IncrementalState, lint, RuleBudget } from '../lint';
import { lintForEditorInPhases } from './editorLint';
import { lintOptions } from '../host/options';
import { builtinPackSet, Pack, PackSet } from '../core/packs';
import type { Segmenter } from '../core/types';
import type { FixRequest, LintRequest, WorkerReply, WorkerRequest } from './protocol';
import { WARMUP_TEXT } from './warmup-text';

let segmenter: Segmenter | undefined;
let segState: 'loading' | 'ready' | 'failed' = 'loading';
let segError: string | undefined;
const packSets = new Map<number, PackSet>();
/** Per open document: rules that ran over their time budget are skipped for a few runs (see RuleBudget). */
const budgets = new Map<string, RuleBudget>();
/** Per open document: the last lint's findings of the paragraph-local rules per line (see IncrementalState), so a
 *  keystroke re-runs those rules on the changed lines only. */
const states = new Map<string, IncrementalState>();

function stateFor(key: string): IncrementalState {
  let s = states.get(key);
  if (!s) states.set(key, (s = new IncrementalState()));
  return s;
}

function budgetFor(r: LintRequest): RuleBudget | undefined {
  if (!r.budget) return undefined;
  let b = budgets.get(r.key);
  if (!b) budgets.set(r.key, (b = new RuleBudget()));
  if (r.budget === 'reset') b.reset();
  return b;
}
const queue: WorkerRequest[] = [];
let scheduled = false;

function post(m: WorkerReply): void {
  parentPort!.postMessage(m);
}

function packsFor(id: number, packs?: Pack[]): PackSet {
  if (!id) return builtinPackSet();
  let p = packSets.get(id);
  if (!p) {
    if (!packs) throw new Error(`pack set ${id} unknown to the worker`);
    p = new PackSet(packs);
    packSets.set(id, p);
    // Keep the few most recent pack sets (their compiled matchers are memoised on them).
    while (packSets.size > 8) packSets.delete(packSets.keys().next().value as number);
  }
  return p;
}

function loadSegmenter(): void {
  const t0 = Date.now();
  try {
    const { loadSegmenter: load } = require('../segmenter') as typeof import('../segmenter');
    const r = load();
    if (r.segmenter) {
      segmenter = r.segmenter;
      segState = 'ready';
      const nativeModule = Object.keys(require.cache).find(k => /nodejieba\.node$/.test(k));
      post({ type: 'segmenter', state: 'ready', loadMs: r.loadMs || Date.now() - t0, nativeModule, engine: r.engine, fallbackReason: r.fallbackReason });
    } else {
      segState = 'failed';
      segError = r.error ?? '未知原因';
      post({ type: 'segmenter', state: 'failed', error: segError, loadMs: Date.now() - t0 });
    }
  } catch (e) {
    segState = 'failed';
    segError = (e as Error).message;
    post({ type: 'segmenter', state: 'failed', error: segError, loadMs: Date.now() - t0 });
  }
}

function options(r: LintRequest | FixRequest, ruleBudget?: RuleBudget) {
  const noRules = r.type === 'lint' && r.noRules;
  const packs = packsFor(r.packsId, r.packs);
  return { ...lintOptions({ path: r.path, languageId: r.languageId, config: r.config, packs, ...(noRules ? { rules: [] } : {}) }, { segmenter, segmenterState: segState, segmenterError: segError }, ruleBudget), packs };
}

function handle(r: WorkerRequest): void {
  try {
    if (r.type === 'lint') {
      const t0 = performance.now();
      // A newly opened document (phases): the rules that need no segmenter are published first, the rest follow.
      const phased = lintForEditorInPhases(r.text, { ...options(r, budgetFor(r)), incremental: stateFor(r.key) }, { ledger: r.ledger }, !!r.phases);
      if (phased.deferred) post({ type: 'partial', id: r.id, ...phased.partial(), ms: performance.now() - t0 });
      post({ type: 'lint', id: r.id, ...phased.finish(), ms: performance.now() - t0 });
    } else if (r.type === 'fix') {
      const res = fixAll(r.text, options(r), fixAllFilter(r.ruleId));
      post({ type: 'fix', id: r.id, output: res.output, fixed: res.fixed });
    }
  } catch (e) {
    post({ type: 'error', id: r.id, message: (e as Error).stack ?? String(e) });
  }
}

function drain(): void {
  scheduled = false;
  while (queue.length) {
    const r = queue.shift()!;
    if (r.type === 'loadSegmenter') {
      loadSegmenter();
      continue;
    }
    if (r.type === 'forget') {
      budgets.delete(r.key);
      states.delete(r.key);
      continue;
    }
    // A newer lint of the same document is already waiting: this one is stale, skip the work.
    if (r.type === 'lint' && queue.some(q => q.type === 'lint' && q.key === r.key)) {
      post({ type: 'superseded', id: r.id });
      continue;
    }
    handle(r);
    // Let newer requests arrive before the next one runs.
    if (queue.length) {
      schedule();
      return;
    }
  }
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setImmediate(drain);
}

// Warm up while the extension host opens its first documents: load the rules, validate and compile the built-in
// packs (the work a first lint would otherwise do on the user's clock).
setImmediate(() => {
  try {
    lint(WARMUP_TEXT, { packs: builtinPackSet() });
  } catch {
    // a real lint will report the problem
  }
});

parentPort!.on('message', (m: WorkerRequest) => {
  // A message is handled only between two pieces of work, so the thread is never stopped inside nodejieba's
  // native code (Worker.terminate() there — a segmenter load, a cut — aborts the whole extension host).
  if (m.type === 'shutdown') process.exit(0);
  queue.push(m);
  schedule();
});
