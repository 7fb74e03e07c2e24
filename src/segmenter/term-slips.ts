// The term-slip index (src/segmenter/dict/term.slips.utf8, built by scripts/build-term-slips.ts from a reference
// corpus): frequent terms (高质量发展, 现代化) by the non-words they become when one inner character is dropped (高质发展)
// or typed twice (现代代化), and the character pairs edited text writes as a unit that the dictionaries lack (卒中).
import * as fs from 'fs';
import * as path from 'path';
import type { TermSlip, TermSlips } from '../core/types';

export const TERM_SLIPS_FILE = 'term.slips.utf8';

export class TermSlipIndex implements TermSlips {
  private readonly keys = new Map<string, TermSlip>();
  /** The first three characters of every key (every key has three or more). */
  private readonly heads = new Set<string>();
  private readonly pairs = new Map<string, number>();

  constructor(text: string) {
    for (const line of text.split('\n')) {
      if (!line || line[0] === '#') continue;
      const f = line.split('\t');
      if (f[0] === 'P') this.pairs.set(f[1], Number(f[2]));
      else if (f[0] === 'T') {
        const term = f[1];
        const count = Number(f[2]);
        for (let k = 1; k + 1 < term.length; k++) {
          const o = f[3][k];
          const d = f[4][k];
          if (o && o !== '.') this.add({ kind: 'omit', key: term.slice(0, k) + term.slice(k + 1), term, count, keyCount: Number(o) });
          if (d && d !== '.') this.add({ kind: 'double', key: term.slice(0, k + 1) + term.slice(k), term, count, keyCount: Number(d) });
        }
      }
    }
  }

  private add(e: TermSlip): void {
    this.keys.set(e.key, e);
    this.heads.add(e.key.slice(0, 3));
  }

  get size(): number {
    return this.keys.size;
  }

  get(key: string): TermSlip | undefined {
    return this.keys.get(key);
  }

  /** The keys that start at s[i], shortest first. */
  at(s: string, i: number): TermSlip[] {
    if (i + 3 > s.length || !this.heads.has(s.slice(i, i + 3))) return [];
    const out: TermSlip[] = [];
    for (let len = 3; len <= 7 && i + len <= s.length; len++) {
      const e = this.keys.get(s.slice(i, i + len));
      if (e) out.push(e);
    }
    return out;
  }

  /** How often edited text writes the two characters `p` side by side (only collocated pairs no dictionary has). */
  pair(p: string): number {
    return this.pairs.get(p) ?? 0;
  }
}

const loaded = new Map<string, TermSlipIndex | null>();

/** The shipped index in `dir` (DRAFT_LINT_TERM_SLIPS: another build, for measuring on held-out text); undefined when
 *  the file is missing. */
export function loadTermSlips(dir: string): TermSlipIndex | undefined {
  const file = process.env.DRAFT_LINT_TERM_SLIPS || path.join(dir, TERM_SLIPS_FILE);
  let idx = loaded.get(file);
  if (idx === undefined) {
    try {
      idx = new TermSlipIndex(fs.readFileSync(file, 'utf8'));
    } catch {
      idx = null;
    }
    loaded.set(file, idx);
  }
  return idx ?? undefined;
}
