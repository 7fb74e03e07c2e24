// The fallback segmenter (jieba-wasm, src/segmenter/wasm.ts): loads when forced or when nodejieba cannot load, says
// which engine runs and why, cuts exactly like nodejieba with our dictionaries, and gives the same findings.
// (The texts avoid the packs' userWords: other tests may have added them to the nodejieba segmenter only.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { lint } from '../../src/lint';
import { doubledWord } from '../../src/rules/wording/doubled-word';
import { defaultConfig } from '../../src/core/types';
import { describeSegmenter, engineFromEnv, loadSegmenter, probeSegmenter } from '../../src/segmenter';

const ROOT = path.join(__dirname, '../../..');

/** Sentences with their tokens as nodejieba cuts them (compact dictionary + 政协 user dictionary). */
const CASES: [string, string[]][] = [
  [
    '全国政协十三届三次会议于2020年5月21日在北京开幕，委员们围绕脱贫攻坚建言资政。',
    ['全国政协', '十三届', '三次', '会议', '于', '2020', '年', '5', '月', '21', '日', '在', '北京', '开幕', '，', '委员', '们', '围绕', '脱贫', '攻坚', '建言资政', '。'],
  ],
  ['嘉陵江流域生态文明建设建设和绿色发展', ['嘉陵江', '流域', '生态', '文明', '建设', '建设', '和', '绿色', '发展']],
  // Words of jieba's stock dictionary that the compact one lacks (纵横捭阖, B超, X射线) must not be words here.
  ['纵横捭阖，B超和X射线检查', ['纵横', '捭阖', '，', 'B', '超', '和', 'X', '射线', '检查']],
  // Two routes with the same score: cppjieba takes the shorter first word. (With more text after the tie, the two
  // sums are formed in another order and glibc's log and V8's Math.log may round a weight one unit apart, so the tie
  // can go either way: since 习近平 joined the dictionary, 咚咚咚的敲门声 is cut 咚咚|咚 by nodejieba and 咚|咚咚 here.
  // No such run differs on seeds, real/ and a month of People's Daily: scripts/compare-segmenters.ts.)
  ['咚咚咚', ['咚', '咚咚']],
  // 吉林 is in jieba-rs's dictionary, not in cppjieba's nor ours: the HMM joins 吉林段.
  ['提升基层党组织组织力，推进G331吉林段全线贯通', ['提升', '基层', '党组织', '组织力', '，', '推进', 'G331', '吉林段', '全线', '贯通']],
];

