// The launcher (bin/launch.js): a large task on Linux/glibc runs in a second node with malloc tuned for memory.
// Output, exit codes, standard input, --fix and signals must be exactly as without it (docs/performance.md, 第十二轮).
import * as assert from 'assert';
import { spawn, spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const BIN = path.join(REPO, 'bin/draft-lint.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const launch = require(path.join(REPO, 'bin/launch.js')) as {
  shouldRelaunch(argv: string[], env: Record<string, string | undefined>, cwd: string, platform?: string, execArgv?: string[]): boolean;
  inputBytes(argv: string[], cwd: string, limit: number, stdinSize: () => number): number;
  childEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
  SMALL_BYTES: number;
  VALUE_OPTIONS: Set<string>;
  SKIPPED_DIRS: Set<string>;
  TEXT_EXT: RegExp;
};

describe('launcher: its copies of the CLI lists (it runs before the bundle is loaded)', () => {
  it('the options that take a value, the folders skipped, the draft extensions and the small-task size are those of the CLI', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { OPTIONS } = require(path.join(REPO, 'out/src/cli/args.js')) as { OPTIONS: Record<string, { type: string; short?: string }> };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const files = require(path.join(REPO, 'out/src/host/files.js')) as { SKIPPED_DIRS: Set<string>; TEXT_EXTENSIONS: string[] };
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { SMALL_INPUT_BYTES } = require(path.join(REPO, 'out/src/cli/main.js')) as { SMALL_INPUT_BYTES: number };
    const valued = Object.entries(OPTIONS)
      .filter(([, o]) => o.type === 'string')
      .flatMap(([name, o]) => [`--${name}`, ...(o.short ? [`-${o.short}`] : [])]);
    assert.deepStrictEqual([...launch.VALUE_OPTIONS].sort(), valued.sort());
    assert.deepStrictEqual([...launch.SKIPPED_DIRS].sort(), [...files.SKIPPED_DIRS].sort());
    for (const ext of files.TEXT_EXTENSIONS) assert.ok(launch.TEXT_EXT.test(`a${ext}`), ext);
    assert.ok(!launch.TEXT_EXT.test('a.doc') && !launch.TEXT_EXT.test('a.json'));
    assert.strictEqual(launch.SMALL_BYTES, SMALL_INPUT_BYTES);
  });
});

const glibc = process.platform === 'linux' && /\/libc\.so\.6$/m.test(fs.readFileSync('/proc/self/maps', 'latin1'));

const made: string[] = [];
after(() => made.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

function tmpTree(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-launch-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, content);
  }
  return dir;
}

const DRAFT = '各位委员:\n推动专门协商机构“”出特色,要把“两个确立”落到实处。\n';
const CLEAN = '各位委员：\n现在，我代表常委会报告工作。\n';
/** Only the punctuation rules: fast, and findings with fixes. */
const CONFIG = JSON.stringify({ rules: { 'formulation/*': 'off', 'structure/*': 'off', 'figures/*': 'off', 'wording/*': 'off', 'format/*': 'off', 'numbering/*': 'off' } });

function run(args: string[], cwd: string, launcher: '0' | '1', opts: { input?: string | Buffer; stdinFile?: string; report?: string } = {}): SpawnSyncReturns<Buffer> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', DRAFT_LINT_LAUNCHER: launcher, DRAFT_LINT_LAUNCHED: '' };
  if (opts.report) env.DRAFT_LINT_LAUNCHER_REPORT = opts.report;
  else delete env.DRAFT_LINT_LAUNCHER_REPORT;
  const stdio = opts.stdinFile ? [fs.openSync(opts.stdinFile, 'r'), 'pipe', 'pipe'] : undefined;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: opts.input, stdio: stdio as never, timeout: 60000, maxBuffer: 64 << 20 });
  if (stdio) fs.closeSync(stdio[0] as number);
  return r;
}

