// Word-level near misses of canonical phrases. Each phrase is segmented once (long dictionary words are split
// into their two-character words, so 协商民主 is 协商|民主); a span of the document is a near miss when every word
// agrees but one: one word replaced (重要渠道 → 重要途径), a run of up to three words dropped (多党合作和), or two
// neighbouring words swapped (协商民主 → 民主协商). The agreeing part must be long (≥ 6 characters, two content words
// or more); a span that is itself another canonical phrase, or differs only by function words, is not a misquote.
import type { DocumentModel } from '../../../core/document';
import type { PackSet } from '../../../core/packs';
import type { Segmenter } from '../../../core/types';
import { textIndexFor } from '../../../core/text-index';
import { contentOnly, coveredByAllow, entriesOf, isFunctionOnly, normalize, normalizedText, PhraseEntry, sameContent } from './pack-entries';

export type WordSlipKind = 'replaced' | 'dropped' | 'swapped' | 'inserted';

export interface WordSlip {
  offset: number;
  length: number;
  /** The span as written. */
  actual: string;
  /** The canonical text for the span (the pack's own writing). */
  expected: string;
  entry: PhraseEntry;
  kind: WordSlipKind;
  /** The canonical word(s) concerned and what the document has instead ('' when dropped). */
  want: string;
  got: string;
  /** Other canonical texts the span is equally near (then no fix is offered). */
  alternatives?: string[];
}

interface WordForm {
  entry: PhraseEntry;
  /** The form as written in the pack, and normalised. */
  text: string;
  norm: string;
  words: string[];
  /** Spans of shorter canonical phrases inside this one. */
  terms: [number, number][];
}

interface WordIndex {
  forms: WordForm[];
  /** Canonical texts (eight characters or more) and the inner boundaries of their long words (社会|主义, 中国|特色|社会|主义). */
  splits: { entry: PhraseEntry; text: string; norm: string; at: number }[];
  /** Every normalised canonical text (all entries, variants): a span that is one of them is not a slip. */
  all: string[];
}

const MIN_AGREE = 6;
/** Modifiers a writer adds or leaves out at will (以中国式现代化推进中华民族伟大复兴): their absence is not a slip. */
const MODIFIERS = /^(全面|深入|加快|积极|大力|着力|持续|不断|坚定|更好|切实|扎实|认真|努力|充分|进一步)$/;
/** Shorter phrases (坚持党的全面领导, 加强委员队伍建设) are templates whose words are replaced at will. */
const MIN_PHRASE = 10;
/** The last word is checked only in phrases this long (社会主义协商民主的重要渠道). */
const MIN_PHRASE_LAST = 12;
const HAN = /^[\u3400-\u9fff]+$/;
const STOP = /[。！？!?\n\r；;：:（）()]/;

/**
 * Splits a long dictionary word into shorter words: into its two-character words when each is a word (专门协商机构 →
 * 专门|协商|机构, 社会主义 → 社会|主义), else by longest dictionary match (习近平新时代中国特色社会主义思想 →
 * 习近平|新时代|中国|特色|社会|主义|思想).
 */
function refine(word: string, seg: Segmenter): string[] {
  if (word.length < 4 || !HAN.test(word)) return [word];
  if (word.length % 2 === 0) {
    const parts: string[] = [];
    for (let i = 0; i < word.length; i += 2) parts.push(word.slice(i, i + 2));
    if (parts.every(p => seg.isWord(p))) return parts;
  }
  if (word.length < 5) return [word];
  const out: string[] = [];
  for (let i = 0; i < word.length; ) {
    let len = Math.min(4, word.length - i);
    while (len > 1 && !seg.isWord(word.slice(i, i + len))) len--;
    out.push(...(len === 4 ? refine(word.slice(i, i + 4), seg) : [word.slice(i, i + len)]));
    i += len;
  }
  return out.length > 1 ? out : [word];
}

/** Characters after which a phrase may end: 重要途径和专门协商机构. */
const PHRASE_END = /[的和与及是为并等]/;

/** True when words i … j-1 are one item of a list: the run starts or ends with 和/与/及/、 (多党合作和). */
function coordinated(words: string[], i: number, j: number): boolean {
  // Only an earlier item with its conjunction: dropping a trailing 及其实施细则 leaves a phrase of its own.
  return /^(和|与|、)$/.test(words[j - 1]) && j - i >= 2;
}

/** True when words i … j-1 lie inside a shorter canonical phrase written in this one (专门协商机构 in 发挥人民政协专门协商机构作用). */
function breaksTerm(f: WordForm, i: number, j: number): boolean {
  const s = f.words.slice(0, i).join('').length;
  const e = s + f.words.slice(i, j).join('').length;
  // Strictly inside the term (中国|特色|社会主义 → 中国社会主义), or its last word alone (专门协商|机构 → 专门协商);
  // leaving out a whole part at either end (中国特色的制度) is a phrase of its own.
  return f.terms.some(([a, b]) => b - a < f.norm.length && a < s && (e < b || (e === b && j - i === 1)));
}

