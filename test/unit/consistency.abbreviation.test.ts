import { testRule } from '../helpers/ruleTester';
import { abbreviation } from '../../src/rules/consistency/abbreviation';

const head = '关于提案工作情况的报告\n各位委员：\n';

testRule(abbreviation, {
  valid: [
    { name: 'introduced first, then used', text: head + '政协提案委员会（以下简称“提案委”）履行职责。\n提案委牵头开展调研。' },
    { name: 'standard abbreviations need no introduction', text: head + '中国人民政治协商会议天津市委员会常务委员会召开会议。\n市政协常委会听取报告。' },
    { name: 'the abbreviation inside the full name written before', text: head + '中国石油天然气集团有限公司参与建设。\n中国石油天然气集团有限公司（以下简称“中国石油”）表示支持。' },
    { name: 'a title line may use it first', text: '提案委开展专题调研\n政协提案委员会（以下简称“提案委”）近日开展调研。' },
    { name: 'two characters are too short to judge', text: head + '要弘扬人文精神。\n人文社会科学（以下简称“人文”）。' },
  ],
  invalid: [
    {
      name: 'used before it is introduced',
      text: head + '过去一年，提案委牵头开展调研。\n政协提案委员会（以下简称“提案委”）履行职责。',
      errors: [{ line: 3, column: 6, length: 3, severity: 'info', message: '简称“提案委”到第4行才注明全称' }],
    },
    {
      name: 'introduced twice',
      text: head + '政协提案委员会（以下简称“提案委”）履行职责。\n提案委员会（简称“提案委”）组织调研。',
      errors: [{ line: 4, column: 10, length: 3, severity: 'info', message: '在前文第3行已经注明' }],
    },
  ],
});
