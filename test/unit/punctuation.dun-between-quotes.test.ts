import * as assert from 'assert';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { fixAll, lint } from '../../src/lint';
import { dunBetweenQuotes } from '../../src/rules/punctuation/dun-between-quotes';

testRule(dunBetweenQuotes, {
  valid: [
    '坚持“一国两制”“港人治港”“澳人治澳”',
    '学习《论语》《孟子》',
    // Something between the items (a bracketed note): the 顿号 is right.
    '《红楼梦》（人民文学出版社版）、《三国演义》',
    // Different marks on the two sides.
    '“十四五”规划、《政协章程》',
    // Items inside one quotation.
    '在“学、讲、看、做”上下功夫',
    // A series with a bare item keeps its 顿号s; so does a quote that is only the start of an item.
    '坚持“一国两制”、“港人治港”、“澳人治澳”、高度自治的方针',
    '实施“海河英才”行动计划、“鲲鹏”计划和“项目+团队”引才工程',
    '落实“海河英才”、“鲲鹏”行动计划',
    '开展“送医下乡”、“送法进村”、义诊咨询等活动',
    {
      name: 'a news story keeps its 顿号s between quoted items (its house style)',
      text: '本报讯 记者走访发现，当地坚持“一国两制”、“港人治港”、“澳人治澳”，出台《长江保护修复攻坚战行动计划》、《农业农村污染治理攻坚战行动计划》。',
    },
    {
      name: 'a news story: two quoted sentences in a row are speech, not a series written without 顿号',
      text: '本报讯 他说：“我们要干好。”“一定干好。”当地坚持“一国两制”、“港人治港”。',
    },
    // Empty quotes are punctuation/empty-pair's finding.
    '做好“”和“”、“”和“”的工作',
  ],
  invalid: [
    {
      text: '坚持“一国两制”、“港人治港”、“澳人治澳”',
      errors: [
        { line: 1, column: 9, length: 1, message: '并列的引号之间通常不用顿号：“一国两制”、“港人治港” 可写作 “一国两制”“港人治港”', severity: 'info' },
        { line: 1, column: 16, length: 1, severity: 'info' },
      ],
    },
    {
      text: '出台《长江保护修复攻坚战行动计划》、《农业农村污染治理攻坚战行动计划》',
      errors: [{ line: 1, column: 18, length: 1, message: '并列的书名号之间通常不用顿号' }],
    },
    {
      name: 'spaces around the 顿号 go too',
      text: '“天津八条” 、 “海河英才”',
      errors: [{ line: 1, column: 7, length: 3 }],
    },
    {
      name: 'a news story that mixes both writings in one paragraph gets the hint',
      text: '本报讯 当地坚持“一国两制”“港人治港”，推行“河长制”、“湖长制”。',
      errors: [{ line: 1, column: 29, length: 1, message: '并列的引号之间通常不用顿号：“河长制”、“湖长制” 可写作 “河长制”“湖长制”', severity: 'info' }],
    },
    {
      name: 'a series of quoted items closed by 等',
      text: '开展“送医下乡”、“送法进村”等活动',
      errors: [{ line: 1, column: 9, length: 1, severity: 'info' }],
    },
  ],
});

describe('punctuation/dun-between-quotes fixes', () => {
  it('offers the deletion as a suggestion, never as a fix that a fix-all applies', () => {
    const r = lint('学习《论语》、《孟子》', onlyRule(dunBetweenQuotes));
    assert.strictEqual(r.diagnostics.length, 1);
    assert.strictEqual(r.diagnostics[0].fix, undefined);
    assert.deepStrictEqual(r.diagnostics[0].suggestions, [{ offset: 6, length: 1, text: '' }]);
    assert.strictEqual(fixAll('学习《论语》、《孟子》', onlyRule(dunBetweenQuotes)).output, '学习《论语》、《孟子》');
  });
});
