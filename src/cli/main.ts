// The `draft-lint` command: finds the files, resolves their config and packs, lints (and fixes) them,
// prints the report and returns the exit code (0 clean, 1 problems, 2 usage/config/I-O failure).
import * as nodeFs from 'fs';
import { promises as fsp } from 'fs';
import * as path from 'path';
import { CliOptions, HELP, parseArgs, UsageError } from './args';
import { expandPatterns, Target, toPosix } from '../host/files';
import { ignoredBy } from '../host/ignore';
import { oversizeMessage } from '../host/limits';
import { ConfigResolver } from '../host/configs';
import { lintOptions } from '../host/options';
import { isKnownRuleName, unknownRuleMessage } from '../host/rule-names';
import { NodeFileSystem } from '../host/nodefs';
import { FileResult, formatFiguresJson, formatFiguresTable, formatJson, formatSarif, formatStylish, makePaint, OutDiagnostic, SEVERITY_WORD, summarize } from './formatters';
import { formatDiff } from './diff';
import { binaryWordMessage, DraftSource, htmlReport, isBinaryWord, isDocx, isReportDir, MAX_DOCX_BYTES, readDraft, writeAnnotatedCopies, writeHtmlReports } from './review';
import { writeBackAtomically, writeFileAtomically, WriteBackOptions } from './write';
import { VerdictCache } from './verdict-cache';
import { RunTiming, takeTimingFlag } from './timing';
import { mergeLinted, POOL_MIN_BYTES, poolWorkers, RunningPool, startPool } from './pool';
import { setVerdictStore } from '../host/regex-safety';
import { allRules, fixAll, fixAllFilter, lint, lintInPhases, LintOptions, Notice, ruleSetting, SegmenterState, wantsSegmenter } from '../lint';
import { formatTypeJson, formatTypeTable } from './print-type';
import { PackSet } from '../core/packs';
import { encodeLike } from '../host/encoding';
import { DocumentModel } from '../core/document';
import { displaySubject, figureLedger } from '../core/ledger';
import type { SegmenterLoad } from '../segmenter';
import { quiesceSegmenterWorkers, startThreadedSegmenter, ThreadedLoad } from '../segmenter/threaded';
import { Diagnostic, DraftLintError, ResolvedConfig, Rule, RuleSetting, Segmenter } from '../core/types';
import { paragraphMemosOn, setParagraphMemos } from '../core/memo';

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  writeStdout(s: string | Uint8Array): void;
  writeStderr(s: string): void;
  readStdin(): Promise<Uint8Array>;
  /** Told how many bytes (at least: the count stops above SMALL_INPUT_BYTES) in how many files are about to be
   *  linted, and whether they are fixed, before the first lint (the command sets V8 flags and its memos for it). */
  beforeLint?(totalBytes: number, files: number, fix?: boolean): void;
}

/** A lint (not --fix) reports at most this many findings of one rule per file, so that a page of punctuation or a
 *  million quote marks cannot take gigabytes (issue 17, item 12); the rest are counted in a notice. */
export const MAX_FINDINGS_PER_RULE = 10000;

/** Up to this much input, a command run skips V8's optimising compiler (see tuneV8ForInput). */
export const SMALL_INPUT_BYTES = 256 * 1024;

/**
 * A command run over a few drafts ends before TurboFan's optimised code pays for itself: compiling it takes CPU on
 * the second core, where the segmenter loads. Up to SMALL_INPUT_BYTES the process keeps to V8's baseline compilers
 * (`--max-opt=1`): the five seeds (99 KB) lint in about 0.28 s instead of 0.33 s; above about 350 KB the optimised
 * code wins (1 MB: 0.76 s with it, 0.92 s without), so larger runs keep the default. Only for the process of the
 * `draft-lint` command (the flag is process-wide); DRAFT_LINT_V8_TUNE=0 turns it off.
 */
export function tuneV8ForInput(totalBytes: number, env: Record<string, string | undefined>, files = 1): void {
  if (shouldTuneV8(totalBytes, env)) (require('v8') as typeof import('v8')).setFlagsFromString('--max-opt=1');
  if (shouldSaveHeap(totalBytes, env)) (require('v8') as typeof import('v8')).setFlagsFromString('--optimize-for-size');
  const grow = heapGrowingPercent(totalBytes, env);
  if (grow) (require('v8') as typeof import('v8')).setFlagsFromString(`--heap-growing-percent=${grow}`);
  const budget = interruptBudget(totalBytes, env);
  if (budget) (require('v8') as typeof import('v8')).setFlagsFromString(`--interrupt-budget=${budget}`);
  if (shouldFixYoungGeneration(totalBytes, env, files)) (require('v8') as typeof import('v8')).setFlagsFromString('--semi-space-growth-factor=1');
}

/**
 * A large run's young generation grows to V8's maximum (two 16 MiB semi-spaces: 32 MiB of the process's peak) because
 * much of the rules' garbage survives a scavenge or two. `--max-semi-space-size` is read only when the isolate is
 * made (NODE_OPTIONS, not at run time), but V8 reads `--semi-space-growth-factor` each time it would grow the young
 * generation, so a factor of 1, set before the first lint, keeps it at its starting size (4 MiB). More scavenges, a
 * little more promoted to the old generation. Paired runs (docs/performance.md, 第七轮): one 2.4 MB file peak
 * 219 → 185–192 MiB for 5% more instructions (cachegrind 27.3 → 28.6 G; CPU 3.41 → 3.53 s). Only for one file: on 600 files it took the scavenges from
 * about 75 to 290 and their pauses on the main thread (the bottleneck of a batch) from 0.8–0.9 to 1.6–2.0 s, and with
 * the worker pool the peak did not drop (218 MiB either way); so with the pool it is not set (see below for one
 * thread). Up to SMALL_INPUT_BYTES (any number of files) it
 * replaces `--optimize-for-size` (see shouldSaveHeap): the five seeds at the same peak in 8% fewer instructions.
 * DRAFT_LINT_V8_YOUNG=0 (or DRAFT_LINT_V8_TUNE=0) leaves V8's default, =1 sets it for any input.
 * Process-wide: the pool's workers have their own limit (resourceLimits in src/cli/pool.ts).
 */
