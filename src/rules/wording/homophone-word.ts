// 专项争执行动 → 专项整治行动; 加快绿色疾书创新 → 技术创新: a word of the dictionary typed for a frequent word of the same
// sound (an input method offers both), found by the words beside it.
import type { Lexicon, Rule, RuleContext } from '../../core/types';
import type { Paragraph } from '../../core/document';
import { Lru, ownString, paragraphMemosOn } from '../../core/memo';
import { isHan } from '../../core/document';
import { occursTwice } from '../../core/text-index';
import { allHan, functionChars, runsOf, runTokens, stringList, userWordSet } from './_lib/word-helpers';
import { LN_WORDS } from './_lib/typo-candidates';

/** Evidence (natural log) the two neighbours together must give when both speak for the word meant (a warning) … */
export const TWO_SIDES = 7;
/** … and one neighbour alone: a hint from ONE_SIDE, a warning from ONE_SIDE_WARN (measured on generated slips and on
 *  People's Daily held out from the lexicon, docs/typo-detection.md “同音词”). */
export const ONE_SIDE = 10;
export const ONE_SIDE_WARN = 12;

/** Whether the evidence of the two sides (0 for a side that gives none) is enough for a finding. */
function reaches(a: number, b: number): boolean {
  return a + b >= (a > 0 && b > 0 ? TWO_SIDES : ONE_SIDE);
}

/** The least count of a pair N|M that is evidence (the lexicon keeps pairs from 3 uses: fewer are noise for this
 *  rule, but a written word W that edited text writes beside N even 3 times is the writer's own collocation). */
const MIN_PAIR = 5;

/**
 * How much more the neighbour N (a word of 2–4 characters) speaks for the word meant M than for the written word W:
 * log(c(N, M) · total / (c(N) · (c(W) + 1))), the pair's count against what the written word's own count and the
 * neighbour's predict (edited text never writes W beside N often enough to count: W is the rare one). 0 when edited
 * text does not write M beside N at least MIN_PAIR times or writes W beside N (at least 3 times: the lexicon keeps no
 * rarer pairs).
 */
function side(lx: Lexicon, n: string, m: string, w: string, left: boolean, cw: number): number {
  const cn = lx.word(n)?.corpus ?? 0;
  if (!cn) return 0;
  const pair = (a: string, b: string) => (left ? lx.pairCount!(a, b) : lx.pairCount!(b, a));
  const c = pair(n, m);
  if (c < MIN_PAIR || pair(n, w)) return 0;
  return Math.max(0, Math.log(c) + LN_WORDS - Math.log(cn) - Math.log(cw + 1));
}

