// The term-slip index (src/segmenter/dict/term.slips.utf8, built by scripts/build-term-slips.ts from a reference
// corpus): frequent terms (高质量发展, 现代化) by the non-words they become when one inner character is dropped (高质发展)
// or typed twice (现代代化), and the character pairs edited text writes as a unit that the dictionaries lack (卒中).
import * as fs from 'fs';
import * as path from 'path';
import type { TermSlip, TermSlips } from '../core/types';
// (index.ts loads this module on first use, so the cycle is resolved by then.)
import { readTextInChunks } from './index';

export const TERM_SLIPS_FILE = 'term.slips.utf8';

/** The arrays of a term-slip index (the same whether parsed from the text or read from the prebuilt binary). */
interface TermSlipData {
  /** The terms' characters one after another; term t is chars[termStart[t], termStart[t + 1]). */
  chars: Uint16Array;
  termStart: Int32Array;
  counts: Int32Array;
  /** The keys, one number each: term << 5 | kind << 1 | seen, where kind is 2k for omit and 2k + 1 for double at
   *  position k, and seen whether the corpus writes the key; `next` chains the keys of one hash slot (−1 ends). */
  entries: Int32Array;
  next: Int32Array;
  /** Open hash table on the key's first three characters: the slot's three characters and its first key + 1. */
  slotHead: Uint16Array;
  slotFirst: Int32Array;
  /** Collocated pairs no dictionary has: their two code units (c0 << 16 | c1), ascending, and their counts. */
  pairCodes: Uint32Array;
  pairCounts: Int32Array;
}

/** Bits of an entry below the term number (kind: 4 bits, seen: 1). */
const TERM_SHIFT = 5;

export class TermSlipIndex implements TermSlips {
  private readonly d: TermSlipData;
  private readonly mask: number;

  /** From the text of term.slips.utf8, or from arrays read from the prebuilt binary (readTermSlipBinary). */
  constructor(source: string | TermSlipData) {
    this.d = typeof source === 'string' ? parseTermSlips(source) : source;
    this.mask = this.d.slotFirst.length - 1;
  }

  get size(): number {
    return this.d.entries.length;
  }

  get(key: string): TermSlip | undefined {
    return this.at(key, 0).find(e => e.key === key);
  }

  /** The keys that start at s[i], shortest first. */
  at(s: string, i: number): TermSlip[] {
    if (i + 3 > s.length) return NONE;
    const d = this.d;
    const c0 = s.charCodeAt(i);
    const at = slotOf(d.slotHead, this.mask, c0, s.charCodeAt(i + 1), s.charCodeAt(i + 2));
    if (d.slotHead[3 * at] !== c0) return NONE;
    let out: TermSlip[] | undefined;
    for (let n = d.slotFirst[at] - 1; n >= 0; n = d.next[n]) {
      const e = d.entries[n];
      const t = e >>> TERM_SHIFT;
      const kind = (e >> 1) & 15;
      const k = kind >> 1;
      const double = (kind & 1) === 1;
      const a = d.termStart[t];
      const tl = d.termStart[t + 1] - a;
      const len = double ? tl + 1 : tl - 1;
      if (i + len > s.length || !matches(s, i, d.chars, a, tl, k, double)) continue;
      const term = termText(d.chars, a, tl);
      (out ??= []).push({ kind: double ? 'double' : 'omit', key: s.slice(i, i + len), term, count: d.counts[t], keyCount: e & 1 });
    }
    return out ? out.sort((x, y) => x.key.length - y.key.length) : NONE;
  }

  /** How often edited text writes the two characters `p` side by side (only collocated pairs no dictionary has). */
  pair(p: string): number {
    if (p.length !== 2) return 0;
    const codes = this.d.pairCodes;
    const c = ((p.charCodeAt(0) << 16) | p.charCodeAt(1)) >>> 0;
    let lo = 0;
    let hi = codes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (codes[mid] < c) lo = mid + 1;
      else hi = mid;
    }
    return lo < codes.length && codes[lo] === c ? this.d.pairCounts[lo] : 0;
  }

  /** The arrays (for writing the prebuilt binary). */
  data(): Readonly<TermSlipData> {
    return this.d;
  }
}

