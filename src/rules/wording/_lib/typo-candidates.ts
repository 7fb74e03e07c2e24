// Finds character slips in one run of text (between punctuation) from its segmenter tokens and the typo lexicon:
// a character the segmenter left on its own that, replaced by a homophone (input-method slip) or a look-alike,
// completes a frequent word, set phrase or 政协 term; a frequent four-character word or set phrase with one
// character dropped (漏字) or one added (多字). Pure: text, tokens and look-ups in; slips out (offsets in the run).
import type { Lexicon, LexiconWord } from '../../../core/types';
import { isHan, isHanCode } from '../../../core/document';

export type SlipKind = '同音字' | '近音字' | '形近字' | '成语误写' | '漏字' | '多字' | '叠字' | '同音词';

export interface Slip {
  kind: SlipKind;
  /** The written span (run offsets). */
  start: number;
  end: number;
  /** What the span should read. */
  expected: string;
  /** The smallest edit (run offsets). */
  fix: { offset: number; length: number; text: string };
  /** Written and meant character for 同音字/形近字/成语误写. */
  wrong?: string;
  right?: string;
  /** True when the evidence is strong (frequent word, set phrase); weaker evidence is reported as a hint. */
  strong: boolean;
  /** True for a guess on weak evidence (accepted because the text reads much better with it, localGain). */
  weak?: boolean;
}

export interface SlipLookups {
  lexicon: Lexicon;
  /** Dictionary or user word (compact segmenter dictionary, 政协 terms). */
  isWord(w: string): boolean;
  /** Look-alikes of a character (pack groups); the same answer for a character every time (candidate sets are kept
   *  per lexicon and function). */
  lookAlikes(ch: string): string;
  /** Words never to propose. */
  ignore: Set<string>;
  /** Function characters (的, 是, 以 …) that are never replaced, and that a proposed two-character word may not consist of. */
  functionChars: string;
  /** One-character place abbreviations (pack data: 京, 沪, 吉 …): written alone they are names (留吉, 吉电), never
   *  replaced on weak evidence. */
  placeAbbreviations?: string;
  /** Common surnames (pack data): a loose surname before a short window makes it a given name (梁|曼瑜). */
  surnames?: Set<string>;
  /** Evidence from the document itself: how much more often (natural log) the document writes the word `meant` than
   *  edited text at large does for its length, 0 when it does not write it (a draft about 防汛 that once writes 防迅).
   *  Asked only for a weak guess that the evidence of edited text alone does not let through; an answer that asked it
   *  depends on the document (the rule does not cache it across documents). */
  inDocument?(meant: string): number;
}

/** How strongly the lexicon attests a word: its corpus count, or jieba's frequency scaled to it. */
function strength(lx: SlipLookups, w: string): number {
  // Only lexicon words are proposed (the segmenter's dictionary may be the full one, with its rare entries).
  const e = lx.lexicon.word(w);
  return e ? entryStrength(e) : 0;
}

function entryStrength(e: LexiconWord): number {
  return Math.max(e.corpus, e.jieba / 20, e.idiom ? 20 : 0);
}

/** The written text is itself in use: a word, or a variant edited text writes often enough against the word. */
function writtenInUse(lx: SlipLookups, written: string, meant: number): boolean {
  if (lx.isWord(written) || lx.lexicon.known(written)) return true;
  const e = lx.lexicon.word(written);
  if (e && (e.corpus >= 2 || e.jieba >= 50)) return true;
  const a = lx.lexicon.attested(written);
  if (a >= 3 || (a >= 1 && a * 5 >= meant)) return true;
  // Edited text has the characters side by side, even across words, often enough against the word meant.
  return lx.lexicon.seen(written) * SEEN_RATIO >= meant;
}

/** The written span may occur anywhere in the reference corpus at most once per this many occurrences of the word
 *  meant (法展 inside 宪法展览 does not make 法展 for 发展 a spelling). */
const SEEN_RATIO = 300;

/** Below this strength a corrected word is not proposed; at or above STRONG the finding is a warning. */
const MIN_STRENGTH = 8;
/** … and a two-character word needs at least this much. */
const MIN_STRENGTH_PAIR = 12;
/** A two-character word proposed must occur this often in the reference corpus (or in jieba, with a tenth of it in the corpus). */
const PAIR_CORPUS = 200;
/** … and one of two characters that both stand alone as words, this much. */
const MIN_STRENGTH_FREE_PAIR = 100;
const STRONG = 20;
/** A near homophone (zh/z, in/ing …) is proposed only for a word at least this frequent in the reference corpus (300
 *  before the lexicon counted near-reading variants too: 产品|等, 新签约 are now evidence against 平等, 新疆). */
const NEAR_CORPUS = 100;
/** … or, as a weak guess, a word of three or four characters at least this frequent (政府职能 64, 凝聚共识 62, 党风廉政
 *  75): the lexicon counts the near-reading variants of words this frequent too, so that edited text's use of the written
 *  characters is known (第十一轮). Two-character words of this count found more held-out slips but gave false hints on
 *  published reports (殷勇 → 英勇 after 市长 and a space, 原丝 → 原始), so they are not proposed on a near reading. */
const RARE_NEAR_CORPUS = 50;
/** In a two-character window, one character must be used alone less often than this (jieba frequency). */
const MAX_FREE_USE = 2500;
/** The character kept in a two-character window may be used alone at most this often (jieba frequency). */
const MAX_KEPT_USE = 20000;
/** … unless the character replaced is itself used alone less often than this. */
const MIN_SLIPPED_FREE = 5000;

/** A two-character word this frequent in the reference corpus, but below PAIR_CORPUS (遴选 79, 参保 63, 减排 54), is
 *  proposed only as a weak guess where edited text never has the written characters side by side (rarePair); at 30,
 *  clean published text got 3 more false hints (docs/typo-detection.md 第十轮). */
const RARE_PAIR_CORPUS = 50;

/** A less common two-character word (RARE_PAIR_CORPUS up to PAIR_CORPUS) may be proposed for the written pair, on weak
 *  evidence: edited text never writes the pair, as a word or side by side across words, and the two characters are not
 *  both free words (two words side by side are usually what was meant). */
function rarePair(lx: SlipLookups, meant: string, written: string, seen: number, free: boolean): boolean {
  return !free && seen === 0 && (lx.lexicon.word(meant)?.corpus ?? 0) >= RARE_PAIR_CORPUS && lx.lexicon.attested(written) === 0;
}

/** The conditions of rarePair (and the test of the character replaced next to it) that do not depend on the word
 *  meant: mayReplace's quick test of a two-character window whose word meant is less common. */
function rarePairPossible(lx: SlipLookups, run: string, s: number, p: number): boolean {
  if (freeUse(lx, run[p]) >= MAX_KEPT_USE) return false;
  const written = run.slice(s, s + 2);
  return lx.lexicon.seen(written) === 0 && lx.lexicon.attested(written) === 0;
}

/** A word common enough to be proposed for a two-character window. */
function commonWord(lx: SlipLookups, w: string): boolean {
  const e = lx.lexicon.word(w);
  if (!e) return false;
  return e.corpus >= PAIR_CORPUS || (e.jieba >= PAIR_CORPUS && e.corpus >= PAIR_CORPUS / 10);
}

/** True when the character at p forms a word with the text around it in the run (any 2–4 character span). */
function belongs(lx: SlipLookups, run: string, p: number, exclude?: [number, number]): boolean {
  for (let len = 2; len <= 4; len++) {
    for (let s = Math.max(0, p - len + 1); s <= p && s + len <= run.length; s++) {
      if (exclude && s === exclude[0] && s + len === exclude[1]) continue;
      if (lx.lexicon.knownAt(run, s, s + len) || lx.isWord(run.slice(s, s + len))) {
        if (weakKnownAt(lx, run, s, s + len)) continue;
        return true;
      }
    }
  }
  return false;
}

/** True when the known word s[a, b) is rare in edited text (lexicon.knownRareLengths) and not in the segmenter's
 *  dictionary (工作坊 9, 入校 5, 万隆 12, 同窗): a character that makes one with its neighbour may still be a slip
 *  (工作坊案 for 工作方案, 协同窗新 for 协同创新). Such words neither cover a character (coveredBy) nor make it belong
 *  (belongs); a window over one is soft (weak evidence). */
function weakKnownAt(lx: SlipLookups, s: string, a: number, b: number): boolean {
  return !!lx.lexicon.knownRareLengths && ((lx.lexicon.knownRareLengths(s, a) >> 8) & (1 << (b - a))) !== 0 && !lx.isWord(s.slice(a, b));
}

/** True when the character at p is in a weakly known word (weakKnownAt) of 2–4 characters. */
function weakBelongs(lx: SlipLookups, run: string, p: number): boolean {
  for (let len = 2; len <= 4; len++)
    for (let s = Math.max(0, p - len + 1); s <= p && s + len <= run.length; s++) if (lx.lexicon.knownAt(run, s, s + len) && weakKnownAt(lx, run, s, s + len)) return true;
  return false;
}

