// Every example of every entry in the built-in formulation pack: the formulation rules report exactly what the
// example expects (rule, matched text, text after the fix), and nothing else.
import * as assert from 'assert';
import { lint } from '../../src/core/engine';
import { defaultConfig } from '../../src/core/types';
import { builtinPackSet, validatePack } from '../../src/core/packs';
import { FORMULATION_RULES } from '../../src/rules/formulation';
import type { FormulationEntry } from '../../src/rules/formulation/entries';
import builtin from '../../src/packs/formulations.json';

/** Runs the formulation rules over an example (house style only for house-style entries). */
export function runExample(entry: FormulationEntry, text: string, date?: string) {
  const config = defaultConfig();
  if (date) config.documentDate = date;
  for (const r of FORMULATION_RULES) config.rules[r.meta.id] = { severity: r.meta.id === 'formulation/house-style' && entry.kind !== 'house-style' ? 'off' : 'warning' };
  const res = lint(text, { rules: FORMULATION_RULES, config, packs: builtinPackSet(), docType: 'report' });
  return res.diagnostics.map(d => {
    const match = text.slice(d.offset, d.offset + d.length);
    let fix: string | null = null;
    if (d.fix) {
      assert.ok(d.fix.offset >= d.offset && d.fix.offset + d.fix.length <= d.offset + d.length, `fix of ${d.ruleId} stays inside its range: ${JSON.stringify(d)}`);
      fix = match.slice(0, d.fix.offset - d.offset) + d.fix.text + match.slice(d.fix.offset + d.fix.length - d.offset);
    }
    return { rule: d.ruleId, match, fix };
  });
}

describe('formulation pack (built-in)', () => {
  const entries = (builtin as unknown as { formulations: FormulationEntry[] }).formulations;

  it('is valid against the pack schema', () => {
    validatePack(builtin, 'formulations.json');
  });

  it('has at least 120 entries across all five kinds, each with a source or note and examples', () => {
    assert.ok(entries.length >= 120, `only ${entries.length} entries`);
    const kinds = new Set(entries.map(e => e.kind));
    assert.deepStrictEqual([...kinds].sort(), ['collocation', 'enumeration', 'house-style', 'phrase', 'time-bound']);
    for (const e of entries) {
      assert.ok(e.source || e.note, `${e.id} has a source or note`);
      assert.ok(e.examples.length >= 1, `${e.id} has examples`);
    }
    assert.strictEqual(new Set(entries.map(e => e.id)).size, entries.length, 'ids are unique');
  });

  it('every entry has an example that must be reported (the check can fail)', () => {
    for (const e of entries) assert.ok(e.examples.some(x => x.expect.length > 0), `${e.id} has no positive example`);
  });

  for (const e of entries) {
    describe(`${e.kind} ${e.id}`, () => {
      e.examples.forEach((x, i) => {
        it(`example ${i + 1}: ${x.text.slice(0, 30)}${x.date ? ` (${x.date})` : ''}`, () => {
          const got = runExample(e, x.text, x.date);
          const want = x.expect.map(w => ({ rule: w.rule, match: w.match, fix: w.fix }));
          const cmp = got.map((g, k) => (want[k] && want[k].fix === undefined ? { ...g, fix: undefined } : g));
          assert.deepStrictEqual(cmp, want);
        });
      });
    });
  }
});
