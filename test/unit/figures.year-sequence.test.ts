import { testRule } from '../helpers/ruleTester';
import { yearSequence } from '../../src/rules/figures/year-sequence';

const SEED_000 = ['各位委员:', '  一、2019年主要工作', '  (一)突出理论武装。', '  二、准确把握新时代加强和改进人民政协工作的新要求', '  三、2020年工作安排', '  2020年是我市全面建成高质量小康社会、“十三五”规划收官之年。'].join('\n');

testRule(yearSequence, {
  valid: [SEED_000, '一、2021年工作回顾\n二、2022年工作打算', '三、2020年工作安排\n只有安排，没有回顾。'],
  invalid: [
    {
      name: 'plan year two years after the review',
      text: SEED_000.replace('三、2020年工作安排', '三、2021年工作安排'),
      errors: [{ line: 5, column: 5, length: 4, message: '工作安排的年份2021年与回顾的2019年不衔接：应为2020年' }],
      output: SEED_000,
    },
    {
      name: 'plan year before the review',
      text: '一、2021年工作回顾\n二、2021年工作打算',
      errors: [{ line: 2, column: 3, length: 4, message: '应为2022年' }],
      output: '一、2021年工作回顾\n二、2022年工作打算',
    },
  ],
});
