import { testRule } from '../helpers/ruleTester';
import { fixedEnumeration } from '../../src/rules/formulation/fixed-enumeration';
import { defaultConfig } from '../../src/core/types';

const dated = (d: string) => ({ config: { ...defaultConfig(), documentDate: d } });

testRule(fixedEnumeration, {
  valid: [
    '认真履行政治协商、民主监督、参政议政职能',
    '促进民族关系、宗教关系和谐',
    '把生态文明建设放在突出地位,融入经济建设、政治建设、文化建设、社会建设各方面和全过程',
    { name: '三个自信 before 2016', text: '全党要坚定这样的道路自信、理论自信、制度自信！', lint: dated('2012-11') },
    '发挥好“重要阵地”“重要平台”“重要渠道”作用',
    '切实增进政治认同、思想认同、理论认同、情感认同',
  ],
  invalid: [
    {
      name: 'seed 004: 促进政关系',
      text: '更好发挥港澳委员“双重积极作用”,促进政关系、民族关系、宗教关系、阶层关系、海内外同胞关系和谐。',
      errors: [{ line: 1, column: 20, length: 3, message: '应为“政党关系”' }],
      output: '更好发挥港澳委员“双重积极作用”,促进政党关系、民族关系、宗教关系、阶层关系、海内外同胞关系和谐。',
    },
    {
      name: 'swapped order',
      text: '认真履行民主监督、政治协商、参政议政职能',
      errors: [{ line: 1, column: 5, length: 9, message: '顺序' }],
      output: '认真履行政治协商、民主监督、参政议政职能',
    },
    {
      name: 'missing item',
      text: '促进政党关系、民族关系、宗教关系、海内外同胞关系和谐',
      errors: [{ line: 1, column: 3, length: 22, message: '缺少“阶层关系”' }],
      output: '促进政党关系、民族关系、宗教关系、阶层关系、海内外同胞关系和谐',
    },
    {
      name: 'an unrecognised item where one is missing: pointed at, no fix',
      text: '不断提高政协党组织的领导引领力、思想引领力、群众组织力、社会号召力',
      errors: [{ line: 1, column: 11, length: 5, message: '应为“政治领导力”' }],
    },
    {
      name: 'four confidences after 2016',
      text: '坚定道路自信、理论自信、制度自信。',
      lint: dated('2019'),
      errors: [{ line: 1, column: 3, length: 14, message: '文化自信' }],
      output: '坚定道路自信、理论自信、制度自信、文化自信。',
    },
  ],
});
