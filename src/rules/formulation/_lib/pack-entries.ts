// Formulation pack entries: their types, the merged list (later packs override by id), text normalisation,
// bounded edit distance and the smallest fix. Shared by the five formulation rules.
import type { Fix, Segmenter } from '../../../core/types';
import type { PackSet } from '../../../core/packs';
import { commonEnds } from '../../../core/trim';
import { OwnerCache, ownString } from '../../../core/memo';
import { wordingPack } from '../../../packs';

export type EntryKind = 'phrase' | 'enumeration' | 'collocation' | 'time-bound' | 'house-style' | 'title';

export interface ExampleExpect {
  rule: string;
  match: string;
  fix?: string | null;
}

export interface EntryExample {
  text: string;
  date?: string;
  expect: ExampleExpect[];
}

interface EntryBase {
  id: string;
  kind: EntryKind;
  source?: string;
  note?: string;
  message?: string;
  severity?: 'error' | 'warning' | 'info';
  allow?: string[];
  /** Switches the entry off (an office pack can disable a built-in entry by its id). */
  disabled?: boolean;
  examples: EntryExample[];
  /** Name of the pack the entry came from (added by PackSet.list). */
  pack: string;
}

export interface PhraseEntry extends EntryBase {
  kind: 'phrase';
  text: string;
  variants?: string[];
  swap?: [string, string];
  maxEdits?: number;
  quotedMaxEdits?: number;
  /** Words of the phrase that writers legitimately replace (a template slot: 中国特色社会主义政治发展道路 → 文化发展道路). */
  openWords?: string[];
  /** A fixed term (a slogan or named formulation, 为国履职、为民尽责): no word may be added inside it, not even an
   *  adverb that running prose would take. */
  fixed?: boolean;
  /** The name was given with 新时代 (习近平新时代中国特色社会主义思想, 2017): a 新时期 form is a misquote at any date. */
  namedNewEra?: boolean;
}

export interface EnumerationEntry extends EntryBase {
  kind: 'enumeration';
  items: string[];
  ordered?: boolean;
  complete?: boolean;
  minItems?: number;
  itemMatch?: 'exact' | 'suffix';
  /** Only the order is checked: every item there, side by side, in another order (lists mined from edited text). */
  orderOnly?: boolean;
  /** Completeness is required only in documents dated from then on. */
  from?: string;
}

export interface CollocationEntry extends EntryBase {
  kind: 'collocation';
  term: string;
  verbs: string[];
  wrongVerbs?: string[];
  group?: string;
}

export interface TimeBoundEntry extends EntryBase {
  kind: 'time-bound';
  terms: string[];
  from?: string;
  mentionFrom?: string;
  until?: string;
  replacement?: string;
  what?: string;
}

export interface HouseStyleEntry extends EntryBase {
  kind: 'house-style';
  pattern: string;
  replace: string;
}

export interface TitleEntry extends EntryBase {
  kind: 'title';
  /** The title without 《》. */
  text: string;
  variants?: string[];
}

export type FormulationEntry = PhraseEntry | EnumerationEntry | CollocationEntry | TimeBoundEntry | HouseStyleEntry | TitleEntry;

/** All formulation entries of the loaded packs; an entry of a later pack replaces a same-id entry. */
export function formulationEntries(packs: PackSet): FormulationEntry[] {
  return packs.memo('formulation:entries', () => {
    const byId = new Map<string, FormulationEntry>();
    for (const e of packs.list<FormulationEntry>('formulations')) {
      byId.delete(e.id);
      byId.set(e.id, e);
    }
    return [...byId.values()].filter(e => !e.disabled);
  });
}

/** The entries of one kind. */
export function entriesOf<K extends EntryKind>(packs: PackSet, kind: K): Extract<FormulationEntry, { kind: K }>[] {
  return packs.memo('formulation:kind:' + kind, () => formulationEntries(packs).filter(e => e.kind === kind) as Extract<FormulationEntry, { kind: K }>[]);
}

/** Separators that do not count as a difference between two formulations (、 ， , ; all read as one list mark). */
const SEP_CHARS = '、，,；;';
const NORM: Record<string, string> = { ':': '：', '!': '！', '?': '？', '(': '（', ')': '）', '"': '“', '\u3000': ' ' };
for (const c of SEP_CHARS) NORM[c] = '、';

/** Maps one character to its matching form (same length, so offsets stay valid). */
export function normChar(c: string): string {
  return NORM[c] ?? c;
}

