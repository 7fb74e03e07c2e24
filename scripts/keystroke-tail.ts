// What the slow keystrokes are (docs/performance.md, 改字延迟（第十一轮）).
//
// Replays the bench's keystroke loop (bench/run.ts `inProcChild`: seed 000, one 的 inserted at a random place, linted
// back to back with one IncrementalState, no forced GC) and records for every edit: wall and CPU time, the engine's
// set-up time, each rule's time (`lint(...).timings`), the garbage collections that fell inside the lint
// (PerformanceObserver 'gc'), and where the edit is (the paragraph's kind and first characters). Prints the slowest
// edits with the rules that took the most in them, and how the tail splits into GC / position / other.
//
//   npx tsc -p . && node out/scripts/keystroke-tail.js [--edits=N] [--warm=N] [--bench-prelude] [--json=FILE]
//   node --trace-deopt out/scripts/keystroke-tail.js --markers   # '@@edit k' lines interleave with V8's trace
//   valgrind --tool=callgrind --dump-before=uv_loadavg --separate-threads=yes node --single-threaded-gc \
//     out/scripts/keystroke-tail.js --callgrind-dumps --warm=300     # one dump per measured edit (instructions)
//
// --bench-prelude: lint the 1 MB text four times first (with forced GC), as the bench does before the loop.
// --warm=N: N keystrokes before the measured ones (default 5, as the bench).
// Not a test; the numbers depend on the machine's load.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PerformanceObserver, performance } from 'perf_hooks';

const ROOT = path.resolve(__dirname, '../..');
const arg = (name: string, dflt: string) => {
  const a = process.argv.find(x => x.startsWith(`--${name}=`));
  return a ? a.slice(name.length + 3) : dflt;
};
const flag = (name: string) => process.argv.includes(`--${name}`);

const { lint, allRules, IncrementalState } = require(path.join(ROOT, 'out/src/lint')) as typeof import('../src/lint');
const { defaultConfig } = require(path.join(ROOT, 'out/src/core/types')) as typeof import('../src/core/types');
const { DocumentModel } = require(path.join(ROOT, 'out/src/core/document')) as typeof import('../src/core/document');
const segMod = require(path.join(ROOT, 'out/src/segmenter')) as typeof import('../src/segmenter');

const seedDir = path.join(ROOT, 'test/fixtures/seeds');
const seeds = fs
  .readdirSync(seedDir)
  .filter(f => f.endsWith('.txt'))
  .sort()
  .map(f => fs.readFileSync(path.join(seedDir, f), 'utf8'));

const seg = segMod.loadSegmenter();
const config = defaultConfig();
// --only=a,b: only the rules whose id starts with one of these (to find which rules a cost comes from).
const only = arg('only', '').split(',').filter(Boolean);
for (const r of allRules())
  config.rules[r.meta.id] = { severity: only.length && !only.some(o => r.meta.id.startsWith(o)) ? 'off' : r.meta.defaultSeverity };
if (flag('no-memo')) (require(path.join(ROOT, 'out/src/core/memo')) as typeof import('../src/core/memo')).setParagraphMemos(false);
const opts = { config, segmenter: seg.segmenter, ruleBudgetMs: 1e9 };

interface Gc {
  start: number;
  ms: number;
  kind: number;
}
const gcs: Gc[] = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration, kind: (e as unknown as { detail?: { kind: number } }).detail?.kind ?? 0 });
}).observe({ entryTypes: ['gc'] });
const GC_KIND: Record<number, string> = { 1: 'scavenge', 2: 'mark-compact', 4: 'incremental', 8: 'weak-cb', 16: 'minor-mc' };

for (const s of seeds) lint(s, opts);
if (flag('bench-prelude')) {
  const joined = seeds.join('\n\n');
  let s = '';
  while (Buffer.byteLength(s) < 1e6) s += joined + '\n\n';
  const cut = s.lastIndexOf('\n', Math.floor((s.length * 1e6) / Buffer.byteLength(s)));
  const oneMB = s.slice(0, cut);
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let k = 0; k < 4; k++) {
    gc?.();
    lint(oneMB, opts);
  }
}

const s0 = seeds[0];
const model = new DocumentModel(s0);
const where = (at: number) => {
  const p = model.paragraphs.find(q => at >= q.offset && at <= q.offset + q.length);
  if (!p) return { kind: 'between', head: '' };
  return { kind: p.kind, head: s0.slice(p.offset, p.offset + 14).replace(/\s/g, ' '), para: p.index };
};

/** The main thread's time on a CPU so far, ms (Linux; 0 elsewhere). */
const mainCpu = () => {
  try {
    return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return 0;
  }
};
const by = arg('by', 'main') as 'main' | 'wall' | 'cpu';

