// Recall of 漏字 / 多字 in ordinary frequent terms on generated slips:
//   node out/scripts/term-slip-recall.js <text files or folders…> [--kind=omit|double|both] [--max=N] [--seed=S]
//     [--min=N] [--show=K]
// The terms are taken from the given text itself (not from the term-slip index): runs of one to three tokens (as the
// shipped segmenter cuts the text) of 3–6 characters that it writes at least --min times (default 10). In a sentence
// holding such a term, one inner character of the term that belongs to a word of two or more characters is dropped
// (omit: 高质量发展 → 高质发展), or one inner character is typed twice (double: 现代化 → 现代代化). Each slipped
// sentence is linted alone with wording/typo and wording/doubled-word; a slip is found when a finding covers it and
// its fix restores the sentence. The clean sentences the slips were made in are linted too: their findings of the two rules are false alarms.
// For a held-out measure, build the index from other months (build-term-slips.js --out=FILE) and run with
// DRAFT_LINT_TERM_SLIPS=FILE; DRAFT_LINT_TERM_SLIPS=/nonexistent measures without the index. Nothing of the text is
// written anywhere; the output is counts and a few examples.
import * as fs from 'fs';
import { lint } from '../src/core/engine';
import { defaultConfig, Rule } from '../src/core/types';
import { loadSegmenter } from '../src/segmenter';
import { prng } from '../src/core/prng';
import { typo } from '../src/rules/wording/typo';
import { doubledWord } from '../src/rules/wording/doubled-word';
import { sentencesOf, textFiles } from './typo-recall';

const RULES: Rule[] = [typo, doubledWord];
type Kind = 'omit' | 'double';

interface Generated {
  kind: Kind;
  sentence: string;
  text: string;
  /** The slip's place in `text` (the characters around the change). */
  offset: number;
  length: number;
  term: string;
}

function options() {
  const config = defaultConfig();
  config.rules = Object.fromEntries(RULES.map(r => [r.meta.id, { severity: r.meta.defaultSeverity }]));
  return { rules: RULES, config, segmenter: loadSegmenter().segmenter! };
}

function main(argv: string[]): number {
  const opt = (k: string, d: number) => Number(argv.find(a => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const kindArg = argv.find(a => a.startsWith('--kind='))?.slice(7) ?? 'both';
  const kinds: Kind[] = kindArg === 'both' ? ['omit', 'double'] : [kindArg as Kind];
  const files = argv.filter(a => !a.startsWith('--')).flatMap(textFiles);
  if (!files.length) {
    console.error('usage: node out/scripts/term-slip-recall.js <files or folders…> [--kind=omit|double|both] [--max=N] [--seed=S] [--min=N] [--show=K]');
    return 2;
  }
  const seg = loadSegmenter().segmenter!;
  const sentences = [...new Set(files.flatMap(f => sentencesOf(fs.readFileSync(f, 'utf8'))))];
  // The terms of the text, with their inner token boundaries, and the sentences that hold each.
  const count = new Map<string, number>();
  const cutsOf = new Map<string, Set<number>>();
  const where = new Map<string, number[]>();
  sentences.forEach((s, si) => {
    const toks = seg.cut(s).map(t => t.word);
    for (let a = 0; a < toks.length; a++) {
      let w = '';
      const cuts = new Set<number>();
      for (let b = a; b < a + 3 && b < toks.length; b++) {
        if (b > a) cuts.add(w.length);
        w += toks[b];
        if (!/^[\u4e00-\u9fff]+$/.test(w) || w.length > 6) break;
        if (w.length < 3) continue;
        count.set(w, (count.get(w) ?? 0) + 1);
        if (!cutsOf.has(w)) cutsOf.set(w, new Set(cuts));
        let l = where.get(w);
        if (!l) where.set(w, (l = []));
        if (l.length < 50) l.push(si);
      }
    }
  });
  const terms = [...count].filter(([, c]) => c >= opt('min', 10)).map(([w]) => w).sort();
  const rand = prng(opt('seed', 1));
  const max = opt('max', 300);
  const show = opt('show', 10);
  console.log(`${sentences.length} sentences, ${terms.length} terms written >= ${opt('min', 10)} times`);
  const used = new Set<string>();
  for (const kind of kinds) {
    const slips: Generated[] = [];
    for (let tries = 0; slips.length < max && tries < max * 20; tries++) {
      const term = terms[Math.floor(rand() * terms.length)];
      const cuts = cutsOf.get(term)!;
      const inner = [...Array(term.length - 2).keys()].map(i => i + 1).filter(k => kind === 'double' || !(cuts.has(k) && cuts.has(k + 1)));
      if (kind === 'omit' && term.length < 4) continue;
      if (!inner.length) continue;
      const k = inner[Math.floor(rand() * inner.length)];
      const list = where.get(term)!;
      const sentence = sentences[list[Math.floor(rand() * list.length)]];
      const at = sentence.indexOf(term);
      const written = kind === 'omit' ? term.slice(0, k) + term.slice(k + 1) : term.slice(0, k + 1) + term.slice(k);
      const text = sentence.slice(0, at) + written + sentence.slice(at + term.length);
      used.add(sentence);
      slips.push({ kind, sentence, text, offset: at + k - (kind === 'omit' ? 1 : 0), length: 2, term });
    }
    let found = 0;
    let warn = 0;
    const missed: string[] = [];
    for (const s of slips) {
      const r = lint(s.text, options());
      const f = r.diagnostics.find(d => {
        if (!d.fix || d.offset > s.offset || d.offset + d.length < s.offset + s.length) return false;
        return s.text.slice(0, d.fix.offset) + d.fix.text + s.text.slice(d.fix.offset + d.fix.length) === s.sentence;
      });
      if (f) {
        found++;
        if (f.severity !== 'info') warn++;
      } else missed.push(`${s.text.slice(Math.max(0, s.offset - 3), s.offset + s.length + 3)}(${s.term})`);
    }
    const pct = (x: number) => (slips.length ? ((100 * x) / slips.length).toFixed(1) : '-');
    console.log(`${kind}: ${slips.length} slips, found ${found} (${pct(found)}%), as warnings or errors ${warn} (${pct(warn)}%)`);
    if (show) console.log(`  missed e.g. ${missed.slice(0, show).join(' ')}`);
  }
  // False alarms of the two rules on the clean sentences the slips were made in.
  let chars = 0;
  const alarms: string[] = [];
  let warnings = 0;
  for (const s of used) {
    chars += s.length;
    for (const d of lint(s, options()).diagnostics) {
      if (d.severity !== 'info') warnings++;
      alarms.push(`${d.severity === 'info' ? 'i' : 'W'}:${d.ruleId.slice(8)}:${s.slice(Math.max(0, d.offset - 3), d.offset)}[${s.slice(d.offset, d.offset + d.length)}→${d.expected ?? ''}]${s.slice(d.offset + d.length, d.offset + d.length + 3)}`);
    }
  }
  const per = (x: number) => ((x / chars) * 1e4).toFixed(2);
  console.log(`clean text: the ${used.size} sentences the slips were made in, ${chars} characters; findings ${alarms.length} (${per(alarms.length)} per 10k), warnings or errors ${warnings} (${per(warnings)} per 10k)`);
  if (show) console.log(`  ${alarms.slice(0, show * 3).join(' ')}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
