// Near-miss matching of canonical phrases. Canonical texts are indexed by character bigrams once per PackSet;
// a paragraph is scanned once, bigram hits vote for an alignment (diagonal), and only alignments with enough
// votes are verified with a bounded edit distance. Quoted spans get a more tolerant comparison, because the
// quotation marks say the writer is citing a formulation.
import type { DocumentModel } from '../../../core/document';
import type { PackSet } from '../../../core/packs';
import type { Segmenter } from '../../../core/types';
import { Lru, OwnerCache, ownString, paragraphMemosOn } from '../../../core/memo';
import { coveredByAllow, editDistance, entriesOf, normalize, normalizedText, PhraseEntry, OPEN_QUOTES, CLOSE_QUOTES, sameContent, contentOnly } from './pack-entries';

interface Form {
  entry: PhraseEntry;
  /** Normalised text of this form. */
  norm: string;
  /** The form as written in the pack (used for fixes). */
  text: string;
  /** Edits allowed in running text and inside quotation marks. */
  k: number;
  kq: number;
  /** A wrong form: the canonical text with its two parts swapped (matched exactly only). */
  swapped: boolean;
}

export interface PhraseIndex {
  forms: Form[];
  /** Per form: number of bigrams, edits allowed in running text (0 for swapped forms), votes needed. */
  bigramCount: Int32Array;
  fuzzyK: Int32Array;
  /** The largest fuzzyK. */
  kMax: number;
  threshold: Int32Array;
  /** Dense id (1…) of every character used by a form; 0 for the others (most characters of a text). */
  charId: Uint16Array;
  /** Number of ids + 1: a bigram's key is id1 * idBase + id2 (a small integer). */
  idBase: number;
  /** bigram key → packed (form index * 128 + position). */
  bigrams: Map<number, number[]>;
  /** The same as a flat table (key → index + 1 into `lists`) when it is small enough; faster than the Map. */
  table?: Int32Array;
  lists: number[][];
  /** First character → forms (for quoted spans). */
  byFirst: Map<string, number[]>;
  /** Each form's text without function words (see contentOnly), for long forms (≥ TERM_MAX). */
  contents: Set<string>;
}

/** Edits allowed in running text for a phrase of this length. */
export function defaultMaxEdits(len: number): number {
  return len < 6 ? 0 : len < 12 ? 1 : 2;
}

/** Edits allowed when the whole span is in quotation marks. */
export function defaultQuotedMaxEdits(len: number): number {
  return len < 6 ? 0 : len <= 8 ? 2 : Math.max(2, Math.floor(len / 4));
}

const MAX_FORM = 120;
/**
 * Phrases shorter than this are names (伟大建党精神, 全过程人民民主): a 的 put inside one is still worth a note.
 * Longer ones are clauses (把人民政协的制度优势转化为国家治理效能), where 的、已、和 come and go with the grammar.
 */
export const TERM_MAX = 10;
const RING = 256;
const RING_MASK = RING - 1;
/** Packs (form, alignment) into one number: form * KEY + alignment + 16. */
const KEY = 2 ** 31;

