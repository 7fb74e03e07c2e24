import { testRule } from '../helpers/ruleTester';
import { nonstandardDash } from '../../src/rules/punctuation/nonstandard-dash';

testRule(nonstandardDash, {
  valid: [
    '这就是——人民政协的优势所在。',
    { name: 'a single em dash joins (一字线)', text: '中国—东盟博览会，2019—2020年' },
    { name: 'hyphens in codes and dates', text: '编号A-1，2019-2020年度，ISO 9001' },
    { name: 'box drawing rules of a table away from Chinese text', text: '──────────' },
    { name: 'a lone box-drawing hyphen inside a transliterated name is left alone', text: '安娜─玛丽亚女士' },
    '用三～五年时间，25~30 kg',
  ],
  invalid: [
    {
      text: '这就是──人民政协的优势',
      errors: [{ line: 1, column: 4, length: 2, message: '“──”不是规范的破折号' }],
      output: '这就是——人民政协的优势',
    },
    {
      text: '委员们--尤其是基层委员--积极建言',
      errors: [
        { line: 1, column: 4, length: 2, message: '“--”' },
        { line: 1, column: 13, length: 2, message: '“--”' },
      ],
      output: '委员们——尤其是基层委员——积极建言',
    },
    { text: '我们的目标――共同富裕', errors: [{ line: 1, column: 6, length: 2 }], output: '我们的目标——共同富裕' },
    { name: 'an em dash mixed with a look-alike', text: '总之—─要落实', errors: [{ line: 1, column: 3, length: 2 }], output: '总之——要落实' },
    { text: '全角连字符－－代替破折号', errors: [{ line: 1, column: 6, length: 2 }], output: '全角连字符——代替破折号' },
    {
      text: '用三~五年时间',
      errors: [{ line: 1, column: 3, length: 1, message: '全角浪纹线“～”' }],
      output: '用三～五年时间',
    },
  ],
});
