import * as assert from 'assert';
import { DocumentModel } from '../../src/core/document';
import { builtinPackSet } from '../../src/core/packs';
import { findPhraseHits } from '../../src/rules/formulation/_lib/phrase-matcher';

describe('formulation: phrase voting tables kept between documents', () => {
  const packs = builtinPackSet();
  const A = '人民政协是社会主义协商民主的重要渠道和专门协商机构。要坚持社会主意协商民主的重要渠道，发挥专门协商机构作用。';
  const view = (t: string) => findPhraseHits(new DocumentModel(t), packs).map(h => `${h.offset}:${h.length}:${h.actual}:${h.distance}:${h.candidates.map(c => c.text).join('|')}`);

  it('finds the same hits in a document whatever was linted before it (old votes never count)', () => {
    const first = view(A);
    assert.deepStrictEqual(first, ['29:13:社会主意协商民主的重要渠道:1:社会主义协商民主的重要渠道']);
    // The same document again at once: its own votes from the runs before must not add to this one's.
    for (let k = 0; k < 3; k++) assert.deepStrictEqual(view(A), first, `run ${k + 2}`);
    // Documents of every length in between, with the same phrases at other offsets.
    for (let k = 0; k < 40; k++) view('甲'.repeat(k * 37) + A.slice(k % 9) + '乙'.repeat(k * 11) + A);
    assert.deepStrictEqual(view(A), first);
    // A prefix shifts every alignment: the hits move with it.
    const shifted = view('前言。' + A);
    assert.deepStrictEqual(
      shifted.map(h => h.replace(/^(\d+)/, (_, o) => String(Number(o) - 3))),
      first,
    );
  });
});