describe('segmenter fallback (jieba-wasm)', function () {
  this.timeout(60000);

  const wasm = loadSegmenter({ engine: 'jieba-wasm' });
  const native = loadSegmenter({ engine: 'nodejieba' });

  it('loads when forced and says so', () => {
    assert.ok(wasm.segmenter, wasm.error);
    assert.strictEqual(wasm.engine, 'jieba-wasm');
    assert.match(wasm.fallbackReason ?? '', /DRAFT_LINT_SEGMENTER=wasm/);
    assert.strictEqual(native.engine, 'nodejieba');
    assert.strictEqual(native.fallbackReason, undefined);
    assert.strictEqual(engineFromEnv({ DRAFT_LINT_SEGMENTER: 'wasm' }), 'jieba-wasm');
    assert.strictEqual(engineFromEnv({ DRAFT_LINT_SEGMENTER: 'nodejieba' }), 'nodejieba');
    assert.strictEqual(engineFromEnv({}), undefined);
    assert.deepStrictEqual(probeSegmenter({ DRAFT_LINT_SEGMENTER: 'wasm' }), { engine: 'jieba-wasm', reason: 'DRAFT_LINT_SEGMENTER=wasm' });
    assert.strictEqual(describeSegmenter({}), '分词器 segmenter: nodejieba');
  });

  for (const [text, tokens] of CASES) {
    it(`cuts like nodejieba: ${text.slice(0, 20)}`, () => {
      const w = wasm.segmenter!.cut(text);
      assert.deepStrictEqual(
        w.map(t => t.word),
        tokens,
      );
      assert.deepStrictEqual(w, native.segmenter!.cut(text), 'same tokens and offsets as nodejieba');
    });
  }

  it('knows the same words (isWord) and takes added words', () => {
    for (const word of ['政协委员', '建言资政', '嘉陵江', '纵横', '纵横捭阖', 'B超', '吉林'])
      assert.strictEqual(wasm.segmenter!.isWord(word), native.segmenter!.isWord(word), word);
    assert.strictEqual(wasm.segmenter!.isWord('纵横捭阖'), false);
    const w = wasm.segmenter as unknown as { addWords(l: string[]): void };
    assert.deepStrictEqual(
      wasm.segmenter!.cut('推进渝西水资源配置工程').map(t => t.word),
      ['推进', '渝', '西', '水资源', '配置', '工程'],
    );
    w.addWords(['渝西水资源配置工程']);
    assert.strictEqual(wasm.segmenter!.isWord('渝西水资源配置工程'), true);
    assert.deepStrictEqual(
      wasm.segmenter!.cut('推进渝西水资源配置工程').map(t => t.word),
      ['推进', '渝西水资源配置工程'],
    );
  });

  it('a user word replaces a dictionary entry of the same word, also where routes tie (常委会会议 in 常委会会议室)', () => {
    const text = '原本在省政协机关召开的提案办理协商会议被搬进了省委常委会会议室';
    assert.deepStrictEqual(
      wasm.segmenter!.cut(text).map(t => t.word),
      ['原本', '在', '省政协', '机关', '召开', '的', '提案办理协商', '会议', '被', '搬进', '了', '省委', '常委会', '会议室'],
    );
    assert.deepStrictEqual(wasm.segmenter!.cut(text), native.segmenter!.cut(text));
  });

  it('wording/doubled-word gives the same findings with either segmenter', () => {
    const text = '嘉陵江流域生态文明建设建设和绿色发展。\n';
    const config = defaultConfig();
    const run = (segmenter = native.segmenter) => lint(text, { rules: [doubledWord], config, segmenter }).diagnostics.map(d => [d.ruleId, d.line, d.column, d.message]);
    const a = run(native.segmenter);
    const b = run(wasm.segmenter);
    assert.deepStrictEqual(
      a.map(d => d.slice(0, 3)),
      [['wording/doubled-word', 1, 10]],
    );
    assert.deepStrictEqual(b, a);
  });

  it('every rule gives the same findings with either segmenter on a 32 KB report (the typo lexicon too)', () => {
    const text = fs.readFileSync(path.join(ROOT, 'test/fixtures/integration/workspace/large.txt'), 'utf8');
    const run = (segmenter = native.segmenter) => lint(text, { segmenter }).diagnostics.map(d => `${d.ruleId}@${d.line}:${d.column} ${d.message}`);
    assert.ok(wasm.segmenter!.lexicon?.(), 'jieba-wasm has the typo lexicon');
    const a = run(native.segmenter);
    assert.ok(a.length >= 10, a.join('\n'));
    assert.deepStrictEqual(run(wasm.segmenter), a);
  });

  it('falls back to jieba-wasm when nodejieba cannot load, and says why', () => {
    // A child process where loading any native module fails (as a Linux binary does on Windows).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seg-fallback-'));
    const pre = path.join(dir, 'no-native.js');
    fs.writeFileSync(pre, "require('module')._extensions['.node'] = () => { throw new Error('simulated: not a valid Win32 application'); };\n");
    const script = `const s = require(${JSON.stringify(path.join(ROOT, 'out/src/segmenter'))});
const r = s.loadSegmenter();
console.log(JSON.stringify({ engine: r.engine, reason: r.fallbackReason, error: r.error, words: r.segmenter && r.segmenter.cut('嘉陵江流域生态文明建设建设').map(t => t.word), line: s.describeSegmenter() }));`;
    const p = spawnSync(process.execPath, ['-r', pre, '-e', script], { encoding: 'utf8', env: { ...process.env, DRAFT_LINT_SEGMENTER: '' } });
    assert.strictEqual(p.status, 0, p.stderr);
    const out = JSON.parse(p.stdout);
    assert.strictEqual(out.engine, 'jieba-wasm');
    assert.strictEqual(out.error, undefined);
    assert.match(out.reason, /无法加载分词器 nodejieba：.*simulated: not a valid Win32 application/);
    assert.deepStrictEqual(out.words, ['嘉陵江', '流域', '生态', '文明', '建设', '建设']);
    assert.match(out.line, /^分词器 segmenter: jieba-wasm（nodejieba 无法加载：simulated: not a valid Win32 application）$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('falls back when nodejieba is not installed at all (an optional dependency npm could not build; the universal .vsix)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seg-absent-'));
    const pre = path.join(dir, 'no-nodejieba.js');
    fs.writeFileSync(
      pre,
      `const M = require('module'); const orig = M._resolveFilename;
M._resolveFilename = function (req, ...rest) { if (/^nodejieba(\\/|$)/.test(req)) { const e = new Error("Cannot find module '" + req + "'"); e.code = 'MODULE_NOT_FOUND'; throw e; } return orig.call(this, req, ...rest); };\n`,
    );
    const script = `const s = require(${JSON.stringify(path.join(ROOT, 'out/src/segmenter'))});
const r = s.loadSegmenter();
console.log(JSON.stringify({ engine: r.engine, reason: r.fallbackReason, error: r.error, words: r.segmenter && r.segmenter.cut('嘉陵江流域生态文明建设建设').map(t => t.word), line: s.describeSegmenter() }));`;
    const p = spawnSync(process.execPath, ['-r', pre, '-e', script], { encoding: 'utf8', env: { ...process.env, DRAFT_LINT_SEGMENTER: '' } });
    fs.rmSync(dir, { recursive: true, force: true });
    assert.strictEqual(p.status, 0, p.stderr);
    const out = JSON.parse(p.stdout);
    assert.strictEqual(out.engine, 'jieba-wasm');
    assert.strictEqual(out.error, undefined);
    assert.match(out.reason, /^无法加载分词器 nodejieba：Cannot find module 'nodejieba'（未安装 nodejieba：通用版扩展包不含它的本地模块/);
    assert.deepStrictEqual(out.words, ['嘉陵江', '流域', '生态', '文明', '建设', '建设']);
    assert.strictEqual(out.line, '分词器 segmenter: jieba-wasm（nodejieba 无法加载：未安装（可选依赖：npm 未能编译它，或这是通用版扩展包））');
  });

  it('dict/stock-only.words.gz is what scripts/build-wasm-dict builds from this jieba-wasm', () => {
    const p = spawnSync(process.execPath, [path.join(ROOT, 'out/scripts/build-wasm-dict.js'), '--check'], { encoding: 'utf8' });
    assert.strictEqual(p.status, 0, p.stdout + p.stderr);
    assert.match(p.stdout, /stock-only\.words\.gz is up to date \(306330 words\)/);
  });

  it('the CLI gives the same output with DRAFT_LINT_SEGMENTER=wasm and names it in --version', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seg-cli-'));
    fs.writeFileSync(path.join(dir, 'a.txt'), '关于加强嘉陵江流域生态保护的提案\n\n围绕嘉陵江流域生态文明建设建设和绿色发展，委员们认认真真调研。\n');
    const cli = (env: Record<string, string>, args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'bin/draft-lint.js'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
    const a = cli({ DRAFT_LINT_SEGMENTER: 'nodejieba' }, ['--format', 'json', 'a.txt']);
    const b = cli({ DRAFT_LINT_SEGMENTER: 'wasm' }, ['--format', 'json', 'a.txt']);
    assert.strictEqual(b.stdout, a.stdout);
    assert.ok(a.stdout.includes('wording/doubled-word'), a.stdout + a.stderr);
    assert.match(cli({ DRAFT_LINT_SEGMENTER: 'wasm' }, ['--version']).stdout, /\n分词器 segmenter: jieba-wasm（DRAFT_LINT_SEGMENTER=wasm）\n$/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
