// Shared helpers of the fault-injection suite (test/fault): spawn the real CLI (bin/draft-lint.js, the bundle built
// by `npm run build`), temporary projects, and an ordinary (non-root) user for the privilege-dependent cases.
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const REPO = path.resolve(__dirname, '../../..');
export const BIN = path.join(REPO, 'bin/draft-lint.js');

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
  ms: number;
}

export interface CliOpts {
  cwd: string;
  input?: string | Buffer;
  timeout?: number;
  /** Modules to --require in the CLI process (fault injection). */
  preload?: string[];
  /** Run as this ordinary user (setpriv). */
  user?: TestUser;
  env?: Record<string, string>;
}

/** Runs the CLI; never hangs longer than `timeout` (the test then fails on the exit code). */
export function cli(args: string[], o: CliOpts): Run {
  const requires = (o.preload ?? []).map(p => `--require ${JSON.stringify(p)}`).join(' ');
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', NODE_OPTIONS: requires, DRAFT_LINT_CACHE: '0', ...(o.env ?? {}) };
  let cmd = process.execPath;
  let argv = [BIN, ...args];
  if (o.user) {
    cmd = 'setpriv';
    argv = [`--reuid=${o.user.uid}`, `--regid=${o.user.gid}`, '--init-groups', '--reset-env', process.execPath, BIN, ...args];
    env.HOME = o.user.home;
  }
  const opts: SpawnSyncOptions = { cwd: o.cwd, env, input: o.input, timeout: o.timeout ?? 60000, maxBuffer: 256 << 20 };
  const t0 = performance.now();
  const r = spawnSync(cmd, argv, opts);
  const ms = performance.now() - t0;
  const out = (r.stdout as Buffer | null) ?? Buffer.alloc(0);
  return { code: r.status, signal: r.signal, stdout: out.toString('utf8'), stdoutBytes: out, stderr: ((r.stderr as Buffer | null) ?? Buffer.alloc(0)).toString('utf8'), ms };
}

const made: string[] = [];
after(() => made.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

/** A fresh folder under the system temp folder (mode 0755, so an ordinary test user can enter it). */
export function tmpDir(files: Record<string, string | Buffer | object> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-fault-'));
  fs.chmodSync(dir, 0o755);
  made.push(dir);
  for (const [rel, c] of Object.entries(files)) {
    const p = path.join(dir, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, typeof c === 'string' || Buffer.isBuffer(c) ? c : JSON.stringify(c));
  }
  return dir;
}

/** A draft with one fixable problem (a half-width comma): `--fix` turns it into 各位委员，大家好。 */
export const FIXABLE = '各位委员,大家好。\n';
export const FIXED = '各位委员，大家好。\n';

export interface TestUser {
  name: string;
  uid: number;
  gid: number;
  home: string;
  /** A supplementary group of the user (for shared-group files). */
  sharedGid: number;
}

let cachedUser: TestUser | null | undefined;
let whyNoUser = '';

/** An ordinary user (created with useradd when running as root), or undefined with the reason in `noUserReason()`. */
export function testUser(): TestUser | undefined {
  if (cachedUser !== undefined) return cachedUser ?? undefined;
  cachedUser = null;
  if (process.platform !== 'linux' || typeof process.getuid !== 'function') {
    whyNoUser = '只在 Linux 上运行 (needs Linux)';
    return undefined;
  }
  if (process.getuid() !== 0) {
    whyNoUser = '需要以 root 运行测试才能创建普通用户 (needs root to create a test user)';
    return undefined;
  }
  const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });
  if (run('setpriv', ['--version']).status !== 0) {
    whyNoUser = '没有 setpriv (setpriv missing)';
    return undefined;
  }
  const name = 'draftlintfault';
  const group = 'draftlintshared';
  if (run('getent', ['group', group]).status !== 0) run('groupadd', [group]);
  if (run('id', [name]).status !== 0) {
    const r = run('useradd', ['-m', '-G', group, name]);
    if (r.status !== 0) {
      whyNoUser = `useradd 失败：${r.stderr.trim()}`;
      return undefined;
    }
  }
  const uid = Number(run('id', ['-u', name]).stdout.trim());
  const gid = Number(run('id', ['-g', name]).stdout.trim());
  const sharedGid = Number(run('getent', ['group', group]).stdout.split(':')[2]);
  const home = run('getent', ['passwd', name]).stdout.split(':')[5] || '/tmp';
  // The user must be able to run node and read the repository.
  const probe = spawnSync('setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', process.execPath, BIN, '--version'], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (probe.status !== 0) {
    whyNoUser = `普通用户无法运行 draft-lint（仓库或 node 不可读）：${(probe.stderr || String(probe.error)).trim().slice(0, 200)}`;
    return undefined;
  }
  cachedUser = { name, uid, gid, home, sharedGid };
  return cachedUser;
}

export function noUserReason(): string {
  return whyNoUser;
}

/** Skips the current test with a visible reason when no ordinary user is available. */
export function needUser(ctx: Mocha.Context): TestUser {
  const u = testUser();
  if (!u) {
    // eslint-disable-next-line no-console
    console.log(`      跳过（skipped）：${ctx.test?.title} —— ${noUserReason()}`);
    ctx.skip();
  }
  return u!;
}

/** Files in `dir` whose names look like a draft-lint temporary file. */
export function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter(f => /draft-lint|\.tmp$|\.dl-/.test(f));
}

/** Writes a preload module into `dir` and returns its path. */
export function preload(dir: string, name: string, code: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, code);
  return p;
}
