// 报告中“我们也清醒认识到……不足”写在“三、2020年工作安排”之后 → 「不足」位置不对：应位于「成绩归因」之后、「工作安排」之前.
import type { Rule } from '../../core/types';
import { orderOf, SectionHit } from '../../core/template-match';
import { anchorOf, neighbours, placeText, q, structureOf, TEMPLATED_TYPES } from './_lib/structure-of';

/** The longest run of sections (in document order) whose template order never decreases; the others are out of place. */
function inOrder(hits: SectionHit[], order: (h: SectionHit) => number): Set<SectionHit> {
  const n = hits.length;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < i; j++)
      if (order(hits[j]) <= order(hits[i]) && len[j] + 1 > len[i]) {
        len[i] = len[j] + 1;
        prev[i] = j;
      }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || len[i] > len[best]) best = i;
  const keep = new Set<SectionHit>();
  for (let i = best; i >= 0; i = prev[i]) keep.add(hits[i]);
  return keep;
}

export const sectionOrder: Rule = {
  meta: {
    id: 'structure/section-order',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '文稿各部分的先后顺序不符合文种模板（如“不足”写在“工作安排”之后）',
    docs:
      '按文种模板检查各部分的先后顺序：常委会工作报告依次为称呼、开头、工作回顾、成绩归因、不足、（新要求或体会）、工作安排、结束语；提案依次为标题、提案人、案由、存在问题、建议。' +
      '找出顺序正确的最长序列，其余的部分逐一提示应放在哪两部分之间。模板中 order 为 null 的部分（如社情民意信息的署名）位置不限。示例中\n表示换行。',
    examples: [
      { bad: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！', good: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！' },
    ],
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    if (ctx.excerpt) return;
    const m = structureOf(ctx);
    if (!m) return;
    const secs = m.template.sections;
    const order = (h: SectionHit) => orderOf(secs, h.index);
    const ordered = m.found.filter(h => !Number.isNaN(order(h)));
    const keep = inOrder(ordered, order);
    const kept = ordered.filter(h => keep.has(h));
    for (const h of ordered) {
      if (keep.has(h)) continue;
      const { prev, next } = neighbours(m, h.index, kept);
      ctx.report({
        ...anchorOf(ctx, h.block),
        message: `${q(h.section.name)}的位置不对：${placeText(prev, next) || '顺序与文种模板不符'}`,
        source: `文种模板 ${m.template.id}（${m.template.name}）`,
      });
    }
  },
};
