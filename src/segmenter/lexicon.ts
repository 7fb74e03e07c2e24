// The typo lexicon (src/segmenter/dict/typo.lexicon.utf8, built by scripts/build-typo-lexicon.ts): words a slip may
// be corrected to, with their counts in edited text; the variants that edited text itself uses; homophone classes;
// four-character words by the three characters left when one is dropped. Read once per process on first use and
// searched in place (binary search over the sorted lines): no per-entry objects, so loading costs a file read and
// one scan for line starts.
import * as fs from 'fs';
import * as path from 'path';
import type { Lexicon, LexiconWord } from '../core/types';

export const LEXICON_FILE = 'typo.lexicon.utf8';

/** Sorted lines of one section, searched by key (the text between the section mark and the first space). The
 *  section is the character range [from, to) of the text, starting and ending on line starts; lines are found by
 *  binary search over character offsets, so loading needs no index of line starts. */
class Section {
  constructor(
    private readonly text: string,
    readonly from: number,
    readonly to: number,
    private readonly mark: number,
  ) {}

  /** Compares `key` with the key of the line starting at `ls` (code-unit order). */
  private cmp(key: string, ls: number): number {
    let p = ls + this.mark;
    const t = this.text;
    for (let i = 0; i < key.length; i++, p++) {
      const c = t.charCodeAt(p);
      const e = c === 32 || c === 10 ? -1 : c;
      const d = key.charCodeAt(i) - e;
      if (d !== 0) return d;
    }
    const end = t.charCodeAt(p);
    return end === 32 || end === 10 ? 0 : -1;
  }

  /** Start of the first line whose key is ≥ key (`to` when none). */
  private lower(key: string): number {
    return lowerLine(this.text, this.from, this.to, ls => this.cmp(key, ls) > 0);
  }

  private next(ls: number): number {
    return this.text.indexOf('\n', ls) + 1;
  }

  /** The rest of each line whose key is `key` (after the space). */
  values(key: string): string[] {
    const out: string[] = [];
    for (let ls = this.lower(key); ls < this.to && this.cmp(key, ls) === 0; ls = this.next(ls)) {
      out.push(this.text.slice(ls + this.mark + key.length + 1, this.next(ls) - 1));
    }
    return out;
  }

  value(key: string): string | undefined {
    const ls = this.lower(key);
    if (ls >= this.to || this.cmp(key, ls) !== 0) return undefined;
    return this.text.slice(ls + this.mark + key.length + 1, this.next(ls) - 1);
  }

  /** Every line of the section (without its mark). */
  lines(): string[] {
    return this.text.slice(this.from, this.to).split('\n').filter(Boolean).map(l => l.slice(this.mark));
  }
}

/** Start of the first line in [from, to) (line starts) for which `before` is false; lines for which it is true come first. */
function lowerLine(text: string, from: number, to: number, before: (ls: number) => boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const ls = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
    if (before(ls)) lo = text.indexOf('\n', ls) + 1;
    else hi = ls;
  }
  return lo;
}

/** Near readings of a toneless syllable: the confusions of initials and finals common in southern speech and in
 *  fuzzy-pinyin input (zh/z, ch/c, sh/s, n/l, in/ing, en/eng, an/ang). */
export function nearReadings(r: string): string[] {
  const out = new Set<string>();
  for (const [a, b] of [['zh', 'z'], ['ch', 'c'], ['sh', 's']]) {
    if (r.startsWith(a)) out.add(b + r.slice(a.length));
    else if (r.startsWith(b) && r[1] !== 'h') out.add(a + r.slice(b.length));
  }
  if (r.startsWith('n') && r !== 'n' && r !== 'ng') out.add('l' + r.slice(1));
  if (r.startsWith('l')) out.add('n' + r.slice(1));
  for (const [a, b] of [['ing', 'in'], ['eng', 'en'], ['ang', 'an']]) {
    if (r.endsWith(a)) out.add(r.slice(0, -a.length) + b);
    else if (r.endsWith(b)) out.add(r + 'g');
  }
  out.delete(r);
  return [...out];
}

