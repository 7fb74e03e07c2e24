// Spawns the built CLI (node bin/draft-lint.js) on files written to a temporary folder.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as iconv from 'iconv-lite';
import Ajv from 'ajv';

const REPO = path.resolve(__dirname, '../../..');
const BIN = path.join(REPO, 'bin/draft-lint.js');
const SARIF_SCHEMA = path.join(REPO, 'test/fixtures/cli/sarif-schema-2.1.0.json');

/** Only the punctuation rules run in these tests, so they do not depend on the other categories' rules. */
const PUNCTUATION_ONLY = { rules: { 'formulation/*': 'off', 'structure/*': 'off', 'figures/*': 'off', 'wording/*': 'off', 'format/*': 'off', 'numbering/*': 'off' } };

const CLEAN = '各位委员：\n现在，我代表常委会报告工作。\n';
const EMPTY_PAIR = '各位委员：\n推动专门协商机构“”出特色。\n';
const HALF_WIDTH = '各位委员:\r\n现在,我代表常委会报告工作。\r\n';
const HALF_WIDTH_FIXED = '各位委员：\r\n现在，我代表常委会报告工作。\r\n';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

function cli(args: string[], cwd: string, input?: string | Buffer): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, input, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' }, timeout: 60000 });
  return { code: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), stdoutBytes: r.stdout };
}

const made: string[] = [];
after(() => made.forEach(d => fs.rmSync(d, { recursive: true, force: true })));

/** A fresh temporary folder with the given files (strings are written as UTF-8); removed after the tests. */
function tmpTree(files: Record<string, string | Buffer | object>, config: object | null = PUNCTUATION_ONLY): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-cli-'));
  made.push(dir);
  const all: Record<string, string | Buffer | object> = config ? { '.draftlintrc.json': config, ...files } : files;
  for (const [rel, content] of Object.entries(all)) {
    const f = path.join(dir, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content));
  }
  return dir;
}

function json(r: CliRun): { version: number; files: Record<string, unknown>[]; notices: unknown[] } {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
}

