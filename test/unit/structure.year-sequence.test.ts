import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { yearSequence, yearIn } from '../../src/rules/structure/year-sequence';
import { lint } from '../../src/core/engine';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const REPORT = read('test/fixtures/structure/report.txt');
const seedFile = (n: string) => 'test/fixtures/seeds/' + fs.readdirSync(path.join(ROOT, 'test/fixtures/seeds')).find(f => f.startsWith(n + '_'));

testRule(yearSequence, {
  valid: [
    { name: 'report fixture (2024 → 2025)', text: REPORT },
    { name: 'seed 000 (2019 → 2020)', text: read(seedFile('000')) },
    { name: 'seed 004 (review without heading)', text: read(seedFile('004')) },
    { name: 'Chinese numerals', text: REPORT.replace('一、2024年主要工作', '一、二〇二四年主要工作').replace('二、2025年工作安排', '二、二〇二五年工作安排') },
    { name: 'review without a year (五年来)', text: REPORT.replace('一、2024年主要工作', '一、五年来的主要工作') },
    { name: 'lead that mentions an earlier event is not about the year', text: REPORT.replace('2025年政协工作的总体要求是', '2024年召开的全会为今后工作指明了方向。2025年政协工作的总体要求是') },
    { name: 'a proposal is not checked', text: read('test/fixtures/structure/proposal.txt') },
  ],
  invalid: [
    {
      name: 'plan two years after the review',
      text: REPORT.replace('一、2024年主要工作', '一、2023年主要工作'),
      errors: [{ line: 9, column: 1, length: 11, message: '「工作安排」的年份（2025年）与「工作回顾」的年份（2023年）不衔接：工作安排应是回顾年份的下一年（2024年），请核对两处年份' }],
    },
    {
      name: 'lead year differs from the heading',
      text: REPORT.replace('2025年政协工作的总体要求是', '2026年政协工作的总体要求是'),
      errors: [{ line: 10, column: 1, length: 5, message: '导语年份（2026年）与标题「工作安排」的年份（2025年）不一致，请核对' }],
    },
    {
      name: 'plan before the review year',
      text: REPORT.replace('二、2025年工作安排', '二、2024年工作安排').replace('2025年政协工作', '2024年政协工作'),
      errors: [{ line: 9, column: 1, length: 11, message: '（2024年）与「工作回顾」的年份（2024年）不衔接' }],
    },
  ],
});

describe('structure/year-sequence details', () => {
  it('reads Arabic and Chinese years', () => {
    assert.deepStrictEqual(yearIn('一、2019年主要工作'), { year: 2019, index: 2, length: 4 });
    assert.deepStrictEqual(yearIn('二〇二〇年工作安排'), { year: 2020, index: 0, length: 4 });
    assert.deepStrictEqual(yearIn('一、2024 年工作回顾'), { year: 2024, index: 2, length: 4 });
    assert.strictEqual(yearIn('过去五年工作回顾'), undefined);
  });
  it('points back to the review heading', () => {
    const text = REPORT.replace('一、2024年主要工作', '一、2023年主要工作');
    const d = lint(text, onlyRule(yearSequence)).diagnostics;
    assert.deepStrictEqual(d[0].related, [{ offset: text.indexOf('一、2023年主要工作'), length: 11, message: '「工作回顾」：2023年' }]);
  });
  it('the lead finding carries the expected year', () => {
    const d = lint(REPORT.replace('2025年政协工作的总体要求是', '2026年政协工作的总体要求是'), onlyRule(yearSequence)).diagnostics;
    assert.strictEqual(d[0].expected, '2025年');
  });
});