/** Builds (once per PackSet) the bigram index of every canonical phrase, its variants and swapped forms. */
export function phraseIndex(packs: PackSet): PhraseIndex {
  return packs.memo('formulation:phrase-index', () => {
    const forms: Form[] = [];
    const phraseTexts = entriesOf(packs, 'phrase').map(e => e.text);
    for (const e of entriesOf(packs, 'phrase')) {
      const texts = [e.text, ...(e.variants ?? [])];
      for (const t of texts) {
        const norm = normalize(t);
        if (norm.length > MAX_FORM) continue;
        forms.push({
          entry: e,
          norm,
          text: t,
          k: e.maxEdits ?? defaultMaxEdits(norm.length),
          kq: Math.max(e.maxEdits ?? 0, e.quotedMaxEdits ?? defaultQuotedMaxEdits(norm.length)),
          swapped: false,
        });
      }
      for (const sw of swappedTexts(e, phraseTexts))
        if (sw !== e.text) forms.push({ entry: e, norm: normalize(sw), text: sw, k: 0, kq: 0, swapped: true });
    }
    const charId = new Uint16Array(65536);
    let ids = 0;
    for (const f of forms) for (let p = 0; p < f.norm.length; p++) if (!charId[f.norm.charCodeAt(p)]) charId[f.norm.charCodeAt(p)] = ++ids;
    const idBase = ids + 1;
    const bigrams = new Map<number, number[]>();
    const byFirst = new Map<string, number[]>();
    forms.forEach((f, fi) => {
      for (let p = 0; p + 1 < f.norm.length; p++) {
        const key = charId[f.norm.charCodeAt(p)] * idBase + charId[f.norm.charCodeAt(p + 1)];
        let list = bigrams.get(key);
        if (!list) bigrams.set(key, (list = []));
        list.push(fi * 128 + p);
      }
      if (!f.swapped) {
        const l = byFirst.get(f.norm[0]) ?? [];
        l.push(fi);
        byFirst.set(f.norm[0], l);
      }
    });
    const bigramCount = Int32Array.from(forms, f => f.norm.length - 1);
    const fuzzyK = Int32Array.from(forms, f => (f.swapped ? 0 : f.k));
    const threshold = Int32Array.from(forms, f => Math.max(2, f.norm.length - 1 - 3 * f.k));
    let table: Int32Array | undefined;
    const lists: number[][] = [];
    if (idBase * idBase <= 1 << 22) {
      table = new Int32Array(idBase * idBase);
      for (const [key, list] of bigrams) {
        lists.push(list);
        table[key] = lists.length;
      }
    }
    const contents = new Set(forms.filter(f => !f.swapped && f.norm.length >= TERM_MAX).map(f => contentOnly(f.norm)));
    return { forms, charId, idBase, bigrams, table, lists, byFirst, bigramCount, fuzzyK, kMax: fuzzyK.reduce((a, b) => Math.max(a, b), 0), threshold, contents };
  });
}

/** Han characters only. */
const HAN_RUN = /^[\u4e00-\u9fff]+$/;

/**
 * The wrong orders of a phrase: its explicit `swap`, or the two halves around a single 、/，; and around each 和 / 与
 * joining two parts of the same length (多党合作和政治协商 → 政治协商和多党合作, 保障和改善 → 改善和保障). Where the parts'
 * length is unknown every length from 2 to 4 is tried: the wrong cuts give strings nobody writes, and these forms match
 * only exactly, so they cost nothing but index space.
 */
export function swappedTexts(e: PhraseEntry, phraseTexts: readonly string[] = []): string[] {
  const one = swappedText(e);
  const out: string[] = one === undefined ? [] : [one];
  for (let i = 2; i < e.text.length - 2; i++) {
    const c = e.text[i];
    if (c !== '和' && c !== '与') continue;
    for (let k = 2; k <= 4 && i - k >= 0 && i + 1 + k <= e.text.length; k++) {
      const a = e.text.slice(i - k, i);
      const b = e.text.slice(i + 1, i + 1 + k);
      if (a === b || !HAN_RUN.test(a) || !HAN_RUN.test(b)) continue;
      // A shorter phrase of the pack that holds both parts reports the wrong order itself (团结和民主两大主题 within
      // 坚持团结和民主两大主题): the finding and its fix stay on the shorter span.
      if (phraseTexts.some(t => t.length < e.text.length && covers(e.text, t, i - k, i + 1 + k))) continue;
      if (!out.includes(e.text.slice(0, i - k) + b + c + a + e.text.slice(i + 1 + k))) out.push(e.text.slice(0, i - k) + b + c + a + e.text.slice(i + 1 + k));
    }
  }
  return out;
}

/** True when `inner` occurs in `outer` around [a, b). */
function covers(outer: string, inner: string, a: number, b: number): boolean {
  for (let p = outer.indexOf(inner); p >= 0; p = outer.indexOf(inner, p + 1)) if (p <= a && b <= p + inner.length) return true;
  return false;
}

/** The text with its two swappable parts exchanged (explicit `swap`, or the two halves around a single 、/，). */
export function swappedText(e: PhraseEntry): string | undefined {
  if (e.swap) {
    const [a, b] = e.swap;
    const i = e.text.indexOf(a);
    const j = e.text.indexOf(b, i + a.length);
    if (i < 0 || j < 0) return undefined;
    return e.text.slice(0, i) + b + e.text.slice(i + a.length, j) + a + e.text.slice(j + b.length);
  }
  const seps = [...e.text].filter(c => c === '、' || c === '，');
  if (seps.length !== 1) return undefined;
  const k = e.text.search(/[、，]/);
  const a = e.text.slice(0, k);
  const b = e.text.slice(k + 1);
  if (a.length < 2 || b.length < 2) return undefined;
  return b + e.text[k] + a;
}

