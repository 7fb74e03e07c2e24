// The corpus check (scripts/corpus.ts): counts per rule, characters, rates and the table, on a small folder it makes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countChars, formatTable, runCorpus } from '../../scripts/corpus';

describe('corpus check (npm run corpus)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-corpus-'));
    fs.mkdirSync(path.join(dir, 'sub'));
    // Two empty quotation pairs (punctuation/empty-pair, error) in one file, a clean file, and a file that is not text.
    fs.writeFileSync(path.join(dir, 'a.txt'), '推动专门协商机构“”出特色、“”出质量。\n');
    fs.writeFileSync(path.join(dir, 'sub', 'b.md'), '委员们积极建言献策。\n');
    fs.writeFileSync(path.join(dir, 'sub', 'c.json'), '{"x": "“”"}');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts code points that are not white space', () => {
    assert.strictEqual(countChars('各位 委员：\n\t好。𠀀'), 8);
  });

  it('lints every .txt and .md below the folders and counts findings per rule and severity', () => {
    const s = runCorpus([dir], undefined);
    assert.strictEqual(s.files, 2);
    assert.strictEqual(s.chars, countChars('推动专门协商机构“”出特色、“”出质量。') + countChars('委员们积极建言献策。'));
    assert.deepStrictEqual(s.counts['punctuation/empty-pair'], { error: 2, warning: 0, info: 0 });
    const we = Object.values(s.counts).reduce((n, c) => n + c.error + c.warning, 0);
    assert.strictEqual(s.rate.warnErr, (we * 10000) / s.chars);
  });

  it('prints a table with the rule, its counts, its rate and a total', () => {
    const s = runCorpus([dir], undefined);
    const table = formatTable(s, true);
    const row = table.split('\n').find(l => l.includes('`punctuation/empty-pair`'))!;
    const cells = row.split('|').map(c => c.trim());
    assert.deepStrictEqual(cells.slice(1, 5), ['`punctuation/empty-pair`', '2', '0', '0']);
    assert.strictEqual(cells[5], ((2 * 10000) / s.chars).toFixed(3));
    assert.ok(table.split('\n').pop()!.startsWith('| **合计 total**'));
  });
});