/** A word made with a function character (的是, 到了, 不是): the longer word meant (有的是, 尝到了) is grammar, weak evidence. */
function hasFunctionChar(lx: SlipLookups, w: string): boolean {
  for (const c of w) if (lx.functionChars.includes(c)) return true;
  return false;
}

function isWordish(lx: SlipLookups, w: string): boolean {
  return lx.isWord(w) || lx.lexicon.known(w);
}

/** True when the character at q, one end of a two-character window, forms a word of 2–3 characters with the
 *  characters beyond that end (leftwards when q is the window's first character, rightwards otherwise). */
function belongsOutside(lx: SlipLookups, run: string, q: number, left: boolean): boolean {
  for (let len = 2; len <= 3; len++) {
    const a = left ? q - len + 1 : q;
    if (a < 0 || a + len > run.length) continue;
    if (isWordish(lx, run.slice(a, a + len))) return true;
  }
  return false;
}

function allHanIn(run: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isHan(run[i])) return false;
  return true;
}

/**
 * Slips in `run`, given its tokens (offsets in the run). Positions are "loose" when the segmenter left the character
 * on its own or in a word of its own making that no dictionary knows; only windows that start and end on token
 * boundaries and contain a loose character are tried, so words the segmenter recognised are never broken up.
 */
export function findSlips(run: string, tokens: { word: string; offset: number }[], lx: SlipLookups): Slip[] {
  if (trace.on) trace.phase = 'find:' + run;
  const n = run.length;
  const loose = new Uint8Array(n);
  const boundary = new Uint8Array(n + 1);
  for (const t of tokens) {
    boundary[t.offset] = 1;
    boundary[t.offset + t.word.length] = 1;
    if (t.word.length === 1 ? isHan(t.word) : t.word.length <= 4 && allHanIn(t.word, 0, t.word.length) && !lx.isWord(t.word) && !lx.lexicon.known(t.word)) {
      // A word of the segmenter's own making (情防控) is not trusted: its characters are loose, its insides boundaries.
      for (let i = 0; i < t.word.length; i++) {
        loose[t.offset + i] = 1;
        boundary[t.offset + i] = 1;
      }
    }
  }
  // The best candidate at each loose position; then the best of overlapping candidates wins.
  const found: (Slip & { score: number })[] = [];
  let covered: Uint8Array | undefined;
  for (let p = 0; p < n; p++) {
    if (!loose[p]) {
      if (trace.on) trace.on(p, p, p, '*', 'not-loose');
      continue;
    }
    const best = bestReplacement(run, p, boundary, loose, lx, covered ??= coveredBy(run, lx)) ?? missingOrExtra(run, p, boundary, lx);
    if (best) found.push(best);
    if (best && trace.on) trace.on(p, best.start, best.end, best.expected, 'accepted');
  }
  found.push(...stutters(run, tokens, lx));
  found.push(...realWords(run, tokens, loose, lx));
  found.push(...inLongerWords(run, tokens, loose, lx));
  found.sort((a, b) => b.score - a.score || a.start - b.start);
  const out: Slip[] = [];
  for (const { score: _score, ...s } of found) if (!out.some(o => s.start < o.end && o.start < s.end)) out.push(s);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * True when `run` may hold a slip that findSlips reports, decided from the text and the lexicon alone (no segmenter),
 * so that only such runs are cut and searched: a character written twice in a row (多字, the stutter), three
 * characters that an idiom loses one character to become (漏字), the written text of a real-word pair (同音词), or a
 * Han character that no lexicon word of 2–4 characters around it covers and that one of its candidates turns into a
 * lexicon word with its neighbours (同音字, 近音字, 成语误写). Each test is looser than findSlips's own (no token
 * boundaries, the lexicon's words only), so no slip is lost; in edited text most runs pass none of them.
 * `exhaustive` skips the quick test of each loose position (mayReplace) and runs the full search there: the same
 * answer, slower (for the tests that compare the two).
 */
export function mayHaveSlip(run: string, lx: SlipLookups, exhaustive = false): boolean {
  if (trace.on) trace.phase = 'pre:' + run;
  const n = run.length;
  // The searches below run as if every position were a token boundary and every character loose (both only let
  // more windows through), without the guard that a loose character before adds (a surname: 梁|曼瑜).
  if (scratch.all.length < n + 1) scratch = { all: new Uint8Array(2 * n + 2).fill(1), none: new Uint8Array(2 * n + 2) };
  const { all, none } = scratch;
  if (scratchBits.length < n + 2) scratchBits = new Uint8Array(2 * n + 4);
  const bits = scratchBits;
  bits.fill(0, 0, n + 2);
  const covered = coveredBy(run, lx, bits);
  // (Read once: asked at every character, and most runs are short-lived code that V8 does not optimise.)
  const lexicon = lx.lexicon;
  for (let p = 0; p < n; p++) {
    const c = run.charCodeAt(p);
    if (!isHanCode(c)) continue;
    if (c === run.charCodeAt(p + 1) && (extra(run, p, all, lx) || stutterAfter(run, p, lx))) return true;
    if (p + 3 <= n && lexicon.hasOneMoreKey(run, p)) return true;
    if (p + 4 <= n && lexicon.realWordAt?.(run, p)) return true;
    // Two known two-character words side by side that are not a known word together (bits of knownLengths).
    if (p + 4 <= n && bits[p] & 4 && bits[p + 2] & 4 && !(bits[p] & 16) && longerWord(run, p, lx, false)) return true;
    if (covered[p]) {
      if (trace.on) trace.on(p, p, p, '*', 'covered');
      continue;
    }
    if ((exhaustive || mayReplace(run, p, lx, covered)) && bestReplacement(run, p, all, all, lx, covered, none, true)) return true;
    if (trace.on) trace.on(p, p, p, '*', 'no-replacement');
  }
  return false;
}

/**
 * False when bestReplacement cannot find a replacement at p whatever the boundaries: no window of 2–4 characters
 * around p has a correction (a lexicon word that differs from it at p only, by a candidate of run[p]) that passes
 * plausible(). The windows and words are bestReplacement's own, without its window-level evidence, so that test
 * (most positions of clean text have no such correction at all) is run first and the full search only where one
 * exists; mayHaveSlip's answer is unchanged.
 */
function mayReplace(run: string, p: number, lx: SlipLookups, covered: Uint8Array): boolean {
  const c = run[p];
  if (run[p - 1] === c || run[p + 1] === c) return false;
  const cands = candidatesOf(lx, c);
  if (!cands.size) return false;
  const functionChar = lx.functionChars.includes(c);
  const accept = cands.accept();
  const n = run.length;
  for (let len = 2; len <= 4; len++) {
    if (functionChar && len === 3) continue;
    for (let s = Math.max(0, p - len + 1); s <= p && s + len <= n; s++) {
      const e = s + len;
      if (!allHanIn(run, s, e)) continue;
      // (Most windows have no correction at all: asked first, before the pair's counts.)
      const words = lx.lexicon.corrections(run, s, e, p, accept);
      if (!words.length) continue;
      // (bestReplacement's own test: a function character pairs only with a loose, rarely free character, unless
      // edited text never writes the pair: fnPairOpen.)
      const open = len === 2 && (functionChar || lx.functionChars.includes(run[p === s ? s + 1 : s])) ? fnPairOpen(lx, run, s, p) : -1;
      if (open < 0 && functionChar && len === 2 && (covered[p === s ? s + 1 : s] || freeUse(lx, run[p === s ? s + 1 : s]) >= MAX_KEPT_USE)) continue;
      for (const w of words)
        if ((plausible(lx, w, w[p - s], functionChar, cands) || (open >= 0 && fnPairMeant(lx, w, w[p - s], cands, open))) && (len > 2 || commonWord(lx, w) || rarePairPossible(lx, run, s, p))) return true;
    }
  }
  return false;
}

/** 1 at each position of `run` inside a known word of 2–4 characters (the lexicon's words); `lengths`, when given,
 *  receives knownLengths at each position. */
function coveredBy(run: string, lx: SlipLookups, lengths?: Uint8Array): Uint8Array {
  const n = run.length;
  const covered = new Uint8Array(n);
  const lexicon = lx.lexicon;
  const rareLengths = !!lexicon.knownRareLengths;
  for (let s = 0; s + 1 < n; s++) {
    const marked = rareLengths ? lexicon.knownRareLengths!(run, s) : lexicon.knownLengths(run, s);
    let bits = marked & 0xff;
    if (lengths) lengths[s] = bits;
    // A rarely used word outside the segmenter's dictionary does not cover its characters (weakKnownAt).
    const rare = marked >> 8;
    if (rare) for (let len = 2; len <= 4; len++) if (rare & (1 << len) && !lx.isWord(run.slice(s, s + len))) bits &= ~(1 << len);
    if (bits) covered.fill(1, s, s + (bits & 16 ? 4 : bits & 8 ? 3 : 2));
  }
  return covered;
}

/** Reused knownLengths bits for mayHaveSlip. */
let scratchBits = new Uint8Array(0);

/** Reused all-ones and all-zeros arrays for mayHaveSlip. */
let scratch = { all: new Uint8Array(0), none: new Uint8Array(0) };

/** True when a stutter (AB + BC) may end at the doubled character run[i] = run[i + 1], whatever the tokens. */
function stutterAfter(run: string, i: number, lx: SlipLookups): boolean {
  if (i < 1) return false;
  for (let len = 3; len <= 4 && i + 1 + len <= run.length; len++) {
    if (stutterOf(run, i - 1, 2, len, lx)) return true;
  }
  return false;
}

/** jieba's frequency of a single character used as a word (low for bound characters such as 汛, 厕, 咨). */
function freeUse(lx: SlipLookups, ch: string): number {
  return lx.lexicon.word(ch)?.jieba ?? 0;
}

/** A character's candidate replacements, each once, in one string: homophones first, then near homophones (zh/z,
 *  in/ing …), then look-alikes; a candidate's place in it is its rank. Built for every distinct character of a text,
 *  so it is kept small: no Set or Map per character. */
class Candidates {
  /** The candidates' code units. */
  private readonly codes: Uint16Array;

  constructor(
    readonly chars: string,
    /** chars[0, homophoneEnd) are homophones, chars[homophoneEnd, nearEnd) near homophones. */
    private readonly homophoneEnd: number,
    private readonly nearEnd: number,
  ) {
    const codes = (this.codes = new Uint16Array(chars.length));
    for (let i = 0; i < chars.length; i++) codes[i] = chars.charCodeAt(i);
  }

  get size(): number {
    return this.chars.length;
  }

  /** The candidate's place (homophones first), or -1. */
  rank(x: string): number {
    return this.chars.indexOf(x);
  }

  isHomophone(x: string): boolean {
    const i = this.chars.indexOf(x);
    return i >= 0 && i < this.homophoneEnd;
  }

  isNear(x: string): boolean {
    const i = this.chars.indexOf(x);
    return i >= this.homophoneEnd && i < this.nearEnd;
  }

  /** Marks the candidates' code units and returns the test for them (valid until the next call for any character):
   *  a stamp per code unit, renewed on each use, so that the test is one array read. */
  accept(): (code: number) => boolean {
    stamp++;
    if (stamp > 0xfffffff0) (stamps.fill(0), (stamp = 1));
    const codes = this.codes;
    for (let i = 0; i < codes.length; i++) stamps[codes[i]] = stamp;
    return acceptStamped;
  }
}

/** Stamps of the code units of the candidates being tried (see Candidates.accept). */
const stamps = new Uint32Array(65536);
let stamp = 0;
const acceptStamped = (code: number): boolean => stamps[code] === stamp;

/** Marks of the characters already taken while building one Candidates (a generation per build). */
const taken = new Uint32Array(65536);
let takenGen = 0;

/** Candidate replacements of each character, per look-up set (characters recur: computed once each). */
const candidateCache = new WeakMap<SlipLookups['lexicon'], Map<string, Candidates>>();

/** The same by lexicon and look-alike function, by code unit: the rule passes one function per pack set (the
 *  lexicon and the function answer alike for every document), so the answers outlive one check (a batch of short
 *  documents asked ≈1,000 characters of each again, each by a key string made and hashed). A function must give the
 *  same answer for a character every time it is asked (as `lookAlikes` is specified). */
const candidatesByCode = new WeakMap<SlipLookups['lexicon'], WeakMap<SlipLookups['lookAlikes'], Map<number, Candidates>>>();

/** Each candidate character once: homophones, near homophones (zh/z, in/ing …), look-alikes. */
function candidatesOf(lx: SlipLookups, c: string): Candidates {
  let byFn = candidatesByCode.get(lx.lexicon);
  if (!byFn) candidatesByCode.set(lx.lexicon, (byFn = new WeakMap()));
  let mine = byFn.get(lx.lookAlikes);
  if (!mine) byFn.set(lx.lookAlikes, (mine = new Map()));
  const code = c.charCodeAt(0);
  let r = mine.get(code);
  if (!r) mine.set(code, (r = candidatesOfChar(lx, c)));
  return r;
}

function candidatesOfChar(lx: SlipLookups, c: string): Candidates {
  let byChar = candidateCache.get(lx.lexicon);
  if (!byChar) candidateCache.set(lx.lexicon, (byChar = new Map()));
  const key = c + '\u0000' + lx.lookAlikes(c);
  let r = byChar.get(key);
  if (!r) {
    if (++takenGen > 0xfffffff0) (taken.fill(0), (takenGen = 1));
    const gen = takenGen;
    taken[c.charCodeAt(0)] = gen;
    let chars = '';
    const add = (from: string) => {
      for (let i = 0; i < from.length; i++) {
        const x = from.charCodeAt(i);
        if (taken[x] !== gen && isHanCode(x)) ((taken[x] = gen), (chars += from[i]));
      }
    };
    add(lx.lexicon.homophones(c));
    const homophoneEnd = chars.length;
    add(lx.lexicon.nearHomophones(c));
    const nearEnd = chars.length;
    add(lx.lookAlikes(c));
    r = new Candidates(chars, homophoneEnd, nearEnd);
    if (byChar.size > 5000) byChar.clear();
    byChar.set(key, r);
  }
  return r;
}

/** For analysis scripts only (scripts/typo-recall.js --why): told why a window or a word meant was passed over. */
export const trace: { on?: (p: number, s: number, e: number, meant: string, why: string) => void; phase?: string } = {};

/** The best one-character replacement at p over all aligned windows of 2–4 characters. */
function bestReplacement(run: string, p: number, boundary: Uint8Array, loose: Uint8Array, lx: SlipLookups, covered: Uint8Array, guardLoose = loose, anyNeighbour = false): (Slip & { score: number }) | undefined {
  const c = run[p];
  // A character that forms a word with the text around it is not a slip (asked once a window has a correction).
  let checked = false;
  let inWeak = false;
  // A reduplicated character (一件件) or a character repeated nearby in an enumeration is not a slip.
  if (run[p - 1] === c || run[p + 1] === c) return undefined;
  // Mixing up 的/地/得 or 以/已 is grammar, not an input-method slip; only set phrases are checked there.
  const functionChar = lx.functionChars.includes(c);
  const cands = candidatesOf(lx, c);
  if (!cands.size) return undefined;
  const accept = cands.accept();
  const T = trace.on;
  // The guesses found, ranked at the end (a strong guess's score plus the largest pairLift of its fix).
  const ranked: { x: string; weak: boolean; score: number; window: number; lift: number; make: () => Slip & { score: number } }[] = [];
  const liftOf = new Map<string, number>();
  // A function character is replaced only inside four-character idioms, or on weak evidence by a character that is
  // not one (被京 → 北京; never 的 → 地, 在 → 再: that is grammar, not a slip of the input method).
  for (let len = 2; len <= 4; len++) {
    // A function character outside an idiom window: only beside a character that no dictionary word takes in and that
    // is not among the most used alone (被|京, 保|乎): the pair of leftovers must be one word.
    if (functionChar && len === 3) continue;
    for (let s = Math.max(0, p - len + 1); s <= p && s + len <= run.length; s++) {
      const e = s + len;
      if (!allHanIn(run, s, e)) continue;
      // … unless edited text never writes the two characters side by side and the word meant is frequent (fnPairOpen:
      // 问则 → 问责, 军对 → 军队, 第方 → 地方): then only a weak guess.
      const fnSkip = functionChar && len === 2 && (covered[p === s ? s + 1 : s] || freeUse(lx, run[p === s ? s + 1 : s]) >= MAX_KEPT_USE);
      const open = len === 2 && (functionChar || lx.functionChars.includes(run[p === s ? s + 1 : s])) ? fnPairOpen(lx, run, s, p) : -1;
      if (fnSkip && open < 0) continue;
      // Evidence that the standard tests take as against a slip (the window cuts a recognised word, the kept
      // character is a free word, an end character makes a word outside, the written text is in use …) makes the
      // window "soft": it is then reported only when the text reads much better with the correction (localGain), as
      // a hint.
      let soft = !boundary[s] || !boundary[e];
      let sw = soft && T ? 'cut,' : '';
      // Two characters: both must be loose (the other is not part of a recognised word). Two characters that each
      // stand alone as words (撞上) are usually what was meant: then edited text must never write the pair and the
      // word meant must be common.
      if (len === 2 && !loose[s + (p === s ? 1 : 0)]) (soft = true), T && (sw += 'kept-in-word,');
      // A short window after a loose surname is a given name (梁|曼瑜, 赵|大鸣): names are the main trap of the guesses.
      if (len <= 3 && s > 0 && guardLoose[s - 1] && lx.surnames?.has(run[s - 1])) {
        if (T) T(p, s, e, '*', 'after-surname');
        continue;
      }
      // … and one before a place-name suffix is a place (颜安|村, 庆成|路).
      // (A suffix character that starts a word with what follows is not one: 发展|乡村, 国外|市场, 增强|县城.)
      if (len <= 3 && e < run.length && PLACE_SUFFIX.includes(run[e]) && !startsWord(lx, run, e)) {
        if (T) T(p, s, e, '*', 'place-suffix');
        continue;
      }
      // The character kept in a two-character window being a function character or one of the most used free
      // characters (曾|在 → 正在, 年|将, 岁|后): the pair is two words, not a slip (held-out hints were mostly these).
      const kept = len === 2 ? run[p === s ? s + 1 : s] : '';
      // Only when the character replaced is a free word too: 完善舌|会 (舌 is rarely a word alone) is still tried.
      if (kept && (lx.functionChars.includes(kept) || freeUse(lx, kept) >= MAX_KEPT_USE) && freeUse(lx, c) >= MIN_SLIPPED_FREE) (soft = true), T && (sw += 'kept-free,');
      if (len === 2) {
        // A place abbreviation heading the window (吉能集团, 晋心) or beside another one (万达开|川渝, 京|津) is a name, not a slip.
        const abbr = lx.placeAbbreviations ?? '';
        if (abbr.includes(c) && (p === s || (p > 0 && abbr.includes(run[p - 1])) || (p + 1 < run.length && abbr.includes(run[p + 1])))) {
          if (T) T(p, s, e, '*', 'abbreviation');
          continue;
        }
      }
      // A soft window can only give a weak guess, which a place abbreviation or a surname at its start rules out (below).
      if (soft && (lx.placeAbbreviations?.includes(c) || lx.surnames?.has(run[s]))) {
        if (T) T(p, s, e, '*', 'soft+abbr/surname');
        continue;
      }
      // The words meant: lexicon words that differ from the window at p only (one probe of the masked index), whose
      // character there is a candidate, in the candidates' order.
      const meants = lx.lexicon
        .corrections(run, s, e, p, accept)
        .filter(w => plausible(lx, w, w[p - s], functionChar, cands) || (open >= 0 && fnPairMeant(lx, w, w[p - s], cands, open)))
        .sort((a, b) => cands.rank(a[p - s]) - cands.rank(b[p - s]));
      if (!meants.length) continue;
      // … so is a two-character window that keeps a surname before a verb of speech (侯劲|表示) or any short window right after a title
      // (主任|陈立, 院长|常广财).
      if (len === 2 && p !== s && lx.surnames?.has(run[s]) && (SPEECH.has(run.slice(e, e + 2)) || run[e] === '说' || run[e] === '等')) continue;
      if (len <= 3 && s >= 2 && TITLES.has(run.slice(s - 2, s))) {
        if (T) T(p, s, e, '*', 'title');
        continue;
      }
      if (!checked) {
        if (belongs(lx, run, p)) {
          if (T) T(p, s, e, '*', 'belongs');
          return undefined;
        }
        checked = true;
        inWeak = weakBelongs(lx, run, p);
      }
      if (inWeak) (soft = true), T && (sw += 'weak-known,');
      const written = run.slice(s, e);
      const free = len === 2 && Math.min(freeUse(lx, run[s]), freeUse(lx, run[s + 1])) >= MAX_FREE_USE;
      if (free && lx.lexicon.attested(written) > 0) (soft = true), T && (sw += 'free-attested,');
      const seen = lx.lexicon.seen(written);
      // The window's end characters other than the one replaced must not make words with the text outside it
      // (非遗|周, 醇氢|重卡, 不懂|产科, 苏州|狮山: names and words cut apart, not a slip).
      const outside = (p !== s && belongsOutside(lx, run, s, true)) || (p !== e - 1 && belongsOutside(lx, run, e - 1, false));
      if (outside) (soft = true), T && (sw += 'outside,');
      // (The window as the segmenter cut it, its characters not in words outside it: the words beside it are the
      // context pairLift weighs, 报告|共作出 is not 报告|工作.)
      const whole = boundary[s] && boundary[e] && !outside;
      // The written text a word of the dictionary is a real-word question (realWords), not this one's.
      const writtenWord = lx.isWord(written) || lx.lexicon.knownAt(run, s, e);
      // A word with one more character at its end or start (适应型, 建设省, 姚|不是, 淌|到了): when that character is used
      // on its own, or the word is much more common than the longer word meant, the guess is a hint.
      const rest = len >= 3 && (p === s || p === e - 1) ? (p === s ? written.slice(1) : written.slice(0, -1)) : '';
      const restCount = rest && isWordish(lx, rest) ? Math.max(1, lx.lexicon.word(rest)?.corpus ?? 1) : 0;
      const freeEdge = restCount > 0 && freeUse(lx, c) >= MAX_FREE_USE;
      for (const meant of meants) {
        const x = meant[p - s];
        if (lx.ignore.has(meant)) continue;
        const st = strength(lx, meant);
        if (st < MIN_STRENGTH) continue;
        const idiom = !!lx.lexicon.word(meant)?.idiom;
        // A guess only fnPairOpen lets through (a function character replaced beside a much used or covered one, or
        // put in by the correction) is weak. A word of two function characters is tried only with its first kept (更|未
        // → 更为): a function character ending the window is often a suffix of the word before (炼火|者 is not 或者).
        const opened =
          open >= 0 &&
          (fnSkip || (functionChar && lx.functionChars.includes(x)) || (p === s + 1 && lx.functionChars.includes(meant[0]) && lx.functionChars.includes(meant[1]))) &&
          fnPairMeant(lx, meant, x, cands, open);
        if (fnSkip && !opened) continue;
        if (functionChar && !idiom && lx.functionChars.includes(x) && !opened) continue;
        if (len === 2 && lx.functionChars.includes(meant[0]) && lx.functionChars.includes(meant[1]) && !opened) continue;
        const homophone = cands.isHomophone(x);
        const near = cands.isNear(x);
        // Look-alikes outside idioms are wording/confusable-char's (one finding per slip).
        if (!homophone && !near && !idiom) continue;
        // A near homophone needs a frequent word: most near pairs are different words, not slips.
        const rareNear = near && !idiom && (lx.lexicon.word(meant)?.corpus ?? 0) < NEAR_CORPUS;
        if (rareNear && (len === 2 || (lx.lexicon.word(meant)?.corpus ?? 0) < RARE_NEAR_CORPUS)) continue;
        // A frequent word with a free character at its edge (但|中央, 适应|型, 建设|省, 工程|使) that is more common than
        // the longer word meant is that word and that character (a conjunction, a productive suffix, a verb).
        if (freeEdge && !idiom && restCount > 2 * (lx.lexicon.word(meant)?.corpus ?? 0)) {
          if (T) T(p, s, e, meant, 'free-edge');
          continue;
        }
        if (writtenWord) {
          if (T) T(p, s, e, meant, 'written-word');
          continue;
        }
        let weak = soft || rareNear || (functionChar && !idiom) || opened || writtenInUse(lx, written, st);
        // Short windows need more evidence: a two-character word must be frequent.
        if (len === 2 && st < (free ? MIN_STRENGTH_FREE_PAIR : MIN_STRENGTH_PAIR)) weak = true;
        // A two-character window is the noisiest (names, abbreviations, new coinages): the word meant must be common in
        // edited text, and two characters that stand alone as words must never occur side by side there.
        // … except, as a weak guess, a less common word (RARE_PAIR_CORPUS) where edited text has never written the two
        // characters side by side, even across words, they are not two free words, and the one replaced is not among
        // the most used alone (一减再减 is not 减灾) (遴悬 → 遴选, 参剥 → 参保).
        if (len === 2 && !commonWord(lx, meant)) {
          if (!rarePair(lx, meant, written, seen, free) || freeUse(lx, c) >= MAX_KEPT_USE) {
            if (T) T(p, s, e, meant, 'pair-not-common');
            continue;
          }
          weak = true;
        }
        if (len === 2 && free && seen > 0) weak = true;
        // A weak guess needs the text to read much better with the correction, and edited text to write the
        // characters as written side by side (even across words) far less often than the word meant.
        // … and a weak guess whose window starts with a surname is a name (董亚|涛摄, 龚献|明摄).
        // Characters that edited text writes side by side only across words and never beside the characters written here
        // (政复 in 行政|复议, never 、政复采购; 种心 in 各种|心理) do not show the written text in use: a larger gain lets
        // the guess through (城施 of 因城施策 is written with 因 before it, 惠率 of 普惠率 after 普: taken as written).
        const seenOften = weak && seen * WEAK_SEEN_RATIO >= (lx.lexicon.word(meant)?.corpus ?? 0);
        // A character in a rarely used word (weakKnownAt) is replaced only where edited text never writes the characters
        // as a word and rarely side by side (外汇储备转降为升: 转降 is written as a word there).
        if (inWeak && (seenOften || lx.lexicon.attested(written) > 0)) {
          if (T) T(p, s, e, meant, 'weak-known-written');
          continue;
        }
        // A function character's pair fnPairOpen lets through though edited text writes it (rarely against the word
        // meant: 现再 7 times against 现在 1,687) is taken as written across words only, as split (a larger gain), when
        // edited text never writes the character kept in the company it has here (fnSplitOnly).
        const fnSplit = opened && seen > 0;
        if (fnSplit && (outside || !fnSplitOnly(lx, run, s, p, written))) {
          if (T) T(p, s, e, meant, 'fn-seen');
          continue;
        }
        const split = (seenOften && splitOnly(lx, run, s, e, written, seen)) || fnSplit;
        // The words beside the window: edited text writing the word meant with them far more often than chance
        // (pairLift: 过去|一年, 着力|促进, 校园|安全) is evidence for it. Characters written side by side in edited text
        // only across words (never as a word) then do not show the written text in use (as split), when that evidence
        // is of some weight (PAIR_LIFT_MIN).
        // Only for a window the segmenter cut as such (报告|共作出: the window 共作 cuts 作出, so 报告|工作 is no evidence).
        // Nor beside a character the segmenter left on its own that makes no word (县卫|健委|主任: an abbreviation the
        // dictionary lacks, 卫健委, not 监委|主任; as pairWarning's neighbours).
        const island = !anyNeighbour && ((s > 0 && loose[s - 1] && !wordBeside(lx, run, s - 1, true, meant)) || (e < run.length && loose[e] && !wordBeside(lx, run, e, false, meant)));
        const lift = weak && boundary[s] && boundary[e] && !island && !lx.placeAbbreviations?.includes(c) && !lx.surnames?.has(run[s]) ? pairLift(lx, run, s, e, meant, boundary, anyNeighbour) : 0;
        const paired = seenOften && !split && whole && lift >= PAIR_LIFT_MIN && lx.lexicon.attested(written) === 0;
        const gain = weak && !lx.placeAbbreviations?.includes(c) && !lx.surnames?.has(run[s]) && (split || paired || !seenOften) ? localGain(lx, run, p, s, e, meant) + lift : 0;
        // A near reading is weaker evidence still: it needs a larger gain.
        if (weak && !(gain >= LOCAL_GAIN + (near ? NEAR_GAIN : 0) + (split || paired ? SPLIT_GAIN : 0)) && !byDocument(lx, run, p, s, e, meant, c, near, gain, seen)) {
          if (T) T(p, s, e, meant, `weak(${[sw, functionChar && 'fn', writtenInUse(lx, written, st) && 'inuse', len === 2 && st < (free ? MIN_STRENGTH_FREE_PAIR : MIN_STRENGTH_PAIR) && 'lowpair', free && seen > 0 && 'freeseen', near && 'near'].filter(Boolean).join(',')}) gain=${(gain || localGain(lx, run, p, s, e, meant)).toFixed(1)} seen=${seen} att=${lx.lexicon.attested(written)} corpus=${lx.lexicon.word(meant)?.corpus} doc=${lx.inDocument ? 'y' : 'n'}`);
          continue;
        }
        // A weak guess ranks below any other (its score is under 1, the others’ at least 8).
        // Strong guesses rank by how much better the text around reads with their fix (fixGain: 实事求是 over 实施 for
        // 实斯求是, 肩负着 over 减负 for 坚负着), a homophone a little ahead of a near reading; the same fix in different
        // windows (企叶, 民营企叶) keeps the order by the word's strength and length (the small second term). Any strong
        // guess ranks above the other searches' (realWords, missing or extra characters); a weak guess ranks below any
        // other (its score is under 1).
        // Words beside the window that edited text writes with one word meant far more than with another (环境|整治,
        // not 政治; 经营|主体, not 主题) add to the rank (pairLift).
        // (Weak guesses rank by localGain alone, as before pairLift: the lift admits a guess, it does not move it to
        // another window, 公水管 → 供水管 rather than 公水 → 供水.)
        // The lift of a fix is the largest over its windows (liftOf), so that the same fix in different windows keeps
        // the order above (生态|环竟 and 生态|环竟保护: the lift does not move the fix to the longer window, a warning).
        const score = weak ? (gain - lift) / 1000 : STRONG_RANK + fixGain(lx, run, p, x) + (homophone ? Math.LN2 : 0) + (st * (homophone ? 2 : near ? 1 : 0.5) * (idiom ? 3 : 1) * len) / 1e9;
        if (!weak) {
          const l = pairLift(lx, run, s, e, meant, boundary, anyNeighbour);
          if (l > (liftOf.get(x) ?? 0)) liftOf.set(x, l);
        }
        ranked.push({
          x,
          weak,
          window: s * 8 + len,
          lift,
          make: () => ({
          kind: idiom ? '成语误写' : homophone ? '同音字' : near ? '近音字' : '形近字',
          start: s,
          end: e,
          expected: meant,
          fix: { offset: p, length: 1, text: x },
          wrong: c,
          right: x,
          ...(weak ? { weak: true } : {}),
          // Measured on a People's Daily month the lexicon was not built from, two-character guesses were mostly
          // names (梁曼瑜, 颜安), abbreviations (美伊) and rare compounds (连涨, 报险): a two-character homophone slip is a
          // warning only on the evidence of pairWarning (防迅 never written, 企业 very frequent, no name around).
          // A four-character “idiom” that is a three-character word plus one character (土耳其人 is tagged as one in
          // jieba's dictionary) is a name or term with a word after it (土耳其|仍), not a broken set phrase.
          strong:
            !weak &&
            ((idiom && !(rest.length === 3 && restCount > 0)) ||
            (len === 2 && homophone && !near && pairWarning(lx, run, p, s, loose, meant, seen)) ||
            (len > 2 &&
              st >= STRONG &&
              seen === 0 &&
              !near &&
              (!freeEdge || edgeWarning(lx, run, p, s, e, meant, written)) &&
              !(restCount > 2 * (lx.lexicon.word(meant)?.corpus ?? 0)) &&
              !(rest && hasFunctionChar(lx, rest)))),
          score,
          }),
          score,
        });
      }
    }
  }
  // The first of the highest scores (strong guesses with their fix's lift).
  let top: (typeof ranked)[number] | undefined;
  let topScore = -Infinity;
  for (const r of ranked) {
    const sc = r.weak ? r.score : r.score + (liftOf.get(r.x) ?? 0);
    if (sc > topScore) (top = r), (topScore = sc);
  }
  // Weak guesses in the same window rank with their lift (调研组|世地|了解: 实地|了解 11 times, not 湿地, the more frequent
  // word alone): the lift does not move a guess to another window, it chooses between the fixes of one (第十四轮).
  if (top?.weak) {
    const w = top.window;
    for (const r of ranked) if (r.weak && r.window === w && r.score + r.lift / 1000 > top.score + top.lift / 1000) top = r;
  }
  if (!top) return undefined;
  const best = top.make();
  best.score = topScore;
  return best;
}

/** Reference-corpus count of the longer word meant, and the gain, for edgeWarning. */
const EDGE_WARN_CORPUS = 300;
const EDGE_WARN_GAIN = 6;

/**
 * A word with a free character at its edge (一体|话) is a warning after all when the evidence is overwhelming
 * (第十二轮): the longer word meant is frequent (一体化, 447 in the reference corpus), edited text never writes the
 * three characters, even across words, and the text reads much better with the correction (localGain).
 */
function edgeWarning(lx: SlipLookups, run: string, p: number, s: number, e: number, meant: string, written: string): boolean {
  if ((lx.lexicon.word(meant)?.corpus ?? 0) < EDGE_WARN_CORPUS || lx.lexicon.attested(written) > 0) return false;
  return localGain(lx, run, p, s, e, meant) >= EDGE_WARN_GAIN;
}

/**
 * A two-character homophone slip (防迅 → 防汛, 役情 → 疫情, 企叶 → 企业) is a warning, not a hint, when the evidence
 * leaves little room for a name, an abbreviation or a coinage (docs/typo-detection.md 第十一轮):
 *  - edited text never writes the two characters side by side, as a word or across words;
 *  - the word meant is very frequent there (PAIR_WARN_CORPUS);
 *  - no surname heads the window or stands right before it (徐志|忠点, 池|忠国 are names);
 *  - neither neighbour is a character the segmenter left on its own and that makes no word, with the characters
 *    beyond it or with the word meant: the window is not inside a run of single characters (a name or a term the
 *    dictionary lacks: 池|忠国, 旅友|会), but between words (役情|防控: 防 is in 防控 though the segmenter cut 情防控;
 *    功坚|战: 攻坚战), before 的, or at the run's ends;
 *  - neither character is much used alone (颗|以, 一|锁, 数|居, 西|望 are two words side by side): the character
 *    kept below MAX_KEPT_USE, the one replaced below MIN_SLIPPED_FREE (jieba frequencies);
 *  - the text reads much better with the correction (localGain, PAIR_WARN_GAIN).
 * `loose` marks the characters the segmenter left on their own (findSlips).
 */
function pairWarning(lx: SlipLookups, run: string, p: number, s: number, loose: Uint8Array, meant: string, seen: number): boolean {
  const e = s + 2;
  if (seen > 0 || lx.lexicon.attested(run.slice(s, e)) > 0) return false;
  if ((lx.lexicon.word(meant)?.corpus ?? 0) < PAIR_WARN_CORPUS) return false;
  if (lx.surnames?.has(run[s]) || (s > 0 && lx.surnames?.has(run[s - 1]))) return false;
  if ((s > 0 && loose[s - 1] && !wordBeside(lx, run, s - 1, true, meant)) || (e < run.length && loose[e] && !wordBeside(lx, run, e, false, meant))) return false;
  if (freeUse(lx, run[p === s ? s + 1 : s]) >= MAX_KEPT_USE || freeUse(lx, run[p]) >= MIN_SLIPPED_FREE) return false;
  return localGain(lx, run, p, s, e, meant) >= PAIR_WARN_GAIN;
}

/** True when the character at q, right before (left) or after a window, makes a word with the characters beyond it
 *  (belongsOutside) or with the word `meant` the window is corrected to (攻坚|战, 脱贫|攻坚), or is the 的 after it. */
function wordBeside(lx: SlipLookups, run: string, q: number, left: boolean, meant: string): boolean {
  if (belongsOutside(lx, run, q, left)) return true;
  // (A 的 right after the window is its commonest context, not part of a name: 民营企叶|的.)
  if (!left && run[q] === '的') return true;
  if (left) return isWordish(lx, run[q] + meant) || (q > 0 && isWordish(lx, run.slice(q - 1, q + 1) + meant));
  return isWordish(lx, meant + run[q]) || (q + 1 < run.length && isWordish(lx, meant + run.slice(q, q + 2)));
}

/** The reference-corpus count a word meant by a two-character slip needs for a warning (pairWarning): at 500, two
 *  People's Daily months held out of the lexicon got 1 and 3 warnings, all false (docs/typo-detection.md 第十一轮). */
const PAIR_WARN_CORPUS = 1000;
/** The gain (natural log, ≈ ×3,000) a two-character slip needs for a warning. */
const PAIR_WARN_GAIN = 8;

/** How much more likely (natural log) the text around p reads with `meant` in place of run[s, e) than as written:
 *  the best segmentation of up to four characters either side, each word scored by its count in edited text (lexicon
 *  counts; a single character by jieba's frequency of it as a word, scaled as in strength(); a dictionary word without
 *  a count counts 1, any other single character ½) against the count of all words. */
export function localGain(lx: SlipLookups, run: string, p: number, s: number, e: number, meant: string): number {
  const a = Math.max(0, p - 4);
  const b = Math.min(run.length, p + 5);
  const written = segScore(lx, run.slice(a, b));
  const corrected = segScore(lx, run.slice(a, s)) + wordScore(lx, meant)! + segScore(lx, run.slice(e, b));
  return corrected - written;
}

/** How much more likely (natural log) the text around p reads with x there than as written: the best segmentations
 *  of up to four characters either side (as localGain, whatever the window). */
function fixGain(lx: SlipLookups, run: string, p: number, x: string): number {
  const a = Math.max(0, p - 4);
  const b = Math.min(run.length, p + 5);
  return segScore(lx, run.slice(a, p) + x + run.slice(p + 1, b)) - segScore(lx, run.slice(a, b));
}

/**
 * Evidence from the document itself. A weak guess that edited text alone does not let through (the text does not
 * read enough better with it, or edited text writes the characters side by side: 种|心 for 中心) is still a hint when
 * the document writes the word meant elsewhere, more often than edited text at large would for its length
 * (lx.inDocument, a natural log of that ratio: 中心 in a report about a 卫生中心, not 城市 in any report), the text
 * reads better with it, and the gain and that ratio together reach one more than LOCAL_GAIN. The written characters
 * may still occur side by side in edited text, but far less often than the word meant (DOC_SEEN_RATIO; 做实, 建强,
 * 供能 are words of their own). Not for near readings, place abbreviations or a surname heading the window (names).
 * Measured on slips injected into whole documents (typo-recall.js, document mode) and on published reports
 * (docs/typo-detection.md 第七轮).
 */
function byDocument(lx: SlipLookups, run: string, p: number, s: number, e: number, meant: string, c: string, near: boolean, gain: number, seen: number): boolean {
  if (!lx.inDocument || lx.placeAbbreviations?.includes(c) || lx.surnames?.has(run[s])) return false;
  if (seen * DOC_SEEN_RATIO >= (lx.lexicon.word(meant)?.corpus ?? 0)) return false;
  const burst = lx.inDocument(meant);
  if (!(burst >= DOC_MIN_BURST)) return false;
  const g = gain || localGain(lx, run, p, s, e, meant);
  // A near reading needs as much more as on edited text's evidence alone (NEAR_GAIN), edited text must never write the
  // characters as a word (以进促稳: 进促 is a word there, not 进出) …
  // … and side by side no more often than a strong guess allows (SEEN_RATIO: 欢闹, 知信行 are written so).
  if (near && (lx.lexicon.attested(run.slice(s, e)) > 0 || seen * SEEN_RATIO >= (lx.lexicon.word(meant)?.corpus ?? 0))) return false;
  const more = near ? NEAR_GAIN : 0;
  return g >= DOC_GAIN + more && g + Math.min(burst, DOC_MAX_BURST) >= LOCAL_GAIN + 1 + more;
}

/** The least gain (natural log: ≈ ×20) of a guess let through by the document's evidence. */
const DOC_GAIN = 3;
/** The document must write the word meant at least twice as often as edited text at large (natural log) … */
const DOC_MIN_BURST = Math.log(2);
/** … and counts for at most ≈ ×20 (a word written once in a short text is not proof). */
const DOC_MAX_BURST = 3;
/** The written characters side by side in edited text at most once per this many occurrences of the word meant. */
const DOC_SEEN_RATIO = 30;

/** True when edited text writes the characters run[s, e) side by side only across words, rarely, and never with the
 *  characters written right before or after them here (lexicon.seenBeside; the lexicon keeps those contexts only for
 *  variants seen at most once per 30 occurrences of the word they vary). */
function splitOnly(lx: SlipLookups, run: string, s: number, e: number, written: string, seen: number): boolean {
  if (!seen || !lx.lexicon.seenBeside) return false;
  return lx.lexicon.seenBeside(written, s > 0 ? run[s - 1] : '', e < run.length ? run[e] : '') === false;
}

/**
 * A function character's pair that edited text writes only across words and rarely (lexicon.seenBeside keeps the
 * characters around it then): the character beyond the one kept is not among them (们|现再|要: edited text writes 现再
 * after 发, 实, never after 们). Only the kept character's side counts: beside a function character any character
 * occurs (以经 has more than eight before it, 营济典 after it: 以|经营, 以|经济). In-sample, edited text wrote the
 * characters around every pair it has, so that any pair of People's Daily itself stays as written (读着, 记着, 开是).
 */
function fnSplitOnly(lx: SlipLookups, run: string, s: number, p: number, written: string): boolean {
  if (!lx.lexicon.seenBeside) return false;
  const keptFirst = p === s + 1;
  return lx.lexicon.seenBeside(written, s > 0 ? run[s - 1] : '', s + 2 < run.length ? run[s + 2] : '', keptFirst ? 'left' : 'right') === false;
}

/** The extra gain (natural log) a weak guess needs when edited text writes its characters only across words
 *  (splitOnly), on top of LOCAL_GAIN. */
const SPLIT_GAIN = 3;

/**
 * How much better (natural log) the word `meant` in place of run[s, e) goes with the words beside it than its count
 * and theirs alone predict: for the word of 2–4 characters right before the window and the one right after it, the
 * pointwise mutual information log(c(L, m) · N / (c(L) · c(m))) of the pair as edited text writes it (lexicon.pairCount,
 * pairs written at least 5 times), counted when positive (环境|整治 104 times in the reference corpus: 整治, not 政治;
 * 过去|一年, 着力|促进). The neighbours are the words the segmenter cut beside the window (token boundaries); in the
 * quick test (anyNeighbour: no tokens) any lexicon word there, the largest answer, so that the quick test never
 * refuses what the search accepts.
 */
function pairLift(lx: SlipLookups, run: string, s: number, e: number, meant: string, boundary: Uint8Array, anyNeighbour: boolean): number {
  const lexicon = lx.lexicon;
  if (!lexicon.pairCount) return 0;
  const cm = lexicon.word(meant)?.corpus ?? 0;
  if (!cm) return 0;
  const side = (w: string, left: boolean): number => {
    const c = left ? lexicon.pairCount!(w, meant) : lexicon.pairCount!(meant, w);
    if (!c) return 0;
    const cw = lexicon.word(w)?.corpus ?? 0;
    return cw ? Math.max(0, Math.log(c) + LN_WORDS - Math.log(cw) - Math.log(cm)) : 0;
  };
  let left = 0;
  for (let a = s - 1; a >= Math.max(0, s - 4); a--) {
    if (!isHan(run[a])) break;
    if (!anyNeighbour && !boundary[a]) continue;
    if (s - a >= 2) left = Math.max(left, side(run.slice(a, s), true));
    if (!anyNeighbour) break;
  }
  let right = 0;
  for (let b = e + 1; b <= Math.min(run.length, e + 4); b++) {
    if (!isHan(run[b - 1])) break;
    if (!anyNeighbour && !boundary[b]) continue;
    if (b - e >= 2) right = Math.max(right, side(run.slice(e, b), false));
    if (!anyNeighbour) break;
  }
  return Math.min(left, PAIR_LIFT_MAX) + Math.min(right, PAIR_LIFT_MAX);
}

/** A weak guess blocked because edited text writes its characters side by side (across words only) is let through
 *  when the words beside it speak this much for the word meant (pairLift, natural log) … */
const PAIR_LIFT_MIN = 2;
/** … each side counting at most this much. */
const PAIR_LIFT_MAX = 6;

/** The base score of a strong one-character guess (findSlips ranks overlapping candidates by score). */
const STRONG_RANK = 1e4;

/** log(total words) of the reference corpus (≈8 M characters, ≈5 M words). */
export const LN_WORDS = Math.log(5e6);
/** The gain (natural log: ≈ ×150) a soft window needs; measured on generated slips and clean text (docs/rules/wording/typo.md). */
const LOCAL_GAIN = 5;

/** The extra gain a weak guess needs when the character meant is only a near reading (zh/z, in/ing …) of the one
 *  written (≈ ×20 more; measured on generated slips and clean text, docs/typo-detection.md 第五轮). */
const NEAR_GAIN = 3;

/** A weak guess: the written characters may occur side by side in edited text at most once per this many
 *  occurrences of the word meant. */
const WEAK_SEEN_RATIO = 1000;

function wordScore(lx: SlipLookups, w: string): number | undefined {
  const e = lx.lexicon.word(w);
  // A single character's corpus count is of the character anywhere: as a word alone, jieba's frequency says more.
  if (e) return Math.log(Math.max(0.5, w.length === 1 ? e.jieba / 20 : Math.max(e.corpus, e.jieba / 20))) - LN_WORDS;
  if (w.length === 1) return Math.log(0.5) - LN_WORDS;
  if (lx.lexicon.known(w) || lx.isWord(w)) return -LN_WORDS;
  return undefined;
}

/** The best segmentation score of t (words of 1–4 characters, see localGain). */
function segScore(lx: SlipLookups, t: string): number {
  const best = new Float64Array(t.length + 1).fill(-Infinity);
  best[0] = 0;
  for (let i = 1; i <= t.length; i++) {
    for (let len = 1; len <= 4 && len <= i; len++) {
      const w = wordScore(lx, t.slice(i - len, i));
      if (w !== undefined && best[i - len] + w > best[i]) best[i] = best[i - len] + w;
    }
  }
  return best[t.length];
}

/** Reference-corpus count a two-character word meant must reach for fnPairOpen. */
const FN_PAIR_CORPUS = 200;

/**
 * A two-character window where a function character is replaced (问则 → 问责, 第方 → 地方, 会矣 → 会议) or put in
 * (更未 → 更为) may be tried, as a weak guess, beside a character much used alone or inside a word, when edited text
 * never writes the two characters side by side, as a word or across words (第十二轮).
 */
function fnPairOpen(lx: SlipLookups, run: string, s: number, p: number): number {
  const written = run.slice(s, s + 2);
  const n = Math.max(lx.lexicon.seen(written), lx.lexicon.attested(written));
  if (n === 0) return 0;
  // (Written side by side: not beside one of the characters most used alone, which makes two words with the other
  // (考中|过, 我|过去 are read so): the character kept, whichever it is, below FN_SEEN_KEPT_USE.)
  if (n * FN_SEEN_RATIO >= FN_OPEN_MAX || freeUse(lx, run[p === s ? s + 1 : s]) >= FN_SEEN_KEPT_USE) return -1;
  return n;
}

/** A function character beside another character that edited text writes side by side with it (across words or even
 *  as a segmenter's word) at most once per this many occurrences of the word meant is still tried (第十四轮: 现再 7
 *  times against 现在 1,687, 以经 19 against 已经 2,034, 我过 9 against 我国 3,764): the most used characters meet by
 *  chance across words, and a slip of the input method there is the commonest slip of all. */
const FN_SEEN_RATIO = 100;
/** … a bound above any word's count, so that the pairs written often are ruled out before any word is looked up. */
const FN_OPEN_MAX = 50000;
/** The character kept beside a pair written so must be used alone less often than this (jieba frequency: 经 21,042,
 *  现 8,541, 次 17,947; not 中 243,191, 我 328,841). */
const FN_SEEN_KEPT_USE = 50000;

/** The word-level conditions of a correction `meant` that fnPairOpen lets through: a frequent two-character word
 *  that is no idiom, a homophone (a near reading of a function character is too loose). */
function fnPairMeant(lx: SlipLookups, meant: string, x: string, cands: Candidates, open: number): boolean {
  const e = lx.lexicon.word(meant);
  return !!e && !e.idiom && meant.length === 2 && e.corpus >= FN_PAIR_CORPUS && open * FN_SEEN_RATIO < e.corpus && (cands.isHomophone(x) || cands.isNear(x));
}

/** The word-level conditions of a correction `meant` with `x` put in, checked before any window-level evidence (each
 *  is checked again where it is used in bestReplacement). */
function plausible(lx: SlipLookups, meant: string, x: string, functionChar: boolean, cands: Candidates): boolean {
  const e = lx.lexicon.word(meant);
  if (!e || entryStrength(e) < MIN_STRENGTH) return false;
  const idiom = e.idiom;
  if (functionChar && !idiom && lx.functionChars.includes(x)) return false;
  if (!idiom && !cands.isHomophone(x) && !(cands.isNear(x) && e.corpus >= (meant.length === 2 ? NEAR_CORPUS : RARE_NEAR_CORPUS))) return false;
  if (meant.length === 2 && (entryStrength(e) < MIN_STRENGTH_PAIR || (!commonWord(lx, meant) && e.corpus < RARE_PAIR_CORPUS))) return false;
  return true;
}

/** Titles and roles written right before a person's name. */
const TITLES = new Set(
  '主任 院长 书记 主席 代表 委员 秘书 部长 局长 厅长 县长 市长 省长 镇长 村长 校长 教授 院士 同志 记者 经理 会长 社长 总监 村民 队长 主编 专家 学家 作家 老师 医生 师傅 大使 总裁 董事 处长 科长 所长 馆长 团长 组长 班长 战士 工人 农民 党员 群众'.split(' '),
);

/** Verbs of speech written right after a person's name. */
const SPEECH = new Set('表示 介绍 认为 指出 告诉 强调 坦言 说道 回忆 提出 建议 透露 解释 同志 委员 教授 院士 先生 女士'.split(' '));

/** Characters that end place names (省市县区镇乡村路街): the text before one is a name, not a slip. */
const PLACE_SUFFIX = '省市县区镇乡村路街';

/** True when a word of 2–3 characters starts at run[i] (乡村, 市场, 县城). */
function startsWord(lx: SlipLookups, run: string, i: number): boolean {
  return (i + 2 <= run.length && isWordish(lx, run.slice(i, i + 2))) || (i + 3 <= run.length && isWordish(lx, run.slice(i, i + 3)));
}

/** A frequent four-character word or set phrase written with one character missing (3 characters) or one extra (5). */
function missingOrExtra(run: string, p: number, boundary: Uint8Array, lx: SlipLookups): (Slip & { score: number }) | undefined {
  // 漏字: an aligned three-character window around p that a set phrase loses one character to become.
  for (let s = Math.max(0, p - 2); s <= p && s + 3 <= run.length; s++) {
    const e = s + 3;
    if (!boundary[s] || !boundary[e] || !allHanIn(run, s, e)) continue;
    const written = run.slice(s, e);
    if (lx.isWord(written) || lx.lexicon.word(written)) continue;
    // A word and a function character (度假|地, 的|发展) are two words: nothing is missing.
    if ((lx.functionChars.includes(written[2]) && isWordish(lx, written.slice(0, 2))) || (lx.functionChars.includes(written[0]) && isWordish(lx, written.slice(1)))) continue;
    let pick: { w: string; st: number; k: number } | undefined;
    for (const w of lx.lexicon.withOneMore(written)) {
      const st = strength(lx, w);
      const e2 = lx.lexicon.word(w);
      // The idiom already written in full around the window (梦想息|息相通) is not missing anything.
      if (lx.ignore.has(w) || !e2 || !e2.idiom || run.slice(Math.max(0, s - 1), e + 1).includes(w)) continue;
      // The missing character must be inside the phrase, not at either end (any text before 难问题 would otherwise
      // "lack" the 疑 of 疑难问题).
      let k = 0;
      while (k < 3 && written[k] === w[k]) k++;
      if (k === 0 || k === 3) continue;
      if (!pick || st > pick.st) pick = { w, st, k };
    }
    if (!pick) continue;
    const k = pick.k;
    const idiom = !!lx.lexicon.word(pick.w)?.idiom;
    return {
      kind: '漏字',
      start: s,
      end: e,
      expected: pick.w,
      fix: { offset: s + k, length: 0, text: pick.w[k] },
      // Measured on a People's Daily month the lexicon was not built from, most guesses were classical or terse
      // text (从天降, 威天下, 零突破): a missing character is a hint.
      strong: false,
      score: pick.st * 3,
    };
  }
  return extra(run, p, boundary, lx);
}

/** 多字 at p (see missingOrExtra). */
function extra(run: string, p: number, boundary: Uint8Array, lx: SlipLookups): (Slip & { score: number }) | undefined {
  // 多字: an aligned five-character window with a doubled character that, without it, is a set phrase or a frequent
  // four-character word (一如既既往). Any other extra character is usually a modifier inserted on purpose (取得新成效).
  for (let s = Math.max(0, p - 4); s <= p && s + 5 <= run.length; s++) {
    const e = s + 5;
    if (!boundary[s] || !boundary[e] || !allHanIn(run, s, e)) continue;
    const written = run.slice(s, e);
    for (let k = 1; k < 4; k++) {
      const w = written.slice(0, k) + written.slice(k + 1);
      const e2 = lx.lexicon.word(w);
      const doubled = written[k] === written[k - 1] || written[k] === written[k + 1];
      if (!e2 || lx.ignore.has(w) || !doubled || !(e2.idiom || e2.corpus >= 20)) continue;
      // The extra character must not make words with its neighbours (一如既往地 is not 一如既往 + 多字).
      if (belongs(lx, run, s + k)) continue;
      return { kind: '多字', start: s, end: e, expected: w, fix: { offset: s + k, length: 1, text: '' }, strong: true, score: strength(lx, w) * 4 };
    }
  }
  return undefined;
}

/** Below this corpus count, a word is not trusted as one half of a stutter (names, rare terms). */
const STUTTER_CORPUS = 30;

/**
 * The stutter AB + BC: two words side by side that share the character where they meet (提高高质量, 推进进一步), when
 * the reference corpus never writes the pair. Low evidence by nature (工作作风, 学生生活 are ordinary text): a hint whose
 * fix drops the second copy of the shared character.
 */
function stutters(run: string, tokens: { word: string; offset: number }[], lx: SlipLookups): (Slip & { score: number })[] {
  const out: (Slip & { score: number })[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.offset + a.word.length !== b.offset) continue;
    const slip = stutterOf(run, a.offset, a.word.length, b.word.length, lx);
    if (slip) out.push(slip);
  }
  return out;
}

