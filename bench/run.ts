// `npm run bench`: prints the performance table (figures, never a pass/fail test).
//   1. CLI, whole process, on the five seeds together: draft-lint (every rule on) vs zhlint, textlint
//      (no-unmatched-pair) and autocorrect --lint — wall time and peak RSS, medians after a warm-up,
//      the tools interleaved round-robin so that machine noise hits them alike.
//   2. In process, warm: throughput at 1 MB, latency of re-linting seed 000 after a one-character edit
//      (p50/p95), and time at 100 KB / 1 MB / 5 MB (growth must be linear).
//   3. Segmenter: load time and memory added, compact vs stock dictionary (each in a fresh process).
//   4. Per-rule timings (slowest rules), and the extension's integration metrics when a log is present.
//   5. People's Daily (issue 14): 600 articles as 600 small files, and the same text as one file, whole process,
//      draft-lint (default rules) against zhlint, interleaved; inputs built at bench time from the local corpus
//      (/work/pd or ../shared/corpus/peoples-daily/*.tar.xz, or BENCH_PD=<folder|tarball>), never committed.
// Options: --quick (fewer runs), --json <file> (write the figures as JSON too), --runs <n>, --only <sections>
// (cli, inproc, segmenter, integration, pd),
// --integration (run the integration suite first and read its metrics), --update-docs (write the table into
// docs/performance.md between its figures markers).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const SEED_DIR = path.join(ROOT, 'test/fixtures/seeds');
const MiB = 1024 * 1024;

interface Args {
  quick: boolean;
  /** Run the integration suite first (needs its host, see docs/extension.md, 测试) and keep its metrics. */
  runIntegration: boolean;
  /** Write the table into docs/performance.md between the figures markers. */
  updateDocs: boolean;
  runs: number;
  json?: string;
  only?: string;
}

/** This process's peak RSS in KiB: VmHWM (see PROBE for why not resourceUsage().maxRSS where /proc exists). Also
 *  the source of the probe's function (it refers only to `fs`). */
function ownPeakKiB(): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]);
  } catch {
    return process.resourceUsage().maxRSS;
  }
}

function parseArgs(argv: string[]): Args {
  // 11 interleaved runs per tool by default: a whole-process run takes a fifth of a second, and the medians of
  // five moved by ±0.02 s between runs of the bench, as much as the gap being measured.
  const a: Args = { quick: false, runs: 11, runIntegration: false, updateDocs: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') a.quick = true;
    else if (argv[i] === '--runs') a.runs = Number(argv[++i]);
    else if (argv[i] === '--json') a.json = argv[++i];
    else if (argv[i] === '--only') a.only = argv[++i];
    else if (argv[i] === '--integration') a.runIntegration = true;
    else if (argv[i] === '--update-docs') a.updateDocs = true;
  }
  if (a.quick) a.runs = Math.min(a.runs, 3);
  return a;
}

const median = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (n: number, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—');

function seedFiles(): string[] {
  return fs
    .readdirSync(SEED_DIR)
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => path.join(SEED_DIR, f));
}

// ---------------------------------------------------------------------------------------------------
// Peak RSS of a child process tree. GNU time (`/usr/bin/time -f %M`) when it works; otherwise a preload
// script (NODE_OPTIONS=--require) that appends each Node process's own maxRSS at exit — every tool here is
// a Node program, so this works on a fresh machine without installing anything.

type RssMethod = 'gnu-time' | 'node-preload';

function detectRssMethod(): RssMethod {
  if (process.env.BENCH_RSS === 'preload') return 'node-preload';
  try {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', 'true'], { encoding: 'utf8' });
    if (r.status === 0 && /^\d+\s*$/.test(r.stderr.trim().split('\n').pop() ?? '')) return 'gnu-time';
  } catch {
    /* not present */
  }
  return 'node-preload';
}

// For a program that leaves without running Node's exit handlers (autocorrect exits from native code), a
// watcher process spawns it and polls /proc/<pid>/status (VmHWM, the peak RSS) and /proc/<pid>/stat (CPU
// ticks) until it exits; it also times the child itself, so its own start-up does not count.
const WATCHER = `const { spawn } = require('child_process'); const fs = require('fs');
const [cmd, ...args] = JSON.parse(process.env.BENCH_CMD);
const t0 = process.hrtime.bigint();
const c = spawn(cmd, args, { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: process.env.BENCH_CHILD_NODE_OPTIONS } });
let hwm = NaN, cpu = NaN;
const poll = () => { try {
  const m = /VmHWM:\\s+(\\d+)/.exec(fs.readFileSync('/proc/' + c.pid + '/status', 'utf8')); if (m) hwm = Math.max(Number.isNaN(hwm) ? 0 : hwm, +m[1]);
  const st = fs.readFileSync('/proc/' + c.pid + '/stat', 'utf8').split(') ')[1].split(' '); cpu = (+st[11] + +st[12]) * 10;
} catch {} };
const iv = setInterval(poll, 2); poll();
c.on('exit', code => { clearInterval(iv); fs.writeFileSync(process.env.BENCH_WATCH_FILE, hwm + ' ' + cpu + ' ' + Number(process.hrtime.bigint() - t0) / 1e6); process.exit(code ?? 1); });
`;