describe('cli launcher: which runs are relaunched', () => {
  it('counts files, folders, globs and stdin up to the limit; values of options and --help are not inputs', () => {
    const big = 'x'.repeat(launch.SMALL_BYTES);
    const dir = tmpTree({ 'a.txt': big, 'b.md': 'y', 'sub/c.txt': 'zz', 'node_modules/n.txt': big, 'other.json': big, 'cfg.txt': big });
    const none = () => 0;
    assert.strictEqual(launch.inputBytes(['b.md'], dir, launch.SMALL_BYTES, none), 1);
    assert.strictEqual(launch.inputBytes(['sub'], dir, launch.SMALL_BYTES, none), 2);
    // A folder: drafts only, node_modules skipped; the count stops just above the limit.
    assert.ok(launch.inputBytes(['.'], dir, launch.SMALL_BYTES, none) > launch.SMALL_BYTES);
    assert.strictEqual(launch.inputBytes(['sub', 'b.md', 'missing.txt'], dir, launch.SMALL_BYTES, none), 3);
    // A glob: the drafts below its fixed folders (an estimate from above).
    assert.strictEqual(launch.inputBytes(['sub/*.txt'], dir, launch.SMALL_BYTES, none), 2);
    // The value of an option is not a path to lint; after `--` everything is.
    assert.strictEqual(launch.inputBytes(['--config', 'cfg.txt', '-o', 'a.txt', '--format=json', 'b.md'], dir, launch.SMALL_BYTES, none), 1);
    assert.ok(launch.inputBytes(['--', '--config', 'a.txt', 'b.md'], dir, launch.SMALL_BYTES, none) > launch.SMALL_BYTES);
    assert.strictEqual(launch.inputBytes(['--help', 'a.txt'], dir, launch.SMALL_BYTES, none), 0);
    assert.strictEqual(launch.inputBytes(['--print-config', 'a.txt'], dir, launch.SMALL_BYTES, none), 0);
    // Standard input: its size when it is a regular file (a pipe counts 0).
    assert.strictEqual(launch.inputBytes(['--stdin'], dir, launch.SMALL_BYTES, () => 123), 123);
    assert.strictEqual(launch.inputBytes(['-'], dir, launch.SMALL_BYTES, () => 7), 7);
  });

  it('relaunches only large tasks on Linux, never twice, never with DRAFT_LINT_LAUNCHER=0; keeps the user’s malloc settings', () => {
    const dir = tmpTree({ 'big.txt': 'x'.repeat(launch.SMALL_BYTES + 1), 'small.txt': 'x' });
    assert.strictEqual(launch.shouldRelaunch(['small.txt'], {}, dir), false);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], {}, dir, 'darwin'), false);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], {}, dir, 'win32'), false);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], { DRAFT_LINT_LAUNCHER: '0' }, dir), false);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], { DRAFT_LINT_LAUNCHED: '1' }, dir), false);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], {}, dir), glibc);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], {}, dir, 'linux', ['--inspect-brk']), false);
    assert.strictEqual(launch.shouldRelaunch(['big.txt'], {}, dir, 'linux', ['--max-old-space-size=900']), glibc);
    assert.strictEqual(launch.shouldRelaunch(['small.txt'], { DRAFT_LINT_LAUNCHER: '1' }, dir), glibc);
    const env = launch.childEnv({ MALLOC_ARENA_MAX: '4', PATH: '/bin' });
    assert.strictEqual(env.MALLOC_ARENA_MAX, '4');
    assert.strictEqual(env.MALLOC_MMAP_THRESHOLD_, '131072');
    assert.strictEqual(env.DRAFT_LINT_LAUNCHED, '1');
    assert.strictEqual(env.PATH, '/bin');
  });
});

