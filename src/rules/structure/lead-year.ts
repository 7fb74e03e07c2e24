// “二、2025年工作安排” followed by “2026年政协工作的总体要求是……” → 导语年份（2026年）与标题「工作安排」的年份（2025年）不一致.
import type { Rule } from '../../core/types';
import { anchorOf, q, structureOf, TEMPLATED_TYPES } from './_lib/structure-of';

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const YEAR = /((?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})\s*年/;

/** The first year written in `text` (2019年, 二〇一九年) with its position, or undefined. */
export function yearIn(text: string): { year: number; index: number; length: number } | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const digits = /^\d+$/.test(m[1]) ? m[1] : [...m[1]].map(c => CN_DIGIT[c]).join('');
  return { year: Number(digits), index: m.index, length: m[1].length };
}

export const leadYear: Rule = {
  meta: {
    id: 'structure/lead-year',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '工作安排导语开头的年份与标题的年份不一致',
    docs:
      '按文种模板中带导语（lead）的部分检查，如常委会工作报告的“工作安排”：标题写“2020年工作安排”，导语却写“2021年是……”或“2021年政协工作的总体要求是”，多半是沿用旧稿时漏改了一处年份。' +
      '只检查以“××××年是”“××××年，”“××××年……工作的总体要求”开头的导语；“2019年召开的……”这类不是讲本年度的开头不检查。年份可写作阿拉伯数字或“二〇二〇年”。' +
      '工作安排与工作回顾两个标题的年份是否相邻，由 figures/year-sequence 检查。示例中\n表示换行。',
    examples: [
      { bad: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2026年是“十五五”规划开局之年。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！', good: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2025年是“十四五”规划收官之年。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！' },
    ],
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    const m = structureOf(ctx);
    if (!m) return;
    for (const list of m.hits.values())
      for (const h of list) {
        if (!h.section.lead || !h.viaHeading || h.implicit || h.block.title === undefined) continue;
        const y = yearIn(h.block.title)?.year;
        const lead = h.body.find(b => !b.isHeading);
        const ly = lead ? yearIn(lead.text) : undefined;
        if (y === undefined || !lead || !ly || ly.index !== 0 || ly.year === y) continue;
        // Only a lead about the year itself (“2021年是……”, “2021年，……”, “2021年政协工作的总体要求是”), not “2019年召开的……”.
        if (!/^\s*年(?:是|[，,]|[^，。]{0,8}工作的?总体要求)/.test(lead.text.slice(ly.length))) continue;
        const offset = lead.p.offset + lead.p.text.indexOf(lead.text);
        ctx.report({
          offset,
          length: ly.length + 1,
          message: `导语年份（${ly.year}年）与标题${q(h.section.name)}的年份（${y}年）不一致，请核对`,
          expected: `${y}年`,
          related: [{ ...anchorOf(ctx, h.block), message: `标题年份：${y}年` }],
        });
      }
  },
};
