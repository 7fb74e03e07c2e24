// The typo lexicon (src/segmenter/dict/typo.lexicon.utf8, built by scripts/build-typo-lexicon.ts): words a slip may
// be corrected to, with their counts in edited text; the variants that edited text itself uses; homophone classes;
// four-character words by the three characters left when one is dropped. Read once per process on first use and
// searched in place (binary search over the sorted lines): no per-entry objects, so loading costs a file read and
// one scan for line starts.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
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

/** FNV-1a over the code units of s[a, b), with the unit at `skip` (if inside) hashed as 0. */
function hashRange(s: string, a: number, b: number, skip = -1): number {
  let h = 2166136261;
  for (let i = a; i < b; i++) h = Math.imul(h ^ (i === skip ? 0 : s.charCodeAt(i)), 16777619);
  return h >>> 0;
}

/** An open-addressing hash table of the lines of some sections of `text`, keyed by each line's key (the text after
 *  the section's mark up to the first space). Entries are line starts times two plus the mark's length (0 or 1), so
 *  a look-up of s[a, b) makes no string. Built once, from typed arrays only. */
class LineTable {
  private readonly mask: number;
  /** Bits of an entry taken by line start × 2 + mark; the bits above them (up to 8, below the sign bit) hold the top
   *  bits of the key's hash, so that a probe passes over another key's slot without reading the text. */
  private readonly low: number;
  private readonly lowMask: number;
  private readonly fpShift: number;

  constructor(
    private readonly text: string,
    readonly slots: Int32Array,
  ) {
    this.mask = slots.length - 1;
    const f = LineTable.fingerprint(text.length);
    this.low = f.low;
    this.lowMask = f.lowMask;
    this.fpShift = f.fpShift;
  }

  /** The entry layout for a text of `length` code units (the same at build and at load). */
  private static fingerprint(length: number): { low: number; lowMask: number; fpShift: number } {
    let low = 1;
    while (2 ** low <= 2 * length + 1) low++;
    const bits = Math.max(0, Math.min(8, 31 - low));
    // fpShift 32 (no fingerprint bits): every key's fingerprint is 0.
    return { low, lowMask: low >= 31 ? 0x7fffffff : (1 << low) - 1, fpShift: 32 - bits };
  }

  static build(text: string, ranges: { from: number; to: number; mark: 0 | 1 }[]): LineTable {
    let lines = 0;
    for (const r of ranges) for (let ls = r.from; ls < r.to; ls = text.indexOf('\n', ls) + 1) lines++;
    let size = 1;
    while (size < lines * 2) size <<= 1;
    const mask = size - 1;
    const { low, fpShift } = LineTable.fingerprint(text.length);
    const slots = new Int32Array(size).fill(-1);
    for (const r of ranges) {
      for (let ls = r.from; ls < r.to; ) {
        // The key ends at a space or, on a line of a key alone (+word), at the line's end.
        let ke = ls;
        while (text.charCodeAt(ke) !== 32 && text.charCodeAt(ke) !== 10) ke++;
        const le = text.indexOf('\n', ke);
        const full = hashRange(text, ls + r.mark, ke);
        let h = full & mask;
        while (slots[h] !== -1) h = (h + 1) & mask;
        slots[h] = (fpShift < 32 ? (full >>> fpShift) * 2 ** low : 0) + ls * 2 + r.mark;
        ls = le + 1;
      }
    }
    return new LineTable(text, slots);
  }

  /** Bit k set (k = 2, 3, 4) when s[a, a + k) is a key: the three look-ups of a start share one running hash. */
  lengths(s: string, a: number): number {
    let bits = 0;
    let h = 2166136261;
    const top = Math.min(s.length, a + 4);
    for (let b = a; b < top; b++) {
      h = Math.imul(h ^ s.charCodeAt(b), 16777619);
      if (b > a && this.probe(s, a, b + 1, h >>> 0) >= 0) bits |= 1 << (b + 1 - a);
    }
    return bits;
  }