/** Content words of a word list (two characters or more, not function words). */
function contentWords(words: string[]): number {
  return words.filter(w => w.length >= 2 && !isFunctionOnly(w)).length;
}

/** Segments every canonical phrase once per PackSet. */
function wordIndex(packs: PackSet, seg: Segmenter): WordIndex {
  return packs.memo('formulation:word-index', () => {
    const forms: WordForm[] = [];
    const all: string[] = [];
    const splits: WordIndex['splits'] = [];
    for (const e of entriesOf(packs, 'phrase')) {
      for (const t of [e.text, ...(e.variants ?? [])]) {
        const norm = normalize(t);
        all.push(norm);
        if (norm.length >= 8 && e.maxEdits !== 0)
          for (const tok of seg.cut(norm)) {
            const w = tok.word;
            if (w.length < 4 || w.length > 8 || w.length % 2 || !HAN.test(w)) continue;
            const parts: string[] = [];
            for (let i = 0; i < w.length; i += 2) parts.push(w.slice(i, i + 2));
            if (parts.every(x => seg.isWord(x))) for (let i = 2; i < w.length; i += 2) splits.push({ entry: e, text: t, norm, at: tok.offset + i });
          }
        if (norm.length < MIN_PHRASE || e.maxEdits === 0) continue;
        const words: string[] = [];
        for (const tok of seg.cut(norm)) words.push(...refine(tok.word, seg));
        if (words.join('') !== norm || words.length < 3) continue;
        forms.push({ entry: e, text: t, norm, words, terms: [] });
      }
    }
    for (const f of forms)
      for (const c of all) if (c.length >= 4 && c.length < f.norm.length) for (let a = f.norm.indexOf(c); a >= 0; a = f.norm.indexOf(c, a + 1)) f.terms.push([a, a + c.length]);
    return { forms, all, splits };
  });
}

/**
 * One way a form may be misquoted, in the order findWordSlips tries them: a word (or run of words i … j-1) W
 * replaced or dropped between the agreeing text P and S ('middle'), the last or first word replaced, or words i and
 * i+1 swapped (then W is the whole swapped text and P the words before the pair). Everything here depends on the
 * form alone, so it is worked out once per form (it used to be recomputed for every document: on 600 short
 * articles, a third of the rule's time).
 */
interface SlipStep {
  kind: 'middle' | 'last' | 'first' | 'swap';
  i: number;
  W: string;
  P: string;
  S: string;
  dropOk: boolean;
  replaceOk: boolean;
}

const stepCache = new WeakMap<WordForm, SlipStep[]>();

function stepsOf(f: WordForm): SlipStep[] {
  let steps = stepCache.get(f);
  if (steps) return steps;
  steps = [];
  const { words } = f;
  const n = words.length;
  const join = (a: number, b: number) => words.slice(a, b).join('');
  for (let i = 0; i < n; i++) {
    // One word replaced (i), or a run of words dropped (i … j-1).
    for (let j = i + 1; j <= Math.min(n, i + 3); j++) {
      const W = join(i, j);
      if (isFunctionOnly(W) || W.length < 2 || (j - i === 1 && MODIFIERS.test(W))) continue;
      const P = join(0, i);
      const S = join(j, n);
      const agree = words.slice(0, i).concat(words.slice(j));
      if (P.length + S.length < MIN_AGREE || contentWords(agree) < 2) continue;
      if (j - i > 1 && (!P || !S || contentOnly(W).length > 4)) continue;
      if (P && S) {
        // A dropped word must be one item of a list (多党合作和), part of a named term the phrase contains
        // (专门协商机构), or have long agreeing text on both sides; otherwise the shorter text is usually a
        // phrase of its own (中国特色社会主义道路).
        const dropOk = !f.entry.openWords?.includes(W) && (coordinated(words, i, j) || breaksTerm(f, i, j) || (P.length >= 4 && S.length >= 4));
        const replaceOk = j - i === 1 && W.length >= 2 && W.length <= 4 && !f.entry.openWords?.includes(W);
        steps.push({ kind: 'middle', i, W, P, S, dropOk, replaceOk });
      } else if (!S && j - i === 1 && W.length === 2 && f.norm.length >= MIN_PHRASE_LAST && contentWords(agree) >= 3) {
        steps.push({ kind: 'last', i, W, P, S, dropOk: false, replaceOk: true });
      } else if (!P && i === 0 && j === 1 && W.length === 2 && S.length >= 8 && contentWords(agree) >= 3 && !MODIFIERS.test(W)) {
        steps.push({ kind: 'first', i, W, P, S, dropOk: false, replaceOk: true });
      }
    }
    if (i + 1 < n && words[i].length >= 2 && words[i + 1].length >= 2 && words[i] !== words[i + 1] && !isFunctionOnly(words[i]) && !isFunctionOnly(words[i + 1])) {
      const P = join(0, i);
      steps.push({ kind: 'swap', i, W: P + words[i + 1] + words[i] + join(i + 2, n), P, S: '', dropOk: false, replaceOk: false });
    }
  }
  stepCache.set(f, steps);
  return steps;
}

