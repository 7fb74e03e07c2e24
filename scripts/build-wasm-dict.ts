// Builds src/segmenter/dict/stock-only.words.gz: the words of jieba-wasm's built-in dictionary (jieba-rs's copy of
// jieba's dict.txt) that our compact dictionary lacks. The fallback segmenter (src/segmenter/wasm.ts) sets them to
// frequency 0, since jieba-wasm can add to its dictionary but not replace it. jieba-wasm does not export its word
// list; its dictionary text sits decompressed in the module's memory once it has cut something, so it is read there
// (and checked: 349,046 lines of `word freq tag`). Reproducible for a given jieba-wasm version.
// Usage: npx tsc -p . && node out/scripts/build-wasm-dict.js [--check]
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { dictDir, readDictWords } from '../src/segmenter';

function jiebaRsDict(): string[] {
  const j = require('jieba-wasm') as { cut(t: string, hmm?: boolean): string[]; __wasm: { memory: { buffer: ArrayBuffer } } };
  j.cut('一', false);
  const mem = Buffer.from(j.__wasm.memory.buffer);
  const at = mem.indexOf(Buffer.from('\n一 217830 m\n'));
  if (at < 0) throw new Error('jieba-wasm: built-in dictionary not found in memory');
  let s = at;
  while (s > 0 && mem[s - 1] !== 0) s--;
  let e = at;
  while (e < mem.length && mem[e] !== 0) e++;
  const lines = mem.subarray(s, e).toString('utf8').split('\n').filter(Boolean);
  const words: string[] = [];
  for (const l of lines) {
    const f = l.split(' ');
    if (f.length !== 3 || !/^\d+$/.test(f[1])) throw new Error(`jieba-wasm: unexpected dictionary line ${JSON.stringify(l)}`);
    words.push(f[0]);
  }
  if (words.length < 300000) throw new Error(`jieba-wasm: dictionary too short (${words.length} lines)`);
  return words;
}

function main(): void {
  const own = dictDir();
  const ours = readDictWords(path.join(own, 'compact.dict.utf8'));
  const only = jiebaRsDict().filter(w => !ours.has(w));
  const text = only.join('\n') + '\n';
  const target = path.join(own, 'stock-only.words.gz');
  if (process.argv.includes('--check')) {
    const same = fs.existsSync(target) && zlib.gunzipSync(fs.readFileSync(target)).toString('utf8') === text;
    console.log(same ? `stock-only.words.gz is up to date (${only.length} words)` : 'stock-only.words.gz differs: run node out/scripts/build-wasm-dict.js');
    process.exitCode = same ? 0 : 1;
    return;
  }
  fs.writeFileSync(target, zlib.gzipSync(text, { level: 9 }));
  console.log(`${target}: ${only.length} words`);
}

main();