/** The stutter of the words run[a, a + aLen) and the one right after it, of bLen characters, if they make one. */
function stutterOf(run: string, a: number, aLen: number, bLen: number, lx: SlipLookups): (Slip & { score: number }) | undefined {
  // The first word has two characters: a longer one ending in a character that starts the next word is usually a
  // name or term with its head (北京市|市长, 中小学|学位, 消费品|品质).
  const b = a + aLen;
  if (aLen !== 2 || bLen < 2) return undefined;
  const ch = run[b];
  if (run[b - 1] !== ch || !allHanIn(run, a, b + bLen)) return undefined;
  // A function character (们, 的) or a character written three times (一步步走) is not a stutter.
  if (lx.functionChars.includes(ch) || run[b - 2] === ch || run[b + 1] === ch) return undefined;
  const aWord = run.slice(a, b);
  const bWord = run.slice(b, b + bLen);
  if ((lx.lexicon.word(aWord)?.corpus ?? 0) < STUTTER_CORPUS || (lx.lexicon.word(bWord)?.corpus ?? 0) < STUTTER_CORPUS) return undefined;
  // Without the second copy the text must still read as two words (提高|质量 of 提高|高质量, 推进|一步): 化 after
  // 加强 leaves a lone character.
  const bRest = bWord.slice(1);
  if (!(bRest.length >= 2 && isWordish(lx, bRest))) return undefined;
  const written = aWord + bWord;
  if (lx.lexicon.pairSeen(written) > 0 || lx.lexicon.known(written)) return undefined;
  return { kind: '叠字', start: a, end: b + bLen, expected: aWord + bRest, fix: { offset: b, length: 1, text: '' }, strong: false, score: 1 };
}

