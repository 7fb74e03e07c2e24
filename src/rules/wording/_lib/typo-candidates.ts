// Finds character slips in one run of text (between punctuation) from its segmenter tokens and the typo lexicon:
// a character the segmenter left on its own that, replaced by a homophone (input-method slip) or a look-alike,
// completes a frequent word, set phrase or 政协 term; a frequent four-character word or set phrase with one
// character dropped (漏字) or one added (多字). Pure: text, tokens and look-ups in; slips out (offsets in the run).
import type { Lexicon, LexiconWord } from '../../../core/types';
import { isHan } from '../../../core/document';

export type SlipKind = '同音字' | '形近字' | '成语误写' | '漏字' | '多字';

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
}

export interface SlipLookups {
  lexicon: Lexicon;
  /** Dictionary or user word (compact segmenter dictionary, 政协 terms). */
  isWord(w: string): boolean;
  /** Look-alikes of a character (pack groups). */
  lookAlikes(ch: string): string;
  /** Words never to propose. */
  ignore: Set<string>;
  /** Function characters (的, 是, 以 …) that are never replaced, and that a proposed two-character word may not consist of. */
  functionChars: string;
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
  // Edited text has the characters side by side at all, even across words: then the pair is not evidence enough.
  return lx.lexicon.seen(written) > 0;
}

/** Below this strength a corrected word is not proposed; at or above STRONG the finding is a warning. */
const MIN_STRENGTH = 8;
/** … and a two-character word needs at least this much. */
const MIN_STRENGTH_PAIR = 12;
/** A two-character word proposed must occur this often in the reference corpus (or in jieba, with a tenth of it in the corpus). */
const PAIR_CORPUS = 200;
/** … and one of two characters that both stand alone as words, this much. */
const MIN_STRENGTH_FREE_PAIR = 100;
const STRONG = 20;
/** In a two-character window, one character must be used alone less often than this (jieba frequency). */
const MAX_FREE_USE = 2500;

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
      const u = run.slice(s, s + len);
      if (lx.isWord(u) || lx.lexicon.known(u)) return true;
    }
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
  for (let p = 0; p < n; p++) {
    if (!loose[p]) continue;
    const best = bestReplacement(run, p, boundary, loose, lx) ?? missingOrExtra(run, p, boundary, lx);
    if (best) found.push(best);
  }
  found.sort((a, b) => b.score - a.score || a.start - b.start);
  const out: Slip[] = [];
  for (const { score: _score, ...s } of found) if (!out.some(o => s.start < o.end && o.start < s.end)) out.push(s);
  return out.sort((a, b) => a.start - b.start);
}

/** jieba's frequency of a single character used as a word (low for bound characters such as 汛, 厕, 咨). */
function freeUse(lx: SlipLookups, ch: string): number {
  return lx.lexicon.word(ch)?.jieba ?? 0;
}

/** Per lexicon: for each 2–4-character window with one position blanked (`head` + U+0000 + `tail`), the characters
 *  that fill the blank to make a word of strength ≥ MIN_STRENGTH. bestReplacement asks it once per window instead of
 *  looking up every homophone (often a hundred) in the lexicon; a character not listed fails the strength test
 *  anyway, so the findings are the same. Building it (≈56k keys) costs about as much as a few thousand positions
 *  looked up the plain way, so it is built once a process has looked at FILL_INDEX_AFTER positions: a run over a
 *  few drafts never pays for it, a folder or a long text does. */
let fillIndex = new WeakMap<Lexicon, Map<string, string> | null>();
let FILL_INDEX_AFTER = 3000;
let positionsTried = 0;

/** For tests: build the fill index after `n` positions (0: at once; Infinity: never). */
export function setFillIndexAfter(n: number): void {
  FILL_INDEX_AFTER = n;
  positionsTried = 0;
  fillIndex = new WeakMap();
}

function fillersOf(lx: SlipLookups): Map<string, string> | undefined {
  const lexicon = lx.lexicon;
  if (!lexicon.eachWord) return undefined;
  let m = fillIndex.get(lexicon);
  if (m === null) return undefined;
  if (!m) {
    if (++positionsTried < FILL_INDEX_AFTER) return undefined;
    let index: Map<string, string> | null = new Map<string, string>();
    lexicon.eachWord((w, e) => {
      // The index is by UTF-16 unit: a lexicon with words outside the BMP (none today) is searched the plain way.
      if (/[\ud800-\udfff]/.test(w)) index = null;
      if (!index || w.length < 2 || w.length > 4 || entryStrength(e) < MIN_STRENGTH) return;
      for (let q = 0; q < w.length; q++) {
        const key = w.slice(0, q) + '\u0000' + w.slice(q + 1);
        index.set(key, (index.get(key) ?? '') + w[q]);
      }
    });
    fillIndex.set(lexicon, index);
    if (!index) return undefined;
    m = index;
  }
  return m;
}

