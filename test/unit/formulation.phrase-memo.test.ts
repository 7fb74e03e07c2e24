// The per-paragraph memos of the formulation rules (the phrase-hit search of formulation/canonical-phrase and
// formulation/phrase-word; the entry gate of formulation/fixed-enumeration) change no finding: a document edited keystroke by keystroke (insertions and deletions across paragraphs, line breaks, quotation
// marks, a type marker and dates changed) gives, after each edit, exactly the findings of a lint without the memo.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, allRules } from '../../src/lint';
import { defaultConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';
import { setParagraphMemos } from '../../src/rules/formulation/_lib/para-memo';
import { builtinPackSet, PackSet } from '../../src/core/packs';
import { validatePack } from '../../src/host/packs';
import { FORMULATION_RULES } from '../../src/rules/formulation';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');

describe('formulation paragraph memos', () => {
  after(() => setParagraphMemos(true));

  it('after every edit, the findings equal those of a lint without the memo', function () {
    this.timeout(120000);
    const config = defaultConfig();
    for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
    const opts = { config, segmenter: loadSegmenter().segmenter, ruleBudgetMs: 1e9 };
    let x = 20261207;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Insertions that make or break canonical phrases, quotations and paragraphs, and change the dates.
    const bits = ['的', '\n', '“', '”', '、', '和', '新时代', '新时期', '政协', '2017年', '2023年', '，', '协商民主', '双重积极作用'];
    let edits = 0;
    let withHits = 0;
    for (const f of fs.readdirSync(SEEDS).filter(n => n.endsWith('.txt')).slice(0, 3)) {
      let text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
      for (let k = 0; k < 25; k++) {
        const at = Math.floor(rnd() * text.length);
        const r = rnd();
        if (k === 10) text = '<!-- draft-lint-type: proposal -->\n' + text; // the document type changed
        else if (k === 20) text = text.replace(/\n/, '\n2016年3月1日\n'); // a dateline added
        else if (r < 0.3) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 4));
        else text = text.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + text.slice(at);
        setParagraphMemos(true);
        const a = lint(text, opts).diagnostics;
        setParagraphMemos(false);
        const b = lint(text, opts).diagnostics;
        setParagraphMemos(true);
        assert.deepStrictEqual(a, b, `${f}, edit ${k}`);
        edits++;
        if (b.some(d => d.ruleId.startsWith('formulation/'))) withHits++;
      }
    }
    assert.strictEqual(edits, 75);
    assert.ok(withHits >= 40, `edits with formulation findings: ${withHits}`);
  });

  it('a paragraph seen before is looked up under its own pack set: an office pack adds a phrase', () => {
    const para = '瞄准建设充满创新活力的高质景城区战略目标。';
    const office = validatePack(
      { name: 'office', formulations: [{ id: 'zhonglou-goal', kind: 'phrase', text: '建设充满创新活力的高质量城区', source: '区委全会', examples: [{ text: '建设充满创新活力的高质量城区', expect: [] }] }] },
      'our-pack.json',
    );
    const withOffice = new PackSet([...builtinPackSet().packs, office]);
    const at = (packs?: PackSet) => lint(para, { rules: FORMULATION_RULES, packs }).diagnostics.map(d => [d.ruleId, d.column, d.length]);
    assert.deepStrictEqual(at(), []);
    assert.deepStrictEqual(at(withOffice), [['formulation/canonical-phrase', 3, 14]]);
    assert.deepStrictEqual(at(), []);
  });

  it('a paragraph seen before at another offset reports at its new offset', () => {
    const para = '更好发挥港澳委员“双重建构作用”。';
    const at = (text: string) => lint(text, { rules: FORMULATION_RULES }).diagnostics.map(d => [d.ruleId, d.line, d.column, d.length]);
    assert.deepStrictEqual(at(para), [['formulation/canonical-phrase', 1, 10, 6]]);
    assert.deepStrictEqual(at('前言。\n' + para), [['formulation/canonical-phrase', 2, 10, 6]]);
    assert.deepStrictEqual(at('一段较长的前言，说明本报告的来由。\n\n' + para), [['formulation/canonical-phrase', 3, 10, 6]]);
  });

  it('the enumeration gate of a paragraph seen before is looked up under its own pack set', () => {
    const para = '全区要统筹推进城区更新、产业升级、生态修复、民生改善。';
    const office = validatePack(
      {
        name: 'office',
        formulations: [
          { id: 'district-four', kind: 'enumeration', items: ['产业升级', '城区更新', '生态修复', '民生改善'], source: '区委全会', examples: [{ text: '产业升级、城区更新、生态修复、民生改善', expect: [] }] },
        ],
      },
      'our-pack.json',
    );
    const withOffice = new PackSet([...builtinPackSet().packs, office]);
    const at = (packs?: PackSet) => lint(para, { rules: FORMULATION_RULES, packs }).diagnostics.map(d => [d.ruleId, d.column, d.length]);
    assert.deepStrictEqual(at(), []);
    assert.deepStrictEqual(at(withOffice), [['formulation/fixed-enumeration', 8, 9]]);
    assert.deepStrictEqual(at(), []);
  });

  it('phrase-word searches the changed lines alone, knowing whether a 《 before them is still open', () => {
    // A slip of a phrase's first word inside an open 《 is a title's (formulation/document-title), not reported. The
    // 《 is on the first line and the slip on the last: after the first line changes, the last line is searched
    // alone, and must be searched as inside the title (the line ids remember the open 《).
    const seg = loadSegmenter().segmenter;
    const rules = FORMULATION_RULES.filter(r => r.meta.id === 'formulation/phrase-word');
    const filler = ['委员们积极参加调研。', '各专门委员会认真履职。', '全年共召开会议十二次。', '提案办理质量不断提高。'];
    const slip = '我们要坚定以人民为中心的发展思想。';
    const doc = (first: string, more = '') => [first, ...filler, more + slip].join('\n');
    const at = (text: string) => lint(text, { rules, segmenter: seg }).diagnostics.map(d => [d.line, d.column, d.length]);
    const texts = [doc('学习《报告》。'), doc('学习《报告。'), doc('学习《报告。', '另外，'), doc('学习《报告》。', '另外，')];
    const got = texts.map(at);
    setParagraphMemos(false);
    const whole = texts.map(at);
    setParagraphMemos(true);
    assert.deepStrictEqual(got, whole);
    assert.deepStrictEqual(got, [[[6, 4, 13]], [], [], [[6, 7, 13]]]);
  });

  it('phrase-word remembers the wrong last characters line by line, and still asks the whole text whether they are written again', () => {
    // 坚持大团结大联和: reported unless the document writes 联和 again elsewhere (a word the writer means). The first
    // line changes while the slip's line is looked up; then the slip's line changes after the slip, and moves.
    const seg = loadSegmenter().segmenter;
    const rules = FORMULATION_RULES.filter(r => r.meta.id === 'formulation/phrase-word');
    const filler = ['委员们积极参加调研。', '各专门委员会认真履职。', '全年共召开会议十二次。', '提案办理质量不断提高。'];
    const doc = (first: string, last = '我们要坚持大团结大联和。', before = '') => [first, ...filler, before + last].join('\n');
    const at = (text: string) => lint(text, { rules, segmenter: seg }).diagnostics.map(d => [d.line, d.column, d.length, d.message]);
    const texts = [
      doc('学习报告。'),
      doc('学习联和报告。'),
      doc('学习报告。'),
      doc('学习报告。', '我们要坚持大团结大联和，共同奋斗。'),
      doc('学习报告。', '我们要坚持大团结大联和，共同奋斗。', '另外，'),
    ];
    const got = texts.map(at);
    setParagraphMemos(false);
    const whole = texts.map(at);
    setParagraphMemos(true);
    assert.deepStrictEqual(got, whole);
    assert.deepStrictEqual(
      got.map(g => g.map(d => d.slice(0, 3))),
      [[[6, 6, 6]], [], [[6, 6, 6]], [[6, 6, 6]], [[6, 9, 6]]],
    );
  });
});
