// `node out/scripts/mined-recall.js [folder|file …] [--lexicon=FILE] [--only=FILE] [--minus=FILE] [--seed=N] [--max=N] [--show]`:
// the injected-slip self-check of formulation/mined-phrase. In the given documents (default: ../shared/corpus/real and
// ../shared/corpus/seeds) it finds the phrases of the mined lexicon (--lexicon, default the shipped one) that are not
// part of a phrase of the hand-made pack (formulations.json) and, one at a time, puts a slip into one occurrence:
//   homophone   a character of a word replaced by a homophone (资政 → 咨政);
//   synonym     a two-character word replaced by a near-synonym (scripts/formulation-recall.ts SYNONYMS);
//   swap        two adjacent two-character words swapped (协商民主 → 民主协商);
//   transpose   two adjacent characters of a word swapped (现代化 → 现化代);
//   drop        a character of a word dropped (价值观 → 价观);
//   double      a character of a word written twice (现代代化).
// The paragraph is linted before and after (all rules, built-in config); a slip counts as found when a new finding
// overlaps the changed text (and is counted apart when it is formulation/mined-phrase's). --only=FILE restricts the
// phrases to those of another lexicon file that the first does not have (held-out: mine two months, inject into
// phrases mined only from the third). Nothing of the documents is written anywhere.
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../src/lint';
import { loadSegmenter } from '../src/segmenter';
import { parsePhrases } from '../src/segmenter/phrases';
import { prng } from '../src/core/prng';
import { builtinPackSet } from '../src/core/packs';
import { entriesOf, normalize } from '../src/rules/formulation/_lib/pack-entries';
import { SYNONYMS } from './formulation-recall';
import { textFiles } from './build-typo-lexicon';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared/corpus');

interface Slip {
  cls: string;
  /** The line as written, and with the slip. */
  orig: string;
  line: string;
  start: number;
  end: number;
  what: string;
}

function filesOf(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (fs.statSync(a).isDirectory()) out.push(...textFiles(a));
    else out.push(a);
  }
  return out.sort();
}

