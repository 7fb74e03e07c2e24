// 常委会工作报告 without “我们也清醒认识到……不足” → 缺少「不足」部分：应位于「成绩归因」之后、「工作安排」之前.
import type { Rule, Severity } from '../../core/types';
import { orderOf, SectionHit } from '../../core/template-match';
import { anchorOf, neighbours, placeText, q, quoteBlock, structureOf, TEMPLATED_TYPES } from './_lib/structure-of';

export const missingSection: Rule = {
  meta: {
    id: 'structure/missing-section',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '缺少文种模板要求的部分（如报告的“不足”“工作安排”，提案的“建议”）',
    docs:
      '按文种模板（规则包 templates）检查文稿是否具备必需的组成部分。各部分按作用识别，不拘泥于一种写法：例如工作回顾可以是“一、2019年主要工作”，也可以是“一、2019年：七十华诞铭初心 履职尽责担使命”。' +
      '缺少某一部分时，提示写明缺的是哪一部分、标准写法示例，以及它应放在哪两部分之间；提示放在应插入位置之后最近的一个部分（标题）上，而不是文首。应放在同一处的几个部分（如刚写了开头的草稿）合并为一条提示。' +
      '带导语或分条要求的部分（如工作安排应先写总体要求、再分条列出任务）也检查导语和条目。节选（文中有“（上接×版）”“（下转×版）”“节选”“摘要”“摘编”“提要”等标记，或是新闻报道）不报告缺少的部分；也可以在文首写 <!-- draft-lint-type: report excerpt --> 标明节选。选项 ignore 可列出本单位不要求的部分（部分的 id 或中文名称），如 {"ignore": ["attribution"]}。' +
      '文种由 `--type`、配置 `docType`、文首标记 `<!-- draft-lint-type: report -->` 指定，或自动识别；识别为“其他”（新闻稿、综述等）时不检查。示例中\n表示换行。',
    examples: [
      { bad: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！', good: '政协××市委员会常务委员会工作报告\n各位委员：\n我代表政协××市委员会常务委员会，向大会报告工作，请予审议。\n一、2024年主要工作\n全年举办学习座谈会12次。\n这些成绩的取得，是中共××市委坚强领导的结果。\n我们也清醒认识到，工作中还存在一些不足：调研深度不够。\n二、2025年工作安排\n2025年政协工作的总体要求是：服务全市中心工作。\n（一）强化理论武装。\n各位委员，让我们团结一心，为建设美丽××而努力奋斗！' },
    ],
    schema: { type: 'object', additionalProperties: false, properties: { ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不要求的部分：部分 id 或中文名，如 ["attribution"] 或 ["成绩归因"]' } } },
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    // An excerpt (上接/下转××版, 节选, 摘要, a news story) lacks parts by design.
    if (ctx.excerpt) return;
    const m = structureOf(ctx);
    if (!m) return;
    const secs = m.template.sections;
    // options.ignore: section ids or Chinese names this office does not require (e.g. ["attribution"] or ["成绩归因"]).
    const ignore = new Set(Array.isArray(ctx.options.ignore) ? (ctx.options.ignore as unknown[]).map(String) : []);
    const skip = (s: { id: string; name: string }) => ignore.has(s.id) || ignore.has(s.name);
    // Missing sections that belong in the same gap are reported together (a draft in progress gets one finding, not five).
    const groups = new Map<string, { idx: number[]; prev?: SectionHit; next?: SectionHit }>();
    secs.forEach((s, si) => {
      if (!s.required || m.hits.has(s.id) || skip(s)) return;
      const o = orderOf(secs, si);
      const { prev, next } = neighbours(m, si);
      const key = Number.isNaN(o) ? `free:${si}` : `${prev?.index ?? -1}:${next?.index ?? -1}`;
      const g = groups.get(key) ?? { idx: [], prev, next };
      g.idx.push(si);
      groups.set(key, g);
    });
    for (const { idx, prev, next } of groups.values()) {
      const at = next ?? prev;
      const block = at?.block ?? m.view.blocks.find(b => b.isHeading) ?? m.view.blocks[0];
      if (!block) continue;
      const where = placeText(prev, next);
      const parts = idx.map(i => secs[i]);
      const what =
        parts.length === 1
          ? `${q(parts[0].name)}部分${parts[0].hint ? `（如“${parts[0].hint}”）` : ''}`
          : `${parts.map(p => q(p.name)).join('')}${parts.length}个部分`;
      const rank = (sev?: Severity) => (sev === 'info' ? 0 : sev === 'error' ? 2 : 1);
      const severity = parts.every(p => p.severity) ? parts.map(p => p.severity!).reduce((a, b) => (rank(b) > rank(a) ? b : a)) : undefined;
      ctx.report({
        ...anchorOf(ctx, block),
        message: `${m.template.name}缺少${what}${where ? '：' + where : ''}`,
        expected: parts.map(p => p.hint).filter(Boolean).join('\n') || undefined,
        severity,
        source: `文种模板 ${m.template.id}（${m.template.name}）`,
      });
    }
    // Sections that are there but lack their lead paragraph or their numbered items.
    for (const h of m.found) {
      const s = h.section;
      if (!h.viaHeading || h.implicit || skip(s)) continue;
      const firstItem = h.items.length ? h.items[0].index : Infinity;
      if (s.lead) {
        const runIn = h.block.isHeading && h.block.p.heading && h.block.text.length > (h.block.p.heading.numbering?.raw.length ?? 0) + h.block.title!.length + 1;
        const lead = h.body.find(b => !b.isHeading && b.index < firstItem);
        if (!lead && !runIn && h.body.length) {
          const hint = s.lead.hint ? `（如“${s.lead.hint}”）` : '';
          ctx.report({
            ...anchorOf(ctx, h.block),
            message: `${q(s.name)}缺少${q(s.lead.name)}：应在标题${quoteBlock(h.block)}之后、第一项${s.items?.name ?? '内容'}之前写明${s.lead.name}${hint}`,
            expected: s.lead.hint,
            severity: s.severity,
            source: `文种模板 ${m.template.id}（${m.template.name}）`,
          });
        }
      }
      const min = s.items?.min ?? 0;
      if (min > 0 && h.itemCount < min && h.body.length + (h.items.length ? 1 : 0) > 0) {
        const what = s.items?.name ?? '条目';
        ctx.report({
          ...anchorOf(ctx, h.block),
          message: h.itemCount
            ? `${q(s.name)}只列了 ${h.itemCount} 项${what}，应至少分 ${min} 项列出（一、……二、……）`
            : `${q(s.name)}没有分条列出${what}：应在${quoteBlock(h.block)}之下用（一）（二）……或一、二、……分条写明${what}`,
          severity: s.severity,
          source: `文种模板 ${m.template.id}（${m.template.name}）`,
        });
      }
    }
  },
};
