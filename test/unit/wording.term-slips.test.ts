// Frequent terms with an inner character dropped (wording/typo, 漏字) or typed twice (wording/doubled-word), found by
// the term-slip index (src/segmenter/dict/term.slips.utf8, scripts/build-term-slips.ts; docs/typo-detection.md
// 第十四轮b).
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { testRule } from '../helpers/ruleTester';
import { typo } from '../../src/rules/wording/typo';
import { doubledWord } from '../../src/rules/wording/doubled-word';
import { loadSegmenter } from '../../src/segmenter';
import { buildTermSlipBinary, loadTermSlips, readTermSlipBinary, TermSlipIndex, TERM_SLIPS_FILE, termSlipBinFor } from '../../src/segmenter/term-slips';
import { keyStarts, termSlipsIn } from '../../src/rules/wording/_lib/term-slips';

const segmenter = loadSegmenter().segmenter!;

testRule(
  typo,
  {
    valid: [
      // Two whole words (代表|审议 is 代表团审议 without 团); an edge character that makes a word outside (持之以恒);
      // a one-character piece after a character that is no function word (林草湿|生态, 缅中|经济走廊); the head of a
      // word cut short on purpose (文化游, 红色游).
      '请各位代表审议。',
      '我们要持之以恒。',
      '实施好林草湿生态连通工程。',
      '推进缅中经济走廊建设。',
      '发展文化游、红色游。',
      // A function character or 一 dropped reads as well without it; so does 党 of 党中央.
      '完善法律规定及实施办法。这根本在于落实。把思想统一到中央决策部署上来。',
      // The written form twice in one document is meant (a name, a coined term).
      '生态文建设工程启动。生态文建设工程进展顺利。',
      // In a short quotation (a name or slogan) it is taken as written.
      '提出“基础设建设”口号。',
    ],
    invalid: [
      {
        name: '漏字 in a frequent term (warning: the term is common and edited text never writes the form)',
        text: '加快基础设建设，推进生态文建设。',
        errors: [
          { line: 1, column: 3, length: 5, severity: 'warning', message: '疑为漏字：“基础设建设”应为“基础设施建设”（漏了“施”）' },
          { line: 1, column: 11, length: 5, severity: 'warning', message: '疑为漏字：“生态文建设”应为“生态文明建设”（漏了“明”）' },
        ],
        output: '加快基础设施建设，推进生态文明建设。',
      },
      {
        name: '漏字 where edited text writes the form a few times: a hint',
        text: '坚持高质发展。',
        errors: [{ line: 1, column: 3, length: 4, severity: 'info', message: '疑为漏字：“高质发展”应为“高质量发展”（漏了“量”）' }],
        output: '坚持高质量发展。',
      },
      {
        name: 'a one-character piece at the start after a function character',
        text: '巩固地位的根制度。',
        errors: [{ line: 1, column: 5, length: 4, severity: 'info', message: '疑为漏字：“的根制度”应为“的根本制度”（漏了“本”）' }],
        output: '巩固地位的根本制度。',
      },
    ],
  },
  { segmenter },
);

testRule(
  doubledWord,
  {
    valid: [
      // Two words meeting on the doubled character (党组|组织); a term no dictionary has (卒中, the medical term).
      '集团党组组织党员签订责任书。',
      '医院建设卒中中心和胸痛中心。',
      // AABB and quoted speech are reduplication.
      '认认真真抓落实。',
    ],
    invalid: [
      {
        name: 'a frequent term with an inner character typed twice',
        text: '加快推进现代代化建设。',
        errors: [{ line: 1, column: 5, length: 6, severity: 'warning', message: '“现代代化建设”中“代”字重复，应为“现代化建设”' }],
        output: '加快推进现代化建设。',
      },
      {
        name: 'the doubled character makes a word with its neighbour in the dictionary of the lexicon only (高质)',
        text: '推动高质质量发展。',
        errors: [{ line: 1, column: 3, length: 6, severity: 'warning', message: '“高质质量发展”中“质”字重复，应为“高质量发展”' }],
        output: '推动高质量发展。',
      },
    ],
  },
  { segmenter },
);

