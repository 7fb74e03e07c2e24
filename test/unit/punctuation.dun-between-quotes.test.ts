import { testRule } from '../helpers/ruleTester';
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
      output: '坚持“一国两制”“港人治港”“澳人治澳”',
    },
    {
      text: '出台《长江保护修复攻坚战行动计划》、《农业农村污染治理攻坚战行动计划》',
      errors: [{ line: 1, column: 18, length: 1, message: '并列的书名号之间通常不用顿号' }],
      output: '出台《长江保护修复攻坚战行动计划》《农业农村污染治理攻坚战行动计划》',
    },
    {
      name: 'spaces around the 顿号 go too',
      text: '“天津八条” 、 “海河英才”',
      errors: [{ line: 1, column: 7, length: 3 }],
      output: '“天津八条”“海河英才”',
    },
  ],
});