const NONE: TermSlip[] = [];

/** The slot of the head c0 c1 c2 (found or empty: slotHead[3i] is 0). */
function slotOf(sh: Uint16Array, mask: number, c0: number, c1: number, c2: number): number {
  // (Mixed by multiplication: Han code units lie close together, and a plain polynomial clusters them.)
  let h = Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b) ^ Math.imul(c2, 0xc2b2ae35);
  h ^= h >>> 15;
  let i = h & mask;
  while (sh[3 * i] !== 0 && (sh[3 * i] !== c0 || sh[3 * i + 1] !== c1 || sh[3 * i + 2] !== c2)) i = (i + 1) & mask;
  return i;
}

/** The term's text (made only for a key found in a text). */
function termText(chars: Uint16Array, a: number, n: number): string {
  let t = '';
  for (let j = 0; j < n; j++) t += String.fromCharCode(chars[a + j]);
  return t;
}

/** The arrays of the index from the text of term.slips.utf8: lines "T\tterm\tcount\tomit marks\tdouble marks" (a
 *  mark per character: '0' or '1', the key is kept and how often the corpus writes it; '.' not kept) and
 *  "P\tpair\tcount". */
function parseTermSlips(text: string): TermSlipData {
  // First pass: how many terms, their characters, keys ('0' or '1' in the omit and double marks) and pairs.
  let nTerms = 0;
  let nChars = 0;
  let nKeys = 0;
  for (let a = 0; a < text.length; ) {
    let e = text.indexOf('\n', a);
    if (e < 0) e = text.length;
    if (text.charCodeAt(a) === 84 /* T */) {
      nTerms++;
      const t1 = text.indexOf('\t', a + 2);
      nChars += t1 - (a + 2);
      const t2 = text.indexOf('\t', t1 + 1);
      for (let j = t2 + 1; j < e; j++) {
        const c = text.charCodeAt(j);
        if (c === 48 || c === 49) nKeys++;
      }
    }
    a = e + 1;
  }
  // Slots: a power of two at least 1.5 times the keys (heads are fewer than keys: the table is at most two-thirds full).
  let size = 1 << 10;
  while (size < 1.5 * nKeys) size <<= 1;
  const d: TermSlipData = {
    chars: new Uint16Array(nChars),
    termStart: new Int32Array(nTerms + 1),
    counts: new Int32Array(nTerms),
    entries: new Int32Array(nKeys),
    next: new Int32Array(nKeys),
    slotHead: new Uint16Array(3 * size),
    slotFirst: new Int32Array(size),
    pairCodes: new Uint32Array(0),
    pairCounts: new Int32Array(0),
  };
  const mask = size - 1;
  const pairs = new Map<number, number>();
  let keys = 0;
  let t = 0;
  let at = 0;
  const add = (c0: number, c1: number, c2: number, kind: number, seen: number): void => {
    const i = slotOf(d.slotHead, mask, c0, c1, c2);
    d.slotHead[3 * i] = c0;
    d.slotHead[3 * i + 1] = c1;
    d.slotHead[3 * i + 2] = c2;
    const n = keys++;
    d.entries[n] = (t << TERM_SHIFT) | (kind << 1) | seen;
    d.next[n] = d.slotFirst[i] - 1;
    d.slotFirst[i] = n + 1;
  };
  // (Parsed with indexOf, not split: the file has about 30,000 lines.)
  for (let a = 0; a < text.length; ) {
    let e = text.indexOf('\n', a);
    if (e < 0) e = text.length;
    const kind = text[a];
    if (kind === 'P') {
      const tab = text.indexOf('\t', a + 2);
      const p = text.slice(a + 2, tab);
      if (p.length !== 2) throw new Error(`term slips: a pair of ${p.length} characters: ${p}`);
      pairs.set(((p.charCodeAt(0) << 16) | p.charCodeAt(1)) >>> 0, Number(text.slice(tab + 1, e)));
    } else if (kind === 'T') {
      const t1 = text.indexOf('\t', a + 2);
      const t2 = text.indexOf('\t', t1 + 1);
      const t3 = text.indexOf('\t', t2 + 1);
      const term = text.slice(a + 2, t1);
      d.termStart[t] = at;
      for (let j = 0; j < term.length; j++) d.chars[at++] = term.charCodeAt(j);
      d.counts[t] = Number(text.slice(t1 + 1, t2));
      for (let k = 1; k + 1 < term.length; k++) {
        const o = text.charCodeAt(t2 + 1 + k);
        const dd = text.charCodeAt(t3 + 1 + k);
        // '0' or '1': the key is kept ('.' is not). The key's first three characters: the term's, without k or with
        // k twice.
        if (o === 48 || o === 49) add(term.charCodeAt(0), term.charCodeAt(k === 1 ? 2 : 1), term.charCodeAt(k <= 2 ? 3 : 2), 2 * k, o - 48);
        if (dd === 48 || dd === 49) add(term.charCodeAt(0), term.charCodeAt(1), term.charCodeAt(k === 1 ? 1 : 2), 2 * k + 1, dd - 48);
      }
      t++;
    }
    a = e + 1;
  }
  d.termStart[t] = at;
  if (t >= 1 << (31 - TERM_SHIFT)) throw new Error('term slips: too many terms');
  const codes = [...pairs.keys()].sort((x, y) => x - y);
  d.pairCodes = Uint32Array.from(codes);
  d.pairCounts = Int32Array.from(codes, c => pairs.get(c)!);
  return d;
}

