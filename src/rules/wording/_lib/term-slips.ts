// Frequent terms written with one inner character dropped (高质发展 → 高质量发展: wording/typo, 漏字) or typed twice
// (现代代化 → 现代化: wording/doubled-word), found by the term-slip index (src/segmenter/term-slips.ts,
// scripts/build-term-slips.ts): the written form is a key of the index, a non-word edited text (almost) never writes,
// while the term meant is frequent. termSlipsIn is pure (a paragraph's text and look-ups in, slips out);
// paragraphTermSlips gives it the rule context's look-ups and keeps its answers per paragraph.
import type { RuleContext, TermSlip, TermSlips } from '../../../core/types';
import { isHanCode } from '../../../core/document';
import { Lru, ownString, paragraphMemosOn } from '../../../core/memo';
import { functionChars } from './word-helpers';

export interface TermSlipHit {
  slip: TermSlip;
  /** The written form's place in the text. */
  start: number;
  end: number;
  /** Where the character meant goes (omit: an insertion) or which character is extra (double: a deletion). */
  at: number;
  /** The character missing, or the one doubled. */
  char: string;
  /** Strong evidence: the term is common and edited text never writes the form. */
  strong: boolean;
}

/** A term written at least this often, and a written form edited text never writes, is strong evidence. */
export const STRONG_TERM = 100;

/**
 * The keys of `kind` in `text` (one hit per place, the longest key where several start there). A key is passed over
 * where its edge character belongs to a word outside it (助推|落实 holds 推落实, the key of 推动落实; 领导人|历史 holds
 * 人历史; 累计|入驻 holds 累计入): `known(text, a, b)` says whether text[a, b) is a word (2–4 characters), `pair(a, b)` whether edited text writes the words `a` and `b` side by side. For a
 * missing character the key must also not be two whole words (代表|审议, the key of 代表团审议), and a piece of one
 * character at the key's edge (湿|生态, 集|学习) is too short to tell a broken word from a neighbour's last character,
 * unless punctuation or one of `functionChars` stands beside it.
 */
export function termSlipsIn(
  text: string,
  index: TermSlips,
  kind: TermSlip['kind'],
  known: (t: string, a: number, b: number) => boolean,
  pair: (a: string, b: string) => boolean,
  functionChars = '',
  starts: KeyStarts = keyStarts(text, index),
): TermSlipHit[] {
  const out: TermSlipHit[] = [];
  const n = text.length;
  const loose = (i: number) => i < 0 || i >= n || !isHanCode(text.charCodeAt(i)) || functionChars.includes(text[i]);
  for (let x = 0; x < starts.length; x += 2) {
    const i = starts[x] as number;
    if (out.length && out[out.length - 1].end > i) continue;
    const keys = starts[x + 1] as TermSlip[];
    for (let j = keys.length - 1; j >= 0; j--) {
      const slip = keys[j];
      if (slip.kind !== kind) continue;
      const start = i;
      const end = i + slip.key.length;
      let bound = false;
      for (let len = 2; len <= 4 && !bound; len++) {
        const a = start + 1 - len;
        const b = end - 1 + len;
        bound = (a >= 0 && allHan(text, a, start) && known(text, a, start + 1)) || (b <= n && allHan(text, end, b) && known(text, end - 1, b));
      }
      if (bound) continue;
      let k = 0;
      while (k < slip.key.length && slip.key[k] === slip.term[k]) k++;
      const omit = kind === 'omit';
      if (omit) {
        const key = slip.key;
        // A character missing where two equal characters now meet (市委委 for 市委常委) is the doubled-word rule's.
        if (key[k - 1] === key[k]) continue;
        // A piece of one character at the key's start (湿|生态 in 林草湿生态, 中|经济走廊 in 缅中经济走廊) may be the last
        // character of a word outside that no dictionary has: only after punctuation or a function character
        // (的根制度) is it a broken word.
        // One at the key's end is the head of a word cut short on purpose (文化游, 乡村路: 游 for 旅游, 路 for 道路).
        if ((k === 1 && !loose(start - 1)) || k === key.length - 1) continue;
        // A function character or 一 dropped leaves a phrase that reads as well without it (规定及实施, 这根本); so does
        // the first character of a word whose rest is a word (统一到中央 for 统一到党中央: 党中央 and 中央).
        if (functionChars.includes(slip.term[k]) || slip.term[k] === '一') continue;
        if (k + 2 <= key.length && known(key, k, k + 2) && known(slip.term, k, k + 3)) continue;
      }
      // Two whole words (代表|审议 for 代表团审议, 党组|组织 for 党组织): nothing is missing from either, nothing doubled.
      // (Not where a piece is a word only across another: 党内|政 + 生活 is 党内政治生活 without 治.)
      const key = slip.key;
      if (k >= 2 && k + 2 <= key.length && pair(key.slice(k - 2, k), key.slice(k, k + 2)) && !(k >= 3 && known(key, k - 3, k - 1)) && !(k + 3 <= key.length && known(key, k + 1, k + 3))) continue;
      out.push({
        slip,
        start,
        end,
        at: start + k,
        char: omit ? slip.term[k] : slip.key[k],
        strong: slip.count >= STRONG_TERM && slip.keyCount === 0 && slip.key.length >= 4 && k >= 2 && slip.key.length - k >= 2,
      });
      break;
    }
  }
  return out;
}

