// Runs every fixture in test/fixtures/rules (syntax in test/helpers/fixtures.ts) with all rules and compares exactly.
import * as assert from 'assert';
import * as path from 'path';
import { loadFixtures, checkFixture, fixFixture, parseFixture, isUnderTest, Fixture } from '../helpers/fixtures';

const DIR = path.resolve(__dirname, '../../../test/fixtures/rules');

describe('rule fixtures (test/fixtures/rules)', () => {
  const fixtures = loadFixtures(DIR);
  it('has at least one fixture for each of punctuation, numbering and format', () => {
    for (const cat of ['punctuation', 'numbering', 'format'])
      assert.ok(fixtures.some(f => f.expectations.some(e => e.ruleId.startsWith(cat + '/'))), `no fixture expects a ${cat} finding`);
  });
  for (const f of fixtures) {
    describe(f.name, () => {
      it(`findings of ${f.rules.join(' ')} are exactly the marked ones`, () => {
        const r = checkFixture(f);
        assert.deepStrictEqual({ missing: r.missing, unexpected: r.unexpected }, { missing: [], unexpected: [] });
      });
      it('fixing leaves nothing fixable' + (f.fixed !== undefined ? ' and gives the .fixed file' : ''), () => {
        const r = fixFixture(f);
        assert.deepStrictEqual(r.remainingFixable.map(d => `${d.line}:${d.column} ${d.ruleId}`), []);
        if (f.fixed !== undefined) assert.strictEqual(r.output, f.fixed);
      });
    });
  }
});

describe('fixture harness', () => {
  const make = (name: string, text: string): Fixture => ({ ...parseFixture(name, text), file: name });
  it('parses markers, lengths and the rules under test', () => {
    const f = make('a.txt', '推动专门协商机构“”出特色 <!-- expect: punctuation/empty-pair:9:2, numbering/sequence:1 -->\n正文');
    assert.deepStrictEqual(f.expectations, [
      { line: 1, ruleId: 'punctuation/empty-pair', column: 9, length: 2 },
      { line: 1, ruleId: 'numbering/sequence', column: 1, length: undefined },
    ]);
    assert.deepStrictEqual(f.rules, ['punctuation/*', 'numbering/*']);
    assert.deepStrictEqual(make('b.txt', '<!-- fixture-rules: punctuation/empty-pair, format -->\n正文。').rules, ['punctuation/empty-pair', 'format/*']);
    assert.ok(isUnderTest('format/full-width-alnum', ['format/*']));
    assert.ok(!isUnderTest('formulation/x', ['format/*']));
  });
  it('rejects a malformed marker and a fixture with nothing under test', () => {
    assert.throws(() => parseFixture('c.txt', '正文 <!-- expect: empty-pair -->'), /bad expect item/);
    assert.throws(() => parseFixture('d.txt', '正文。'), /nothing is under test/);
  });
  it('reports a missing finding, a wrong column and an unexpected finding', () => {
    const wrongColumn = checkFixture(make('e.txt', '推动专门协商机构“”出特色。 <!-- expect: punctuation/empty-pair:8 -->'));
    assert.deepStrictEqual(wrongColumn.missing, ['L1 punctuation/empty-pair:8']);
    assert.strictEqual(wrongColumn.unexpected.length, 1);
    assert.match(wrongColumn.unexpected[0], /^L1 punctuation\/empty-pair:9:2 /);
    const unmarked = checkFixture(make('f.txt', '<!-- fixture-rules: punctuation -->\n准确把握天津发展“”与“”。'));
    assert.deepStrictEqual(unmarked.unexpected.map(u => u.split(' ').slice(0, 2).join(' ')), ['L2 punctuation/empty-pair:9:2', 'L2 punctuation/empty-pair:12:2']);
    const wrongLength = checkFixture(make('g.txt', '推动专门协商机构“”出特色。 <!-- expect: punctuation/empty-pair:9:3 -->'));
    assert.deepStrictEqual(wrongLength.missing, ['L1 punctuation/empty-pair:9:3 (found with length 2)']);
  });
});
