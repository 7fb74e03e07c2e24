// The term-slip index (src/segmenter/dict/term.slips.utf8): ordinary frequent terms of 3–6 characters that edited text
// writes (高质量发展, 基础设施建设, 现代化), each indexed by the non-words it becomes when one inner character is dropped
// (高质发展, 基础设建设: 漏字, wording/typo) or typed twice (现代代化, 高质质量: 多字, wording/doubled-word); and the
// character pairs the dictionaries lack that edited text writes as a unit (卒中, in 卒中中心: a doubled character that is
// a term's last and the next word's first, not a slip).
// Only counts and the terms are written, no text. A term is a run of one to three tokens (as the shipped segmenter cuts
// the corpus) written at least MIN_TERM times in MIN_DOCS articles; a key is kept when the corpus writes it at most
// 1/KEY_RATIO as often as the term (usually never) and no more frequent term owns it.
// Usage: npx tsc -p . && node out/scripts/build-term-slips.js <corpus folder…> [--out=FILE] [--check]
//   --check: rebuild in memory and compare with the shipped file (exit 1 when it differs).
// Writes the text and, beside it, its prebuilt binary (x.utf8 → x.bin, not committed; src/segmenter/term-slips.ts).
import * as fs from 'fs';
import * as path from 'path';
import { loadSegmenter } from '../src/segmenter';
import { dictDir } from './build-dict';
import { textFiles } from './build-typo-lexicon';
import { buildTermSlipBinary, TERM_SLIPS_FILE, termSlipBinFor } from '../src/segmenter/term-slips';


/** A term is written at least this often, in at least this many articles. */
export const MIN_TERM = 15;
const MIN_DOCS = 5;
/** A key (the term with a character dropped or doubled) is written at most 1/KEY_RATIO as often as the term. */
const KEY_RATIO = 300;
/** A collocated pair: written at least this often, in this many articles, and this many times more often than its two
 *  characters would meet by chance (or MIN_PAIR_SHARE). */
const MIN_PAIR = 5;
const MIN_PAIR_DOCS = 3;
const MIN_PAIR_LIFT = 200;
/** … or the rarer character stands in the pair at least this share of the times it is written (卒中: 卒 is rare). */
const MIN_PAIR_SHARE = 0.25;

const HAN = /[\u4e00-\u9fff]+/g;

interface Built {
  text: string;
  terms: number;
  omit: number;
  double: number;
  pairs: number;
}

