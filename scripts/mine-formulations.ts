// Mines the formulation lexicon (src/segmenter/dict/mined.phrases.utf8) from a reference corpus of edited text:
// runs of 6–20 Han characters, within clauses (any non-Han character ends a clause), that
//   - occur at least MIN_COUNT times in at least MIN_DOCS files;
//   - are whole: no one character before or after them in CLOSED_SHARE of their uses or more (a piece of a longer
//     phrase has arbitrary edges: 近平新时代中国特色社会主义思), and neither edge is a function word;
//   - are more than a chance join of their parts: at every split into two parts, the phrase is at least MIN_COHESION
//     of the uses of the rarer part (治理体系和治理能力 | 现代化);
//   - are nearly always written alike: the corpus writes its one-edit variants (src/segmenter/phrases.ts oneEdit: a
//     character or two-character block replaced, a character added or dropped, adjacent parts swapped) in at most
//     MAX_VARIANT_SHARE of its uses, in at most MAX_VARIANTS different ways; those variants are listed with it, and
//     formulation/mined-phrase does not report them.
// A phrase contained in a longer one that has almost all of its uses is left out (the longer one covers it).
// Only counts and the phrases are written, no running text. Usage:
//   npx tsc -p . && node out/scripts/mine-formulations.js /work/pd/2019年2月 /work/pd/2019年10月 /work/pd/2020年1月 [--out=FILE] [--check]
import * as fs from 'fs';
import * as path from 'path';
import { dictDir, loadSegmenter } from '../src/segmenter';
import { textFiles } from './build-typo-lexicon';
import { PhraseIndex, PHRASES_FILE } from '../src/segmenter/phrases';
import type { MinedPhrase } from '../src/core/types';

const MIN_LEN = 6;
const MAX_LEN = 20;
const MIN_COUNT = 8;
const MIN_DOCS = 6;
const CLOSED_SHARE = 0.75;
const MIN_COHESION = 0.02;
const MAX_VARIANT_SHARE = 0.05;
const MAX_VARIANTS = 6;
/** A slot is open when the corpus fills its frame with other characters at least this often. */
const OPEN_OTHERS = 2;
/** Share of a phrase's uses whose both edges fall on word boundaries of the shipped segmenter (实习近平… is a piece
 *  of 落实习近平…, 打赢脱贫攻坚战提 of …提供/提出). */
const MIN_ALIGNED = 0.8;
/** Characters a phrase does not begin or end with: function words, pronouns, numerals, measure and date words. */
const EDGE_START = new Set([...'的了是在这那和与及等也就都又还年月日我你他她它们之而其所者地得着过个些每各该此从对把被将向要会能可已不没并即如但却让使给到说仅曾']);
const EDGE_END = new Set([...'的了是在这那和与及等也就都又还我你他她它们之为以于而其所者地得着过个些每各该此从对把被将向要会能可已不没并即如但却让使给到说仅曾一']);

/** Clauses: maximal runs of Han characters at least MIN_LEN long, per file. */
function clausesOf(text: string): string[] {
  return text.match(/[\u3400-\u9fff]{6,}/g) ?? [];
}

/** How many uses of each phrase start and end on word boundaries of the segmenter. */
function alignedCounts(texts: string[], phrases: string[]): Map<string, number> {
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('nodejieba could not be loaded');
  const starts = new Map<string, string[]>();
  for (const p of phrases) {
    const k = p.slice(0, 2);
    let l = starts.get(k);
    if (!l) starts.set(k, (l = []));
    l.push(p);
  }
  const out = new Map<string, number>(phrases.map(p => [p, 0]));
  for (const t of texts) {
    const boundary = new Uint8Array(t.length + 1);
    let base = 0;
    for (const line of t.split('\n')) {
      for (const tok of seg.cut(line)) {
        boundary[base + tok.offset] = 1;
        boundary[base + tok.offset + tok.word.length] = 1;
      }
      base += line.length + 1;
    }
    for (let i = 0; i + 2 <= t.length; i++) {
      const l = starts.get(t.slice(i, i + 2));
      if (!l || !boundary[i]) continue;
      for (const p of l) if (boundary[i + p.length] && t.startsWith(p, i)) out.set(p, out.get(p)! + 1);
    }
  }
  return out;
}

