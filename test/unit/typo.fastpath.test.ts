// The quick paths of wording/typo (docs/typo-detection.md 第六轮) against the slow ones on generated text: the
// pre-test of each loose position in mayHaveSlip, and the prebuilt index's hash tables (hash bits in the slots, the
// masked character beside each entry) against a plain scan of the lexicon's lines.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { mayHaveSlip, SlipLookups } from '../../src/rules/wording/_lib/typo-candidates';
import { functionChars, reduplication, ConfusableGroup } from '../../src/rules/wording/_lib/word-helpers';
import { builtinPackSet } from '../../src/core/packs';
import { buildLexiconIndex, loadLexicon, parseLexicon, LEXICON_FILE } from '../../src/segmenter/lexicon';
import { dictDir, loadSegmenter } from '../../src/segmenter';

/** A small deterministic generator (LCG): the same text on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('typo quick paths', () => {
  const text = fs.readFileSync(path.join(dictDir(), LEXICON_FILE), 'utf8');
  const wordLines = text.split('\n').filter(l => l && l.charCodeAt(0) >= 0x3400);
  const words = wordLines.map(l => l.split(' ')[0]).filter(w => w.length >= 2 && w.length <= 4);
  const segmenter = loadSegmenter().segmenter!;
  const lexicon = loadLexicon(dictDir())!;
  const packs = builtinPackSet();
  const fc = functionChars(packs);

  /** Runs of words, function characters and stray characters, about half with one character replaced by a homophone,
   *  a near homophone or any other character. */
  function generatedRuns(count: number, seed: number): string[] {
    const r = rng(seed);
    const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(r() * xs.length)];
    const out: string[] = [];
    for (let k = 0; k < count; k++) {
      let run = '';
      const target = 4 + Math.floor(r() * 16);
      while (run.length < target) {
        const u = r();
        run += u < 0.7 ? pick(words) : u < 0.9 ? pick(fc) : pick(pick(words));
      }
      if (r() < 0.6) {
        const p = Math.floor(r() * run.length);
        const u = r();
        const pool = u < 0.5 ? lexicon.homophones(run[p]) : u < 0.8 ? lexicon.nearHomophones(run[p]) : pick(words);
        if (pool.length) run = run.slice(0, p) + pick(pool) + run.slice(p + 1);
      }
      if (r() < 0.05) {
        // A doubled character (多字, the stutter).
        const p = Math.floor(r() * run.length);
        run = run.slice(0, p + 1) + run.slice(p);
      }
      out.push(run);
    }
    return out;
  }

  it('mayHaveSlip gives the same answer with and without its quick test of each loose position', () => {
    const alikes = new Map<string, string>();
    for (const pk of packs.packs) {
      for (const g of ((pk.wording as { confusables?: Omit<ConfusableGroup, 'pack'>[] } | undefined)?.confusables ?? [])) {
        for (const c of g.chars) for (const d of g.chars) if (c !== d && !(alikes.get(c) ?? '').includes(d)) alikes.set(c, (alikes.get(c) ?? '') + d);
      }
    }
    const lx: SlipLookups = {
      lexicon,
      isWord: w => segmenter.isWord(w),
      lookAlikes: ch => alikes.get(ch) ?? '',
      ignore: new Set(),
      functionChars: fc,
      surnames: reduplication(packs).surnames,
      placeAbbreviations: packs.packs.map(pk => String((pk.wording as { placeAbbreviations?: string } | undefined)?.placeAbbreviations ?? '')).join(''),
    };
    let yes = 0;
    const runs = generatedRuns(3000, 7);
    for (const run of runs) {
      const quick = mayHaveSlip(run, lx);
      assert.strictEqual(quick, mayHaveSlip(run, lx, true), run);
      if (quick) yes++;
    }
    // Both answers occur (the comparison is not vacuous).
    assert.ok(yes > 100 && yes < runs.length - 100, `${yes} of ${runs.length}`);
    assert.ok(mayHaveSlip('做好防迅抗旱工作', lx) && !mayHaveSlip('做好防汛抗旱工作', lx));
  });

  it('the shipped lexicon with its prebuilt index answers as a plain scan of its lines, on generated text', () => {
    const known = new Set(text.split('\n').filter(l => l && (l[0] === '+' || l.charCodeAt(0) >= 0x3400)).map(l => l.replace(/^\+/, '').split(' ')[0]));
    const byMask = new Map<string, string[]>();
    for (const w of words) {
      for (let i = 0; i < w.length; i++) {
        const k = w.slice(0, i) + '?' + w.slice(i + 1);
        (byMask.get(k) ?? byMask.set(k, []).get(k)!).push(w);
      }
    }
    const counts = new Map(wordLines.map(l => [l.split(' ')[0], Number(l.split(' ')[1])]));
    const variants = new Map(text.split('\n').filter(l => l[0] === '~').map(l => [l.slice(1).split(' ')[0], Number(l.split(' ')[1])]));
    const r = rng(11);
    let hits = 0;
    for (const run of generatedRuns(400, 3)) {
      // A set of accepted characters: those of a random homophone class.
      const accepted = lexicon.homophones(run[Math.floor(r() * run.length)]);
      const accept = (code: number) => accepted.includes(String.fromCharCode(code));
      for (let a = 0; a < run.length; a++) {
        const bits = lexicon.knownLengths(run, a);
        for (let k = 2; k <= 4 && a + k <= run.length; k++) {
          const w = run.slice(a, a + k);
          assert.strictEqual(!!(bits & (1 << k)), known.has(w), w);
          assert.strictEqual(lexicon.knownAt(run, a, a + k), known.has(w), w);
          assert.strictEqual(lexicon.word(w)?.corpus, counts.get(w), w);
          assert.strictEqual(lexicon.attested(w), variants.get(w) ?? 0, w);
          if (known.has(w)) hits++;
          for (let p = a; p < a + k; p++) {
            const all = (byMask.get(w.slice(0, p - a) + '?' + w.slice(p - a + 1)) ?? []).filter(x => x[p - a] !== w[p - a]);
            assert.deepStrictEqual([...lexicon.corrections(run, a, a + k, p)].sort(), [...all].sort(), `${w} at ${p - a}`);
            assert.deepStrictEqual([...lexicon.corrections(run, a, a + k, p, accept)].sort(), all.filter(x => accepted.includes(x[p - a])).sort(), `${w} at ${p - a}, accepted`);
          }
        }
      }
    }
    assert.ok(hits > 1000, `${hits}`);
  });

  it('an index built by buildLexiconIndex reads back the same tables (slots with hash bits, masked characters)', () => {
    const small = ['# test', '+攻关', '~攻尖 3 0', '共建 700 1500 v', '功坚 1 1 v', '攻坚 900 3000 v', '攻艰 1 1 v', ''].join('\n');
    const fresh = parseLexicon(small);
    const indexed = parseLexicon(small, buildLexiconIndex(small));
    for (const lex of [fresh, indexed]) {
      assert.deepStrictEqual([...lex.corrections('共坚', 0, 2, 0)].sort(), ['功坚', '攻坚']);
      assert.deepStrictEqual(lex.corrections('共坚', 0, 2, 0, c => c === '攻'.charCodeAt(0)), ['攻坚']);
      assert.deepStrictEqual(lex.corrections('共坚', 0, 2, 1), ['共建']);
      assert.strictEqual(lex.knownLengths('x攻关攻坚', 1), 4);
      assert.strictEqual(lex.knownLengths('x攻关攻坚', 2), 0);
      assert.strictEqual(lex.attested('攻尖'), 3);
      assert.strictEqual(lex.attested('攻关'), 0);
      assert.strictEqual(lex.word('攻坚')?.corpus, 900);
    }
  });
});
