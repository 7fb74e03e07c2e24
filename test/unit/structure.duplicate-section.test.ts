import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { duplicateSection } from '../../src/rules/structure/duplicate-section';
import { lint } from '../../src/lint';

const ROOT = path.resolve(__dirname, '../../..');
const REPORT = fs.readFileSync(path.join(ROOT, 'test/fixtures/structure/report.txt'), 'utf8').split('\n');
const DUP = [...REPORT.slice(0, 12), '三、2025年工作要点', '（一）加强委员队伍建设。', REPORT[12]].join('\n');

testRule(duplicateSection, {
  valid: [
    { name: 'report fixture', text: REPORT.join('\n') },
    {
      name: 'government report: 总体要求 and 工作任务 are both plan parts (repeatable)',
      text: ['各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、2024年工作回顾', '全市生产总值增长5.1%。', '二、2025年工作总体要求和主要目标', '今年经济社会发展的主要预期目标是：生产总值增长5%左右。', '三、2025年重点工作', '（一）扩大有效需求。', '让我们团结一心，为建设现代化城市而努力奋斗！'].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a second plan heading',
      text: DUP,
      errors: [{ line: 13, column: 1, length: 11, message: '「工作安排」部分重复出现：第 9 行“二、2025年工作安排”已是这一部分，请合并或改正标题' }],
    },
    {
      name: 'two review headings in Markdown',
      text: ['# 政协××市委员会常务委员会工作报告', '各位委员：', '我代表政协××市委员会常务委员会，向大会报告工作，请予审议。', '## 一、2024年主要工作', '全年举办学习座谈会12次。', '## 二、2024年工作回顾', '召开专题协商会3次。', '这些成绩的取得，是中共××市委坚强领导的结果。', '我们也清醒认识到，工作中还存在一些不足。', '## 三、2025年工作安排', '2025年政协工作的总体要求是：服务全市中心工作。', '（一）强化理论武装。', '让我们为建设美丽××而努力奋斗！'].join('\n\n'),
      lint: { languageId: 'markdown' },
      errors: [{ line: 11, column: 4, length: 11, message: '「工作回顾」部分重复出现：第 7 行“一、2024年主要工作”已是这一部分' }],
    },
  ],
});

describe('structure/duplicate-section related location', () => {
  it('points back to the first occurrence', () => {
    const d = lint(DUP, onlyRule(duplicateSection)).diagnostics;
    assert.strictEqual(d.length, 1);
    const first = DUP.indexOf('二、2025年工作安排');
    const line = DUP.slice(0, first).split('\n').length;
    assert.deepStrictEqual(d[0].related, [{ offset: first, length: 11, message: '「工作安排」第一次出现在这里', line, column: 1 }]);
  });
});