describe('term-slip index', () => {
  const index = new TermSlipIndex(['# test', 'T\t高质量发展\t1249\t..1..\t.00..', 'T\t现代化\t1465\t...\t.0.', 'P\t卒中\t8'].join('\n'));
  const known = (t: string, a: number, b: number) => segmenter.isWord(t.slice(a, b));
  it('makes the keys of each term again from its marks', () => {
    assert.deepStrictEqual(index.get('高质发展'), { kind: 'omit', key: '高质发展', term: '高质量发展', count: 1249, keyCount: 1 });
    assert.deepStrictEqual(index.get('高质质量发展'), { kind: 'double', key: '高质质量发展', term: '高质量发展', count: 1249, keyCount: 0 });
    assert.strictEqual(index.get('高量发展'), undefined);
    assert.strictEqual(index.get('现代代化')?.term, '现代化');
    assert.strictEqual(index.pair('卒中'), 8);
    assert.strictEqual(index.pair('中心'), 0);
  });
  it('finds keys in text with the place of the fix', () => {
    const [h] = termSlipsIn('推动高质发展。', index, 'omit', known, () => false);
    assert.deepStrictEqual([h.start, h.end, h.at, h.char, h.strong], [2, 6, 4, '量', false]);
    const [d] = termSlipsIn('推进现代代化。', index, 'double', known, () => false);
    assert.deepStrictEqual([d.start, d.end, d.at, d.char, d.strong], [2, 6, 4, '代', true]);
    assert.deepStrictEqual(termSlipsIn('推进现代代化。', index, 'omit', known, () => false), []);
  });
  it('keyStarts lists exactly the places where keys start, with their keys; termSlipsIn answers alike with them', () => {
    const text = '推动高质发展，推进现代代化。高质发展';
    const starts = keyStarts(text, index);
    const expected: unknown[] = [];
    for (let i = 0; i + 3 <= text.length; i++) if (index.at(text, i).length && /[\u4e00-\u9fff]/.test(text[i])) expected.push(i, index.at(text, i));
    assert.deepStrictEqual(starts, expected);
    assert.deepStrictEqual(starts.filter((_, k) => k % 2 === 0), [2, 9, 14]);
    for (const kind of ['omit', 'double'] as const)
      assert.deepStrictEqual(termSlipsIn(text, index, kind, known, () => false, '', starts), termSlipsIn(text, index, kind, known, () => false));
    assert.deepStrictEqual(keyStarts('没有键的一段话。', index), []);
  });
  it('the shipped index has its header and provenance', () => {
    const text = fs.readFileSync(path.join(__dirname, '../../../src/segmenter/dict', TERM_SLIPS_FILE), 'utf8');
    assert.match(text, /^# Term-slip index, built by scripts\/build-term-slips\.ts from \d+ files/);
    const shipped = new TermSlipIndex(text);
    assert.ok(shipped.size > 10000);
    assert.strictEqual(shipped.get('基础设建设')?.term, '基础设施建设');
  });
  describe('the prebuilt binary (term.slips.bin, scripts/build-typo-index.ts)', () => {
    const dir = path.join(__dirname, '../../../src/segmenter/dict');
    const utf8 = fs.readFileSync(path.join(dir, TERM_SLIPS_FILE));
    const sha1 = (b: Uint8Array) => new Uint32Array(new Uint8Array(crypto.createHash('sha1').update(b).digest()).buffer);
    const bin = buildTermSlipBinary(utf8);
    it('is what a rebuild from the shipped text writes (npm run build made it)', () => {
      const file = termSlipBinFor(path.join(dir, TERM_SLIPS_FILE));
      assert.ok(fs.existsSync(file), `${file} is missing: run npm run build`);
      assert.ok(Buffer.compare(fs.readFileSync(file), Buffer.from(bin)) === 0, `${file} differs from a rebuild: run npm run build`);
      assert.strictEqual(buildTermSlipBinary(utf8).length, bin.length);
    });
    it('gives the same answers as the index parsed from the text, at every key and pair', () => {
      const text = utf8.toString('utf8');
      const parsed = new TermSlipIndex(text);
      const data = readTermSlipBinary(bin, sha1(utf8));
      assert.ok(data);
      const mapped = new TermSlipIndex(data!);
      assert.strictEqual(mapped.size, parsed.size);
      let keys = 0;
      for (const line of text.split('\n')) {
        const [kind, term] = line.split('\t');
        if (kind === 'P') assert.strictEqual(mapped.pair(term), parsed.pair(term));
        if (kind !== 'T') continue;
        // Every key of the term (dropped or doubled character), inside some text, and the term itself.
        for (let k = 1; k + 1 < term.length; k++) {
          for (const key of [term.slice(0, k) + term.slice(k + 1), term.slice(0, k + 1) + term.slice(k)]) {
            const s = `在${key}中`;
            assert.deepStrictEqual(mapped.at(s, 1), parsed.at(s, 1), key);
            keys++;
          }
        }
        assert.deepStrictEqual(mapped.at(term, 0), parsed.at(term, 0));
      }
      assert.ok(keys > 50000);
      assert.strictEqual(mapped.pair('中心'), 0);
      assert.strictEqual(mapped.pair('卒中'), parsed.pair('卒中'));
      assert.ok(mapped.pair('卒中') > 0);
    });
    it('is not used when it was built from another text, or is damaged', () => {
      const other = Buffer.from(utf8.toString('utf8') + 'P\t卒卒\t1\n');
      assert.strictEqual(readTermSlipBinary(bin, sha1(other)), undefined);
      assert.strictEqual(readTermSlipBinary(bin.slice(0, bin.length - 2), sha1(utf8)), undefined);
      const wrongVersion = bin.slice();
      wrongVersion[4] ^= 1;
      assert.strictEqual(readTermSlipBinary(wrongVersion, sha1(utf8)), undefined);
      assert.strictEqual(readTermSlipBinary(new Uint8Array(8), sha1(utf8)), undefined);
    });
    it('the loader uses it when it matches the text beside it and parses the text when not', () => {
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'term-slips-'));
      const saved = process.env.DRAFT_LINT_TERM_SLIPS;
      try {
        const small = 'T\t高质量发展\t1249\t..1..\t.00..\nP\t卒中\t8\n';
        const file = path.join(tmp, 'x.utf8');
        fs.writeFileSync(file, small);
        // A binary that belongs to the text, but with another count: it is read (so the binary is what is used).
        const altered = buildTermSlipBinary(Buffer.from(small.replace('1249', '7')));
        const header = buildTermSlipBinary(Buffer.from(small));
        altered.set(header.subarray(0, 28), 0);
        fs.writeFileSync(termSlipBinFor(file), altered);
        process.env.DRAFT_LINT_TERM_SLIPS = file;
        assert.strictEqual(loadTermSlips(tmp)?.get('高质发展')?.count, 7);
        // Another text under another name, with a binary of a different text beside it: parsed from the text.
        const file2 = path.join(tmp, 'y.utf8');
        fs.writeFileSync(file2, small);
        fs.writeFileSync(termSlipBinFor(file2), buildTermSlipBinary(Buffer.from(small.replace('卒中\t8', '卒中\t9'))));
        process.env.DRAFT_LINT_TERM_SLIPS = file2;
        assert.strictEqual(loadTermSlips(tmp)?.get('高质发展')?.count, 1249);
        assert.strictEqual(loadTermSlips(tmp)?.pair('卒中'), 8);
      } finally {
        if (saved === undefined) delete process.env.DRAFT_LINT_TERM_SLIPS;
        else process.env.DRAFT_LINT_TERM_SLIPS = saved;
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
});
