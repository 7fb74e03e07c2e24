// Fixes from different rules that disagree about one spot must not undo each other: an insert touching a
// replaced range waits for the next pass, so fixing converges (found by the fuzz test: one rule deleted a
// stray “…” inside 同心…圆 while another inserted a second “…” right after it, forever).
import * as assert from 'assert';
import { applyFixes, fixAll } from '../../src/lint';
import { defaultConfig, Rule } from '../../src/core/types';

const deleteStray: Rule = {
  meta: { id: 'formulation/test-delete', category: 'formulation', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: true },
  check(ctx) {
    const i = ctx.doc.text.indexOf('同心…圆');
    if (i >= 0) ctx.report({ offset: i, length: 4, message: '多字', fix: { offset: i + 2, length: 1, text: '' } });
  },
};

const doubleEllipsis = (before: boolean): Rule => ({
  meta: { id: 'punctuation/test-double', category: 'punctuation', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: true },
  check(ctx) {
    const t = ctx.doc.text;
    for (let i = 0; i < t.length; i++)
      if (t[i] === '…' && t[i - 1] !== '…' && t[i + 1] !== '…') ctx.report({ offset: i, length: 1, message: '省略号', fix: { offset: before ? i : i + 1, length: 0, text: '…' } });
  },
});

describe('hardening: conflicting fixes converge', () => {
  it('an insert right after a replaced range waits for the next pass', () => {
    const r = applyFixes('心…圆', [
      { offset: 1, length: 1, text: '' },
      { offset: 2, length: 0, text: '…' },
    ]);
    assert.strictEqual(r.output, '心圆');
    assert.strictEqual(r.skipped.length, 1);
  });

  it('an insert right before a replaced range waits for the next pass', () => {
    const r = applyFixes('心…圆', [
      { offset: 1, length: 0, text: '…' },
      { offset: 1, length: 1, text: '' },
    ]);
    assert.strictEqual(r.output, '心……圆');
    assert.strictEqual(r.skipped.length, 1);
  });

  it('adjacent replacements still apply together', () => {
    assert.strictEqual(applyFixes('a,b', [{ offset: 1, length: 1, text: '，' }, { offset: 2, length: 1, text: 'B' }]).output, 'a，B');
  });

  for (const before of [false, true]) {
    it(`fixAll converges when one rule deletes a mark and another inserts next to it (${before ? 'before' : 'after'})`, () => {
      const config = defaultConfig();
      const r = fixAll('画出最大同心…圆。', { rules: [deleteStray, doubleEllipsis(before)], config });
      assert.ok(!r.remaining.some(d => d.fix), JSON.stringify(r.remaining));
      assert.ok(r.passes <= 3, `passes ${r.passes}`);
      assert.ok(r.output === '画出最大同心圆。' || r.output === '画出最大同心……圆。', r.output);
    });
  }
});