  /** Bits k (k = 2, 3, 4) as lengths(); bits 8 + k set for the keys that `rare` (asked once per key and remembered
   *  per slot, so it must always answer the same for an entry) takes. */
  lengthsMarked(s: string, a: number, rare: (entry: number, n: number) => boolean): number {
    const marks = (this.marks ??= new Uint8Array(this.slots.length));
    let bits = 0;
    let h = 2166136261;
    const top = Math.min(s.length, a + 4);
    for (let b = a; b < top; b++) {
      h = Math.imul(h ^ s.charCodeAt(b), 16777619);
      if (b === a) continue;
      const slot = this.probeSlot(s, a, b + 1, h >>> 0);
      if (slot < 0) continue;
      const n = b + 1 - a;
      bits |= 1 << n;
      let m = marks[slot];
      if (!m) marks[slot] = m = rare(this.slots[slot] & this.lowMask, n) ? 2 : 1;
      if (m === 2) bits |= 1 << (n + 8);
    }
    return bits;
  }

  /** Per slot: 0 not asked, 1 not rare, 2 rare (lengthsMarked). */
  private marks?: Uint8Array;

  /** The entry (line start × 2 + mark) of the key s[a, b) whose full hash is `full`, or -1. */
  private probe(s: string, a: number, b: number, full: number): number {
    const slot = this.probeSlot(s, a, b, full);
    return slot < 0 ? -1 : this.slots[slot] & this.lowMask;
  }

  /** The slot of the key s[a, b) whose full hash is `full`, or -1. */
  private probeSlot(s: string, a: number, b: number, full: number): number {
    const t = this.text;
    const n = b - a;
    const fp = this.fpShift < 32 ? full >>> this.fpShift : 0;
    const low = this.low;
    for (let h = full & this.mask; ; h = (h + 1) & this.mask) {
      const v = this.slots[h];
      if (v === -1) return -1;
      if (v >>> low !== fp) continue;
      const e = v & this.lowMask;
      const k = (e >> 1) + (e & 1);
      const end = t.charCodeAt(k + n);
      if (end !== 32 && end !== 10) continue;
      let i = 0;
      while (i < n && t.charCodeAt(k + i) === s.charCodeAt(a + i)) i++;
      if (i === n) return h;
    }
  }

  /** The slot entry (line start × 2 + mark) of the line whose key is s[a, b), or -1. */
  find(s: string, a: number, b: number): number {
    return this.probe(s, a, b, hashRange(s, a, b));
  }
}

/** The answer of a probe that finds nothing (frozen: callers only read it). */
const NO_WORDS = Object.freeze([]) as unknown as string[];

/** The words of 2–4 characters of the words section by each character position: a look-up with one position
 *  masked gives every word that differs from the text there at most (the corrections a one-character slip can
 *  have), in one probe instead of one per candidate character. Buckets by hash (counting sort into typed arrays);
 *  entries are line start × 4 + masked position. ≈165k entries, ≈1 MB. */
class MaskedIndex {
  private readonly mask: number;

  constructor(
    private readonly text: string,
    /** Bucket b holds entries[start[b] … start[b + 1]). */
    readonly start: Uint32Array,
    readonly entries: Int32Array,
    /** The masked character of each entry (its code unit), beside the entry: a probe tests it against the candidates
     *  before it reads the lexicon text (a bucket of two-character keys holds every word with that one character
     *  there, ≈100 entries; reading the text for each was most of a probe's cost). */
    readonly codes: Uint16Array,
  ) {
    this.mask = start.length - 2;
  }

  static build(text: string, from: number, to: number): MaskedIndex {
    // Each line's key ends at its first space or at the line's end.
    const keyEnd = (ls: number) => {
      let ke = ls;
      while (ke < to && text.charCodeAt(ke) !== 32 && text.charCodeAt(ke) !== 10) ke++;
      return ke;
    };
    const next = (ke: number) => {
      const le = text.indexOf('\n', ke);
      return le < 0 || le >= to ? to : le + 1;
    };
    let n = 0;
    for (let ls = from; ls < to; ) {
      const sp = keyEnd(ls);
      const len = sp - ls;
      if (len >= 2 && len <= 4) n += len;
      ls = next(sp);
    }
    let size = 1;
    while (size < n) size <<= 1;
    const mask = size - 1;
    const hashes = new Uint32Array(n);
    const keys = new Int32Array(n);
    const start = new Uint32Array(size + 1);
    let j = 0;
    for (let ls = from; ls < to; ) {
      const sp = keyEnd(ls);
      const len = sp - ls;
      if (len >= 2 && len <= 4) {
        for (let i = 0; i < len; i++, j++) {
          const h = hashRange(text, ls, sp, ls + i) & mask;
          hashes[j] = h;
          keys[j] = ls * 4 + i;
          start[h + 1]++;
        }
      }
      ls = next(sp);
    }
    for (let b = 0; b < size; b++) start[b + 1] += start[b];
    const fill = start.slice(0, size);
    const entries = new Int32Array(n);
    for (let k = 0; k < n; k++) entries[fill[hashes[k]]++] = keys[k];
    const codes = new Uint16Array(n);
    for (let k = 0; k < n; k++) codes[k] = text.charCodeAt((entries[k] >> 2) + (entries[k] & 3));
    return new MaskedIndex(text, start, entries, codes);
  }

