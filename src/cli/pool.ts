// The worker pool for linting many files (`draft-lint <folder>`): the rules are split in two. The main thread runs
// the rules that need the segmenter (it already has it, loaded once on its own thread, see src/segmenter/threaded.ts)
// and the pool's workers run every other rule on the same files, taking the next file from a shared counter. Each
// file's two halves are then merged in rule order (mergeLinted), so the report is the same, byte for byte, as a run
// on one thread (test: cli.pool). The workers load no segmenter and no typo lexicon, so each adds only a V8 isolate,
// the rules and the packs (≈35 MiB), and the pool stays within the CLI's memory target (docs/performance.md).
// Off by default since 第十二轮 (memory; see poolWorkers): DRAFT_LINT_WORKERS=n or =auto turns it on. With auto, a
// run over a few files or a small total stays on one thread (starting a worker costs ≈0.1 s of CPU).
// A worker that fails leaves its files to the main thread, which then runs their other rules itself.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CliOptions } from './args';
import type { Target } from '../host/files';
import type { Notice } from '../core/engine';
import type { Diagnostic, RuleSetting } from '../core/types';
import type { FileResult } from './formatters';

export const POOL_KIND = 'draft-lint-pool';

/** Below this many bytes in all, or this many files, a run stays on one thread. */
export const POOL_MIN_BYTES = 256 * 1024;
export const POOL_MIN_FILES = 2;
/** At most this many workers, whatever the number of cores (each costs memory; the main thread is one more). */
export const POOL_MAX_WORKERS = 3;

/** What a worker returns for one file (a LintedFile without its callbacks). */
export interface PooledLint {
  result: FileResult;
  notices: Notice[];
  timings?: Record<string, number>;
  setupMs?: number;
  chars?: number;
}

export interface PoolWorkerData {
  kind: typeof POOL_KIND;
  opts: CliOptions;
  cwd: string;
  explicitConfig?: string;
  overrides: Record<string, RuleSetting>;
  /** Rule ids the workers run (every rule that needs no segmenter). */
  ruleIds: string[];
  targets: Target[];
  /** Whether the paragraph memos are on (as on the main thread: see keepParagraphMemos in main.ts). */
  memos: boolean;
  /** [0]: index of the next file to take. */
  next: Int32Array;
}

export type PoolMessage = { op: 'file'; index: number; linted?: PooledLint; error?: string } | { op: 'end' };

/**
 * How many workers to start for this run (0: stay on one thread). By default none: each worker is a V8 isolate with
 * the rules and packs (600 People's Daily articles: +0–12 MiB with the launcher's malloc settings, +30–45 MiB
 * without), which puts a batch over the CLI's 150 MiB target, while on a two-core machine it takes only about a
 * quarter off the wall time of a batch that is 3–4 × over its time target anyway (docs/performance.md, 第十二轮).
 * DRAFT_LINT_WORKERS=n sets the number (0: none); DRAFT_LINT_WORKERS=auto chooses by cores, files and size as before
 * (memory for speed on a machine with cores to spare).
 */
export function poolWorkers(files: number, bytes: number, env: Record<string, string | undefined>, cores = availableCores()): number {
  const forced = env.DRAFT_LINT_WORKERS;
  if (forced !== undefined && forced !== '' && /^\d+$/.test(forced)) return Math.min(Number(forced), 16, Math.max(files, 0));
  if (forced !== 'auto') return 0;
  // One large file is not split: its other rules on a worker took less of the main thread (2.4 MB: 2.1 → 1.6 s
  // of CPU) but more CPU and memory in all (3.0 → 3.5 s, +20 MiB), and on a busy two-core machine more time.
  if (files < POOL_MIN_FILES || bytes < POOL_MIN_BYTES || cores < 2) return 0;
  return Math.max(0, Math.min(cores - 1, POOL_MAX_WORKERS, files));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The compiled worker script (out/src/cli/pool-worker.js; also when the CLI runs from its bundle). */
export function poolWorkerScript(): string | undefined {
  const compiled = path.join(__dirname, 'pool-worker.js');
  return __filename.endsWith('.js') && fs.existsSync(compiled) ? compiled : undefined;
}

export interface RunningPool {
  /** Resolves with every file the workers finished (by index; null: ignored) once all workers have ended. */
  done: Promise<Map<number, PooledLint | null | { error: string }>>;
  terminate(): void;
}

/** Starts `n` workers over `targets`; undefined when workers cannot be started here. */
export function startPool(n: number, data: Omit<PoolWorkerData, 'kind' | 'next'>): RunningPool | undefined {
  const script = poolWorkerScript();
  if (!script || n <= 0) return undefined;
  const next = new Int32Array(new SharedArrayBuffer(4));
  const results = new Map<number, PooledLint | null | { error: string }>();
  const workers: Worker[] = [];
  const ended: Promise<void>[] = [];
  try {
    for (let k = 0; k < n; k++) {
      const w = new Worker(script, {
        workerData: { ...data, kind: POOL_KIND, next } satisfies PoolWorkerData,
        stdout: false,
        stderr: false,
        // A small young generation: the rules allocate much short-lived garbage, and a large nursery only raises
        // the process's peak memory (the old generation still grows as a file needs).
        resourceLimits: { maxYoungGenerationSizeMb: 8 },
      });
      workers.push(w);
      ended.push(
        new Promise<void>(resolve => {
          w.on('message', (m: PoolMessage) => {
            if (m.op === 'file') results.set(m.index, m.error !== undefined ? { error: m.error } : (m.linted ?? null));
            else if (m.op === 'end') resolve();
          });
          // A worker that fails or exits early: its unfinished files are left to the main thread.
          w.on('error', () => resolve());
          w.on('exit', () => resolve());
        }),
      );
    }
  } catch {
    for (const w of workers) void w.terminate();
    return undefined;
  }
  return {
    done: Promise.all(ended).then(() => results),
    terminate: () => {
      for (const w of workers) void w.terminate().catch(() => undefined);
    },
  };
}

/**
 * One file's result from its two halves: `main` (the rules that need the segmenter, run on the main thread) and
 * `other` (every other rule, run by a worker). Diagnostics are put back in the engine's order (offset, then rule id;
 * findings of one rule keep their order), and notices in rule order (a segmenter notice last, as the engine puts it).
 */
export function mergeLinted<T extends PooledLint>(main: T, other: PooledLint, ruleOrder: Map<string, number>): T {
  const r = main.result;
  // A file skipped, unreadable or ignored is so on both sides (the same checks): the main thread's result stands.
  if (r.error || r.skipped || other.result.error || other.result.skipped) return main;
  const diagnostics: Diagnostic[] = [...r.diagnostics, ...other.result.diagnostics];
  diagnostics.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
  r.diagnostics = diagnostics;
  const key = (n: Notice) => (n.kind === 'segmenter' || n.ruleIds.length !== 1 ? Number.MAX_SAFE_INTEGER : (ruleOrder.get(n.ruleIds[0]) ?? Number.MAX_SAFE_INTEGER - 1));
  const notices = [...main.notices, ...other.notices];
  notices.sort((a, b) => key(a) - key(b));
  main.notices.length = 0;
  main.notices.push(...notices);
  if (other.timings) main.timings = { ...(main.timings ?? {}), ...other.timings };
  main.setupMs = (main.setupMs ?? 0) + (other.setupMs ?? 0);
  return main;
}
