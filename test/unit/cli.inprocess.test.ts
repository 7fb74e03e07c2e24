// The CLI's parts in-process: argument parsing, the dry-run diff, atomic write-back, and run() with test rules.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import { parseArgs, UsageError } from '../../src/cli/args';
import { diffLines, formatDiff } from '../../src/cli/diff';
import { writeBackAtomically } from '../../src/cli/write';
import { isIgnored } from '../../src/host/ignore';
import { displayWidth } from '../../src/cli/formatters';
import { run, CliIO, heapGrowingPercent, interruptBudget, keepParagraphMemos, shouldFixYoungGeneration, shouldSaveHeap, shouldTuneV8, SMALL_INPUT_BYTES } from '../../src/cli/main';
import { DraftLintError, Rule } from '../../src/core/types';

const made: string[] = [];
after(() => made.forEach(d => fs.rmSync(d, { recursive: true, force: true })));
/** A temporary folder, removed after the tests. */
function tmpDir(prefix: string): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

const plain = { red: (s: string) => s, green: (s: string) => s, cyan: (s: string) => s };

describe('cli: parseArgs', () => {
  it('reads options, values in both forms, repeatable --rule and patterns', () => {
    const o = parseArgs(['-f', 'json', '--type=report', '--rule', 'punctuation/empty-pair:off', '--rule=wording/*:warning,format/x:info', '--max-warnings', '3', '-q', 'a.txt', 'drafts/', '--', '--odd-name.txt']);
    assert.deepStrictEqual(
      [o.format, o.docType, o.rules, o.maxWarnings, o.quiet, o.patterns],
      [
        'json',
        'report',
        [
          { id: 'punctuation/empty-pair', severity: 'off' },
          { id: 'wording/*', severity: 'warning' },
          { id: 'format/x', severity: 'info' },
        ],
        3,
        true,
        ['a.txt', 'drafts/', '--odd-name.txt'],
      ],
    );
  });
  const bad: [string[], RegExp][] = [
    [['--format'], /需要一个参数/],
    [['--fix=yes'], /不带参数/],
    [['--stdin-filename', 'a.txt', 'b.txt'], /只能与 --stdin 一起使用/],
    [['--stdin', 'b.txt'], /不能再给文件/],
    [['--figures', '--fix', 'a.txt'], /--figures 不能与/],
    [['--rule', 'x:fatal'], /--rule 的格式应为/],
  ];
  for (const [args, re] of bad) it(`rejects ${args.join(' ')}`, () => assert.throws(() => parseArgs(args), (e: unknown) => e instanceof UsageError && re.test(e.message)));
});

describe('cli: dry-run diff', () => {
  it('same line count: one hunk per run of changed lines', () => {
    const h = diffLines('a\nb\nc\nd\n', 'a\nB\nc\nD\n');
    assert.deepStrictEqual(
      h.map(x => [x.oldStart, x.oldLines, x.newStart, x.newLines]),
      [
        [2, ['b\n'], 2, ['B\n']],
        [4, ['d\n'], 4, ['D\n']],
      ],
    );
  });
  it('joined lines (a fix that removes a line break)', () => {
    assert.strictEqual(formatDiff('f.txt', '甲\n乙\n丙\n', '甲乙\n丙\n', plain), '--- a/f.txt\n+++ b/f.txt\n@@ -1,2 +1,1 @@\n-甲\n-乙\n+甲乙\n');
  });
  it('no change → empty', () => {
    assert.strictEqual(formatDiff('f.txt', 'a\r\nb', 'a\r\nb', plain), '');
  });
});

describe('cli: write-back', () => {
  const tmp = () => tmpDir('draft-lint-write-');

  it('writes atomically and leaves no temporary file', async () => {
    const dir = tmp();
    const f = path.join(dir, 'a.txt');
    fs.writeFileSync(f, 'old');
    await writeBackAtomically(f, new Uint8Array(Buffer.from('old')), new Uint8Array(Buffer.from('new')));
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'new');
    assert.deepStrictEqual(fs.readdirSync(dir), ['a.txt']);
  });

  it('refuses to overwrite a file that changed on disk since it was read', async () => {
    const dir = tmp();
    const f = path.join(dir, 'a.txt');
    fs.writeFileSync(f, 'edited by someone else');
    await assert.rejects(writeBackAtomically(f, new Uint8Array(Buffer.from('old')), new Uint8Array(Buffer.from('new'))), (e: unknown) => e instanceof DraftLintError && /在检查期间被修改过/.test(e.message));
    assert.strictEqual(fs.readFileSync(f, 'utf8'), 'edited by someone else');
    assert.deepStrictEqual(fs.readdirSync(dir), ['a.txt']);
  });

  it('writes through a symbolic link and keeps the link', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'real.txt'), 'old');
    fs.symlinkSync('real.txt', path.join(dir, 'link.txt'));
    await writeBackAtomically(path.join(dir, 'link.txt'), new Uint8Array(Buffer.from('old')), new Uint8Array(Buffer.from('new')));
    assert.ok(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink());
    assert.strictEqual(fs.readFileSync(path.join(dir, 'real.txt'), 'utf8'), 'new');
  });
});

