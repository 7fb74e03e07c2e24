// The mined formulation lexicon (src/segmenter/dict/mined.phrases.utf8, built by scripts/mine-formulations.ts from a
// reference corpus of edited text): runs of 6–20 Han characters that edited text writes often, always alike, and that
// are more than a chance join of their parts (以人民为中心的发展思想, 国家治理体系和治理能力现代化), each with its
// counts and the one-edit variants the corpus itself writes. `nearPhrases` finds in a text the spans one edit away
// from a phrase (a character or a two-character word replaced, a character added or dropped, two adjacent parts
// swapped); the mining script uses the same search to collect the corpus's own variants, and formulation/mined-phrase
// reports what the corpus never writes. Loaded once per process on first use; the look-up is indexed by the first two
// and the last two characters of each phrase.
import * as fs from 'fs';
import * as path from 'path';
import type { MinedPhrase, MinedPhraseHit, MinedPhrases } from '../core/types';
import { commonEnds } from '../core/trim';

export const PHRASES_FILE = 'mined.phrases.utf8';

const HAN_RUN = /[\u3400-\u9fff]+/g;

/** Where and how q differs from p by one edit. */
type PhraseEdit = Pick<MinedPhraseHit, 'kind' | 'from' | 'to' | 'qFrom' | 'qTo'>;

/** The edit that turns phrase `p` into the written `q`, when it is one: a character or a two-character block
 *  replaced, one character added or dropped, or two adjacent blocks (of one to four characters) swapped. At least
 *  four characters of the phrase are untouched, and its first and last characters too unless two parts are swapped
 *  or that character itself is replaced. */
export function oneEdit(p: string, q: string): PhraseEdit | undefined {
  if (p === q) return undefined;
  const L = p.length;
  const d = q.length - L;
  if (d < -1 || d > 1) return undefined;
  const { head: a, tail: b } = commonEnds(p, q);
  if (a + b < 4) return undefined;
  // At an edge of the phrase only two parts swapped (the same characters: the span is known: 准则基本 for 基本准则),
  // or the edge character itself replaced.
  if (a < 1 || b < 1) {
    if (d !== 0) return undefined;
    const m = L - a - b;
    // Or its first or last character replaced (the rule takes only a homophone that makes no word there).
    if (m === 1) return { kind: 'replaced', from: a, to: a + 1, qFrom: a, qTo: a + 1 };
    return partsSwapped(p, q, a, m);
  }
  if (d === 1) return a + b >= L ? { kind: 'added', from: a, to: a, qFrom: a, qTo: a + 1 } : undefined;
  if (d === -1) return a + b >= L - 1 ? { kind: 'dropped', from: a, to: a + 1, qFrom: a, qTo: a } : undefined;
  const m = L - b - a;
  if (m <= 2) {
    const swapped = m === 2 && p[a] === q[a + 1] && p[a + 1] === q[a];
    return { kind: swapped ? 'swapped' : 'replaced', from: a, to: a + m, qFrom: a, qTo: a + m };
  }
  if (m > 8) return undefined;
  return partsSwapped(p, q, a, m);
}

/** The m characters from a of q are those of p with two parts (of at most four characters each) in the other order. */
function partsSwapped(p: string, q: string, a: number, m: number): PhraseEdit | undefined {
  const pr = p.slice(a, a + m);
  const qr = q.slice(a, a + m);
  for (let x = 1; x < m; x++) {
    if (x > 4 || m - x > 4) continue;
    if (qr === pr.slice(x) + pr.slice(0, x)) return { kind: 'swapped', from: a, to: a + m, qFrom: a, qTo: a + m };
  }
  return undefined;
}

/** The lexicon's index: phrases by their first two and last two characters. */
export class PhraseIndex implements MinedPhrases {
  readonly phrases: MinedPhrase[];
  /** Phrases by their first two characters (starts) and last two (ends): the first character's code unit picks a map
   *  keyed by the second's (near() asks at every character of a text: no two-character string is made and hashed). */
  private readonly starts = new Map<number, Map<number, number[]>>();
  private readonly ends = new Map<number, Map<number, number[]>>();
  private readonly byText = new Map<string, number>();

  constructor(phrases: MinedPhrase[]) {
    this.phrases = phrases;
    const add = (by: Map<number, Map<number, number[]>>, t: string, at: number, i: number) => {
      const c0 = t.charCodeAt(at);
      let m = by.get(c0);
      if (!m) by.set(c0, (m = new Map()));
      const c1 = t.charCodeAt(at + 1);
      let l = m.get(c1);
      if (!l) m.set(c1, (l = []));
      l.push(i);
    };
    phrases.forEach((ph, i) => {
      const t = ph.text;
      this.byText.set(t, i);
      add(this.starts, t, 0, i);
      add(this.ends, t, t.length - 2, i);
    });
  }

