// Builds the typo lexicon's index (src/segmenter/dict/typo.index.bin) from the shipped lexicon text: the hash tables
// of its words and of its words by masked character (src/segmenter/lexicon.ts), which wording/typo would otherwise
// build on first use in every process; and (not with --out=) a UTF-16LE copy of the text (typo.lexicon.utf16), which
// loads without UTF-8 decoding. Needs only the lexicon file (no corpus). Run by `npm run build`; the files are not
// committed (the loader checks that they belong to the lexicon text and does without them when not). Also (not with
// --out=) the term-slip index's binary (term.slips.bin beside term.slips.utf8, src/segmenter/term-slips.ts), which
// loads without parsing the text's ≈30,000 lines; `--check` rebuilds it in memory and compares (exit 1 when it differs
// or is missing).
// Usage: node out/scripts/build-typo-index.js [lexicon file] [--out=FILE] [--check]
import * as fs from 'fs';
import * as path from 'path';
import { buildLexiconIndex, buildLexiconText16, INDEX_FILE, LEXICON_FILE, TEXT16_FILE } from '../src/segmenter/lexicon';
import { dictDir } from '../src/segmenter';
import { buildTermSlipBinary, TERM_SLIPS_FILE, termSlipBinFor } from '../src/segmenter/term-slips';

/** Writes (or, `check`, compares) the term-slip binary beside the term-slip text in `dir`; false when it differs. */
function termSlipBinary(dir: string, check: boolean): boolean {
  const textFile = path.join(dir, TERM_SLIPS_FILE);
  if (!fs.existsSync(textFile)) return true;
  const bin = buildTermSlipBinary(fs.readFileSync(textFile));
  const out = termSlipBinFor(textFile);
  if (check) {
    const same = fs.existsSync(out) && Buffer.compare(fs.readFileSync(out), Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength)) === 0;
    console.log(`${out}: ${same ? 'up to date' : 'differs from a rebuild (run npm run build)'}`);
    return same;
  }
  fs.writeFileSync(out, bin);
  console.log(`wrote ${out}: ${bin.byteLength} bytes`);
  return true;
}

function main(argv: string[]): number {
  const input = argv.find(a => !a.startsWith('--')) ?? path.join(dictDir(), LEXICON_FILE);
  const outArg = argv.find(a => a.startsWith('--out='));
  if (argv.includes('--check')) return termSlipBinary(path.dirname(input), true) ? 0 : 1;
  const out = outArg ? outArg.slice(6) : path.join(path.dirname(input), INDEX_FILE);
  const utf8 = fs.readFileSync(input);
  const index = buildLexiconIndex(utf8.toString('utf8'), utf8);
  fs.writeFileSync(out, index);
  console.log(`wrote ${out}: ${index.byteLength} bytes`);
  // The text as UTF-16LE beside it (src/segmenter/lexicon.ts, TEXT16_FILE): loads without UTF-8 decoding.
  if (!outArg) {
    const copy = path.join(path.dirname(input), TEXT16_FILE);
    const text16 = buildLexiconText16(utf8);
    fs.writeFileSync(copy, text16);
    console.log(`wrote ${copy}: ${text16.byteLength} bytes`);
    termSlipBinary(path.dirname(input), false);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
