// 提案建议“（一）加强领导，提高认识，形成合力。” → 建议空泛：只有口号，没有具体措施（由谁、做什么、做到什么程度）.
import type { Rule } from '../../core/types';
import type { Block, SectionHit, VagueDef } from '../../core/template-match';
import { isHan } from '../../core/document';
import { anchorOf, q, structureOf, TEMPLATED_TYPES } from './_lib/structure-of';

/** Han characters left after removing slogans and generic words: what the suggestion actually says. */
export function concreteContent(text: string, v: VagueDef): string {
  let t = text;
  const strip = (list: string[] | undefined) => {
    for (const w of [...(list ?? [])].sort((a, b) => b.length - a.length)) t = t.split(w).join(' ');
  };
  strip(v.slogans);
  strip(v.generic);
  return [...t].filter(ch => isHan(ch)).join('');
}

/** True when a suggestion is a slogan rather than an action (no figures, no named document, little concrete content). */
export function isVague(text: string, v: VagueDef): boolean {
  if (/[0-9０-９《]/.test(text)) return false;
  return concreteContent(text, v).length < (v.minConcrete ?? 6);
}

/** The suggestions of a section with their full text (item heading plus its paragraphs), or the section paragraph itself. */
function suggestions(h: SectionHit): { block: Block; text: string }[] {
  if (h.items.length) {
    return h.items.map((it, k) => {
      const nextIdx = k + 1 < h.items.length ? h.items[k + 1].index : Infinity;
      const marker = it.p.heading?.numbering?.raw ?? '';
      const own = it.text.slice(it.text.indexOf(marker) + marker.length);
      const rest = h.body.filter(b => b.index > it.index && b.index < nextIdx && !b.isHeading).map(b => b.text);
      return { block: it, text: [own, ...rest].join('') };
    });
  }
  if (h.viaHeading) {
    const text = h.body.map(b => b.text).join('');
    return text ? [{ block: h.body[0], text }] : [];
  }
  // “为此建议：……” / “办法：……” in one paragraph, or a “建议：” line and the paragraphs under it: what follows the marker.
  const m = /(?:建议|办法|对策|措施)(?:如下)?[：:]|(?:为此|对此|因此|据此|鉴于此|综上)[，,]?(?:特|我们|笔者)?(?:提出(?:如下|以下))?(?:几点)?建议[：:，,]?|(?:现|特|我们)?(?:提出|提)(?:如下|以下)(?:几点)?(?:建议|意见)[：:]|^(?:[一二三四五]、|（[一二三四五]）)?建议(?![人者书案])/.exec(h.block.text);
  const own = m ? h.block.text.slice(m.index + m[0].length) : '';
  const text = [own, ...h.body.filter(b => !b.isHeading).map(b => b.text)].join('');
  return text.trim() ? [{ block: own.trim() ? h.block : h.body[0] ?? h.block, text }] : [];
}

export const vagueSuggestion: Rule = {
  meta: {
    id: 'structure/vague-suggestion',
    category: 'structure',
    defaultSeverity: 'warning',
    description: '建议空泛，只有口号没有具体措施',
    docs:
      '检查提案、社情民意信息的“建议”部分：一条建议去掉“提高认识”“加强领导”“形成合力”等口号式套话和“加强”“进一步”“力度”等泛泛字词后，剩下的具体内容太少（默认不足 6 个汉字），' +
      '又没有数字、文件名称等具体依据，就提示它是口号而不是可操作的措施。好的建议写明由谁做、做什么、做到什么程度（政策、资金、标准、时限、责任单位）。套话和泛泛字词列在模板的 items.vague 中，办公室可以自行增减。',
    examples: [
      { bad: '（一）加强领导，提高认识，形成工作合力。', good: '（一）建议市民政局牵头制定农村互助养老服务点建设标准，2025年底前每个乡镇至少建成1个服务点。', docType: 'proposal' },
    ],
    fixable: false,
    docTypes: TEMPLATED_TYPES,
  },
  check(ctx) {
    const m = structureOf(ctx);
    if (!m) return;
    for (const list of m.hits.values())
      for (const h of list) {
        const v = h.section.items?.vague;
        if (!v) continue;
        for (const s of suggestions(h)) {
          if (!isVague(s.text, v)) continue;
          const shown = s.text.replace(/\s+/g, '').replace(/[。；;]$/, '');
          ctx.report({
            ...anchorOf(ctx, s.block),
            message: `${q(h.section.name)}中的这条建议空泛：“${shown.length > 30 ? shown.slice(0, 30) + '…' : shown}”只有口号，没有具体措施。请写明由谁做、做什么、做到什么程度（如政策、资金、标准、时限、责任单位）`,
            source: `文种模板 ${m.template.id}（${m.template.name}）`,
          });
        }
      }
  },
};