  get(text: string): MinedPhrase | undefined {
    const i = this.byText.get(text);
    return i === undefined ? undefined : this.phrases[i];
  }

  /** Spans of `text` one edit away from a phrase (see oneEdit), within runs of Han characters. A span is left out
   *  when a phrase of the lexicon is written exactly over the changed characters (the written text is itself a
   *  phrase edited text writes). Offsets are in `text`. */
  near(text: string): MinedPhraseHit[] {
    const out: MinedPhraseHit[] = [];
    HAN_RUN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HAN_RUN.exec(text))) {
      const r = m[0];
      if (r.length < 5) continue;
      const base = m.index;
      // Exact occurrences of phrases in this run: [start, end).
      const exact: [number, number][] = [];
      const found = new Map<string, MinedPhraseHit>();
      const tryAt = (pid: number, s: number, e: number) => {
        const ph = this.phrases[pid];
        // A quick reject on character codes before making the string: oneEdit needs four characters kept at the
        // edges and at most eight changed.
        const p = ph.text;
        const L = p.length;
        const len = e - s;
        const n = Math.min(L, len);
        let a = 0;
        while (a < n && r.charCodeAt(s + a) === p.charCodeAt(a)) a++;
        if (a === L && len === L) return;
        let b = 0;
        while (b < n - a && r.charCodeAt(e - 1 - b) === p.charCodeAt(L - 1 - b)) b++;
        if (a + b < 4 || Math.max(L, len) - a - b > 8) return;
        const q = r.slice(s, e);
        const ed = oneEdit(ph.text, q);
        if (!ed) return;
        const key = `${pid}:${s}:${e}`;
        if (found.has(key)) return;
        found.set(key, { phrase: ph, offset: base + s, length: e - s, written: q, ...ed });
      };
      for (let i = 0; i + 2 <= r.length; i++) {
        const c0 = r.charCodeAt(i);
        const c1 = r.charCodeAt(i + 1);
        const starts = this.starts.get(c0)?.get(c1);
        if (starts)
          for (const pid of starts) {
            const p = this.phrases[pid].text;
            const L = p.length;
            if (r.startsWith(p, i)) exact.push([i, i + L]);
            for (let d = -1; d <= 1; d++) {
              const e = i + L + d;
              if (e > r.length || (d !== 0 && r.charCodeAt(e - 1) !== p.charCodeAt(L - 1))) continue;
              tryAt(pid, i, e);
            }
          }
        const ends = this.ends.get(c0)?.get(c1);
        if (ends)
          for (const pid of ends) {
            const p = this.phrases[pid].text;
            const L = p.length;
            const e = i + 2;
            for (let d = -1; d <= 1; d++) {
              const s = e - L - d;
              if (s < 0 || (d !== 0 && r.charCodeAt(s) !== p.charCodeAt(0))) continue;
              tryAt(pid, s, e);
            }
          }
      }
      for (const h of found.values()) {
        const s = h.offset - base;
        const cf = s + h.qFrom;
        const ct = Math.max(s + h.qTo, cf + 1);
        // A phrase written exactly over the changed characters (or over the whole span).
        if (exact.some(([a, b]) => (a <= cf && ct <= b) || (a <= s && s + h.length <= b))) continue;
        out.push(h);
      }
    }
    return out.sort((x, y) => x.offset - y.offset || y.length - x.length);
  }
}

/** Parses the lexicon text: `#` comment lines, then `phrase<TAB>count<TAB>files<TAB>variants<TAB>open slots` (lists
 *  space-separated, possibly empty). */
export function parsePhrases(text: string): PhraseIndex {
  const phrases: MinedPhrase[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [t, c, d, v, o] = line.split('\t');
    phrases.push({ text: t, count: Number(c), docs: Number(d), variants: v ? v.split(' ') : [], open: o ? o.split(' ') : [] });
  }
  return new PhraseIndex(phrases);
}

const loaded = new Map<string, PhraseIndex | null>();

/** The shipped lexicon in `dir` (DRAFT_LINT_MINED_PHRASES: another build, for measuring on held-out text); undefined
 *  when the file is missing. */
export function loadPhrases(dir: string): PhraseIndex | undefined {
  const file = process.env.DRAFT_LINT_MINED_PHRASES || path.join(dir, PHRASES_FILE);
  let idx = loaded.get(file);
  if (idx === undefined) {
    try {
      idx = parsePhrases(fs.readFileSync(file, 'utf8'));
    } catch {
      idx = null;
    }
    loaded.set(file, idx);
  }
  return idx ?? undefined;
}
