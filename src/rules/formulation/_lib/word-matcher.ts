// Word-level near misses of canonical phrases. Each phrase is segmented once (long dictionary words are split
// into their two-character words, so 协商民主 is 协商|民主); a span of the document is a near miss when every word
// agrees but one: one word replaced (重要渠道 → 重要途径), a run of up to three words dropped (多党合作和), or two
// neighbouring words swapped (协商民主 → 民主协商). The agreeing part must be long (≥ 6 characters, two content words
// or more); a span that is itself another canonical phrase, or differs only by function words, is not a misquote.
import { DocumentModel, Paragraph } from '../../../core/document';
import type { PackSet } from '../../../core/packs';
import type { Segmenter } from '../../../core/types';
import { TextIndex, textIndexFor } from '../../../core/text-index';
import { contentOnly, coveredByAllow, entriesOf, isFunctionOnly, normalize, normalizedText, PhraseEntry, sameContent } from './pack-entries';
import { Lru, paragraphMemosOn } from './para-memo';
import { OwnerCache, ownString } from '../../../core/memo';

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
  /** A look-alike word in a short phrase (大团结大联盟): not a slip where the document writes `got` again elsewhere. */
  lookAlike?: boolean;
}

interface WordForm {
  entry: PhraseEntry;
  /** The form as written in the pack, and normalised. */
  text: string;
  norm: string;
  words: string[];
  /** Spans of shorter canonical phrases inside this one. */
  terms: [number, number][];
  /** What to look for in a document (probesOf; speed only: the same for every document). */
  probes?: Probe[];
  /** prefixes[k]: words[0 … k-1] joined (with probes). */
  prefixes?: string[];
  /** The words of two characters or more, as indexes into WordIndex.vocab (the cheap filter; speed only). */
  filter: Int32Array;
}

const PROBE_GAP = 0;
const PROBE_LAST = 1;
const PROBE_FIRST = 2;
const PROBE_INSERT = 3;
const PROBE_SWAP = 4;
const PROBE_NEAR = 5;

/**
 * One search a form makes in every document, with everything about it that depends only on the form: words i … j-1
 * (W) replaced or dropped between the agreeing prefix P and suffix S (PROBE_GAP), the last or the first word replaced
 * (PROBE_LAST, PROBE_FIRST), a word inserted before word i (PROBE_INSERT), or words i and i+1 swapped (PROBE_SWAP).
 */
type Probe = (
  | { type: typeof PROBE_GAP; P: string; S: string; W: string; dropOk: boolean; replaceOk: boolean }
  | { type: typeof PROBE_LAST; P: string; W: string }
  | { type: typeof PROBE_FIRST; S: string; W: string }
  | { type: typeof PROBE_INSERT; P: string; S: string; i: number }
  | { type: typeof PROBE_SWAP; sw: string; before: number; want: string; got: string }
  | { type: typeof PROBE_NEAR; P: string; S: string; W: string }
) & {
  /** Every match begins with the form's first `pre` words (its P, or the swapped text, starts with them): where
   *  the document does not contain them, the probe finds nothing. */
  pre: number;
};

/** The probes of a form, in the order findWordSlips once made them inline (see there for the why of each test). */
function probesOf(f: WordForm): Probe[] {
  const { words } = f;
  const n = words.length;
  const out: Probe[] = [];
  const cp = prefixCounts(words);
  const join = (a: number, b: number) => words.slice(a, b).join('');
  const short = f.norm.length < MIN_PHRASE;
  // A short term (双重积极作用, 大团结大联合, 全面深化改革): one of its words written as a look-alike word — one
  // character kept in place, the other changed (联合 → 联盟, 深化 → 深入) — where the rest of the term is there.
  if (short && HAN.test(f.norm))
    // Not the first word: there a writer puts the verb of their own sentence (推进区域协调发展, 建成现代化经济体系).
    for (let i = 1; i < n; i++) {
      const W = words[i];
      if (W.length !== 2 || isFunctionOnly(W) || MODIFIERS.test(W) || f.entry.openWords?.includes(W)) continue;
      const P = join(0, i);
      const S = join(i + 1, n);
      if (P.length + S.length < 4 || cp[i] + cp[n] - cp[i + 1] < 1) continue;
      out.push({ type: PROBE_NEAR, P, S, W, pre: i });
    }
  if (f.norm.length < MIN_FORM) return out;
  const open = (w: string) => !!f.entry.openWords?.includes(w);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= Math.min(n, short && !f.entry.fixed ? -1 : i + 3); j++) {
      const W = join(i, j);
      if (isFunctionOnly(W) || W.length < 2 || (j - i === 1 && MODIFIERS.test(W))) continue;
      const P = join(0, i);
      const S = join(j, n);
      const agreeContent = cp[i] + cp[n] - cp[j];
      if (P.length + S.length < MIN_AGREE || agreeContent < 2) continue;
      if (j - i > 1 && (!P || !S || contentOnly(W).length > 4)) continue;
      if (P && S) {
        const dropOk = !open(W) && (fixedPartDropped(f, i, j) || coordinated(words, i, j) || breaksTerm(f, i, j) || (P.length >= 4 && S.length >= 4));
        const replaceOk = j - i === 1 && W.length >= 2 && W.length <= 4 && !open(W);
        out.push({ type: PROBE_GAP, P, S, W, dropOk, replaceOk, pre: i });
      } else if (!S && j - i === 1 && W.length === 2 && (f.norm.length >= MIN_PHRASE_LAST || f.entry.fixed) && agreeContent >= 3) {
        if (!open(W)) out.push({ type: PROBE_LAST, P, W, pre: i });
      } else if (!P && i === 0 && j === 1 && W.length === 2 && S.length >= 8 && agreeContent >= 3 && !MODIFIERS.test(W)) {
        if (!open(W)) out.push({ type: PROBE_FIRST, S, W, pre: 0 });
      }
    }
    if (i > 0 && cp[n] >= 3 && (!short || f.entry.fixed)) {
      const P = join(0, i);
      const S = join(i, n);
      if (P.length >= 2 && S.length >= 2 && P.length + S.length >= 8 && !open(words[i]) && !open(words[i - 1])) out.push({ type: PROBE_INSERT, P, S, i, pre: i });
    }
    // In a short phrase the leading verb put after the next word is a clause of its own (引导委员强化责任担当).
    if (i + 1 < n && !(short && i === 0) && words[i].length >= 2 && words[i + 1].length >= 2 && words[i] !== words[i + 1] && !isFunctionOnly(words[i]) && !isFunctionOnly(words[i + 1])) {
      const before = join(0, i);
      out.push({ type: PROBE_SWAP, sw: before + words[i + 1] + words[i] + join(i + 2, n), before: before.length, want: words[i] + words[i + 1], got: words[i + 1] + words[i], pre: i });
    }
  }
  return out;
}

