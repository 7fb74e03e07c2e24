// 各项工作落实的很好。→ 落实得很好 (a complement of degree takes 得, not 的).
import type { Rule } from '../../core/types';
import { isHan } from '../../core/document';
import { stringField } from './_lib/word-helpers';

/** What may close the complement: the end of a clause. */
const CLAUSE_END = /^(?:[，。；！？、,;!?：:”’」』）)]|$)/;
/** Words that end in 的 and are no particle before a degree adverb (目的很明确, 真的很好, 有的很大). */
const DE_WORDS = /(?:目|真|有|别|似|是|端|标|众矢之)$/;

export const deComplement: Rule = {
  meta: {
    id: 'wording/de-complement',
    category: 'wording',
    defaultSeverity: 'warning',
    description: '补语前误用“的”（落实的很好）',
    docs:
      '动词、形容词后面接“很、非常、十分、更加、越来越”等引出的程度补语并结束分句时，用结构助词“得”：“各项工作落实得很好”“日子过得越来越好”。写成“的”（“落实的很好”“发展的很快”）是“的、得”混用。' +
      '只在报刊常这样带补语的词（规则包 wording.complementHeads，由 scripts/mine-de-complements.ts 从《人民日报》三个月中挖掘：变、走、建设、发展、落实……；报刊在“得”后带任何补语 3 次以上的词也收；另有手工补充的政协文稿常用词 complementHeadsCurated：推进、开展、履职……）之后、补语是报刊常用的补语（complementPredicates：快、好、稳、出色、明显……；手工补充的 complementPredicatesCurated：扎实、有力、到位……）且紧接着分句结束时报告；' +
      '表示数量的“多、少、有限”不报（“能做的很有限”“上学的很少”是“的”字短语：能做的事、上学的人），“目的、真的、有的”等本身成词的不报，后面还跟着名词的（“取得的很大成绩”）也不报。可自动修复：把“的”改为“得”。',
    examples: [
      { bad: '一年来，各项工作落实的很好。', good: '一年来，各项工作落实得很好。' },
      { bad: '全市经济发展的很快，', good: '全市经济发展得很快，' },
    ],
    fixable: true,
    usesSegmenter: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const sets = ctx.packs.memo('wording.complement', () => {
      const predicates = [...stringField(ctx.packs, 'complementPredicates'), ...stringField(ctx.packs, 'complementPredicatesCurated')];
      return {
        adverbs: stringField(ctx.packs, 'complementAdverbs').sort((a, b) => b.length - a.length),
        heads: new Set([...stringField(ctx.packs, 'complementHeads'), ...stringField(ctx.packs, 'complementHeadsCurated')]),
        predicates: new Set(predicates),
        maxPred: predicates.reduce((a, w) => Math.max(a, w.length), 0),
      };
    });
    if (!sets.adverbs.length || !sets.heads.size) return;
    for (const p of ctx.doc.paragraphs) {
      const t = p.text;
      for (let i = t.indexOf('的'); i >= 0; i = t.indexOf('的', i + 1)) {
        if (i === 0 || !isHan(t[i - 1])) continue;
        const adv = sets.adverbs.find(a => t.startsWith(a, i + 1));
        if (!adv) continue;
        // The predicate: a listed complement that closes the clause (推进的很扎实。), not the start of a noun
        // phrase (取得的很大成绩).
        const at = i + 1 + adv.length;
        let pred = '';
        for (let n = Math.min(sets.maxPred, t.length - at); n >= 1; n--) {
          const w = t.slice(at, at + n);
          if (sets.predicates.has(w) && CLAUSE_END.test(t.slice(at + n, at + n + 1))) {
            pred = w;
            break;
          }
        }
        if (!pred) continue;
        // The head: the word right before 的, one of the listed heads; with the segmenter, 的 must be a token of
        // its own and the head the token before it (目的, 真的 are words).
        const before = t.slice(Math.max(0, i - 4), i);
        if (DE_WORDS.test(before)) continue;
        let head: string | undefined;
        if (ctx.segmenter) {
          const win = t.slice(Math.max(0, i - 6), at + pred.length);
          const base = Math.max(0, i - 6);
          const toks = ctx.segmenter.cut(win);
          const k = toks.findIndex(x => base + x.offset === i);
          if (k < 1 || toks[k].word !== '的') continue;
          head = toks[k - 1].word;
        } else {
          head = [3, 2, 1].map(n => before.slice(-n)).find(w => w.length && sets.heads.has(w));
        }
        if (!head || !sets.heads.has(head)) continue;
        ctx.report({
          offset: p.offset + i - head.length,
          length: head.length + 1 + adv.length + pred.length,
          message: `“${head}的${adv}${pred}”中“的”应为“得”：动词、形容词后接程度补语（${adv}${pred}）用“得”，即“${head}得${adv}${pred}”`,
          fix: { offset: p.offset + i, length: 1, text: '得' },
          expected: `${head}得${adv}${pred}`,
        });
      }
    }
  },
};
