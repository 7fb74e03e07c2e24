// Per-paragraph (per-line, per-sentence) memos: a keystroke changes one paragraph, and what the engine or a rule
// works out for the others (from their text and the context in the key alone) is looked up instead of worked out
// again. One switch for all of them, so that the tests can compare a lint with the memos and one without.

let on = true;

/** Turns the paragraph memos on or off (kept while off): the tests compare a lint with them and one without. */
export function setParagraphMemos(enabled: boolean): void {
  on = enabled;
}

/** Whether the paragraph memos are used. */
export function paragraphMemosOn(): boolean {
  return on;
}

/** A copy of a key that does not keep the text it was sliced from alive (a V8 sliced string would). */
export function ownString(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * A map with a size cap that drops keys not used lately: two generations, the current one and the one before; a key
 * found in the old one moves to the current one, and when the current one is full it becomes the old one (the keys
 * left in the old one are dropped). At most 2 × max keys are kept, and every key used in the last `max` look-ups is
 * among them. (A move to the end of one Map on every hit, delete and set, cost more than some memos saved.)
 */
export class Lru<V> {
  private cur = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.cur.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) {
      this.old.delete(key);
      // A copy of the key: the caller's may be sliced from a whole document (the stored key was copied).
      this.set(ownString(key), o);
    }
    return o;
  }
  set(key: string, v: V): void {
    if (this.cur.size >= this.max && !this.cur.has(key)) {
      this.old = this.cur;
      this.cur = new Map();
    }
    this.cur.set(key, v);
  }
  get size(): number {
    return this.cur.size + this.old.size;
  }
}