/** True when s, from i, is the term chars[a, a + n) with its character k dropped (or, `double`, written twice). */
function matches(s: string, i: number, chars: Uint16Array, a: number, n: number, k: number, double: boolean): boolean {
  if (double) {
    for (let j = 0; j <= k; j++) if (s.charCodeAt(i + j) !== chars[a + j]) return false;
    for (let j = k; j < n; j++) if (s.charCodeAt(i + j + 1) !== chars[a + j]) return false;
    return true;
  }
  for (let j = 0; j < k; j++) if (s.charCodeAt(i + j) !== chars[a + j]) return false;
  for (let j = k + 1; j < n; j++) if (s.charCodeAt(i + j - 1) !== chars[a + j]) return false;
  return true;
}

// The prebuilt binary (TERM_SLIPS_BIN, scripts/build-typo-index.ts, run by `npm run build`; not committed): the
// arrays above as they are in memory, so a process maps them instead of parsing ≈30,000 lines (≈0.2 G instructions
// and ≈6 MiB of peak memory per process, docs/performance.md 第十四轮). A header of 32-bit words: magic, version,
// the SHA-1 of the UTF-8 file it was built from (5 words), and the arrays' lengths; then the arrays, 32-bit ones
// first. The loader uses it only when the SHA-1 is that of the text file beside it, and parses the text otherwise.
export const TERM_SLIPS_BIN = 'term.slips.bin';
const BIN_MAGIC = 0x584c5354; // "TSLX"
const BIN_VERSION = 1;
const ARRAYS = ['termStart', 'counts', 'entries', 'next', 'slotFirst', 'pairCodes', 'pairCounts', 'slotHead', 'chars'] as const;
const HEAD_WORDS = 2 + 5 + ARRAYS.length;

/** The binary file beside a term-slip text file (x.utf8 → x.bin). */
export function termSlipBinFor(textFile: string): string {
  return textFile.replace(/\.utf8$/, '') + '.bin';
}

function sha1Words(bytes: Uint8Array | string): Uint32Array {
  const crypto = require('crypto') as typeof import('crypto');
  const h = crypto.createHash('sha1').update(bytes).digest();
  return new Uint32Array(new Uint8Array(h).buffer);
}

/** The prebuilt binary of the term-slip file whose bytes are `utf8`. */
export function buildTermSlipBinary(utf8: Uint8Array): Uint8Array {
  const text = Buffer.from(utf8.buffer, utf8.byteOffset, utf8.byteLength).toString('utf8');
  const d = new TermSlipIndex(text).data();
  const parts = ARRAYS.map(name => d[name] as Uint16Array | Int32Array | Uint32Array);
  const header = new Uint32Array(HEAD_WORDS);
  header[0] = BIN_MAGIC;
  header[1] = BIN_VERSION;
  header.set(sha1Words(utf8), 2);
  parts.forEach((x, j) => (header[7 + j] = x.length));
  const bytes = (x: ArrayBufferView) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  const out = new Uint8Array(header.byteLength + parts.reduce((n, x) => n + x.byteLength, 0));
  let at = 0;
  for (const x of [header, ...parts]) {
    out.set(bytes(x), at);
    at += x.byteLength;
  }
  return out;
}