interface WordIndex {
  forms: WordForm[];
  /** Canonical texts (eight characters or more) and the inner boundaries of their long words (社会|主义, 中国|特色|社会|主义). */
  splits: Split[];
  /** Every normalised canonical text (all entries, variants): a span that is one of them is not a slip. */
  all: string[];
  /** Verbs of the pack's collocations (坚持, 推进, 落实 …); with COMMON_VERBS, the verbs an adverb may precede in
   *  running prose (统筹全面推进). */
  verbs: Set<string>;
  /** The distinct filter words of all forms (WordForm.filter indexes them). */
  vocab: string[];
}

/** An inner word boundary of a canonical text (see WordIndex.splits), with the texts findWordSlips looks for around
 *  it cut once (speed only: they depend on the text and the boundary alone). */
interface Split {
  entry: PhraseEntry;
  text: string;
  norm: string;
  at: number;
  /** Lazily: the texts of each search (splitParts). */
  parts?: SplitParts;
}

interface SplitParts {
  /** Before and after the boundary (a word put inside). */
  P: string;
  S: string;
  /** One half left out: [d0, d1) removed, the text before and after it, and the shortened text. */
  drops: { d0: number; d1: number; before: string; after: string; cut: string }[];
  /** One half replaced: [d0, d1) (W), the text before and after it. */
  repl: { d0: number; d1: number; before: string; after: string; W: string }[];
  /** The halves next to the boundary, and the text with them exchanged. */
  L: string;
  R: string;
  RL: string;
  sw: string;
}

function splitParts(sp: Split): SplitParts {
  const { norm, at } = sp;
  const drops: SplitParts['drops'] = [];
  const repl: SplitParts['repl'] = [];
  for (const [d0, d1] of [[at - 2, at], [at, at + 2]]) {
    const before = norm.slice(0, d0);
    const after = norm.slice(d1);
    drops.push({ d0, d1, before, after, cut: before + after });
    repl.push({ d0, d1, before, after, W: norm.slice(d0, d1) });
  }
  const L = norm.slice(at - 2, at);
  const R = norm.slice(at, at + 2);
  return { P: norm.slice(0, at), S: norm.slice(at), drops, repl, L, R, RL: R + L, sw: norm.slice(0, at - 2) + R + L + norm.slice(at + 2) };
}

const MIN_AGREE = 6;
/** Phrases this long are searched for every kind of word slip; shorter ones (down to MIN_NEAR_FORM) only for a
 *  look-alike word (PROBE_NEAR). */
const MIN_FORM = 8;
const MIN_NEAR_FORM = 5;
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

/** True when the two-character X keeps exactly one character of W in its place (坚持 → 坚定, 联合 → 联盟). */
function oneCharKept(X: string, W: string): boolean {
  return (X[0] === W[0]) !== (X[1] === W[1]);
}

/** Characters after which a phrase may end: 重要途径和专门协商机构. */
const PHRASE_END = /[的和与及是为并等]/;

/** True when words i … j-1 are one item of a list: the run starts or ends with 和/与/及/、 (多党合作和). */
function coordinated(words: string[], i: number, j: number): boolean {
  // Only an earlier item with its conjunction: dropping a trailing 及其实施细则 leaves a phrase of its own.
  return /^(和|与|、)$/.test(words[j - 1]) && j - i >= 2;
}

/**
 * True when words i … j-1 are a part a fixed term cannot lose: the verb of a parallel item (围绕中心、服务大局 →
 * 围绕中心、大局) or part of a quoted name inside it (“两个一百年”奋斗目标 → “一百年”奋斗目标). Elsewhere the
 * shorter text of a fixed term is usual prose (中华民族复兴, 不忘初心使命).
 */
function fixedPartDropped(f: WordForm, i: number, j: number): boolean {
  if (!f.entry.fixed || i === 0) return false;
  return /^[、，“‘]$/.test(f.words[i - 1]) || /^[”’]$/.test(f.words[j] ?? '');
}

/** True when words i … j-1 lie inside a shorter canonical phrase written in this one (专门协商机构 in 发挥人民政协专门协商机构作用). */
function breaksTerm(f: WordForm, i: number, j: number): boolean {
  const s = f.words.slice(0, i).join('').length;
  const e = s + f.words.slice(i, j).join('').length;
  // Strictly inside the term (中国|特色|社会主义 → 中国社会主义), or its last word alone (专门协商|机构 → 专门协商);
  // leaving out a whole part at either end (中国特色的制度) is a phrase of its own.
  return f.terms.some(([a, b]) => b - a < f.norm.length && a < s && (e < b || (e === b && j - i === 1)));
}