// The peak is VmHWM of /proc/self/status where there is one: resourceUsage().maxRSS keeps, on Linux, the peak of the
// process before exec — a fork of whoever spawned it (the bench, or a large test process).
const PROBE = `process.on('exit', () => { try { const fs = require('fs'); const u = process.resourceUsage(); fs.appendFileSync(process.env.BENCH_RSS_FILE, (${ownPeakKiB.toString()})() + ' ' + (u.userCPUTime + u.systemCPUTime) / 1000 + '\\n'); } catch {} });\n`;

interface ProcResult {
  ms: number;
  /** User + system CPU time of the process tree (less disturbed by a busy machine than wall time). */
  cpuMs: number;
  rssKiB: number;
  /** Of rssKiB: the private memory of draft-lint's launcher when it relaunched the command (else 0). */
  launcherKiB: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

function runProcess(cmd: string[], cwd: string, method: RssMethod, tmp: string): ProcResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  let argv = cmd;
  const rssFile = path.join(tmp, `rss-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const watchFile = rssFile + '.watch';
  if (method === 'gnu-time') argv = ['/usr/bin/time', '-f', 'BENCH_PEAK_RSS=%M BENCH_CPU=%U+%S', ...cmd];
  else {
    const probe = path.join(tmp, 'rss-probe.js');
    if (!fs.existsSync(probe)) fs.writeFileSync(probe, PROBE);
    const watcher = path.join(tmp, 'watcher.js');
    if (!fs.existsSync(watcher)) fs.writeFileSync(watcher, WATCHER);
    const withProbe = `${env.NODE_OPTIONS ?? ''} --require ${JSON.stringify(probe)}`.trim();
    env.BENCH_RSS_FILE = rssFile;
    if (process.platform !== 'linux') env.NODE_OPTIONS = withProbe;
    else {
      // The watcher runs without the probe; the program it starts runs with it.
      env.BENCH_CHILD_NODE_OPTIONS = withProbe;
      env.BENCH_CMD = JSON.stringify(cmd);
      env.BENCH_WATCH_FILE = watchFile;
      argv = [process.execPath, watcher];
    }
  }
  // draft-lint relaunches itself for a large task (bin/launch.js): the launcher writes its own private memory here.
  const launcherFile = rssFile + '.launcher';
  env.DRAFT_LINT_LAUNCHER_REPORT = launcherFile;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { cwd, env, encoding: 'utf8', maxBuffer: 256 * MiB });
  let ms = Number(process.hrtime.bigint() - t0) / 1e6;
  let rssKiB = NaN;
  let cpuMs = NaN;
  let stderr = r.stderr ?? '';
  if (method === 'gnu-time') {
    const m = /BENCH_PEAK_RSS=(\d+) BENCH_CPU=([\d.]+)\+([\d.]+)\s*$/.exec(stderr);
    if (m) {
      rssKiB = Number(m[1]);
      cpuMs = (Number(m[2]) + Number(m[3])) * 1000;
      stderr = stderr.slice(0, m.index);
    }
  } else {
    if (fs.existsSync(watchFile)) {
      const [hwm, cpu, wall] = fs.readFileSync(watchFile, 'utf8').trim().split(' ').map(Number);
      rssKiB = hwm;
      cpuMs = cpu;
      ms = wall;
      fs.unlinkSync(watchFile);
    }
    if (fs.existsSync(rssFile)) {
      // Exact figures from the Node processes themselves (the watcher's itself is not among them).
      const lines = fs.readFileSync(rssFile, 'utf8').trim().split('\n').map(l => l.split(' ').map(Number));
      rssKiB = Math.max(...lines.map(l => l[0]));
      cpuMs = lines.reduce((a, l) => a + l[1], 0);
      fs.unlinkSync(rssFile);
    }
  }
  // The peak of a relaunched run's process tree: the child's VmHWM (the largest process: what both methods above
  // report) plus the launcher's private memory (its shared pages are node's executable, which the child maps too).
  // CPU already counts both processes. docs/performance.md, 第十二轮.
  let launcherKiB = 0;
  if (fs.existsSync(launcherFile)) {
    for (const l of fs.readFileSync(launcherFile, 'utf8').trim().split('\n')) {
      const j = JSON.parse(l) as { relaunched?: boolean; parentPrivateKiB?: number };
      if (j.relaunched && Number.isFinite(j.parentPrivateKiB)) launcherKiB += j.parentPrivateKiB!;
    }
    fs.unlinkSync(launcherFile);
    rssKiB += launcherKiB;
  }
  return { ms, cpuMs, rssKiB, launcherKiB, status: r.status, stdout: r.stdout ?? '', stderr };
}

// ---------------------------------------------------------------------------------------------------

interface Row {
  section: string;
  what: string;
  value: string;
  target?: string;
  ok?: boolean;
  note?: string;
}

const rows: Row[] = [];
const results: Record<string, unknown> = {};
function row(r: Row): void {
  rows.push(r);
  const mark = r.ok === undefined ? '' : r.ok ? '  ✓' : '  ✗';
  process.stderr.write(`  ${r.what}: ${r.value}${r.target ? `（目标 ${r.target}）` : ''}${mark}\n`);
}

/** A config file with every rule on (house-style rules included), in a temp dir. */
function everyRuleConfig(tmp: string): string {
  const { allRules } = require(path.join(ROOT, 'out/src/lint')) as typeof import('../src/lint');
  const rules: Record<string, string> = {};
  for (const r of allRules()) rules[r.meta.id] = r.meta.defaultSeverity;
  const file = path.join(tmp, 'every-rule', '.draftlintrc.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ rules }, null, 2));
  return file;
}

function benchCli(args: Args, tmp: string): void {
  process.stderr.write('\n[1] CLI 整个进程（五篇种子文稿一起）\n');
  const files = seedFiles();
  const bytes = files.reduce((a, f) => a + fs.statSync(f).size, 0);
  const method = detectRssMethod();
  // The tools compared with live in a package of their own (bench/package.json), installed by npm run bench.
  const nm = path.join(ROOT, 'bench', 'node_modules');
  const tlDir = path.join(tmp, 'textlint');
  fs.mkdirSync(tlDir, { recursive: true });
  fs.writeFileSync(path.join(tlDir, '.textlintrc.json'), JSON.stringify({ rules: { '@textlint-rule/no-unmatched-pair': true } }));
  const cfg = everyRuleConfig(tmp);
  const node = process.execPath;
  const tools: { name: string; cmd: string[]; cwd: string }[] = [
    { name: 'draft-lint', cmd: [node, path.join(ROOT, 'bin/draft-lint.js'), '--config', cfg, '--format', 'json', ...files], cwd: ROOT },
    // zhlint refuses absolute paths (its `ignore` check throws 'path should be a path.relative()d string', prints the
    // stack and exits 0 having linted nothing), so it gets a path relative to its working directory; and it lints only
    // its FIRST argument (bin/index.js: `const [filePattern] = argv._`, expanded with glob), so the seeds are given as
    // one glob — five file arguments had it lint seed 000 alone.
    { name: 'zhlint', cmd: [node, path.join(nm, 'zhlint/bin/index.js'), path.relative(ROOT, path.join(SEED_DIR, '*.txt'))], cwd: ROOT },
    {
      name: 'textlint',
      cmd: [node, path.join(nm, 'textlint/bin/textlint.js'), '--config', path.join(tlDir, '.textlintrc.json'), '--rules-base-directory', nm, ...files],
      cwd: tlDir,
    },
    { name: 'autocorrect', cmd: [node, path.join(nm, 'autocorrect-node/cli.js'), '--lint', ...files], cwd: ROOT },
  ].filter(t => fs.existsSync(t.cmd[1]));
  const samples = new Map<string, ProcResult[]>(tools.map(t => [t.name, []]));
  // Warm-up (disk cache, V8 code cache), then interleaved measured runs. A tool whose output shows a JavaScript
  // exception did not lint the files: its time would mean nothing, so it is reported as failed, not compared.
  const broken = new Map<string, string>();
  for (const t of tools) {
    const w = runProcess(t.cmd, t.cwd, method, tmp);
    const crash = /^\w*(Error|Exception)\b[^\n]*\n\s+at /m.exec(w.stdout + '\n' + w.stderr);
    if (crash) {
      broken.set(t.name, crash[0].split('\n')[0].slice(0, 160));
      process.stderr.write(`  ${t.name} 运行出错，不计入比较：${broken.get(t.name)}\n`);
    }
    if (t.name === 'draft-lint' && w.status !== 0 && w.status !== 1)
      process.stderr.write(`  draft-lint exited ${w.status}: ${w.stderr.slice(0, 400)}\n`);
    if (t.name === 'draft-lint') {
      try {
        const report = JSON.parse(w.stdout) as { messages?: unknown[]; diagnostics?: unknown[] }[] | { files?: unknown[] };
        results.cliFindings = JSON.stringify(report).match(/"ruleId"/g)?.length ?? 0;
      } catch {
        /* the count is informative only */
      }
    }
  }
  for (let k = 0; k < args.runs; k++) for (const t of tools) samples.get(t.name)!.push(runProcess(t.cmd, t.cwd, method, tmp));
  const med: Record<string, { ms: number; cpuMs: number; rssMiB: number; exit: number | null }> = {};
  for (const t of tools) {
    const s = samples.get(t.name)!;
    med[t.name] = { ms: median(s.map(x => x.ms)), cpuMs: median(s.map(x => x.cpuMs)), rssMiB: median(s.map(x => x.rssKiB)) / 1024, exit: s[0].status };
  }
  results.cli = { bytes, files: files.length, rssMethod: method, runs: args.runs, tools: med, failed: Object.fromEntries(broken) };
  const zh = broken.has('zhlint') ? undefined : med.zhlint?.ms;
  for (const t of tools) {
    const m = med[t.name];
    const isUs = t.name === 'draft-lint';
    if (broken.has(t.name)) {
      row({ section: 'CLI', what: t.name, value: `运行出错，未计时：${broken.get(t.name)}`, ok: isUs ? false : undefined });
      continue;
    }
    row({
      section: 'CLI',
      what: `${t.name}`,
      value: `${fmt(m.ms / 1000, 2)} s（CPU ${fmt(m.cpuMs / 1000, 2)} s），峰值 ${fmt(m.rssMiB)} MiB`,
      target: isUs ? `≤ zhlint（${zh ? fmt(zh / 1000, 2) + ' s' : '—'}），≤ 150 MiB` : undefined,
      ok: isUs ? (zh === undefined || m.ms <= zh) && m.rssMiB <= 150 : undefined,
      note: `${files.length} 个文件 ${fmt(bytes / 1024)} KB；退出码 ${m.exit}`,
    });
  }
  // Where the CLI's time goes: a fresh process that times each start-up step, then a cold and a warm lint.
  const sc = spawnSync(process.execPath, [__filename, '--startup-child'], { cwd: ROOT, encoding: 'utf8' });
  try {
    const b = JSON.parse(sc.stdout) as Record<string, number>;
    results.cliBreakdown = b;
    row({
      section: 'CLI',
      what: 'draft-lint 用时分解（新进程内，单次）',
      value: `加载模块 ${fmt(b.requireMs)} ms，内置规则包 ${fmt(b.packsMs)} ms，分词器 ${fmt(b.segmenterMs)} ms，首次检查五篇 ${fmt(b.coldMs)} ms，再次检查 ${fmt(b.warmMs)} ms`,
    });
  } catch {
    /* informative only */
  }
  const how =
    method === 'gnu-time'
      ? '/usr/bin/time -f %M（CPU：%U+%S）'
      : 'Node 预加载脚本在进程退出时读取的 /proc/self/status 的 VmHWM（没有 /proc 时用 process.resourceUsage()）；不经 Node 退出的程序（autocorrect 的原生代码）用监视进程轮询 /proc/<pid>/status 的 VmHWM';
  (results.cli as Record<string, unknown>).rssHow = how;
  process.stderr.write(`  (峰值内存测量方式：${how}；各 ${args.runs} 次取中位数)\n`);
}

// ---------------------------------------------------------------------------------------------------
// People's Daily: a batch of real articles (issue 14's "reviewers lint folders" targets).

const PD_ARTICLES = 600;

/** A folder of People's Daily articles (*.txt, any depth): BENCH_PD, an unpacked month, or a month unpacked from a
 *  tarball into `tmp`; undefined (with the places looked at) when there is none. */
function peoplesDailyFolder(tmp: string): { dir?: string; looked: string[] } {
  const looked: string[] = [];
  const candidates = [process.env.BENCH_PD, path.resolve(ROOT, '../pd/2020年1月'), '/work/pd/2020年1月', path.resolve(ROOT, '../shared/corpus/peoples-daily/2020-01.tar.xz'), '/work/shared/corpus/peoples-daily/2020-01.tar.xz'].filter(
    (x): x is string => !!x,
  );
  for (const c of candidates) {
    looked.push(c);
    if (!fs.existsSync(c)) continue;
    if (fs.statSync(c).isDirectory()) return { dir: c, looked };
    if (/\.tar\.(xz|gz)$/.test(c)) {
      const out = path.join(tmp, 'pd-unpacked');
      fs.mkdirSync(out, { recursive: true });
      const r = spawnSync('tar', ['xf', c, '-C', out], { encoding: 'utf8' });
      if (r.status === 0) return { dir: out, looked };
    }
  }
  return { looked };
}

function txtFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...txtFilesUnder(p));
    else if (e.name.endsWith('.txt')) out.push(p);
  }
  return out;
}

function benchPeoplesDaily(args: Args, tmp: string): void {
  process.stderr.write(`\n[5] 人民日报 ${PD_ARTICLES} 篇（整个进程，默认规则；输入在运行时由本地语料生成，不提交）\n`);
  const found = peoplesDailyFolder(tmp);
  if (!found.dir) {
    row({ section: 'batch', what: `人民日报 ${PD_ARTICLES} 篇`, value: `未测：本机没有人民日报语料（查找了 ${found.looked.join('、')}；可用 BENCH_PD=<目录或 .tar.xz> 指定）` });
    results.pd = { missing: found.looked };
    return;
  }
  // The first 600 articles in path order (dates, then pages): the same input on every machine with the corpus.
  const articles = txtFilesUnder(found.dir)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, PD_ARTICLES);
  const batch = path.join(tmp, 'pd-batch');
  fs.mkdirSync(batch, { recursive: true });
  const texts = articles.map(f => fs.readFileSync(f, 'utf8'));
  articles.forEach((f, i) => fs.writeFileSync(path.join(batch, `${String(i).padStart(3, '0')}-${path.basename(f)}`), texts[i]));
  const joined = path.join(tmp, 'pd-one.txt');
  fs.writeFileSync(joined, texts.join('\n\n'));
  const chars = texts.reduce((a, t) => a + [...t.replace(/\s/g, '')].length, 0);
  const bytes = fs.statSync(joined).size;
  const method = detectRssMethod();
  const node = process.execPath;
  const nm = path.join(ROOT, 'bench', 'node_modules');
  const tools: { name: string; cmd: string[]; cwd: string }[] = [
    { name: 'draft-lint 600 个文件', cmd: [node, path.join(ROOT, 'bin/draft-lint.js'), '--format', 'json', 'pd-batch'], cwd: tmp },
    // One glob: zhlint lints only its first argument (see benchCli).
    { name: 'zhlint 600 个文件', cmd: [node, path.join(nm, 'zhlint/bin/index.js'), 'pd-batch/*.txt'], cwd: tmp },
    { name: 'draft-lint 一个文件', cmd: [node, path.join(ROOT, 'bin/draft-lint.js'), '--format', 'json', 'pd-one.txt'], cwd: tmp },
  ].filter(t => fs.existsSync(t.cmd[1]));
  const runs = Math.max(1, Math.min(args.runs, args.quick ? 1 : 3));
  const samples = new Map<string, ProcResult[]>(tools.map(t => [t.name, []]));
  for (let k = 0; k < runs; k++) for (const t of tools) samples.get(t.name)!.push(runProcess(t.cmd, t.cwd, method, tmp));
  const med = (name: string) => {
    const s = samples.get(name) ?? [];
    const rss = s.map(x => x.rssKiB / 1024);
    return {
      ms: median(s.map(x => x.ms)),
      cpuMs: median(s.map(x => x.cpuMs)),
      rssMiB: median(rss),
      rssRange: `${fmt(Math.min(...rss))}–${fmt(Math.max(...rss))}`,
      launcherMiB: median(s.map(x => x.launcherKiB)) / 1024,
      exit: s[0]?.status,
    };
  };
  const dl = med('draft-lint 600 个文件');
  const zh = med('zhlint 600 个文件');
  const one = med('draft-lint 一个文件');
  const zhOk = samples.get('zhlint 600 个文件')?.length && !/^\w*(Error|Exception)\b[^\n]*\n\s+at /m.test(samples.get('zhlint 600 个文件')![0].stderr);
  results.pd = { articles: articles.length, chars, bytes, runs, rssMethod: method, draftLintBatch: dl, zhlintBatch: zh, draftLintOneFile: one, cores: os.availableParallelism?.() ?? os.cpus().length };
  const input = `${articles.length} 篇，${fmt(chars / 1e4, 1)} 万字，${fmt(bytes / MiB, 2)} MiB；各 ${runs} 次交替运行取中位数`;
  row({
    section: 'batch',
    what: `draft-lint，${articles.length} 个文件（默认规则）`,
    value: `${fmt(dl.ms / 1000, 2)} s（CPU ${fmt(dl.cpuMs / 1000, 2)} s），峰值 ${fmt(dl.rssMiB)} MiB（${dl.rssRange}${dl.launcherMiB ? `，含启动器 ${fmt(dl.launcherMiB, 1)} MiB` : ''}）`,
    target: `≤ 0.5 × zhlint（${zhOk ? fmt((0.5 * zh.ms) / 1000, 2) + ' s' : '—'}），≤ 150 MiB`,
    ok: (!zhOk || dl.ms <= 0.5 * zh.ms) && dl.rssMiB <= 150,
    note: `${input}；退出码 ${dl.exit}`,
  });
  row({ section: 'batch', what: `zhlint，${articles.length} 个文件`, value: zhOk ? `${fmt(zh.ms / 1000, 2)} s（CPU ${fmt(zh.cpuMs / 1000, 2)} s），峰值 ${fmt(zh.rssMiB)} MiB` : '运行出错，未计时' });
  row({
    section: 'batch',
    what: `draft-lint，同样的文字合成一个文件（${fmt(bytes / 1e6, 1)} MB）`,
    value: `${fmt(one.ms / 1000, 2)} s（CPU ${fmt(one.cpuMs / 1000, 2)} s），峰值 ${fmt(one.rssMiB)} MiB（${one.rssRange}${one.launcherMiB ? `，含启动器 ${fmt(one.launcherMiB, 1)} MiB` : ''}）`,
    target: '≤ 1.5 s，≤ 150 MiB',
    ok: one.ms <= 1500 && one.rssMiB <= 150,
    note: `退出码 ${one.exit}`,
  });
}

// ---------------------------------------------------------------------------------------------------
// In-process figures run in a child process of their own so that the segmenter and the heap start clean.

function benchInProcess(args: Args): void {
  process.stderr.write('\n[2] 进程内（预热后）\n');
  const r = spawnSync(process.execPath, ['--expose-gc', __filename, '--inproc-child', args.quick ? '--quick' : ''], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MiB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) {
    row({ section: 'in-process', what: '进程内测量', value: `失败（退出码 ${r.status}）` });
    return;
  }
  const data = JSON.parse(r.stdout) as InProc;
  results.inProcess = data;
  row({
    section: 'in-process',
    what: '吞吐量（种子重复至 1 MB，所有规则）',
    value: process.env.BENCH_CPU
      ? `${fmt(data.throughputMBs, 2)} MB/s（按 CPU 时间；按墙钟时间 ${fmt(data.throughputWallMBs, 2)} MB/s）`
      : `${fmt(data.throughputMBs, 2)} MB/s`,
    target: '≥ 2 MB/s',
    ok: data.throughputMBs >= 2,
  });
  row({
    section: 'in-process',
    what: '改一个字后重新检查 seed 000',
    value: `p50 ${fmt(data.editP50, 1)} ms，p95 ${fmt(data.editP95, 1)} ms`,
    target: 'p95 < 15 ms',
    ok: data.editP95 < 15,
  });
  const g = data.growth;
  const perMB = g.map(x => x.ms / (x.bytes / 1e6));
  const ratio = perMB[perMB.length - 1] / perMB[0];
  row({
    section: 'in-process',
    what: '规模增长 100 KB / 1 MB / 5 MB',
    value: g.map(x => `${fmt(x.ms)} ms`).join(' / ') + `（每 MB ${perMB.map(x => fmt(x)).join(' / ')} ms）`,
    target: '线性（5 MB 每 MB 用时 ≤ 100 KB 的 1.5 倍）',
    ok: ratio <= 1.5,
  });
  row({ section: 'in-process', what: '5 MB 检查后的堆内存', value: `${fmt(data.heapAfter5MB / MiB)} MiB（RSS ${fmt(data.rssAfter5MB / MiB)} MiB）` });
  row({ section: 'in-process', what: '分词器', value: data.segmenter });
  process.stderr.write('  最慢的规则（1 MB 文本，单次）：\n');
  for (const t of data.slowest)
    process.stderr.write(`    ${t.rule.padEnd(36)} ${fmt(t.ms, 1).padStart(8)} ms  ${fmt(t.share * 100, 1).padStart(5)}%  ${t.growth ? '增长 ×' + fmt(t.growth, 2) : ''}\n`);
}

interface InProc {
  throughputMBs: number;
  throughputWallMBs: number;
  editP50: number;
  editP95: number;
  growth: { bytes: number; ms: number }[];
  slowest: { rule: string; ms: number; share: number; growth?: number }[];
  heapAfter5MB: number;
  rssAfter5MB: number;
  segmenter: string;
  modelMs: number;
}

function inProcChild(quick: boolean): void {
  const { lint, allRules, IncrementalState } = require(path.join(ROOT, 'out/src/lint')) as typeof import('../src/lint');
  const { defaultConfig } = require(path.join(ROOT, 'out/src/core/types')) as typeof import('../src/core/types');
  const segMod = require(path.join(ROOT, 'out/src/segmenter')) as typeof import('../src/segmenter');
  const seg = segMod.loadSegmenter();
  const config = defaultConfig();
  for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
  const opts = { config, segmenter: seg.segmenter, ruleBudgetMs: 1e9 };
  const seeds = seedFiles().map(f => fs.readFileSync(f, 'utf8'));
  const joined = seeds.join('\n\n');
  const upTo = (bytes: number) => {
    let s = '';
    while (Buffer.byteLength(s) < bytes) s += joined + '\n\n';
    // Trim to the size (on a paragraph boundary when possible).
    const cut = s.lastIndexOf('\n', Math.floor((s.length * bytes) / Buffer.byteLength(s)));
    return s.slice(0, cut > 0 ? cut : s.length);
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  const time = (text: string, forceGc = true, incremental?: InstanceType<typeof IncrementalState>) => {
    if (forceGc) gc?.(); // start each measured run with a clean heap (the child runs with --expose-gc)
    // Wall time by default. BENCH_CPU=1 uses the process's CPU time instead, which a busy machine does not
    // inflate (but which also counts V8's parallel GC threads, so it reads higher on an idle machine).
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = lint(text, incremental ? { ...opts, incremental } : opts);
    const wall = performance.now() - t0;
    const c = process.cpuUsage(c0);
    return { ms: process.env.BENCH_CPU ? (c.user + c.system) / 1000 : wall, wall, r };
  };
  // Warm-up.
  for (const s of seeds) lint(s, opts);
  const oneMB = upTo(1e6);
  time(oneMB);
  const runs = quick ? 2 : 3;
  const tp: number[] = [];
  // Per rule: the fastest of the runs (the least disturbed by the machine).
  const timings: Record<string, number> = {};
  const tpWall: number[] = [];
  for (let k = 0; k < runs; k++) {
    const { ms, wall, r } = time(oneMB);
    tp.push(ms);
    tpWall.push(wall);
    for (const [id, v] of Object.entries(r.timings)) timings[id] = Math.min(timings[id] ?? Infinity, v);
  }
  const oneMs = median(tp);
  // The document model alone (building lines, paragraphs, sentences …), for reference (fastest of 3).
  const modelMs = Math.min(
    ...[0, 1, 2].map(() => {
      const t0 = performance.now();
      lint(oneMB, { ...opts, rules: [] });
      return performance.now() - t0;
    }),
  );
  // Shares of the whole (every rule plus the model), all as wall time of the least disturbed run.
  const total = Object.values(timings).reduce((a, b) => a + b, 0) + modelMs;
  const slowest: InProc['slowest'] = Object.entries(timings)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 10)
    .map(([rule, ms]) => ({ rule, ms, share: ms / total }));
  slowest.push({ rule: '(文档模型等，无规则)', ms: modelMs, share: modelMs / total });
  // One-character edits of seed 000, linted back to back as an editor does: no forced GC before each run. A forced
  // full GC also throws away V8's compiled regular expressions (and ages bytecode), so every run after one
  // recompiles them: that measured "a lint after a full GC" (p50 17 ms here), not a keystroke (p50 7 ms). The
  // heap's own collections, whenever they fall, are in the figures. As in the editor's lint worker, the document
  // keeps one IncrementalState: the paragraph-local rules re-run on the changed lines only (docs/performance.md).
  const s0 = seeds[0];
  const state = new IncrementalState();
  time(s0, false, state);
  let x = 12345;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const lat: number[] = [];
  const edits = quick ? 40 : 100;
  for (let k = 0; k < edits + 5; k++) {
    const at = Math.floor(rnd() * s0.length);
    const edited = s0.slice(0, at) + '的' + s0.slice(at);
    const { ms } = time(edited, false, state);
    if (k >= 5) lat.push(ms);
  }
  // Growth.
  const growth: { bytes: number; ms: number }[] = [];
  const ruleAt100k: Record<string, number> = {};
  for (const size of [1e5, 1e6, 5e6]) {
    const text = upTo(size);
    const n = size >= 5e6 ? 2 : runs;
    const ms: number[] = [];
    for (let k = 0; k < n; k++) {
      const t = time(text);
      ms.push(t.ms);
      if (size === 1e5) for (const [id, v] of Object.entries(t.r.timings)) ruleAt100k[id] = Math.min(ruleAt100k[id] ?? Infinity, v);
    }
    growth.push({ bytes: Buffer.byteLength(text), ms: median(ms) });
  }
  // How each slow rule grows from 100 KB to 1 MB (1.0 = linear).
  for (const t of slowest) if (ruleAt100k[t.rule]) t.growth = t.ms / (ruleAt100k[t.rule] * (Buffer.byteLength(oneMB) / growth[0].bytes));
  const mem = process.memoryUsage();
  const out: InProc = {
    throughputMBs: Buffer.byteLength(oneMB) / 1e6 / (oneMs / 1000),
    throughputWallMBs: Buffer.byteLength(oneMB) / 1e6 / (median(tpWall) / 1000),
    editP50: percentile(lat, 50),
    editP95: percentile(lat, 95),
    growth,
    slowest,
    heapAfter5MB: mem.heapUsed,
    rssAfter5MB: mem.rss,
    segmenter: seg.segmenter ? `已加载（${fmt(seg.loadMs)} ms），依赖分词的规则参与计时` : `未加载（${seg.error}），依赖分词的规则未计时`,
    modelMs,
  };
  process.stdout.write(JSON.stringify(out));
}

// ---------------------------------------------------------------------------------------------------

function segChild(variant: string): void {
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const segMod = require(path.join(ROOT, 'out/src/segmenter')) as typeof import('../src/segmenter');
  const r = (segMod.loadSegmenter as (o?: { dict?: string }) => { segmenter?: { cut(t: string): unknown[] }; error?: string; loadMs: number })({ dict: variant });
  // First cut (lazy parts of the dictionary).
  if (r.segmenter) r.segmenter.cut('推进协商民主广泛多层制度化发展');
  const ms = performance.now() - t0;
  const after = process.memoryUsage().rss;
  // The findings of the rules that need the segmenter, on the seeds (to compare the dictionaries).
  const findings: string[] = [];
  if (r.segmenter) {
    const { lint, allRules } = require(path.join(ROOT, 'out/src/lint')) as typeof import('../src/lint');
    const { defaultConfig } = require(path.join(ROOT, 'out/src/core/types')) as typeof import('../src/core/types');
    const rules = allRules().filter(x => x.meta.needsSegmenter);
    const config = defaultConfig();
    for (const x of rules) config.rules[x.meta.id] = { severity: x.meta.defaultSeverity };
    for (const f of seedFiles()) {
      const res = lint(fs.readFileSync(f, 'utf8'), { rules, config, segmenter: r.segmenter as never });
      for (const d of res.diagnostics) findings.push(`${path.basename(f).slice(0, 3)} ${d.line}:${d.column} ${d.ruleId}`);
    }
  }
  process.stdout.write(JSON.stringify({ ok: !!r.segmenter, error: r.error, ms, loadMs: r.loadMs, addedMiB: (after - before) / MiB, peakMiB: ownPeakKiB() / 1024, findings }));
}

function benchSegmenter(args: Args): void {
  process.stderr.write('\n[3] 分词器（nodejieba，各在新进程中）\n');
  const out: Record<string, unknown> = {};
  const found: Record<string, string[]> = {};
  for (const variant of ['compact', 'full']) {
    const ms: number[] = [];
    const mem: number[] = [];
    let last: { ok: boolean; error?: string; ms: number; loadMs: number; addedMiB: number; findings?: string[] } | undefined;
    for (let k = 0; k < Math.max(1, Math.min(args.runs, 3)); k++) {
      const r = spawnSync(process.execPath, [__filename, '--seg-child', variant], { cwd: ROOT, encoding: 'utf8' });
      try {
        last = JSON.parse(r.stdout);
      } catch {
        last = { ok: false, error: (r.stderr || r.stdout).slice(0, 200), ms: NaN, loadMs: NaN, addedMiB: NaN };
      }
      ms.push(last!.ms);
      mem.push(last!.addedMiB);
    }
    out[variant] = { ms: median(ms), addedMiB: median(mem), ok: last?.ok, error: last?.error, findings: last?.findings?.length };
    found[variant] = last?.findings ?? [];
    row({
      section: 'segmenter',
      what: `${variant === 'compact' ? '精简词典' : '原版词典'}：就绪时间 / 增加内存`,
      value: last?.ok ? `${fmt(median(ms))} ms / ${fmt(median(mem))} MiB` : `不可用：${last?.error}`,
    });
  }
  const onlyCompact = found.compact.filter(x => !found.full.includes(x));
  const onlyFull = found.full.filter(x => !found.compact.includes(x));
  row({
    section: 'segmenter',
    what: '依赖分词的规则在五篇种子上的结果（精简 vs 原版）',
    value:
      onlyCompact.length + onlyFull.length === 0
        ? `相同（各 ${found.compact.length} 条）`
        : `不同：仅精简词典 ${onlyCompact.length} 条，仅原版词典 ${onlyFull.length} 条（如 ${[...onlyCompact, ...onlyFull].slice(0, 3).join('；')}）`,
  });
  out.differences = { onlyCompact, onlyFull };
  results.segmenter = out;
}

function benchIntegration(args: Args): void {
  process.stderr.write('\n[4] 扩展（集成测试输出的 integration-metric 行）\n');
  if (args.runIntegration) {
    const log = path.join(ROOT, '.vscode-test/integration-metrics.txt');
    fs.mkdirSync(path.dirname(log), { recursive: true });
    const r = spawnSync(process.execPath, [path.join(ROOT, 'out/test/integration/run.js')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MiB, timeout: 900000 });
    fs.writeFileSync(log, (r.stdout ?? '') + (r.stderr ?? ''));
    process.stderr.write(`  （已运行集成测试，退出码 ${r.status}）\n`);
  }
  const candidates = [process.env.INTEGRATION_METRICS, path.join(ROOT, '.vscode-test/integration-metrics.txt'), path.join(ROOT, 'out/integration-metrics.txt')].filter(Boolean) as string[];
  const lines: string[] = [];
  for (const f of candidates)
    if (fs.existsSync(f)) {
      for (const l of fs.readFileSync(f, 'utf8').split('\n')) if (l.includes('integration-metric:')) lines.push(l.slice(l.indexOf('integration-metric:') + 19).trim());
      if (lines.length) {
        process.stderr.write(`  （来自 ${path.relative(ROOT, f)}，${new Date(fs.statSync(f).mtime).toISOString()}）\n`);
        break;
      }
    }
  if (lines.length) for (const l of lines) row({ section: 'extension', what: '集成测试', value: l });
  else
    row({
      section: 'extension',
      what: '激活时间、打开 seed 000 到首批诊断',
      value: '未找到记录：用 `npm run bench -- --integration` 先运行集成测试，或运行 `npm run test:integration 2>&1 | tee .vscode-test/integration-metrics.txt` 后再运行 npm run bench',
    });
  results.integration = lines;
}

function printTable(args: Args): void {
  const load = os.loadavg().map(x => fmt(x, 1)).join(' / ');
  const env = `机器：${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}，内存 ${fmt(os.totalmem() / 1024 ** 3, 1)} GiB，${os.platform()} ${os.release()}，Node ${process.versions.node}；测量结束时负载（1/5/15 分钟）${load}；${new Date().toISOString().slice(0, 16)}Z`;
  const lines = ['', '## draft-lint 性能（npm run bench）', '', env, '', '| 项目 | 测量 | 结果 | 目标 | |', '|---|---|---|---|---|'];
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  for (const r of rows) lines.push(`| ${r.section} | ${cell(r.what)} | ${cell(r.value + (r.note ? `（${r.note}）` : ''))} | ${cell(r.target ?? '')} | ${r.ok === undefined ? '' : r.ok ? '✓' : '✗'} |`);
  const inproc = results.inProcess as InProc | undefined;
  if (inproc) {
    lines.push('', '最慢的规则（1 MB 文本，几次中最快的一次）：用时、占全部规则加文档模型用时的比例、从 100 KB 到 1 MB 的增长（1.0 为线性）', '');
    lines.push('| 规则 | ms | 占比 | 增长 |', '|---|---|---|---|');
    for (const t of inproc.slowest) lines.push(`| ${t.rule} | ${fmt(t.ms, 1)} | ${fmt(t.share * 100, 1)}% | ${t.growth ? '×' + fmt(t.growth, 2) : ''} |`);
  }
  results.environment = env;
  process.stdout.write(lines.join('\n') + '\n');
  if (args.updateDocs) {
    // The figures block stands in the performance page.
    for (const doc of [path.join(ROOT, 'docs/performance.md')]) {
      const text = fs.readFileSync(doc, 'utf8');
      const start = text.indexOf('<!-- figures:start -->');
      const end = text.indexOf('<!-- figures:end -->');
      if (start >= 0 && end > start) {
        const body = lines.slice(3).join('\n'); // without the heading
        fs.writeFileSync(doc, text.slice(0, start) + '<!-- figures:start -->\n' + body + '\n' + text.slice(end));
        process.stderr.write(`\n已更新 ${path.relative(ROOT, doc)}\n`);
      }
    }
  }
}

function startupChild(): void {
  const t0 = performance.now();
  const { lint, allRules } = require(path.join(ROOT, 'out/src/lint')) as typeof import('../src/lint');
  const { builtinPackSet } = require(path.join(ROOT, 'out/src/core/packs')) as typeof import('../src/core/packs');
  require(path.join(ROOT, 'out/src/cli/main'));
  const rules = allRules();
  const t1 = performance.now();
  const packs = builtinPackSet();
  const t2 = performance.now();
  const seg = (require(path.join(ROOT, 'out/src/segmenter')) as typeof import('../src/segmenter')).loadSegmenter();
  const t3 = performance.now();
  const texts = seedFiles().map(f => fs.readFileSync(f, 'utf8'));
  for (const t of texts) lint(t, { rules, packs, segmenter: seg.segmenter });
  const t4 = performance.now();
  for (const t of texts) lint(t, { rules, packs, segmenter: seg.segmenter });
  const t5 = performance.now();
  process.stdout.write(JSON.stringify({ requireMs: t1 - t0, packsMs: t2 - t1, segmenterMs: t3 - t2, coldMs: t4 - t3, warmMs: t5 - t4 }));
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv[0] === '--startup-child') return startupChild();
  if (argv[0] === '--inproc-child') return inProcChild(argv.includes('--quick'));
  if (argv[0] === '--seg-child') return segChild(argv[1]);
  const args = parseArgs(argv);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-bench-'));
  try {
    const want = (s: string) => !args.only || args.only.split(',').includes(s);
    if (want('cli')) benchCli(args, tmp);
    if (want('inproc')) benchInProcess(args);
    if (want('segmenter')) benchSegmenter(args);
    if (want('integration')) benchIntegration(args);
    if (want('pd')) benchPeoplesDaily(args, tmp);
    printTable(args);
    if (args.json) fs.writeFileSync(args.json, JSON.stringify({ date: new Date().toISOString(), rows, ...results }, null, 2));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main();