/** A real-word pair is reported as a warning when edited text writes the pair meant at least this often and it is at
 *  least this share of what edited text writes beside the other word (脱贫|攻坚: 69%); on a held-out month, pairs
 *  below it (伟大|时间 for 实践, 强化|整治 for 政治) were mostly ordinary text, so they are hints. */
const REAL_STRONG = 30;
const REAL_STRONG_SHARE = 0.2;

/**
 * Real-word slips: two dictionary words side by side (市政|实施) that edited text never writes together, though it
 * writes the first with a homophone of the second (市政|设施) often; the lexicon holds such pairs (built from the
 * reference corpus's word pairs). Both words must be recognised (loose characters are the other searches' business).
 */
function realWords(run: string, tokens: { word: string; offset: number }[], loose: Uint8Array, lx: SlipLookups): (Slip & { score: number })[] {
  const out: (Slip & { score: number })[] = [];
  if (!lx.lexicon.realWord) return out;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.offset + a.word.length !== b.offset || loose[a.offset] || loose[b.offset]) continue;
    if (a.word.length !== 2 && b.word.length !== 2) continue;
    const options = lx.lexicon.realWord(a.word + '|' + b.word);
    if (!options.length) continue;
    const o = options[0];
    const t = o.side ? b : a;
    if (lx.ignore.has(o.meant) || t.word.length !== 2) continue;
    // The smallest edit: only the characters that differ.
    let d0 = 0;
    while (d0 < 2 && t.word[d0] === o.meant[d0]) d0++;
    let d1 = 2;
    while (d1 > d0 && t.word[d1 - 1] === o.meant[d1 - 1]) d1--;
    const expected = o.side ? a.word + o.meant : o.meant + b.word;
    out.push({
      kind: '同音词',
      start: a.offset,
      end: b.offset + b.word.length,
      expected,
      fix: { offset: t.offset + d0, length: d1 - d0, text: o.meant.slice(d0, d1) },
      wrong: t.word,
      right: o.meant,
      strong: o.count >= REAL_STRONG && o.share >= REAL_STRONG_SHARE,
      score: o.count,
    });
  }
  return out;
}

