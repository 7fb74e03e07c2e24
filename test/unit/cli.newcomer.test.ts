// What a newcomer trips over, run in-process: paths that could not be linted are listed in every format, empty
// files are named, --fix-dry-run reports what a lint reports, Chinese severity words and ledger columns.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli, tmpDir } from '../helpers/cliInProcess';
import { compactPair, formatDiff } from '../../src/cli/diff';
import { displaySubject } from '../../src/core/ledger';

const HALF = '各位委员:\n现在,我代表常委会报告工作。\n';
function tree(files: Record<string, string>): string {
  const dir = tmpDir('draft-lint-newcomer-');
  fs.writeFileSync(path.join(dir, '.draftlintrc.json'), JSON.stringify({ rules: { 'formulation/*': 'off', 'structure/*': 'off', 'wording/*': 'off', 'figures/*': 'off', 'consistency/*': 'off', 'numbering/*': 'off' } }));
  for (const [f, t] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), t);
  }
  return dir;
}

describe('cli: a path that could not be linted is reported in every format (exit 2)', function () {
  this.timeout(60000);
  const dir = tree({ 'a.txt': '推动工作落实。\n' });
  for (const [name, args, message] of [
    ['a missing file', ['a.txt', 'missing.txt'], '找不到文件或目录：missing.txt'],
    ['an unmatched glob', ['a.txt', 'nothing/**/*.txt'], '没有与 nothing/**/*.txt 匹配的文件'],
  ] as const) {
    it(`${name}: stylish names it and never says “没有发现问题”`, async () => {
      const r = await cli([...args], dir);
      assert.strictEqual(r.code, 2);
      assert.ok(r.out.includes(`错误  ${message}`), r.out);
      assert.ok(!r.out.includes('没有发现问题'), r.out);
      assert.ok(r.out.includes('✖ 1 个文件无法读取或找不到，未检查'), r.out);
    });
    it(`${name}: JSON lists it with an error`, async () => {
      const r = await cli(['--format', 'json', ...args], dir);
      assert.strictEqual(r.code, 2);
      const files = JSON.parse(r.out).files as { path: string; error?: string }[];
      assert.deepStrictEqual(files.map(f => [f.path, f.error]), [['a.txt', undefined], [args[1], message]]);
    });
    it(`${name}: SARIF says the run did not succeed, with a notification`, async () => {
      const r = await cli(['--format', 'sarif', ...args], dir);
      assert.strictEqual(r.code, 2);
      const inv = JSON.parse(r.out).runs[0].invocations[0];
      assert.strictEqual(inv.executionSuccessful, false);
      assert.deepStrictEqual(inv.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => [n.level, n.message.text]), [['error', message]]);
    });
    it(`${name}: --figures lists it too`, async () => {
      const r = await cli(['--figures', '--format', 'json', ...args], dir);
      assert.strictEqual(r.code, 2);
      assert.deepStrictEqual(JSON.parse(r.out).files[1], { path: args[1], error: message });
    });
  }
});

describe('cli: an empty or blank file is named, not passed silently', () => {
  const dir = tree({ 'empty.txt': '', 'blank.md': ' \n\u3000\n\t\n', 'ok.txt': '推动工作落实。\n' });
  it('stylish', async () => {
    const r = await cli(['empty.txt', 'blank.md', 'ok.txt'], dir);
    assert.strictEqual(r.code, 0);
    assert.ok(r.out.includes('empty.txt\n  跳过  文件是空的，没有文字，未检查'), r.out);
    assert.ok(r.out.includes('blank.md\n  跳过  文件只有空白，没有文字，未检查'), r.out);
    assert.ok(r.out.includes('✔ 没有发现问题（检查了 1 个文件）'), r.out);
  });
  it('JSON', async () => {
    const r = await cli(['--format', 'json', 'empty.txt'], dir);
    assert.strictEqual(JSON.parse(r.out).files[0].skipped, '文件是空的，没有文字，未检查');
  });
});

describe('cli: --fix-dry-run reports what a lint reports, and shows the change compactly', () => {
  it('lists the findings of the text as it is, and exits as a lint would', async () => {
    const dir = tree({ 'draft.txt': HALF, 'pair.txt': '推动“”落实。\n' });
    const lint = await cli(['draft.txt', 'pair.txt'], dir);
    const dry = await cli(['--fix-dry-run', 'draft.txt', 'pair.txt'], dir);
    assert.strictEqual(dry.code, lint.code);
    assert.strictEqual(dry.code, 1);
    const findings = (s: string) => s.split('\n').filter(l => /^\s+\d+:\d+\s/.test(l));
    assert.deepStrictEqual(findings(dry.out), findings(lint.out));
    assert.strictEqual(findings(dry.out).length, 3);
    assert.ok(dry.out.includes('--fix-dry-run：将修复 2 处（1 个文件），未写入文件'), dry.out);
    assert.ok(!dry.out.includes('没有发现问题'), dry.out);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'draft.txt'), 'utf8'), HALF);
  });
  it('a long line shows only the changed parts with context', () => {
    const body = '围绕中心工作开展专题协商'.repeat(10);
    const a = '各位委员,' + body + ',完善协商机制。';
    const b = '各位委员，' + body + '，完善协商机制。';
    const plain = { red: (s: string) => s, green: (s: string) => s, cyan: (s: string) => s };
    assert.strictEqual(
      formatDiff('f.txt', a + '\n', b + '\n', plain),
      '--- a/f.txt\n+++ b/f.txt\n@@ -1,1 +1,1 @@\n-各位委员,围绕中心工作开展专题协商…围绕中心工作开展专题协商,完善协商机制。\n+各位委员，围绕中心工作开展专题协商…围绕中心工作开展专题协商，完善协商机制。\n',
    );
    assert.deepStrictEqual(compactPair('x'.repeat(50) + '。。' + 'y'.repeat(50), 'x'.repeat(50) + '。' + 'y'.repeat(50)), ['…xxxxxxxxxxx。。yyyyyyyyyyyy…', '…xxxxxxxxxxx。yyyyyyyyyyyy…']);
    assert.deepStrictEqual(compactPair('短行,', '短行，'), ['短行,', '短行，']);
  });
});

