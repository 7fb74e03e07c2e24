import * as assert from 'assert';
import * as path from 'path';
import { findConfigFile, FileSystem, loadConfigFile, parseConfig, resolveConfigFor, withRuleOverrides } from '../../src/host/config';
import { builtinPackSet } from '../../src/core/packs';
import { loadPacks } from '../../src/host/packs';
import { DEFAULT_MAX_FILE_SIZE, DraftLintError } from '../../src/core/types';
import { jsonSyntaxProblem } from '../../src/host/schema';

/** An in-memory FileSystem. */
function memFs(files: Record<string, string | Uint8Array>): FileSystem & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readFile(f: string) {
      reads.push(f);
      const v = files[path.resolve(f)];
      return v === undefined ? undefined : typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
  };
}

const ROOT = path.resolve('/office');

describe('config: parse and validate', () => {
  it('resolves rules, docType, packs (relative to the config), ignore and maxFileSize', () => {
    const file = path.join(ROOT, '.draftlintrc.json');
    const cfg = parseConfig(
      JSON.stringify({ rules: { 'punctuation/half-width': 'off', 'wording/*': { severity: 'info', options: { x: 1 } } }, docType: 'report', documentDate: '2020-01', packs: ['packs/office.json'], ignore: ['old/**'], maxFileSize: 1000 }),
      file,
    );
    assert.deepStrictEqual(cfg.rules, { 'punctuation/half-width': { severity: 'off' }, 'wording/*': { severity: 'info', options: { x: 1 } } });
    assert.strictEqual(cfg.docType, 'report');
    assert.strictEqual(cfg.documentDate, '2020-01');
    assert.deepStrictEqual(cfg.packs, [path.join(ROOT, 'packs/office.json')]);
    assert.deepStrictEqual(cfg.ignore, ['old/**']);
    assert.strictEqual(cfg.maxFileSize, 1000);
    assert.strictEqual(cfg.configPath, file);
  });

  it('comments are allowed (// and /* */), strings with // are kept, and error positions stay right', () => {
    const cfg = parseConfig('{\n  // 本单位设置\n  "docType": "report", /* 工作报告 */\n  "ignore": ["http://x/**"]\n}', '/x/.draftlintrc.json');
    assert.deepStrictEqual([cfg.docType, cfg.ignore], ['report', ['http://x/**']]);
    assert.throws(() => parseConfig('{\n  /* 注释 */ "a": ,\n}', '/x/.draftlintrc.json'), /第 2 行第 17 列/);
  });

  it('jsonSyntaxProblem finds the first syntax error (jsonc-parser offsets)', () => {
    const cases: [string, number | undefined][] = [
      ['{"a": 1}', undefined],
      ['{"a": ,}', 6],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['{"a": tru}', 6],
      ['{} x', 3],
      ['{"a": [1, 2', 11],
    ];
    for (const [t, want] of cases) assert.strictEqual(jsonSyntaxProblem(t)?.offset, want, t);
  });

  it('a comma after the last item is named as such, at the comma', () => {
    const text = '{\n  "rules": {\n    "punctuation/empty-pair": "off",\n  }\n}\n';
    assert.throws(() => parseConfig(text, '/x/.draftlintrc.json'), (e: unknown) => {
      assert.ok(e instanceof DraftLintError);
      assert.match(e.message, /^配置文件 \/x\/\.draftlintrc\.json 不是有效的 JSON（第 3 行第 36 列）：最后一项后面多了一个逗号（JSON 不允许末尾逗号），请删去$/);
      assert.strictEqual(e.offset, text.indexOf('",') + 1);
      return true;
    });
    assert.deepStrictEqual(jsonSyntaxProblem('[1, 2, /* 注释 */ ]'), { offset: 5, reason: '最后一项后面多了一个逗号（JSON 不允许末尾逗号），请删去' });
  });

  const ime: [string, string, string][] = [
    ['{“docType”: "report"}', '第 1 行第 2 列', '“'],
    ['{"docType"： "report"}', '第 1 行第 11 列', '：'],
    ['{"docType": "report"，\n "documentDate": "2024"}', '第 1 行第 21 列', '，'],
    ['{\n  "docType": ”report"\n}', '第 2 行第 14 列', '”'],
  ];
  for (const [text, where, mark] of ime)
    it(`a full-width ${mark} typed with a Chinese input method is named, with line and column`, () => {
      assert.throws(
        () => parseConfig(text, '/x/.draftlintrc.json'),
        (e: unknown) => e instanceof DraftLintError && e.message.includes(`（${where}）：此处是中文输入法打出的全角“${mark}”，JSON 要用半角的`),
      );
    });

  it('full-width quotes inside a string are text, not an error', () => {
    const cfg = parseConfig('{"ignore": ["“十四五”规划，草稿/**"]}', '/x/.draftlintrc.json');
    assert.deepStrictEqual(cfg.ignore, ['“十四五”规划，草稿/**']);
  });

  it('a bad documentDate says how to write a date, without a regex', () => {
    assert.throws(
      () => parseConfig('{"documentDate": "2024年3月"}', '/x/.draftlintrc.json'),
      (e: unknown) => e instanceof DraftLintError && /\$\.documentDate 格式不符：文稿日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD/.test(e.message) && !/[\\^$]\w|\\d|\{4\}/.test(e.message.replace('$.documentDate', '')),
    );
  });

  it('a misspelt rule name is an error with "did you mean" (edit distance over the rule ids)', () => {
    const knownRules = new Set(['punctuation/half-width', 'punctuation/empty-pair', 'wording/misspelling']);
    const check = (text: string, want: RegExp) =>
      assert.throws(
        () => parseConfig(text, '/x/.draftlintrc.json', { knownRules }),
        (e: unknown) => e instanceof DraftLintError && want.test(e.message) && e.jsonPath?.startsWith('$.rules[') === true,
      );
    check('{"rules": {"punctuation/half-widht": "off"}}', /\$\.rules\["punctuation\/half-widht"\] 没有名为 punctuation\/half-widht 的规则（是否指 punctuation\/half-width？）/);
    check('{"rules": {"Punctuation/empty-pair": "off"}}', /是否指 punctuation\/empty-pair？/);
    check('{"rules": {"half-width": "off"}}', /是否指 punctuation\/half-width？/);
    check('{"rules": {"wordng/*": "off"}}', /是否指 wording\/\*？/);
    check('{"rules": {"zzz/qqq": "off"}}', /没有名为 zzz\/qqq 的规则；运行 draft-lint --list-rules 查看全部规则/);
    assert.deepStrictEqual(parseConfig('{"rules": {"wording/*": "off", "punctuation/half-width": "off"}}', '/x/.draftlintrc.json', { knownRules }).rules['wording/*'], { severity: 'off' });
  });

  it('defaults when the config is empty; a BOM is accepted', () => {
    const cfg = parseConfig('\uFEFF{}', '/x/.draftlintrc.json');
    assert.deepStrictEqual([cfg.docType, cfg.maxFileSize, cfg.packs, cfg.ignore], ['auto', DEFAULT_MAX_FILE_SIZE, [], []]);
  });

  const bad: { name: string; text: string; path: string; message: RegExp }[] = [
    { name: 'bad severity', text: '{"rules": {"punctuation/empty-pair": "fatal"}}', path: '$.rules["punctuation/empty-pair"]', message: /取值应为 "off" \| "info" \| "warning" \| "error"/ },
    { name: 'bad rule id', text: '{"rules": {"Punctuation/x": "off"}}', path: '$.rules["Punctuation/x"]', message: /属性名不合规/ },
    { name: 'unknown top-level key', text: '{"rule": {}}', path: '$', message: /不认识的属性 "rule"/ },
    { name: 'bad docType', text: '{"docType": "speech"}', path: '$.docType', message: /取值应为/ },
    { name: 'bad options type', text: '{"rules": {"wording/x": {"severity": "off", "options": 3}}}', path: '$.rules["wording/x"].options', message: /类型应为 object/ },
    { name: 'bad ignore item', text: '{"ignore": ["a", 3]}', path: '$.ignore[1]', message: /类型应为 string/ },
    { name: 'bad date', text: '{"documentDate": "2020年"}', path: '$.documentDate', message: /格式不符/ },
    { name: 'broken JSON', text: '{"rules": {,}}', path: '$', message: /不是有效的 JSON（第 1 行第 12 列）/ },
    // Per-rule options follow each rule's meta.schema (generated into the config schema).
    { name: 'a misspelt option value', text: '{"rules": {"punctuation/half-width": {"options": {"scope": "documnet"}}}}', path: '$.rules["punctuation/half-width"].options.scope', message: /取值应为 "auto" \| "paragraph" \| "document"/ },
    { name: 'a misspelt option name', text: '{"rules": {"punctuation/half-width": {"options": {"scop": "document"}}}}', path: '$.rules["punctuation/half-width"].options', message: /不认识的属性 "scop"/ },
    { name: 'an option of the wrong type', text: '{"rules": {"wording/misspelling": {"options": {"ignore": "其它"}}}}', path: '$.rules["wording/misspelling"].options.ignore', message: /类型应为 array/ },
    { name: 'an option value outside its list', text: '{"rules": {"wording/misspelling": {"options": {"kinds": ["typos"]}}}}', path: '$.rules["wording/misspelling"].options.kinds[0]', message: /取值应为 "typo" \| "variant" \| "usage"/ },
    { name: 'options for a rule that takes none', text: '{"rules": {"punctuation/empty-pair": {"options": {"x": 1}}}}', path: '$.rules["punctuation/empty-pair"].options', message: /不认识的属性 "x"/ },
  ];
  it('accepts the options each rule declares', () => {
    const cfg = parseConfig('{"rules": {"punctuation/half-width": {"options": {"scope": "document"}}, "wording/misspelling": {"severity": "error", "options": {"kinds": ["typo"], "ignore": ["其它"]}}, "structure/missing-section": {"options": {"ignore": ["成绩归因"]}}}}', '/cfg/.draftlintrc.json');
    assert.deepStrictEqual(cfg.rules['punctuation/half-width'].options, { scope: 'document' });
    assert.deepStrictEqual(cfg.rules['wording/misspelling'], { severity: 'error', options: { kinds: ['typo'], ignore: ['其它'] } });
  });
  for (const b of bad) {
    it(`rejects ${b.name}, naming the file and the JSON path`, () => {
      const file = '/cfg/.draftlintrc.json';
      assert.throws(
        () => parseConfig(b.text, file),
        (e: unknown) => {
          assert.ok(e instanceof DraftLintError, String(e));
          assert.strictEqual(e.file, file);
          assert.strictEqual(e.jsonPath, b.path);
          assert.ok(e.message.includes(file) && (b.path === '$' || e.message.includes(b.path)) && b.message.test(e.message), e.message);
          return true;
        },
      );
    });
  }

  it('a config that is not UTF-8 is an error naming the file', async () => {
    const fs = memFs({ [path.join(ROOT, '.draftlintrc.json')]: new Uint8Array([0x7b, 0xd5, 0xfe, 0x7d]) });
    await assert.rejects(loadConfigFile(path.join(ROOT, '.draftlintrc.json'), fs), /不是 UTF-8 编码/);
  });

  it('withRuleOverrides layers over the config (later wins, options kept)', () => {
    const cfg = parseConfig('{"rules": {"wording/x": {"severity": "error", "options": {"a": 1}}}}', '/c/.draftlintrc.json');
    const o = withRuleOverrides(cfg, { 'wording/x': { severity: 'off' }, 'format/y': { severity: 'info' } });
    assert.deepStrictEqual(o.rules, { 'wording/x': { severity: 'off', options: { a: 1 } }, 'format/y': { severity: 'info' } });
    assert.deepStrictEqual(cfg.rules['wording/x'].severity, 'error', 'the original is not changed');
  });
});