export interface PhraseHit {
  offset: number;
  length: number;
  /** Matched text as written. */
  actual: string;
  /** Candidate canonical texts (one entry each); more than one means the match is ambiguous. */
  candidates: { entry: PhraseEntry; text: string }[];
  distance: number;
  swapped: boolean;
  quoted: boolean;
}

const STOP = /[。！？!?\n\r]/;

const hitCache = new OwnerCache<DocumentModel, { packs: PackSet; hits: PhraseHit[] }>();

/** Finds exact occurrences and near misses of the canonical phrases in the document (once per document and PackSet). */
/** True when the hit's first or last character makes a dictionary word with the text outside it (……政治发展路|线:
 *  路线 was written for 道路, a word replaced rather than a character dropped): the character-level reading of the
 *  span is wrong, and the word-level one (formulation/phrase-word) is left to report it. */
export function hitCutsWord(text: string, h: { offset: number; length: number }, seg: Segmenter): boolean {
  const from = Math.max(0, h.offset - 4);
  const to = Math.min(text.length, h.offset + h.length + 4);
  const end = h.offset + h.length;
  for (const t of seg.cut(text.slice(from, to))) {
    const a = from + t.offset;
    const b = a + t.word.length;
    if (t.word.length >= 2 && ((a < h.offset && b > h.offset) || (a < end && b > end)) && seg.isWord(t.word)) return true;
  }
  return false;
}

export function findPhraseHits(doc: DocumentModel, packs: PackSet): PhraseHit[] {
  const c = hitCache.get(doc);
  if (c && c.packs === packs) return c.hits;
  const hits = computePhraseHits(doc, packs);
  hitCache.set(doc, { packs, hits });
  return hits;
}

/** The voting tables of computePhraseHits, kept between documents, and the next base. */
let voting: { cnt: Int32Array; stamp: Int32Array; next: number } | undefined;
const EMPTY_STAMP = -0x7fffffff;

/** Tables of `size` slots and a base for a text of `length`: every alignment of this text plus the base is above every
 *  stamp left by the texts before (alignments run from −4 to the length; the fuzzy window reaches a few more). */
function votingTables(size: number, length: number): { cnt: Int32Array; stamp: Int32Array; base: number } {
  if (!voting || voting.cnt.length !== size || voting.next + length + 1024 > 0x3fffffff) voting = { cnt: new Int32Array(size), stamp: new Int32Array(size).fill(EMPTY_STAMP), next: 0 };
  const base = voting.next + 1024;
  voting.next = base + length + 1024;
  return { cnt: voting.cnt, stamp: voting.stamp, base };
}

type Cand = { s: number; w: number; fi: number; d: number; quoted: boolean };
type ParaVotes = { exact: [number, number, PhraseEntry][]; cands: Cand[] };

/** Most paragraphs kept per phrase index (an LRU: a 30 KB report has about 200; a keystroke changes one). */
export const PARA_MEMO_MAX = 2000;
const paraMemos = new WeakMap<PhraseIndex, Lru<Map<string, ParaVotes>>>();
/** Most contexts kept per paragraph text (the same paragraph after different text; a keystroke changes one). */
const CONTEXTS_MAX = 8;

function paraMemoFor(idx: PhraseIndex): Lru<Map<string, ParaVotes>> | undefined {
  if (!paragraphMemosOn()) return undefined;
  let m = paraMemos.get(idx);
  if (!m) paraMemos.set(idx, (m = new Lru(PARA_MEMO_MAX)));
  return m;
}