export function shouldFixYoungGeneration(totalBytes: number, env: Record<string, string | undefined>, files = 1, cores?: number): boolean {
  if (env.DRAFT_LINT_V8_TUNE === '0' || env.DRAFT_LINT_V8_YOUNG === '0') return false;
  // Many files on one thread (no worker pool: one core, or DRAFT_LINT_WORKERS=0) too: without the paragraph memos
  // (keepParagraphMemos) less survives a scavenge, and 600 People's Daily articles on one thread peaked at 170–173
  // instead of 218–219 MiB for 3–4% more CPU on the main thread (docs/performance.md, 第十一轮).
  return env.DRAFT_LINT_V8_YOUNG === '1' || files === 1 || totalBytes <= SMALL_INPUT_BYTES || poolWorkers(files, totalBytes, env, cores) === 0;
}

/**
 * A large run (above SMALL_INPUT_BYTES, where TurboFan is on) spends much CPU compiling optimised code on V8's
 * background threads: with `--no-concurrent-recompilation` the main thread of a 600-file run took 1.3 s longer, and
 * those threads used 2.5–3 s of CPU in a 6 s run — on two cores they compete with the main thread and the pool's
 * worker. A function is optimised once it has used up its interrupt budget a few times; eight times V8's default
 * (67584 → 528000 bytes of bytecode run) leaves only the really hot functions to TurboFan. Paired runs: 600 files
 * CPU 6.15 → 5.05 s, one 2.4 MB file 4.16 → 3.45 s, the main thread's time the same (±0.2 s). Process-wide (the
 * pool's workers get it too). DRAFT_LINT_V8_BUDGET=<bytes> sets another value, 0 (or DRAFT_LINT_V8_TUNE=0) keeps V8's.
 */
export function interruptBudget(totalBytes: number, env: Record<string, string | undefined>): number {
  if (env.DRAFT_LINT_V8_TUNE === '0') return 0;
  const set = env.DRAFT_LINT_V8_BUDGET;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 1 << 24);
  return totalBytes > SMALL_INPUT_BYTES ? 528000 : 0;
}

/**
 * A large run (above SMALL_INPUT_BYTES, where --optimize-for-size costs a quarter more CPU) lets the old generation
 * grow by 15% of what survived the last full collection instead of V8's default factor (up to 2×, about 4× in a
 * young process): the rules leave much short-lived garbage that survives a scavenge or two, and the heap otherwise
 * grows with it. Paired runs (2.2 MB single file, and 600 People's Daily articles as 600 files): peak 276 → 237 MiB
 * and 295 → 258 MiB, CPU within the noise of the machine (±5%). DRAFT_LINT_V8_GROW=<percent> sets another value,
 * 0 (or DRAFT_LINT_V8_TUNE=0) leaves V8's default. Process-wide: the pool's workers get it too.
 */
export function heapGrowingPercent(totalBytes: number, env: Record<string, string | undefined>): number {
  if (env.DRAFT_LINT_V8_TUNE === '0') return 0;
  const set = env.DRAFT_LINT_V8_GROW;
  if (set !== undefined && /^\d+$/.test(set)) return Math.min(Number(set), 400);
  return totalBytes > SMALL_INPUT_BYTES ? 15 : 0;
}

/**
 * `--optimize-for-size` (set at run time; NODE_OPTIONS does not accept it) makes V8's heap grow in small steps, at the
 * cost of more collections. It used to be set up to SMALL_INPUT_BYTES to bring the five seeds under 150 MiB (167 →
 * 141–149 MiB, CPU +10%); the fixed young generation (shouldFixYoungGeneration) now does that for less: the five
 * seeds at the same peak (133 vs 134 MiB) in 8% fewer instructions (cachegrind, 6.17–6.18 → 5.69 G). On large runs it
 * saves more but costs more (600 People's Daily articles: 280 → 220 MiB, CPU +25–30%; one 2.4 MB file 280 → 206
 * MiB). So it is set only when DRAFT_LINT_V8_SIZE=1 (never with DRAFT_LINT_V8_TUNE=0). Process-wide, so the pool's
 * workers get it too.
 */
export function shouldSaveHeap(totalBytes: number, env: Record<string, string | undefined>): boolean {
  if (env.DRAFT_LINT_V8_TUNE === '0') return false;
  return env.DRAFT_LINT_V8_SIZE === '1';
}

/**
 * The paragraph memos (src/core/memo.ts) remember, by paragraph text, what the engine and the rules worked out, so
 * that a re-lint after a keystroke redoes only the edited paragraph. A command run lints each text once: across
 * different drafts a paragraph hardly ever comes back, so the memos only cost hashing and memory (600 People's Daily
 * articles: 43 MiB of the heap still held at the end of the run, most of it in the memos; docs/performance.md,
 * 第十一轮). --fix and --fix-dry-run lint the same text again after each pass and keep them. The output is the same
 * either way (the memos are a cache; engine.incremental compares a lint with them and one without). Only for the
 * command's own process (a switch for the whole process, set by main()); DRAFT_LINT_MEMOS=1 keeps them, =0 drops
 * them for --fix too.
 */
export function keepParagraphMemos(fix: boolean, env: Record<string, string | undefined>): boolean {
  if (env.DRAFT_LINT_MEMOS === '1') return true;
  if (env.DRAFT_LINT_MEMOS === '0') return false;
  return fix;
}

/** Whether tuneV8ForInput sets the flag (pure). */
export function shouldTuneV8(totalBytes: number, env: Record<string, string | undefined>): boolean {
  return env.DRAFT_LINT_V8_TUNE !== '0' && totalBytes <= SMALL_INPUT_BYTES;
}

/** The package version (package.json next to out/). */
export function packageVersion(): string {
  for (const rel of ['../../../package.json', '../../package.json']) {
    try {
      return (require(path.join(__dirname, rel)) as { version: string }).version;
    } catch {
      /* try the next */
    }
  }
  return '0.0.0';
}

