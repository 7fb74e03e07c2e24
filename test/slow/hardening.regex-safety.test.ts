// Regex safety: unsafe pack patterns are refused at load with the file and JSON path; safe ones pass quickly.
import * as assert from 'assert';
import { checkRegexSafety, findPackRegexes, validatePackRegexes, PACK_SCHEMAS } from '../../src/host/regex-safety';
import { builtinPackSet } from '../../src/core/packs';
import { validatePack, loadPacks } from '../../src/host/packs';
import { DraftLintError } from '../../src/core/types';
import type { FileSystem } from '../../src/host/config';

const UNSAFE: [string, string?][] = [
  ['(a+)+$'],
  ['^(a+)+b'],
  ['(\\s*\\w+)*$'],
  ['(\\w+\\s?)+$'],
  ['(x+x+)+y'],
  ['(?:\\s|\\u3000)+。'],
  ['(\\w|\\d)+$'],
  ['(a|a)*b'],
  ['(a*a)*b'],
  ['([^，]+，?)+。'],
  ['(\\d|\\d\\d)+x'],
  ['\\s*\\s*\\s*$'],
  ['(.*a){12}'],
  ['((ab)*)*c'],
  ['(?:[一二三四五六七八九十]+[、，]?)+。'],
  ['(A+)+$', 'i'],
  ['(\\p{Script=Han}+)+$', 'u'],
  // Quadratic searches (issue 17): each start of a match scans to the end of a long text and fails; on 500 KB of
  // Chinese text that takes minutes. Refused, with the advice to bound the repetition (the SAFE forms below).
  ['[^，。]+，'],
  ['\\d+(?:\\.\\d+)?%'],
  ['(?:[一二三四五六七八九十]+、)+'],
  ['(ab+)*c'],
  ['(\\d{2})+年'],
  ['关于.*的提案'],
  ['“[^”]*”'],
  ['(?:政协+)+委员'],
  ['\\d{4}年(a|a?)+$'],
];

const SAFE: [string, string?][] = [
  ['政协'],
  ['[^，。]{1,100}，'],
  ['\\d{1,20}(?:\\.\\d{1,10})?%'],
  ['(?:[一二三四五六七八九十]{1,4}、){1,20}'],
  ['关于.{0,50}的提案'],
  ['“[^”]{0,200}”'],
  ['(?:\\d+,)*\\d+'],
  ['(?:政协|政府)+'],
  ['第[一二三四五六七八九十百]+(?:次|届)'],
  ['^\\s*#+\\s'],
  ['(?:\\s*[，、]\\s*[^，、]+)*'],
  ['[\\u4e00-\\u9fa5]{2,8}委员会'],
  ['(?<year>\\d{4})年(?<month>\\d{1,2})月', 'u'],
  ['(?=\\d)(\\d+)(?!\\d)'],
  ['a\\{'],
  ['(a{1,2}){3}'],
];