/** The best one-character replacement at p over all aligned windows of 2–4 characters. */
function bestReplacement(run: string, p: number, boundary: Uint8Array, loose: Uint8Array, lx: SlipLookups): (Slip & { score: number }) | undefined {
  const c = run[p];
  if (belongs(lx, run, p)) return undefined;
  // A reduplicated character (一件件) or a character repeated nearby in an enumeration is not a slip.
  if (run[p - 1] === c || run[p + 1] === c) return undefined;
  // Mixing up 的/地/得 or 以/已 is grammar, not an input-method slip; only set phrases are checked there.
  const functionChar = lx.functionChars.includes(c);
  // Each candidate character once, homophones first (built when a window first needs them: with the fill index most
  // positions have no window that any candidate could complete).
  let candidates: string[] | undefined;
  const isHomophone = new Set<string>();
  const candidatesOf = (): string[] => {
    if (candidates) return candidates;
    candidates = [];
    for (const x of lx.lexicon.homophones(c)) if (x !== c && !isHomophone.has(x) && isHan(x)) (isHomophone.add(x), candidates.push(x));
    for (const x of lx.lookAlikes(c)) if (x !== c && !isHomophone.has(x) && isHan(x) && !candidates.includes(x)) candidates.push(x);
    return candidates;
  };
  let best: (Slip & { score: number }) | undefined;
  const fillers = fillersOf(lx);
  // A function character is only tried inside four-character idioms.
  for (let len = functionChar ? 4 : 2; len <= 4; len++) {
    for (let s = Math.max(0, p - len + 1); s <= p && s + len <= run.length; s++) {
      const e = s + len;
      if (!boundary[s] || !boundary[e] || !allHanIn(run, s, e)) continue;
      const written = run.slice(s, e);
      // Two characters: both must be loose (the other is not part of a recognised word). Two characters that each
      // stand alone as words (撞上) are usually what was meant: then edited text must never write the pair and the
      // word meant must be common.
      if (len === 2 && !loose[s + (p === s ? 1 : 0)]) continue;
      const free = len === 2 && Math.min(freeUse(lx, run[s]), freeUse(lx, run[s + 1])) >= MAX_FREE_USE;
      if (free && lx.lexicon.attested(written) > 0) continue;
      const head = written.slice(0, p - s);
      const tail = written.slice(p - s + 1);
      const fill = fillers ? fillers.get(head + '\u0000' + tail) : undefined;
      if (fillers && !fill) continue;
      for (const x of candidatesOf()) {
        if (fill && !fill.includes(x)) continue;
        const meant = head + x + tail;
        if (lx.ignore.has(meant)) continue;
        const st = strength(lx, meant);
        if (st < MIN_STRENGTH) continue;
        const idiom = !!lx.lexicon.word(meant)?.idiom;
        if (functionChar && !idiom) continue;
        if (len === 2 && lx.functionChars.includes(meant[0]) && lx.functionChars.includes(meant[1])) continue;
        const homophone = isHomophone.has(x);
        // Look-alikes outside idioms are wording/confusable-char's (one finding per slip).
        if (!homophone && !idiom) continue;
        if (writtenInUse(lx, written, st)) continue;
        // Short windows need more evidence: a two-character word must be frequent.
        if (len === 2 && st < (free ? MIN_STRENGTH_FREE_PAIR : MIN_STRENGTH_PAIR)) continue;
      // A two-character window is the noisiest (names, abbreviations, new coinages): the word meant must be common in
      // edited text and the written pair must never occur there, not even across words.
      if (len === 2 && (lx.lexicon.seen(written) > 0 || !commonWord(lx, meant))) continue;
        const score = st * (homophone ? 2 : 1) * (idiom ? 3 : 1) * len;
        if (best && best.score >= score) continue;
        best = {
          kind: idiom ? '成语误写' : homophone ? '同音字' : '形近字',
          start: s,
          end: e,
          expected: meant,
          fix: { offset: p, length: 1, text: x },
          wrong: c,
          right: x,
          strong: st >= STRONG || idiom,
          score,
        };
      }
    }
  }
  return best;
}

/** A frequent four-character word or set phrase written with one character missing (3 characters) or one extra (5). */
function missingOrExtra(run: string, p: number, boundary: Uint8Array, lx: SlipLookups): (Slip & { score: number }) | undefined {
  // 漏字: an aligned three-character window around p that a set phrase loses one character to become.
  for (let s = Math.max(0, p - 2); s <= p && s + 3 <= run.length; s++) {
    const e = s + 3;
    if (!boundary[s] || !boundary[e] || !allHanIn(run, s, e)) continue;
    const written = run.slice(s, e);
    if (lx.isWord(written) || lx.lexicon.word(written)) continue;
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
      strong: idiom || pick.st >= STRONG,
      score: pick.st * 3,
    };
  }
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
