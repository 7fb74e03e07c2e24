import * as assert from 'assert';
import { RUN_BREAK, runBreakTable } from '../../src/core/run-break';
import { cutByRuns } from '../../src/segmenter';
import { runsOf } from '../../src/rules/wording/_lib/word-helpers';
import { pack, unpack } from '../../src/segmenter/threaded';

describe('core run-break table (where the segmenters and word rules split runs)', () => {
  it('answers as the regular expression does for every UTF-16 code unit', () => {
    const t = runBreakTable();
    let differ = 0;
    for (let c = 0; c < 65536; c++) if ((t[c] === 1) !== RUN_BREAK.test(String.fromCharCode(c))) differ++;
    assert.strictEqual(differ, 0);
    assert.strictEqual(t['，'.charCodeAt(0)], 1);
    assert.strictEqual(t['\u3000'.charCodeAt(0)], 1);
    assert.strictEqual(t['\ufeff'.charCodeAt(0)], 1);
    assert.strictEqual(t['政'.charCodeAt(0)], 0);
  });

  it('splits runs at break characters, which become one-character tokens of a cut', () => {
    const text = '人民政协，协商民主、 重要渠道。。';
    assert.deepStrictEqual(runsOf(text), [
      [0, 4],
      [5, 9],
      [11, 15],
    ]);
    const cuts: string[] = [];
    const toks = cutByRuns(text, run => {
      cuts.push(run);
      return [run.slice(0, 2), run.slice(2)];
    });
    assert.deepStrictEqual(cuts, ['人民政协', '协商民主', '重要渠道']);
    assert.deepStrictEqual(
      toks.map(t => `${t.word}@${t.offset}`),
      ['人民@0', '政协@2', '，@4', '协商@5', '民主@7', '、@9', ' @10', '重要@11', '渠道@13', '。@15', '。@16'],
    );
  });

  it('a cut packed as (offset, length) pairs for the segmenter thread unpacks to the same tokens', () => {
    const text = '人民政协，\ud83d\ude00协商民主 重要渠道。';
    const toks = cutByRuns(text, run => [run.slice(0, 1), run.slice(1)]);
    const packed = pack(toks);
    assert.ok(packed instanceof Int32Array);
    assert.deepStrictEqual(unpack(text, packed), toks);
  });
});
