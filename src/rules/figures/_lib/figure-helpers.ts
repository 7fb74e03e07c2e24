// Shared helpers of the figures rules: the ledger, pack knowledge, and how figures are named in messages.
import type { RuleContext, RelatedLocation } from '../../../core/types';
import { figureLedger, isLowerBound, isRough, isUpperBound, LedgerEntry } from '../../../core/ledger';
import { alternatives } from '../../../core/heading-words';

export type { LedgerEntry };

/** The document's ledger (built once per document). */
export function ledger(ctx: RuleContext): LedgerEntry[] {
  return figureLedger(ctx.doc);
}

/** Written as an exact figure: no 约, 近, 余, 多, 超过, 以上 … around it. */
export function isExact(e: LedgerEntry): boolean {
  return !isRough(e) && !isLowerBound(e) && !isUpperBound(e);
}

/** Verbs of a change up or down (增加到, 降至 …), as regex alternatives. */
export const CHANGE_UP = '增加|增长|提高|上升|提升|扩大|跃升|攀升|增|升|提|涨';
export const CHANGE_DOWN = '下降|减少|降低|缩小|缩短|缩减|压缩|回落|降|减|跌';

/** Counts that can be compared (not ordinals, years or dates). */
export function isAmount(e: LedgerEntry): boolean {
  return e.kind === 'count' || e.kind === 'money';
}

/** Labels, not counts: a number that names a cohort, an issue, a session or a place in a series (2017级, 第3期,
 *  中央军校十三期, 5号), or a lunar date (正月十五). */
export function isLabelNumber(ctx: RuleContext, e: LedgerEntry): boolean {
  const end = e.numberOffset + e.numberText.length;
  if (/^(级|届|期|号|版|批次|代)$/.test(e.unit ?? '') || /^(级|届|期|号|版|批次|代)/.test(ctx.doc.text.slice(end, end + 2))) return true;
  // A unit named by its number (经侦总队十二支队, 消防三大队; not 三支队伍).
  if (/^[支大中分]队(?!伍)/.test(ctx.doc.text.slice(end, end + 3))) return true;
  return /(正月|腊月|农历|初|第)$/.test(ctx.doc.text.slice(Math.max(0, e.numberOffset - 2), e.numberOffset));
}

/** A related location pointing at a figure. */
export function relatedAt(e: { offset: number; length: number }, message: string): RelatedLocation {
  return { offset: e.offset, length: e.length, message };
}

/** How a figure is quoted in a message: 立案1060件. */
export function named(e: LedgerEntry): string {
  return `${e.subject}${e.raw}`;
}

/** Compiles a pack regex once per pack set; a bad pattern matches nothing. */
export function packRegex(ctx: RuleContext, source: string, flags = ''): RegExp {
  // By flags, then by the source string itself (the pack's own string, whose hash V8 keeps): a key built from the
  // source on every call (some 200 a keystroke) was a new long string to hash each time.
  const bySource = ctx.packs.memo(flags ? `figures-re:${flags}` : 'figures-re:', () => new Map<string, RegExp>());
  let re = bySource.get(source);
  if (!re) {
    try {
      re = new RegExp(source, flags);
    } catch {
      re = /(?!)/;
    }
    bySource.set(source, re);
  }
  return re;
}

/** A regex of a word list of the figures pack (`rateWords`, `changeWords` …): the words as alternatives, anchored
 *  at the start or end of the text, or anywhere. */
export function packWords(ctx: RuleContext, field: string, at: 'start' | 'end' | 'anywhere'): RegExp {
  return ctx.packs.memo(`figures-words:${field}:${at}`, () => {
    const words = ctx.packs.words('figures', field);
    if (!words.length) return /(?!)/;
    const alt = `(?:${alternatives(words)})`;
    return new RegExp(at === 'start' ? `^${alt}` : at === 'end' ? `${alt}$` : alt);
  });
}

export interface ChainStage {
  label: string;
  match: string;
}
export interface Chain {
  name: string;
  units?: string[];
  stages: ChainStage[];
}

/** The chains of all packs. */
export function chains(ctx: RuleContext): Chain[] {
  return ctx.packs.field<Chain>('figures', 'chains');
}

/** The chain stage a subject belongs to, or -1. Later stages win when several match (经审查立案 → 立案). */
export function stageOf(ctx: RuleContext, chain: Chain, subject: string): number {
  let found = -1;
  chain.stages.forEach((s, i) => {
    if (packRegex(ctx, s.match).test(subject)) found = i;
  });
  return found;
}

/** Entries grouped by sentence index. */
export function bySentence(entries: LedgerEntry[]): Map<number, LedgerEntry[]> {
  const m = new Map<number, LedgerEntry[]>();
  for (const e of entries) {
    let a = m.get(e.sentenceIndex);
    if (!a) m.set(e.sentenceIndex, (a = []));
    a.push(e);
  }
  return m;
}