describe('cli: Chinese words for a Chinese writer', () => {
  it('stylish severity words are 错误/警告/提示', async () => {
    const dir = tree({ 'draft.txt': HALF, 'pair.txt': '推动“”落实。\n' });
    const r = await cli(['draft.txt', 'pair.txt'], dir);
    assert.ok(/\n  1:5  警告  \[可修复\] /.test(r.out), r.out);
    assert.ok(/\n  1:3  错误  /.test(r.out), r.out);
    assert.ok(!/\b(error|warning|info)\b/.test(r.out.replace(/[a-z-]+\/[a-z-]+/g, '')), r.out);
  });
  it('the ledger table names each kind in Chinese and shows a subject only when it is a noun phrase', async () => {
    const dir = tree({ 'l.txt': '全市参保人数达120万人，其中新增80万人。从2019年至2021年，收入+5%。\n' });
    const r = await cli(['--figures', 'l.txt'], dir);
    assert.ok(r.out.includes('类型'), r.out);
    assert.ok(/达120万人\s+1200000\s+人\s+计数\s+全市参保人数/.test(r.out), r.out);
    assert.ok(/2021年\s+2021\s+年\s+年份\s+2021\s*\n/.test(r.out), r.out);
    assert.ok(/5%\s+5\s+%\s+百分比\s+2021\s+收入\n/.test(r.out), r.out);
    assert.ok(!/\b(count|percent|year)\b/.test(r.out), r.out);
  });
  it('displaySubject keeps noun phrases and drops symbols and lone function words', () => {
    assert.deepStrictEqual(['收入+', '至', '+', '全市参保人数', '年', '立案交办提案', '（提案'].map(displaySubject), ['收入', '', '', '全市参保人数', '', '立案交办提案', '提案']);
  });
  it('a rate message quotes the figures without their lead words', async () => {
    const dir = tmpDir('draft-lint-newcomer-');
    fs.writeFileSync(path.join(dir, 'r.txt'), '全市参保人数达120万人，其中新增80万人，占比50%。\n');
    const r = await cli(['--format', 'json', 'r.txt'], dir);
    const msgs = JSON.parse(r.out).files[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'figures/rate').map((d: { message: string }) => d.message);
    assert.deepStrictEqual(msgs, ['占比50%与所给数字不符：80万人÷120万人≈66.7%，请核对']);
  });
});

describe('npm ci links the command for npx (no self-link dependency)', () => {
  it('package.json has no self-link, and prepare links node_modules/.bin/draft-lint to bin/draft-lint.js', function () {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
    assert.strictEqual(pkg.devDependencies['draft-lint'], undefined);
    assert.strictEqual(pkg.scripts.prepare, 'node scripts/prepare.js');
    if (process.platform === 'win32') this.skip();
    const root = tmpDir('draft-lint-link-');
    fs.mkdirSync(path.join(root, 'node_modules'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { linkBin } = require('../../scripts/link-bin') as typeof import('../../scripts/link-bin');
    const link = linkBin(root)!;
    assert.strictEqual(fs.readlinkSync(link), path.join('..', '..', 'bin', 'draft-lint.js'));
    assert.strictEqual(linkBin(root), link, 'running it again keeps the link');
    assert.strictEqual(linkBin(path.join(root, 'none')), undefined, 'no node_modules: nothing to link');
  });
});

describe('prepare builds only when the build is stale (npx re-runs it on its first call)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isBuildCurrent } = require('../../../scripts/prepare.js') as { isBuildCurrent(root: string): boolean };
  it('no bundle → stale; bundle newer than every source → current; a source edited later → stale', () => {
    const root = tmpDir('draft-lint-prepare-');
    fs.mkdirSync(path.join(root, 'src/core'), { recursive: true });
    fs.writeFileSync(path.join(root, 'src/core/a.ts'), 'x');
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    assert.strictEqual(isBuildCurrent(root), false);
    fs.mkdirSync(path.join(root, 'out/src/cli'), { recursive: true });
    const bundle = path.join(root, 'out/src/cli/main.bundle.js');
    fs.writeFileSync(bundle, '');
    const t = Date.now() / 1000;
    fs.utimesSync(path.join(root, 'src/core/a.ts'), t - 100, t - 100);
    fs.utimesSync(path.join(root, 'package.json'), t - 100, t - 100);
    fs.utimesSync(bundle, t - 50, t - 50);
    // The extension bundle (dist/extension.js) is part of the build too.
    assert.strictEqual(isBuildCurrent(root), false);
    fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
    const ext = path.join(root, 'dist/extension.js');
    fs.writeFileSync(ext, '');
    fs.utimesSync(ext, t - 50, t - 50);
    assert.strictEqual(isBuildCurrent(root), true);
    fs.utimesSync(path.join(root, 'src/core/a.ts'), t, t);
    assert.strictEqual(isBuildCurrent(root), false);
  });
});