  /** Words of the words section as long as s[a, b) that equal it at every position but p (and differ at p). */
  find(s: string, a: number, b: number, p: number, accept?: (code: number) => boolean): string[] {
    // Most probes find nothing: the array is made for the first word found (the empty answer is shared, never changed).
    let out: string[] | undefined;
    const t = this.text;
    const n = b - a;
    const h = hashRange(s, a, b, p) & this.mask;
    const written = s.charCodeAt(p);
    const codes = this.codes;
    for (let j = this.start[h], end = this.start[h + 1]; j < end; j++) {
      const x = codes[j];
      if (x === written || (accept && !accept(x))) continue;
      const v = this.entries[j];
      const ls = v >> 2;
      if ((v & 3) !== p - a || t.charCodeAt(ls + n) !== 32) continue;
      let i = 0;
      while (i < n && (a + i === p || t.charCodeAt(ls + i) === s.charCodeAt(a + i))) i++;
      if (i === n) (out ??= []).push(t.slice(ls, ls + n));
    }
    return out ?? NO_WORDS;
  }
}

/** The prebuilt index of a lexicon text (scripts/build-typo-index.ts, run by `npm run build`): the hash tables that
 *  parseLexicon otherwise builds on first use (≈70 ms), as typed arrays to map in place. */
export const INDEX_FILE = 'typo.index.bin';
const INDEX_MAGIC = 0x58505954; // "TYPX"
const INDEX_VERSION = 7;
/** Header words: magic, version, text length, text check, the SHA-1 of the UTF-8 file (5 words), six table sizes. */
const INDEX_HEAD_WORDS = 15;

/** A check of the lexicon text an index was built from: its length and a hash of every 16th code unit (a rebuilt
 *  lexicon changes counts throughout). */
function textCheck(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 16) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Tables {
  wordish: LineTable;
  masked: MaskedIndex;
  deletions: LineTable;
  variants: LineTable;
}

/** The lexicon's sections (character ranges of the text). */
function sectionsOf(text: string) {
  let body = 0;
  while (text.charCodeAt(body) === 35 /* # */) body = text.indexOf('\n', body) + 1;
  const end = text.length;
  /** Start of the first line whose first character is at least `c`. */
  const at = (c: number) => lowerLine(text, body, end, ls => text.charCodeAt(ls) < c);
  const section = (c: number, mark = 1) => new Section(text, at(c), at(c + 1), mark);
  return {
    wordPairs: section(37 /* % */),
    stutters: section(38 /* & */),
    known: section(43 /* + */),
    deletions: section(45 /* - */),
    syllables: section(61 /* = */),
    variants: section(126 /* ~ */),
    realPairs: section(94 /* ^ */),
    words: new Section(text, at(0x3400), end, 0),
  };
}

function buildTables(text: string, sec: ReturnType<typeof sectionsOf>): Tables {
  return {
    wordish: LineTable.build(text, [
      { from: sec.words.from, to: sec.words.to, mark: 0 },
      { from: sec.known.from, to: sec.known.to, mark: 1 },
    ]),
    masked: MaskedIndex.build(text, sec.words.from, sec.words.to),
    deletions: LineTable.build(text, [{ from: sec.deletions.from, to: sec.deletions.to, mark: 1 }]),
    variants: LineTable.build(text, [{ from: sec.variants.from, to: sec.variants.to, mark: 1 }]),
  };
}

