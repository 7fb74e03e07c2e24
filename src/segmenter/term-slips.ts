// The term-slip index (src/segmenter/dict/term.slips.utf8, built by scripts/build-term-slips.ts from a reference
// corpus): frequent terms (高质量发展, 现代化) by the non-words they become when one inner character is dropped (高质发展)
// or typed twice (现代代化), and the character pairs edited text writes as a unit that the dictionaries lack (卒中).
import * as path from 'path';
import type { TermSlip, TermSlips } from '../core/types';
// (index.ts loads this module on first use, so the cycle is resolved by then.)
import { readTextInChunks } from './index';

export const TERM_SLIPS_FILE = 'term.slips.utf8';

export class TermSlipIndex implements TermSlips {
  private readonly terms: string[] = [];
  private readonly counts: Int32Array;
  /** The keys, three numbers each: term, kind and position (2k for omit, 2k + 1 for double), and whether the corpus
   *  writes the key; `next` chains the keys of one hash slot. No key string is made until one matches. (Typed arrays,
   *  sized by a first pass over the text: JS arrays of numbers took twice the memory and more while growing.) */
  private readonly entries: Int32Array;
  private readonly next: Int32Array;
  /** Open hash table on the key's first three characters: the slot's three characters and its first key + 1. */
  private readonly slotHead: Uint16Array;
  private readonly slotFirst: Int32Array;
  private readonly mask: number;
  private readonly pairs = new Map<string, number>();
  private keys = 0;

  constructor(text: string) {
    // First pass: how many terms and keys ('0' or '1' in the omit and double marks).
    let nTerms = 0;
    let nKeys = 0;
    for (let a = 0; a < text.length; ) {
      let e = text.indexOf('\n', a);
      if (e < 0) e = text.length;
      if (text.charCodeAt(a) === 84 /* T */) {
        nTerms++;
        const t2 = text.indexOf('\t', text.indexOf('\t', a + 2) + 1);
        for (let j = t2 + 1; j < e; j++) {
          const c = text.charCodeAt(j);
          if (c === 48 || c === 49) nKeys++;
        }
      }
      a = e + 1;
    }
    this.counts = new Int32Array(nTerms);
    this.entries = new Int32Array(3 * nKeys);
    this.next = new Int32Array(nKeys);
    // Slots: a power of two at least 1.5 times the keys (heads are fewer than keys: the table is at most two-thirds full).
    let size = 1 << 10;
    while (size < 1.5 * nKeys) size <<= 1;
    this.mask = size - 1;
    this.slotHead = new Uint16Array(3 * size);
    this.slotFirst = new Int32Array(size);
    // (Parsed with indexOf, not split: the file has about 30,000 lines and is read at every start.)
    for (let a = 0; a < text.length; ) {
      let e = text.indexOf('\n', a);
      if (e < 0) e = text.length;
      const kind = text[a];
      if (kind === 'P') {
        const t = text.indexOf('\t', a + 2);
        this.pairs.set(text.slice(a + 2, t), Number(text.slice(t + 1, e)));
      } else if (kind === 'T') {
        const t1 = text.indexOf('\t', a + 2);
        const t2 = text.indexOf('\t', t1 + 1);
        const t3 = text.indexOf('\t', t2 + 1);
        const term = text.slice(a + 2, t1);
        const t = this.terms.length;
        this.terms.push(term);
        this.counts[t] = Number(text.slice(t1 + 1, t2));
        for (let k = 1; k + 1 < term.length; k++) {
          const o = text.charCodeAt(t2 + 1 + k);
          const d = text.charCodeAt(t3 + 1 + k);
          // '0' or '1': the key is kept ('.' is not). The key's first three characters: the term's, without k or with
          // k twice.
          if (o === 48 || o === 49) this.add(term.charCodeAt(0), term.charCodeAt(k === 1 ? 2 : 1), term.charCodeAt(k <= 2 ? 3 : 2), t, 2 * k, o - 48);
          if (d === 48 || d === 49) this.add(term.charCodeAt(0), term.charCodeAt(1), term.charCodeAt(k === 1 ? 1 : 2), t, 2 * k + 1, d - 48);
        }
      }
      a = e + 1;
    }
  }