describe('config: discovery', () => {
  it('walks up from the file to the nearest .draftlintrc.json', async () => {
    const fs = memFs({ [path.join(ROOT, '.draftlintrc.json')]: '{"docType": "plan"}', [path.join(ROOT, 'a/.draftlintrc.json')]: '{"docType": "proposal"}' });
    assert.strictEqual(await findConfigFile(path.join(ROOT, 'a/b/c'), fs), path.join(ROOT, 'a/.draftlintrc.json'));
    assert.strictEqual(await findConfigFile(path.join(ROOT, 'z'), fs), path.join(ROOT, '.draftlintrc.json'));
    assert.strictEqual((await resolveConfigFor(path.join(ROOT, 'a/b/draft.txt'), fs)).docType, 'proposal');
    assert.strictEqual((await resolveConfigFor(path.join(ROOT, 'draft.txt'), fs)).docType, 'plan');
  });

  it('stops at stopAt, and gives defaults when there is no config', async () => {
    const fs = memFs({ [path.join(ROOT, '.draftlintrc.json')]: '{}' });
    assert.strictEqual(await findConfigFile(path.join(ROOT, 'a/b'), fs, path.join(ROOT, 'a')), undefined);
    const none = memFs({});
    const cfg = await resolveConfigFor(path.join(ROOT, 'a/draft.txt'), none);
    assert.strictEqual(cfg.configPath, undefined);
    assert.ok(none.reads.includes(path.join(ROOT, 'a/.draftlintrc.json')) && none.reads.includes(path.join(path.parse(ROOT).root, '.draftlintrc.json')));
  });

  it('an explicit config path wins over discovery', async () => {
    const fs = memFs({ [path.join(ROOT, 'a/.draftlintrc.json')]: '{"docType": "proposal"}', [path.join(ROOT, 'other.json')]: '{"docType": "sqmy"}' });
    assert.strictEqual((await resolveConfigFor(path.join(ROOT, 'a/draft.txt'), fs, path.join(ROOT, 'other.json'))).docType, 'sqmy');
  });
});

