// Recall of the typo rules on generated input-method slips: node out/scripts/typo-recall.js <text files or folders…>
// [--max=N] [--seed=S] [--show=K] [--per-doc=N] [--no-doc]. Sentences of correct formal text (the seeds, published reports) are cut by the
// shipped segmenter; in a frequent word of 2–4 characters (reference-corpus count ≥ 50) one character is replaced
//   - homophone: by a common character of the same toneless pinyin (pinyin-pro's usual reading) giving a non-word;
//   - near: by a common character of a near reading (zh/z, ch/c, sh/s, n/l, in/ing, en/eng, an/ang) giving a non-word;
//   - realword: a two-character word by a rarer dictionary word of the same pinyin (设施 → 实施).
// Each slipped sentence is linted alone with wording/typo, wording/confusable-char, wording/misspelling and
// wording/homophone-word; a slip is
// found when a finding covers it and its fix restores the character. The clean sentences are linted too: findings on
// them are false alarms (text none of the statistics came from when the files are not People's Daily).
// Nothing of the text is written anywhere; the output is counts and a few examples.
import * as fs from 'fs';
import * as path from 'path';
import { pinyin } from 'pinyin-pro';
import { lint } from '../src/core/engine';
import { defaultConfig, Rule } from '../src/core/types';
import { dictDir, loadSegmenter } from '../src/segmenter';
import { prng } from '../src/core/prng';
import { nearReadings } from '../src/segmenter/lexicon';
import { typo } from '../src/rules/wording/typo';
import { isFormalType } from '../src/core/register';

/** Whether the text last linted by finding() gets hints (a 政协 type or short). */
let lastFormal = true;
import { confusableChar } from '../src/rules/wording/confusable-char';
import { misspelling } from '../src/rules/wording/misspelling';
import { homophoneWord } from '../src/rules/wording/homophone-word';

const HAN = /^[\u4e00-\u9fff]+$/;
export type SlipClass = 'homophone' | 'near' | 'realword';

export interface GeneratedSlip {
  cls: SlipClass;
  sentence: string;
  text: string;
  offset: number;
  length: number;
  wrong: string;
  right: string;
}

const usual = (ch: string): string => pinyin(ch, { toneType: 'none' });

export function textFiles(p: string): string[] {
  if (fs.statSync(p).isDirectory()) return fs.readdirSync(p).sort().flatMap(e => textFiles(path.join(p, e)));
  return /\.(txt|md)$/.test(p) ? [p] : [];
}

/** Common characters (compact dictionary, jieba frequency ≥ 1000) by usual toneless reading. */
function commonBySound(): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of fs.readFileSync(path.join(dictDir(), 'compact.dict.utf8'), 'utf8').split('\n')) {
    const [w, f] = line.split(' ');
    if (!w || w.length !== 1 || !HAN.test(w) || Number(f) < 1000) continue;
    const r = usual(w);
    if (!m.has(r)) m.set(r, []);
    m.get(r)!.push(w);
  }
  return m;
}

/** Slips generated from the sentences (one per slipped sentence), at most `max` per class. */
export function generate(sentences: string[], seed: number, max: number): GeneratedSlip[] {
  const seg = loadSegmenter().segmenter!;
  const lex = seg.lexicon!()!;
  const rnd = prng(seed);
  const bySound = commonBySound();
  const isWord = (w: string) => seg.isWord(w) || lex.known(w);
  const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(rnd() * xs.length)] : undefined);
  // Two-character words by reading (for real-word slips).
  const out: GeneratedSlip[] = [];
  const count = { homophone: 0, near: 0, realword: 0 };
  const order = sentences.map((s, i) => [rnd(), i] as const).sort((a, b) => a[0] - b[0]).map(x => sentences[x[1]]);
  for (const sentence of order) {
    const toks = seg.cut(sentence).filter(t => t.word.length >= 2 && t.word.length <= 4 && HAN.test(t.word) && (lex.word(t.word)?.corpus ?? 0) >= 50);
    const t = pick(toks);
    if (!t) continue;
    const cls: SlipClass = (['homophone', 'homophone', 'near', 'realword'] as SlipClass[])[Math.floor(rnd() * 4)];
    if (count[cls] >= max) continue;
    if (cls === 'realword') {
      if (t.word.length !== 2) continue;
      const r0 = usual(t.word[0]);
      const r1 = usual(t.word[1]);
      const alts: string[] = [];
      for (const a of bySound.get(r0) ?? [])
        for (const b of bySound.get(r1) ?? []) {
          const w = a + b;
          const e = lex.word(w);
          if (w !== t.word && e && e.corpus >= 3 && e.corpus * 5 < (lex.word(t.word)?.corpus ?? 0)) alts.push(w);
        }
      const w = pick(alts);
      if (!w) continue;
      out.push({ cls, sentence, text: sentence.slice(0, t.offset) + w + sentence.slice(t.offset + 2), offset: t.offset, length: 2, wrong: w, right: t.word });
      count[cls]++;
      continue;
    }
    const i = Math.floor(rnd() * t.word.length);
    const c = t.word[i];
    const readings = cls === 'homophone' ? [usual(c)] : nearReadings(usual(c));
    const options = readings.flatMap(r => bySound.get(r) ?? []).filter(x => x !== c && !isWord(t.word.slice(0, i) + x + t.word.slice(i + 1)));
    const x = pick(options);
    if (!x) continue;
    const offset = t.offset + i;
    out.push({ cls, sentence, text: sentence.slice(0, offset) + x + sentence.slice(offset + 1), offset, length: 1, wrong: x, right: c });
    count[cls]++;
  }
  return out;
}

