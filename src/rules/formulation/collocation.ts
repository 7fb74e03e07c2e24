// 坚定“四个意识” → 增强“四个意识” (a term with the wrong verb, or the verbs of two terms swapped).
import type { Rule } from '../../core/types';
import { isHan } from '../../core/document';
import { CollocationEntry, coveredByAllow, entriesOf, normalize, normalizedText } from './_lib/pack-entries';

interface CompiledColloc {
  entry: CollocationEntry;
  term: string;
  /** Wrong verb → the group term it belongs to (if any), longest first. */
  wrong: { verb: string; belongsTo?: string; near?: string }[];
}

/** Compiles each term's wrong verbs: its own list plus the standard verbs of the other terms of its group. */
function compile(entries: CollocationEntry[]): CompiledColloc[] {
  return entries.map(e => {
    const wrong = new Map<string, string | undefined>();
    // A listed wrong verb that is a standard verb of another term of the group names that term (树立 of 四个意识).
    for (const v of e.wrongVerbs ?? []) wrong.set(v, e.group ? entries.find(o => o !== e && o.group === e.group && o.verbs.includes(v))?.term : undefined);
    if (e.group)
      for (const o of entries)
        if (o !== e && o.group === e.group)
          for (const v of [o.verbs[0]]) if (!e.verbs.some(ok => ok.endsWith(v) || v.endsWith(ok))) wrong.set(v, o.term);
    return {
      entry: e,
      term: normalize(e.term),
      wrong: [...wrong.entries()].map(([verb, belongsTo]) => ({ verb, belongsTo })).sort((a, b) => b.verb.length - a.verb.length),
    };
  });
}

/**
 * A verb one character away from a standard verb of a term of a group (the political requirements, the overall layouts:
 * fixed wordings with no alternatives): 增进“四个意识”, 做好“两个维护”, 统筹推动“五位一体”总体布局 — a slip in the verb,
 * whether or not the pack lists it. Only a verb of the standard verb's length written in Han characters right before the
 * term, differing in exactly one position from the term's first (standard) verb, which is proposed.
 */
function nearVerb(c: CompiledColloc, pre: string): { verb: string; belongsTo?: string; near?: string } | undefined {
  if (!c.entry.group) return undefined;
  // Near the first (standard) verb only: a variant accepted beside it (践行“两个维护”) says nothing of its neighbours (履行).
  const std = c.entry.verbs[0];
  const ok = normalize(std);
  const got = pre.slice(-ok.length);
  if (got.length !== ok.length || ![...got].every(isHan)) return undefined;
  let diff = 0;
  for (let k = 0; k < ok.length; k++) if (got[k] !== ok[k]) diff++;
  return diff === 1 ? { verb: got, near: std } : undefined;
}

export const collocation: Rule = {
  meta: {
    id: 'formulation/collocation',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '规范术语与动词搭配不当（如“坚定‘四个意识’”）',
    docs:
      '一些术语有固定的动词搭配：增强“四个意识”、坚定“四个自信”、做到“两个维护”、深刻领悟“两个确立”的决定性意义，统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局。' +
      '本规则检查术语（可带引号）前紧挨着的动词：用了同组其他术语的动词（两个术语的动词互换）或规则包列出的错误动词时报告，并把动词改为规范动词；成组的固定要求（“四个意识”“四个自信”“两个维护”“两个确立”“五位一体”“四个全面”）前的动词与第一个规范动词字数相同、只差一个字（增进“四个意识”、做好“两个维护”、统筹推动“五位一体”总体布局）时，即使规则包没有列出，也报告并改为那个规范动词。术语前不是动词（如“‘四个意识’的要求”）时不检查。',
    examples: [
      { bad: '进一步坚定“四个意识”、增强“四个自信”', good: '进一步增强“四个意识”、坚定“四个自信”' },
      { bad: '坚决增强“两个维护”', good: '坚决做到“两个维护”' },
    ],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const entries = entriesOf(ctx.packs, 'collocation');
    if (!entries.length) return;
    const compiled = ctx.packs.memo('formulation:collocations', () => compile(entries));
    const text = normalizedText(ctx.doc);
    for (const c of compiled) {
      for (let i = text.indexOf(c.term); i >= 0; i = text.indexOf(c.term, i + 1)) {
        // 增强“两个维护”的政治自觉: the verb governs the noun after 的, not the term.
        let after = i + c.term.length;
        while (after < text.length && /[”’"」]/.test(text[after])) after++;
        if (text[after] === '的') continue;
        let v = i;
        while (v > 0 && /[“‘"「]/.test(text[v - 1])) v--;
        const pre = text.slice(Math.max(0, v - 8), v);
        if (c.entry.verbs.some(ok => pre.endsWith(normalize(ok)))) continue;
        const w = c.wrong.find(x => pre.endsWith(normalize(x.verb))) ?? nearVerb(c, pre);
        if (!w) continue;
        const vs = v - w.verb.length;
        if (coveredByAllow(text, vs, i + c.term.length, c.entry.allow)) continue;
        const std = w.near ?? c.entry.verbs[0];
        const why = w.belongsTo ? `“${w.verb}”是“${w.belongsTo}”的搭配，` : w.near ? `“${w.verb}”与规范动词“${w.near}”差一个字，` : `“${c.entry.term}”前不用“${w.verb}”，`;
        ctx.report({
          offset: vs,
          length: w.verb.length,
          message: c.entry.message ?? `搭配不当：${why}规范搭配为“${std}‘${c.entry.term}’”`,
          fix: { offset: vs, length: w.verb.length, text: std },
          expected: `${std}“${c.entry.term}”`,
          source: c.entry.source ?? c.entry.note,
          severity: c.entry.severity,
        });
      }
    }
  },
};