/** True when text[a, b) stands inside quotation marks on the same line (“为国履职、为民尽责”). */
function quoted(text: string, a: number, b: number): boolean {
  // The marks must enclose the phrase itself (“坚持中国特色社会主义法治道路” quotes a longer phrase of its own).
  return /[“‘「『]/.test(text[a - 1] ?? '') && /[”’」』]/.test(text[b] ?? '');
}

/** Adverbs a writer puts before a verb at will (全面推进, 深入贯彻, 积极参与). */
const ADVERBS = /^(全面|深入|积极|广泛|加快|大力|着力|持续|不断|坚定|更好|切实|扎实|认真|努力|充分|进一步|更加|有效|主动|自觉|稳步|协调|统筹|共同|坚决)$/;

/** Verbs phrases often go on with after an adverb (全面推进, 深入贯彻). */
const COMMON_VERBS = /^(深化|坚决|健全|推进|推动|加强|强化|转化|发展|建设|实施|贯彻|落实|完善|健全|提高|提升|增强|维护|实现|促进|参与|开展|履行|发挥|构建|深化|坚持|贯穿|打赢|凝聚|化解|引领|团结|引导|保障|形成|服务|加快|建成|夺取|决胜|学习|推行|改进|巩固)$/;

/** Adjectives of degree and importance (重要, 主要, 根本) that no fixed phrase takes inside it. */
const MODIFIER_ADJ = /^(重要|主要|伟大|根本|基本|有力|良好|巨大|重大|显著|突出)$/;

/**
 * True when a word X added before word i of a phrase is an ordinary adaptation of running prose rather than a
 * slip: an adverb before a verb (统筹全面推进, 坚持和深入加强), or the insertion where the phrase splits at a
 * coordinating word or punctuation (和|与|、|，) — there a writer starts a clause of their own.
 */
function insertionIsAdaptation(X: string, words: string[], i: number, verbs: Set<string>, seg: Segmenter, fixed: boolean): boolean {
  const next = words[i];
  const prev = words[i - 1];
  const isVerb = (w: string) => verbs.has(w) || COMMON_VERBS.test(w);
  // Longer additions (阔步走进) and a summing-up word after a list (依法治国三者有机统一) are the writer's own.
  if (X.length > 2 || /^[两三四五六七八九十]者$/.test(X)) return true;
  // A noun with 对 names whose the object is (牢牢掌握党对意识形态工作领导权, 加强党对……的领导): a qualifier that makes
  // the phrase more specific, as the authoritative texts themselves write it; 应对、针对、反对 are verbs, not this.
  if (/^[\u4e00-\u9fff]对$/.test(X) && !seg.isWord(X)) return true;
  const modifier = ADVERBS.test(X) || MODIFIER_ADJ.test(X);
  // Right after a verb a writer names the field of the object (深化金融供给侧结构性改革, 打赢教育脱贫攻坚战) or
  // adds a second verb (健全完善); only a modifier there is out of place (强化积极委员责任担当, 坚决重要打赢).
  if (isVerb(prev) && !modifier) return true;
  // An adverb before a verb is prose (统筹全面推进), not inside a fixed term (统筹全面推进“五位一体”总体布局); an
  // adverb of manner before a noun is never (中国特色社会主义深入道路).
  if (ADVERBS.test(X)) return !fixed && isVerb(next);
  // A verb put into a fixed term makes a clause of it (中华民族走向伟大复兴).
  if (fixed) return isVerb(X) || /^(走向|迈向|实现|必将|正在|就要)$/.test(X);
  // A modifier before the head noun that ends the phrase (中国特色社会主义根本制度) narrows the phrase, as prose may.
  if (i === words.length - 1) return true;
  if (modifier) return false;
  // Where items are coordinated (和, 、) the writer may start an item of their own.
  if (/^(和|与|及|并|、|，|,)$/.test(prev) || /^(和|与|及|并|、|，|,)$/.test(next)) return true;
  // A word that joins the next into one dictionary word (全面小康) is a different compound, not an insertion.
  return seg.isWord(X + next);
}

/** Content words (two characters or more, not function words) among words[0 … k-1], for every k. */
function prefixCounts(words: string[]): Int32Array {
  const out = new Int32Array(words.length + 1);
  for (let k = 0; k < words.length; k++) out[k + 1] = out[k] + (words[k].length >= 2 && !isFunctionOnly(words[k]) ? 1 : 0);
  return out;
}

/** The indexes into `all` of its texts of four characters or more, by their first two characters (code · 65536 + code),
 *  ascending. */