/** A four-character word meant for two dictionary words written side by side is proposed when it is this frequent. */
const LONGER_CORPUS = 20;

/** The correction of the four characters at run[s] when they are two two-character words (神话|改革, 国有|自产) that are
 *  one homophone away from a frequent four-character word (深化改革, 国有资产) and edited text never writes them so. */
function longerWord(run: string, s: number, lx: SlipLookups, checkKnown = true): { p: number; meant: string; count: number } | undefined {
  const e = s + 4;
  // (mayHaveSlip has checked that the four characters are no known word; known words are Han.)
  if (checkKnown && (!allHanIn(run, s, e) || lx.lexicon.knownAt(run, s, e) || lx.isWord(run.slice(s, e)))) return undefined;
  let best: { p: number; meant: string; count: number } | undefined;
  for (let p = s; p < e; p++) {
    // A doubled character (公公服务) is the stutter's or a name's business as well; still a homophone slip.
    const words = lx.lexicon.corrections(run, s, e, p);
    if (!words.length) continue;
    const homophones = lx.lexicon.homophones(run[p]);
    for (const w of words) {
      if (!homophones.includes(w[p - s]) || lx.ignore.has(w)) continue;
      const en = lx.lexicon.word(w);
      if (!en || en.corpus < LONGER_CORPUS || (best && best.count >= en.corpus)) continue;
      best = { p, meant: w, count: en.corpus };
    }
  }
  if (!best) return undefined;
  // The written characters must be unknown to edited text, as a unit and anywhere.
  const written = run.slice(s, e);
  if (lx.lexicon.attested(written) > 0 || lx.lexicon.seen(written) > 0) return undefined;
  return best;
}

/**
 * Real-word slips inside a longer word: two recognised two-character words side by side (神话|改革) that, with one
 * character replaced by a homophone, are a frequent four-character word (深化改革) while edited text never writes the
 * four characters as they are. A hint: the words written are words, only the longer word speaks for the slip.
 */
function inLongerWords(run: string, tokens: { word: string; offset: number }[], loose: Uint8Array, lx: SlipLookups): (Slip & { score: number })[] {
  const out: (Slip & { score: number })[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i];
    const b = tokens[i + 1];
    if (a.word.length !== 2 || b.word.length !== 2 || a.offset + 2 !== b.offset || loose[a.offset] || loose[b.offset]) continue;
    const found = longerWord(run, a.offset, lx);
    if (!found) continue;
    const t = found.p < b.offset ? a : b;
    const right = found.meant.slice(t.offset - a.offset, t.offset - a.offset + 2);
    out.push({
      kind: '同音词',
      start: a.offset,
      end: b.offset + 2,
      expected: found.meant,
      fix: { offset: found.p, length: 1, text: found.meant[found.p - a.offset] },
      wrong: t.word,
      right,
      strong: false,
      score: found.count / 1000,
    });
  }
  return out;
}