/** The index of a lexicon text (see INDEX_FILE): a header of 32-bit words (magic, version, text length, text check,
 *  the SHA-1 of the UTF-8 file, sizes) and the tables. `utf8`: the bytes of the file the text was decoded from (the
 *  build passes them); a loader that has checked its text against that SHA-1 (the UTF-16 copy's head) skips the
 *  text check, which reads every 16th code unit in JavaScript (≈0.11 G instructions at every start, more than the
 *  SHA-1 itself; docs/performance.md 第十四轮). Without it the SHA-1 words are zero and only the text check is used. */
export function buildLexiconIndex(text: string, utf8?: Uint8Array): Uint8Array {
  if (!text.endsWith('\n')) text += '\n';
  const t = buildTables(text, sectionsOf(text));
  // The masked characters (16-bit) are padded to a whole number of 32-bit words.
  const codes = new Uint16Array(t.masked.codes.length + (t.masked.codes.length & 1));
  codes.set(t.masked.codes);
  const parts = [t.wordish.slots, t.masked.start, t.masked.entries, t.deletions.slots, t.variants.slots, new Uint32Array(codes.buffer)];
  const sha = utf8 ? new Uint32Array(new Uint8Array(crypto.createHash('sha1').update(utf8).digest()).buffer) : new Uint32Array(5);
  const header = new Uint32Array([INDEX_MAGIC, INDEX_VERSION, text.length, textCheck(text), ...sha, ...parts.map(x => x.length)]);
  const out = new Uint8Array(header.byteLength + parts.reduce((n, x) => n + x.byteLength, 0));
  let at = 0;
  for (const x of [header, ...parts]) {
    out.set(new Uint8Array(x.buffer, x.byteOffset, x.byteLength), at);
    at += x.byteLength;
  }
  return out;
}

/** The tables of an index for `text`, or undefined when it was built from another text or another version.
 *  `sourceSha1`: the SHA-1 (hex) of the UTF-8 file `text` is known to be the text of (checked by the caller). */