/** The places of a text where keys of the index start (at a Han character, three characters or more before the
 *  end), each followed by its keys (index.at): both kinds at once, since both rules ask about the same paragraphs.
 *  Most texts have none. */
export type KeyStarts = (number | TermSlip[])[];

const NO_STARTS: KeyStarts = [];

export function keyStarts(text: string, index: TermSlips): KeyStarts {
  let out: KeyStarts | undefined;
  for (let i = 0; i + 3 <= text.length; i++) {
    if (!isHanCode(text.charCodeAt(i))) continue;
    const keys = index.at(text, i);
    if (keys.length) (out ??= []).push(i, keys);
  }
  return out ?? NO_STARTS;
}

/** keyStarts per paragraph text of the document being checked (wording/typo asks for omissions, then
 *  wording/doubled-word for doubled characters: one scan of the index for both), with the index it was made with. */
const startsByDoc = new WeakMap<object, { index: TermSlips; byText: Map<string, KeyStarts> }>();

function paragraphKeyStarts(doc: object, text: string, index: TermSlips): KeyStarts {
  let d = startsByDoc.get(doc);
  if (!d || d.index !== index) startsByDoc.set(doc, (d = { index, byText: new Map() }));
  let r = d.byText.get(text);
  if (!r) d.byText.set(text, (r = keyStarts(text, index)));
  return r;
}

/**
 * termSlipsIn over a paragraph's text with the context's segmenter and typo lexicon: two characters make a word when
 * either knows it; two words go side by side when both are the segmenter's or edited text writes them so (党组|组织).
 * Omissions also take the packs' function characters. Kept per pack set (its user words are the segmenter's words
 * too) and paragraph text, for the re-lint after a keystroke. Empty without the index.
 */
export function paragraphTermSlips(ctx: RuleContext, text: string, kind: TermSlip['kind']): TermSlipHit[] {
  const seg = ctx.segmenter;
  const terms = seg?.termSlips?.();
  if (!seg || !terms) return [];
  const memo = paragraphMemosOn() ? ctx.packs.memo(`wording.termSlips.${kind}`, () => new Lru<TermSlipHit[]>(PARA_MEMO_MAX)) : undefined;
  const hit = memo?.get(text);
  if (hit) return hit;
  const lexicon = seg.lexicon?.();
  const known = (t: string, a: number, b: number) => !!lexicon?.knownAt(t, a, b) || seg.isWord(t.slice(a, b));
  const pair = (a: string, b: string) => (seg.isWord(a) && seg.isWord(b)) || (lexicon?.pairCount?.(a, b) ?? 0) > 0;
  const out = termSlipsIn(text, terms, kind, known, pair, kind === 'omit' ? functionChars(ctx.packs) : '', paragraphKeyStarts(ctx.doc, text, terms));
  memo?.set(ownString(text), out);
  return out;
}

const PARA_MEMO_MAX = 2000;

function allHan(t: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (!isHanCode(t.charCodeAt(i))) return false;
  return true;
}