/** One paragraph's votes: the exact occurrences and near-miss candidates whose alignment is in [lo − 4, end). */
function votePara(idx: PhraseIndex, text: string, lo: number, end: number, cnt: Int32Array, stamp: Int32Array, base: number): ParaVotes {
  const exact: [number, number, PhraseEntry][] = [];
  const cands: Cand[] = [];
  const pending = new Set<number>();
  const seen = new Set<string>();
  const p = { offset: lo };
  {
    for (let i = p.offset; i + 1 < end; i++) {
      const list = bigramsAt(idx, text, i);
      if (!list) continue;
      for (let h = 0; h < list.length; h++) {
        const packed = list[h];
        const fi = packed >> 7;
        const D = i - (packed & 127);
        if (D < p.offset - 4) continue;
        const Db = D + base;
        const c = vote(cnt, stamp, fi * RING + (Db & RING_MASK), Db);
        if (c === idx.bigramCount[fi]) {
          pending.add(fi * KEY + D + 16);
          continue;
        }
        const k = idx.fuzzyK[fi];
        if (k === 0) continue;
        // Every hit adds one vote to the alignments around it, so each alignment reaches the threshold exactly once.
        let total = 0;
        for (let dd = Db - k; dd <= Db + k; dd++) {
          const sl = fi * RING + (dd & RING_MASK);
          if (stamp[sl] === dd) total += cnt[sl];
        }
        if (total === idx.threshold[fi]) pending.add(fi * KEY + D + 16);
      }
    }
    for (const key of pending) {
      const fi = Math.floor(key / KEY);
      const D = key - fi * KEY - 16;
      const f = idx.forms[fi];
      const L = f.norm.length;
      if (text.startsWith(f.norm, D) && D + L <= end) {
        if (f.swapped) cands.push({ s: D, w: L, fi, d: 0, quoted: false });
        else exact.push([D, D + L, f.entry]);
        continue;
      }
      if (f.swapped || f.k === 0) continue;
      const best = verifyAt(text, D, f, p.offset, end);
      if (!best) continue;
      const sig = `${fi}:${best.s}:${best.w}`;
      if (seen.has(sig)) continue;
      seen.add(sig);
      cands.push({ s: best.s, w: best.w, fi, d: best.dist, quoted: false });
    }
  }
  return { exact, cands };
}

/** Adds the votes of text[from, end) (bigrams in the paragraph starting at `lo`) whose alignment is at least `from`:
 *  the only ones the next paragraph can read. */
function replayTail(idx: PhraseIndex, text: string, lo: number, end: number, from: number, cnt: Int32Array, stamp: Int32Array, base: number): void {
  for (let i = Math.max(lo, from); i + 1 < end; i++) {
    const list = bigramsAt(idx, text, i);
    if (!list) continue;
    for (let h = 0; h < list.length; h++) {
      const packed = list[h];
      const fi = packed >> 7;
      const D = i - (packed & 127);
      if (D < lo - 4 || D < from) continue;
      const Db = D + base;
      vote(cnt, stamp, fi * RING + (Db & RING_MASK), Db);
    }
  }
}

/** The packed (form, offset) entries of the phrase forms that have the bigram text[i, i + 2), or undefined. */
function bigramsAt(idx: PhraseIndex, text: string, i: number): number[] | undefined {
  const a = idx.charId[text.charCodeAt(i)];
  if (!a) return undefined;
  const b = idx.charId[text.charCodeAt(i + 1)];
  if (!b) return undefined;
  if (idx.table) {
    const li = idx.table[a * idx.idBase + b];
    return li ? idx.lists[li - 1] : undefined;
  }
  return idx.bigrams.get(a * idx.idBase + b);
}

/** One vote for alignment `Db` in its ring slot (a slot whose stamp is another alignment starts again from 0). */
function vote(cnt: Int32Array, stamp: Int32Array, slot: number, Db: number): number {
  if (stamp[slot] !== Db) {
    stamp[slot] = Db;
    cnt[slot] = 0;
  }
  return ++cnt[slot];
}

/** The forms a quotation's text (normalised) is a near miss of: [form, distance, length] each. It depends on the
 *  text and the phrase index alone. */
