// 一、2019年主要工作 …… 三、2021年工作安排 → 工作安排的年份应为回顾年份的下一年（2020年）.
import type { Rule } from '../../core/types';
import { alternatives, PLAN_HEADING_WORDS } from '../../core/heading-words';

const REVIEW = /((?:19|20)\d{2})年(?:度)?[^，。,]{0,8}?(主要工作|工作回顾|工作情况|工作总结|回顾)/;
const PLAN = new RegExp(`((?:19|20)\\d{2})年(?:度)?[^，。,]{0,8}?(${alternatives(PLAN_HEADING_WORDS)})`);

export const yearSequence: Rule = {
  meta: {
    id: 'figures/year-sequence',
    category: 'figures',
    defaultSeverity: 'error',
    description: '工作安排的年份不是回顾年份的下一年',
    docs:
      '工作报告先回顾上一年、再安排下一年：“一、2019年主要工作”之后应是“三、2020年工作安排”。同一层级的标题中，回顾部分（主要工作、工作回顾）与安排部分（工作安排、工作打算、工作要点、主要任务）的年份应相差一年。可自动改为回顾年份的下一年。',
    examples: [
      { bad: '一、2019年主要工作\n……\n三、2021年工作安排', good: '一、2019年主要工作\n……\n三、2020年工作安排' },
    ],
    fixable: true,
  },
  check(ctx) {
    const hs = ctx.doc.headings;
    let review: { year: number; offset: number; length: number; level: number } | undefined;
    for (const h of hs) {
      const title = ctx.doc.text.slice(h.offset, h.offset + Math.min(h.length, 60));
      const r = REVIEW.exec(title);
      if (r && !PLAN.test(title)) {
        if (!review) review = { year: Number(r[1]), offset: h.offset + r.index, length: 4, level: h.level };
        continue;
      }
      const p = PLAN.exec(title);
      if (!p || !review || h.level !== review.level) continue;
      const year = Number(p[1]);
      if (year === review.year + 1) continue;
      const at = h.offset + p.index;
      ctx.report({
        offset: at,
        length: 4,
        message: `工作安排的年份${year}年与回顾的${review.year}年不衔接：应为${review.year + 1}年`,
        expected: `${review.year + 1}年`,
        fix: { offset: at, length: 4, text: String(review.year + 1) },
        related: [{ offset: review.offset, length: review.length, message: `回顾部分：${review.year}年` }],
      });
    }
  },
};