export function build(dirs: string[]): Built {
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('nodejieba could not be loaded');
  const lex = seg.lexicon?.();
  const files = dirs.flatMap(d => [...textFiles(d)]).sort();
  // Han runs of each article, and the token sequences (1–3 tokens, 3–6 characters) with their inner token boundaries.
  const termCount = new Map<string, number>();
  const termDocs = new Map<string, number>();
  const termCuts = new Map<string, string>();
  const charCount = new Map<string, number>();
  const pairCount = new Map<string, number>();
  const pairDocs = new Map<string, number>();
  const runs: string[] = [];
  let chars = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const seenTerms = new Set<string>();
    const seenPairs = new Set<string>();
    for (const m of text.matchAll(HAN)) {
      const run = m[0];
      runs.push(run);
      chars += run.length;
      for (let i = 0; i < run.length; i++) {
        charCount.set(run[i], (charCount.get(run[i]) ?? 0) + 1);
        if (i + 1 < run.length) {
          const p = run.slice(i, i + 2);
          pairCount.set(p, (pairCount.get(p) ?? 0) + 1);
          seenPairs.add(p);
        }
      }
      if (run.length < 3) continue;
      const toks = seg.cut(run).map(t => t.word);
      for (let a = 0; a < toks.length; a++) {
        let w = '';
        let cuts = '';
        for (let b = a; b < a + 3 && b < toks.length; b++) {
          if (b > a) cuts += String(w.length);
          w += toks[b];
          if (w.length > 6) break;
          if (w.length < 3) continue;
          termCount.set(w, (termCount.get(w) ?? 0) + 1);
          seenTerms.add(w);
          if (!termCuts.has(w)) termCuts.set(w, cuts);
        }
      }
    }
    for (const w of seenTerms) termDocs.set(w, (termDocs.get(w) ?? 0) + 1);
    for (const p of seenPairs) pairDocs.set(p, (pairDocs.get(p) ?? 0) + 1);
  }
  // The frequent terms, and their keys.
  const terms = [...termCount].filter(([w, c]) => c >= MIN_TERM && (termDocs.get(w) ?? 0) >= MIN_DOCS);
  const keys = new Map<string, { kind: 'O' | 'D'; term: string; count: number }>();
  const offer = (key: string, kind: 'O' | 'D', term: string, count: number) => {
    const had = keys.get(key);
    if (!had || had.count < count || (had.count === count && had.term > term)) keys.set(key, { kind, term, count });
  };
  for (const [w, c] of terms) {
    const cuts = new Set((termCuts.get(w) ?? '').split('').map(Number));
    for (let k = 1; k + 1 < w.length; k++) {
      // 漏字: the character dropped belongs to a word of two or more characters with a neighbour inside the term
      // (基础设[施]建设), so that what is left is broken, not two whole words; three characters at least remain.
      const inWord = !(cuts.has(k) && cuts.has(k + 1));
      if (w.length >= 4 && inWord) offer(w.slice(0, k) + w.slice(k + 1), 'O', w, c);
      // 多字: an inner character typed twice (现代[代]化).
      offer(w.slice(0, k + 1) + w.slice(k), 'D', w, c);
    }
  }
  // How often the corpus writes each key anywhere (across words too).
  const keyCount = new Map<string, number>();
  for (const run of runs)
    for (let i = 0; i < run.length; i++)
      for (let len = 3; len <= 7 && i + len <= run.length; len++) {
        const s = run.slice(i, i + len);
        if (keys.has(s)) keyCount.set(s, (keyCount.get(s) ?? 0) + 1);
      }
  // One line per term: for each position, whether its omit and double keys are kept ('0': the corpus never writes the
  // key, '1': it does, rarely; '.': not kept). The keys are made again when the index is loaded.
  const marks = new Map<string, { omit: string[]; double: string[]; count: number }>();
  let omit = 0;
  let double = 0;
  for (const [key, e] of keys) {
    const kc = keyCount.get(key) ?? 0;
    if (kc * KEY_RATIO > e.count) continue;
    // A key that is itself a word of the dictionaries or the lexicon is no broken term.
    if (seg.isWord(key) || lex?.known(key)) continue;
    let m = marks.get(e.term);
    if (!m) marks.set(e.term, (m = { omit: [...'.'.repeat(e.term.length)], double: [...'.'.repeat(e.term.length)], count: e.count }));
    const k = e.kind === 'O' ? [...e.term].findIndex((c, i) => key.slice(0, i) + e.term.slice(i + 1) === key && i > 0) : [...e.term].findIndex((c, i) => i > 0 && e.term.slice(0, i + 1) + e.term.slice(i) === key);
    (e.kind === 'O' ? m.omit : m.double)[k] = kc ? '1' : '0';
    if (e.kind === 'O') omit++;
    else double++;
  }
  const lines: string[] = [];
  for (const [term, m] of marks) lines.push(`T\t${term}\t${m.count}\t${m.omit.join('')}\t${m.double.join('')}`);
  // Collocated pairs the dictionaries lack.
  let pairs = 0;
  for (const [p, c] of pairCount) {
    if (c < MIN_PAIR || (pairDocs.get(p) ?? 0) < MIN_PAIR_DOCS || p[0] === p[1]) continue;
    const lift = (c * chars) / ((charCount.get(p[0]) ?? 1) * (charCount.get(p[1]) ?? 1));
    const share = c / Math.min(charCount.get(p[0]) ?? 1, charCount.get(p[1]) ?? 1);
    if ((lift < MIN_PAIR_LIFT && share < MIN_PAIR_SHARE) || seg.isWord(p) || lex?.known(p)) continue;
    lines.push(`P\t${p}\t${c}`);
    pairs++;
  }
  lines.sort();
  const header = [
    `# Term-slip index, built by scripts/build-term-slips.ts from ${files.length} files, ${chars} Han characters (${dirs.map(d => path.basename(d)).join(', ')}).`,
    `# T term count omit double: a run of 1–3 tokens written >= ${MIN_TERM} times in >= ${MIN_DOCS} articles; omit/double mark, per position, whether`,
    `# the term with that character dropped/typed twice is a key: '0' the corpus never writes it, '1' at most count/${KEY_RATIO} times, '.' no key.`,
    `# P pair count: two characters no dictionary joins, written >= ${MIN_PAIR} times in >= ${MIN_PAIR_DOCS} articles, >= ${MIN_PAIR_LIFT} times as often as by chance or in >= ${MIN_PAIR_SHARE * 100}% of the rarer character's uses.`,
  ];
  return { text: header.join('\n') + '\n' + lines.join('\n') + '\n', terms: terms.length, omit, double, pairs };
}

function main(argv: string[]): number {
  const dirs = argv.filter(a => !a.startsWith('--'));
  const out = argv.find(a => a.startsWith('--out='))?.slice(6) ?? path.join(dictDir(), TERM_SLIPS_FILE);
  if (!dirs.length) {
    console.error('usage: node out/scripts/build-term-slips.js <corpus folder…> [--out=FILE] [--check]');
    return 2;
  }
  const b = build(dirs);
  console.error(`${b.terms} terms; ${b.omit} 漏字 keys, ${b.double} 多字 keys, ${b.pairs} pairs; ${Buffer.byteLength(b.text)} bytes`);
  if (argv.includes('--check')) {
    const same = fs.existsSync(out) && fs.readFileSync(out, 'utf8') === b.text;
    console.error(same ? `${out} is up to date` : `${out} differs from a rebuild`);
    return same ? 0 : 1;
  }
  fs.writeFileSync(out, b.text);
  // Its prebuilt binary beside it (src/segmenter/term-slips.ts; npm run build writes the shipped one too): without it,
  // or with one of another text, the loader parses the text.
  fs.writeFileSync(termSlipBinFor(out), buildTermSlipBinary(Buffer.from(b.text, 'utf8')));
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