describe('hardening: regex safety', () => {
  for (const [src, flags] of UNSAFE) {
    it(`refuses /${src}/${flags ?? ''}`, () => {
      const t0 = performance.now();
      const v = checkRegexSafety(src, flags ?? '');
      assert.strictEqual(v.safe, false, `expected unsafe: ${JSON.stringify(v)}`);
      assert.ok(v.reason && /回溯/.test(v.reason), v.reason);
      assert.ok(performance.now() - t0 < 2000, 'the check itself is bounded');
    });
  }
  for (const [src, flags] of SAFE) {
    it(`accepts /${src}/${flags ?? ''}`, () => {
      const v = checkRegexSafety(src, flags ?? '');
      assert.deepStrictEqual(v, { safe: true });
    });
  }

  it('refuses a pattern that only works without the u flag (rules compile some packs in Unicode mode)', () => {
    const v = checkRegexSafety('政协\\-委员', '');
    assert.strictEqual(v.safe, false);
    assert.strictEqual(v.check, 'syntax');
    assert.match(v.reason!, /Unicode（u）模式/);
    assert.deepStrictEqual(checkRegexSafety('政协-委员', ''), { safe: true });
  });

  it('reports invalid syntax', () => {
    const v = checkRegexSafety('(政协', '');
    assert.strictEqual(v.safe, false);
    assert.strictEqual(v.check, 'syntax');
    assert.match(v.reason!, /不是有效的正则表达式/);
  });

  it('finds regex fields by the naming convention, with JSON paths and flags', () => {
    const pack = {
      name: 'x',
      wording: {
        misspellings: [{ wrong: 'a', pattern: 'b+' }, { matchRegex: 'c', flags: 'i' }],
        avoid: { patterns: ['d', { pattern: 'e' }], 'odd key': { regex: '/f+/u' } },
      },
      formulations: [{ canonical: '政协', variantPatterns: ['g'] }],
    };
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path);
    assert.deepStrictEqual(findPackRegexes(pack).sort(byPath), [
      { path: '$.wording.misspellings[0].pattern', source: 'b+', flags: '' },
      { path: '$.wording.misspellings[1].matchRegex', source: 'c', flags: 'i' },
      { path: '$.wording.avoid.patterns[0]', source: 'd', flags: '' },
      { path: '$.wording.avoid.patterns[1].pattern', source: 'e', flags: '' },
      { path: '$.wording.avoid["odd key"].regex', source: 'f+', flags: 'u' },
      { path: '$.formulations[0].variantPatterns[0]', source: 'g', flags: '' },
    ].sort(byPath));
  });

  it('the validator names the file and the JSON path', () => {
    const pack = { name: 'office', wording: { items: [{ pattern: '政协' }, { pattern: '(\\s*\\w+)*$' }] } };
    assert.throws(
      () => validatePackRegexes(pack, '/o/pack.json'),
      (e: unknown) => {
        assert.ok(e instanceof DraftLintError);
        assert.strictEqual(e.file, '/o/pack.json');
        assert.strictEqual(e.jsonPath, '$.wording.items[1].pattern');
        assert.match(e.message, /^规则包 \/o\/pack\.json 无效：\$\.wording\.items\[1\]\.pattern 正则表达式 .*灾难性回溯/);
        return true;
      },
    );
  });

  // A pack that passes the schemas, with one unsafe regex in a field the wording schema declares a regex.
  const unsafeWording = (re: string) => ({
    name: 'office',
    wording: {
      misspellings: [{ wrong: '布署', right: '部署', kind: 'typo', examples: [{ bad: '布署工作', good: '部署工作' }], followedBy: re }],
    },
  });

  it('finds the regex fields the pack schemas declare (and compiles template regexes with u)', () => {
    const pack = {
      name: 'x',
      wording: unsafeWording('工作').wording,
      figures: { anniversaries: [{ name: '新中国成立', year: 1949, match: '新中国' }] },
      templates: [{ id: 't', sections: [{ match: [{ heading: '工作回顾', phrases: ['不是正则'] }] }] }],
    };
    const found = findPackRegexes(pack, PACK_SCHEMAS).map(r => `${r.path} ${r.source} ${r.flags}`);
    assert.ok(found.includes('$.wording.misspellings[0].followedBy 工作 '), found.join('\n'));
    assert.ok(found.includes('$.figures.anniversaries[0].match 新中国 '), found.join('\n'));
    assert.ok(found.includes('$.templates[0].sections[0].match[0].heading 工作回顾 u'), found.join('\n'));
    assert.ok(!found.some(f => f.includes('不是正则')), 'plain phrases are not regexes');
  });

  it('the check is registered with the pack loader (validatePack refuses an unsafe pattern)', () => {
    assert.doesNotThrow(() => validatePack(unsafeWording('\\d'), '/o/p.json'));
    assert.throws(
      () => validatePack(unsafeWording('(\\d+)+$'), '/o/p.json'),
      (e: unknown) => {
        assert.ok(e instanceof DraftLintError);
        assert.strictEqual(e.file, '/o/p.json');
        assert.strictEqual(e.jsonPath, '$.wording.misspellings[0].followedBy');
        assert.match(e.message, /灾难性回溯/);
        return true;
      },
    );
  });

  it('a pack with an unsafe regex fails alone; built-ins keep running', async () => {
    const files: Record<string, string> = {
      '/o/bad.json': JSON.stringify(unsafeWording('(x+x+)+y')),
      '/o/good.json': JSON.stringify({ name: 'good' }),
    };
    const fs: FileSystem = { readFile: async f => (files[f] !== undefined ? Buffer.from(files[f]) : undefined) };
    const r = await loadPacks(['bad.json', 'good.json'], '/o', fs);
    assert.strictEqual(r.errors.length, 1);
    assert.strictEqual(r.errors[0].file, '/o/bad.json');
    assert.match(r.errors[0].message, /灾难性回溯/);
    const names = r.packSet.packs.map(p => p.name);
    for (const b of builtinPackSet().packs) assert.ok(names.includes(b.name));
    assert.ok(names.includes('good'));
    assert.ok(!names.includes('office'));
  });

  it('every regex in the built-in packs passes (and the check is fast)', () => {
    const t0 = performance.now();
    for (const p of builtinPackSet().packs) validatePackRegexes(p, p.name);
    assert.ok(performance.now() - t0 < 3000);
  });
});