/** The frames of a phrase's slots: up to two characters of the phrase on each side of a one-character slot (s),
 *  a two-character slot (w) or a gap between two characters (g). */
function framesOf(p: string): { slot: string; key: string }[] {
  const out: { slot: string; key: string }[] = [];
  const L = p.length;
  const frame = (from: number, to: number, len: number) => `${len}|${p.slice(Math.max(0, from - 2), from)}|${p.slice(to, to + 2)}`;
  for (let i = 1; i <= L - 2; i++) out.push({ slot: `s${i}`, key: frame(i, i + 1, 1) });
  for (let i = 1; i + 2 <= L - 1; i++) out.push({ slot: `w${i}`, key: frame(i, i + 2, 2) });
  for (let g = 1; g <= L - 1; g++) out.push({ slot: `g${g}`, key: frame(g, g, 1) });
  return out;
}

/** Marks the open slots of each phrase: a slot whose frame the corpus fills with other characters at least
 *  OPEN_OTHERS times (支持|民营/实体|经济, 有关|部门/方面|负责人): a change there is a choice of words. */
function openSlots(files: string[][], phrases: MinedPhrase[]): void {
  const need = new Map<string, Map<string, number>>();
  const frames = phrases.map(p => framesOf(p.text));
  for (const fs2 of frames) for (const f of fs2) need.set(f.key, new Map());
  const swapped = new Map<string, number>();
  for (const p of phrases) for (let i = 0; i + 4 <= p.text.length; i++) swapped.set(p.text.slice(i + 2, i + 4) + p.text.slice(i, i + 2), 0);
  for (const cl of files)
    for (const s of cl)
      for (let i = 1; i < s.length; i++) {
        const x = swapped.get(s.slice(i - 1, i + 3));
        if (x !== undefined) swapped.set(s.slice(i - 1, i + 3), x + 1);
        for (let len = 1; len <= 2; len++)
          for (let l = 1; l <= 2 && l <= i; l++)
            for (let r = 1; r <= 2 && i + len + r <= s.length; r++) {
              const m = need.get(`${len}|${s.slice(i - l, i)}|${s.slice(i + len, i + len + r)}`);
              if (!m) continue;
              const f = s.slice(i, i + len);
              m.set(f, (m.get(f) ?? 0) + 1);
            }
      }
  phrases.forEach((p, k) => {
    const open: string[] = [];
    for (const f of frames[k]) {
      const slot = f.slot;
      const at = Number(slot.slice(1));
      const mine = slot[0] === 's' ? p.text[at] : slot[0] === 'w' ? p.text.slice(at, at + 2) : '';
      let others = 0;
      for (const [filler, c] of need.get(f.key)!) if (filler !== mine) others += c;
      if (others >= OPEN_OTHERS) open.push(slot);
    }
    // Two two-character parts that the corpus also writes the other way round (经济社会/社会经济, 传统文化/文化传统).
    for (let i = 0; i + 4 <= p.text.length; i++) if ((swapped.get(p.text.slice(i + 2, i + 4) + p.text.slice(i, i + 2)) ?? 0) > 0) open.push(`x${i}`);
    p.open = open;
  });
}