/** The arrays of a prebuilt binary, or undefined when it is not one of this version or not built from the UTF-8
 *  text whose SHA-1 words are `source`. */
export function readTermSlipBinary(bin: Uint8Array, source: Uint32Array): TermSlipData | undefined {
  if (bin.byteOffset % 4) bin = bin.slice();
  if (bin.byteLength < 4 * HEAD_WORDS) return undefined;
  const h = new Uint32Array(bin.buffer, bin.byteOffset, HEAD_WORDS);
  if (h[0] !== BIN_MAGIC || h[1] !== BIN_VERSION) return undefined;
  for (let j = 0; j < 5; j++) if (h[2 + j] !== source[j]) return undefined;
  const len = (j: number) => h[7 + j];
  let want = 4 * HEAD_WORDS;
  for (let j = 0; j < ARRAYS.length; j++) want += (j < 7 ? 4 : 2) * len(j);
  if (bin.byteLength !== want) return undefined;
  let at = bin.byteOffset + 4 * HEAD_WORDS;
  const take = <T extends { byteLength: number }>(make: T): T => {
    at += make.byteLength;
    return make;
  };
  const b = bin.buffer;
  const d: TermSlipData = {
    termStart: take(new Int32Array(b, at, len(0))),
    counts: take(new Int32Array(b, at, len(1))),
    entries: take(new Int32Array(b, at, len(2))),
    next: take(new Int32Array(b, at, len(3))),
    slotFirst: take(new Int32Array(b, at, len(4))),
    pairCodes: take(new Uint32Array(b, at, len(5))),
    pairCounts: take(new Int32Array(b, at, len(6))),
    slotHead: take(new Uint16Array(b, at, len(7))),
    chars: take(new Uint16Array(b, at, len(8))),
  };
  const size = d.slotFirst.length;
  const nTerms = d.counts.length;
  // The shapes the index relies on (a damaged file of the right length is not used).
  if (size < 1 || (size & (size - 1)) !== 0 || d.slotHead.length !== 3 * size || d.termStart.length !== nTerms + 1) return undefined;
  if (d.next.length !== d.entries.length || d.pairCounts.length !== d.pairCodes.length || d.termStart[nTerms] !== d.chars.length) return undefined;
  return d;
}

/** SHA-1 words of a file's bytes, read 64 KiB at a time. */
function fileSha1Words(file: string): Uint32Array {
  const crypto = require('crypto') as typeof import('crypto');
  const hash = crypto.createHash('sha1');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return new Uint32Array(new Uint8Array(hash.digest()).buffer);
}

/** The index from the prebuilt binary beside `file` when it was built from it, else undefined. */
function fromBinary(file: string): TermSlipIndex | undefined {
  const binFile = termSlipBinFor(file);
  let bin: Uint8Array;
  try {
    // (One read into a buffer of the file's size: the arrays stay in it.)
    const fd = fs.openSync(binFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      bin = new Uint8Array(size);
      let got = 0;
      for (let n; got < size && (n = fs.readSync(fd, bin, got, size - got, null)) > 0; ) got += n;
      if (got !== size) return undefined;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return undefined;
  }
  const d = readTermSlipBinary(bin, fileSha1Words(file));
  return d && new TermSlipIndex(d);
}

const loaded = new Map<string, TermSlipIndex | null>();

/** The shipped index in `dir` (DRAFT_LINT_TERM_SLIPS: another build, for measuring on held-out text); undefined when
 *  the file is missing. */
export function loadTermSlips(dir: string): TermSlipIndex | undefined {
  const file = process.env.DRAFT_LINT_TERM_SLIPS || path.join(dir, TERM_SLIPS_FILE);
  let idx = loaded.get(file);
  if (idx === undefined) {
    try {
      idx = fromBinary(file) ?? new TermSlipIndex(readTextInChunks(file));
    } catch {
      idx = null;
    }
    loaded.set(file, idx);
  }
  return idx ?? undefined;
}