describe('packs: loading office packs', () => {
  it('adds a valid pack after the built-ins', async () => {
    const fs = memFs({ [path.join(ROOT, 'p.json')]: JSON.stringify({ name: 'office', description: '本单位' }) });
    const r = await loadPacks(['p.json'], ROOT, fs);
    assert.deepStrictEqual(r.errors, []);
    assert.deepStrictEqual(r.packSet.packs.map(p => p.name), [...builtinPackSet().packs.map(p => p.name), 'office']);
    assert.strictEqual(r.packSet.packs[r.packSet.packs.length - 1].file, path.join(ROOT, 'p.json'));
  });

  it('reports a missing, broken or invalid pack by file (and JSON path), keeping the built-ins', async () => {
    const fs = memFs({ [path.join(ROOT, 'bad.json')]: '{"description": "no name"}', [path.join(ROOT, 'broken.json')]: '{' });
    const r = await loadPacks(['missing.json', 'bad.json', 'broken.json'], ROOT, fs);
    assert.strictEqual(r.packSet, builtinPackSet());
    assert.deepStrictEqual(
      r.errors.map(e => [e.file, e.jsonPath]),
      [
        [path.join(ROOT, 'missing.json'), undefined],
        [path.join(ROOT, 'bad.json'), '$'],
        [path.join(ROOT, 'broken.json'), '$'],
      ],
    );
    assert.ok(r.errors[0].message.includes('找不到规则包'));
    assert.ok(r.errors[1].message.includes('缺少必填属性 "name"'), r.errors[1].message);
  });
});