describe('cli launcher: the same command with and without it', function () {
  this.timeout(120000);
  before(function () {
    if (!glibc) this.skip();
  });

  it('a relaunched run says so in its report file; a small one is not relaunched', () => {
    const dir = tmpTree({ '.draftlintrc.json': CONFIG, 'a.txt': DRAFT, 'big.txt': CLEAN.repeat(Math.ceil((launch.SMALL_BYTES + 1) / Buffer.byteLength(CLEAN))) });
    const report = path.join(dir, 'report.jsonl');
    run(['a.txt'], dir, '1', { report });
    const line = JSON.parse(fs.readFileSync(report, 'utf8').trim()) as { relaunched: boolean; parentPrivateKiB: number };
    assert.strictEqual(line.relaunched, true);
    assert.ok(line.parentPrivateKiB > 0 && line.parentPrivateKiB < 64 * 1024, String(line.parentPrivateKiB));
    fs.rmSync(report);
    // Without DRAFT_LINT_LAUNCHER: by size.
    const env = { ...process.env, DRAFT_LINT_LAUNCHER_REPORT: report, DRAFT_LINT_LAUNCHER: '', DRAFT_LINT_LAUNCHED: '' };
    spawnSync(process.execPath, [BIN, 'a.txt'], { cwd: dir, env });
    assert.strictEqual(fs.existsSync(report), false);
    spawnSync(process.execPath, [BIN, 'big.txt'], { cwd: dir, env });
    assert.strictEqual(fs.existsSync(report), true);
  });

  it('piped input: read first, relaunched only when large; the same output as without the launcher', () => {
    const dir = tmpTree({ '.draftlintrc.json': CONFIG });
    const report = path.join(dir, 'report.jsonl');
    const big = DRAFT.repeat(Math.ceil((launch.SMALL_BYTES + 1) / Buffer.byteLength(DRAFT)));
    for (const [input, relaunched] of [
      [DRAFT, false],
      [big, true],
      ['', false],
    ] as const)
      for (const args of [['--stdin', '--format', 'json'], ['-', '--fix'], ['--stdin', '--format', 'xml']]) {
        const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', DRAFT_LINT_LAUNCHER_REPORT: report, DRAFT_LINT_LAUNCHER: '', DRAFT_LINT_LAUNCHED: '' };
        const auto = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env, input, timeout: 60000, maxBuffer: 64 << 20 });
        const here = run(args, dir, '0', { input });
        const what = `${args.join(' ')} on ${input.length} chars`;
        assert.strictEqual(auto.status, here.status, what);
        // A slow rule's notice (its milliseconds) may differ between two runs of a large input: compare the rest.
        const stable = (b: Buffer) => {
          const text = b.toString();
          try {
            return JSON.stringify((JSON.parse(text) as { files: unknown }).files);
          } catch {
            return text.replace(/^.*超过预算.*$\n?/gm, '');
          }
        };
        assert.strictEqual(stable(auto.stdout), stable(here.stdout), what);
        assert.strictEqual(stable(auto.stderr), stable(here.stderr), what);
        // A usage error is found by the child too (the launcher does not check arguments): relaunched as well.
        assert.strictEqual(fs.existsSync(report), relaunched, what);
        fs.rmSync(report, { force: true });
      }
  });

  const cases: { name: string; args: string[]; input?: string; stdinFile?: boolean }[] = [
    { name: 'findings (exit 1), stylish', args: ['a.txt'] },
    { name: 'findings, json', args: ['--format', 'json', 'a.txt', 'clean.txt'] },
    { name: 'clean (exit 0)', args: ['clean.txt'] },
    { name: 'a usage error (exit 2)', args: ['--format', 'xml', 'a.txt'] },
    { name: 'a missing file (exit 2)', args: ['a.txt', 'missing.txt'] },
    { name: '--help', args: ['--help'] },
    { name: 'piped --stdin', args: ['--stdin', '--format', 'json'], input: DRAFT },
    { name: 'piped --stdin --fix (fixed text on stdout, report on stderr)', args: ['--stdin', '--fix'], input: DRAFT },
    { name: 'stdin from a file', args: ['-', '--stdin-filename', 'x.txt'], stdinFile: true },
    { name: '--fix-dry-run', args: ['--fix-dry-run', 'a.txt'] },
  ];
  for (const c of cases)
    it(`${c.name}: same stdout, stderr and exit code`, () => {
      const dir = tmpTree({ '.draftlintrc.json': CONFIG, 'a.txt': DRAFT, 'clean.txt': CLEAN });
      const stdinFile = c.stdinFile ? path.join(dir, 'a.txt') : undefined;
      const here = run(c.args, dir, '0', { input: c.input, stdinFile });
      const launched = run(c.args, dir, '1', { input: c.input, stdinFile });
      assert.strictEqual(launched.status, here.status);
      assert.strictEqual(launched.signal, here.signal);
      assert.deepStrictEqual(launched.stdout, here.stdout);
      assert.strictEqual(launched.stderr.toString(), here.stderr.toString());
    });

  it('--fix writes the same file and reports the same', () => {
    const a = tmpTree({ '.draftlintrc.json': CONFIG, 'a.txt': DRAFT });
    const b = tmpTree({ '.draftlintrc.json': CONFIG, 'a.txt': DRAFT });
    const here = run(['--fix', 'a.txt'], a, '0');
    const launched = run(['--fix', 'a.txt'], b, '1');
    assert.strictEqual(launched.status, here.status);
    assert.strictEqual(launched.stdout.toString(), here.stdout.toString());
    const fixed = fs.readFileSync(path.join(b, 'a.txt'), 'utf8');
    assert.strictEqual(fixed, fs.readFileSync(path.join(a, 'a.txt'), 'utf8'));
    assert.notStrictEqual(fixed, DRAFT);
  });

  /** Starts a relaunched run over a large folder; resolves once its child node is running. */
  function startLarge(detached: boolean): Promise<{ parent: ReturnType<typeof spawn>; child: number; exited: Promise<{ code: number | null; signal: string | null }> }> {
    const big = '各位委员：\n现在，我代表常委会报告工作。推动专门协商机构出特色。\n'.repeat(6000);
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d${i}.txt`] = big;
    const dir = tmpTree(files);
    const env = { ...process.env, DRAFT_LINT_LAUNCHER: '1', DRAFT_LINT_LAUNCHED: '' };
    const parent = spawn(process.execPath, [BIN, '--format', 'json', '.'], { cwd: dir, env, stdio: 'ignore', detached });
    const exited = new Promise<{ code: number | null; signal: string | null }>(res => parent.on('exit', (code, signal) => res({ code, signal })));
    return new Promise((resolve, reject) => {
      const t0 = Date.now();
      const poll = () => {
        let kids: number[] = [];
        try {
          kids = fs.readFileSync(`/proc/${parent.pid}/task/${parent.pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
        } catch {
          /* not yet */
        }
        if (kids.length) setTimeout(() => resolve({ parent, child: kids[0], exited }), 300);
        else if (Date.now() - t0 > 20000) reject(new Error('no child process'));
        else setTimeout(poll, 20);
      };
      poll();
    });
  }

  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return !fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].startsWith('Z');
    } catch {
      return false;
    }
  };

  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    it(`${sig} to the command stops the child, and the command dies of ${sig}`, async () => {
      const { parent, child, exited } = await startLarge(false);
      assert.ok(alive(child));
      parent.kill(sig);
      const end = await exited;
      assert.deepStrictEqual(end, { code: null, signal: sig });
      for (let i = 0; i < 100 && alive(child); i++) await new Promise(r => setTimeout(r, 50));
      assert.strictEqual(alive(child), false);
    });

  it('Ctrl-C (SIGINT to the whole process group) ends both with SIGINT', async () => {
    const { parent, child, exited } = await startLarge(true);
    process.kill(-parent.pid!, 'SIGINT');
    const end = await exited;
    assert.deepStrictEqual(end, { code: null, signal: 'SIGINT' });
    for (let i = 0; i < 100 && alive(child); i++) await new Promise(r => setTimeout(r, 50));
    assert.strictEqual(alive(child), false);
  });

  it('a child killed by a signal: the command dies of the same signal', async () => {
    const { child, exited } = await startLarge(false);
    process.kill(child, 'SIGKILL');
    assert.deepStrictEqual(await exited, { code: null, signal: 'SIGKILL' });
  });
});
