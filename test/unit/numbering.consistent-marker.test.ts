import { testRule } from '../helpers/ruleTester';
import { consistentMarker } from '../../src/rules/numbering/consistent-marker';

testRule(consistentMarker, {
  valid: [
    '1.甲\n2.乙\n3.丙',
    '1、甲\n2、乙',
    // Width of brackets and the dot is punctuation/half-width's and format's business.
    '(一)甲\n（二）乙',
    '1.甲\n2．乙',
    // Different styles at different levels are fine.
    '一、甲\n1.子\n2.子\n二、乙\n（一）子',
  ],
  invalid: [
    {
      name: '1. and 1、 mixed: the majority wins',
      text: '1.加强学习\n2、深化协商\n3.强化监督',
      errors: [{ line: 2, column: 1, length: 2, message: '“1.”式编号写法不统一：此处为“2、”，文中多为“1.”这种写法，应改为“2.”' }],
      output: '1.加强学习\n2.深化协商\n3.强化监督',
    },
    {
      name: 'across parents too',
      text: '一、甲\n1、子\n2、子\n二、乙\n1.子\n2、子',
      errors: [{ line: 5, column: 1, length: 2 }],
      output: '一、甲\n1、子\n2、子\n二、乙\n1、子\n2、子',
    },
    {
      name: 'the fix follows the majority as written (full-width dot)',
      text: '1．甲\n2、乙\n3．丙',
      errors: [{ line: 2, column: 1, length: 2 }],
      output: '1．甲\n2．乙\n3．丙',
    },
    {
      name: '第一， and 第一、',
      text: '第一，加强学习。\n第二、深化协商。\n第三，强化监督。',
      errors: [{ line: 2, column: 1, length: 3, message: '应改为“第二，”' }],
      output: '第一，加强学习。\n第二，深化协商。\n第三，强化监督。',
    },
  ],
});