export function minePhrases(dirs: string[]): { phrases: MinedPhrase[]; files: number; chars: number } {
  const files: string[][] = [];
  const texts: string[] = [];
  let chars = 0;
  for (const d of dirs)
    for (const f of textFiles(d)) {
      const t = fs.readFileSync(f, 'utf8');
      chars += t.replace(/\s/g, '').length;
      files.push(clausesOf(t));
      texts.push(t);
    }
  // Counts (and files) of n-grams, n = MIN_LEN … MAX_LEN + 1 (one more, for the closedness test), grown from the
  // frequent (n-1)-grams: an n-gram is counted only when both its (n-1)-grams are frequent.
  const count = new Map<string, number>();
  const docs = new Map<string, number>();
  let prev: Set<string> | undefined;
  for (let n = MIN_LEN; n <= MAX_LEN + 1; n++) {
    const c = new Map<string, number>();
    const dc = new Map<string, number>();
    files.forEach(cl => {
      const seen = new Set<string>();
      for (const s of cl)
        for (let i = 0; i + n <= s.length; i++) {
          const g = s.slice(i, i + n);
          if (prev && (!prev.has(g.slice(0, -1)) || !prev.has(g.slice(1)))) continue;
          c.set(g, (c.get(g) ?? 0) + 1);
          if (!seen.has(g)) {
            seen.add(g);
            dc.set(g, (dc.get(g) ?? 0) + 1);
          }
        }
    });
    const next = new Set<string>();
    for (const [g, k] of c)
      if (k >= MIN_COUNT && (dc.get(g) ?? 0) >= MIN_DOCS) {
        next.add(g);
        count.set(g, k);
        docs.set(g, dc.get(g)!);
      }
    prev = next;
    if (!next.size) break;
  }
  // Closedness: the most frequent one-character extension on each side.
  const leftBest = new Map<string, number>();
  const rightBest = new Map<string, number>();
  for (const [g, k] of count) {
    const l = g.slice(1);
    const r = g.slice(0, -1);
    if (k > (leftBest.get(l) ?? 0)) leftBest.set(l, k);
    if (k > (rightBest.get(r) ?? 0)) rightBest.set(r, k);
  }
  let cands = [...count.keys()].filter(g => {
    if (g.length > MAX_LEN) return false;
    const k = count.get(g)!;
    if (EDGE_START.has(g[0]) || EDGE_END.has(g[g.length - 1])) return false;
    return (leftBest.get(g) ?? 0) < CLOSED_SHARE * k && (rightBest.get(g) ?? 0) < CLOSED_SHARE * k;
  });
  // Cohesion: counts of every part (2 … length-2 characters) of a candidate, in one more pass.
  const parts = new Map<string, number>();
  for (const g of cands) for (let k = 2; k <= g.length - 2; k++) {
    parts.set(g.slice(0, k), 0);
    parts.set(g.slice(k), 0);
  }
  let maxPart = 0;
  for (const p of parts.keys()) maxPart = Math.max(maxPart, p.length);
  for (const cl of files)
    for (const s of cl)
      for (let i = 0; i < s.length; i++)
        for (let n = 2; n <= maxPart && i + n <= s.length; n++) {
          const p = s.slice(i, i + n);
          const c = parts.get(p);
          if (c !== undefined) parts.set(p, c + 1);
        }
  cands = cands.filter(g => {
    const k = count.get(g)!;
    for (let s = 2; s <= g.length - 2; s++) {
      const rarer = Math.min(parts.get(g.slice(0, s))!, parts.get(g.slice(s))!);
      if (k < MIN_COHESION * rarer) return false;
    }
    return true;
  });
  const aligned = alignedCounts(texts, cands);
  cands = cands.filter(g => aligned.get(g)! >= MIN_ALIGNED * count.get(g)!);
  // Variants: the corpus's own spans one edit away from each phrase. A span that is itself a phrase of the index is
  // not counted (near leaves it out), so the count is redone over the phrases kept until none is dropped: a phrase
  // dropped in one round (中缅经济走廊) is a variant of another (缅中经济走廊) in the next.
  let phrases: MinedPhrase[] = cands.map(t => ({ text: t, count: count.get(t)!, docs: docs.get(t)!, variants: [] }));
  for (let round = 0; round < 4; round++) {
    const index = new PhraseIndex(phrases);
    const variants = new Map<string, Map<string, number>>();
    for (const cl of files)
      for (const s of cl)
        for (const h of index.near(s)) {
          // The first or last character replaced is where a run of characters meets its context (三中/四中全会精神),
          // not a variant of the phrase (the rule takes there only a homophone that makes no word).
          if (h.kind === 'replaced' && (h.from === 0 || h.to === h.phrase.text.length)) continue;
          let v = variants.get(h.phrase.text);
          if (!v) variants.set(h.phrase.text, (v = new Map()));
          v.set(h.written, (v.get(h.written) ?? 0) + 1);
        }
    let next = phrases.filter(p => {
      const v = variants.get(p.text);
      p.variants = [];
      if (!v) return true;
      let n = 0;
      for (const c of v.values()) n += c;
      if (n > MAX_VARIANT_SHARE * p.count || v.size > MAX_VARIANTS) return false;
      p.variants = [...v.keys()].sort();
      return true;
    });
    // A phrase inside a kept longer one that has nearly all its uses adds nothing.
    const kept = new Set(next.map(p => p.text));
    next = next.filter(p => {
      for (const q of kept) if (q !== p.text && q.length > p.text.length && q.includes(p.text) && count.get(q)! >= CLOSED_SHARE * p.count) return false;
      return true;
    });
    const stable = next.length === phrases.length;
    phrases = next;
    if (stable) break;
  }
  openSlots(files, phrases);
  phrases.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return { phrases, files: files.length, chars };
}

