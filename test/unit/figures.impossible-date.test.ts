import { testRule } from '../helpers/ruleTester';
import { impossibleDate } from '../../src/rules/figures/impossible-date';

testRule(impossibleDate, {
  valid: [
    '定于2020年2月29日召开。',
    '2020年1月23日（星期四）上午召开。',
    '2020年1月23日(周四)上午召开。',
    '会期为2019年至2021年。2019年3月5日至2019年3月8日。3月5日至3月8日。',
    '23.01.2020  10:44',
    { name: 'years before the common era count down', text: '二里头遗址的绝对年代大致为公元前1750年至1500年。秦朝存在于前221年—前206年。' },
  ],
  invalid: [
    { name: 'a reversed range of common-era years', text: '遗址年代为1750年至1500年。', errors: [{ line: 1, column: 6, length: 11, message: '起止倒置' }] },
    { name: '2月29日 in a common year', text: '定于2021年2月29日召开。', errors: [{ line: 1, column: 3, length: 10, message: '2021年2月只有28天' }] },
    { name: '2月30日', text: '定于2月30日召开。', errors: [{ line: 1, column: 3, length: 5, message: '2月最多29天' }] },
    { name: 'month 13', text: '13月1日开始。', errors: [{ line: 1, column: 1, length: 5, message: '月份应为1—12' }] },
    {
      name: 'weekday mismatch',
      text: '第一段。\n2020年1月23日（星期五）上午召开。',
      errors: [{ line: 2, column: 14, length: 1, message: '2020年1月23日是星期四' }],
      output: '第一段。\n2020年1月23日（星期四）上午召开。',
    },
    { name: 'a range of years backwards', text: '会期为2021年至2019年。', errors: [{ line: 1, column: 4, length: 11, message: '起止倒置' }] },
    { name: 'a range of days backwards', text: '3月5日至3月2日。', errors: [{ line: 1, column: 1, length: 9, message: '起止倒置' }] },
  ],
});