describe('cli (spawned): help, version, usage errors', function () {
  this.timeout(60000);
  const dir = tmpTree({ 'a.txt': CLEAN });

  it('--help prints Chinese and English usage, exit 0', () => {
    const r = cli(['--help'], dir);
    assert.strictEqual(r.code, 0);
    assert.ok(r.stdout.includes('用法 Usage:') && r.stdout.includes('--fix-dry-run') && r.stdout.includes('退出码 Exit codes'));
  });

  it('--version prints the package version, then the segmenter', () => {
    const r = cli(['--version'], dir);
    assert.strictEqual(r.code, 0);
    const lines = r.stdout.trim().split('\n');
    assert.strictEqual(lines[0], JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')).version);
    assert.match(lines[1], /^分词器 segmenter: (nodejieba|jieba-wasm)/);
  });

  const usage: { args: string[]; stderr: RegExp }[] = [
    { args: [], stderr: /请给出要检查的文件/ },
    { args: ['--bogus', 'a.txt'], stderr: /不认识的选项 --bogus/ },
    { args: ['--format', 'xml', 'a.txt'], stderr: /--format 的取值应为 stylish \| json \| sarif/ },
    { args: ['--type', 'speech', 'a.txt'], stderr: /--type 的取值应为/ },
    { args: ['--max-warnings', '-1', 'a.txt'], stderr: /--max-warnings 需要一个非负整数/ },
    { args: ['--rule', 'punctuation/empty-pair', 'a.txt'], stderr: /--rule 的格式应为 规则:级别/ },
    { args: ['--rule', 'punctuation/no-such-rule:off', 'a.txt'], stderr: /没有名为 punctuation\/no-such-rule 的规则/ },
    { args: ['--fix', '--fix-dry-run', 'a.txt'], stderr: /不能同时使用/ },
    { args: ['--config', 'nope.json', 'a.txt'], stderr: /找不到配置文件 .*nope\.json/ },
  ];
  for (const u of usage) {
    it(`exit 2: ${u.args.join(' ') || '(no arguments)'}`, () => {
      const r = cli(u.args, dir);
      assert.strictEqual(r.code, 2, r.stderr);
      assert.match(r.stderr, u.stderr);
    });
  }
});

describe('cli (spawned): output formats', function () {
  this.timeout(60000);
  const dir = tmpTree({ 'drafts/a.txt': EMPTY_PAIR, 'drafts/b.md': CLEAN, 'drafts/c.txt': HALF_WIDTH });

  it('--format json has the documented shape with exact positions', () => {
    const r = cli(['--format', 'json', 'drafts'], dir);
    assert.strictEqual(r.code, 1, r.stderr);
    const out = json(r);
    assert.strictEqual(out.version, 1);
    assert.deepStrictEqual(out.notices, []);
    assert.deepStrictEqual(
      out.files.map(f => f.path),
      ['drafts/a.txt', 'drafts/b.md', 'drafts/c.txt'],
    );
    const a = out.files[0];
    assert.ok(['report', 'proposal', 'plan', 'sqmy', 'other', 'unknown'].includes(a.docType as string));
    assert.strictEqual(a.encoding, 'UTF-8');
    assert.deepStrictEqual(a.diagnostics, [
      {
        ruleId: 'punctuation/empty-pair',
        category: 'punctuation',
        severity: 'error',
        message: '空引号“”：引号内的文字缺失，请补上被引用的字词',
        line: 2,
        column: 9,
        endLine: 2,
        endColumn: 11,
        offset: 14,
        length: 2,
      },
    ]);
    assert.deepStrictEqual([a.errorCount, a.warningCount, a.infoCount, a.fixableCount], [1, 0, 0, 0]);
    assert.deepStrictEqual(out.files[1].diagnostics, []);
    const c = out.files[2].diagnostics as { ruleId: string; line: number; column: number; fix?: { offset: number; length: number; text: string } }[];
    assert.deepStrictEqual(
      c.map(d => [d.ruleId, d.line, d.column, d.fix]),
      [
        ['punctuation/half-width', 1, 5, { offset: 4, length: 1, text: '：' }],
        ['punctuation/half-width', 2, 3, { offset: 9, length: 1, text: '，' }],
      ],
    );
  });

  it('offsets count UTF-16 code units of the decoded text after the BOM (UTF-8 BOM, UTF-16 BOM, GBK agree)', () => {
    const d = tmpTree({
      'bom8.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(EMPTY_PAIR)]),
      'bom16.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(EMPTY_PAIR, 'utf16le')]),
      'gbk.txt': iconv.encode(EMPTY_PAIR, 'gbk'),
    });
    const out = json(cli(['--format', 'json', '.'], d));
    assert.deepStrictEqual(
      out.files.map(f => [f.path, f.encoding, (f.diagnostics as { offset: number; line: number; column: number }[]).map(x => [x.offset, x.line, x.column])]),
      [
        ['bom16.txt', 'UTF-16LE (BOM)', [[14, 2, 9]]],
        ['bom8.txt', 'UTF-8 (BOM)', [[14, 2, 9]]],
        ['gbk.txt', 'GB18030', [[14, 2, 9]]],
      ],
    );
  });

  it('--format stylish groups by file: line:col severity message rule-id, and a summary line', () => {
    const r = cli(['drafts'], dir);
    assert.strictEqual(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.deepStrictEqual(lines.slice(0, 2), ['drafts/a.txt', '  2:9  错误  空引号“”：引号内的文字缺失，请补上被引用的字词  punctuation/empty-pair']);
    assert.ok(!r.stdout.includes('drafts/b.md'), 'a clean file is not listed');
    assert.ok(r.stdout.includes('✖ 3 个问题（1 个错误，2 个警告，0 个提示）'));
    assert.ok(r.stdout.includes('其中 2 个可用 --fix 自动修复'));
    assert.ok(!r.stdout.includes('\x1b['), 'no colour when not on a TTY');
  });

  it('--format sarif is valid SARIF 2.1.0 with rules metadata', () => {
    const r = cli(['--format', 'sarif', 'drafts'], dir);
    assert.strictEqual(r.code, 1);
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8'));
    // The official schema is draft-04 (`id`); ajv 8 reads it as draft-07 once `id` is `$id`.
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
    ajv.addFormat('uri-reference', /^\S*$/);
    ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT/);
    const validate = ajv.compile(schema);
    assert.ok(validate(JSON.parse(r.stdout)), JSON.stringify(validate.errors, null, 1));
    const run = log.runs[0];
    assert.strictEqual(log.version, '2.1.0');
    assert.strictEqual(run.tool.driver.name, 'draft-lint');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'punctuation/empty-pair');
    assert.ok(rule && rule.shortDescription.text && rule.defaultConfiguration.level === 'error');
    const res = run.results.find((x: { ruleId: string }) => x.ruleId === 'punctuation/empty-pair');
    assert.strictEqual(run.tool.driver.rules[res.ruleIndex].id, 'punctuation/empty-pair');
    assert.deepStrictEqual(res.locations[0].physicalLocation.region, { startLine: 2, startColumn: 9, endLine: 2, endColumn: 11, charOffset: 14, charLength: 2 });
    assert.strictEqual(res.locations[0].physicalLocation.artifactLocation.uri, 'drafts/a.txt');
    const prints = run.results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['draftLint/v1']);
    assert.strictEqual(new Set(prints).size, run.results.length, 'fingerprints are distinct');
    const fixable = run.results.find((x: { ruleId: string }) => x.ruleId === 'punctuation/half-width');
    assert.deepStrictEqual(fixable.fixes[0].artifactChanges[0].replacements[0], { deletedRegion: { charOffset: 4, charLength: 1 }, insertedContent: { text: '：' } });
  });

  it('--output-file writes the report to a file', () => {
    const r = cli(['--format', 'json', '-o', 'report.json', 'drafts/a.txt'], dir);
    assert.strictEqual(r.code, 1);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(JSON.parse(fs.readFileSync(path.join(dir, 'report.json'), 'utf8')).files[0].path, 'drafts/a.txt');
  });

  it('--figures --format json prints each file\'s ledger', () => {
    const r = cli(['--figures', '--format', 'json', 'drafts/a.txt'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.strictEqual(out.version, 1);
    assert.strictEqual(out.files[0].path, 'drafts/a.txt');
    assert.ok(Array.isArray(out.files[0].figures));
  });
});

describe('cli (spawned): exit codes and severity options', function () {
  this.timeout(60000);
  const dir = tmpTree({ 'clean.txt': CLEAN, 'error.txt': EMPTY_PAIR, 'warn.txt': HALF_WIDTH });
  const cases: { name: string; args: string[]; code: number; has?: string[]; lacks?: string[] }[] = [
    { name: 'clean file → 0', args: ['clean.txt'], code: 0, has: ['✔ 没有发现问题（检查了 1 个文件）'] },
    { name: 'an error → 1', args: ['error.txt'], code: 1 },
    { name: 'warnings only → 0', args: ['warn.txt'], code: 0, has: ['punctuation/half-width'] },
    { name: 'warnings within --max-warnings → 0', args: ['--max-warnings', '2', 'warn.txt'], code: 0 },
    { name: 'warnings above --max-warnings → 1', args: ['--max-warnings', '1', 'warn.txt'], code: 1 },
    { name: '--quiet hides warnings', args: ['--quiet', 'warn.txt', 'error.txt'], code: 1, has: ['punctuation/empty-pair'], lacks: ['punctuation/half-width'] },
    { name: '--quiet warnings do not count for --max-warnings', args: ['--quiet', '--max-warnings', '0', 'warn.txt'], code: 0 },
    { name: '--rule RULE:off', args: ['--rule', 'punctuation/empty-pair:off', 'error.txt'], code: 0, lacks: ['empty-pair'] },
    { name: '--rule RULE:warning downgrades', args: ['--rule', 'punctuation/empty-pair:warning', 'error.txt'], code: 0, has: ['警告  空引号'] },
    { name: '--rule category/*:error upgrades, repeatable', args: ['--rule', 'punctuation/*:error', '--rule', 'punctuation/empty-pair:off', 'warn.txt', 'error.txt'], code: 1, has: ['错误  [可修复] 中文中使用了半角标点'], lacks: ['empty-pair'] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = cli(c.args, dir);
      assert.strictEqual(r.code, c.code, r.stdout + r.stderr);
      for (const h of c.has ?? []) assert.ok(r.stdout.includes(h), `should contain ${h}:\n${r.stdout}`);
      for (const l of c.lacks ?? []) assert.ok(!r.stdout.includes(l), `should not contain ${l}:\n${r.stdout}`);
    });
  }
});

