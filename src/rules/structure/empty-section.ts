// “三、2020年工作安排”下面紧接着就是结束语 → 「工作安排」只有标题“三、2020年工作安排”，下面没有内容.
import type { Rule } from '../../core/types';
import { anchorOf, q, quoteBlock, structureOf, TEMPLATED_TYPES } from './_lib/structure-of';

export const emptySection: Rule = {
  meta: {
    id: 'structure/empty-section',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '某一部分只有标题，没有内容',
    docs: '按文种模板检查：找到了某一部分的标题（如“三、2020年工作安排”“三、建议”），但它和下一部分之间没有任何正文，通常是起草时留的占位标题忘了补写，或正文被误删。',
    examples: [
      { bad: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！', good: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！' },
    ],
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    const m = structureOf(ctx);
    if (!m) return;
    for (const list of m.hits.values())
      for (const h of list) {
        if (!h.viaHeading || h.implicit || h.body.length) continue;
        const b = h.block;
        // A run-in heading (“一、……。正文……”) carries its own content.
        const title = (b.p.heading?.numbering?.raw ?? '') + (b.title ?? '');
        if (b.text.replace(/\s+/g, '').length > title.replace(/\s+/g, '').length + 1) continue;
        ctx.report({
          ...anchorOf(ctx, b),
          message: `${q(h.section.name)}只有标题${quoteBlock(b)}，下面没有内容`,
          source: `文种模板 ${m.template.id}（${m.template.name}）`,
        });
      }
  },
};
