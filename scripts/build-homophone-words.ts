// Builds src/segmenter/dict/typo.homophones.utf8 from the typo lexicon (typo.lexicon.utf8): the two-character words
// of the dictionary that an input method offers for a much more frequent word of the same sound (自产 for 资产, 疾书
// for 技术, 正副 for 政府), each with those frequent words. wording/homophone-word looks a written word up here and
// asks the lexicon's word pairs (%L|R) whether the words beside it go with the frequent word instead.
//   - the written word W: two Han characters, a line of its own in the lexicon (reference-corpus count c), not a
//     numeral (tag m) and without a numeral character (四项, 十九: counted things, not words one mistypes);
//   - a word meant M: two Han characters, each sharing a toneless reading with W's character at that place (any of
//     their readings, the lexicon's "=" lines from pinyin-pro), written at least MIN_MEANT times in the reference
//     corpus and at least RATIO × (c + 1) times.
// Only words and counts of the lexicon are used; no running text.
// Usage:
//   npx tsc -p . && node out/scripts/build-homophone-words.js [--lexicon=FILE] [--out=FILE] [--check]
// Without --lexicon: the shipped lexicon; without --out: the file beside the lexicon (typo.homophones.utf8 for
// typo.lexicon.utf8, x.homophones.utf8 for x.lexicon.utf8: a held-out lexicon gets its own).
import * as fs from 'fs';
import * as path from 'path';
import { dictDir } from '../src/segmenter';
import { HOMOPHONES_FILE, homophonesFileFor } from '../src/segmenter/lexicon';

/** The least reference-corpus count of a word meant. */
export const MIN_MEANT = 100;
/** How many times more often than the written word (plus one) the word meant must be written. */
export const RATIO = 20;
const HAN2 = /^[\u4e00-\u9fff]{2}$/;
const NUMERAL = /[〇零一二三四五六七八九十百千万亿两几]/;

/** The lines of the homophone file built from the lexicon text (without the header). */
export function homophoneLines(lexicon: string): string[] {
  const words = new Map<string, { corpus: number; tag: string }>();
  const readings = new Map<string, string[]>();
  for (const line of lexicon.split('\n')) {
    if (!line || '#%~+-&^'.includes(line[0])) continue;
    if (line[0] === '=') {
      const sp = line.indexOf(' ');
      const syl = line.slice(1, sp);
      for (const ch of line.slice(sp + 1)) (readings.get(ch) ?? readings.set(ch, []).get(ch)!).push(syl);
      continue;
    }
    const [w, corpus, , tag] = line.split(' ');
    if (HAN2.test(w)) words.set(w, { corpus: Number(corpus) || 0, tag: tag ?? '' });
  }
  // The frequent words by the readings of their two characters.
  const bySound = new Map<string, string[]>();
  for (const [w, e] of words) {
    if (e.corpus < MIN_MEANT) continue;
    for (const a of readings.get(w[0]) ?? [])
      for (const b of readings.get(w[1]) ?? []) {
        const k = a + ' ' + b;
        const list = bySound.get(k) ?? bySound.set(k, []).get(k)!;
        if (!list.includes(w)) list.push(w);
      }
  }
  const out: string[] = [];
  for (const [w, e] of words) {
    if (e.tag === 'm' || NUMERAL.test(w)) continue;
    const meant = new Set<string>();
    for (const a of readings.get(w[0]) ?? [])
      for (const b of readings.get(w[1]) ?? [])
        for (const m of bySound.get(a + ' ' + b) ?? []) if (m !== w && words.get(m)!.corpus >= RATIO * (e.corpus + 1)) meant.add(m);
    if (meant.size) out.push(`${w} ${[...meant].sort().join(' ')}`);
  }
  return out.sort();
}

export function homophoneFileText(lexicon: string, source: string): string {
  const header = [
    `# homophone words for wording/homophone-word, built by scripts/build-homophone-words.ts from ${source}; words only, no text.`,
    `# Lines "W M1 M2 …": a two-character word W of the lexicon and the words M of the same sound (toneless, per character)`,
    `# that the reference corpus writes at least ${MIN_MEANT} times and at least ${RATIO} × (count of W + 1) times.`,
  ];
  return header.concat(homophoneLines(lexicon)).join('\n') + '\n';
}

function main(argv: string[]): number {
  const arg = (k: string) => argv.find(a => a.startsWith(`--${k}=`))?.slice(k.length + 3);
  const lexFile = arg('lexicon') ?? path.join(dictDir(), 'typo.lexicon.utf8');
  const out = arg('out') ?? homophonesFileFor(lexFile);
  const text = homophoneFileText(fs.readFileSync(lexFile, 'utf8'), path.basename(lexFile));
  if (argv.includes('--check')) {
    const now = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (now !== text) {
      console.error(`${out} is not up to date with ${lexFile}: run node out/scripts/build-homophone-words.js`);
      return 1;
    }
    console.log(`${out} is up to date (${text.split('\n').length - 4} words)`);
    return 0;
  }
  fs.writeFileSync(out, text);
  console.log(`wrote ${out} (${text.split('\n').length - 4} words)${path.basename(out) === HOMOPHONES_FILE ? '' : ' (not the shipped file)'}`);
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