export function formatPhrases(dirs: string[], r: ReturnType<typeof minePhrases>): string {
  const header = [
    `# Mined formulation lexicon for formulation/mined-phrase, built by scripts/mine-formulations.ts; phrases and counts only, no running text.`,
    `# Reference corpus: ${dirs.map(d => path.basename(d)).join(', ')} (${r.files} files, ${r.chars} characters). A phrase: ${MIN_LEN}–${MAX_LEN} Han characters within a clause,`,
    `# at least ${MIN_COUNT} times in at least ${MIN_DOCS} files; no one character before or after it in ${CLOSED_SHARE * 100}% of its uses; no function word at an edge;`,
    `# both edges on word boundaries of the shipped segmenter in ${MIN_ALIGNED * 100}% of its uses; at every split, at least ${MIN_COHESION * 100}% of the uses of the rarer part; one-edit variants in at most ${MAX_VARIANT_SHARE * 100}% of its uses, at most ${MAX_VARIANTS} of them.`,
    `# A slot (s: one character, w: two characters, g: the gap before a character, x: the four characters from there written in the other order; by position) is open when the corpus puts other characters there (same context of two characters each side) ${OPEN_OTHERS} times or more.`,
    `# Lines: phrase, occurrences, files, the one-edit variants the corpus writes, the open slots (space-separated).`,
  ];
  return header.join('\n') + '\n' + r.phrases.map(p => [p.text, p.count, p.docs, p.variants.join(' '), (p.open ?? []).join(' ')].join('\t')).join('\n') + '\n';
}

function main(argv: string[]): number {
  const dirs = argv.filter(a => !a.startsWith('--'));
  const out = argv.find(a => a.startsWith('--out='))?.slice(6) ?? path.join(dictDir(), PHRASES_FILE);
  if (!dirs.length) {
    console.error('usage: node out/scripts/mine-formulations.js <corpus folder…> [--out=FILE] [--check]');
    return 2;
  }
  const r = minePhrases(dirs);
  const text = formatPhrases(dirs, r);
  if (argv.includes('--check')) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === text;
    console.log(same ? `${out} is current (${r.phrases.length} phrases)` : `${out} differs from what the corpus gives: run without --check`);
    return same ? 0 : 1;
  }
  fs.writeFileSync(out, text);
  console.log(`wrote ${out}: ${r.phrases.length} phrases`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
