// Builds the typo lexicon's index (src/segmenter/dict/typo.index.bin) from the shipped lexicon text: the hash tables
// of its words and of its words by masked character (src/segmenter/lexicon.ts), which wording/typo would otherwise
// build on first use in every process; and (not with --out=) a UTF-16LE copy of the text (typo.lexicon.utf16), which
// loads without UTF-8 decoding. Needs only the lexicon file (no corpus). Run by `npm run build`; the files are not
// committed (the loader checks that they belong to the lexicon text and does without them when not).
// Usage: node out/scripts/build-typo-index.js [lexicon file] [--out=FILE]
import * as fs from 'fs';
import * as path from 'path';
import { buildLexiconIndex, buildLexiconText16, INDEX_FILE, LEXICON_FILE, TEXT16_FILE } from '../src/segmenter/lexicon';
import { dictDir } from '../src/segmenter';

function main(argv: string[]): number {
  const input = argv.find(a => !a.startsWith('--')) ?? path.join(dictDir(), LEXICON_FILE);
  const outArg = argv.find(a => a.startsWith('--out='));
  const out = outArg ? outArg.slice(6) : path.join(path.dirname(input), INDEX_FILE);
  const utf8 = fs.readFileSync(input);
  const index = buildLexiconIndex(utf8.toString('utf8'));
  fs.writeFileSync(out, index);
  console.log(`wrote ${out}: ${index.byteLength} bytes`);
  // The text as UTF-16LE beside it (src/segmenter/lexicon.ts, TEXT16_FILE): loads without UTF-8 decoding.
  if (!outArg) {
    const copy = path.join(path.dirname(input), TEXT16_FILE);
    const text16 = buildLexiconText16(utf8);
    fs.writeFileSync(copy, text16);
    console.log(`wrote ${copy}: ${text16.byteLength} bytes`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
