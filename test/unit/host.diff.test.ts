// The one diff (src/host/diff.ts) behind --fix-dry-run and the editor's fix edits.
import * as assert from 'assert';
import { lineHunks, minimalEdits } from '../../src/host/diff';
import { applyFixes } from '../../src/core/engine';
import { diffLines } from '../../src/cli/diff';
import { prng } from '../helpers/prng';

describe('host: one diff for the CLI and the editor', () => {
  it('lineHunks: one hunk per run of changed lines, equal lines never in a hunk', () => {
    assert.deepStrictEqual(lineHunks(['a', 'b', 'c', 'd', 'e'], ['a', 'B', 'c', 'e', 'f']), [
      { oldStart: 1, oldCount: 1, newStart: 1, newCount: 1 },
      { oldStart: 3, oldCount: 1, newStart: 3, newCount: 0 },
      { oldStart: 5, oldCount: 0, newStart: 4, newCount: 1 },
    ]);
    assert.deepStrictEqual(lineHunks(['x'], ['x']), []);
  });

  it('minimalEdits: edits trimmed to the characters that differ, line endings kept', () => {
    assert.deepStrictEqual(minimalEdits('第一段,\r\n第二段\r\n第三段,\r\n', '第一段，\r\n第二段\r\n第三段，\r\n'), [
      { offset: 3, length: 1, text: '，' },
      { offset: 14, length: 1, text: '，' },
    ]);
    // A line inserted between two changed lines of a text whose line count changes: separate edits, not one span.
    assert.deepStrictEqual(minimalEdits('甲,\n乙\n丙,\n', '甲，\n乙\n新\n丙，\n'), [
      { offset: 1, length: 1, text: '，' },
      { offset: 5, length: 2, text: '新\n丙，' },
    ]);
  });

  it('minimalEdits turns any text into any other (random pairs)', () => {
    const r = prng(7);
    const pick = (s: string) => s[Math.floor(r() * s.length)];
    for (let k = 0; k < 300; k++) {
      const a = Array.from({ length: Math.floor(r() * 30) }, () => pick('甲乙，。\n\r ab')).join('');
      let b = a;
      for (let e = 0; e < 1 + Math.floor(r() * 4); e++) {
        const at = Math.floor(r() * (b.length + 1));
        b = b.slice(0, at) + (r() < 0.5 ? pick('丙，\n') : '') + b.slice(at + Math.floor(r() * 3));
      }
      const edits = minimalEdits(a, b);
      assert.strictEqual(applyFixes(a, edits).output, b, JSON.stringify([a, b, edits]));
    }
  });

  it('the CLI diff is built on the same hunks (line endings ignored)', () => {
    assert.deepStrictEqual(
      diffLines('一\r\n二\r\n三\r\n', '一\n二，\n三\n').map(h => [h.oldStart, h.oldLines, h.newStart, h.newLines]),
      [[2, ['二\n'], 2, ['二，\n']]],
    );
  });
});
