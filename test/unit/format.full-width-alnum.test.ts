import * as assert from 'assert';
import { testRule } from '../helpers/ruleTester';
import { fullWidthAlnum, toHalfWidth } from '../../src/rules/format/full-width-alnum';

testRule(fullWidthAlnum, {
  valid: ['全年收到提案1501件，立案1307件', 'GDP增长5.5％左右', '（一）突出政治引领：全角标点不在本规则范围内。'],
  invalid: [
    {
      text: '全年收到提案１５０１件，立案１３０７件',
      errors: [
        { line: 1, column: 7, length: 4, message: '“１５０１”使用了全角数字，应改为半角“1501”' },
        { line: 1, column: 15, length: 4 },
      ],
      output: '全年收到提案1501件，立案1307件',
    },
    {
      text: 'ＧＤＰ增长５．５％',
      errors: [
        { line: 1, column: 1, length: 3, message: '全角字母' },
        { line: 1, column: 6, length: 3, message: '“５．５”' },
      ],
      output: 'GDP增长5.5％',
    },
    { text: '第二行\n第Ａ３版', errors: [{ line: 2, column: 2, length: 2, message: '全角数字和字母' }], output: '第二行\n第A3版' },
  ],
});

describe('toHalfWidth', () => {
  it('maps the full-width ASCII block', () => {
    assert.strictEqual(toHalfWidth('０９ＡＺａｚ．'), '09AZaz.');
  });
});