/**
 * Document mode: slips injected into whole documents, one at a time, each at an occurrence of a frequent word (2–4
 * characters, reference-corpus count ≥ 50) that the document also writes elsewhere (the case of a draft that once
 * writes 防迅 for the 防汛 it writes elsewhere). Up to `perDoc` slips per document and class; `text` is then the whole
 * document with the slip, `sentence` the document as written.
 */
export function generateInDocuments(docs: string[], seed: number, max: number, perDoc = 12): GeneratedSlip[] {
  const seg = loadSegmenter().segmenter!;
  const lex = seg.lexicon!()!;
  const rnd = prng(seed);
  const bySound = commonBySound();
  const isWord = (w: string) => seg.isWord(w) || lex.known(w);
  const out: GeneratedSlip[] = [];
  const count = { homophone: 0, near: 0, realword: 0 };
  for (const doc of docs) {
    const toks = seg.cut(doc).filter(t => t.word.length >= 2 && t.word.length <= 4 && HAN.test(t.word) && (lex.word(t.word)?.corpus ?? 0) >= 50);
    const times = new Map<string, number>();
    for (const t of toks) times.set(t.word, (times.get(t.word) ?? 0) + 1);
    const twice = toks.filter(t => times.get(t.word)! >= 2);
    const mine = { homophone: 0, near: 0 };
    for (let tries = 0; tries < perDoc * 20 && twice.length && (mine.homophone < perDoc || mine.near < perDoc); tries++) {
      const t = twice[Math.floor(rnd() * twice.length)];
      const cls: 'homophone' | 'near' = rnd() < 0.5 ? 'homophone' : 'near';
      if (mine[cls] >= perDoc || count[cls] >= max) continue;
      const i = Math.floor(rnd() * t.word.length);
      const c = t.word[i];
      const readings = cls === 'homophone' ? [usual(c)] : nearReadings(usual(c));
      const options = readings.flatMap(r => bySound.get(r) ?? []).filter(x => x !== c && !isWord(t.word.slice(0, i) + x + t.word.slice(i + 1)));
      if (!options.length) continue;
      const x = options[Math.floor(rnd() * options.length)];
      const offset = t.offset + i;
      out.push({ cls, sentence: doc, text: doc.slice(0, offset) + x + doc.slice(offset + 1), offset, length: 1, wrong: x, right: c });
      mine[cls]++;
      count[cls]++;
    }
  }
  return out;
}

const RULES: Rule[] = [typo, confusableChar, misspelling, homophoneWord];

export function lintOptions() {
  const config = defaultConfig();
  config.rules = Object.fromEntries(RULES.map(r => [r.meta.id, { severity: r.meta.defaultSeverity }]));
  return { rules: RULES, config, segmenter: loadSegmenter().segmenter! };
}

/** The finding that restores the slip, if any (and its severity); `formal` is whether the text is of a 政协 type or
 *  short (where hints are reported, core/register). */
