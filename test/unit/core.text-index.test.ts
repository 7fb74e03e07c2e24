import * as assert from 'assert';
import { TextIndex, textIndexFor } from '../../src/core/text-index';

/** Reference: repeated indexOf, as the rules did before the index. */
function naive(text: string, needle: string): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('core TextIndex (shared substring search for many needles)', () => {
  const text = '人民政协是社会主义协商民主的重要渠道。人民政协人民政协，哈哈哈哈，社会主义社会主义协商民主的重要途径aaa';

  it('finds every occurrence, overlapping ones included, in order, as indexOf does', () => {
    const ix = new TextIndex(text);
    for (const n of ['人民政协', '人民', '哈哈', '哈哈哈', '社会主义协商民主的重要', '主义社会', 'aa', 'a', '。', '渠道。人', '不在文中', '', '道'])
      assert.deepStrictEqual(ix.occurrences(n), naive(text, n), n);
    assert.deepStrictEqual(ix.occurrences('哈哈哈'), [28, 29]);
    assert.deepStrictEqual(ix.occurrences('人民政协'), [0, 19, 23]);
  });

  it('indexOf(needle, from) and includes agree with the string methods for every start', () => {
    const ix = new TextIndex(text);
    for (const n of ['人民政协', '哈哈', '重要', '重要途径', 'aa', '社会主义社会', '缺席'])
      for (let from = -2; from <= text.length + 1; from++) assert.strictEqual(ix.indexOf(n, from), text.indexOf(n, from), `${n} from ${from}`);
    assert.strictEqual(ix.includes('协商民主的重要途径'), true);
    assert.strictEqual(ix.includes('协商民主的主要途径'), false);
  });

  it('agrees with indexOf on a long text with thousands of distinct pairs (hash buckets shared by many pairs)', () => {
    // A deterministic pseudo-random text over 3000 characters: pairs collide in the index's buckets.
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let long = '';
    for (let i = 0; i < 60000; i++) long += String.fromCharCode(0x4e00 + Math.floor(rnd() * 3000));
    long += '\ud83d\ude00a\ud83d\ude00';
    const ix = new TextIndex(long);
    for (let k = 0; k < 300; k++) {
      const at = Math.floor(rnd() * (long.length - 4));
      for (const n of [long.slice(at, at + 2), long.slice(at, at + 3), String.fromCharCode(0x4e00 + (k % 3000), 0x4e00 + ((k * 7) % 3000))])
        assert.deepStrictEqual(ix.occurrences(n), naive(long, n), n);
    }
    assert.deepStrictEqual(ix.occurrences('\ude00a'), naive(long, '\ude00a'));
    assert.strictEqual(ix.indexOf('\ud83d\ude00', 60001), long.indexOf('\ud83d\ude00', 60001));
  });

  it('agrees with indexOf at every text length (the bucket table grows with the text; absent pairs answer early)', () => {
    let seed = 11;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (const len of [0, 1, 2, 3, 17, 255, 256, 257, 1500, 5000, 70000]) {
      let t = '';
      // Few distinct characters: most pairs occur, and many absent ones share a bucket with a present one.
      for (let i = 0; i < len; i++) t += String.fromCharCode(0x4e00 + Math.floor(rnd() * 40));
      const ix = new TextIndex(t);
      for (let k = 0; k < 60; k++) {
        const at = Math.floor(rnd() * Math.max(1, len - 3));
        const absent = String.fromCharCode(0x4e00 + Math.floor(rnd() * 80), 0x4e00 + Math.floor(rnd() * 80));
        for (const n of [t.slice(at, at + 2), t.slice(at, at + 3), absent, absent + t.slice(at, at + 1)]) {
          assert.deepStrictEqual(ix.occurrences(n), naive(t, n), `${len}: ${n}`);
          assert.strictEqual(ix.indexOf(n, at), t.indexOf(n, at), `${len}: ${n} from ${at}`);
          assert.strictEqual(ix.includes(n), t.includes(n));
        }
      }
    }
  });

  it('returns a copy, so callers may change the list', () => {
    const ix = new TextIndex(text);
    ix.occurrences('人民').push(999);
    assert.deepStrictEqual(ix.occurrences('人民'), [0, 19, 23]);
  });

  it('keeps one index per owner and text, and a new one when the text changes', () => {
    const owner = {};
    const a = textIndexFor(owner, text);
    assert.strictEqual(textIndexFor(owner, text), a);
    const b = textIndexFor(owner, text + '人民政协');
    assert.notStrictEqual(b, a);
    assert.deepStrictEqual(b.occurrences('人民政协'), [0, 19, 23, text.length]);
  });
});