describe('cli (spawned): --stdin', function () {
  this.timeout(60000);
  const dir = tmpTree({ 'sub/.keep': '' });

  it('lints standard input, named by --stdin-filename', () => {
    const r = cli(['--stdin', '--stdin-filename', 'sub/draft.txt', '--format', 'json'], dir, EMPTY_PAIR);
    assert.strictEqual(r.code, 1);
    const out = json(r);
    assert.strictEqual(out.files[0].path, 'sub/draft.txt');
    assert.deepStrictEqual((out.files[0].diagnostics as { ruleId: string; line: number; column: number }[]).map(d => [d.ruleId, d.line, d.column]), [['punctuation/empty-pair', 2, 9]]);
  });

  it('without a name it is <stdin>, and GBK input is decoded', () => {
    const r = cli(['--stdin', '--format', 'json'], dir, iconv.encode(EMPTY_PAIR, 'gbk'));
    const out = json(r);
    assert.deepStrictEqual([out.files[0].path, out.files[0].encoding], ['<stdin>', 'GB18030']);
    assert.strictEqual((out.files[0].diagnostics as unknown[]).length, 1);
  });

  it('--stdin --fix prints the fixed text (same encoding) to stdout', () => {
    const r = cli(['--stdin', '--fix'], dir, iconv.encode(HALF_WIDTH, 'gbk'));
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(r.stdoutBytes, iconv.encode(HALF_WIDTH_FIXED, 'gbk'));
  });

  it('the config is found from the --stdin-filename folder', () => {
    const d = tmpTree({ 'x/.draftlintrc.json': { ...PUNCTUATION_ONLY, rules: { ...PUNCTUATION_ONLY.rules, 'punctuation/empty-pair': 'off' } } });
    assert.strictEqual(cli(['--stdin', '--stdin-filename', 'x/a.txt'], d, EMPTY_PAIR).code, 0);
    assert.strictEqual(cli(['--stdin', '--stdin-filename', 'a.txt'], d, EMPTY_PAIR).code, 1);
  });
});