describe('cli: ignore globs and display width', () => {
  const base = path.resolve('/office');
  const cases: [string, string[], boolean][] = [
    ['old/a.txt', ['old/**'], true],
    ['old/sub/a.txt', ['old/'], true],
    ['old/sub/a.txt', ['old'], true],
    ['x/old/a.txt', ['old'], true],
    ['x/a.draft.txt', ['*.draft.txt'], true],
    ['a.txt', ['old/**'], false],
    ['older/a.txt', ['old'], false],
  ];
  for (const [rel, globs, want] of cases) it(`${rel} vs ${globs.join(',')} → ${want}`, () => assert.strictEqual(isIgnored(path.join(base, rel), globs, base), want));
  it('a file outside the config folder is never ignored by it', () => assert.strictEqual(isIgnored(path.resolve('/elsewhere/a.txt'), ['**'], base), false));
  it('displayWidth counts CJK as two columns', () => assert.strictEqual(displayWidth('a委员，1'), 1 + 4 + 2 + 1));
});

/** Test rule: ASCII comma after a Han character → full-width comma (warning, fixable). */
const commaRule: Rule = {
  meta: { id: 'punctuation/test-comma', category: 'punctuation', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: true },
  check(ctx) {
    const t = ctx.doc.masked;
    for (let i = 1; i < t.length; i++) if (t[i] === ',' && /[\u4e00-\u9fff]/.test(t[i - 1])) ctx.report({ offset: i, length: 1, message: '半角逗号', fix: { offset: i, length: 1, text: '，' } });
  },
};
/** Test rule that needs the segmenter. */
const segRule: Rule = {
  meta: { id: 'wording/test-seg', category: 'wording', defaultSeverity: 'error', description: '测试', docs: '测试', fixable: false, needsSegmenter: true },
  check() {},
};

function memIo(cwd: string, stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    cwd,
    env: {},
    stdoutIsTTY: false,
    out: '',
    err: '',
    writeStdout(s: string | Uint8Array) {
      io.out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
    },
    writeStderr(s: string) {
      io.err += s;
    },
    readStdin: async () => new Uint8Array(Buffer.from(stdin)),
  };
  return io;
}

