// Every rule's meta.examples run as tests: a `bad` example must produce a finding from that rule (run alone,
// with the shipped packs and the segmenter), its `good` text none. The examples are what the rule pages show.
import * as assert from 'assert';
import { lint } from '../../src/lint';
import { RULES } from '../../src/rules';
import { loadSegmenter } from '../../src/segmenter';
import { onlyRule } from '../helpers/ruleTester';
import { defaultConfig, Rule, RuleExample } from '../../src/core/types';

/** Lint options for one example: only its rule, with the example's document type and date as the config would give. */
function exampleOptions(rule: Rule, ex: RuleExample) {
  const config = { ...defaultConfig(), ...(ex.docType ? { docType: ex.docType } : {}), ...(ex.documentDate ? { documentDate: ex.documentDate } : {}) };
  return onlyRule(rule, undefined, { segmenter, config });
}

const segmenter = loadSegmenter().segmenter!;

describe('rules: meta.examples are tests', () => {
  it('every rule has at least one bad example', () => {
    assert.deepStrictEqual(RULES.filter(r => !r.meta.examples?.length).map(r => r.meta.id), []);
  });
  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      (rule.meta.examples ?? []).forEach((ex, i) => {
        it(`bad #${i + 1} is found: ${ex.bad.slice(0, 30).replace(/\n/g, '⏎')}`, () => {
          const r = lint(ex.bad, exampleOptions(rule, ex));
          assert.ok(r.diagnostics.some(d => d.ruleId === rule.meta.id), `no finding for: ${ex.bad}`);
        });
        if (ex.good !== undefined) {
          const good = ex.good;
          it(`good #${i + 1} is clean: ${good.slice(0, 30).replace(/\n/g, '⏎')}`, () => {
            const r = lint(good, exampleOptions(rule, ex));
            assert.deepStrictEqual(r.diagnostics.map(d => `${d.line}:${d.column} ${d.message}`), []);
          });
        }
      });
    });
  }
});