function main(argv: string[]): void {
  const opt = (k: string) => argv.find(a => a.startsWith(`--${k}=`))?.slice(k.length + 3);
  const args = argv.filter(a => !a.startsWith('--'));
  const files = filesOf(args.length ? args : [path.join(SHARED, 'real'), path.join(SHARED, 'seeds')]);
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('segmenter not loaded');
  const lexFile = opt('lexicon');
  if (lexFile) process.env.DRAFT_LINT_MINED_PHRASES = lexFile;
  const lex = seg.minedPhrases?.();
  if (!lex) throw new Error('no mined lexicon');
  const onlyFile = opt('only');
  let phrases = lex.phrases.map(p => p.text);
  if (onlyFile) {
    const other = parsePhrases(fs.readFileSync(onlyFile, 'utf8'));
    phrases = other.phrases.map(p => p.text).filter(t => !lex.get(t));
  }
  // --minus=FILE: leave out the phrases of another lexicon too (the baseline of a held-out run: --lexicon=<empty>
  // --only=C --minus=A draws the same slips as --lexicon=A --only=C).
  const minusFile = opt('minus');
  if (minusFile) {
    const minus = parsePhrases(fs.readFileSync(minusFile, 'utf8'));
    phrases = phrases.filter(t => !minus.get(t));
  }
  const pack = entriesOf(builtinPackSet(), 'phrase').flatMap(e => [e.text, ...(e.variants ?? [])].map(normalize));
  phrases = phrases.filter(t => !pack.some(p => p.includes(t) || t.includes(p)));
  const rand = prng(Number(opt('seed') ?? '1'));
  const max = Number(opt('max') ?? '400');
  const lx = seg.lexicon?.();
  const syn = new Map<string, string>();
  for (const [a, b] of SYNONYMS) {
    if (!syn.has(a)) syn.set(a, b);
    if (!syn.has(b)) syn.set(b, a);
  }
  const byStart = new Map<string, string[]>();
  for (const p of phrases) {
    const k = p.slice(0, 2);
    byStart.set(k, [...(byStart.get(k) ?? []), p]);
  }
  // Slips, by class.
  const slips = new Map<string, Slip[]>();
  const add = (s: Slip) => slips.set(s.cls, [...(slips.get(s.cls) ?? []), s]);
  const usedPhrase = new Set<string>();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    for (const line of text.split('\n')) {
      for (let i = 0; i + 2 <= line.length; i++) {
        for (const p of byStart.get(line.slice(i, i + 2)) ?? []) {
          if (!line.startsWith(p, i)) continue;
          // One occurrence per phrase and document line is enough; one phrase at most three times overall.
          const key = `${p}`;
          const n = usedPhrase.has(key + '#2') ? 3 : usedPhrase.has(key + '#1') ? 2 : usedPhrase.has(key) ? 1 : 0;
          if (n >= 3) continue;
          usedPhrase.add(n === 0 ? key : `${key}#${n}`);
          let pos = i;
          const words = seg.cut(p).map(t => {
            const w = { w: t.word, s: pos };
            pos += t.word.length;
            return w;
          });
          const put = (cls: string, a: number, b: number, rep: string, what: string) =>
            add({ cls, orig: line, line: line.slice(0, a) + rep + line.slice(b), start: Math.max(0, a - (rep ? 0 : 1)), end: a + Math.max(rep.length, 1), what: `${p}: ${what}` });
          words.forEach((w, k) => {
            if (w.w.length < 2) return;
            // homophone: one character of the word.
            const ci = Math.floor(rand() * w.w.length);
            const ch = w.w[ci];
            const hs = [...(lx?.homophones(ch) ?? '')].filter(c => c !== ch);
            if (hs.length) {
              const h = hs[Math.floor(rand() * hs.length)];
              put('homophone', w.s + ci, w.s + ci + 1, h, `${ch}→${h}`);
            }
            const s = syn.get(w.w);
            if (s) put('synonym', w.s, w.s + 2, s, `${w.w}→${s}`);
            const nx = words[k + 1];
            if (w.w.length === 2 && nx && nx.w.length === 2 && nx.w !== w.w) {
              const sl = { cls: 'swap', orig: line, line: line.slice(0, w.s) + nx.w + w.w + line.slice(nx.s + 2), start: w.s, end: nx.s + 2, what: `${p}: ${w.w}${nx.w}→${nx.w}${w.w}` };
              add(sl);
            }
            const ti = Math.floor(rand() * (w.w.length - 1));
            if (w.w[ti] !== w.w[ti + 1]) put('transpose', w.s + ti, w.s + ti + 2, w.w[ti + 1] + w.w[ti], `${w.w[ti]}${w.w[ti + 1]}→${w.w[ti + 1]}${w.w[ti]}`);
            const di = Math.floor(rand() * w.w.length);
            put('drop', w.s + di, w.s + di + 1, '', `-${w.w[di]}`);
            put('double', w.s + di, w.s + di + 1, w.w[di] + w.w[di], `+${w.w[di]}`);
          });
        }
      }
    }
  }
  const pick = <T>(xs: T[], n: number): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, n);
  };
  const baseCache = new Map<string, Set<string>>();
  let F = 0;
  let M = 0;
  let T = 0;
  const missed: string[] = [];
  for (const cls of ['homophone', 'synonym', 'swap', 'transpose', 'drop', 'double']) {
    const all = slips.get(cls) ?? [];
    let found = 0;
    let mined = 0;
    const chosen = pick(all, Math.ceil(max / 6));
    for (const s of chosen) {
      let base = baseCache.get(s.orig);
      if (!base) baseCache.set(s.orig, (base = new Set(lint(s.orig, { segmenter: seg }).diagnostics.map(d => `${d.ruleId}:${d.message}`))));
      const res = lint(s.line, { segmenter: seg });
      const hits = res.diagnostics.filter(d => d.offset < s.end && s.start < d.offset + Math.max(1, d.length));
      // Findings the unchanged line has too are not the slip's (compare by rule and message).
      const fresh = hits.filter(d => !base.has(`${d.ruleId}:${d.message}`));
      if (fresh.length) found++;
      if (fresh.some(d => d.ruleId === 'formulation/mined-phrase')) mined++;
      else if (argv.includes('--show')) missed.push(`${cls} ${s.what} | ${s.line.slice(Math.max(0, s.start - 10), s.end + 10)}${fresh.length ? ' [' + fresh.map(d => d.ruleId).join(',') + ']' : ''}`);
    }
    console.log(`${cls.padEnd(10)} any rule ${found}/${chosen.length}  mined-phrase ${mined}/${chosen.length}`);
    F += found;
    M += mined;
    T += chosen.length;
  }
  console.log(`total      any rule ${F}/${T} (${((100 * F) / Math.max(1, T)).toFixed(1)}%)  mined-phrase ${M}/${T} (${((100 * M) / Math.max(1, T)).toFixed(1)}%)  [${phrases.length} phrases outside the pack, ${files.length} files]`);
  for (const m of missed) console.log('MISSED ' + m);
}

main(process.argv.slice(2));