const NORM_RE = /[、，,；;:!?()"\u3000]/g;

/** Normalises text for matching without changing its length. */
export function normalize(s: string): string {
  return s.replace(NORM_RE, c => NORM[c]);
}

const normCache = new OwnerCache<object, string>();

/** The document's masked text, normalised once per document and shared by the formulation rules. */
export function normalizedText(doc: { masked: string }): string {
  let t = normCache.get(doc);
  if (t === undefined) normCache.set(doc, (t = normalize(doc.masked)));
  return t;
}

/**
 * Optimal-string-alignment distance (insert, delete, substitute, swap two neighbours), or `limit + 1`
 * as soon as it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/**
 * The smallest edit that turns `actual` (at `offset` in the document) into `wanted`: common head and tail are
 * kept (compared after normalisation, so the writer's own punctuation survives).
 */
export function smallestFix(actual: string, wanted: string, offset: number): Fix {
  const a = normalize(actual);
  const { head, tail } = commonEnds(a, normalize(wanted));
  return { offset: offset + head, length: a.length - head - tail, text: wanted.slice(head, wanted.length - tail) };
}

/** How `actual` differs from `wanted`, for messages: the characters that differ (“建构”应为“积极”, 漏了“大”, 多了“的”). */
export function describeDifference(actual: string, wanted: string, seg?: Pick<Segmenter, 'cut'>): string {
  const a = normalize(actual);
  const w = normalize(wanted);
  if (isReordering(a, w)) {
    // Two neighbouring characters typed the other way round: name them (“同共”应为“共同”).
    const ends = commonEnds(a, w);
    if (a.length - ends.head - ends.tail === 2) return `“${a.slice(ends.head, ends.head + 2)}”应为“${w.slice(ends.head, ends.head + 2)}”，两字颠倒`;
    return '字词顺序颠倒';
  }
  let { head, tail } = commonEnds(a, w);
  // A character replaced is named with its word where the segmenter is there (“深入”应为“深化”, not “入”应为“化”).
  if (seg && a.length === w.length && w.length - head - tail <= 2) {
    let pos = 0;
    for (const t of seg.cut(w)) {
      const end = pos + t.word.length;
      if (end > head && pos < w.length - tail && t.word.length <= 4) {
        head = Math.min(head, pos);
        tail = Math.min(tail, w.length - end);
      }
      pos = end;
    }
  }
  // Characters left out or added where the same characters repeat (各族各界 → 各界) are named at the leftmost place
  // they may be (漏了“各族”, not “族各”).
  const long = a.length > w.length ? a : w;
  const n = long.length - Math.min(a.length, w.length);
  if (n > 0 && head + tail === long.length - n)
    while (head > 0 && long[head - 1] === long[head - 1 + n]) {
      head--;
      tail++;
    }
  const got = actual.slice(head, actual.length - tail);
  const want = wanted.slice(head, wanted.length - tail);
  if (!got && want) return `漏了“${want}”`;
  if (got && !want) return `多了“${got}”`;
  if (got.length > 6 || want.length > 6) return a.length < w.length ? '漏字' : a.length > w.length ? '多字' : '有错字';
  return `“${got}”应为“${want}”`;
}

/** A YYYY[-MM[-DD]] date as comparable month numbers: earliest and latest month it can mean. */
export function monthRange(s: string): { first: number; last: number } {
  const [y, m] = s.split('-').map(Number);
  if (!m) return { first: y * 12, last: y * 12 + 11 };
  return { first: y * 12 + m - 1, last: y * 12 + m - 1 };
}

/** A date as Chinese text: 2022年10月. */
export function cnDate(s: string): string {
  const [y, m] = s.split('-').map(Number);
  return m ? `${y}年${m}月` : `${y}年`;
}

/** True when the entry's allow list (or the global allow list) has a string covering [start, end) of `text`. */
export function coveredByAllow(text: string, start: number, end: number, allow: string[] | undefined): boolean {
  if (!allow) return false;
  for (const a0 of allow) {
    const a = normalize(a0);
    const from = Math.max(0, end - a.length);
    const to = Math.min(start, text.length - a.length);
    for (let s = from; s <= to; s++) if (text.startsWith(a, s)) return true;
  }
  return false;
}

/**
 * Words that make a grammatical variant, not a different formulation (the built-in wording pack's
 * formulationFunctionWords and formulationFunctionChars): particles and conjunctions (的、了、已、地、得、和、与、及、并),
 * the copula and demonstratives (是、这一), and the adverbs writers put before a verb (坚决、切实、不断). Two texts
 * that agree once these and quotation marks are taken out say the same thing.
 */
const WORDING = (wordingPack as { wording: { formulationFunctionWords?: string[]; formulationFunctionChars?: string } }).wording;
const FUNCTION_WORDS: string[] = WORDING.formulationFunctionWords ?? [];
const FUNCTION_CHARS = new RegExp(`[${(WORDING.formulationFunctionChars ?? '').replace(/[\]\\^-]/g, '\\$&')}、\\s“”‘’「」『』"'《》]`, 'g');

/** The text without function words and quotation marks (for telling a grammatical variant from a misquote). */
export function contentOnly(s: string): string {
  // Asked again and again for the same words of the phrases (every document, every alignment): answered from a
  // bounded memo (speed only; the answer depends on nothing but `s`).
  let t = contentMemo.get(s);
  if (t !== undefined) return t;
  t = contentOnlyOf(s);
  if (contentMemo.size >= CONTENT_MEMO_MAX) contentMemo.clear();
  // Copies: `s` (and so `t`) may be sliced from a whole document's normalized text, which a sliced key would keep
  // alive after the document is done (docs/performance.md, 第十五轮).
  const key = ownString(s);
  contentMemo.set(key, t === s ? key : ownString(t));
  return t;
}

const contentMemo = new Map<string, string>();
const CONTENT_MEMO_MAX = 50000;

function contentOnlyOf(s: string): string {
  let t = s;
  for (const w of FUNCTION_WORDS) if (t.includes(w)) t = t.split(w).join('');
  return t.replace(FUNCTION_CHARS, '');
}

/** True when `a` and `b` differ only in function words, list marks or quotation marks. */
export function sameContent(a: string, b: string): boolean {
  return contentOnly(a) === contentOnly(b) && !isReordering(a, b);
}

/** True when b is a with its characters in another order (命运同共体 for 命运共同体): a slip, even where the moved
 *  character is also a function word (同、和、与), so never "only a function word differs". */
export function isReordering(a: string, b: string): boolean {
  if (a === b || a.length !== b.length) return false;
  return [...a].sort().join('') === [...b].sort().join('');
}

/** True when the text is nothing but function words (a dropped or inserted 的、和、已经 …). */
export function isFunctionOnly(s: string): boolean {
  return contentOnly(s) === '';
}

/** Quotation marks that turn a span into a cited formulation. */
export const OPEN_QUOTES = '“‘「『"';
export const CLOSE_QUOTES = '”’」』"';