/** Parses the lexicon text (see the build script for the line formats). */
export function parseLexicon(text: string): Lexicon {
  if (!text.endsWith('\n')) text += '\n';
  // Comment lines (#) come first; then the sections in code-unit order of their marks, the Han words last.
  let body = 0;
  while (text.charCodeAt(body) === 35 /* # */) body = text.indexOf('\n', body) + 1;
  const end = text.length;
  /** Start of the first line whose first character is at least `c`. */
  const at = (c: number) => lowerLine(text, body, end, ls => text.charCodeAt(ls) < c);
  const section = (c: number, mark = 1) => new Section(text, at(c), at(c + 1), mark);
  const stutters = section(38 /* & */);
  const known = section(43 /* + */);
  const deletions = section(45 /* - */);
  const syllables = section(61 /* = */);
  const variants = section(126 /* ~ */);
  const realPairs = section(94 /* ^ */);
  const words = new Section(text, at(0x3400), end, 0);

  /** Homophones of each character (all readings), built on first use from the syllable lines. */
  let homophones: Map<string, string> | undefined;
  const bySyllable = new Map<string, string>();
  const readingsOf = new Map<string, string[]>();
  const homophonesOf = (ch: string): string => {
    if (!homophones) {
      homophones = new Map();
      for (const line of syllables.lines()) {
        const r = line.slice(0, line.indexOf(' '));
        const chars = line.slice(line.indexOf(' ') + 1);
        bySyllable.set(r, chars);
        for (const c of chars) {
          homophones.set(c, (homophones.get(c) ?? '') + chars);
          readingsOf.set(c, [...(readingsOf.get(c) ?? []), r]);
        }
      }
    }
    return homophones.get(ch) ?? '';
  };
  const near = new Map<string, string>();
  const nearOf = (ch: string): string => {
    let r = near.get(ch);
    if (r === undefined) {
      const same = homophonesOf(ch);
      r = '';
      for (const x of readingsOf.get(ch) ?? []) for (const y of nearReadings(x)) for (const c of bySyllable.get(y) ?? '') if (!same.includes(c) && !r.includes(c)) r += c;
      near.set(ch, r);
    }
    return r;
  };
  // The words section is asked most (every candidate correction, hundreds per loose character): an open-addressing
  // hash table of its lines' starts over the file text itself (no key strings are made), built on the first question
  // (≈75k lines); the parsed entries are cached.
  let wordTable: Int32Array | undefined;
  let wordMask = 0;
  const hashAt = (from: number, to: number): number => {
    let h = 2166136261;
    for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  const hashOf = (w: string): number => {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    return h >>> 0;
  };
  const wordLine = (w: string): number | undefined => {
    if (!wordTable) {
      let lines = 0;
      for (let ls = words.from; ls < words.to; ls = text.indexOf('\n', ls) + 1) lines++;
      let size = 1;
      while (size < lines * 2) size <<= 1;
      wordMask = size - 1;
      wordTable = new Int32Array(size).fill(-1);
      for (let ls = words.from; ls < words.to; ) {
        const sp = text.indexOf(' ', ls);
        let h = hashAt(ls, sp) & wordMask;
        while (wordTable[h] !== -1) h = (h + 1) & wordMask;
        wordTable[h] = ls;
        ls = text.indexOf('\n', sp) + 1;
      }
    }
    for (let h = hashOf(w) & wordMask; ; h = (h + 1) & wordMask) {
      const ls = wordTable[h];
      if (ls === -1) return undefined;
      if (text.charCodeAt(ls + w.length) === 32 && text.startsWith(w, ls)) return ls;
    }
  };
  // Every two adjacent characters of a words-section word: a candidate replacement that forms no such pair with either
  // neighbour cannot complete a word, and is skipped before any window is tried. Kept as a hash set of 32-bit numbers
  // (two UTF-16 code units) in a typed array, so that building it allocates nothing per pair.
  let bigramTable: Uint32Array | undefined;
  let bigramMask = 0;
  const bigramSlot = (k: number): number => {
    let h = Math.imul(k, 2654435761) >>> 0 & bigramMask;
    while (bigramTable![h] !== 0 && bigramTable![h] !== k) h = (h + 1) & bigramMask;
    return h;
  };
  const hasBigram = (a: string, b: string): boolean => {
    if (!bigramTable) {
      // At most (characters − 1) pairs per word: the section's length less two per line bounds them.
      let pairs = 0;
      for (let ls = words.from; ls < words.to; ) {
        const sp = text.indexOf(' ', ls);
        pairs += sp - ls - 1;
        ls = text.indexOf('\n', sp) + 1;
      }
      let size = 1;
      while (size < pairs * 2) size <<= 1;
      bigramMask = size - 1;
      bigramTable = new Uint32Array(size);
      for (let ls = words.from; ls < words.to; ) {
        const sp = text.indexOf(' ', ls);
        for (let i = ls; i + 1 < sp; i++) {
          const k = ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) >>> 0;
          bigramTable[bigramSlot(k)] = k;
        }
        ls = text.indexOf('\n', sp) + 1;
      }
    }
    const k = ((a.charCodeAt(0) << 16) | b.charCodeAt(0)) >>> 0;
    return bigramTable[bigramSlot(k)] === k;
  };
  const cache = new Map<number, LexiconWord>();
  const knownCache = new Map<string, boolean>();
  return {
    word(w) {
      const ls = wordLine(w);
      if (ls === undefined) return undefined;
      let r = cache.get(ls);
      if (!r) {
        const [, corpus, jieba, tag] = text.slice(ls, text.indexOf('\n', ls)).split(' ');
        // Idioms proper (tag i); jieba's “l” (习用语) also covers ordinary compounds such as 未成年人.
        r = { corpus: Number(corpus), jieba: Number(jieba), idiom: w.length === 4 && tag === 'i', abbreviation: tag === 'j' };
        cache.set(ls, r);
      }
      return r;
    },
    attested: v => Number((variants.value(v) ?? '0').split(' ')[0]),
    seen: v => Number((variants.value(v) ?? '0 0').split(' ')[1] ?? 0),
    known: w => {
      if (wordLine(w) !== undefined) return true;
      let r = knownCache.get(w);
      if (r === undefined) {
        r = known.value(w) !== undefined;
        if (knownCache.size > 100000) knownCache.clear();
        knownCache.set(w, r);
      }
      return r;
    },
    homophones: ch => homophonesOf(ch),
    nearHomophones: ch => nearOf(ch),
    hasBigram,
    withOneMore: t => deletions.values(t),
    pairSeen: t => Number(stutters.value(t) ?? 0),
    realWord: t => {
      const v = realPairs.value(t);
      if (!v) return [];
      return v.split(' ').map(x => {
        const [m, count, expected, share] = x.split(':');
        return { side: Number(m[0]), meant: m.slice(1), count: Number(count), expected: Number(expected ?? 0), share: Number(share ?? 0) / 100 };
      });
    },
  };
}

const loaded = new Map<string, Lexicon | null>();

/** The lexicon shipped in `dir` (the segmenter's dictionary folder), or undefined when it is missing. */
export function loadLexicon(dir: string): Lexicon | undefined {
  let lex = loaded.get(dir);
  if (lex === undefined) {
    try {
      // DRAFT_LINT_TYPO_LEXICON: another build of the lexicon, for measuring on text it was not built from (held-out).
      lex = parseLexicon(fs.readFileSync(process.env.DRAFT_LINT_TYPO_LEXICON || path.join(dir, LEXICON_FILE), 'utf8'));
    } catch {
      lex = null;
    }
    loaded.set(dir, lex);
  }
  return lex ?? undefined;
}
