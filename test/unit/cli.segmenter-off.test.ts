import * as assert from 'assert';
import { allRules } from '../../src/lint';
import { defaultConfig } from '../../src/core/types';
import { SegmenterHolder, segmenterRulesOff } from '../../src/cli/main';

describe('CLI: no segmenter when every rule that needs it is off', () => {
  const rules = allRules();
  const segRules = rules.filter(r => r.meta.needsSegmenter).map(r => r.meta.id);
  const off = (ids: string[]) => ids.map(id => ({ id, severity: 'off' }));

  it('knows the rules that need the segmenter', () => {
    assert.ok(segRules.includes('wording/typo') && segRules.includes('formulation/phrase-word'), segRules.join(','));
  });

  it("says 'all' only when each is named off on the command line, 'maybe' when a category turns some off", () => {
    assert.strictEqual(segmenterRulesOff(rules, []), 'no');
    assert.strictEqual(segmenterRulesOff(rules, off(segRules)), 'all');
    assert.strictEqual(segmenterRulesOff(rules, off(segRules.slice(1))), 'no');
    const cats = [...new Set(segRules.map(id => id.replace(/\/.*$/, '/*')))];
    assert.strictEqual(segmenterRulesOff(rules, off(cats)), 'maybe');
    // The rule's own setting wins over its category's (as ruleSetting does).
    assert.strictEqual(segmenterRulesOff(rules, [...off(cats), { id: segRules[0], severity: 'warning' }]), 'no');
    assert.strictEqual(segmenterRulesOff(rules, [...off(segRules), { id: segRules[0], severity: 'info' }]), 'no');
  });

  it('a holder allowed a thread starts none while no file needs the segmenter, and one when a file does', () => {
    const cfg = defaultConfig();
    const allOff = { ...cfg, rules: Object.fromEntries(segRules.map(id => [id, { severity: 'off' as const }])) };
    const seg = new SegmenterHolder();
    try {
      seg.allowThread();
      seg.ensure(rules, allOff);
      assert.strictEqual(seg.threadStarted, false);
      assert.deepStrictEqual(seg.lintOptions(), { segmenter: undefined, segmenterState: 'unavailable', segmenterError: undefined });
      seg.ensure(rules, cfg);
      assert.strictEqual(seg.threadStarted, true);
    } finally {
      seg.dispose();
    }
  });

  it('a holder with an injected loader never starts a thread', () => {
    let loads = 0;
    const seg = new SegmenterHolder(() => (loads++, { error: 'none', loadMs: 0 }));
    seg.allowThread();
    seg.ensure(rules, defaultConfig());
    assert.strictEqual(seg.threadStarted, false);
    assert.strictEqual(loads, 1);
  });
});
