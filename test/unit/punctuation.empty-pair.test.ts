import { testRule } from '../helpers/ruleTester';
import { emptyPair } from '../../src/rules/punctuation/empty-pair';

testRule(emptyPair, {
  valid: ['推动专门协商机构“商”出特色。', '《中国人民政治协商会议章程》', '（一）突出理论武装'],
  invalid: [
    { text: '推动专门协商机构“”出特色、“”出质量。', errors: [{ line: 1, column: 9, length: 2, message: '空引号' }, { line: 1, column: 15, length: 2 }] },
    { text: '第一行\n准确把握天津发展“”与“”。', errors: [{ line: 2, column: 9, length: 2 }, { line: 2, column: 12, length: 2 }] },
    { text: '见《》。', errors: [{ line: 1, column: 2, length: 2, message: '空书名号' }] },
  ],
});
