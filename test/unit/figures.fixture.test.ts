// A made-up 常委会工作报告 draft (test/fixtures/figures/report-draft.txt) with one or two mistakes of each kind:
// every figures rule finds exactly the planted ones.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { FIGURES_RULES } from '../../src/rules/figures';

const FILE = path.resolve(__dirname, '../../../test/fixtures/figures/report-draft.txt');

describe('figures rules over a draft with planted mistakes', () => {
  it('finds each planted mistake and nothing else', () => {
    const text = fs.readFileSync(FILE, 'utf8');
    const r = lint(text, { path: FILE, rules: FIGURES_RULES });
    assert.deepStrictEqual(r.notices, []);
    assert.deepStrictEqual(
      r.diagnostics.map(d => [d.ruleId, `${d.line}:${d.column}`, text.substr(d.offset, d.length)]),
      [
        ['figures/anniversary', '7:22', '100'], // 2020年 is the Party's 99th
        ['figures/anniversary', '7:36', '72'], // and 人民政协's 71st
        ['figures/sum-mismatch', '8:17', '12个'], // 2 + 9 = 11
        ['figures/count-mismatch', '8:93', '等5个方面'], // four listed
        ['figures/part-exceeds-whole', '9:30', '1060件'], // 立案 > 收到
        ['figures/rate', '9:39', '96.6%'], // 1060 ÷ 1043
        ['figures/rate', '9:53', '107.9%'], // above 100%
        ['figures/rate', '10:41', '31.9%'], // 127 ÷ 581 = 21.9%
        ['figures/number-style', '10:60', '十三'], // 13个 elsewhere
        ['figures/number-style', '10:82', '左右'], // 约……左右
        ['figures/session-consistency', '11:47', '市政协五届二次会议'], // 2020 was the third session
        ['figures/inconsistent-figure', '13:16', '1006件'], // 1008 above
        ['figures/plan-period', '15:3', '2021年'], // 十四五 ends in 2025
        ['figures/count-mismatch', '15:25', '三个方面'], // 一是……四是
        ['figures/repeated-parallel-item', '15:59', '四是加强理论学习'], // = 一是
        ['figures/impossible-date', '16:5', '2021年2月30日'],
        ['figures/impossible-date', '16:35', '四'], // 2021-03-05 was a Friday
      ],
    );
  });
});