describe('cli (spawned): --fix and --fix-dry-run', function () {
  this.timeout(60000);

  const encodings: { name: string; bytes: (t: string) => Buffer }[] = [
    { name: 'GBK with CRLF', bytes: t => iconv.encode(t, 'gbk') },
    { name: 'UTF-8 without BOM', bytes: t => Buffer.from(t, 'utf8') },
    { name: 'UTF-8 with BOM', bytes: t => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]) },
    { name: 'UTF-16 LE with BOM', bytes: t => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]) },
  ];
  for (const e of encodings) {
    it(`--fix writes back ${e.name}, changing only the fixed bytes`, () => {
      const original = HALF_WIDTH + '推动专门协商机构“”出特色。\r\n';
      const dir = tmpTree({ 'draft.txt': e.bytes(original) });
      const r = cli(['--fix', 'draft.txt'], dir);
      assert.strictEqual(r.code, 1, r.stdout + r.stderr); // the empty pair cannot be fixed
      assert.ok(r.stdout.includes('✔ 已修复 2 处（1 个文件）'), r.stdout);
      assert.ok(r.stdout.includes('3:9  错误'), 'remaining problems are reported at their positions in the fixed text');
      assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'draft.txt')), e.bytes(HALF_WIDTH_FIXED + '推动专门协商机构“”出特色。\r\n'));
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['.draftlintrc.json', 'draft.txt'], 'no temporary file is left behind');
      // Fixing again changes nothing.
      const again = cli(['--fix', 'draft.txt'], dir);
      assert.ok(again.stdout.includes('没有可自动修复的问题'), again.stdout);
    });
  }

  it('--fix keeps the file mode', function () {
    if (process.platform === 'win32') this.skip();
    const dir = tmpTree({ 'draft.txt': HALF_WIDTH });
    fs.chmodSync(path.join(dir, 'draft.txt'), 0o640);
    cli(['--fix', 'draft.txt'], dir);
    assert.strictEqual(fs.statSync(path.join(dir, 'draft.txt')).mode & 0o777, 0o640);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8'), HALF_WIDTH_FIXED);
  });

  it('--fix-dry-run prints a diff and leaves the file untouched', () => {
    const bytes = iconv.encode(HALF_WIDTH, 'gbk');
    const dir = tmpTree({ 'draft.txt': bytes });
    const r = cli(['--fix-dry-run', 'draft.txt'], dir);
    assert.strictEqual(r.code, 0, r.stderr);
    assert.ok(
      r.stdout.startsWith(['--- a/draft.txt', '+++ b/draft.txt', '@@ -1,2 +1,2 @@', '-各位委员:', '-现在,我代表常委会报告工作。', '+各位委员：', '+现在，我代表常委会报告工作。'].join('\n')),
      r.stdout,
    );
    assert.ok(r.stdout.includes('--fix-dry-run：将修复 2 处（1 个文件），未写入文件'));
    assert.deepStrictEqual(fs.readFileSync(path.join(dir, 'draft.txt')), bytes);
  });

  it('--fix-dry-run --format json gives the fixed text as output', () => {
    const dir = tmpTree({ 'draft.txt': HALF_WIDTH });
    const out = json(cli(['--fix-dry-run', '--format', 'json', 'draft.txt'], dir));
    assert.deepStrictEqual([out.files[0].output, out.files[0].fixed], [HALF_WIDTH_FIXED, 2]);
    // The findings are those of the text as it is (a dry run changes nothing), each with the fix it would apply.
    assert.deepStrictEqual((out.files[0].diagnostics as { line: number; column: number; ruleId: string; fix?: unknown }[]).map((d: { line: number; column: number; ruleId: string; fix?: unknown }) => [d.line, d.column, d.ruleId, !!d.fix]), [[1, 5, 'punctuation/half-width', true], [2, 3, 'punctuation/half-width', true]]);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8'), HALF_WIDTH);
  });

  it('--quiet --fix applies only the fixes of errors', () => {
    const dir = tmpTree({ 'draft.txt': HALF_WIDTH });
    cli(['--quiet', '--fix', 'draft.txt'], dir);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8'), HALF_WIDTH);
  });
});

