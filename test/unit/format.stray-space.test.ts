import { testRule } from '../helpers/ruleTester';
import { straySpace } from '../../src/rules/format/stray-space';

testRule(straySpace, {
  valid: [
    '委员们深入基层，了解民意。',
    // Spaces between Han characters are deliberate in headlines, datelines and name lists.
    '本报记者  张  三\n主  席：李四\n奋斗的史诗 复兴的伟业',
    // A link masked in Markdown is not a space the writer typed (the space after it is not before a Han character).
    { name: 'a link before the mark', text: '详见市政协网站 https://www.example.gov.cn/zx?id=1,2 。', lint: { path: 'a.md' } },
    // Indentation, and a space before half-width text, are not this rule's.
    '　　委员们深入基层。\n    全年开展调研 80 余次。',
  ],
  invalid: [
    {
      name: 'a space before a full-width full stop',
      text: '委员们深入基层，了解民意 。',
      errors: [{ line: 1, column: 13, length: 1, message: '句号前多了空格，应删去' }],
      output: '委员们深入基层，了解民意。',
    },
    {
      name: 'full-width and no-break spaces before a comma and a closing quote; a space after an opening quote',
      text: '活动现场人气爆棚\u3000\u3000，开展“ 委员进社区\u00a0”活动。',
      errors: [
        { line: 1, column: 9, length: 2, message: '逗号前多了空格' },
        { line: 1, column: 15, length: 1, message: '前引号后多了空格' },
        { line: 1, column: 21, length: 1, message: '后引号前多了空格' },
      ],
      output: '活动现场人气爆棚，开展“委员进社区”活动。',
    },
  ],
});