function tablesFromIndex(text: string, index: Uint8Array, sourceSha1?: string): Tables | undefined {
  if (index.byteOffset % 4) index = index.slice();
  const head = 4 * INDEX_HEAD_WORDS;
  if (index.byteLength < head) return undefined;
  const h = new Uint32Array(index.buffer, index.byteOffset, INDEX_HEAD_WORDS);
  if (h[0] !== INDEX_MAGIC || h[1] !== INDEX_VERSION || h[2] !== text.length) return undefined;
  // Built from the very file the text was checked against, or (no such file, or another) the same text check.
  const sameFile = sourceSha1 !== undefined && Buffer.from(index.buffer, index.byteOffset + 16, 20).toString('hex') === sourceSha1;
  if (!sameFile && h[3] !== textCheck(text)) return undefined;
  const [slots, start, entries, deletions, variants, codeWords] = [h[9], h[10], h[11], h[12], h[13], h[14]];
  if (index.byteLength !== head + 4 * (slots + start + entries + deletions + variants + codeWords) || codeWords !== (entries + 1) >> 1) return undefined;
  let at = index.byteOffset + head;
  const take = <T>(n: number, make: (b: ArrayBufferLike, o: number, n: number) => T): T => {
    const r = make(index.buffer, at, n);
    at += 4 * n;
    return r;
  };
  const wordish = new LineTable(text, take(slots, (b, o, n) => new Int32Array(b, o, n)));
  const maskedStart = take(start, (b, o, n) => new Uint32Array(b, o, n));
  const maskedEntries = take(entries, (b, o, n) => new Int32Array(b, o, n));
  const deletionSlots = take(deletions, (b, o, n) => new Int32Array(b, o, n));
  const variantSlots = take(variants, (b, o, n) => new Int32Array(b, o, n));
  const codes = take(codeWords, (b, o) => new Uint16Array(b, o, entries));
  return {
    wordish,
    masked: new MaskedIndex(text, maskedStart, maskedEntries, codes),
    deletions: new LineTable(text, deletionSlots),
    variants: new LineTable(text, variantSlots),
  };
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

/** Below this reference-corpus count (and twenty times it in jieba's frequency), a known word is rare for
 *  knownRareLengths (wording/typo: a slip may make such a word with its neighbour, docs/typo-detection.md 第十轮; at 50,
 *  People's Daily got 3 more warnings). */
export const RARE_KNOWN_CORPUS = 20;

/** Parses the lexicon text (see the build script for the line formats). `sourceSha1`: see tablesFromIndex. */
export function parseLexicon(text: string, index?: Uint8Array, sourceSha1?: string): Lexicon {
  if (!text.endsWith('\n')) text += '\n';
  // Comment lines (#) come first; then the sections in code-unit order of their marks, the Han words last.
  const sec = sectionsOf(text);
  const { wordPairs, stutters, deletions, syllables, realPairs, words } = sec;
  let tables: Tables | undefined = index && tablesFromIndex(text, index, sourceSha1);
  const tablesOf = () => (tables ??= buildTables(text, sec));

  /** Readings and homophones of each character (all readings), found on first use of the character in the syllable
   *  lines (a native string search over ≈20 KB: no table of all characters is built). */
  const readingsOf = new Map<string, { readings: string[]; homophones: string }>();
  const sylText = text.slice(syllables.from, syllables.to);
  const readingsAndHomophones = (ch: string) => {
    let r = readingsOf.get(ch);
    if (!r) {
      r = { readings: [], homophones: '' };
      for (let i = sylText.indexOf(ch); i >= 0 && ch.length === 1 && ch !== ' ' && ch !== '\n' && ch !== '='; i = sylText.indexOf(ch, i + 1)) {
        const ls = sylText.lastIndexOf('\n', i) + 1;
        const sp = sylText.indexOf(' ', ls);
        if (i < sp) continue;
        const le = sylText.indexOf('\n', i);
        r.readings.push(sylText.slice(ls + 1, sp));
        r.homophones += sylText.slice(sp + 1, le < 0 ? sylText.length : le);
        i = le < 0 ? sylText.length : le;
      }
      readingsOf.set(ch, r);
    }
    return r;
  };
  const homophonesOf = (ch: string): string => readingsAndHomophones(ch).homophones;
  const bySyllable = { get: (r: string) => syllables.value(r) };
  const near = new Map<string, string>();
  const nearOf = (ch: string): string => {
    let r = near.get(ch);
    if (r === undefined) {
      const same = homophonesOf(ch);
      r = '';
      for (const x of readingsAndHomophones(ch).readings) for (const y of nearReadings(x)) for (const c of bySyllable.get(y) ?? '') if (!same.includes(c) && !r.includes(c)) r += c;
      near.set(ch, r);
    }
    return r;
  };
  // The words section is asked most (every candidate correction), and with the known words, every window of text
  // that the rule checks for being a word: open-addressing hash tables of their lines' starts over the file text itself
  // (no key strings are made), built on the first question (≈75k + 84k lines); the parsed entries are cached.
  const wordishTable = () => tablesOf().wordish;
  /** The counts of a "~variant aligned anywhere" line (a hash look-up: asked for every window a guess is tried in). */
  const variantValue = (v: string): string | undefined => {
    const e = tablesOf().variants.find(v, 0, v.length);
    if (e < 0) return undefined;
    const ls = e >> 1;
    return text.slice(ls + 1 + v.length + 1, text.indexOf('\n', ls));
  };
  /** Start of the words-section line of s[a, b), or undefined. */
  const wordLineAt = (s: string, a: number, b: number): number | undefined => {
    const v = wordishTable().find(s, a, b);
    return v >= 0 && !(v & 1) ? v >> 1 : undefined;
  };
  const wordLine = (w: string) => wordLineAt(w, 0, w.length);
  /** The real-word pairs' written texts (L + W) by their first two characters. */
  let realTexts: Map<number, string[]> | undefined;
  /** 1 at the first code unit of each real-word pair (realWordAt's quick test). */
  let realFirst: Uint8Array | undefined;
  // Every two adjacent characters of a words-section word: a candidate replacement that forms no such pair with either
  // neighbour cannot complete a word, and is skipped before any window is tried. Kept as a hash set of 32-bit numbers
  // (two UTF-16 code units) in a typed array, so that building it allocates nothing per pair.
  let bigramTable: Uint32Array | undefined;
  let bigramMask = 0;
  let bigramShift = 0;
  const bigramSlot = (k: number): number => {
    // The high bits of the product (its low bits depend only on the key's low bits: the second character's).
    let h = (Math.imul(k, 2654435761) >>> bigramShift) & bigramMask;
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
      bigramShift = 32 - Math.log2(size);
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
  /** A known word without a words-section line (mark 1), or with few uses (RARE_KNOWN_CORPUS): read from the line's
   *  digits (asked once per word of a text, for every known word: no strings are made). */
  const rareEntry = (e: number, n: number): boolean => {
    if (e & 1) return true;
    let i = text.indexOf(' ', e >> 1) + 1;
    let corpus = 0;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) corpus = corpus * 10 + c - 48;
    if (corpus >= RARE_KNOWN_CORPUS) return false;
    let jieba = 0;
    for (let c = text.charCodeAt(++i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) jieba = jieba * 10 + c - 48;
    if (jieba >= RARE_KNOWN_CORPUS * 20) return false;
    // An idiom (tag i, four characters; as word()).
    return !(n === 4 && text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 105 && (text.charCodeAt(i + 2) === 10 || text.charCodeAt(i + 2) === 32));
  };
  const wordOf = (w: string): LexiconWord | undefined => {
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
  };
  /** word() of each single code unit asked: the entry, null when none, undefined when not asked yet. */
  const singles: (LexiconWord | null | undefined)[] = new Array(65536);
  return {
    word(w) {
      // A single character (wording/typo asks each candidate's free use): one array read after the first question.
      if (w.length === 1) {
        const c = w.charCodeAt(0);
        const known = singles[c];
        if (known !== undefined) return known ?? undefined;
        const r = wordOf(w);
        singles[c] = r ?? null;
        return r;
      }
      return wordOf(w);
    },
    // (Most texts asked are no variant: 0 without making the default's pieces.)
    attested: v => {
      const value = variantValue(v);
      return value === undefined ? 0 : Number(value.split(' ')[0]);
    },
    seen: v => {
      const value = variantValue(v);
      return value === undefined ? 0 : Number(value.split(' ')[1] ?? 0);
    },
    seenBeside: (v, left, right, only) => {
      const ctx = (variantValue(v) ?? '').split(' ')[2];
      if (ctx === undefined) return undefined;
      const bar = ctx.indexOf('|');
      const side = (chars: string, ch: string) => chars === '*' || (ch !== '' && chars.includes(ch));
      return (only !== 'right' && side(ctx.slice(0, bar), left)) || (only !== 'left' && side(ctx.slice(bar + 1), right));
    },
    known: w => wordishTable().find(w, 0, w.length) >= 0,
    knownAt: (s, a, b) => wordishTable().find(s, a, b) >= 0,
    knownLengths: (s, a) => wordishTable().lengths(s, a),
    knownRareLengths: (s, a) => wordishTable().lengthsMarked(s, a, rareEntry),
    corrections: (s, a, b, p, accept) => tablesOf().masked.find(s, a, b, p, accept),
    hasOneMoreKey: (s, a) => tablesOf().deletions.find(s, a, a + 3) >= 0,
    homophones: ch => homophonesOf(ch),
    nearHomophones: ch => nearOf(ch),
    hasBigram,
    withOneMore: t => deletions.values(t),
    pairSeen: t => Number(stutters.value(t) ?? 0),
    pairCount: (a, b) => Number(wordPairs.value(a + '|' + b) ?? 0),
    realWordAt: (s, a) => {
      if (!realTexts) {
        realTexts = new Map();
        realFirst = new Uint8Array(65536);
        for (const line of realPairs.lines()) {
          const k = line.slice(0, line.indexOf(' ')).replace('|', '');
          const code = k.charCodeAt(0) * 65536 + k.charCodeAt(1);
          realFirst[k.charCodeAt(0)] = 1;
          (realTexts.get(code) ?? realTexts.set(code, []).get(code)!).push(k);
        }
      }
      // (Asked at every character of a text: most characters start no pair, told by one array read.)
      if (!realFirst![s.charCodeAt(a)]) return false;
      const list = realTexts.size ? realTexts.get(s.charCodeAt(a) * 65536 + s.charCodeAt(a + 1)) : undefined;
      return !!list && list.some(k => s.startsWith(k, a));
    },
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

/** A copy of the lexicon text as UTF-16LE (scripts/build-typo-index.ts, run by `npm run build`; not committed): V8
 *  decodes the 4 MB of UTF-8 in ≈30 ms on every run, a UTF-16LE copy in ≈2 ms. The file starts with TEXT16_MAGIC
 *  and the SHA-1 of the UTF-8 file it was made from (a line each); a copy of another text is not used. */
export const TEXT16_FILE = 'typo.lexicon.utf16';
const TEXT16_MAGIC = 'draft-lint typo lexicon utf16 1\n';
/** Bytes of the copy's head: the magic line and the SHA-1 line. */
const TEXT16_HEAD = TEXT16_MAGIC.length + 41;

function sha1(bytes: Uint8Array): string {
  return crypto.createHash('sha1').update(bytes).digest('hex');
}

/** The head of the copy made from a UTF-8 text whose SHA-1 is `hex` (latin1). */
function text16Head(hex: string): string {
  return `${TEXT16_MAGIC}${hex}\n`;
}

/** True when a copy of `size` bytes could hold the head and whole UTF-16 code units. */
function text16SizeOk(size: number): boolean {
  return size >= TEXT16_HEAD && (size - TEXT16_HEAD) % 2 === 0;
}

/** The UTF-16LE copy of a lexicon file's text (see TEXT16_FILE). */
export function buildLexiconText16(utf8: Uint8Array): Buffer {
  const text = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8');
  return Buffer.concat([Buffer.from(text16Head(sha1(utf8)), 'latin1'), Buffer.from(text, 'utf16le')]);
}

/** The text of the UTF-8 lexicon `utf8` from its UTF-16LE copy `copy`, or undefined when the copy is not of it. */
export function lexiconTextFromCopy(utf8: Uint8Array, copy: Uint8Array): string | undefined {
  if (!text16SizeOk(copy.byteLength)) return undefined;
  const c = Buffer.from(copy.buffer, copy.byteOffset, copy.byteLength);
  if (c.toString('latin1', 0, TEXT16_HEAD) !== text16Head(sha1(utf8))) return undefined;
  return c.toString('utf16le', TEXT16_HEAD);
}

/** Bytes read at a time by readLexiconText: below glibc's default mmap threshold (128 KiB), so the read buffer is
 *  taken from and given back to the malloc arena it came from and reused. */
const READ_CHUNK = 64 * 1024;

/** Calls `each` with the bytes of `file` from `from` on, READ_CHUNK at a time (one buffer, reused). */
function readInChunks(file: string, from: number, each: (chunk: Buffer) => void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    for (let pos = from; ; ) {
      const n = fs.readSync(fd, buf, 0, READ_CHUNK, pos);
      if (n <= 0) break;
      each(buf.subarray(0, n));
      pos += n;
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The bytes of `file` from `from` on, in one buffer of that size (undefined when the file changes size meanwhile). */
function readWhole(file: string, from: number): Buffer | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size - from;
    if (size < 0) return undefined;
    const buf = Buffer.allocUnsafeSlow(size);
    let got = 0;
    for (let n; got < size && (n = fs.readSync(fd, buf, got, size - got, from + got)) > 0; ) got += n;
    return got === size ? buf : undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text of a lexicon file: from its UTF-16LE copy when there is a good one, else decoded from UTF-8 (as
 * fs.readFileSync(file, 'utf8'); the same text as lexiconTextFromCopy gives). Read a chunk at a time, never as one
 * 4–5 MB buffer: nodejieba's dictionary load (its vectors of 2–8 MB) raises glibc's dynamic mmap threshold to
 * about 8 MiB, after which a whole-file buffer comes from a malloc arena and, once freed, leaves a hole there that
 * glibc does not give back (docs/performance.md, 第十一轮).
 */
export function readLexiconText(file: string): string {
  return readLexiconSource(file).text;
}

/** readLexiconText, with the SHA-1 (hex) of the UTF-8 file when the text came from a copy checked against it. */
function readLexiconSource(file: string): { text: string; sha1?: string } {
  if (/\.lexicon\.utf8$/.test(file)) {
    try {
      const got = lexiconTextFromCopyFile(file, file.replace(/\.lexicon\.utf8$/, '.lexicon.utf16'));
      if (got !== undefined) return got;
    } catch {
      // no copy (a plain tsc build, or the extension's dist/): decode the UTF-8
    }
  }
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  readInChunks(file, 0, c => parts.push(decoder.write(c)));
  parts.push(decoder.end());
  return { text: parts.join('') };
}

/** lexiconTextFromCopy over the two files (the UTF-8 one read a chunk at a time), with the UTF-8 file's SHA-1. */
function lexiconTextFromCopyFile(utf8File: string, copyFile: string): { text: string; sha1: string } | undefined {
  if (!text16SizeOk(fs.statSync(copyFile).size)) return undefined;
  const hash = crypto.createHash('sha1');
  readInChunks(utf8File, 0, c => hash.update(c));
  const fd = fs.openSync(copyFile, 'r');
  const top = Buffer.alloc(TEXT16_HEAD);
  try {
    if (fs.readSync(fd, top, 0, TEXT16_HEAD, 0) !== TEXT16_HEAD) return undefined;
  } finally {
    fs.closeSync(fd);
  }
  const sha1 = hash.digest('hex');
  if (top.toString('latin1') !== text16Head(sha1)) return undefined;
  // Read whole and decoded in one call: Node makes a string decoded from more than ≈1 MB an external string (its
  // characters outside the V8 heap), while chunks joined made a 6.6 MB heap string and, before it, 6.6 MB of chunk
  // strings that went through the young generation (docs/performance.md, 第十四轮). The buffer is dropped at once.
  const body = readWhole(copyFile, TEXT16_HEAD);
  return body && { text: body.toString('utf16le'), sha1 };
}

/** The homophone words (scripts/build-homophone-words.ts) beside the typo lexicon. */
export const HOMOPHONES_FILE = 'typo.homophones.utf8';

/** The homophone file that belongs to a lexicon file (x.lexicon.utf8 → x.homophones.utf8). */
export function homophonesFileFor(lexiconFile: string): string {
  return lexiconFile.replace(/\.lexicon\.utf8$/, '') + '.homophones.utf8';
}

/** homophoneWordsAt over the lines "W M1 M2 …" of a homophone file (comments start with #). */
export function parseHomophones(text: string): (s: string, a: number) => readonly string[] | undefined {
  // By the first code unit, then the second (asked at every character of a text: looked up by number, without making
  // and hashing a two-character string).
  const meant = new Map<number, Map<number, string[]>>();
  for (const line of text.split('\n')) {
    if (!line || line[0] === '#') continue;
    const [w, ...ms] = line.split(' ');
    if (w.length !== 2 || !ms.length) continue;
    const c0 = w.charCodeAt(0);
    let m = meant.get(c0);
    if (!m) meant.set(c0, (m = new Map()));
    m.set(w.charCodeAt(1), ms);
  }
  return (s, a) => (a + 2 <= s.length ? meant.get(s.charCodeAt(a))?.get(s.charCodeAt(a + 1)) : undefined);
}

/** The lexicon shipped in `dir` (the segmenter's dictionary folder), or undefined when it is missing. */
export function loadLexicon(dir: string): Lexicon | undefined {
  let lex = loaded.get(dir);
  if (lex === undefined) {
    try {
      // DRAFT_LINT_TYPO_LEXICON: another build of the lexicon, for measuring on text it was not built from (held-out).
      const file = process.env.DRAFT_LINT_TYPO_LEXICON || path.join(dir, LEXICON_FILE);
      // The prebuilt index beside it, when there is one for this text (npm run build makes it; without it, or for
      // another text, the tables are built on first use).
      let index: Uint8Array | undefined;
      try {
        index = /\.lexicon\.utf8$/.test(file) ? fs.readFileSync(file.replace(/\.lexicon\.utf8$/, '.index.bin')) : undefined;
      } catch {
        index = undefined;
      }
      const source = readLexiconSource(file);
      lex = parseLexicon(source.text, index, source.sha1);
      let homophones: string | undefined;
      try {
        homophones = fs.readFileSync(homophonesFileFor(file), 'utf8');
      } catch {
        homophones = undefined; // not built (an older lexicon): wording/homophone-word finds nothing
      }
      if (homophones !== undefined) lex.homophoneWordsAt = parseHomophones(homophones);
    } catch {
      lex = null;
    }
    loaded.set(dir, lex);
  }
  return lex ?? undefined;
}
