import { testRule } from '../helpers/ruleTester';
import { planPeriod } from '../../src/rules/figures/plan-period';
import { defaultConfig } from '../../src/core/types';

const dated = (d: string) => ({ config: { ...defaultConfig(), documentDate: d } });

testRule(planPeriod, {
  valid: [
    { name: 'a year inside the plan, or the year that prepares the next one', text: '2023年是全面实施“十四五”规划承上启下的关键一年。2020年是谋划“十四五”发展的关键一年。2019年是为“十四五”规划编制打基础的关键一年。' },
    // Seed 000.
    '2020年是我市全面建成高质量小康社会、“十三五”规划收官之年。',
    '2021年是“十四五”规划开局之年。',
    '2025年是“十四五”规划收官之年，也是“十五五”规划谋篇布局之年。',
    { text: '今年是“十四五”规划开局之年。', lint: dated('2021-01') },
    // Without a year nothing can be checked.
    '今年是“十四五”规划开局之年。',
  ],
  invalid: [
    {
      name: 'another role of a year inside a plan (关键一年) for a year outside it',
      text: '2024年是实现“十三五”规划目标任务的关键一年。',
      errors: [{ line: 1, column: 1, length: 5, message: '“十三五”规划为2016—2020年，“2024年”不在规划期内，不能是其关键一年' }],
    },
    {
      name: 'seed 000 with the wrong plan',
      text: '2020年是我市全面建成高质量小康社会、“十四五”规划收官之年。',
      errors: [{ line: 1, column: 1, length: 5, message: '“十四五”规划为2021—2025年，收官之年是2025年，与“2020年”不符' }],
    },
    {
      name: '开局之年 in the wrong year',
      text: '第一段。\n2022年是“十四五”开局之年。',
      errors: [{ line: 2, column: 1, length: 5, message: '开局之年是2021年' }],
    },
    {
      name: '今年 with the document date',
      text: '今年是“十四五”规划开局之年。',
      lint: dated('2022-01'),
      errors: [{ line: 1, column: 1, length: 2, message: '与“今年”（2022年）不符' }],
    },
  ],
});
