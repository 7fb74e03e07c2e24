// The last test of a typo hint (weak evidence, severity info) before wording/typo reports it: classes of ordinary
// text that the candidate search lets through as hints but that are almost never a slip (docs/typo-detection.md
// 第十六轮). Warnings (strong evidence) never come here.
import type { Lexicon } from '../../../core/types';
import type { Slip } from './typo-candidates';

export interface HintGateLookups {
  lexicon: Lexicon;
  isWord(w: string): boolean;
}

/** The whole document as the gate asks about it: its length, and whether it writes a word anywhere (the document's
 *  TextIndex, so that no hint scans the text again). */
export interface HintGateDoc {
  length: number;
  includes(w: string): boolean;
}

/** Substitution kinds: one character of a two-character window replaced. */
const SUBSTITUTIONS = new Set(['同音字', '近音字', '形近字']);

/** Arabic digits (half and full width): a character beside one is a measure word or an approximation (12颗, 约50). */
const DIGIT = /[0-9０-９]/;

/** A place character and the next one that edited text writes this often as a word (乡村, 村村, 城镇) end no name. */
const PLACE_WORD = 50;

/** Characters that end the name of a place (民胜村, 下党乡): the window right before one is the name. */
const PLACE_END = '寨宫村庄镇乡寺庙岭峪屯堡塬垸坝';

/** A character rare in edited text (its count in the reference corpus) and in jieba's dictionary, which an input
 *  method does not offer first for its sound (祯, 楠, 廓, 悯; not 迅 of 防迅, 480, nor 综, 1,829). */
function rareChar(ch: string, lx: HintGateLookups): boolean {
  const e = lx.lexicon.word(ch);
  return !e || (e.corpus < RARE_CORPUS && e.jieba < RARE_JIEBA);
}
const RARE_CORPUS = 300;
const RARE_JIEBA = 500;

/** A document this long writes its own terms more than once. */
const LONG_DOC = 300;

const envOff = (process.env.DRAFT_LINT_HINT_GATE_OFF ?? '').split(',');
const enabled = (k: string) => !envOff.includes(k) && !envOff.includes('all');

/**
 * Why the hint `s` (run offsets; the run starts at offset `rs` of the paragraph `text`; `doc` the whole document) is
 * taken as ordinary text, or undefined when it stays a hint. Switches for analysis:
 * DRAFT_LINT_HINT_GATE_OFF=lone,rare,stutter,digit,place (or all) and DRAFT_LINT_HINT_GATE_TRACE=1.
 */
export function hintGate(s: Slip, text: string, rs: number, lx: HintGateLookups, doc: HintGateDoc): string | undefined {
  return hintGateReasons(s, text, rs, lx, doc, true, false)[0];
}

/** Every reason (or only the first when `first`; every class, switched off or not, when `all`). */
export function hintGateReasons(s: Slip, text: string, rs: number, lx: HintGateLookups, doc: HintGateDoc, first = false, all = false): string[] {
  const why: string[] = [];
  const on = (k: string) => all || enabled(k);
  const add = (r: string) => (why.push(r), first);
  const a = rs + s.start;
  const b = rs + s.end;
  // A long document that never writes the word meant, for a hint on a pair of characters one of which is common
  // on its own (镶在, 她受, 不悔): a report's slip is nearly always in one of its own terms, written elsewhere too.
  if (on('lone') && doc.length >= LONG_DOC && !doc.includes(s.expected) && (s.weak || standsAlone(s, text, rs, lx))) {
    if (add('lone')) return why;
  }
  // A sound slip is the input method's first candidates for the sound, common characters; a rare one (廓, 悯, 祯,
  // 楠) was chosen on purpose: a name or a literary word (廓大, 悯生, 叶永祯在, 海楠).
  if (on('rare') && (s.kind === '同音字' || s.kind === '近音字') && s.wrong && rareChar(s.wrong, lx)) {
    if (add('rare')) return why;
  }
  if (s.kind === '叠字' && on('stutter')) {
    // AB + BC where edited text never writes AB + C either (安全|全过程 → 安全过程, 促进|进出口 → 促进出口): two terms
    // side by side as written; a true stutter leaves a phrase edited text writes (提高|高质量 → 提高|质量).
    const written = text.slice(a, b);
    const p = s.fix.offset - s.start;
    const aWord = written.slice(0, p);
    const rest = written.slice(p + 1);
    if (lx.lexicon.pairCount && (lx.lexicon.pairCount(aWord, rest) ?? 0) === 0 && !lx.lexicon.known(aWord + rest)) {
      if (add('stutter')) return why;
    }
  }
  if (SUBSTITUTIONS.has(s.kind) && s.end - s.start === 2 && s.fix.length === 1) {
    const i = rs + s.fix.offset;
    const left = i === a;
    const out = left ? text[i - 1] ?? '' : text[i + 1] ?? '';
    // A measure word or an approximation beside a number (12颗|以, 需约|50): the character belongs to the number.
    if (on('digit') && DIGIT.test(out)) {
      if (add('digit')) return why;
    }
    if (on('place') && placeName(text, b, lx)) {
      if (add('place')) return why;
    }
  }
  return why;
}

/** A name of a place (民胜村, 嘉积镇截园村): a place character right after the window that does not begin a word with
 *  the next one (乡村, 村村通, 城镇 are words of the text, not the end of a name). */
function placeName(text: string, b: number, lx: HintGateLookups): boolean {
  if (b >= text.length || !PLACE_END.includes(text[b])) return false;
  return !(b + 1 < text.length && (lx.lexicon.word(text.slice(b, b + 2))?.corpus ?? 0) >= PLACE_WORD);
}

/** The character of a two-character window that the slip keeps is a word on its own (jieba's frequency). */
function standsAlone(s: Slip, text: string, rs: number, lx: HintGateLookups): boolean {
  if (s.end - s.start !== 2 || s.fix.length !== 1) return false;
  const i = rs + s.fix.offset;
  const u = i === rs + s.start ? text[i + 1] : text[i - 1];
  return (lx.lexicon.word(u)?.jieba ?? 0) >= KEPT_ALONE;
}

/** jieba's frequency of a single character above which it is a word on its own (在, 不, 有, 到, 来, 出). */
const KEPT_ALONE = 10000;

/** Analysis only (DRAFT_LINT_HINT_GATE_TRACE=1): every hint with all the reasons that fire, one JSON line on stderr. */
export const hintGateTrace: ((s: Slip, text: string, rs: number, lx: HintGateLookups, doc: HintGateDoc) => void) | undefined = process.env.DRAFT_LINT_HINT_GATE_TRACE
  ? (s, text, rs, lx, doc) => {
      const a = rs + s.start;
      process.stderr.write('HG ' + JSON.stringify({ k: s.kind, w: text.slice(a, rs + s.end), e: s.expected, c: text.slice(Math.max(0, a - 4), rs + s.end + 4), r: hintGateReasons(s, text, rs, lx, doc, false, true), n: doc.length, weak: !!s.weak }) + '\n');
    }
  : undefined;
