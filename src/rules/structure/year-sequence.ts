// “一、2023年主要工作 …… 二、2025年工作安排” → 「工作安排」的年份（2025年）应紧接「工作回顾」的年份（2023年），应为2024年.
import type { Rule } from '../../core/types';
import type { Block } from '../../core/doctype';
import { anchorOf, q, structureOf, TEMPLATED_TYPES } from './common';

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const YEAR = /((?:19|20)\d{2}|[一二][〇零○一二三四五六七八九]{3})\s*年/;

/** The first year written in `text` (2019年, 二〇一九年) with its position, or undefined. */
export function yearIn(text: string): { year: number; index: number; length: number } | undefined {
  const m = YEAR.exec(text);
  if (!m) return undefined;
  const digits = /^\d+$/.test(m[1]) ? m[1] : [...m[1]].map(c => CN_DIGIT[c]).join('');
  return { year: Number(digits), index: m.index, length: m[1].length };
}

/** Year in a section heading's title (after its numbering marker). */
function headingYear(b: Block): number | undefined {
  return b.title !== undefined ? yearIn(b.title)?.year : undefined;
}

export const yearSequence: Rule = {
  meta: {
    id: 'structure/year-sequence',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '工作安排的年份与工作回顾的年份不衔接，或导语年份与标题不一致',
    docs:
      '年度工作报告回顾上一年、部署本年度，两部分标题中的年份应当相邻：“一、2019年主要工作”之后应是“2020年工作安排”。' +
      '沿用去年稿件时常有一处年份没改，造成“2023年主要工作……2025年工作安排”或标题写“2020年工作安排”、导语却写“2021年是……”。' +
      '按模板中部分的 yearFollows（内置模板：工作安排紧接工作回顾）检查；标题中没有年份（如“过去五年工作回顾”）时不检查。年份可写作阿拉伯数字或“二〇二〇年”。',
    examples: [
      { bad: '一、2023年主要工作 ⏎ …… ⏎ 二、2025年工作安排', good: '一、2024年主要工作 ⏎ …… ⏎ 二、2025年工作安排' },
      { bad: '三、2020年工作安排 ⏎ 2021年是……', good: '三、2020年工作安排 ⏎ 2020年是……' },
    ],
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    const m = structureOf(ctx);
    if (!m) return;
    for (const s of m.template.sections) {
      if (!s.yearFollows) continue;
      const base = m.hits.get(s.yearFollows)?.[0];
      const baseYear = base && base.viaHeading ? headingYear(base.block) : undefined;
      for (const h of m.hits.get(s.id) ?? []) {
        if (!h.viaHeading || h.implicit) continue;
        const y = headingYear(h.block);
        if (y === undefined) continue;
        if (baseYear !== undefined && y !== baseYear + 1) {
          ctx.report({
            ...anchorOf(ctx, h.block),
            message: `${q(s.name)}的年份（${y}年）与${q(base!.section.name)}的年份（${baseYear}年）不衔接：工作安排应是回顾年份的下一年（${baseYear + 1}年），请核对两处年份`,
            related: [{ ...anchorOf(ctx, base!.block), message: `${q(base!.section.name)}：${baseYear}年` }],
          });
        }
        // The lead paragraph “2021年是……” under “2020年工作安排”.
        const lead = h.body.find(b => !b.isHeading);
        const ly = lead ? yearIn(lead.text) : undefined;
        // Only a lead about the year itself (“2021年是……”, “2021年，……”, “2021年政协工作的总体要求是”), not “2019年召开的……”.
        const aboutYear = lead && ly ? /^\s*年(?:是|[，,]|[^，。]{0,8}工作的?总体要求)/.test(lead.text.slice(ly.index + ly.length)) : false;
        if (lead && ly && ly.index === 0 && aboutYear && ly.year !== y) {
          const offset = lead.p.offset + lead.p.text.indexOf(lead.text) + ly.index;
          ctx.report({
            offset,
            length: ly.length + 1,
            message: `导语年份（${ly.year}年）与标题${q(s.name)}的年份（${y}年）不一致，请核对`,
            expected: `${y}年`,
            related: [{ ...anchorOf(ctx, h.block), message: `标题年份：${y}年` }],
          });
        }
      }
    }
  },
};
