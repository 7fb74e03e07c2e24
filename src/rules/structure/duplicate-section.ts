// 报告中出现两个“××年工作安排”标题 → 「工作安排」重复出现：第52行“三、2020年工作安排”已是这一部分.
import type { Rule } from '../../core/types';
import { anchorOf, q, quoteBlock, structureOf, TEMPLATED_TYPES } from './_lib/structure-of';

export const duplicateSection: Rule = {
  meta: {
    id: 'structure/duplicate-section',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '同一部分的标题重复出现（如两个“工作安排”）',
    docs:
      '按文种模板检查：同一部分（如“工作回顾”“工作安排”“建议”）的标题在文中出现两次以上，通常是合并稿件时重复粘贴，或者标题写错了部分。' +
      '提示写明前一次出现在第几行。模板中标为 repeatable 的部分（如政府工作报告的“总体要求”与“工作任务”）可以出现多次。',
    examples: [
      { bad: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n三、2025年工作要点\n（一）提高协商质量。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！', good: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！' },
    ],
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    if (ctx.excerpt) return;
    const m = structureOf(ctx);
    if (!m) return;
    for (const list of m.hits.values()) {
      const first = list[0];
      if (first.section.repeatable || list.length < 2) continue;
      for (const h of list.slice(1)) {
        if (!h.viaHeading) continue;
        const line = ctx.doc.position(first.start).line;
        ctx.report({
          ...anchorOf(ctx, h.block),
          message: `${q(h.section.name)}部分重复出现：第 ${line} 行${quoteBlock(first.block)}已是这一部分，请合并或改正标题`,
          related: [{ ...anchorOf(ctx, first.block), message: `${q(h.section.name)}第一次出现在这里` }],
          source: `文种模板 ${m.template.id}（${m.template.name}）`,
        });
      }
    }
  },
};