describe('cli: run() in-process with test rules', () => {
  it('--fix on GB18030 bytes that do not re-encode identically is refused (exit 2), the file untouched', async () => {
    const dir = tmpDir('draft-lint-run-');
    const bytes = Buffer.concat([iconv.encode('甲,乙', 'gbk'), Buffer.from([0x80])]);
    fs.writeFileSync(path.join(dir, 'a.txt'), bytes);
    const io = memIo(dir);
    const code = await run(['--fix', 'a.txt'], io, { rules: [commaRule] });
    assert.strictEqual(code, 2);
    assert.match(io.out, /GB18030 编码无法逐字节还原/);
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'a.txt')), bytes);
  });

  it('--fix on UTF-16 BE with BOM round trips', async () => {
    const dir = tmpDir('draft-lint-run-');
    const be = (s: string) => {
      const b = Buffer.from(s, 'utf16le');
      for (let i = 0; i < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), b]);
    };
    fs.writeFileSync(path.join(dir, 'a.txt'), be('甲,乙\r\n丙,丁\r\n'));
    const io = memIo(dir);
    assert.strictEqual(await run(['--fix', 'a.txt'], io, { rules: [commaRule] }), 0);
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'a.txt')), be('甲，乙\r\n丙，丁\r\n'));
  });

  it('the segmenter is loaded once, lazily; a failure is one notice per run, not per file', async () => {
    const dir = tmpDir('draft-lint-run-');
    fs.writeFileSync(path.join(dir, 'a.txt'), '甲。\n');
    fs.writeFileSync(path.join(dir, 'b.txt'), '乙。\n');
    let loads = 0;
    const failing = () => {
      loads++;
      return { error: '找不到 nodejieba', loadMs: 1 };
    };
    const io = memIo(dir);
    assert.strictEqual(await run(['--format', 'json', '.'], io, { rules: [segRule, commaRule], loadSegmenter: failing }), 0);
    assert.strictEqual(loads, 1);
    const out = JSON.parse(io.out);
    assert.deepStrictEqual(out.notices.map((n: { kind: string; ruleIds: string[] }) => [n.kind, n.ruleIds]), [['segmenter', ['wording/test-seg']]]);
    assert.strictEqual(io.err.split('\n').filter(l => l.includes('wording/test-seg')).length, 1);
    assert.match(io.err, /分词器（nodejieba）加载失败：找不到 nodejieba/);
    // Not loaded at all when no enabled rule needs it.
    loads = 0;
    await run(['--rule', 'wording/test-seg:off', '.'], memIo(dir), { rules: [segRule, commaRule], loadSegmenter: failing });
    assert.strictEqual(loads, 0);
  });

  it('a loaded segmenter is passed to the rules that need it', async () => {
    const dir = tmpDir('draft-lint-run-');
    fs.writeFileSync(path.join(dir, 'a.txt'), '甲乙。\n');
    const seen: string[] = [];
    const rule: Rule = { ...segRule, check: ctx => seen.push(ctx.segmenter ? ctx.segmenter.cut('甲乙').map(t => t.word).join('|') : 'none') };
    const segmenter = { cut: (t: string) => [...t].map((w, i) => ({ word: w, offset: i })), isWord: () => true };
    const io = memIo(dir);
    assert.strictEqual(await run(['a.txt'], io, { rules: [rule], loadSegmenter: () => ({ segmenter, loadMs: 1 }) }), 0);
    assert.deepStrictEqual(seen, ['甲|乙']);
    assert.strictEqual(io.err, '');
  });

  it('--stdin with a directory-free name reads from io.readStdin', async () => {
    const io = memIo(os.tmpdir(), '甲,乙\n');
    assert.strictEqual(await run(['--stdin', '--format', 'json'], io, { rules: [commaRule] }), 0);
    const out = JSON.parse(io.out);
    assert.deepStrictEqual(out.files[0].diagnostics.map((d: { line: number; column: number; fix: unknown }) => [d.line, d.column, d.fix]), [[1, 2, { offset: 1, length: 1, text: '，' }]]);
  });
});

