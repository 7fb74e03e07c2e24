import { testRule } from '../helpers/ruleTester';
import { fixedEnumeration } from '../../src/rules/formulation/fixed-enumeration';
import { defaultConfig } from '../../src/core/types';

const dated = (d: string) => ({ config: { ...defaultConfig(), documentDate: d } });

testRule(fixedEnumeration, {
  valid: [
    { name: 'one thing joined to a list by 同 (X 同 A、B、C 衔接) is not the list’s first item', text: '推动政协协商同政党协商、人大协商、政府协商有效衔接。' },
    { name: 'an item of the writer’s own whose kept character every item shares (…感)', text: '让人民群众多一些获得感、幸福感、光荣感。' },
    { name: 'the writer’s list goes on after the fixed items', text: '认真履行政治协商、民主协商、参政议政、凝聚共识等职能。要做到懂政协、会协商、善建言、能履职。' },
    { name: 'another word for an item where the list is not the whole fixed one', text: '开展政治协商、民主议事活动。' },
    '认真履行政治协商、民主监督、参政议政职能',
    '促进民族关系、宗教关系和谐',
    '把生态文明建设放在突出地位,融入经济建设、政治建设、文化建设、社会建设各方面和全过程',
    { name: '三个自信 before 2016', text: '全党要坚定这样的道路自信、理论自信、制度自信！', lint: dated('2012-11') },
    '发挥好“重要阵地”“重要平台”“重要渠道”作用',
    '切实增进政治认同、思想认同、理论认同、情感认同',
    { name: "a writer's list of 讲… items", text: '必须讲党性、讲原则、讲纪律、讲规矩，坚决抵制歪风。' },
    { name: 'the same verb twice is a list of its own', text: '要讲纪律、讲规矩。' },
    { name: 'three of five items, not first and last', text: '推进经济建设、政治建设、文化建设。' },
  ],
  invalid: [
    {
      name: 'another word in the middle item of a whole list (民主协商 for 民主监督)',
      text: '认真履行政治协商、民主协商、参政议政职能。',
      errors: [{ line: 1, column: 10, length: 4, message: '固定排列“政治协商、民主监督、参政议政”中的“民主协商”有误，应为“民主监督”' }],
      output: '认真履行政治协商、民主监督、参政议政职能。',
    },
    {
      name: 'another word as the last item, the list ending at a comma (善建言 for 善议政)',
      text: '要做到懂政协、会协商、善建言，守纪律、讲规矩、重品行。',
      errors: [{ line: 1, column: 12, length: 3, message: '固定排列“懂政协、会协商、善议政”中的“善建言”有误，应为“善议政”' }],
      output: '要做到懂政协、会协商、善议政，守纪律、讲规矩、重品行。',
    },
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
    {
      name: 'verbs exchanged between items (懂政协、善协商、会议政)',
      text: '做到懂政协、善协商、会议政，守纪律、讲规矩、重品行。',
      errors: [
        { line: 1, column: 7, length: 3, message: '应为“会协商”' },
        { line: 1, column: 11, length: 3, message: '应为“善议政”' },
      ],
      output: '做到懂政协、会协商、善议政，守纪律、讲规矩、重品行。',
    },
    {
      name: 'verbs exchanged, no item written right',
      text: '要担初心、守使命，找差距、抓落实。',
      errors: [
        { line: 1, column: 2, length: 3, message: '应为“守初心”' },
        { line: 1, column: 6, length: 3, message: '应为“担使命”' },
      ],
      output: '要守初心、担使命，找差距、抓落实。',
    },
    {
      name: 'an inner item left out between the first and the last',
      text: '坚定不移贯彻创新、协调、开放、共享的新发展理念。',
      errors: [{ line: 1, column: 7, length: 11, message: '缺少“绿色”' }],
      output: '坚定不移贯彻创新、协调、绿色、开放、共享的新发展理念。',
    },
  ],
});

// Lists mined from edited text (src/packs/mined-enumerations.json, orderOnly): reported only whole, undamaged and in
// another order; their spelling, missing items and verbs are not guessed.
testRule(fixedEnumeration, {
  valid: [
    { name: 'a mined list in its order', text: '推动质量变革、效率变革、动力变革。' },
    { name: 'a mined list cut short (two of three items)', text: '推动效率变革、质量变革。' },
    { name: 'a mined list with an item written otherwise: not guessed (no damaged item for mined lists)', text: '推动质量变革、效益变革、动力变革。' },
    { name: 'a mined list that the writer goes on with', text: '推动效率变革、质量变革、动力变革、管理变革。' },
    { name: 'a mined list with one item given another head: the writer’s wording, not crossed verbs', text: '充分调动积极性、主动性、能动性。' },
  ],
  invalid: [
    {
      name: 'a mined list in another order (a warning: used 20 times in 18 articles)',
      text: '推动效率变革、质量变革、动力变革。',
      errors: [{ line: 1, column: 3, length: 9, severity: 'warning', message: '固定排列的顺序有误，规范顺序为“质量变革、效率变革、动力变革”' }],
      output: '推动质量变革、效率变革、动力变革。',
    },
    {
      name: 'a whole mined list with the heads of two items exchanged (积极性、创动性、主造性)',
      text: '充分调动积极性、创动性、主造性。',
      errors: [
        { line: 1, column: 9, length: 3, message: '固定排列“积极性、主动性、创造性”中的“创动性”搭配有误，应为“主动性”' },
        { line: 1, column: 13, length: 3, message: '“主造性”搭配有误，应为“创造性”' },
      ],
      output: '充分调动积极性、主动性、创造性。',
    },
    {
      name: 'a less used mined list in another order: a note',
      text: '弘扬中国价值、中国精神、中国力量。',
      errors: [{ line: 1, column: 3, length: 9, severity: 'info', message: '规范顺序为“中国精神、中国价值、中国力量”' }],
      output: '弘扬中国精神、中国价值、中国力量。',
    },
  ],
});
