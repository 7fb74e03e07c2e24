// The worker pool for folders (src/cli/pool.ts) and --timing (src/cli/timing.ts): the report of a run on many files
// is byte-for-byte the one of a run on one thread, in every format; --timing adds a per-rule table on stderr only.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mergeLinted, poolWorkers, POOL_MIN_BYTES } from '../../src/cli/pool';
import { takeTimingFlag } from '../../src/cli/timing';
import type { Diagnostic } from '../../src/core/types';

const REPO = path.resolve(__dirname, '../../..');
const BIN = path.join(REPO, 'bin/draft-lint.js');
const SEEDS = path.join(REPO, 'test/fixtures/seeds');

function cli(args: string[], cwd: string, env: Record<string, string>): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env }, encoding: 'utf8', timeout: 180000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The report without the notices of rules over their time budget (they depend on the machine's load). */
function stable(format: string, out: string): string {
  const slow = (text: string) => /超过预算 \d+ ms/.test(text);
  if (format === 'json') {
    const j = JSON.parse(out) as { notices: { message: string }[] };
    j.notices = j.notices.filter(n => !slow(n.message));
    return JSON.stringify(j, null, 2);
  }
  if (format === 'sarif') {
    const j = JSON.parse(out) as { runs: { invocations: { toolExecutionNotifications: { message: { text: string } }[] }[] }[] };
    for (const r of j.runs) for (const inv of r.invocations) inv.toolExecutionNotifications = inv.toolExecutionNotifications.filter(n => !slow(n.message.text));
    return JSON.stringify(j, null, 2);
  }
  return out
    .split('\n')
    .filter(l => !slow(l))
    .join('\n');
}

describe('cli: worker pool for folders', function () {
  this.timeout(400000);
  let dir: string;

  before(() => {
    // 30 files: the five seeds, pieces of them (findings at many offsets, of rules on both sides of the split), a file
    // the config ignores, an empty file and one that is not UTF-8.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-pool-'));
    const seeds = fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt')).sort().map(f => fs.readFileSync(path.join(SEEDS, f), 'utf8'));
    let n = 0;
    const put = (text: string | Buffer) => fs.writeFileSync(path.join(dir, `f${String(n++).padStart(2, '0')}.txt`), text);
    for (const s of seeds) put(s);
    for (let k = 0; k < 22; k++) {
      const s = seeds[k % seeds.length];
      const from = Math.floor((s.length * (k % 7)) / 9);
      put(s.slice(from, from + 1500 + 300 * k) + (k % 3 ? '' : '\n各位委员,现在我代表常委会报告工作。\n'));
    }
    put('');
    put(Buffer.from([0xff, 0xfe, 0x00, 0xd8]));
    fs.writeFileSync(path.join(dir, 'skip-me.txt'), '各位委员,\n');
    fs.writeFileSync(path.join(dir, '.draftlintrc.json'), JSON.stringify({ ignore: ['skip-me.txt'] }));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const format of ['json', 'stylish', 'sarif']) {
    it(`the ${format} report of a folder is the same with two workers as on one thread`, () => {
      const one = cli(['--format', format, '.'], dir, { DRAFT_LINT_WORKERS: '0' });
      const pooled = cli(['--format', format, '.'], dir, { DRAFT_LINT_WORKERS: '2' });
      assert.ok(one.code === 1 || one.code === 2, one.stderr);
      assert.ok(one.stdout.length > 1000, 'the run reports findings');
      assert.strictEqual(pooled.code, one.code, pooled.stderr);
      assert.strictEqual(stable(format, pooled.stdout), stable(format, one.stdout));
      assert.strictEqual(stable('stylish', pooled.stderr), stable('stylish', one.stderr));
    });
  }

  it('--timing prints a per-rule table on stderr (after the run) and leaves stdout alone', () => {
    const plain = cli(['--format', 'json', '.'], dir, { DRAFT_LINT_WORKERS: '2' });
    const timed = cli(['--timing', '--format', 'json', '.'], dir, { DRAFT_LINT_WORKERS: '2' });
    assert.strictEqual(stable('json', timed.stdout), stable('json', plain.stdout));
    // 27 of the 29 .txt files are linted (the empty one is reported as empty, the undecodable one is an error,
    // skip-me.txt is ignored).
    assert.match(timed.stderr, /draft-lint --timing：27 个文件/);
    assert.match(timed.stderr, /3 个线程/);
    // Both halves of the split are counted: a rule that needs the segmenter and one that does not.
    assert.match(timed.stderr, /^wording\/doubled-word\s+\d+\.\d/m);
    assert.match(timed.stderr, /^punctuation\/half-width\s+\d+\.\d/m);
    assert.match(timed.stderr, /文档模型/);
  });
});

describe('cli: pool and timing helpers', () => {
  it('no pool by default (memory); DRAFT_LINT_WORKERS sets the number, =auto chooses as before', () => {
    assert.strictEqual(poolWorkers(600, 2 << 20, {}, 8), 0);
    assert.strictEqual(poolWorkers(600, 2 << 20, { DRAFT_LINT_WORKERS: '' }, 8), 0);
    const auto = { DRAFT_LINT_WORKERS: 'auto' };
    assert.strictEqual(poolWorkers(5, 99 * 1024, auto, 8), 0);
    // One file, even a large one, stays on one thread (docs/performance.md, 第四轮).
    assert.strictEqual(poolWorkers(1, 10 << 20, auto, 8), 0);
    assert.strictEqual(poolWorkers(600, 2 << 20, auto, 1), 0);
    assert.strictEqual(poolWorkers(600, 2 << 20, auto, 2), 1);
    assert.strictEqual(poolWorkers(600, POOL_MIN_BYTES, auto, 16), 3);
    assert.strictEqual(poolWorkers(5, 100, { DRAFT_LINT_WORKERS: '2' }, 1), 2);
    assert.strictEqual(poolWorkers(600, 2 << 20, { DRAFT_LINT_WORKERS: '0' }, 8), 0);
  });

  it('mergeLinted puts findings back in offset then rule order, and notices in rule order', () => {
    const d = (offset: number, ruleId: string, message = ruleId): Diagnostic =>
      ({ offset, length: 1, ruleId, category: 'wording', severity: 'warning', message, line: 1, column: offset + 1, endLine: 1, endColumn: offset + 2 }) as Diagnostic;
    const order = new Map(['a/x', 'b/y', 'c/z'].map((id, i) => [id, i]));
    const main = {
      result: { path: 'f', diagnostics: [d(1, 'b/y', 'first'), d(1, 'b/y', 'second'), d(9, 'b/y')] },
      notices: [{ kind: 'rule-slow' as const, message: 'b', ruleIds: ['b/y'] }, { kind: 'segmenter' as const, message: 's', ruleIds: ['b/y'] }],
      timings: { 'b/y': 2 },
    };
    const other = {
      result: { path: 'f', diagnostics: [d(0, 'c/z'), d(1, 'a/x'), d(1, 'c/z'), d(9, 'a/x')] },
      notices: [{ kind: 'rule-error' as const, message: 'c', ruleIds: ['c/z'] }, { kind: 'rule-error' as const, message: 'a', ruleIds: ['a/x'] }],
      timings: { 'a/x': 1 },
    };
    const m = mergeLinted(main, other, order);
    assert.deepStrictEqual(
      m.result.diagnostics.map(x => `${x.offset}:${x.ruleId}:${x.message}`),
      ['0:c/z:c/z', '1:a/x:a/x', '1:b/y:first', '1:b/y:second', '1:c/z:c/z', '9:a/x:a/x', '9:b/y:b/y'],
    );
    assert.deepStrictEqual(m.notices.map(n => n.message), ['a', 'b', 'c', 's']);
    assert.deepStrictEqual(m.timings, { 'b/y': 2, 'a/x': 1 });
  });

  it('--timing is taken out of the arguments (not after --)', () => {
    assert.deepStrictEqual(takeTimingFlag(['--timing', 'a.txt']), { argv: ['a.txt'], timing: true });
    assert.deepStrictEqual(takeTimingFlag(['a.txt']), { argv: ['a.txt'], timing: false });
    assert.deepStrictEqual(takeTimingFlag(['a.txt', '--', '--timing']), { argv: ['a.txt', '--', '--timing'], timing: false });
  });
});