describe('cli: --list-rules, --print-config, - for stdin, notice de-duplication', () => {
  it('--list-rules --format json lists every rule with its metadata', async () => {
    const io = memIo(os.tmpdir());
    assert.strictEqual(await run(['--list-rules', '--format', 'json'], io, { rules: [commaRule, segRule] }), 0);
    assert.deepStrictEqual(JSON.parse(io.out), [
      { id: 'punctuation/test-comma', category: 'punctuation', defaultSeverity: 'warning', defaultOff: false, fixable: true, needsSegmenter: false, description: '测试' },
      { id: 'wording/test-seg', category: 'wording', defaultSeverity: 'error', defaultOff: false, fixable: false, needsSegmenter: true, description: '测试' },
    ]);
    const table = memIo(os.tmpdir());
    await run(['--list-rules'], table, { rules: [commaRule, segRule] });
    assert.strictEqual(table.out, 'punctuation/test-comma  警告  可修复  测试\nwording/test-seg        错误          测试\n共 2 条规则\n');
  });

  it('--print-config shows the config found for a file, with --rule overrides', async () => {
    const dir = tmpDir('draft-lint-run-');
    fs.mkdirSync(path.join(dir, 'sub/deeper'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sub/.draftlintrc.json'), '{"docType": "proposal", "ignore": ["x/**"]}');
    const io = memIo(dir);
    assert.strictEqual(await run(['--print-config', 'sub/deeper/a.txt', '--rule', 'punctuation/test-comma:off'], io, { rules: [commaRule] }), 0);
    const cfg = JSON.parse(io.out);
    assert.deepStrictEqual(
      [cfg.configPath, cfg.docType, cfg.ignore, cfg.rules],
      [path.join(dir, 'sub/.draftlintrc.json'), 'proposal', ['x/**'], { 'punctuation/test-comma': { severity: 'off' } }],
    );
  });

  it('- alone reads standard input', async () => {
    const io = memIo(os.tmpdir(), '甲,乙\n');
    assert.strictEqual(await run(['-', '--format', 'json'], io, { rules: [commaRule] }), 0);
    assert.strictEqual(JSON.parse(io.out).files[0].path, '<stdin>');
  });

  it('dedupeNotices: one segmenter notice; a slow rule once with a file count', () => {
    const { dedupeNotices } = require('../../src/cli/main') as typeof import('../../src/cli/main');
    const seg = { kind: 'segmenter' as const, message: '分词器不可用', ruleIds: ['wording/a'] };
    const slow = (ms: number) => ({ kind: 'rule-slow' as const, message: `规则 figures/x 用时 ${ms} ms`, ruleIds: ['figures/x'] });
    assert.deepStrictEqual(
      dedupeNotices([seg, slow(2100), seg, slow(2500), slow(3000)]).map(n => n.message),
      ['分词器不可用', '规则 figures/x 用时 2100 ms（共 3 个文件）'],
    );
  });
});

describe('cli: colour', () => {
  const dir = tmpDir('draft-lint-run-');
  fs.writeFileSync(path.join(dir, 'a.txt'), '甲,乙\n');
  const cases: { name: string; args: string[]; tty: boolean; env: Record<string, string>; colour: boolean }[] = [
    { name: 'not a TTY → plain', args: [], tty: false, env: {}, colour: false },
    { name: 'a TTY → colour', args: [], tty: true, env: {}, colour: true },
    { name: 'a TTY with NO_COLOR → plain', args: [], tty: true, env: { NO_COLOR: '1' }, colour: false },
    { name: 'FORCE_COLOR → colour', args: [], tty: false, env: { FORCE_COLOR: '1' }, colour: true },
    { name: '--no-color wins', args: ['--no-color'], tty: true, env: { FORCE_COLOR: '1' }, colour: false },
    { name: '--color wins', args: ['--color'], tty: false, env: { NO_COLOR: '1' }, colour: true },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const io = memIo(dir);
      io.stdoutIsTTY = c.tty;
      io.env = c.env;
      await run([...c.args, 'a.txt'], io, { rules: [commaRule] });
      assert.strictEqual(io.out.includes('\x1b['), c.colour, io.out);
      assert.ok(io.out.includes('半角逗号'));
    });
  }
});

