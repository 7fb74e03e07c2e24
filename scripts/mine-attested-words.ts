// Words edited text writes that neither of jieba's dictionaries has (筑牢, 聚力, 托育, 互鉴, 新业态): mined from a
// reference corpus as the runs of 2–4 Han characters that the shipped segmenter's HMM joins into one token, often and
// in many articles, and that are words rather than pieces of a longer name or phrase. They go into the typo lexicon
// (scripts/build-typo-lexicon.ts), so that wording/typo can propose them (筑劳 → 筑牢) and does not read them as slips;
// the segmenter's own dictionary is not changed. Only counts are written, no text.
// Usage: npx tsc -p . && node out/scripts/mine-attested-words.js <corpus folder…> [--out=FILE]
import * as fs from 'fs';
import * as path from 'path';
import { loadSegmenter } from '../src/segmenter';
import { dictDir, stockDictPath } from './build-dict';
import { textFiles } from './build-typo-lexicon';
import wordingPack from '../src/packs/wording.json';

/** Two- and three-character tokens that begin with a surname are mostly people's names (王毅, 黄文秀): a name in the
 *  lexicon would make another person's name read as its slip. The pack's common surnames, and more that begin the
 *  names of a news corpus. */
const SURNAMES = new Set([...(wordingPack as { wording: { reduplication: { surnames: string[] } } }).wording.reduplication.surnames, ...'栗温尤郝吉武庞曲华班莫薛闫段雷侯龙史陶黎贺顾毛龚邵万钱严覃戴孔向汤常康易乔赖文施洪牛樊葛邢安齐伍庄倪温']);

const HAN = /^[\u4e00-\u9fff]+$/;
/** At least this many occurrences, in at least this many articles. */
const MIN_COUNT = 25;
const MIN_DOCS = 10;
/** A run whose neighbour on one side is the same character this often is a piece of a longer word (习近|平, 治国|理政). */
const MAX_SIDE_SHARE = 0.5;
/** Characters that begin or end a phrase rather than a word: function words, pronouns, numerals, dates, measure words. */
const EDGE = new Set([...'的了是在这那一二三四五六七八九十百千万亿两几多余和与及等更很也就都又还年月日电我你他她它们之为以于而其所者地得着过个些每各该此本全少从对把被将向要会能可已不没有最再才并即如但却让使给到来去上下中内外后前时说仅原曾见别']);

function main(argv: string[]): number {
  const dirs = argv.filter(a => !a.startsWith('--'));
  const out = argv.find(a => a.startsWith('--out='))?.slice(6) ?? path.join(dictDir(), 'attested.words.utf8');
  if (!dirs.length) {
    console.error('usage: node out/scripts/mine-attested-words.js <corpus folder…> [--out=FILE]');
    return 2;
  }
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('nodejieba could not be loaded');
  const stock = new Set<string>();
  for (const line of fs.readFileSync(stockDictPath(), 'utf8').split('\n')) {
    const w = line.split(' ')[0];
    if (w) stock.add(w);
  }
  const count = new Map<string, number>();
  const docs = new Map<string, number>();
  const left = new Map<string, Map<string, number>>();
  const right = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, w: string, ch: string) => {
    let s = m.get(w);
    if (!s) m.set(w, (s = new Map()));
    s.set(ch, (s.get(ch) ?? 0) + 1);
  };
  let files = 0;
  let chars = 0;
  for (const dir of dirs)
    for (const f of textFiles(dir)) {
      files++;
      const text = fs.readFileSync(f, 'utf8');
      chars += text.replace(/\s/g, '').length;
      const seen = new Set<string>();
      for (const line of text.split('\n')) {
        for (const t of seg.cut(line)) {
          const w = t.word;
          if (w.length < 2 || w.length > 4 || !HAN.test(w) || seg.isWord(w) || stock.has(w)) continue;
          count.set(w, (count.get(w) ?? 0) + 1);
          if (!seen.has(w)) {
            seen.add(w);
            docs.set(w, (docs.get(w) ?? 0) + 1);
          }
          bump(left, w, line[t.offset - 1] ?? '^');
          bump(right, w, line[t.offset + w.length] ?? '$');
        }
      }
    }
  const share = (m: Map<string, number> | undefined, n: number) => {
    let best = 0;
    for (const [ch, c] of m ?? []) if (HAN.test(ch)) best = Math.max(best, c);
    return best / n;
  };
  const words = [...count]
    .filter(([w, n]) => n >= MIN_COUNT && (docs.get(w) ?? 0) >= MIN_DOCS)
    .filter(([w]) => !EDGE.has(w[0]) && !EDGE.has(w[w.length - 1]))
    .filter(([w]) => w.length === 4 || !SURNAMES.has(w[0]))
    .filter(([w, n]) => share(left.get(w), n) < MAX_SIDE_SHARE && share(right.get(w), n) < MAX_SIDE_SHARE)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const header = [
    `# Words edited text writes that jieba's dictionaries lack, for the typo lexicon; built by scripts/mine-attested-words.ts; counts only, no text.`,
    `# Reference corpus: ${dirs.map(d => path.basename(d)).join(', ')} (${files} files, ${chars} characters). A word: 2–4 Han characters the shipped segmenter joins into one token (HMM)`,
    `# at least ${MIN_COUNT} times in at least ${MIN_DOCS} files, neither edge a function word, numeral or measure word, not a name (two or three characters after a common surname),`,
    `# and no single character before or after it in ${MAX_SIDE_SHARE * 100}% or more of its uses.`,
    `# Lines: word, occurrences, files.`,
  ];
  fs.writeFileSync(out, header.join('\n') + '\n' + words.map(([w, n]) => `${w}\t${n}\t${docs.get(w)}`).join('\n') + '\n');
  console.log(`wrote ${out}: ${words.length} words`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
