// Rule budget: a slow rule is reported; with a per-document RuleBudget it is skipped on the next runs and retried.
import * as assert from 'assert';
import { lint, RuleBudget } from '../../src/lint';
import { defaultConfig, Rule } from '../../src/core/types';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* spin */
  }
}

function makeRules(slowMs: () => number): { rules: Rule[]; calls: { slow: number; fast: number } } {
  const calls = { slow: 0, fast: 0 };
  const slow: Rule = {
    meta: { id: 'wording/slow-test', category: 'wording', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: false },
    check(ctx) {
      calls.slow++;
      busy(slowMs());
      ctx.report({ offset: 0, length: 1, message: '慢' });
    },
  };
  const fast: Rule = {
    meta: { id: 'wording/fast-test', category: 'wording', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: false },
    check(ctx) {
      calls.fast++;
      ctx.report({ offset: 1, length: 1, message: '快' });
    },
  };
  return { rules: [slow, fast], calls };
}

describe('hardening: rule budget', () => {
  it('reports a rule over budget in notices (CLI: no memory, it still runs every time)', () => {
    const { rules, calls } = makeRules(() => 30);
    for (let k = 0; k < 2; k++) {
      const r = lint('政协委员', { rules, config: defaultConfig(), ruleBudgetMs: 10 });
      const slow = r.notices.filter(n => n.kind === 'rule-slow');
      assert.strictEqual(slow.length, 1);
      assert.deepStrictEqual(slow[0].ruleIds, ['wording/slow-test']);
      assert.match(slow[0].message, /^规则 wording\/slow-test 用时 \d+ ms，超过预算 10 ms$/);
      assert.strictEqual(r.diagnostics.length, 2);
    }
    assert.strictEqual(calls.slow, 2);
  });

  it('with a RuleBudget, skips the slow rule on the next runs, keeps the others, then retries', () => {
    let ms = 30;
    const { rules, calls } = makeRules(() => ms);
    const budget = new RuleBudget(10, 2);
    const run = () => lint('政协委员', { rules, config: defaultConfig(), ruleBudget: budget });
    let r = run(); // slow: recorded
    assert.strictEqual(calls.slow, 1);
    assert.deepStrictEqual(budget.skipped(), ['wording/slow-test']);
    r = run(); // skipped 1
    assert.strictEqual(calls.slow, 1);
    assert.deepStrictEqual(r.diagnostics.map(d => d.ruleId), ['wording/fast-test']);
    const n = r.notices.find(x => x.kind === 'rule-slow');
    assert.ok(n);
    assert.deepStrictEqual(n.ruleIds, ['wording/slow-test']);
    assert.match(n.message, /超过预算 10 ms，本次跳过/);
    assert.match(n.message, /wording\/slow-test（上次 \d+ ms）/);
    run(); // skipped 2
    assert.strictEqual(calls.slow, 1);
    ms = 0;
    r = run(); // retried, now fast: no longer skipped
    assert.strictEqual(calls.slow, 2);
    assert.deepStrictEqual(budget.skipped(), []);
    assert.strictEqual(r.diagnostics.length, 2);
    assert.strictEqual(calls.fast, 4);
  });

  it('reset() runs every rule again at once (e.g. on save)', () => {
    const { rules, calls } = makeRules(() => 30);
    const budget = new RuleBudget(10, 100);
    lint('政协', { rules, config: defaultConfig(), ruleBudget: budget });
    lint('政协', { rules, config: defaultConfig(), ruleBudget: budget });
    assert.strictEqual(calls.slow, 1);
    budget.reset();
    lint('政协', { rules, config: defaultConfig(), ruleBudget: budget });
    assert.strictEqual(calls.slow, 2);
  });
});