describe('cli: V8 tuning for short runs', () => {
  it('is told the total size before the first lint (files, or stdin), not for --figures', async () => {
    const dir = tmpDir('draft-lint-run-');
    fs.writeFileSync(path.join(dir, 'a.txt'), '甲,乙\n');
    fs.writeFileSync(path.join(dir, 'b.md'), '# 标题\n\n丙丁。\n');
    const sizes = (args: string[], stdin = '') => {
      const io = memIo(dir, stdin);
      const told: (number | boolean)[][] = [];
      io.beforeLint = (n, files, fix) => told.push([n, files, !!fix]);
      return run(args, io, { rules: [commaRule] }).then(() => told);
    };
    assert.deepStrictEqual(await sizes(['a.txt', 'b.md']), [[8 + 20, 2, false]]);
    assert.deepStrictEqual(await sizes(['a.txt']), [[8, 1, false]]);
    assert.deepStrictEqual(await sizes(['--stdin'], '甲,乙'), [[7, 1, false]]);
    assert.deepStrictEqual(await sizes(['--figures', 'a.txt']), []);
    assert.deepStrictEqual(await sizes(['--fix-dry-run', 'a.txt']), [[8, 1, true]]);
    assert.deepStrictEqual(await sizes(['--stdin', '--fix'], '甲,乙'), [[7, 1, true]]);
  });

  it('drops the paragraph memos for a plain lint, keeps them for --fix (they pay off only on a re-lint), DRAFT_LINT_MEMOS decides', () => {
    assert.strictEqual(keepParagraphMemos(false, {}), false);
    assert.strictEqual(keepParagraphMemos(true, {}), true);
    assert.strictEqual(keepParagraphMemos(false, { DRAFT_LINT_MEMOS: '1' }), true);
    assert.strictEqual(keepParagraphMemos(true, { DRAFT_LINT_MEMOS: '0' }), false);
  });

  it('keeps to the baseline compilers up to SMALL_INPUT_BYTES, unless DRAFT_LINT_V8_TUNE=0', () => {
    assert.strictEqual(shouldTuneV8(99 * 1024, {}), true);
    assert.strictEqual(shouldTuneV8(SMALL_INPUT_BYTES, {}), true);
    assert.strictEqual(shouldTuneV8(SMALL_INPUT_BYTES + 1, {}), false);
    assert.strictEqual(shouldTuneV8(1000, { DRAFT_LINT_V8_TUNE: '0' }), false);
  });

  it('sets --optimize-for-size only with DRAFT_LINT_V8_SIZE=1 (the fixed young generation keeps small runs small for less), never with DRAFT_LINT_V8_TUNE=0', () => {
    assert.strictEqual(shouldSaveHeap(99 * 1024, {}), false);
    assert.strictEqual(shouldSaveHeap(SMALL_INPUT_BYTES + 1, {}), false);
    assert.strictEqual(shouldSaveHeap(99 * 1024, { DRAFT_LINT_V8_SIZE: '1' }), true);
    assert.strictEqual(shouldSaveHeap(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_SIZE: '1' }), true);
    assert.strictEqual(shouldSaveHeap(1000, { DRAFT_LINT_V8_SIZE: '0' }), false);
    assert.strictEqual(shouldSaveHeap(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_SIZE: '1', DRAFT_LINT_V8_TUNE: '0' }), false);
  });

  it('limits the old generation\'s growth (--heap-growing-percent=15) above SMALL_INPUT_BYTES; DRAFT_LINT_V8_GROW sets it, 0 or DRAFT_LINT_V8_TUNE=0 leaves V8 alone', () => {
    assert.strictEqual(heapGrowingPercent(SMALL_INPUT_BYTES, {}), 0);
    assert.strictEqual(heapGrowingPercent(SMALL_INPUT_BYTES + 1, {}), 15);
    assert.strictEqual(heapGrowingPercent(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_GROW: '0' }), 0);
    assert.strictEqual(heapGrowingPercent(1000, { DRAFT_LINT_V8_GROW: '40' }), 40);
    assert.strictEqual(heapGrowingPercent(1000, { DRAFT_LINT_V8_GROW: 'lots' }), 0);
    assert.strictEqual(heapGrowingPercent(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_TUNE: '0' }), 0);
  });

  it('raises the interrupt budget (fewer TurboFan compiles) above SMALL_INPUT_BYTES; DRAFT_LINT_V8_BUDGET sets it, 0 or DRAFT_LINT_V8_TUNE=0 leaves V8 alone', () => {
    assert.strictEqual(interruptBudget(SMALL_INPUT_BYTES, {}), 0);
    assert.strictEqual(interruptBudget(SMALL_INPUT_BYTES + 1, {}), 528000);
    assert.strictEqual(interruptBudget(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_BUDGET: '0' }), 0);
    assert.strictEqual(interruptBudget(1000, { DRAFT_LINT_V8_BUDGET: '200000' }), 200000);
    assert.strictEqual(interruptBudget(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_BUDGET: 'lots' }), 528000);
    assert.strictEqual(interruptBudget(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_TUNE: '0' }), 0);
  });

  it('keeps the young generation at its starting size (--semi-space-growth-factor=1) up to SMALL_INPUT_BYTES and for one file above it or many on one thread, not for many files on the worker pool; DRAFT_LINT_V8_YOUNG=1 everywhere, =0 or DRAFT_LINT_V8_TUNE=0 nowhere', () => {
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES, {}), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES, {}, 5), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, {}), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_WORKERS: 'auto' }, 2, 2), false);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, {}, 1), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_WORKERS: 'auto' }, 600, 2), false);
    // Many files on one thread (no pool: the default since 第十二轮): fixed as for one file.
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, {}, 600, 2), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_WORKERS: 'auto' }, 600, 1), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_WORKERS: '0' }, 600, 2), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_YOUNG: '1' }, 600), true);
    assert.strictEqual(shouldFixYoungGeneration(1000, { DRAFT_LINT_V8_YOUNG: '1' }), true);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_YOUNG: '0' }), false);
    assert.strictEqual(shouldFixYoungGeneration(SMALL_INPUT_BYTES + 1, { DRAFT_LINT_V8_TUNE: '0' }), false);
    assert.strictEqual(shouldFixYoungGeneration(1000, { DRAFT_LINT_V8_YOUNG: '1', DRAFT_LINT_V8_TUNE: '0' }), false);
    assert.strictEqual(shouldFixYoungGeneration(1000, { DRAFT_LINT_V8_YOUNG: '0' }, 5), false);
  });
});
