// The typo lexicon's in-place look-ups (src/segmenter/lexicon.ts): the word index and the character-pair set are hash
// tables over the file text; every answer must equal a plain scan of the file's lines.
import * as assert from 'assert';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildLexiconIndex, buildLexiconText16, lexiconTextFromCopy, parseLexicon, readLexiconText, LEXICON_FILE } from '../../src/segmenter/lexicon';
import { dictDir } from '../../src/segmenter';

describe('typo lexicon look-ups', () => {
  const text = fs.readFileSync(path.join(dictDir(), LEXICON_FILE), 'utf8');
  const lex = parseLexicon(text);
  const wordLines = text.split('\n').filter(l => l && l.charCodeAt(0) >= 0x3400);

  it('finds every word line with its counts, and nothing else', () => {
    const words = new Set<string>();
    for (let i = 0; i < wordLines.length; i++) {
      const [w, corpus, jieba] = wordLines[i].split(' ');
      words.add(w);
      if (i % 7 !== 0) continue;
      const e = lex.word(w);
      assert.ok(e, w);
      assert.strictEqual(e.corpus, Number(corpus), w);
      assert.strictEqual(e.jieba, Number(jieba), w);
    }
    // Prefixes and extensions of words, and other sections' keys, are not words.
    for (const l of wordLines.slice(0, 3000)) {
      const w = l.split(' ')[0];
      for (const x of [w.slice(0, -1), w + '的', '^' + w, '~' + w]) if (x && !words.has(x)) assert.strictEqual(lex.word(x), undefined, x);
    }
  });

  it('has exactly the character pairs of the word lines', () => {
    const pairs = new Set<string>();
    const chars = new Set<string>();
    for (const l of wordLines) {
      const w = l.split(' ')[0];
      for (let i = 0; i + 1 < w.length; i++) pairs.add(w[i] + w[i + 1]);
      for (const c of w) chars.add(c);
    }
    const cs = [...chars].slice(0, 400);
    for (const a of cs) for (const b of cs) assert.strictEqual(lex.hasBigram(a, b), pairs.has(a + b), a + b);
  });

  it('reads the real-word pairs (^L|W side+word:count:expected:share%)', () => {
    const lines = text.split('\n').filter(l => l.startsWith('^'));
    assert.ok(lines.length > 20, 'the shipped lexicon has the real-word section');
    const [key, first] = lines[0].slice(1).split(' ');
    const [m, count, expected, share] = first.split(':');
    assert.deepStrictEqual(lex.realWord!(key)[0], { side: Number(m[0]), meant: m.slice(1), count: Number(count), expected: Number(expected), share: Number(share) / 100 });
    assert.deepStrictEqual(lex.realWord!('并非|一对'), []);
  });

  it('answers known/corrections/withOneMore keys from the hash tables as a plain scan does', () => {
    const known = new Set(text.split('\n').filter(l => l && (l[0] === '+' || l.charCodeAt(0) >= 0x3400)).map(l => l.replace(/^\+/, '').split(' ')[0]));
    // Words by masked position, from a plain scan.
    const byMask = new Map<string, string[]>();
    for (const l of wordLines) {
      const x = l.split(' ')[0];
      if (x.length < 2 || x.length > 4) continue;
      for (let i = 0; i < x.length; i++) {
        const k = x.slice(0, i) + '?' + x.slice(i + 1);
        (byMask.get(k) ?? byMask.set(k, []).get(k)!).push(x);
      }
    }
    const sample = '坚持人民民主推动政协协商走深走实习作各党做好防迅抗旱工作一如往地委员们坚持不谢地履职尽责';
    for (let a = 0; a < sample.length; a++) {
      const bits = lex.knownLengths(sample, a);
      for (let k = 2; k <= 4 && a + k <= sample.length; k++) {
        const w = sample.slice(a, a + k);
        assert.strictEqual(lex.knownAt(sample, a, a + k), known.has(w), w);
        assert.strictEqual(lex.known(w), known.has(w), w);
        assert.strictEqual(!!(bits & (1 << k)), known.has(w), w);
        for (let p = a; p < a + k; p++) {
          const expected = (byMask.get(w.slice(0, p - a) + '?' + w.slice(p - a + 1)) ?? []).filter(x => x[p - a] !== w[p - a]);
          assert.deepStrictEqual(lex.corrections(sample, a, a + k, p).sort(), expected.sort(), `${w} at ${p - a}`);
        }
      }
    }
    assert.ok(lex.hasOneMoreKey('有条紊地', 0) && !lex.hasOneMoreKey('有条紊地', 1));
    assert.deepStrictEqual(lex.withOneMore('有条紊'), ['有条不紊']);
  });

  it('a prebuilt index gives the same answers; one built from another text is not used', () => {
    const withIndex = parseLexicon(text, buildLexiconIndex(text));
    const small = ['# test', '+攻关', '共建 700 1500 v', '攻坚 900 3000 v', ''].join('\n');
    const stale = parseLexicon(text, buildLexiconIndex(small));
    for (const l of wordLines.slice(0, 5000)) {
      const w = l.split(' ')[0];
      assert.strictEqual(withIndex.word(w)?.corpus, lex.word(w)?.corpus, w);
      assert.strictEqual(stale.word(w)?.corpus, lex.word(w)?.corpus, w);
    }
    assert.deepStrictEqual(withIndex.corrections('防迅', 0, 2, 1), lex.corrections('防迅', 0, 2, 1));
    assert.ok(withIndex.corrections('防迅', 0, 2, 1).includes('防汛'));
    const own = parseLexicon(small, buildLexiconIndex(small));
    assert.ok(own.known('攻关') && own.knownAt('x攻坚', 1, 3) && !own.known('攻'));
    assert.deepStrictEqual(own.corrections('共坚', 0, 2, 0), ['攻坚']);
  });

  it('an index built with the SHA-1 of its UTF-8 file is trusted for a text checked against that file, without the text check', () => {
    const small = ['# test', '+攻关', '共建 700 1500 v', '攻坚 900 3000 v', ''].join('\n');
    const bytes = Buffer.from(small, 'utf8');
    const sha = crypto.createHash('sha1').update(bytes).digest('hex');
    const index = buildLexiconIndex(small, bytes);
    // Damage the text check (header word 3) and empty the word table (the first table, after the 15-word header; -1 is
    // an empty slot):
    // an index that is used then finds no word, one that is not used is rebuilt from the text and finds it.
    const h = new Uint32Array(index.buffer, index.byteOffset, 15);
    h[3] ^= 1;
    new Int32Array(index.buffer, index.byteOffset + 60, h[9]).fill(-1);
    assert.strictEqual(parseLexicon(small, index, sha).word('攻坚'), undefined, 'trusted by the SHA-1');
    assert.strictEqual(parseLexicon(small, index).word('攻坚')?.corpus, 900, 'no SHA-1: the text check rejects it');
    assert.strictEqual(parseLexicon(small, index, 'f'.repeat(40)).word('攻坚')?.corpus, 900, 'another file: the text check rejects it');
    // An undamaged index without a SHA-1 (zero words) still passes on its text check.
    const plain = buildLexiconIndex(small);
    assert.strictEqual(parseLexicon(small, plain, sha).word('攻坚')?.corpus, 900);
    assert.ok(parseLexicon(small, plain, sha).knownAt('x攻坚', 1, 3));
  });

  it('parses a small lexicon of its own', () => {
    const small = parseLexicon(['# test', '^脱贫|共建 1攻坚:1378:0.8:70 1公建:9:0.5:3', '共建 700 1500 v', '攻坚 900 3000 v', '脱贫 800 2000 v', ''].join('\n'));
    assert.strictEqual(small.word('攻坚')?.corpus, 900);
    assert.strictEqual(small.word('攻'), undefined);
    assert.ok(small.hasBigram('脱', '贫') && !small.hasBigram('贫', '攻'));
    assert.deepStrictEqual(small.realWord!('脱贫|共建').map(o => o.meant), ['攻坚', '公建']);
  });

  it('seenBeside: the neighbours edited text writes beside a variant it writes only across words (第八轮)', () => {
    const lines = text.split('\n').filter(l => l.startsWith('~') && l.split(' ').length === 4);
    assert.ok(lines.length > 1000, 'contexts are kept');
    for (const l of lines.slice(0, 2000)) {
      const [k, , , ctx] = l.split(' ');
      const v = k.slice(1);
      const [left, right] = ctx.split('|');
      if (left && left !== '*') assert.strictEqual(lex.seenBeside!(v, left[0], ''), true, l);
      if (right && right !== '*') assert.strictEqual(lex.seenBeside!(v, '', right[right.length - 1]), true, l);
      if (left !== '*' && right !== '*') assert.strictEqual(lex.seenBeside!(v, '', ''), false, l);
    }
    // No context kept: a word, or a variant written as a unit.
    assert.strictEqual(lex.seenBeside!('发展', '的', '和'), undefined);
  });
});

