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

/** A map with a size cap that drops the least recently used key. */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
  get size(): number {
    return this.map.size;
  }
}
