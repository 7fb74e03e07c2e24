// Builds the typo lexicon's index (src/segmenter/dict/typo.index.bin) from the shipped lexicon text: the hash tables
// of its words and of its words by masked character (src/segmenter/lexicon.ts), which wording/typo would otherwise
// build on first use in every process. Needs only the lexicon file (no corpus). Run by `npm run build`; the file is
// not committed (the loader checks that it belongs to the lexicon text and builds the tables itself when not).
// Usage: node out/scripts/build-typo-index.js [lexicon file] [--out=FILE]
import * as fs from 'fs';
import * as path from 'path';
import { buildLexiconIndex, INDEX_FILE, LEXICON_FILE } from '../src/segmenter/lexicon';
import { dictDir } from '../src/segmenter';

function main(argv: string[]): number {
  const input = argv.find(a => !a.startsWith('--')) ?? path.join(dictDir(), LEXICON_FILE);
  const outArg = argv.find(a => a.startsWith('--out='));
  const out = outArg ? outArg.slice(6) : path.join(path.dirname(input), INDEX_FILE);
  const index = buildLexiconIndex(fs.readFileSync(input, 'utf8'));
  fs.writeFileSync(out, index);
  console.log(`wrote ${out}: ${index.byteLength} bytes`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
