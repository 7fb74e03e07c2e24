// The typo lexicon (src/segmenter/dict/typo.lexicon.utf8, built by scripts/build-typo-lexicon.ts): words a slip may
// be corrected to, with their counts in edited text; the variants that edited text itself uses; homophone classes;
// four-character words by the three characters left when one is dropped. Read once per process on first use and
// searched in place (binary search over the sorted lines): no per-entry objects, so loading costs a file read and
// one scan for line starts.
import * as fs from 'fs';
import * as path from 'path';
import type { Lexicon, LexiconWord } from '../core/types';

export const LEXICON_FILE = 'typo.lexicon.utf8';

/** Sorted lines of one section, searched by key (the text between the section mark and the first space). */
class Section {
  constructor(
    private readonly text: string,
    private readonly starts: Int32Array,
    private readonly from: number,
    private readonly to: number,
    private readonly mark: number,
  ) {}

  /** Compares `key` with the key of line `k` (code-unit order). */
  private cmp(key: string, k: number): number {
    let p = this.starts[k] + this.mark;
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

  /** Index of the first line whose key is ≥ key. */
  private lower(key: string): number {
    let lo = this.from;
    let hi = this.to;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(key, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The rest of each line whose key is `key` (after the space). */
  values(key: string): string[] {
    const out: string[] = [];
    for (let k = this.lower(key); k < this.to && this.cmp(key, k) === 0; k++) {
      const s = this.starts[k] + this.mark + key.length + 1;
      out.push(this.text.slice(s, this.starts[k + 1] - 1));
    }
    return out;
  }

  value(key: string): string | undefined {
    const k = this.lower(key);
    if (k >= this.to || this.cmp(key, k) !== 0) return undefined;
    return this.text.slice(this.starts[k] + this.mark + key.length + 1, this.starts[k + 1] - 1);
  }
}

/** Parses the lexicon text (see the build script for the line formats). */
export function parseLexicon(text: string): Lexicon {
  if (!text.endsWith('\n')) text += '\n';
  const starts: number[] = [];
  for (let p = 0; p < text.length; ) {
    const e = text.indexOf('\n', p);
    if (text.charCodeAt(p) !== 35 /* # */ && e > p) starts.push(p);
    p = e + 1;
  }
  starts.push(text.length + 1);
  const st = Int32Array.from(starts);
  const n = starts.length - 1;
  /** The line range whose first character is `mark` (or, for mark 0, the Han words after the marked sections). */
  const range = (pred: (c: number) => boolean): [number, number] => {
    let a = 0;
    while (a < n && !pred(text.charCodeAt(st[a]))) a++;
    let b = a;
    while (b < n && pred(text.charCodeAt(st[b]))) b++;
    return [a, b];
  };
  const [k0, k1] = range(c => c === 43 /* + */);
  const [d0, d1] = range(c => c === 45 /* - */);
  const [s0, s1] = range(c => c === 61 /* = */);
  const [v0, v1] = range(c => c === 126 /* ~ */);
  const [w0, w1] = range(c => c >= 0x3400);
  const deletions = new Section(text, st, d0, d1, 1);
  const syllables = new Section(text, st, s0, s1, 1);
  const variants = new Section(text, st, v0, v1, 1);
  const known = new Section(text, st, k0, k1, 1);

  /** Homophones of each character (all readings), built on first use from the syllable lines. */
  let homophones: Map<string, string> | undefined;
  const homophonesOf = (ch: string): string => {
    if (!homophones) {
      homophones = new Map();
      for (let k = s0; k < s1; k++) {
        const line = text.slice(st[k], st[k + 1] - 1);
        const chars = line.slice(line.indexOf(' ') + 1);
        for (const c of chars) homophones.set(c, (homophones.get(c) ?? '') + chars);
      }
    }
    return homophones.get(ch) ?? '';
  };
  // The words section is asked most (every candidate correction): one hash map of its lines' offsets.
  const wordLine = new Map<string, number>();
  for (let k = w0; k < w1; k++) wordLine.set(text.slice(st[k], text.indexOf(' ', st[k])), k);
  const cache = new Map<number, LexiconWord>();
  const entry = (w: string, k: number): LexiconWord => {
    const [corpus, jieba, tag] = text.slice(st[k] + w.length + 1, st[k + 1] - 1).split(' ');
    // Idioms proper (tag i); jieba's “l” (习用语) also covers ordinary compounds such as 未成年人.
    return { corpus: Number(corpus), jieba: Number(jieba), idiom: w.length === 4 && tag === 'i' };
  };
  return {
    word(w) {
      const k = wordLine.get(w);
      if (k === undefined) return undefined;
      let r = cache.get(k);
      if (!r) cache.set(k, (r = entry(w, k)));
      return r;
    },
    attested: v => Number((variants.value(v) ?? '0').split(' ')[0]),
    seen: v => Number((variants.value(v) ?? '0 0').split(' ')[1] ?? 0),
    known: w => wordLine.has(w) || known.value(w) !== undefined,
    homophones: ch => homophonesOf(ch),
    withOneMore: t => deletions.values(t),
    eachWord(f) {
      for (const [w, k] of wordLine) f(w, cache.get(k) ?? entry(w, k));
    },
  };
}

const loaded = new Map<string, Lexicon | null>();

/** The lexicon shipped in `dir` (the segmenter's dictionary folder), or undefined when it is missing. */
export function loadLexicon(dir: string): Lexicon | undefined {
  let lex = loaded.get(dir);
  if (lex === undefined) {
    try {
      lex = parseLexicon(fs.readFileSync(path.join(dir, LEXICON_FILE), 'utf8'));
    } catch {
      lex = null;
    }
    loaded.set(dir, lex);
  }
  return lex ?? undefined;
}
