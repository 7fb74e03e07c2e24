import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { leadYear, yearIn } from '../../src/rules/structure/lead-year';
import { lint } from '../../src/lint';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const REPORT = read('test/fixtures/structure/report.txt');
const seedFile = (n: string) => 'test/fixtures/seeds/' + fs.readdirSync(path.join(ROOT, 'test/fixtures/seeds')).find(f => f.startsWith(n + '_'));

testRule(leadYear, {
  valid: [
    { name: 'report fixture (2025年工作安排 / 2025年政协工作的总体要求是)', text: REPORT },
    { name: 'seed 000 (2020年工作安排 / 2020年是)', text: read(seedFile('000')) },
    { name: 'seed 004 (2022年工作打算 / 2022年，)', text: read(seedFile('004')) },
    { name: 'Chinese numerals', text: REPORT.replace('二、2025年工作安排', '二、二〇二五年工作安排') },
    { name: 'a lead that opens with an earlier event', text: REPORT.replace('2025年政协工作的总体要求是', '2024年召开的全会为今后工作指明了方向。2025年政协工作的总体要求是') },
    { name: 'a heading without a year', text: REPORT.replace('二、2025年工作安排', '二、今年的主要任务') },
    { name: 'review and plan years far apart are figures/year-sequence’s business', text: REPORT.replace('一、2024年主要工作', '一、2021年主要工作') },
    { name: 'a proposal is not checked', text: read('test/fixtures/structure/proposal.txt') },
  ],
  invalid: [
    {
      name: 'lead year differs from the heading',
      text: REPORT.replace('2025年政协工作的总体要求是', '2026年政协工作的总体要求是'),
      errors: [{ line: 10, column: 1, length: 5, message: '导语年份（2026年）与标题「工作安排」的年份（2025年）不一致，请核对' }],
    },
    {
      name: '“2021年是……” under “三、2020年工作安排” (seed 000)',
      text: read(seedFile('000')).replace('2020年是我市全面建成', '2021年是我市全面建成'),
      errors: [{ line: 53, column: 3, length: 5, message: '导语年份（2021年）与标题「工作安排」的年份（2020年）不一致' }],
    },
    {
      name: 'plain-line heading (seed 004: 2022年工作打算 / 2023年，)',
      text: read(seedFile('004')).replace('2022年,中国共产党将召开', '2023年,中国共产党将召开'),
      errors: [{ line: 69, column: 1, length: 5, message: '导语年份（2023年）与标题「工作安排」的年份（2022年）不一致' }],
    },
  ],
});

describe('structure/lead-year details', () => {
  it('reads Arabic and Chinese years', () => {
    assert.deepStrictEqual(yearIn('一、2019年主要工作'), { year: 2019, index: 2, length: 4 });
    assert.deepStrictEqual(yearIn('二〇二〇年工作安排'), { year: 2020, index: 0, length: 4 });
    assert.deepStrictEqual(yearIn('一、2024 年工作回顾'), { year: 2024, index: 2, length: 4 });
    assert.strictEqual(yearIn('过去五年工作回顾'), undefined);
  });
  it('carries the expected year and points back to the heading', () => {
    const text = REPORT.replace('2025年政协工作的总体要求是', '2026年政协工作的总体要求是');
    const d = lint(text, onlyRule(leadYear)).diagnostics;
    assert.strictEqual(d[0].expected, '2025年');
    const at = text.indexOf('二、2025年工作安排');
    const line = text.slice(0, at).split('\n').length;
    assert.deepStrictEqual(d[0].related, [{ offset: at, length: 11, message: '标题年份：2025年', line, column: 1 }]);
  });
});