  /** The slot of the head c0 c1 c2 (found or empty: slotHead[3i] is 0). */
  private slot(c0: number, c1: number, c2: number): number {
    const sh = this.slotHead;
    // (Mixed by multiplication: Han code units lie close together, and a plain polynomial clusters them.)
    let h = Math.imul(c0, 0x9e3779b1) ^ Math.imul(c1, 0x85ebca6b) ^ Math.imul(c2, 0xc2b2ae35);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (sh[3 * i] !== 0 && (sh[3 * i] !== c0 || sh[3 * i + 1] !== c1 || sh[3 * i + 2] !== c2)) i = (i + 1) & this.mask;
    return i;
  }

  private add(c0: number, c1: number, c2: number, t: number, kind: number, seen: number): void {
    const i = this.slot(c0, c1, c2);
    this.slotHead[3 * i] = c0;
    this.slotHead[3 * i + 1] = c1;
    this.slotHead[3 * i + 2] = c2;
    const n = this.keys++;
    this.entries[3 * n] = t;
    this.entries[3 * n + 1] = kind;
    this.entries[3 * n + 2] = seen;
    this.next[n] = this.slotFirst[i] - 1;
    this.slotFirst[i] = n + 1;
  }

  get size(): number {
    return this.keys;
  }

  get(key: string): TermSlip | undefined {
    return this.at(key, 0).find(e => e.key === key);
  }

  /** The keys that start at s[i], shortest first. */
  at(s: string, i: number): TermSlip[] {
    if (i + 3 > s.length) return NONE;
    const c0 = s.charCodeAt(i);
    const at = this.slot(c0, s.charCodeAt(i + 1), s.charCodeAt(i + 2));
    if (this.slotHead[3 * at] !== c0) return NONE;
    let out: TermSlip[] | undefined;
    for (let n = this.slotFirst[at] - 1; n >= 0; n = this.next[n]) {
      const term = this.terms[this.entries[3 * n]];
      const kind = this.entries[3 * n + 1];
      const k = kind >> 1;
      const double = (kind & 1) === 1;
      const len = double ? term.length + 1 : term.length - 1;
      if (i + len > s.length || !matches(s, i, term, k, double)) continue;
      (out ??= []).push({ kind: double ? 'double' : 'omit', key: s.slice(i, i + len), term, count: this.counts[this.entries[3 * n]], keyCount: this.entries[3 * n + 2] });
    }
    return out ? out.sort((x, y) => x.key.length - y.key.length) : NONE;
  }

  /** How often edited text writes the two characters `p` side by side (only collocated pairs no dictionary has). */
  pair(p: string): number {
    return this.pairs.get(p) ?? 0;
  }
}

const NONE: TermSlip[] = [];


/** True when s, from i, is `term` with its character k dropped (or, `double`, written twice). */
function matches(s: string, i: number, term: string, k: number, double: boolean): boolean {
  if (double) {
    for (let j = 0; j <= k; j++) if (s.charCodeAt(i + j) !== term.charCodeAt(j)) return false;
    for (let j = k; j < term.length; j++) if (s.charCodeAt(i + j + 1) !== term.charCodeAt(j)) return false;
    return true;
  }
  for (let j = 0; j < k; j++) if (s.charCodeAt(i + j) !== term.charCodeAt(j)) return false;
  for (let j = k + 1; j < term.length; j++) if (s.charCodeAt(i + j - 1) !== term.charCodeAt(j)) return false;
  return true;
}

const loaded = new Map<string, TermSlipIndex | null>();

/** The shipped index in `dir` (DRAFT_LINT_TERM_SLIPS: another build, for measuring on held-out text); undefined when
 *  the file is missing. */
export function loadTermSlips(dir: string): TermSlipIndex | undefined {
  const file = process.env.DRAFT_LINT_TERM_SLIPS || path.join(dir, TERM_SLIPS_FILE);
  let idx = loaded.get(file);
  if (idx === undefined) {
    try {
      idx = new TermSlipIndex(readTextInChunks(file));
    } catch {
      idx = null;
    }
    loaded.set(file, idx);
  }
  return idx ?? undefined;
}
