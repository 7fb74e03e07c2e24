// `draft-lint --timing` (like ESLint's TIMING=1): after the run, a table on stderr of where the time went — each
// rule's time summed over every file (and every thread of the worker pool), the document model, the wait for the
// segmenter, reading and output — so that a user can see which rule makes a run slow on their own text.
// The flag is taken out of argv before the arguments are parsed (takeTimingFlag), so it combines with every option.

/** What one lint thread measured (also sent from pool workers to the main thread). */
export interface TimingSnapshot {
  /** Milliseconds per rule id, summed over files. */
  rules: Record<string, number>;
  /** Document model, directives, document type and date (engine setup), summed over files. */
  setupMs: number;
  files: number;
  chars: number;
}

export const TIMING_FLAG = '--timing';

/** Removes `--timing` from argv (not after a `--` terminator); says whether it was there. */
export function takeTimingFlag(argv: string[]): { argv: string[]; timing: boolean } {
  const end = argv.indexOf('--');
  const head = end < 0 ? argv : argv.slice(0, end);
  if (!head.includes(TIMING_FLAG)) return { argv, timing: false };
  return { argv: [...head.filter(a => a !== TIMING_FLAG), ...(end < 0 ? [] : argv.slice(end))], timing: true };
}

/** Collects the timings of a run and formats the report. */
export class RunTiming {
  readonly own: TimingSnapshot = { rules: {}, setupMs: 0, files: 0, chars: 0 };
  /** Named phases of the main thread (ms): 读取与解码, 等待分词器, 输出 …, in the order first added. */
  readonly phases = new Map<string, number>();
  /** Lint threads used (1 without the pool). */
  threads = 1;
  private readonly t0 = performance.now();

  /** Adds one file's lint result (its `timings` and `setupMs`). */
  addLint(timings: Record<string, number> | undefined, setupMs: number | undefined, chars: number): void {
    if (!timings) return;
    for (const [id, ms] of Object.entries(timings)) this.own.rules[id] = (this.own.rules[id] ?? 0) + ms;
    this.own.setupMs += setupMs ?? 0;
    this.own.files++;
    this.own.chars += chars;
  }

  /** Adds what another thread measured (its files were linted there too: chars and files count once). */
  merge(s: TimingSnapshot, countFiles: boolean): void {
    for (const [id, ms] of Object.entries(s.rules)) this.own.rules[id] = (this.own.rules[id] ?? 0) + ms;
    this.own.setupMs += s.setupMs;
    if (countFiles) {
      this.own.files += s.files;
      this.own.chars += s.chars;
    }
  }

  phase(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  /** The report (plain text, for stderr). */
  format(): string {
    const rows = Object.entries(this.own.rules).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const ruleMs = rows.reduce((a, r) => a + r[1], 0);
    const total = ruleMs + this.own.setupMs;
    const wall = performance.now() - this.t0;
    const width = Math.max(36, ...rows.map(r => r[0].length + 2));
    const line = (name: string, ms: number, share?: number) =>
      `${name.padEnd(width)}${ms.toFixed(1).padStart(10)}${share === undefined ? '' : ((share * 100).toFixed(1) + '%').padStart(9)}`;
    const out: string[] = [];
    out.push('');
    out.push(
      `draft-lint --timing：${this.own.files} 个文件，${this.own.chars} 字符；本次运行 ${wall.toFixed(0)} ms（进程启动以来 ${performance.now().toFixed(0)} ms）` +
        (this.threads > 1 ? `；${this.threads} 个线程，以下用时为各线程之和` : ''),
    );
    out.push(`${'规则 (rule)'.padEnd(width - 4)}${'用时 ms'.padStart(10)}${'占比'.padStart(9)}`);
    for (const [id, ms] of rows) out.push(line(id, ms, total ? ms / total : 0));
    out.push(line('(文档模型、指令、文种与日期)', this.own.setupMs, total ? this.own.setupMs / total : 0));
    out.push(line('合计 (rules + model)', total));
    for (const [name, ms] of this.phases) out.push(line(`[主线程] ${name}`, ms));
    return out.join('\n') + '\n';
  }
}
