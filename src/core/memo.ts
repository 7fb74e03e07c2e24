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
 * A cache of one value per document (WeakMap-like `get`/`set`), kept in the document model's own `caches` map so that
 * it dies with the document. Module-level WeakMaps keyed by the document did not let it: V8's young-generation
 * collector treats the entries of a WeakMap that has reached the old generation as live, so every keystroke's
 * document structures (the model's paragraphs and sentences, and what the WeakMap's values refer to) were kept
 * through each scavenge until the next full collection: copied, then promoted, then collected by a mark-compact
 * (docs/performance.md, 改字延迟（第十一轮）). Owners without a `caches` map use a WeakMap as before.
 */
export class OwnerCache<K extends object, V> {
  private readonly fallback = new WeakMap<K, V>();
  get(owner: K): V | undefined {
    const m = (owner as { caches?: unknown }).caches;
    return m instanceof Map ? (m.get(this) as V | undefined) : this.fallback.get(owner);
  }
  set(owner: K, v: V): this {
    const m = (owner as { caches?: unknown }).caches;
    if (m instanceof Map) m.set(this, v);
    else this.fallback.set(owner, v);
    return this;
  }
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