const state = new IncrementalState();
lint(s0, { ...opts, incremental: state });
let x = 12345;
const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
const edits = Number(arg('edits', '100'));
const warm = Number(arg('warm', '5'));
const markers = flag('markers');
const dumps = flag('callgrind-dumps');

interface Row {
  k: number;
  at: number;
  where: ReturnType<typeof where>;
  wall: number;
  /** On-CPU time of the main thread alone (/proc/thread-self/schedstat): not inflated by waiting for a core. */
  main: number;
  cpu: number;
  setup: number;
  rules: Record<string, number>;
  gcMs: number;
  gcKinds: string[];
  last: { reused: number; rerun: number; whole: number };
}
const rows: Row[] = [];
for (let k = 0; k < edits + warm; k++) {
  const at = Math.floor(rnd() * s0.length);
  const edited = s0.slice(0, at) + '的' + s0.slice(at);
  if (markers) process.stdout.write(`@@edit ${k - warm} at=${at}\n`);
  // Under callgrind with --dump-before=uv_loadavg this starts a new dump per measured edit (one line of the
  // outside counts per keystroke; os.loadavg is called nowhere else).
  if (dumps && k >= warm) os.loadavg();
  const g0 = gcs.length;
  const m0 = mainCpu();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = lint(edited, { ...opts, incremental: state });
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const main = mainCpu() - m0;
  if (k < warm) continue;
  rows.push({ k: k - warm, at, where: where(at), wall, main, cpu: (c.user + c.system) / 1000, setup: (r as { setupMs?: number }).setupMs ?? 0, rules: r.timings, gcMs: 0, gcKinds: [], last: { ...state.last } });
  (rows[rows.length - 1] as Row & { t0: number; g0: number }).t0 = t0;
  (rows[rows.length - 1] as Row & { t0: number; g0: number }).g0 = g0;
}

// GC entries arrive asynchronously: attribute them afterwards by their start time.
setTimeout(() => {
  for (const row of rows as (Row & { t0: number })[]) {
    for (const g of gcs)
      if (g.start >= row.t0 && g.start < row.t0 + row.wall) {
        row.gcMs += g.ms;
        row.gcKinds.push(`${GC_KIND[g.kind] ?? g.kind} ${g.ms.toFixed(1)}`);
      }
  }
  const pct = (a: number[], p: number) => {
    const s = [...a].sort((u, v) => u - v);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  };
  const line = (name: 'wall' | 'main' | 'cpu') => {
    const v = rows.map(r => r[name]);
    return `${name} p50 ${pct(v, 50).toFixed(1)} p95 ${pct(v, 95).toFixed(1)} max ${Math.max(...v).toFixed(1)}`;
  };
  console.log(`edits ${rows.length} (load ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}): ${line('wall')}; ${line('main')}; ${line('cpu')} ms`);
  // Per-rule mean and each rule's median, to see which rule is out of line in a slow edit.
  const ids = Object.keys(rows[0].rules);
  const med: Record<string, number> = {};
  for (const id of ids) med[id] = pct(rows.map(r => r.rules[id] ?? 0), 50);
  const mean = (id: string) => rows.reduce((a, r) => a + (r.rules[id] ?? 0), 0) / rows.length;
  console.log('rules by mean ms (median):');
  for (const id of [...ids].sort((a, b) => mean(b) - mean(a)).slice(0, 15)) console.log(`  ${id.padEnd(34)} ${mean(id).toFixed(2)} (${med[id].toFixed(2)})`);
  const setupMed = pct(rows.map(r => r.setup), 50);
  console.log(`setup median ${setupMed.toFixed(2)} ms; GC inside lints: ${rows.filter(r => r.gcMs > 0).length} edits, ${rows.reduce((a, r) => a + r.gcMs, 0).toFixed(0)} ms`);
  const slow = [...rows].sort((a, b) => b[by] - a[by]).slice(0, Math.max(8, Math.ceil(rows.length / 10)));
  console.log('slowest edits:');
  for (const r of slow) {
    const sum = Object.values(r.rules).reduce((a, b) => a + b, 0);
    const excess = ids
      .map(id => [id, (r.rules[id] ?? 0) - med[id]] as const)
      .filter(e => e[1] > 0.4)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([id, d]) => `${id.replace(/^[a-z]+\//, '')}+${d.toFixed(1)}`);
    console.log(
      `  #${String(r.k).padStart(3)} wall ${r.wall.toFixed(1).padStart(5)} main ${r.main.toFixed(1).padStart(5)} cpu ${r.cpu.toFixed(1).padStart(5)} rules ${sum.toFixed(1).padStart(5)} setup ${r.setup.toFixed(1)} gc ${r.gcMs.toFixed(1)} [${r.gcKinds.join(',')}] ${r.where.kind}:${r.where.head} | ${excess.join(' ')}`,
    );
  }
  const jsonOut = arg('json', '');
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows));
}, 200);