function quotedCandidates(idx: PhraseIndex, inner: string): [number, number, number][] {
  const out: [number, number, number][] = [];
  if (inner.length < 5 || inner.length > MAX_FORM || STOP.test(inner)) return out;
  for (const fi of idx.byFirst.get(inner[0]) ?? []) {
    const f = idx.forms[fi];
    if (f.kq === 0 || Math.abs(f.norm.length - inner.length) > f.kq) continue;
    if (f.norm[f.norm.length - 1] !== inner[inner.length - 1]) continue;
    const dist = editDistance(inner, f.norm, f.kq);
    if (dist === 0 || dist > f.kq || (f.norm.length >= TERM_MAX && sameContent(inner, f.norm))) continue;
    if (!sharesEnough(inner, f.norm, true)) continue;
    out.push([fi, dist, inner.length]);
  }
  return out;
}

/** quotedCandidates per quotation text (as written, masked), per phrase index. */
const quoteMemos = new WeakMap<PhraseIndex, Lru<[number, number, number][]>>();

function quoteMemoFor(idx: PhraseIndex): Lru<[number, number, number][]> | undefined {
  if (!paragraphMemosOn()) return undefined;
  let m = quoteMemos.get(idx);
  if (!m) quoteMemos.set(idx, (m = new Lru(PARA_MEMO_MAX)));
  return m;
}