/** Finds word-level near misses of the canonical phrases (see the header). */
export function findWordSlips(doc: DocumentModel, packs: PackSet, seg: Segmenter): WordSlip[] {
  const idx = wordIndex(packs, seg);
  const text = normalizedText(doc);
  // Thousands of prefixes and suffixes of phrases are looked up: found through one scan per leading character pair.
  const tix = textIndexFor(doc, text);
  const present = new Map<string, boolean>();
  const has = (w: string) => {
    let v = present.get(w);
    if (v === undefined) present.set(w, (v = tix.includes(w)));
    return v;
  };
  const occCache = new Map<string, number[]>();
  const occ = (needle: string) => {
    let v = occCache.get(needle);
    if (!v) occCache.set(needle, (v = tix.occurrences(needle)));
    return v;
  };
  const raw: (WordSlip & { ds: number; de: number })[] = [];
  for (const f of idx.forms) {
    const { words } = f;
    // Cheap filter: all but one word (or a dropped run of up to three) must occur in the document.
    let missing = 0;
    for (const w of words) if (w.length >= 2 && !has(w) && ++missing > 3) break;
    if (missing > 3) continue;
    const push = (s: number, e: number, kind: WordSlipKind, want: string, got: string, ds: number, de: number) => {
      const win = text.slice(s, e);
      if (STOP.test(win) || win === f.norm) return;
      raw.push({ offset: s, length: e - s, actual: doc.text.slice(s, e), expected: f.text, entry: f.entry, kind, want, got, ds, de });
    };
    for (const st of stepsOf(f)) {
      const { W, P, S } = st;
      if (st.kind === 'middle') {
        for (const a of occ(P)) {
          const g0 = a + P.length;
          for (let g = 0; g <= W.length + 2; g++) {
            if (!text.startsWith(S, g0 + g)) continue;
            const X = text.slice(g0, g0 + g);
            if (X === W || (g > 0 && !HAN.test(X))) break;
            if (X.includes(W) || sameContent(X, W)) break; // a word added, or only function words differ
            if (g === 0 || isFunctionOnly(X)) {
              if (st.dropOk) push(a, g0 + g + S.length, 'dropped', W, X, g0, g0 + g);
            } else if (st.replaceOk && X.length === W.length && contentOnly(X) === X) push(a, g0 + g + S.length, 'replaced', W, X, g0, g0 + g);
            break;
          }
        }
      } else if (st.kind === 'last') {
        // The last word replaced (重要渠道 → 重要途径): the same length, Han characters, and the phrase must end
        // there (punctuation or a function word follows), so that 中国人民政治协商会议全国委员会 is not read
        // as a damaged 中国人民政治协商会议章程. The first word is a topic slot (教育治理体系) and is not checked.
        for (const a of occ(P)) {
          const end: number = a + P.length + W.length;
          const X = text.slice(a + P.length, end);
          if (X.length !== W.length || X === W || !HAN.test(X) || contentOnly(X) !== X || f.entry.openWords?.includes(W)) continue;
          if (end < text.length && HAN.test(text[end]) && !PHRASE_END.test(text[end])) continue;
          if (text.slice(a + P.length, end + 3).includes(W)) continue;
          push(a, end, 'replaced', W, X, a + P.length, end);
        }
      } else if (st.kind === 'first') {
        // The first word is a slot a writer fills at will (坚持/贯彻/践行以人民为中心的发展思想), except with a
        // look-alike of the same word: one character kept in place, the other changed (坚持 → 坚定, 全面 → 全部).
        for (const a of occ(S)) {
          const X = text.slice(a - 2, a);
          if (X.length !== 2 || X === W || !HAN.test(X) || contentOnly(X) !== X || f.entry.openWords?.includes(W)) continue;
          if (!((X[0] === W[0]) !== (X[1] === W[1]))) continue;
          if (a - 3 >= 0 && HAN.test(text[a - 3]) && !/[和与及并要是在把将为以，、]/.test(text[a - 3])) continue;
          // Inside 《》 a title is formulation/document-title's.
          if (text.lastIndexOf('《', a) > text.lastIndexOf('》', a)) continue;
          push(a - 2, a + S.length, 'replaced', W, X, a - 2, a);
        }
      } else {
        // Two neighbouring content words swapped: W is the swapped text, P the words before the pair.
        const i = st.i;
        for (const a of occ(W)) {
          const ds = a + P.length;
          push(a, a + W.length, 'swapped', words[i] + words[i + 1], words[i + 1] + words[i], ds, ds + words[i].length + words[i + 1].length);
        }
      }
    }
  }
  // A word put inside a four-character word of the phrase (社会主义 → 社会积极主义, 中华民族 → 中华全面民族): a
  // compound does not take a word inside it, so this is a slip even where a word added between words is not.
  for (const sp of idx.splits) {
    const P = sp.norm.slice(0, sp.at);
    const S = sp.norm.slice(sp.at);
    if (has(P) && has(S)) for (const a of occ(P)) {
      const g0 = a + P.length;
      const X = text.slice(g0, g0 + 2);
      if (X.length < 2 || !HAN.test(X) || contentOnly(X) !== X || !text.startsWith(S, g0 + 2)) continue;
      const e = g0 + 2 + S.length;
      raw.push({ offset: a, length: e - a, actual: doc.text.slice(a, e), expected: sp.text, entry: sp.entry, kind: 'inserted', want: '', got: X, ds: g0, de: g0 + 2 });
    }
    // One half of a word left out inside the phrase (中国特色社会主义 → 中国特色主义, 高举中国特色社会主义伟大旗帜 →
    // 高举中国社会主义伟大旗帜): three characters or more before it and two after must be there; a shorter head is
    // a phrase of its own too often (一个社会核心价值观). Where the shorter text is itself usual (社会主义民主), the
    // entry's allow list says so.
    for (const [d0, d1] of [[sp.at - 2, sp.at], [sp.at, sp.at + 2]]) {
      const before = sp.norm.slice(0, d0);
      const after = sp.norm.slice(d1);
      if (before.length < 3 || after.length < 2 || !has(before) || !has(after)) continue;
      // The modifier left out where the head is itself the abbreviation of the whole word (人民政协 → 政协: 新时代政协工作
      // is the usual short form; the dictionary tags 政协 as an abbreviation).
      if (d0 === sp.at - 2 && seg.lexicon?.()?.word(sp.norm.slice(sp.at, sp.at + 2))?.abbreviation) continue;
      const cut = before + after;
      for (const a of occ(cut))
        raw.push({ offset: a, length: cut.length, actual: doc.text.slice(a, a + cut.length), expected: sp.text, entry: sp.entry, kind: 'dropped', want: sp.norm.slice(d0, d1), got: '', ds: a + before.length, de: a + before.length });
    }
    // The two halves of a word exchanged (社会主义 → 主义社会, 当家作主 → 作主当家), when that makes no word.
    const L = sp.norm.slice(sp.at - 2, sp.at);
    const R = sp.norm.slice(sp.at, sp.at + 2);
    if (L === R || seg.isWord(R + L)) continue;
    const sw = sp.norm.slice(0, sp.at - 2) + R + L + sp.norm.slice(sp.at + 2);
    if (!has(R + L)) continue;
    for (const a of occ(sw))
      raw.push({ offset: a, length: sw.length, actual: doc.text.slice(a, a + sw.length), expected: sp.text, entry: sp.entry, kind: 'swapped', want: L + R, got: R + L, ds: a + sp.at - 2, de: a + sp.at + 2 });
  }
  if (!raw.length) return [];
  // Not a slip: the span (or its differing part) is another canonical phrase written exactly, or allowed.
  const kept = raw.filter(r => {
    if (coveredByAllow(text, r.offset, r.offset + r.length, r.entry.allow)) return false;
    for (const c of idx.all) {
      const from = Math.max(0, Math.min(r.ds, r.offset) - c.length);
      for (let a = tix.indexOf(c, from); a >= 0 && a <= Math.max(r.ds, r.offset); a = tix.indexOf(c, a + 1)) {
        const b = a + c.length;
        if ((a <= r.offset && r.offset + r.length <= b) || (a <= r.ds && r.de <= b && r.de > r.ds)) return false;
      }
    }
    return true;
  });
  // Overlapping slips: keep the longest (then the first); the same span near two entries is ambiguous.
  kept.sort((a, b) => b.length - a.length || a.offset - b.offset);
  const out: WordSlip[] = [];
  for (const r of kept) {
    const same = out.find(o => o.offset === r.offset && o.length === r.length);
    if (same) {
      if (same.entry !== r.entry && !(same.alternatives ?? []).includes(r.expected) && same.expected !== r.expected) (same.alternatives ??= []).push(r.expected);
      continue;
    }
    if (out.some(o => r.offset < o.offset + o.length && o.offset < r.offset + r.length)) continue;
    const { ds: _ds, de: _de, ...slip } = r;
    out.push(slip);
  }
  return out.sort((a, b) => a.offset - b.offset);
}
