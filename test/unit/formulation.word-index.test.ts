import * as assert from 'assert';
import { builtinPackSet } from '../../src/core/packs';
import { entriesOf, normalize } from '../../src/rules/formulation/_lib/pack-entries';
import { startIndex, termsIn } from '../../src/rules/formulation/_lib/word-matcher';

/** The search termsIn replaces: every text of `all` (≥ 4 characters, shorter than norm), each one's occurrences. */
function naiveTerms(norm: string, all: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of all) if (c.length >= 4 && c.length < norm.length) for (let a = norm.indexOf(c); a >= 0; a = norm.indexOf(c, a + 1)) out.push([a, a + c.length]);
  return out;
}

describe('formulation word index: shorter phrases inside a phrase (termsIn)', () => {
  const table: { name: string; norm: string; all: string[]; want: [number, number][] }[] = [
    { name: 'none', norm: '坚持和发展中国特色社会主义', all: ['人民政协', '协商民主'], want: [] },
    { name: 'one inside', norm: '坚持和发展中国特色社会主义', all: ['中国特色社会主义'], want: [[5, 13]] },
    { name: 'the phrase itself is not a term of itself', norm: '中国特色社会主义', all: ['中国特色社会主义', '社会主义'], want: [[4, 8]] },
    { name: 'shorter than four characters is not a term', norm: '中国特色社会主义', all: ['中国', '特色社'], want: [] },
    { name: 'overlapping occurrences, in the order of all, then left to right', norm: '哈哈哈哈哈哈', all: ['哈哈哈哈哈', '哈哈哈哈'], want: [[0, 5], [1, 6], [0, 4], [1, 5], [2, 6]] },
    { name: 'a text listed twice counts twice', norm: '全过程人民民主制度', all: ['人民民主', '全过程人民民主', '人民民主'], want: [[3, 7], [0, 7], [3, 7]] },
    { name: 'texts with the same first two characters', norm: '协商民主协商议政', all: ['协商议政', '协商民主'], want: [[4, 8], [0, 4]] },
  ];
  for (const t of table)
    it(t.name, () => {
      assert.deepStrictEqual(termsIn(t.norm, t.all, startIndex(t.all)), t.want);
      assert.deepStrictEqual(naiveTerms(t.norm, t.all), t.want);
    });

  it('the same terms as searching for every phrase, for every phrase of the built-in packs', () => {
    const all: string[] = [];
    for (const e of entriesOf(builtinPackSet(), 'phrase')) for (const t of [e.text, ...(e.variants ?? [])]) all.push(normalize(t));
    assert.ok(all.length > 200, `${all.length} phrases`);
    const byStart = startIndex(all);
    let withTerms = 0;
    for (const norm of all) {
      const want = naiveTerms(norm, all);
      if (want.length) withTerms++;
      assert.deepStrictEqual(termsIn(norm, all, byStart), want, norm);
    }
    assert.ok(withTerms > 30, `${withTerms} phrases with terms`);
  });
});