describe('typo lexicon text from its UTF-16LE copy (typo.lexicon.utf16)', () => {
  const file = path.join(dictDir(), LEXICON_FILE);
  const utf8 = fs.readFileSync(file);
  const text = utf8.toString('utf8');
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-lexicon-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a copy made from the file gives exactly its text', () => {
    const copy = buildLexiconText16(utf8);
    assert.strictEqual(lexiconTextFromCopy(utf8, copy), text);
  });

  it('a copy of another text (one byte changed, same length), a truncated, odd-length or foreign copy is not used', () => {
    const copy = buildLexiconText16(utf8);
    const changed = Buffer.from(utf8);
    changed[changed.length - 2] ^= 1;
    assert.strictEqual(lexiconTextFromCopy(changed, copy), undefined);
    assert.strictEqual(lexiconTextFromCopy(utf8, copy.subarray(0, 30)), undefined);
    assert.strictEqual(lexiconTextFromCopy(utf8, copy.subarray(0, copy.length - 1)), undefined);
    assert.strictEqual(lexiconTextFromCopy(utf8, Buffer.concat([Buffer.from('x'), copy.subarray(1)])), undefined);
    assert.strictEqual(lexiconTextFromCopy(utf8, Buffer.alloc(0)), undefined);
  });

  it('readLexiconText: the good copy, a stale or corrupt copy, or none all give the UTF-8 file\'s text', () => {
    const small = '# test\n+甲乙 1\n甲乙 10 5 n\n';
    const other = '# test\n+丙丁 1\n丙丁 10 5 n\n';
    const lex = path.join(dir, 'typo.lexicon.utf8');
    const copy = path.join(dir, 'typo.lexicon.utf16');
    fs.writeFileSync(lex, small);
    assert.strictEqual(readLexiconText(lex), small); // no copy
    fs.writeFileSync(copy, buildLexiconText16(Buffer.from(small)));
    assert.strictEqual(readLexiconText(lex), small); // good copy
    fs.writeFileSync(copy, buildLexiconText16(Buffer.from(other)));
    assert.strictEqual(readLexiconText(lex), small); // stale copy (another text)
    fs.writeFileSync(copy, Buffer.from('not a copy'));
    assert.strictEqual(readLexiconText(lex), small); // corrupt
    fs.rmSync(copy);
    fs.mkdirSync(copy); // unreadable as a file
    assert.strictEqual(readLexiconText(lex), small);
    // And the copy is really what is read when it is good: a copy claiming the file's hash but holding other text
    // is read (so the hash, not the content, decides — the build makes the copy from the file).
    fs.rmSync(copy, { recursive: true });
    const forged = buildLexiconText16(Buffer.from(small));
    const head = forged.length - Buffer.from(small, 'utf16le').length;
    fs.writeFileSync(copy, Buffer.concat([forged.subarray(0, head), Buffer.from(small.replace('甲乙', '乙甲'), 'utf16le')]));
    assert.strictEqual(readLexiconText(lex), small.replace('甲乙', '乙甲'));
  });

  it('the build wrote a copy of the shipped lexicon, and loading through it gives the same look-ups', function () {
    const copyFile = path.join(dictDir(), 'typo.lexicon.utf16');
    if (!fs.existsSync(copyFile)) this.skip(); // a plain tsc build makes no copy
    assert.strictEqual(lexiconTextFromCopy(utf8, fs.readFileSync(copyFile)), text);
    assert.strictEqual(readLexiconText(file), text);
  });
});