describe('cli (spawned): config, ignore, unreadable files', function () {
  this.timeout(60000);

  it('a broken config exits 2, naming the file and the JSON path', () => {
    const dir = tmpTree({ 'a.txt': CLEAN, '.draftlintrc.json': '{"rules": {"punctuation/empty-pair": "fatal"}}' }, null);
    const r = cli(['a.txt'], dir);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, '');
    assert.ok(r.stderr.includes(path.join(dir, '.draftlintrc.json')) && r.stderr.includes('$.rules["punctuation/empty-pair"]'), r.stderr);
  });

  it('a config that is not JSON exits 2 with the line and column', () => {
    const dir = tmpTree({ 'a.txt': CLEAN, '.draftlintrc.json': '{\n  "rules": {,}\n}' }, null);
    const r = cli(['a.txt'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.stderr, /不是有效的 JSON（第 2 行第 13 列）/);
  });

  it('a pack that fails to load exits 2, naming the pack', () => {
    const dir = tmpTree({ 'a.txt': CLEAN }, { ...PUNCTUATION_ONLY, packs: ['office-pack.json'] });
    const r = cli(['a.txt'], dir);
    assert.strictEqual(r.code, 2);
    assert.ok(r.stderr.includes('找不到规则包') && r.stderr.includes('office-pack.json'), r.stderr);
  });

  it('config discovery walks up from each file; --config overrides it', () => {
    const off = { rules: { ...PUNCTUATION_ONLY.rules, 'punctuation/empty-pair': 'off' } };
    const dir = tmpTree({ 'quiet/deep/er/a.txt': EMPTY_PAIR, 'quiet/.draftlintrc.json': off, 'loud/a.txt': EMPTY_PAIR, 'alt.json': off });
    const r = json(cli(['--format', 'json', '.'], dir));
    assert.deepStrictEqual(
      r.files.map(f => [f.path, (f.diagnostics as unknown[]).length]),
      [
        ['loud/a.txt', 1],
        ['quiet/deep/er/a.txt', 0],
      ],
    );
    assert.strictEqual(cli(['--config', 'alt.json', 'loud/a.txt'], dir).code, 0);
  });

  it('ignore globs (relative to the config) skip files found in folders; a named ignored file is reported as skipped', () => {
    const dir = tmpTree({ 'a.txt': EMPTY_PAIR, 'old/b.txt': EMPTY_PAIR, 'notes/x.draft.txt': EMPTY_PAIR, 'node_modules/c.txt': EMPTY_PAIR }, { ...PUNCTUATION_ONLY, ignore: ['old/', '*.draft.txt'] });
    const r = json(cli(['--format', 'json', '.'], dir));
    assert.deepStrictEqual(r.files.map(f => f.path), ['a.txt']);
    const named = json(cli(['--format', 'json', 'old/b.txt'], dir));
    assert.strictEqual(named.files[0].diagnostics instanceof Array && (named.files[0].diagnostics as unknown[]).length, 0);
    assert.match(named.files[0].skipped as string, /ignore/);
    const all = json(cli(['--format', 'json', '--no-ignore', '.'], dir));
    assert.deepStrictEqual(all.files.map(f => f.path), ['a.txt', 'notes/x.draft.txt', 'old/b.txt']);
  });

  it('globs pick the matching files', () => {
    const dir = tmpTree({ 'd/a.txt': EMPTY_PAIR, 'd/b.md': EMPTY_PAIR, 'd/e/c.txt': EMPTY_PAIR });
    assert.deepStrictEqual(json(cli(['--format', 'json', 'd/**/*.txt'], dir)).files.map(f => f.path), ['d/a.txt', 'd/e/c.txt']);
    assert.deepStrictEqual(json(cli(['--format', 'json', 'd/*.md'], dir)).files.map(f => f.path), ['d/b.md']);
  });

  it('a binary file appears with an error field; the others are still linted; exit 2', () => {
    const dir = tmpTree({ 'a.txt': EMPTY_PAIR, 'b.txt': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]) });
    const r = cli(['--format', 'json', '.'], dir);
    assert.strictEqual(r.code, 2);
    const out = json(r);
    assert.deepStrictEqual(Object.keys(out.files[1]), ['path', 'error']);
    assert.match(out.files[1].error as string, /^b\.txt 不是文本文件（看起来是ZIP 压缩包或 Word（\.docx）\/WPS 文档）/);
    assert.strictEqual((out.files[0].diagnostics as unknown[]).length, 1);
    const stylish = cli(['b.txt'], dir);
    assert.strictEqual(stylish.code, 2);
    assert.ok(stylish.stdout.includes('✖ 1 个文件无法读取'));
  });

  it('files above maxFileSize are skipped with a message', () => {
    const dir = tmpTree({ 'big.txt': EMPTY_PAIR }, { ...PUNCTUATION_ONLY, maxFileSize: 10 });
    const r = cli(['big.txt'], dir);
    assert.strictEqual(r.code, 0);
    assert.match(r.stdout, /跳过 {2}文件大小 \d+ 字节，超过 maxFileSize（10 字节），已跳过/);
  });

  it('a misspelt rule id in a config is an error (exit 2) with "did you mean"', () => {
    const dir = tmpTree({ 'a.txt': CLEAN }, { rules: { ...PUNCTUATION_ONLY.rules, 'punctuation/empty-pari': 'off' } });
    const r = cli(['a.txt'], dir);
    assert.strictEqual(r.code, 2);
    assert.strictEqual(r.stdout, '');
    assert.match(r.stderr, /^draft-lint: 配置文件 .*\.draftlintrc\.json 无效：\$\.rules\["punctuation\/empty-pari"\] 没有名为 punctuation\/empty-pari 的规则（是否指 punctuation\/empty-pair？）\n$/);
  });
});
