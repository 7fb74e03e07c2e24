// ESLint-style table tests for one rule: valid texts must give no finding; invalid cases state the exact
// findings (rule, line, column, length) and the text after applying this rule's fixes.
import * as assert from 'assert';
import { lint, fixAll, LintOptions } from '../../src/lint';
import type { Rule, Diagnostic } from '../../src/core/types';
import { defaultConfig } from '../../src/core/types';

export interface ExpectedFinding {
  line: number;
  column: number;
  length?: number;
  /** Substring the message must contain. */
  message?: string;
  severity?: Diagnostic['severity'];
  ruleId?: string;
}

export interface ValidCase {
  text: string;
  name?: string;
  options?: Record<string, unknown>;
  lint?: LintOptions;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** Text after applying every fix of this rule until stable; omit when the rule offers no fix here. */
  output?: string;
}

/** Lint options that run only `rule` (switched on even if it is off by default). */
export function onlyRule(rule: Rule, options?: Record<string, unknown>, extra: LintOptions = {}): LintOptions {
  const config = { ...defaultConfig(), ...(extra.config ?? {}) };
  // The severity is set only to switch on a rule that is off by default: a set severity is the user's and would
  // override the levels the rule gives its findings.
  config.rules = { ...config.rules, [rule.meta.id]: { ...(rule.meta.defaultOff ? { severity: rule.meta.defaultSeverity } : {}), options } };
  return { ...extra, rules: [rule], config };
}

/** Registers mocha tests for a rule from tables of valid and invalid cases. */
export function testRule(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }, common: LintOptions = {}): void {
  describe(rule.meta.id, () => {
    cases.valid.forEach((c, i) => {
      const vc: ValidCase = typeof c === 'string' ? { text: c } : c;
      it(`valid #${i + 1}: ${vc.name ?? vc.text.slice(0, 30).replace(/\n/g, '⏎')}`, () => {
        const r = lint(vc.text, onlyRule(rule, vc.options, { ...common, ...vc.lint }));
        assert.deepStrictEqual(
          r.diagnostics.map(d => `${d.line}:${d.column} ${d.message}`),
          [],
        );
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}: ${c.name ?? c.text.slice(0, 30).replace(/\n/g, '⏎')}`, () => {
        const opts = onlyRule(rule, c.options, { ...common, ...c.lint });
        const r = lint(c.text, opts);
        const got = r.diagnostics.map(d => ({ ruleId: d.ruleId, line: d.line, column: d.column, length: d.length, message: d.message, severity: d.severity }));
        assert.strictEqual(got.length, c.errors.length, `expected ${c.errors.length} findings, got ${JSON.stringify(got, null, 1)}`);
        c.errors.forEach((e, k) => {
          const g = got[k];
          assert.strictEqual(g.ruleId, e.ruleId ?? rule.meta.id);
          assert.deepStrictEqual([g.line, g.column], [e.line, e.column], `finding ${k + 1} position: ${JSON.stringify(g)}`);
          if (e.length !== undefined) assert.strictEqual(g.length, e.length, `finding ${k + 1} length: ${JSON.stringify(g)}`);
          if (e.message !== undefined) assert.ok(g.message.includes(e.message), `message "${g.message}" should contain "${e.message}"`);
          if (e.severity !== undefined) assert.strictEqual(g.severity, e.severity);
        });
        const fixed = fixAll(c.text, opts);
        if (c.output !== undefined) {
          assert.strictEqual(fixed.output, c.output);
          assert.ok(!fixed.remaining.some(d => d.fix), 'fixing again should leave nothing fixable');
        } else {
          assert.strictEqual(fixed.output, c.text, 'no fix expected');
        }
      });
    });
  });
}