/** A config or pack problem: the run stops with exit code 2. */
class FatalError extends Error {}

/** The host's config resolver with the CLI's policy: warnings go to stderr, a pack that fails to load stops the run. */
export class CliConfigs {
  readonly warnings: string[] = [];
  readonly resolver: ConfigResolver;

  constructor(fs: NodeFileSystem, explicit: string | undefined, overrides: Record<string, RuleSetting>, knownRules: string[]) {
    this.resolver = new ConfigResolver({ fs, knownRules, explicit, overrides, confinePacks: true, onWarning: w => this.warnings.push(w) });
  }

  /** The config that applies to `file` (explicit --config, else the nearest .draftlintrc.json above it). */
  forFile(file: string): Promise<ResolvedConfig> {
    return this.resolver.forFile(file);
  }

  /** The built-in packs plus the config's extra packs; a pack that fails to load stops the run. */
  async packsFor(cfg: ResolvedConfig): Promise<PackSet> {
    const r = await this.resolver.packsFor(cfg);
    if (r.errors.length) throw new FatalError(r.errors.map(e => e.message).join('\n'));
    return r.packSet;
  }
}

/** Loads the word segmenter once. A plain CLI run starts the load on a worker thread (see src/segmenter/threaded.ts)
 *  as soon as the arguments say files will be linted; each file's rules that need the segmenter wait until it is
 *  ready while the next files are linted (lintInPhases, PendingFiles). `DRAFT_LINT_SEGMENTER_THREAD=0` loads it on
 *  the main thread instead, when the first file with such a rule enabled is linted. */
export class SegmenterHolder {
  private loaded = false;
  private pending?: ThreadedLoad;
  private finished = false;
  segmenter?: Segmenter;
  state: SegmenterState = 'unavailable';
  error?: string;

  constructor(private loader?: () => SegmenterLoad) {}

  /** The load may run on a worker thread, started when the first file with a rule that needs it is linted. */
  private threadAllowed = false;
  /** Whether a worker thread was ever started (for tests). */
  threadStarted = false;

  /** Starts the background load on a worker thread (a plain CLI run; not with an injected loader). */
  startThread(): void {
    if (this.loader || this.pending) return;
    this.threadStarted = true;
    try {
      this.pending = startThreadedSegmenter();
    } catch {
      this.pending = undefined;
    }
  }

  /** Lets ensure() start the load on a worker thread when a file first needs it (instead of loading it here). */
  allowThread(): void {
    if (!this.loader) this.threadAllowed = true;
  }

  ensure(rules: Rule[], cfg: ResolvedConfig): void {
    if (this.loaded) return;
    // Rules that only use the segmenter when it is there (usesSegmenter) do not load it on their own.
    if (!rules.some(r => r.meta.needsSegmenter && ruleSetting(r, cfg).severity !== 'off')) return;
    this.loaded = true;
    if (this.threadAllowed && !this.pending) this.startThread();
    if (this.pending) return; // finished by resolveSegmenter, when the first rule that needs it runs
    try {
      const load = this.loader ?? (require('../segmenter') as typeof import('../segmenter')).loadSegmenter;
      this.apply(load());
    } catch (e) {
      this.state = 'failed';
      this.error = (e as Error).message;
    }
  }

  private apply(r: SegmenterLoad): void {
    if (r.segmenter) {
      this.segmenter = r.segmenter;
      this.state = 'ready';
    } else {
      this.state = 'failed';
      this.error = r.error;
    }
  }

  /** The segmenter fields of LintOptions. */
  lintOptions(): Pick<LintOptions, 'segmenter' | 'segmenterState' | 'segmenterError' | 'resolveSegmenter'> {
    if (this.pending && this.loaded && !this.finished) return { resolveSegmenter: () => this.finish() };
    return { segmenter: this.segmenter, segmenterState: this.state, segmenterError: this.error };
  }

  /** True when the background load has finished (without waiting for it). */
  readyNow(): boolean {
    return !this.pending || this.finished || this.pending.poll();
  }

  /** Stops the background worker, if any (at the end of a run; waits until it is out of nodejieba's native code). */
  dispose(): void {
    this.pending?.dispose();
  }

  /** Milliseconds the main thread waited for the background load (for --timing). */
  waitMs = 0;

  private finish(): { segmenter?: Segmenter; state: SegmenterState; error?: string } {
    if (!this.finished) {
      this.finished = true;
      const t0 = performance.now();
      try {
        this.apply(this.pending!.finish());
      } catch (e) {
        this.state = 'failed';
        this.error = (e as Error).message;
      }
      this.waitMs = performance.now() - t0;
    }
    return { segmenter: this.segmenter, state: this.state, error: this.error };
  }
}

/** Validates the --rule ids against the registered rules (or `category/*`), with "did you mean". */
function checkRuleIds(opts: CliOptions, rules: Rule[]): Record<string, RuleSetting> {
  const known = new Set(rules.map(r => r.meta.id));
  const out: Record<string, RuleSetting> = {};
  for (const r of opts.rules) {
    if (!isKnownRuleName(r.id, known)) throw new UsageError(`--rule：${unknownRuleMessage(r.id, known)}`);
    out[r.id] = { severity: r.severity };
  }
  return out;
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? toPosix(rel) : toPosix(file);
}

export interface LintedFile {
  result: FileResult;
  notices: Notice[];
  /** Bytes to print for --stdin --fix. */
  fixedBytes?: Uint8Array;
  diff?: string;
  /** Runs the rules still waiting for the segmenter and fills in the result (then it is removed). */
  complete?: () => void;
  /** The size of the text kept for complete(). */
  pendingChars?: number;
  /** What the engine measured (for --timing): ms per rule, the setup before the rules, and the text's length. */
  timings?: Record<string, number>;
  setupMs?: number;
  chars?: number;
}

/** Without --timing nothing reads a file's timings (a record of some 45 rules): drop them once the file is complete
 *  rather than keep one per file to the end of the run (600 files: 0.8 MB; docs/performance.md, 第十五轮). */