export const homophoneWord: Rule = {
  meta: {
    id: 'wording/homophone-word',
    category: 'wording',
    defaultSeverity: 'warning',
    description: '同音词误用（专项争执行动 → 专项整治行动）',
    docs:
      '拼音输入法给出的候选都是词，选错了就是一个“对的词”，错字规则（wording/typo）看不出来。本规则找文中两个字的词 W：词典里有、报刊中很少写（少于同音常用词的 1/20），而与它读音相同的常用词 M（报刊中至少 100 次）正是左右两个词的常见搭配。' +
      '证据取自人民日报三个月语料中按分词切开后相邻的词对（typo.lexicon.utf8 中的“%L|R 次数”，只存计数）：左边的词与 M、或 M 与右边的词在报刊中常连写，而与 W 从不常连写，且比 W 自身的出现次数所能解释的多得多。' +
      '左右两边都支持 M 时报警告；只有一边支持时须证据更强，较弱的报提示（info）；给出唯一的改法。词表由 scripts/build-homophone-words.ts 从错字词库生成（typo.homophones.utf8）。数词（四项、十九）不查；规则包 userWords 中的词与选项 ignore 中的写法不报。',
    examples: [
      { bad: '深入开展专项争执行动', good: '深入开展专项整治行动' },
      { bad: '加快建立绿色疾书创新体系', good: '加快建立绿色技术创新体系' },
    ],
    schema: { type: 'object', additionalProperties: false, properties: { ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不报告的写法（原文或改后的词）' } } },
    fixable: true,
    needsSegmenter: true,
  },
  check(ctx) {
    const lx = ctx.segmenter?.lexicon?.();
    if (!lx?.homophoneWordsAt || !lx.pairCount) return;
    const ignore = new Set(stringList(ctx.options.ignore));
    const users = userWordSet(ctx);
    // A paragraph's candidates depend on its text, the lexicon and the packs' user words (the segmenter's cut): kept
    // per pack set, for the re-lint after a keystroke.
    const memo = paragraphMemosOn() ? ctx.packs.memo('wording.homophone-word.paragraphs', () => new Lru<Candidate[]>(PARA_MEMO_MAX)) : undefined;
    for (const p of ctx.doc.paragraphs) {
      let cands = memo?.get(p.text);
      if (!cands) {
        cands = paragraphCandidates(ctx, lx, p);
        memo?.set(ownString(p.text), cands);
      }
      for (const c of cands) {
        if (ignore.has(c.w) || users.has(c.w)) continue;
        const best = c.options.find(o => !ignore.has(o.m));
        if (!best) continue;
        const off = p.offset + c.offset;
        // A word the document writes again is the writer's own (a name or term it keeps: 竞技 throughout a sports
        // report), not a slip.
        if (occursTwice(ctx.doc.text, c.w)) continue;
        const diff = [0, 1].filter(i => c.w[i] !== best.m[i]);
        const from = off + diff[0];
        const to = off + diff[diff.length - 1] + 1;
        ctx.report({
          offset: off,
          length: 2,
          message: `疑为同音词误用：“${c.w}”应为“${best.m}”（报刊常写${[best.a ? c.left + best.m : '', best.b ? best.m + c.right : ''].filter(Boolean).map(x => `“${x}”`).join('')}，“${c.w}”少见）`,
          fix: { offset: from, length: to - from, text: best.m.slice(diff[0], diff[diff.length - 1] + 1) },
          expected: best.m,
          ...(best.warn ? {} : { severity: 'info' as const }),
        });
      }
    }
  },
};

const PARA_MEMO_MAX = 2000;

/** A written word with the words meant that the words beside it speak for, strongest first. */
interface Candidate {
  /** In the paragraph. */
  offset: number;
  w: string;
  left: string;
  right: string;
  options: { m: string; score: number; warn: boolean; a: number; b: number }[];
}

/** The candidates of one paragraph (before the options ignore, the user words and the rest of the document). */
function paragraphCandidates(ctx: RuleContext, lx: Lexicon, p: Paragraph): Candidate[] {
  const at = lx.homophoneWordsAt!.bind(lx);
  const t = p.text;
  const out: Candidate[] = [];
  for (const [rs, re] of runsOf(t)) {
    // Cut only runs where some word of the list could reach the evidence with some words beside it (most cannot).
    let any = false;
    for (let i = rs; i + 1 < re && !any; i++) {
      const meant = at(t, i);
      if (meant && mayReach(lx, t, rs, re, i, meant)) any = true;
    }
    if (!any) continue;
    const toks = runTokens(ctx, p, rs, re);
    for (let k = 0; k < toks.length; k++) {
      const w = toks[k].word;
      if (w.length !== 2) continue;
      const meant = at(w, 0);
      if (!meant) continue;
      const l = k > 0 && toks[k - 1].offset + toks[k - 1].word.length === toks[k].offset ? toks[k - 1].word : '';
      const r = k + 1 < toks.length && toks[k + 1].offset === toks[k].offset + 2 ? toks[k + 1].word : '';
      const left = l.length >= 2 && l.length <= 4 && allHan(l) ? l : '';
      const right = r.length >= 2 && r.length <= 4 && allHan(r) ? r : '';
      if (!left && !right) continue;
      // A character alone before the word, not a function word (同韩|正副|总理: 韩正, then 副总理): the word may be
      // cut out of a name and the next word.
      if (l.length === 1 && isHan(l) && !functionChars(ctx.packs).includes(l)) continue;
      // The real-word pairs wording/typo reports itself (^L|W): not twice.
      if ((left && lx.realWord?.(left + '|' + w).length) || (right && lx.realWord?.(w + '|' + right).length)) continue;
      const cw = lx.word(w)?.corpus ?? 0;
      const options: Candidate['options'] = [];
      for (const m of meant) {
        const a = left ? side(lx, left, m, w, true, cw) : 0;
        const b = right ? side(lx, right, m, w, false, cw) : 0;
        if (reaches(a, b)) options.push({ m, score: a + b, warn: (a > 0 && b > 0) || a + b >= ONE_SIDE_WARN, a, b });
      }
      if (!options.length) continue;
      // Strongest first; equal scores keep the list's order.
      options.sort((x, y) => y.score - x.score);
      out.push({ offset: toks[k].offset - p.offset, w, left, right, options });
    }
  }
  return out;
}

/** The evidence side() can give at most for the word at t[i, i + 2) (inside the run [rs, re)) with any word of the
 *  lexicon (2–4 characters) right before or after it, as the segmenter might cut them: false when no pair of them can
 *  reach the lower threshold, so the run need not be cut. */
function mayReach(lx: Lexicon, t: string, rs: number, re: number, i: number, meant: readonly string[]): boolean {
  const w = t.slice(i, i + 2);
  const cw = lx.word(w)?.corpus ?? 0;
  for (const m of meant) {
    let a = 0;
    for (let k = 2; k <= 4 && i - k >= rs; k++) a = Math.max(a, side(lx, t.slice(i - k, i), m, w, true, cw));
    let b = 0;
    for (let k = 2; k <= 4 && i + 2 + k <= re; k++) b = Math.max(b, side(lx, t.slice(i + 2, i + 2 + k), m, w, false, cw));
    if (reaches(a, b)) return true;
  }
  return false;
}