function computePhraseHits(doc: DocumentModel, packs: PackSet): PhraseHit[] {
  const idx = phraseIndex(packs);
  if (!idx.forms.length) return [];
  const out: PhraseHit[] = [];
  const exact: [number, number, PhraseEntry][] = [];
  const cands: Cand[] = [];
  const text = normalizedText(doc);
  // Votes per (form, alignment) in a ring of 256 alignments per form; an alignment is the document offset
  // where the form would start. Stamps tell a slot's current alignment, so nothing is reset between paragraphs.
  // The two tables are kept between documents (allocating and filling them cost more than linting a short article);
  // alignments are shifted by a base that grows past every alignment of the documents before, so an old stamp never
  // matches (shifting every alignment alike keeps each slot's ring position relative to the others).
  const F = idx.forms.length;
  const { cnt, stamp, base } = votingTables(F * RING, text.length);
  const memo = paraMemoFor(idx);
  const M = 6 + 2 * idx.kMax;
  const paras = doc.paragraphs;
  for (let pi = 0; pi < paras.length; pi++) {
    const p = paras[pi];
    const end = p.offset + p.length;
    // Votes of one paragraph can reach the alignments of the next one (an alignment starts up to four characters
    // before a paragraph, and a fuzzy count reads k more), so the memo key holds, besides the paragraph's text, the
    // M characters before it and the spans of the paragraphs that lie in them: with those the paragraph's candidates
    // are a function of the key. Two levels: the paragraph's own text string (p.text, whose normalised form is the
    // paragraph's part of `text`; hashed once per document for all the paragraph memos), then the short context.
    // (One key spliced from the context and the normalised paragraph, some 220 characters, was built and hashed
    // anew for every paragraph at every keystroke.)
    let key: string | undefined;
    let byCtx: Map<string, ParaVotes> | undefined;
    if (memo) {
      const from = Math.max(0, p.offset - M);
      let ctxSpans = '';
      for (let q = pi - 1; q >= 0 && paras[q].offset + paras[q].length > from; q--) ctxSpans += `${paras[q].offset - p.offset},${paras[q].offset + paras[q].length - p.offset};`;
      key = `${p.offset - from}|${ctxSpans}|${text.slice(from, p.offset)}`;
      byCtx = memo.get(p.text);
      if (!byCtx) memo.set(ownString(p.text), (byCtx = new Map()));
      const got = byCtx.get(key);
      if (got) {
        for (const [s, e, entry] of got.exact) exact.push([s + p.offset, e + p.offset, entry]);
        for (const c of got.cands) cands.push({ ...c, s: c.s + p.offset });
        // Replay the votes that can reach the next paragraph's alignments, so that the tables are as if this
        // paragraph had been counted.
        replayTail(idx, text, p.offset, end, end - M, cnt, stamp, base);
        continue;
      }
    }
    const r = votePara(idx, text, p.offset, end, cnt, stamp, base);
    for (const x of r.exact) exact.push(x);
    for (const c of r.cands) cands.push(c);
    if (byCtx && key !== undefined) {
      if (byCtx.size >= CONTEXTS_MAX) byCtx.clear();
      byCtx.set(key, {
        exact: r.exact.map(([s, e, entry]) => [s - p.offset, e - p.offset, entry] as [number, number, PhraseEntry]),
        cands: r.cands.map(c => ({ ...c, s: c.s - p.offset })),
      });
    }
  }
  // Quoted spans: the whole quotation compared with forms that share its first and last character.
  const quoteMemo = quoteMemoFor(idx);
  for (const q of doc.quotes) {
    if (!OPEN_QUOTES.includes(q.openMark) || !CLOSE_QUOTES.includes(q.closeMark)) continue;
    // The length first (normalize keeps it): nested quotations span most of a text, and slicing each would be
    // quadratic (2.4 MB of nested quotes took 40 s).
    if (q.close - q.open - 1 < 5 || q.close - q.open - 1 > MAX_FORM) continue;
    const raw = doc.masked.slice(q.open + 1, q.close);
    let found = quoteMemo?.get(raw);
    if (!found) {
      found = quotedCandidates(idx, normalize(raw));
      quoteMemo?.set(ownString(raw), found);
    }
    for (const [fi, d, w] of found) cands.push({ s: q.open + 1, w, fi, d, quoted: true });
  }
  if (!cands.length) return out;
  const norm = text;
  // A candidate inside an exact phrase, or overlapping an exact occurrence of its own entry, is not a near miss.
  // Exact occurrences sorted by start; only those starting less than MAX_FORM before a candidate can touch it.
  exact.sort((x, y) => x[0] - y[0]);
  const blocked = (s: number, e: number, entry: PhraseEntry) => {
    let lo = 0;
    let hi = exact.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (exact[mid][0] < e) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && exact[k][0] > s - MAX_FORM - 4; k--) {
      const [a, b, ex] = exact[k];
      if ((a <= s && e <= b) || (s < b && a < e && ex === entry)) return true;
      // Another canonical phrase written exactly where this one differs: 党和国家监督体系的重要组成部分.
      if (ex !== entry && a <= ds && de <= b) return true;
    }
    return false;
  };
  let ds = 0;
  let de = 0;
  // Group candidates by span; keep the best distance; drop spans inside allowed or exact text.
  cands.sort((a, b) => a.s - b.s || a.d - b.d);
  const bySpan = new Map<string, Cand[]>();
  for (const c of cands) {
    const f = idx.forms[c.fi];
    const win = norm.slice(c.s, c.s + c.w);
    // Where the text differs from the standard form (for a wrong order, from the entry's own text: the window is the
    // swapped form itself).
    const ref = f.swapped ? normalize(f.entry.text) : f.norm;
    let h = 0;
    while (h < win.length && win[h] === ref[h]) h++;
    let t = 0;
    while (t < win.length - h && win[win.length - 1 - t] === ref[ref.length - 1 - t]) t++;
    ds = c.s + h;
    de = Math.max(ds, c.s + c.w - t);
    if (blocked(c.s, c.s + c.w, f.entry)) continue;
    // The same words as some canonical form, only function words apart (中国特色社会主义的新时代).
    if (!f.swapped && idx.contents.has(contentOnly(win))) continue;
    if (coveredByAllow(norm, c.s, c.s + c.w, f.entry.allow)) continue;
    const key = `${c.s}:${c.w}`;
    const l = bySpan.get(key) ?? [];
    l.push(c);
    bySpan.set(key, l);
  }
  const hits: PhraseHit[] = [];
  for (const list of bySpan.values()) {
    const bestD = list.reduce((a, c) => Math.min(a, c.d), Infinity);
    const best = list.filter(c => c.d === bestD);
    const byEntry = new Map<string, { entry: PhraseEntry; text: string }>();
    for (const c of best) {
      const f = idx.forms[c.fi];
      // Within one entry, a tie goes to the entry's main text.
      if (!byEntry.has(f.entry.id) || f.text === f.entry.text) byEntry.set(f.entry.id, { entry: f.entry, text: f.swapped ? f.entry.text : f.text });
    }
    const c0 = best[0];
    hits.push({
      offset: c0.s,
      length: c0.w,
      actual: doc.text.slice(c0.s, c0.s + c0.w),
      candidates: [...byEntry.values()],
      distance: bestD,
      swapped: best.some(c => idx.forms[c.fi].swapped),
      quoted: best.some(c => c.quoted),
    });
  }
  // Overlapping hits: keep the one with the smaller distance (then the longer one).
  hits.sort((a, b) => a.distance - b.distance || b.length - a.length || a.offset - b.offset);
  const kept: PhraseHit[] = [];
  const taken = new Set<number>();
  for (const h of hits) {
    let free = true;
    for (let i = h.offset; i < h.offset + h.length && free; i++) if (taken.has(i)) free = false;
    if (!free) continue;
    for (let i = h.offset; i < h.offset + h.length; i++) taken.add(i);
    kept.push(h);
  }
  kept.sort((a, b) => a.offset - b.offset);
  return kept;
}