function dropTimings(linted: LintedFile): void {
  const complete = linted.complete;
  if (!complete) {
    linted.timings = undefined;
    return;
  }
  linted.complete = () => {
    complete();
    linted.timings = undefined;
  };
}

/** Files whose rules that need the segmenter are still waiting for it; completed in order. */
class PendingFiles {
  private list: LintedFile[] = [];
  private chars = 0;
  /** Keeps at most this much text waiting (then completes it, waiting for the segmenter). */
  static readonly MAX_CHARS = 8 << 20;

  add(l: LintedFile, seg: SegmenterHolder): void {
    if (l.complete) {
      this.list.push(l);
      this.chars += l.pendingChars ?? 0;
    }
    if (this.chars > PendingFiles.MAX_CHARS || (this.list.length && seg.readyNow())) this.flush();
  }

  flush(): void {
    for (const l of this.list) {
      const c = l.complete!;
      l.complete = undefined;
      c();
    }
    this.list = [];
    this.chars = 0;
  }
}

/** What tests may replace: the rules and the segmenter loader. */
export interface CliInject {
  rules?: Rule[];
  loadSegmenter?: () => SegmenterLoad;
}

/** Runs the command; returns the exit code. */
export async function run(argvIn: string[], io: CliIO, inject: CliInject = {}): Promise<number> {
  const { argv, timing: timed } = takeTimingFlag(argvIn);
  const timing = timed ? new RunTiming() : undefined;
  const seg = new SegmenterHolder(inject.loadSegmenter);
  // Pack-regex verdicts kept across runs (src/cli/verdict-cache.ts).
  const verdicts = VerdictCache.open(io.env);
  setVerdictStore(verdicts);
  try {
    const code = await runWith(seg, argv, io, inject, timing);
    if (timing) {
      if (seg.waitMs) timing.phase('等待分词器加载', seg.waitMs);
      io.writeStderr(timing.format());
    }
    return code;
  } finally {
    seg.dispose();
    setVerdictStore(undefined);
    await verdicts?.save();
  }
}