export function finding(s: GeneratedSlip): ({ severity: string } & { formal?: boolean }) | undefined {
  const r = lint(s.text, lintOptions());
  lastFormal = isFormalType(r.docType) || s.text.length < 300;
  return r.diagnostics.find(d => {
    if (!d.fix || d.offset > s.offset || d.offset + d.length < s.offset + s.length) return false;
    const fixed = s.text.slice(0, d.fix.offset) + d.fix.text + s.text.slice(d.fix.offset + d.fix.length);
    return fixed === s.sentence;
  }) as { severity: string } | undefined;
}

/** Sentences of 8–120 characters with some Han text. */
export function sentencesOf(text: string): string[] {
  return text
    .split(/[。！？；\n]/)
    .map(s => s.trim())
    .filter(s => s.length >= 8 && s.length <= 120 && /[\u4e00-\u9fff]{4}/.test(s));
}

function main(argv: string[]): number {
  const opt = (k: string, d: number) => Number(argv.find(a => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const files = argv.filter(a => !a.startsWith('--')).flatMap(textFiles);
  if (!files.length) {
    console.error('usage: node out/scripts/typo-recall.js <files or folders…> [--max=N] [--seed=S] [--show=K]');
    return 2;
  }
  const sentences = [...new Set(files.flatMap(f => sentencesOf(fs.readFileSync(f, 'utf8'))))];
  const show = opt('show', 10);
  console.log('sentence mode (each slipped sentence linted alone):');
  report(generate(sentences, opt('seed', 1), opt('max', 400)), show);
  if (!argv.includes('--no-doc')) {
    console.log(`document mode (whole documents, one slip at a time, at a word the document writes elsewhere; up to ${opt('per-doc', 12)} per document and class):`);
    report(generateInDocuments(files.map(f => fs.readFileSync(f, 'utf8')), opt('seed', 1), opt('max', 400), opt('per-doc', 12)), show);
  }
  // False alarms on the clean sentences.
  let chars = 0;
  const alarms: string[] = [];
  let warnings = 0;
  for (const s of sentences) {
    chars += s.length;
    for (const d of lint(s, lintOptions()).diagnostics) {
      if (d.ruleId !== 'wording/typo' && d.ruleId !== 'wording/homophone-word') continue;
      if (d.severity !== 'info') warnings++;
      alarms.push(`${d.severity === 'info' ? 'i' : 'W'}:${s.slice(Math.max(0, d.offset - 3), d.offset)}[${s.slice(d.offset, d.offset + d.length)}→${d.expected ?? ''}]${s.slice(d.offset + d.length, d.offset + d.length + 3)}`);
    }
  }
  console.log(`clean text: ${sentences.length} sentences, ${chars} characters; wording/typo findings ${alarms.length} (${((alarms.length / chars) * 1e4).toFixed(2)} per 10k), warnings ${warnings} (${((warnings / chars) * 1e4).toFixed(2)} per 10k)`);
  if (show) console.log(`  ${alarms.slice(0, show * 3).join(' ')}`);
  return 0;
}

/** Found and missed slips per class. */
function report(slips: GeneratedSlip[], show: number): void {
  for (const cls of ['homophone', 'near', 'realword'] as SlipClass[]) {
    const of = slips.filter(s => s.cls === cls);
    let warn = 0;
    const missed: string[] = [];
    let hit = 0;
    let formal = 0;
    let formalHit = 0;
    for (const s of of) {
      const f = finding(s);
      if (lastFormal) formal++;
      if (f && lastFormal) formalHit++;
      if (f) {
        hit++;
        if (f.severity !== 'info') warn++;
      } else missed.push(`${s.text.slice(Math.max(0, s.offset - 3), s.offset)}[${s.wrong}→${s.right}]${s.text.slice(s.offset + s.length, s.offset + s.length + 3)}`);
    }
    const pct = (x: number) => (of.length ? ((100 * x) / of.length).toFixed(1) : '-');
    console.log(
      `${cls}: ${of.length} slips, found ${hit} (${pct(hit)}%), as warnings ${warn} (${pct(warn)}%)` +
        (formal < of.length ? `; in texts that get hints (政协 types, short texts) ${formal} slips, found ${formalHit} (${formal ? ((100 * formalHit) / formal).toFixed(1) : '-'}%)` : ''),
    );
    if (show) console.log(`  missed e.g. ${missed.slice(0, show).join(' ')}`);
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