/** The best window around diagonal `d` whose first and last characters match the form and whose distance is within k. */
function verifyAt(t: string, d: number, f: Form, lo: number, hi: number): { s: number; w: number; dist: number } | undefined {
  const L = f.norm.length;
  const k = f.k;
  let best: { s: number; w: number; dist: number } | undefined;
  for (let s = Math.max(lo, d - k); s <= d + k && s < hi; s++) {
    if (t[s] !== f.norm[0]) continue;
    for (let w = L - k; w <= L + k; w++) {
      const e = s + w;
      if (w < 2 || e > hi || t[e - 1] !== f.norm[L - 1]) continue;
      const win = t.slice(s, e);
      if (STOP.test(win)) continue;
      const dist = editDistance(win, f.norm, k);
      if (dist > k || dist === 0 || (f.norm.length >= TERM_MAX && sameContent(win, f.norm))) continue;
      // A list mark or comma the phrase does not have splits it into two clauses (新时代，人民政协工作……).
      if (countMarks(win) > countMarks(f.norm)) continue;
      if (!sharesEnough(win, f.norm, false) || addsWord(win, f.norm) || wholeWordEdit(win, f.norm)) continue;
      if (!best || dist < best.dist || (dist === best.dist && Math.abs(w - L) < Math.abs(best.w - L))) best = { s, w, dist };
    }
  }
  return best;
}

/**
 * The window keeps the form's first characters (two in running text, where a window could start inside the
 * previous word; one inside quotation marks) and its last one, and at least half of the form at its two ends:
 * a damaged phrase, not another phrase that shares a few words.
 */
function sharesEnough(win: string, form: string, quoted: boolean): boolean {
  const n = Math.min(win.length, form.length);
  let head = 0;
  while (head < n && win[head] === form[head]) head++;
  let tail = 0;
  while (tail < n && win[win.length - 1 - tail] === form[form.length - 1 - tail]) tail++;
  return head >= (quoted ? 1 : 2) && tail >= 1 && Math.min(head + tail, n) >= Math.ceil(form.length / 2);
}

/** Number of list marks and commas (normalised to 、) in a text. */
function countMarks(s: string): number {
  let n = 0;
  for (const c of s) if (c === '、') n++;
  return n;
}

/**
 * True when the window differs from the form by one block of two characters replaced (法律体系 for 理论体系), not
 * merely swapped: a whole word, which formulation/phrase-word judges with its word-level rules (a template slot or a near-synonym).
 */
function wholeWordEdit(win: string, form: string): boolean {
  let head = 0;
  while (head < win.length && head < form.length && win[head] === form[head]) head++;
  let tail = 0;
  while (tail < win.length - head && tail < form.length - head && win[win.length - 1 - tail] === form[form.length - 1 - tail]) tail++;
  const inForm = form.length - head - tail;
  const inWin = win.length - head - tail;
  // Two neighbours typed the other way round (命运同共体 for 命运共同体) are a slip inside the phrase, not a word
  // replaced by another.
  if (inForm === 2 && inWin === 2 && win[head] === form[head + 1] && win[head + 1] === form[head]) return false;
  return inForm === 2 && inWin === 2;
}

/**
 * True when the window is the form with two or more characters inserted in one place (国家治理体系和治理能力迈向现代化):
 * in running text a writer who adds a whole word is adapting the phrase, not misquoting it.
 */
function addsWord(win: string, form: string): boolean {
  if (win.length - form.length < 2) return false;
  let head = 0;
  while (head < form.length && win[head] === form[head]) head++;
  let tail = 0;
  while (tail < form.length - head && win[win.length - 1 - tail] === form[form.length - 1 - tail]) tail++;
  return head + tail === form.length;
}
