// Builds the compact segmenter dictionary: node scripts → src/segmenter/dict/compact.dict.utf8.
// Input: nodejieba's stock jieba.dict.utf8 (≈349k words). Output: every single character, every word with a
// frequency of at least MIN_FREQ, and the 政协 vocabulary of zhengxie.user.utf8; sorted as in the input, so the
// output is reproducible byte for byte. Usage: npx tsc -p . && node out/scripts/build-dict.js [--min-freq N] [--check]
import * as fs from 'fs';
import * as path from 'path';

/** Words at least this frequent in jieba's corpus are kept (≈36k of 349k words). */
export const DEFAULT_MIN_FREQ = 100;
/** Frequency given to 政协 terms that the stock dictionary lacks or rates below MIN_FREQ. */
const ZHENGXIE_FREQ = 1000;

/** The stock dictionary shipped with nodejieba. */
export function stockDictPath(): string {
  const pkg = require.resolve('nodejieba/package.json');
  return path.join(path.dirname(pkg), 'submodules/cppjieba/dict/jieba.dict.utf8');
}

/** The folder with the committed dictionaries (from src/ or out/). */
export function dictDir(): string {
  for (const d of [path.join(__dirname, '../src/segmenter/dict'), path.join(__dirname, '../../src/segmenter/dict')]) {
    if (fs.existsSync(path.join(d, 'zhengxie.user.utf8'))) return d;
  }
  throw new Error('找不到 src/segmenter/dict');
}

/** Reads a user dictionary: one word per line, optional frequency and tag, `#` comments. */
export function readWordList(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map(l => l.replace(/#.*/, '').trim().split(/\s+/)[0])
    .filter(Boolean);
}

/** The compact dictionary text from the stock dictionary text and the 政协 words. */
export function buildCompact(stock: string, zhengxie: string[], minFreq = DEFAULT_MIN_FREQ): { text: string; words: number } {
  const out: string[] = [];
  const seen = new Set<string>();
  const extra = new Set(zhengxie);
  for (const line of stock.split('\n')) {
    const [word, freqText, tag] = line.trim().split(' ');
    if (!word || !freqText) continue;
    const freq = Number(freqText);
    const keep = [...word].length === 1 || freq >= minFreq || extra.has(word);
    if (!keep || seen.has(word)) continue;
    seen.add(word);
    out.push(`${word} ${extra.has(word) ? Math.max(freq, ZHENGXIE_FREQ) : freq} ${tag ?? 'x'}`);
  }
  for (const w of zhengxie) {
    if (seen.has(w)) continue;
    seen.add(w);
    out.push(`${w} ${ZHENGXIE_FREQ} n`);
  }
  return { text: out.join('\n') + '\n', words: out.length };
}

function main(argv: string[]): number {
  const i = argv.indexOf('--min-freq');
  const minFreq = i >= 0 ? Number(argv[i + 1]) : DEFAULT_MIN_FREQ;
  const dir = dictDir();
  const stock = fs.readFileSync(stockDictPath(), 'utf8');
  const { text, words } = buildCompact(stock, readWordList(path.join(dir, 'zhengxie.user.utf8')), minFreq);
  const target = path.join(dir, 'compact.dict.utf8');
  if (argv.includes('--check')) {
    const same = fs.existsSync(target) && fs.readFileSync(target, 'utf8') === text;
    console.log(same ? `compact.dict.utf8 is up to date (${words} words)` : 'compact.dict.utf8 differs from a fresh build: run node out/scripts/build-dict.js');
    return same ? 0 : 1;
  }
  fs.writeFileSync(target, text);
  console.log(`wrote ${target}: ${words} words (min frequency ${minFreq}), ${text.length} characters`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