export function startIndex(all: string[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  all.forEach((c, ci) => {
    if (c.length < 4) return;
    const key = c.charCodeAt(0) * 65536 + c.charCodeAt(1);
    const l = out.get(key);
    if (l) l.push(ci);
    else out.set(key, [ci]);
  });
  return out;
}

/**
 * Every occurrence [a, a + c.length) in `norm` of a text c of `all` (four characters or more) shorter than `norm`:
 * texts in the order of `all`, each one's occurrences from left to right (overlapping ones too). Found through the
 * texts that start with each pair of characters of `norm` (startIndex), not by searching `norm` for each of the
 * thousands of texts (that took about a third of building the index on every run).
 */
export function termsIn(norm: string, all: string[], byStart: Map<number, number[]>): [number, number][] {
  const found: number[] = [];
  for (let a = 0; a + 4 <= norm.length; a++) {
    const list = byStart.get(norm.charCodeAt(a) * 65536 + norm.charCodeAt(a + 1));
    if (!list) continue;
    for (const ci of list) {
      const c = all[ci];
      if (c.length < norm.length && norm.startsWith(c, a)) found.push(ci, a);
    }
  }
  const order: number[] = [];
  for (let k = 0; k < found.length; k += 2) order.push(k);
  order.sort((x, y) => found[x] - found[y] || found[x + 1] - found[y + 1]);
  return order.map(k => [found[k + 1], found[k + 1] + all[found[k]].length] as [number, number]);
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
        // Phrases of eight or nine characters (稳中求进工作总基调) are checked for swapped words, and fixed ones for
        // added words too; shorter ones (five to seven characters) only for a look-alike word (PROBE_NEAR).
        if (norm.length < MIN_NEAR_FORM || e.maxEdits === 0) continue;
        const words: string[] = [];
        for (const tok of seg.cut(norm)) words.push(...refine(tok.word, seg));
        if (words.join('') !== norm || words.length < 3) continue;
        forms.push({ entry: e, text: t, norm, words, terms: [], filter: new Int32Array(0) });
      }
    }
    const termsByStart = startIndex(all);
    const verbs = new Set<string>();
    for (const c of entriesOf(packs, 'collocation')) for (const v of c.verbs) if (v.length === 2) verbs.add(v);
    for (const f of forms) f.terms = termsIn(f.norm, all, termsByStart);
    const vocab: string[] = [];
    const ids = new Map<string, number>();
    for (const f of forms) {
      const filter: number[] = [];
      for (const w of f.words) {
        if (w.length < 2) continue;
        let id = ids.get(w);
        if (id === undefined) ids.set(w, (id = vocab.push(w) - 1));
        filter.push(id);
      }
      f.filter = Int32Array.from(filter);
    }
    return { forms, all, splits, verbs, vocab };
  });
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
  const userWords = packs.memo('formulation:tail-user-words', () => new Set(packs.words('wording', 'userWords')));
  // Whether each filter word occurs (0: not asked yet, 1: yes, 2: no).
  const seen = new Uint8Array(idx.vocab.length);
  const raw: (WordSlip & { ds: number; de: number })[] = [];
  for (const f of idx.forms) {
    // Cheap filter: all but one word (or a dropped run of up to three) must occur in the document.
    let missing = 0;
    for (const id of f.filter) {
      let v = seen[id];
      if (v === 0) seen[id] = v = tix.includes(idx.vocab[id]) ? 1 : 2;
      if (v === 2 && ++missing > 3) break;
    }
    if (missing > 3) continue;
    const { words } = f;
    const short = f.norm.length < MIN_PHRASE;
    const push = (s: number, e: number, kind: WordSlipKind, want: string, got: string, ds: number, de: number, near = false) => {
      const win = text.slice(s, e);
      if (STOP.test(win) || win === f.norm) return;
      // A word of a short phrase replaced is too often another usual phrase (坚决打好三大攻坚战, 必须坚持自主创新);
      // in a fixed term a near word of the one replaced, sharing a character with it, is a slip (两大主题 → 两大主体).
      if (short && kind === 'replaced' && !near && !(f.entry.fixed && want.length === 2 && got.length === 2 && (got.includes(want[0]) || got.includes(want[1])))) return;
      raw.push({ offset: s, length: e - s, actual: doc.text.slice(s, e), expected: f.text, entry: f.entry, kind, want, got, ds, de, ...(near ? { lookAlike: true } : {}) });
    };
    // The form's probes (what does not depend on the document) are worked out once per form, in the order the
    // document is searched (the order of `raw` decides ties below).
    const probes = (f.probes ??= probesOf(f));
    // How many of the form's first words the document contains together (words[0 … reach-1] occur joined): a
    // probe that needs more finds nothing and is skipped unasked.
    const prefixes = (f.prefixes ??= words.map((_, k) => words.slice(0, k + 1).join('')));
    let reach = 0;
    while (reach < prefixes.length && tix.includes(prefixes[reach])) reach++;
    for (const p of probes) {
      if (p.pre > reach) continue;
      if (p.type === PROBE_GAP) {
        const { P, S, W } = p;
        for (const a of occ(P)) {
          const g0 = a + P.length;
          for (let g = 0; g <= W.length + 2; g++) {
            if (!text.startsWith(S, g0 + g)) continue;
            const X = text.slice(g0, g0 + g);
            if (X === W || (g > 0 && !HAN.test(X))) break;
            if (X.includes(W) || sameContent(X, W)) break; // a word added, or only function words differ
            if (g === 0 || isFunctionOnly(X)) {
              if (p.dropOk) push(a, g0 + g + S.length, 'dropped', W, X, g0, g0 + g);
            } else if (p.replaceOk && X.length === W.length && contentOnly(X) === X) push(a, g0 + g + S.length, 'replaced', W, X, g0, g0 + g);
            break;
          }
        }
      } else if (p.type === PROBE_LAST) {
        // The last word replaced (重要渠道 → 重要途径): the same length, Han characters, and the phrase must end
        // there (punctuation or a function word follows), so that 中国人民政治协商会议全国委员会 is not read
        // as a damaged 中国人民政治协商会议章程. The first word is a topic slot (教育治理体系) and is not checked.
        const { P, W } = p;
        for (const a of occ(P)) {
          const end: number = a + P.length + W.length;
          const X = text.slice(a + P.length, end);
          if (X.length !== W.length || X === W || !HAN.test(X) || contentOnly(X) !== X) continue;
          if (end < text.length && HAN.test(text[end]) && !PHRASE_END.test(text[end])) continue;
          if (text.slice(a + P.length, end + 3).includes(W)) continue;
          push(a, end, 'replaced', W, X, a + P.length, end);
        }
      } else if (p.type === PROBE_FIRST) {
        // The first word is a slot a writer fills at will (坚持/贯彻/践行以人民为中心的发展思想), except with a
        // look-alike of the same word: one character kept in place, the other changed (坚持 → 坚定, 全面 → 全部).
        const { S, W } = p;
        for (const a of occ(S)) {
          const X = text.slice(a - 2, a);
          if (X.length !== 2 || X === W || !HAN.test(X) || contentOnly(X) !== X) continue;
          if (!oneCharKept(X, W)) continue;
          if (a - 3 >= 0 && HAN.test(text[a - 3]) && !/[和与及并要是在把将为以，、]/.test(text[a - 3])) continue;
          // Inside 《》 a title is formulation/document-title's.
          if (text.lastIndexOf('《', a) > text.lastIndexOf('》', a)) continue;
          push(a - 2, a + S.length, 'replaced', W, X, a - 2, a);
        }
      } else if (p.type === PROBE_NEAR) {
        // A look-alike word (one character kept in place, the other changed) inside a short term, the rest of it
        // there exactly: 大团结大联盟 (双重积级作用, where the new word is no word, is canonical-phrase's). The term must
        // stand alone: no Han character before it joins its first character into a word, none after it its last.
        const { P, S, W } = p;
        for (const s0 of occ(P)) {
          const g0 = s0 + P.length;
          if (!text.startsWith(S, g0 + 2)) continue;
          const X = text.slice(g0, g0 + 2);
          if (X.length !== 2 || X === W || !HAN.test(X) || contentOnly(X) !== X || !seg.isWord(X)) continue;
          if (!oneCharKept(X, W)) continue;
          // A word of the 政协 world the packs know (协商议政质效: 质效 for 质量和效率) is meant (and so is one the
          // document writes again elsewhere: phrase-word checks that on the whole text, as this search may see one line).
          if (userWords.has(X)) continue;
          const e = g0 + 2 + S.length;
          const before = text[s0 - 1] ?? '';
          const after = text[e] ?? '';
          if (HAN.test(before) && seg.isWord(before + text[s0])) continue;
          if (HAN.test(after) && (seg.isWord(text[e - 1] + after) || (!S && !PHRASE_END.test(after)))) continue;
          // The look-alike makes a word with the phrase's character beside it: the phrase reads another way there.
          // (P is never empty: the first word is not probed.)
          if (S && seg.isWord(X[1] + S[0])) continue;
          if (seg.isWord(P[P.length - 1] + X[0])) continue;
          if (text.lastIndexOf('《', g0) > text.lastIndexOf('》', g0)) continue;
          push(s0, e, 'replaced', W, X, g0, g0 + 2, true);
        }
      } else if (p.type === PROBE_INSERT) {
        // A word put between two words of the phrase (把协商民主重要贯穿履行职能全过程, 在共同思想全面政治基础上);
        // insertionIsAdaptation tells the writer's adaptations apart. A fixed term (the entry says `fixed`, or the
        // phrase stands in quotation marks) takes no adverb, even before a verb.
        const { P, S, i } = p;
        for (const a of occ(P)) {
          const g0 = a + P.length;
          for (let g = 2; g <= 4; g++) {
            if (!text.startsWith(S, g0 + g)) continue;
            const X = text.slice(g0, g0 + g);
            if (!HAN.test(X) || contentOnly(X) !== X || words.includes(X)) break;
            const fixed = f.entry.fixed === true || quoted(text, a, g0 + g + S.length);
            if (insertionIsAdaptation(X, words, i, idx.verbs, seg, fixed)) break;
            push(a, g0 + g + S.length, 'inserted', '', X, g0, g0 + g);
            break;
          }
        }
      } else {
        // Two neighbouring content words swapped.
        for (const a of occ(p.sw)) {
          const ds = a + p.before;
          push(a, a + p.sw.length, 'swapped', p.want, p.got, ds, ds + p.want.length);
        }
      }
    }
  }
  // A word put inside a four-character word of the phrase (社会主义 → 社会积极主义, 中华民族 → 中华全面民族): a
  // compound does not take a word inside it, so this is a slip even where a word added between words is not.
  for (const sp of idx.splits) {
    const sx = (sp.parts ??= splitParts(sp));
    const { P, S } = sx;
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
    for (const { d0, d1, before, after, cut } of sx.drops) {
      if (before.length < 3 || after.length < 2 || !has(before) || !has(after)) continue;
      // The modifier left out where the head is itself the abbreviation of the whole word (人民政协 → 政协: 新时代政协工作
      // is the usual short form; the dictionary tags 政协 as an abbreviation).
      if (d0 === sp.at - 2 && seg.lexicon?.()?.word(sp.norm.slice(sp.at, sp.at + 2))?.abbreviation) continue;
      for (const a of occ(cut))
        raw.push({ offset: a, length: cut.length, actual: doc.text.slice(a, a + cut.length), expected: sp.text, entry: sp.entry, kind: 'dropped', want: sp.norm.slice(d0, d1), got: '', ds: a + before.length, de: a + before.length });
    }
    const { L, R } = sx;
    // One half of a word replaced by a near word so that the compound is broken (社会主义协商民主 → 社会主义商量民主):
    // the rest of the phrase is there exactly, at least six characters of it, the new half shares a character with
    // the old, and with the kept half it makes no word.
    for (const { d0, before, after, W } of sx.repl) {
      if (before.length + after.length < 6 || (before.length < 2 && after.length < 6) || (after.length < 2 && before.length < 6)) continue;
      if ((before && !has(before)) || (after && !has(after))) continue;
      const anchor = after || before;
      for (const a of occ(anchor)) {
        const g0 = after ? a - 2 : a + before.length;
        const s0 = g0 - before.length;
        if (s0 < 0 || g0 + 2 > text.length || (before && !text.startsWith(before, s0))) continue;
        const X = text.slice(g0, g0 + 2);
        const kept = d0 === sp.at - 2 ? R : L;
        const made = d0 === sp.at - 2 ? X + kept : kept + X;
        // A near word of the half it replaces, sharing a character with it (协商 → 商量): another word altogether
        // (社会主义基层民主, 实现民族伟大复兴) makes a phrase of its own too often.
        if (X === W || !HAN.test(X) || X.length < 2 || contentOnly(X) !== X || !(X.includes(W[0]) || X.includes(W[1]))) continue;
        if (seg.isWord(made) || seg.lexicon?.()?.known(made)) continue;
        // The phrase must end (or begin) where it does in the pack: 中国特色社会理论 inside a longer word is not read.
        const e = s0 + sp.norm.length;
        if (!after && e < text.length && HAN.test(text[e]) && !PHRASE_END.test(text[e])) continue;
        if (!before && s0 > 0 && HAN.test(text[s0 - 1]) && (seg.isWord(text[s0 - 1] + X[0]) || seg.isWord(text[s0 - 1] + X))) continue;
        if (!after && e < text.length && HAN.test(text[e]) && seg.isWord(X[1] + text[e])) continue;
        raw.push({ offset: s0, length: sp.norm.length, actual: doc.text.slice(s0, e), expected: sp.text, entry: sp.entry, kind: 'replaced', want: W, got: X, ds: g0, de: g0 + 2 });
      }
    }
    // The two halves of a word exchanged (社会主义 → 主义社会, 当家作主 → 作主当家), when that makes no word.
    const { RL, sw } = sx;
    if (L === R || seg.isWord(RL)) continue;
    if (!has(RL)) continue;
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

/** A canonical phrase whose last character is inside a word of two or more characters (大团结大联|合), by pack set. */
interface TailForm {
  entry: PhraseEntry;
  text: string;
  norm: string;
  /** The length of the phrase's last word (建设 in 加强委员队伍建设), named in the message. */
  lastWord: number;
  /** norm without its last character (what is looked for in the document). */
  prefix: string;
}

/**
 * A canonical phrase written in full but for a wrong last character that makes no word (坚持大团结大联和, 重要思响):
 * canonical-phrase anchors its windows on the phrase's last character and cannot see these. Reported only when the
 * phrase's last word has two or more characters (so the text cuts into a word, not after one: 在共同思想政治基础|上),
 * the written character neither completes another dictionary word (大联盟, 制度 → 制定, 质量 → 质效) nor starts one
 * (价值观 → 价值体系), no other canonical phrase is written there, and the document does not write the same two
 * characters again elsewhere (a word the writer means).
 */
export function findLastCharSlips(doc: DocumentModel, packs: PackSet, seg: Segmenter): WordSlip[] {
  const text = normalizedText(doc);
  return selectTails(tailCandidates(doc, packs, seg), doc, textIndexFor(doc, text));
}

/** A place findLastCharSlips reports unless the document writes the same two characters again elsewhere or another
 *  form already took the place: `fi` is the tail form's position (the order the forms are tried in). */
interface TailCandidate {
  fi: number;
  slip: WordSlip;
  /** The written character and the one before it. */
  pair: string;
}

/** The tail forms of a pack set (see findLastCharSlips), in the order they are tried. */
function tailForms(packs: PackSet, seg: Segmenter): TailForm[] {
  return packs.memo('formulation:tail-forms', () => {
    const out: TailForm[] = [];
    for (const e of entriesOf(packs, 'phrase')) {
      if (e.maxEdits === 0) continue;
      for (const t of [e.text, ...(e.variants ?? [])]) {
        const norm = normalize(t);
        if (norm.length < 6 || !HAN.test(norm.slice(-2))) continue;
        const toks = seg.cut(norm);
        const last = toks[toks.length - 1];
        if (!last || last.word.length < 2 || last.offset + last.word.length !== norm.length) continue;
        out.push({ entry: e, text: t, norm, lastWord: refine(last.word, seg).slice(-1)[0].length, prefix: norm.slice(0, -1) });
      }
    }
    return out;
  });
}

/**
 * Every place that findLastCharSlips checks reads nothing but the text from the phrase's start to the end of the
 * clause after it (Han characters), all within one line: form by form, places ascending. What depends on the rest of
 * the document (the two characters written again elsewhere, a place another form took) is selectTails'.
 */
function tailCandidates(doc: DocumentModel, packs: PackSet, seg: Segmenter): TailCandidate[] {
  const { all } = wordIndex(packs, seg);
  const forms = tailForms(packs, seg);
  const text = normalizedText(doc);
  const tix = textIndexFor(doc, text);
  const userWords = packs.memo('formulation:tail-user-words', () => new Set(packs.words('wording', 'userWords')));
  const out: TailCandidate[] = [];
  for (let fi = 0; fi < forms.length; fi++) {
    const f = forms[fi];
    const L = f.norm.length;
    const { prefix } = f;
    if (!tix.includes(prefix)) continue;
    for (const d of tix.occurrences(prefix)) {
      const at = d + L - 1;
      const c = text[at];
      if (at >= text.length || c === f.norm[L - 1] || !HAN.test(c)) continue;
      if (all.some(o => o.length >= L - 1 && text.startsWith(o, d))) continue;
      // The written character and the one before it make a word the dictionary or the packs know (质效, a
      // 政协 word for 质量和效率): another phrase, not a slip.
      const pair = text.slice(at - 1, at + 1);
      if (seg.isWord(pair) || userWords.has(pair)) continue;
      // The words around the written character, cut in the running text (up to the end of the clause).
      let end = at + 1;
      while (end < text.length && end < at + 5 && HAN.test(text[end])) end++;
      const start = Math.max(d, at - 6);
      const toks = seg.cut(text.slice(start, end));
      const tok = toks.find(t => start + t.offset <= at && at < start + t.offset + t.word.length);
      if (!tok) continue;
      const tokStart = start + tok.offset;
      if (tok.word.length >= 2 && (tokStart === at || seg.isWord(tok.word))) continue;
      if (tokStart < at && tokStart + tok.word.length > at + 1) continue;
      out.push({
        fi,
        pair,
        slip: {
          offset: d,
          length: L,
          actual: doc.text.slice(d, d + L),
          expected: f.text,
          entry: f.entry,
          kind: 'replaced',
          // The whole last word, as written and as it should be (“建射”应为“建设”).
          want: f.norm.slice(L - f.lastWord),
          got: text.slice(d + L - f.lastWord, d + L),
        },
      });
    }
  }
  return out;
}

/** The candidates reported, in findLastCharSlips' order (form by form, places ascending): the first at each place,
 *  unless its two characters are written twice or more in the document (协商议政质效 … 履职质效: a word the writer
 *  means, not a slip). */
function selectTails(cands: TailCandidate[], doc: DocumentModel, tix: TextIndex): WordSlip[] {
  if (!cands.length) return [];
  const sorted = cands.length > 1 ? [...cands].sort((a, b) => a.fi - b.fi || a.slip.offset - b.slip.offset) : cands;
  const out: WordSlip[] = [];
  const taken = new Set<number>();
  for (const c of sorted) {
    const d = c.slip.offset;
    if (taken.has(d) || tix.occurrences(c.pair).length >= 2) continue;
    taken.add(d);
    out.push({ ...c.slip, actual: doc.text.slice(d, d + c.slip.length) });
  }
  return out;
}

/** Lines kept per pack set and segmenter by findLastCharSlipsByLine. */
const lineTailMemos = new WeakMap<PackSet, WeakMap<Segmenter, LineMemo<TailCandidate[]>>>();

/** Most contexts kept per core text of a line key. */
const CONTEXTS_MAX = 4;

/** A memo by line key (lineKeys): by its core text (a string the paragraph memos share), then its context. */
class LineMemo<V> {
  private byCore = new Lru<Map<string, V>>(LINE_SLIPS_MAX);
  get(k: LineKey): V | undefined {
    return this.byCore.get(k.core)?.get(k.ctx);
  }
  set(k: LineKey, v: V): void {
    let m = this.byCore.get(k.core);
    if (!m) this.byCore.set(ownString(k.core), (m = new Map()));
    if (m.size >= CONTEXTS_MAX) m.clear();
    m.set(k.ctx, v);
  }
}

/**
 * findLastCharSlips with each line's candidates (tailCandidates, offsets relative to the line) kept per pack set and
 * segmenter, keyed by the line's text (and its masked text where masking changes it): a candidate lies within one line
 * and reads nothing outside it (its phrase, the written character and the Han characters after it; the text is
 * normalised character by character). Only the document-wide part (selectTails) is done on the whole text. Lines
 * that read otherwise alone (a paragraph of several lines, a line in a multi-line comment) make the whole document be
 * searched at once, as does setParagraphMemos(false).
 */
export function findLastCharSlipsByLine(doc: DocumentModel, packs: PackSet, seg: Segmenter): WordSlip[] {
  if (!paragraphMemosOn() || !doc.paragraphs.every(p => p.startLine === p.endLine)) return findLastCharSlips(doc, packs, seg);
  let bySeg = lineTailMemos.get(packs);
  if (!bySeg) lineTailMemos.set(packs, (bySeg = new WeakMap()));
  let memo = bySeg.get(seg);
  if (!memo) bySeg.set(seg, (memo = new LineMemo<TailCandidate[]>()));
  const text = normalizedText(doc);
  const tix = textIndexFor(doc, text);
  // The keys of findWordSlipsByLine (with the bit of an open 《, which this search does not read: a line whose bit
  // changes is searched again, nothing more).
  const lines = lineKeys(doc).map(k => ({ ...k, cands: memo!.get(k) }));
  const keep = (key: LineKey, cands: TailCandidate[]) => memo!.set(key, cands);
  const misses = lines.reduce((n, x) => n + (x.cands ? 0 : 1), 0);
  if (misses * 2 > lines.length) {
    // Mostly new lines: one search of the whole text, kept line by line.
    const cands = tailCandidates(doc, packs, seg);
    const byLine = lines.map(() => [] as TailCandidate[]);
    let k = 0;
    for (const c of [...cands].sort((a, b) => a.slip.offset - b.slip.offset)) {
      while (k < lines.length && lines[k].end <= c.slip.offset) k++;
      if (k >= lines.length || c.slip.offset + c.slip.length > lines[k].end) return selectTails(cands, doc, tix);
      byLine[k].push(c);
    }
    // Each line's candidates in the order they were found (form by form, places ascending).
    lines.forEach((x, i) => keep(x, byLine[i].sort((a, b) => a.fi - b.fi || a.slip.offset - b.slip.offset).map(c => ({ ...c, slip: { ...c.slip, offset: c.slip.offset - x.offset } }))));
    return selectTails(cands, doc, tix);
  }
  const languageId = doc.isMarkdown ? 'markdown' : 'plaintext';
  const all: TailCandidate[] = [];
  for (const x of lines) {
    let cands = x.cands;
    if (!cands) {
      const alone = new DocumentModel(x.raw, { languageId });
      if (alone.masked !== x.m || !alone.paragraphs.every(p => p.startLine === p.endLine)) return findLastCharSlips(doc, packs, seg);
      cands = tailCandidates(alone, packs, seg);
      keep(x, cands);
    }
    for (const c of cands) all.push({ ...c, slip: { ...c.slip, offset: c.slip.offset + x.offset } });
  }
  return selectTails(all, doc, tix);
}

interface LineKey {
  offset: number;
  end: number;
  raw: string;
  m: string;
  /** Whether a 《 before the line is still open (the last 《 before it comes after the last 》). */
  open: boolean;
  /** The memo key, in two parts that together give that bit, the line's text with its line break, and its masked
   *  text where masking changes it. For a line that is one whole paragraph, unmasked: the paragraph's own text string
   *  (Paragraph.text, hashed once per document for all the paragraph memos), then the bit and the blanks and line
   *  break around it. Otherwise the whole key, then ''. (One key spliced per line was flattened and hashed at every
   *  keystroke.) */
  core: string;
  ctx: string;
}

const lineKeyCache = new OwnerCache<DocumentModel, LineKey[]>();

/** The lines of a document and their memo keys (findWordSlipsByLine, findLastCharSlipsByLine), once per document. */
function lineKeys(doc: DocumentModel): LineKey[] {
  let lines = lineKeyCache.get(doc);
  if (lines) return lines;
  const text = normalizedText(doc);
  const masked = doc.masked !== doc.text;
  let lastOpen = -1;
  let lastClose = -1;
  // The paragraph that is the whole of each line, by line index.
  const whole: (Paragraph | undefined)[] = [];
  for (const p of doc.paragraphs) if (p.startLine === p.endLine) whole[p.startLine] = p;
  lines = doc.lines.map(l => {
    const end = l.offset + l.text.length + l.eol.length;
    const raw = doc.text.slice(l.offset, end);
    const m = masked ? doc.masked.slice(l.offset, end) : raw;
    const open = lastOpen > lastClose;
    const own = text.slice(l.offset, end);
    const o = own.lastIndexOf('《');
    const c = own.lastIndexOf('》');
    if (o >= 0) lastOpen = l.offset + o;
    if (c >= 0) lastClose = l.offset + c;
    const p = whole[l.index];
    if (p && m === raw) {
      const ctx = `${open ? '1' : '0'}${doc.text.slice(l.offset, p.offset)}\u0000${doc.text.slice(p.offset + p.length, end)}`;
      return { offset: l.offset, end, raw, m, open, core: p.text, ctx };
    }
    return { offset: l.offset, end, raw, m, open, core: (open ? '1' : '0') + raw + (m === raw ? '' : '\u0000' + m), ctx: '' };
  });
  lineKeyCache.set(doc, lines);
  return lines;
}

/** Lines kept per pack set and segmenter by findWordSlipsByLine (a 32 KB report has about 60–200). */
const LINE_SLIPS_MAX = 2000;
const lineSlipMemos = new WeakMap<PackSet, WeakMap<Segmenter, LineMemo<WordSlip[]>>>();

/**
 * findWordSlips, line by line, with each line's slips kept (per pack set and segmenter, offsets relative to the line)
 * so that after an edit only the changed lines are searched again. A slip lies within one line (its words and the
 * word between them are Han characters; the checks around it read the characters next to it, which are a line break
 * or the line's own), and the search reads nothing else of the document except, for a slip of a phrase's first word,
 * whether a 《 before it is still open (a title is formulation/document-title's) — which may be on an earlier line.
 * So a line is searched as a document of its own, preceded by a line with a lone 《 when one is open before it, and
 * the key is the line's text (with its masked text where masking changes it) and that bit. Lines that read otherwise
 * alone (a paragraph of several lines, a line inside a multi-line comment or code fence) make the whole document be
 * searched at once, as does setParagraphMemos(false).
 */
export function findWordSlipsByLine(doc: DocumentModel, packs: PackSet, seg: Segmenter): WordSlip[] {
  if (!paragraphMemosOn() || !doc.paragraphs.every(p => p.startLine === p.endLine)) return findWordSlips(doc, packs, seg);
  let bySeg = lineSlipMemos.get(packs);
  if (!bySeg) lineSlipMemos.set(packs, (bySeg = new WeakMap()));
  let memo = bySeg.get(seg);
  if (!memo) bySeg.set(seg, (memo = new LineMemo<WordSlip[]>()));
  const lines = lineKeys(doc).map(k => ({ ...k, slips: memo!.get(k) }));
  let misses = 0;
  for (const x of lines) if (!x.slips) misses++;
  const keep = (key: LineKey, slips: WordSlip[]) => memo!.set(key, slips);
  if (misses * 2 > lines.length) {
    // Mostly new lines (a document linted the first time): one search of the whole text, kept line by line.
    const all = findWordSlips(doc, packs, seg);
    let k = 0;
    for (const x of lines) {
      const own: WordSlip[] = [];
      while (k < all.length && all[k].offset < x.end) own.push({ ...all[k], offset: all[k++].offset - x.offset });
      if (own.some(s => s.offset + s.length > x.end - x.offset)) return all;
      keep(x, own);
    }
    return all;
  }
  const languageId = doc.isMarkdown ? 'markdown' : 'plaintext';
  const out: WordSlip[] = [];
  for (const x of lines) {
    let slips = x.slips;
    if (!slips) {
      const prefix = x.open ? '《\n' : '';
      const alone = new DocumentModel(prefix + x.raw, { languageId });
      if (alone.masked.slice(prefix.length) !== x.m || !alone.paragraphs.every(p => p.startLine === p.endLine)) return findWordSlips(doc, packs, seg);
      slips = findWordSlips(alone, packs, seg).map(s => ({ ...s, offset: s.offset - prefix.length }));
      keep(x, slips);
    }
    for (const s of slips) out.push({ ...s, offset: s.offset + x.offset });
  }
  return out;
}
