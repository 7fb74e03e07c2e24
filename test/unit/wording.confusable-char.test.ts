import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { onlyRule, testRule } from '../helpers/ruleTester';
import { confusableChar } from '../../src/rules/wording/confusable-char';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

testRule(
  confusableChar,
  {
    valid: [
      { name: 'the last of 、-separated parallel items of one length is coined, not split (前高、中低、后扬)', text: '全年经济运行呈现前高、中低、后扬态势。' },
      { name: 'an auxiliary before a whole word (竞赛|将|围绕)', text: '全省职业技能竞赛将围绕生产实际考核技能。中国网络文学将成为世界文化舞台上的新星。' },
      // A function character or pronoun stands alone by grammar.
      '电影制片厂根据他的事迹拍摄了电影。巴方理解中国政府为维护国家主权所采取的措施。',
      '协助全国政协调研组就未成年人权益司法保护开展调研。',
      '纳入未成年人保护，深入群众，入党积极分子，人民代表大会。',
      '已经完成，自己动手，本周未完成，未来五年。',
      { name: '侯选人 is left to wording/misspelling', text: '侯选人名单' },
      { name: 'listed misspellings are left to wording/misspelling', text: '提拨干部，选拨人才，折迁补偿，兔费体检' },
      '安徽省合肥市，坚持民族区域自治制度，增补候补委员，不可避免，忍不住笑了。',
      { name: 'reduplicated measure words', text: '我们一幕幕地回顾，一件件地落实。' },
      '加入人民政协，收入人群，投入人力，深入人心，纳入人才库，送法入企，入户走访，人均收入。',
      '选拔干部，拨付资金，王侯将相，气候适宜，即将召开，既要又要，折扣，拆除，幕后，暮年，羡慕，募集，辨析，辩护。',
      { name: 'option ignore', text: '实属不得己', options: { ignore: ['不得已'] } },
    ],
    invalid: [
      { name: 'the same word outside a parallel list is still a slip (后扬 → 后场)', text: '全年经济运行呈现后扬态势。', errors: [{ line: 1, column: 9, length: 2, message: '“后扬”中“扬”应为“场”' }], output: '全年经济运行呈现后场态势。' },
      { name: 'an item after a 、 whose neighbour item differs in length is still checked (空问)', text: '拓展发展、空问布局。', errors: [{ line: 1, column: 6, length: 2 }], output: '拓展发展、空间布局。' },
      { name: 'a numeral before a word is no auxiliary (有利千|我国)', text: '和平发展总体上有利千我国发展。', errors: [{ line: 1, column: 8, length: 3, message: '“千”应为“于”' }], output: '和平发展总体上有利于我国发展。' },
      { name: 'the same character closing a clause is still a slip', text: '他获得了茅盾文学将。', errors: [{ line: 1, column: 7, length: 3, message: '“将”应为“奖”' }], output: '他获得了茅盾文学奖。' },
      {
        name: 'seed 004: 未成年入权益',
        text: '就筑牢公共卫生防护网、未成年入权益司法保护开展重点调研',
        errors: [{ line: 1, column: 12, length: 4, message: '“未成年入”中“入”应为“人”，组成“未成年人”' }],
        output: '就筑牢公共卫生防护网、未成年人权益司法保护开展重点调研',
      },
      {
        name: 'a word the dictionary does not know, fixed by a look-alike',
        text: '坚持民族区域自冶制度，安微省合肥市',
        errors: [
          { line: 1, column: 7, length: 2, message: '“自冶”中“冶”应为“治”，组成“自治”' },
          { line: 1, column: 12, length: 3, message: '“安微省”中“微”应为“徽”' },
        ],
        output: '坚持民族区域自治制度，安徽省合肥市',
      },
      { text: '实属不得己', errors: [{ line: 1, column: 3, length: 3, message: '“己”应为“已”' }], output: '实属不得已' },
      { text: '第一行\n上世纪未', errors: [{ line: 2, column: 2, length: 3, message: '世纪末' }], output: '第一行\n上世纪末' },
    ],
  },
  { segmenter },
);

describe('wording/confusable-char: the index of word ends (Segmenter.words)', () => {
  const seedDir = path.join(__dirname, '../../../test/fixtures/seeds');
  const texts = [
    ...fs.readdirSync(seedDir).filter(f => f.endsWith('.txt')).map(f => fs.readFileSync(path.join(seedDir, f), 'utf8')),
    '就筑牢公共卫生防护网、未成年入权益司法保护开展重点调研。坚持民族区域自冶制度，安微省合肥市。实属不得己。上世纪未。',
  ];
  const show = (s: typeof segmenter) => texts.flatMap(t => lint(t, onlyRule(confusableChar, undefined, { segmenter: s })).diagnostics.map(d => `${d.line}:${d.column} ${d.message}`));

  it('finds exactly what the plain lookups find (a segmenter without words())', () => {
    const plain = { cut: (t: string) => segmenter.cut(t), isWord: (w: string) => segmenter.isWord(w), lexicon: () => segmenter.lexicon?.() };
    assert.ok(segmenter.words, 'the nodejieba segmenter exposes its word set');
    const indexed = show(segmenter);
    assert.ok(indexed.some(d => d.includes('未成年人')));
    assert.deepStrictEqual(indexed, show(plain));
  });

  it('rebuilds the index when the word set grows (user words added later)', () => {
    // Without any word containing 人, no run can be read as 人 and nothing is reported; once 人权 is added (the index
    // was built before), the run is looked at again and 未成年入 is found.
    const mine = new Set([...segmenter.words!()].filter(w => !w.includes('人')));
    const own = { cut: (t: string) => segmenter.cut(t), isWord: (w: string) => mine.has(w), words: () => mine as ReadonlySet<string>, lexicon: () => segmenter.lexicon?.() };
    // (Runs are judged once per pack set, so the second text is another run.)
    const run = (text: string) => lint(text, onlyRule(confusableChar, undefined, { segmenter: own })).diagnostics.map(d => d.message);
    assert.ok(!run('切实维护未成年入权益的工作').some(m => m.includes('未成年人')));
    mine.add('人权');
    assert.ok(run('依法维护未成年入权益').some(m => m.includes('未成年人')));
  });
});
