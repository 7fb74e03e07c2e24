// Substring search in one long text, many needles. Rules that look up hundreds of phrases in a document (the
// formulation rules' prefixes and suffixes of canonical phrases) would otherwise scan the whole document once per
// needle, which on a 2 MB file is thousands of full scans. Here the document is scanned once per distinct leading
// character pair: the start offsets of each pair are kept (ascending) and a needle's occurrences are those of its
// first pair where the rest of the needle follows. Results are exactly those of String.prototype.indexOf.

import { OwnerCache } from './memo';

export class TextIndex {
  private readonly pairs = new Map<string, number[]>();
  /** Positions chained by a hash of the pair that starts there (built on the first look-up, one pass over the text):
   *  `head[h]` is the first position of bucket h, `next[i]` the next position after i in i's bucket (-1: none). A
   *  pair's offsets are then found by walking one short chain instead of scanning the whole text per pair (a 2 MB
   *  document and a few hundred distinct pairs: 200 ms → a few ms). */
  private head?: Int32Array;
  private next?: Int32Array;

  constructor(readonly text: string) {}

  /** Bits of the bucket number: about two buckets per position, between 2^8 and 2^16 (a short document does not
   *  pay for clearing 256 KB of buckets; speed only, the results do not depend on it). */
  private shift = 32 - 16;

  private hash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> this.shift;
  }

  private buildChains(): void {
    const t = this.text;
    const n = t.length;
    const bits = Math.min(16, Math.max(8, 32 - Math.clz32(n) + 1));
    this.shift = 32 - bits;
    const head = new Int32Array(1 << bits).fill(-1);
    const next = new Int32Array(Math.max(n - 1, 0));
    // From the end, so that each chain runs in ascending order.
    for (let i = n - 2; i >= 0; i--) {
      const h = this.hash(t.charCodeAt(i), t.charCodeAt(i + 1));
      next[i] = head[h];
      head[h] = i;
    }
    this.head = head;
    this.next = next;
  }

  /** False when no position starts with the pair (a, b): its bucket is empty (most pairs a phrase rule asks about
   *  are in no document; this answers them without building the pair's list). */
  private mayHavePair(a: number, b: number): boolean {
    if (!this.head) this.buildChains();
    return this.head![this.hash(a, b)] >= 0;
  }

  /** Start offsets (ascending) of a two-character string, found once and kept. */
  private pairOffsets(pair: string): number[] {
    let list = this.pairs.get(pair);
    if (!list) {
      list = [];
      if (!this.head) this.buildChains();
      const t = this.text;
      const a = pair.charCodeAt(0);
      const b = pair.charCodeAt(1);
      const next = this.next!;
      for (let i = this.head![this.hash(a, b)]; i >= 0; i = next[i]) if (t.charCodeAt(i) === a && t.charCodeAt(i + 1) === b) list.push(i);
      this.pairs.set(pair, list);
    }
    return list;
  }

  /** Every start offset of `needle`, overlapping ones included, ascending (as repeated indexOf(needle, i + 1)). */
  occurrences(needle: string): number[] {
    const out: number[] = [];
    if (!needle) return out;
    const t = this.text;
    if (needle.length < 2) {
      for (let i = t.indexOf(needle); i >= 0; i = t.indexOf(needle, i + 1)) out.push(i);
      return out;
    }
    if (!this.mayHavePair(needle.charCodeAt(0), needle.charCodeAt(1))) return out;
    const list = this.pairOffsets(needle.slice(0, 2));
    if (needle.length === 2) return list.slice();
    for (const i of list) if (t.startsWith(needle, i)) out.push(i);
    return out;
  }

  /** The same as text.indexOf(needle, from). */
  indexOf(needle: string, from = 0): number {
    if (needle.length < 2) return this.text.indexOf(needle, from);
    if (from < 0) from = 0;
    if (!this.mayHavePair(needle.charCodeAt(0), needle.charCodeAt(1))) return -1;
    const list = this.pairOffsets(needle.slice(0, 2));
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    if (needle.length === 2) return lo < list.length ? list[lo] : -1;
    for (let k = lo; k < list.length; k++) if (this.text.startsWith(needle, list[k])) return list[k];
    return -1;
  }

  /** The same as text.includes(needle). */
  includes(needle: string): boolean {
    return this.indexOf(needle) >= 0;
  }
}

const byText = new OwnerCache<object, { text: string; index: TextIndex }>();

/** One TextIndex per (owner object, text), e.g. per document model and its normalised text. */
/** True when `s` occurs at least twice in `text` (a word the writer writes again elsewhere). */
export function occursTwice(text: string, s: string): boolean {
  const i = text.indexOf(s);
  return i >= 0 && text.indexOf(s, i + 1) >= 0;
}

export function textIndexFor(owner: object, text: string): TextIndex {
  const hit = byText.get(owner);
  if (hit && hit.text === text) return hit.index;
  const index = new TextIndex(text);
  byText.set(owner, { text, index });
  return index;
}
