// Helpers shared by the wording rules: pack fields, segmenter tokens per paragraph (cut once per document
// and segmenter), quote look-ups.
import type { DocumentModel, Paragraph, Quote } from '../../../core/document';
import type { PackSet } from '../../../core/packs';
import type { RuleContext, Segmenter } from '../../../core/types';
import { isHan } from '../../../core/document';
import { runBreakTable } from '../../../core/run-break';

export interface Token {
  word: string;
  /** Offset in the document. */
  offset: number;
}

export interface WordingExample {
  bad: string;
  good: string;
}

export interface Misspelling {
  wrong: string;
  right: string;
  kind?: 'typo' | 'variant' | 'usage';
  note?: string;
  source?: string;
  followedBy?: string;
  notFollowedBy?: string;
  precededBy?: string;
  notPrecededBy?: string;
  /** Both forms are in edited news use (做出贡献, 其它): in informal prose reported only when the document also writes `right`. */
  houseStyle?: boolean;
  examples: WordingExample[];
  quiet?: string[];
  pack: string;
}

export interface ConfusableGroup {
  chars: string;
  note?: string;
  examples?: WordingExample[];
  quiet?: string[];
  pack: string;
}

export interface KeyNoun {
  phrase: string;
  note?: string;
  examples?: WordingExample[];
  quiet?: string[];
  pack: string;
}

/** A string array field of the `wording` sections of all packs (entries are plain strings). */
export function stringField(packs: PackSet, field: string): string[] {
  return packs.field<string>('wording', field).map(s => String(s));
}

/** The merged `wording.reduplication` object of all packs. */
export function reduplication(packs: PackSet): { chars: Set<string>; verbs: Set<string>; words: Set<string>; surnames: Set<string> } {
  return packs.memo('wording.reduplication', () => {
    const out = { chars: new Set<string>(), verbs: new Set<string>(), words: new Set<string>(), surnames: new Set<string>() };
    for (const p of packs.packs) {
      const r = (p.wording as { reduplication?: { chars?: string[]; verbs?: string[]; words?: string[]; surnames?: string[] } } | undefined)?.reduplication;
      if (!r) continue;
      for (const c of r.chars ?? []) out.chars.add(c);
      for (const v of r.verbs ?? []) out.verbs.add(v);
      for (const w of r.words ?? []) out.words.add(w);
      for (const w of r.surnames ?? []) out.surnames.add(w);
    }
    return out;
  });
}

/** The packs' function characters (wording.typoFunctionChars): characters that stand alone by grammar (的, 为, 将 …),
 *  so a look-alike or homophone of one is no evidence of a slip. */
export function functionChars(packs: PackSet): string {
  return packs.memo('wording.typoFunctionChars', () =>
    packs.packs.map(pk => String((pk.wording as { typoFunctionChars?: string } | undefined)?.typoFunctionChars ?? '')).join(''),
  );
}

const userWordsAdded = new WeakMap<Segmenter, Set<PackSet>>();

/** Gives the segmenter the packs' `userWords` once per pack set (when the segmenter supports adding words). */
export function ensureUserWords(seg: Segmenter, packs: PackSet): void {
  let done = userWordsAdded.get(seg);
  if (!done) userWordsAdded.set(seg, (done = new Set()));
  if (done.has(packs)) return;
  done.add(packs);
  const words = stringField(packs, 'userWords');
  const add = (seg as Segmenter & { addWords?: (w: string[]) => void }).addWords;
  if (words.length && add) add.call(seg, words);
}

/** True when `word` is a dictionary word or one of the packs' `userWords`. */
export function knownWord(ctx: RuleContext, word: string): boolean {
  if (ctx.segmenter?.isWord(word)) return true;
  return userWordSet(ctx).has(word);
}

/** The packs' userWords (the second half of knownWord). */
export function userWordSet(ctx: RuleContext): Set<string> {
  return ctx.packs.memo('wording.userWords.set', () => new Set(stringField(ctx.packs, 'userWords')));
}

/** The runs of a paragraph's text between punctuation and spaces (src/core/run-break.ts), as [start, end) in the
 *  paragraph. */
export function runsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  const breaks = runBreakTable();
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && breaks[text.charCodeAt(i)] === 0) continue;
    if (i > start) out.push([start, i]);
    start = i + 1;
  }
  return out;
}

/** Segmenter tokens of one run of a paragraph (offsets in the document). The segmenter caches runs. */
export function runTokens(ctx: RuleContext, p: Paragraph, start: number, end: number): Token[] {
  const seg = ctx.segmenter!;
  ensureUserWords(seg, ctx.packs);
  return seg.cut(p.text.slice(start, end)).map(t => ({ word: t.word, offset: p.offset + start + t.offset }));
}

/** True when every character of `s` is a Han character. */
export function allHan(s: string): boolean {
  if (!s) return false;
  for (const ch of s) if (!isHan(ch)) return false;
  return true;
}

/** The innermost quote or bracket pair that encloses `offset` and whose opening mark is one of `marks`.
 *  Pairs never span paragraphs, so only the pairs of offset's paragraph are looked at (binary search). */
export function enclosingQuote(doc: DocumentModel, offset: number, marks: string): Quote | undefined {
  const quotes = doc.quotes;
  const from = doc.paragraphAt(offset)?.offset ?? 0;
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid].open < from) lo = mid + 1;
    else hi = mid;
  }
  let best: Quote | undefined;
  for (let i = lo; i < quotes.length && quotes[i].open <= offset; i++) {
    const q = quotes[i];
    if (q.close > offset && marks.includes(q.openMark) && (!best || q.open > best.open)) best = q;
  }
  return best;
}

/** Answers “which pair encloses this offset” for offsets visited in increasing order, in amortised O(1). */
export class QuoteCursor {
  private next = 0;
  private active: Quote[] = [];
  private readonly quotes: Quote[];
  constructor(doc: DocumentModel, private readonly marks: string) {
    this.quotes = doc.quotes;
  }

  /** True when a pair with one of `marks` encloses `offset` (call with non-decreasing offsets). */
  inside(offset: number): boolean {
    while (this.next < this.quotes.length && this.quotes[this.next].open <= offset) {
      const q = this.quotes[this.next++];
      if (this.marks.includes(q.openMark)) this.active.push(q);
    }
    if (this.active.length) this.active = this.active.filter(q => q.close > offset);
    return this.active.some(q => q.open < offset);
  }
}

/** Compiles a pack pattern once (patterns are validated for safety when the pack loads). */
export function compiled(packs: PackSet, pattern: string | undefined): RegExp | undefined {
  if (!pattern) return undefined;
  return packs.memo('wording.re:' + pattern, () => new RegExp(pattern));
}

/** A rule option that should be a list of strings (anything else gives an empty list). */
export function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