async function runWith(seg: SegmenterHolder, argv: string[], io: CliIO, inject: CliInject, timing?: RunTiming): Promise<number> {
  let opts: CliOptions;
  let rules: Rule[] = [];
  let overrides: Record<string, RuleSetting>;
  try {
    opts = parseArgs(argv);
    if (opts.help) {
      io.writeStdout(HELP);
      return 0;
    }
    if (opts.version) {
      io.writeStdout(packageVersion() + '\n' + (require('../segmenter') as typeof import('../segmenter')).describeSegmenter(io.env) + '\n');
      return 0;
    }
    if (opts.listRules) {
      io.writeStdout(formatRuleList(inject.rules ?? allRules(), opts.format === 'json'));
      return 0;
    }
    if (opts.printConfig === undefined && !opts.stdin && !opts.patterns.length) throw new UsageError('请给出要检查的文件、目录或 glob，或使用 --stdin');
    rules = inject.rules ?? allRules();
    // Files will be linted: start loading the segmenter on a worker thread now (it takes longer than loading the
    // rules). Stopping it is safe at any moment (dispose waits until it is out of native code).
    // (For files, once their total size is known: see startSegmenterThreadFor.)
    if (opts.stdin) startSegmenterThreadIfWanted(opts, io, rules, seg);
    overrides = checkRuleIds(opts, rules);
  } catch (e) {
    if (e instanceof UsageError) {
      io.writeStderr(`draft-lint: ${e.message}\n运行 draft-lint --help 查看用法 (see --help)\n`);
      return 2;
    }
    throw e;
  }

  const fs = new NodeFileSystem();
  const colorOn = opts.outputFile
    ? false
    : opts.color ?? (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '' ? false : io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0' ? true : io.stdoutIsTTY);
  const paint = makePaint(colorOn);
  const errPaint = makePaint(opts.color ?? false);
  const explicitConfig = opts.config ? path.resolve(io.cwd, opts.config) : undefined;
  const resolver = new CliConfigs(fs, explicitConfig, overrides, rules.map(r => r.meta.id));
  const stderrLines: string[] = [];
  let ioFailure = false;

  const results: FileResult[] = [];
  const notices: Notice[] = [];
  const diffs: string[] = [];
  let stdinFixed: Uint8Array | undefined;

  try {
    if (explicitConfig) {
      if ((await fs.readFile(explicitConfig)) === undefined) throw new DraftLintError(`找不到配置文件 ${explicitConfig}（--config）`, explicitConfig);
    }
    if (opts.printConfig !== undefined) {
      const cfg = await resolver.forFile(path.resolve(io.cwd, opts.printConfig));
      await resolver.packsFor(cfg);
      const shown = { configPath: cfg.configPath ?? null, docType: cfg.docType, documentDate: cfg.documentDate, rules: cfg.rules, packs: cfg.packs, ignore: cfg.ignore, maxFileSize: cfg.maxFileSize };
      io.writeStdout(JSON.stringify(shown, null, 2) + '\n');
      for (const w of resolver.warnings) io.writeStderr(`draft-lint: ${w}\n`);
      return 0;
    }
    if (opts.stdin) {
      const name = opts.stdinFilename ?? '<stdin>';
      const abs = path.resolve(io.cwd, opts.stdinFilename ?? 'stdin.txt');
      if (opts.outputFile && opts.stdinFilename && (await outputIsInput(path.resolve(io.cwd, opts.outputFile), [{ file: abs, explicit: true }]))) {
        io.writeStderr(`draft-lint: -o/--output-file ${opts.outputFile} 就是 --stdin-filename 所指的文稿，写入报告会覆盖文稿，已停止\n`);
        return 2;
      }
      let input: Uint8Array | undefined = await io.readStdin();
      io.beforeLint?.(input.length, 1, opts.fix || opts.fixDryRun);
      // Only --fix prints the input again; otherwise nothing here keeps it while the rules run (lintBytes lets it go).
      const bytes = opts.fix ? input : undefined;
      const pendingLint = lintBytes({ bytes: input }, abs, displayPath(abs, io.cwd).replace(/^stdin\.txt$/, name), opts, resolver, seg, rules);
      input = undefined;
      const linted = await pendingLint;
      linted.complete?.();
      if (!opts.stdinFilename) linted.result.path = name;
      results.push(linted.result);
      notices.push(...linted.notices);
      timing?.addLint(linted.timings, linted.setupMs, linted.chars ?? 0);
      // --stdin --fix prints the fixed text, or the input unchanged (too large, undecodable): never nothing.
      if (opts.fix) stdinFixed = linted.fixedBytes ?? bytes!;
      if (linted.diff) diffs.push(linted.diff);
      if (linted.result.error || linted.result.fixError) ioFailure = true;
    } else {
      const exp = await expandPatterns(opts.patterns, io.cwd);
      // A path that does not exist or a pattern that matched nothing is a file that could not be linted: every
      // format lists it (stylish, JSON files[].error, SARIF notifications), never “no problems”.
      const unlinted: FileResult[] = exp.unmatched.map(u => ({ path: u.pattern.replace(/\\/g, '/'), diagnostics: [], error: u.message }));
      if (unlinted.length) ioFailure = true;
      const clash = opts.outputFile ? await outputIsInput(path.resolve(io.cwd, opts.outputFile), exp.targets) : undefined;
      if (clash) {
        io.writeStderr(`draft-lint: -o/--output-file ${opts.outputFile} 就是要检查的文件 ${displayPath(clash, io.cwd)}，写入报告会覆盖文稿，已停止\n`);
        return 2;
      }
      await startSegmenterThreadFor(exp.targets, opts, io, rules, seg);
      if (io.beforeLint && !opts.figures && !opts.printType) {
        let total = 0;
        for (const t of exp.targets) {
          total += await fsp.stat(t.file).then(st => st.size, () => 0);
          if (total > SMALL_INPUT_BYTES) break;
        }
        io.beforeLint(total, exp.targets.length, opts.fix || opts.fixDryRun);
      }
      const pending = new PendingFiles();
      const all: LintedFile[] = [];
      // Many files: the rules that need no segmenter run on a worker pool (src/cli/pool.ts), the others here.
      const split = await startPoolFor(exp.targets, opts, io, inject, rules, explicitConfig, overrides);
      const byIndex: (LintedFile | undefined)[] = [];
      try {
        for (const t of exp.targets) {
          const linted = await lintTarget(t, io, opts, resolver, seg, split?.mainRules ?? rules);
          byIndex.push(linted);
          if (!linted) continue;
          if (!timing) dropTimings(linted);
          all.push(linted);
          pending.add(linted, seg);
        }
        pending.flush();
        if (split) {
          const done = await split.pool.done;
          const order = new Map(rules.map((r, i) => [r.meta.id, i]));
          for (let i = 0; i < byIndex.length; i++) {
            const linted = byIndex[i];
            if (!linted) continue;
            let other = done.get(i);
            if (other === undefined || (other && 'error' in other)) {
              // The worker did not finish this file: its other rules run here.
              const again = await lintTarget(exp.targets[i], io, opts, resolver, seg, split.otherRules);
              again?.complete?.();
              other = again ?? null;
            }
            if (other) mergeLinted(linted, other, order);
          }
          if (timing) timing.threads = split.workers + 1;
        }
      } finally {
        split?.pool.terminate();
      }
      for (const linted of all) {
        results.push(linted.result);
        notices.push(...linted.notices);
        timing?.addLint(linted.timings, linted.setupMs, linted.chars ?? 0);
        if (linted.diff) diffs.push(linted.diff);
        if (linted.result.error || linted.result.fixError) ioFailure = true;
      }
      results.push(...unlinted);
    }
  } catch (e) {
    if (e instanceof DraftLintError || e instanceof FatalError) {
      io.writeStderr(`draft-lint: ${e.message}\n`);
      return 2;
    }
    throw e;
  }

  if (opts.annotate !== undefined) {
    const written = await writeAnnotatedCopies(results, path.resolve(io.cwd, opts.annotate), opts.annotateMode, io.cwd);
    stderrLines.push(...written.lines);
    if (written.failed) ioFailure = true;
  }

  const uniqueNotices = dedupeNotices(notices);
  // A rule that threw checked nothing: the run is not a success (exit 2), in every format.
  const ruleErrors = uniqueNotices.filter(n => n.kind === 'rule-error').map(n => n.message);
  if (ruleErrors.length) ioFailure = true;
  for (const w of resolver.warnings) stderrLines.push(`draft-lint: ${w}`);
  for (const n of uniqueNotices) stderrLines.push(`draft-lint: ${n.message}`);

  // --format html -o <folder>/: one report per document in the folder, the usual list of problems on stdout.
  const htmlDir = opts.format === 'html' && opts.outputFile !== undefined && (await isReportDir(opts.outputFile, path.resolve(io.cwd, opts.outputFile)));
  let report: string;
  if (opts.printType) report = opts.format === 'json' ? formatTypeJson(results) : formatTypeTable(results, paint);
  else if (opts.figures) report = opts.format === 'json' ? formatFiguresJson(results) : formatFiguresTable(results, paint);
  else if (opts.format === 'json') report = formatJson(results, uniqueNotices);
  else if (opts.format === 'html') report = htmlDir ? formatStylish(results, paint) : htmlReport(results, packageVersion(), io.cwd);
  else if (opts.format === 'sarif') report = formatSarif(results, uniqueNotices, rules, packageVersion(), io.cwd);
  else report = (diffs.length ? diffs.join('\n') + '\n' : '') + formatStylish(results, paint, opts.fixDryRun ? 'dry-run' : opts.fix ? 'fix' : undefined, ruleErrors);

  const s = summarize(results);
  if (opts.stdin && opts.fix && opts.format === 'stylish') {
    // The fixed text goes to stdout, the report to stderr.
    if (stdinFixed) io.writeStdout(stdinFixed);
    if (s.errors + s.warnings + s.infos || s.fileErrors || ruleErrors.length || results.some(r => r.skipped || r.fixError)) io.writeStderr(formatStylish(results, errPaint, 'fix', ruleErrors));
  } else if (opts.outputFile) {
    try {
      const target = path.resolve(io.cwd, opts.outputFile);
      if (htmlDir) {
        const written = await writeHtmlReports(results, target, packageVersion(), io.cwd);
        stderrLines.push(`draft-lint: 已写入审校报告 ${written.length} 份（${displayPath(target, io.cwd)}）`);
        io.writeStdout(report);
      } else await writeFileAtomically(target, report);
    } catch (e) {
      io.writeStderr(`draft-lint: 无法写入报告文件 ${opts.outputFile}：${(e as Error).message}\n`);
      return 2;
    }
  } else io.writeStdout(report);
  if (stderrLines.length) io.writeStderr(stderrLines.join('\n') + '\n');

  if (ioFailure) return 2;
  if (opts.figures || opts.printType) return 0;
  if (s.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && s.warnings > opts.maxWarnings) {
    io.writeStderr(`draft-lint: 警告 ${s.warnings} 个，超过 --max-warnings ${opts.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Notices once per run, not per file: the same segmenter message once; a slow or failing rule once, with a file count. */
export function dedupeNotices(notices: Notice[]): Notice[] {
  const byKey = new Map<string, { n: Notice; count: number }>();
  for (const n of notices) {
    const key = n.kind === 'segmenter' ? n.message : `${n.kind}:${n.ruleIds.join(',')}`;
    const hit = byKey.get(key);
    if (hit) hit.count++;
    else byKey.set(key, { n, count: 1 });
  }
  return [...byKey.values()].map(({ n, count }) => (count > 1 && n.kind !== 'segmenter' ? { ...n, message: `${n.message}（共 ${count} 个文件）` } : n));
}

/** The rule list for --list-rules. */
function formatRuleList(rules: Rule[], asJson: boolean): string {
  if (asJson)
    return (
      JSON.stringify(
        rules.map(r => ({ id: r.meta.id, category: r.meta.category, defaultSeverity: r.meta.defaultSeverity, defaultOff: !!r.meta.defaultOff, fixable: r.meta.fixable, needsSegmenter: !!r.meta.needsSegmenter, description: r.meta.description })),
        null,
        2,
      ) + '\n'
    );
  const width = rules.reduce((w, r) => Math.max(w, r.meta.id.length), 0);
  return (
    rules
      .map(r => `${r.meta.id.padEnd(width)}  ${r.meta.defaultOff ? '关闭' : SEVERITY_WORD[r.meta.defaultSeverity]}  ${r.meta.fixable ? '可修复' : '      '}  ${r.meta.description}`)
      .join('\n') + `\n共 ${rules.length} 条规则\n`
  );
}

/** Lints one file found on disk (undefined when it is silently ignored). */
export async function lintTarget(t: Target, io: CliIO, opts: CliOptions, resolver: CliConfigs, seg: SegmenterHolder, rules: Rule[]): Promise<LintedFile | undefined> {
  const shown = displayPath(t.file, io.cwd);
  const cfg = await resolver.forFile(t.file);
  const ignored = opts.noIgnore ? undefined : ignoredBy(t.file, cfg);
  if (ignored) return t.explicit ? { result: { path: shown, diagnostics: [], skipped: ignored }, notices: [] } : undefined;
  if (isBinaryWord(t.file)) {
    const message = binaryWordMessage(shown);
    return { result: t.explicit ? { path: shown, diagnostics: [], error: message } : { path: shown, diagnostics: [], skipped: message }, notices: [] };
  }
  let bytes: Uint8Array;
  try {
    // Synchronous: a local file is read at once, and a run over many small files spent a second of a 600-file
    // batch waiting for the thread pool's answers to stat and read.
    const st = nodeFs.statSync(t.file);
    const tooLarge = isDocx(t.file) ? oversizeMessage(st.size, MAX_DOCX_BYTES, 'Word 文档的上限') : oversizeMessage(st.size, cfg.maxFileSize);
    if (tooLarge) return { result: { path: shown, diagnostics: [], skipped: tooLarge }, notices: [] };
    bytes = nodeFs.readFileSync(t.file);
  } catch (e) {
    return { result: { path: shown, diagnostics: [], error: `无法读取 ${shown}：${(e as Error).message}` }, notices: [] };
  }
  // A file found by a directory search is fixed only when it really lies inside that folder (not through a link);
  // the folder's real path is looked up only for --fix (the only writer).
  const writeOpts: WriteBackOptions = t.root && opts.fix ? { allowedRoots: [await fsp.realpath(t.root).catch(() => t.root!)] } : {};
  const held = { bytes };
  bytes = NO_BYTES;
  return lintBytes(held, t.file, shown, opts, resolver, seg, rules, cfg, writeOpts);
}

function wantsSegmenterThread(opts: CliOptions, io: CliIO, rules: Rule[]): boolean {
  return io.env.DRAFT_LINT_SEGMENTER_THREAD !== '0' && opts.printConfig === undefined && !opts.figures && !opts.printType && rules.some(r => r.meta.needsSegmenter);
}

/**
 * A small run loads the segmenter on a worker thread while the other rules run (two-phase linting). A large one
 * (over SMALL_INPUT_BYTES) loads it on this thread when the first rule needs it: the load is then a small part of
 * the run, and every cut is a direct call instead of a round trip between threads (People's Daily, 600 articles: a
 * quarter less wall time and about 60 MiB less memory, the second isolate and its copy of the cuts).
 */
async function startSegmenterThreadFor(targets: Target[], opts: CliOptions, io: CliIO, rules: Rule[], seg: SegmenterHolder): Promise<void> {
  if (!wantsSegmenterThread(opts, io, rules)) return;
  let total = 0;
  for (const t of targets) {
    total += await fsp.stat(t.file).then(st => st.size, () => 0);
    if (total > SMALL_INPUT_BYTES) return;
  }
  startSegmenterThreadIfWanted(opts, io, rules, seg);
}

/**
 * Whether the command line turns every rule that needs the segmenter off: 'all' when each is named off (`--rule
 * wording/typo:off`; nothing can turn it on again), 'maybe' when some are off only by a category (`--rule
 * "wording/*:off"`: a config naming the rule still turns it on). Then the segmenter (its thread, nodejieba's
 * dictionary, the typo lexicon) is not loaded before a file's config asks for it.
 */
export function segmenterRulesOff(rules: Rule[], overrides: { id: string; severity: string }[]): 'all' | 'maybe' | 'no' {
  const last = new Map<string, string>();
  for (const o of overrides) last.set(o.id, o.severity);
  let maybe = false;
  for (const r of rules) {
    if (!r.meta.needsSegmenter) continue;
    const own = last.get(r.meta.id);
    if (own === 'off') continue;
    if (own === undefined && last.get(`${r.meta.category}/*`) === 'off') {
      maybe = true;
      continue;
    }
    return 'no';
  }
  return maybe ? 'maybe' : 'all';
}

/** Starts the segmenter's thread now, or lets the first file that needs it start it (see segmenterRulesOff). */
function startSegmenterThreadIfWanted(opts: CliOptions, io: CliIO, rules: Rule[], seg: SegmenterHolder): void {
  if (!wantsSegmenterThread(opts, io, rules)) return;
  if (segmenterRulesOff(rules, opts.rules) === 'no') seg.startThread();
  else seg.allowThread();
}

/** Starts the worker pool for a plain lint of many files (src/cli/pool.ts); undefined: everything on this thread. */
async function startPoolFor(
  targets: Target[],
  opts: CliOptions,
  io: CliIO,
  inject: CliInject,
  rules: Rule[],
  explicitConfig: string | undefined,
  overrides: Record<string, RuleSetting>,
): Promise<{ pool: RunningPool; workers: number; mainRules: Rule[]; otherRules: Rule[] } | undefined> {
  if (opts.stdin || opts.fix || opts.fixDryRun || opts.annotate !== undefined || opts.format === 'html' || opts.figures || opts.printType) return undefined;
  if (inject.rules || inject.loadSegmenter || targets.length < 2) return undefined;
  let bytes = 0;
  for (const t of targets) {
    bytes += await fsp.stat(t.file).then(st => st.size, () => 0);
    if (bytes >= POOL_MIN_BYTES) break;
  }
  const workers = poolWorkers(targets.length, bytes, io.env);
  const otherRules = rules.filter(r => !wantsSegmenter(r.meta));
  const pool = workers ? startPool(workers, { opts, cwd: io.cwd, explicitConfig, overrides, ruleIds: otherRules.map(r => r.meta.id), targets, memos: paragraphMemosOn() }) : undefined;
  return pool && { pool, workers, mainRules: rules.filter(r => wantsSegmenter(r.meta)), otherRules };
}

/** The input file that `out` (the -o report) would overwrite, if any (compared by real path). */
async function outputIsInput(out: string, targets: Target[]): Promise<string | undefined> {
  const real = await fsp.realpath(out).catch(() => undefined);
  if (!real) return undefined;
  for (const t of targets) if ((await fsp.realpath(t.file).catch(() => t.file)) === real) return t.file;
  return undefined;
}

const NO_BYTES = new Uint8Array(0);

/** Decodes `held.bytes` (a DraftLintError's message when it cannot) and, if `release`, lets the bytes go. */
function decodeHeld(held: { bytes: Uint8Array }, file: string, shown: string, notes: boolean | undefined, release: boolean): DraftSource | string {
  try {
    return readDraft(held.bytes, file, shown, notes);
  } catch (e) {
    if (e instanceof DraftLintError) return e.message;
    throw e;
  } finally {
    if (release) held.bytes = NO_BYTES;
  }
}

/** Decodes, lints and (with --fix / --fix-dry-run) fixes one file's bytes. */
async function lintBytes(
  held: { bytes: Uint8Array },
  file: string,
  shown: string,
  opts: CliOptions,
  resolver: CliConfigs,
  seg: SegmenterHolder,
  rules: Rule[],
  cfgIn?: ResolvedConfig,
  writeOpts: WriteBackOptions = {},
): Promise<LintedFile> {
  const cfg = cfgIn ?? (await resolver.forFile(file));
  const packs = await resolver.packsFor(cfg);
  // The size limit holds for every input: files, --stdin and --figures (a .docx by the size of its text, below).
  const tooLarge = isDocx(file) ? undefined : oversizeMessage(held.bytes.length, cfg.maxFileSize);
  if (tooLarge) return { result: { path: shown, diagnostics: [], skipped: tooLarge }, notices: [] };
  // A plain lint needs the bytes no more (only --fix writes them back, and --stdin --fix prints them): let them go
  // before the rules run (2.4 MB of a 2.4 MB file's peak; docs/performance.md, 第十二轮). They are only ever read
  // through `held` in this async function: a local or an argument register of its suspended frame kept the buffer
  // alive through the whole lint (第十五轮).
  const source = decodeHeld(held, file, shown, opts.notes, !opts.fix && !opts.fixDryRun);
  if (typeof source === 'string') return { result: { path: shown, diagnostics: [], error: source }, notices: [] };
  const { text, decoded } = source;
  let bytes = held.bytes;
  if (!text.trim()) {
    // An empty draft has nothing to check: say so rather than pass it silently.
    return { result: { path: shown, diagnostics: [], encoding: source.encoding, skipped: text.length ? '文件只有空白，没有文字，未检查' : '文件是空的，没有文字，未检查' }, notices: [], ...(opts.stdin && opts.fix ? { fixedBytes: bytes } : {}) };
  }
  const textTooLarge = source.docx ? oversizeMessage(Buffer.byteLength(text), cfg.maxFileSize, 'maxFileSize', '正文大小') : undefined;
  if (textTooLarge) return { result: { path: shown, diagnostics: [], skipped: textTooLarge }, notices: [] };
  const result: FileResult = { path: shown, diagnostics: [], encoding: source.encoding };
  if (opts.annotate !== undefined || opts.format === 'html') result.review = { file, text, docx: source.docx, packs };
  if (opts.figures) {
    result.figures = figureLedger(new DocumentModel(text, { path: file })).map(e => ({ ...e, subject: displaySubject(e.subject) }));
    return { result, notices: [] };
  }
  if (opts.printType) {
    // Detection only: no rule runs.
    result.typeInfo = lint(text, lintOptions({ path: file, config: cfg, packs, rules: [], docType: opts.docType })).docTypeInfo;
    result.docType = result.typeInfo.docType;
    return { result, notices: [] };
  }
  seg.ensure(rules, cfg);
  const lintOpts: LintOptions = {
    ...lintOptions({ path: file, config: cfg, packs, rules, docType: opts.docType }, seg.lintOptions()),
    ...(opts.fix || opts.fixDryRun ? {} : { maxFindingsPerRule: MAX_FINDINGS_PER_RULE }),
  };
  const keep = (d: Diagnostic) => !opts.quiet || d.severity === 'error';
  const linted: LintedFile = { result, notices: [] };
  if (!opts.fix && !opts.fixDryRun) {
    // The rules that need the segmenter may wait for it (it loads on a worker thread): the run lints the next
    // files meanwhile and completes this one when the segmenter is ready (see runWith).
    const phased = lintInPhases(text, lintOpts);
    const complete = () => {
      const first = phased.finish();
      result.docType = first.docType;
      result.typeInfo = first.docTypeInfo;
      linted.notices.push(...first.notices);
      result.diagnostics = first.diagnostics.filter(keep);
      linted.timings = first.timings;
      linted.setupMs = first.setupMs;
      linted.chars = text.length;
    };
    if (phased.deferred) {
      linted.complete = complete;
      linted.pendingChars = text.length;
    } else complete();
    return linted;
  }
  // Hints (info) are not fixed unless asked for: their evidence is weak by definition.
  const fixable = fixAllFilter(undefined, opts.fixInfo);
  const fixed = fixAll(text, lintOpts, d => keep(d) && fixable(d));
  const first = fixed.initial;
  linted.timings = first.timings;
  linted.setupMs = first.setupMs;
  linted.chars = text.length;
  result.docType = first.docType;
  result.typeInfo = first.docTypeInfo;
  linted.notices.push(...first.notices);
  if (!fixed.converged) {
    result.fixError = `${shown} 的修复未收敛：修复 ${fixed.passes} 遍后规则 ${fixed.unstableRules.join('、')} 仍要再改（修复结果又被改写，如规则包中替换文字仍与其模式匹配），未写入修复；请检查规则包`;
    result.diagnostics = first.diagnostics.filter(keep);
    return linted;
  }
  if (fixed.output !== text) {
    result.fixed = fixed.fixed;
    if (opts.fixDryRun) {
      result.output = fixed.output;
      linted.diff = formatDiff(shown, text, fixed.output, makePaint(false));
    } else if (!decoded) {
      result.fixError = `${shown} 是 Word 文档，--fix 不改写原文；请用 --annotate <目录> --annotate-mode revisions 写出带修订的副本，在 Word 中接受或拒绝`;
      result.diagnostics = first.diagnostics.filter(keep);
      return linted;
    } else if (opts.stdin) {
      linted.fixedBytes = encodeLike(fixed.output, decoded);
      result.output = fixed.output;
    } else if (!decoded.roundTrips) {
      result.fixError = `${shown} 的 ${source.encoding} 编码无法逐字节还原，为避免改动修复范围以外的内容，未写入修复`;
      result.diagnostics = first.diagnostics.filter(keep);
      return linted;
    } else {
      try {
        await writeBackAtomically(file, bytes, encodeLike(fixed.output, decoded), writeOpts);
      } catch (e) {
        result.fixError = e instanceof DraftLintError ? e.message : `${shown} 写入修复失败：${(e as Error).message}`;
        result.fixed = 0;
        result.diagnostics = first.diagnostics.filter(keep);
        return linted;
      }
    }
    // --fix reports what is left after fixing; --fix-dry-run changes nothing, so it reports what a lint reports.
    result.diagnostics = (opts.fixDryRun ? first.diagnostics : fixed.remaining).filter(keep);
    return linted;
  }
  if (opts.stdin && opts.fix) linted.fixedBytes = bytes;
  result.diagnostics = first.diagnostics.filter(keep);
  return linted;
}

/** Entry point for bin/draft-lint.js. `stdin`: standard input, when the launcher (bin/launch.js) has already read it
 *  (piped input, to see whether it is large). */
export function main(stdin?: Uint8Array): void {
  // A safety net under the pack-regex guard (host/regex-safety): a regex that backtracks excessively falls back to
  // V8's linear-time engine instead of running for minutes (process-wide, so only in the command's own process).
  try {
    const v8 = require('v8') as typeof import('v8');
    v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
    // …but only after 10 million backtracks in one search, not V8's default 50,000: the rules' own (linear) regexes
    // backtrack a few times at every position, so on a long text with no sentence end (800,000 quotation marks) they
    // crossed 50,000 and fell back to the linear engine, which took 1.4 GB on that input. An exponential pattern
    // reaches 10 million in about a tenth of a second.
    v8.setFlagsFromString('--regexp-backtracks-before-fallback=10000000');
  } catch {
    /* an engine without the flag */
  }
  const io: CliIO = {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: !!process.stdout.isTTY,
    writeStdout: s => process.stdout.write(s),
    writeStderr: s => process.stderr.write(s),
    readStdin: async () => {
      if (stdin) {
        // Handed over once (bin/launch.js read it): not kept by this closure for the rest of the run.
        const given = stdin;
        stdin = undefined;
        return given;
      }
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      const b = Buffer.concat(chunks);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    },
    beforeLint: (bytes, files, fix) => {
      tuneV8ForInput(bytes, process.env, files);
      setParagraphMemos(keepParagraphMemos(!!fix, process.env));
    },
  };
  // `draft-lint … | head`: a closed pipe is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      // Not while a segmenter worker is inside native code (that aborts the process).
      quiesceSegmenterWorkers();
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  });
  run(process.argv.slice(2), io).then(
    code => {
      process.exitCode = code;
    },
    (e: Error) => {
      process.stderr.write(`draft-lint: 内部错误 (internal error): ${e.stack ?? e.message}\n`);
      process.exitCode = 2;
    },
  );
}
