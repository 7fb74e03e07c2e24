// Substring search in one long text, many needles. Rules that look up hundreds of phrases in a document (the
// formulation rules' prefixes and suffixes of canonical phrases) would otherwise scan the whole document once per
// needle, which on a 2 MB file is thousands of full scans. Here the document is scanned once per distinct leading
// character pair: the start offsets of each pair are kept (ascending) and a needle's occurrences are those of its
// first pair where the rest of the needle follows. Results are exactly those of String.prototype.indexOf.

export class TextIndex {
  private readonly pairs = new Map<string, number[]>();

  constructor(readonly text: string) {}

  /** Start offsets (ascending) of a two-character string, found once and kept. */
  private pairOffsets(pair: string): number[] {
    let list = this.pairs.get(pair);
    if (!list) {
      list = [];
      const t = this.text;
      for (let i = t.indexOf(pair); i >= 0; i = t.indexOf(pair, i + 1)) list.push(i);
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
    const list = this.pairOffsets(needle.slice(0, 2));
    if (needle.length === 2) return list.slice();
    for (const i of list) if (t.startsWith(needle, i)) out.push(i);
    return out;
  }

  /** The same as text.indexOf(needle, from). */
  indexOf(needle: string, from = 0): number {
    if (needle.length < 2) return this.text.indexOf(needle, from);
    if (from < 0) from = 0;
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

const byText = new WeakMap<object, { text: string; index: TextIndex }>();

/** One TextIndex per (owner object, text), e.g. per document model and its normalised text. */
export function textIndexFor(owner: object, text: string): TextIndex {
  const hit = byText.get(owner);
  if (hit && hit.text === text) return hit.index;
  const index = new TextIndex(text);
  byText.set(owner, { text, index });
  return index;
}
