import { testRule } from '../helpers/ruleTester';
import { anniversary } from '../../src/rules/figures/anniversary';
import { defaultConfig } from '../../src/core/types';

const SEED_000 = '2019年,我们喜迎中华人民共和国70华诞、庆祝人民政协成立70周年。中共中央首次召开政协工作会议。';

testRule(anniversary, {
  valid: [
    // Said a year ahead (迎接……70周年 in 2018), looking back (回望……70周年 in 2020), or the year of another item of a list.
    '2018年，为迎接中华人民共和国成立70周年，出版社计划出版一套丛书。',
    '在2020年新年贺词中，他深情回望新中国成立70周年庆典。',
    '2013年春晚、纪念抗日战争胜利70周年等活动中，都能听到这首歌。',
    SEED_000,
    // The section year (一、2019年主要工作) applies; a past event's speech is not checked.
    '一、2019年主要工作\n精心组织庆祝新中国和人民政协成立70周年系列活动。跟进学习习近平总书记在庆祝改革开放40周年大会上的重要讲话。',
    '2021年是中国共产党成立100周年。',
    '2021年,我们隆重庆祝中国共产党成立一百周年。',
    '2018年是改革开放40周年。',
    // No year: nothing to check.
    '庆祝中华人民共和国成立75周年。',
  ],
  invalid: [
    {
      name: '71华诞 in 2019',
      text: SEED_000.replace('70华诞', '71华诞'),
      errors: [{ line: 1, column: 18, length: 2, message: '2019年是新中国成立（1949年）70周年，文中写作“71”' }],
      output: SEED_000,
    },
    {
      name: '人民政协 71周年 in 2019',
      text: SEED_000.replace('成立70周年', '成立71周年'),
      errors: [{ line: 1, column: 31, length: 2, message: '人民政协成立（1949年）70周年' }],
      output: SEED_000,
    },
    {
      name: 'Chinese numerals, the Party',
      text: '2021年是中国共产党成立九十周年。',
      errors: [{ line: 1, column: 14, length: 2, message: '中国共产党成立（1921年）100周年' }],
      output: '2021年是中国共产党成立一百周年。',
    },
    {
      name: 'section year',
      text: '一、2019年主要工作\n组织庆祝新中国成立71周年系列活动。',
      errors: [{ line: 2, column: 10, length: 2, message: '2019年是新中国成立（1949年）70周年' }],
      output: '一、2019年主要工作\n组织庆祝新中国成立70周年系列活动。',
    },
    {
      name: '今年 with the document date',
      text: '今年是改革开放40周年。',
      lint: { config: { ...defaultConfig(), documentDate: '2019-01' } },
      errors: [{ line: 1, column: 8, length: 2, message: '2019年是改革开放（1978年）41周年' }],
      output: '今年是改革开放41周年。',
    },
  ],
});
