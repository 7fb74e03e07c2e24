// Runs the examples written inside formulation pack entries (with the segmenter when one is given, so that
// formulation/phrase-word runs too) (`examples: [{text, expect}]`), so that a pack,
// built-in or an office's own, carries its own tests: every expected finding appears with the expected
// matched text and fixed text, and nothing else is reported.
import { lint } from '../../src/core/engine';
import { defaultConfig } from '../../src/core/types';
import type { PackSet } from '../../src/core/packs';
import type { Segmenter } from '../../src/core/types';
import type { EntryExample, ExampleExpect, FormulationEntry } from '../../src/rules/formulation/_lib/pack-entries';
import { FORMULATION_RULES } from '../../src/rules/formulation';

export interface ExampleResult {
  entry: string;
  example: number;
  text: string;
  expected: ExampleExpect[];
  actual: { rule: string; match: string; fix: string | null }[];
  ok: boolean;
}

/** What the formulation rules report on an example (house style only for house-style entries). */
export function runExample(entry: FormulationEntry, example: EntryExample, packs: PackSet, segmenter?: Segmenter): ExampleResult['actual'] {
  const config = defaultConfig();
  if (example.date) config.documentDate = example.date;
  for (const r of FORMULATION_RULES)
    config.rules[r.meta.id] = { severity: r.meta.id === 'formulation/house-style' && entry.kind !== 'house-style' ? 'off' : 'warning' };
  const text = example.text;
  const res = lint(text, { rules: FORMULATION_RULES, config, packs, docType: 'report', segmenter });
  return res.diagnostics.map(d => {
    const match = text.slice(d.offset, d.offset + d.length);
    let fix: string | null = null;
    if (d.fix) {
      if (d.fix.offset < d.offset || d.fix.offset + d.fix.length > d.offset + d.length) fix = `(修正超出了报告范围：${JSON.stringify(d.fix)})`;
      else fix = match.slice(0, d.fix.offset - d.offset) + d.fix.text + match.slice(d.fix.offset + d.fix.length - d.offset);
    }
    return { rule: d.ruleId, match, fix };
  });
}

/** Runs every example of every formulation entry of `packs` (or only those of the pack named `packName`). */
export function checkPackExamples(packs: PackSet, packName?: string, segmenter?: Segmenter): ExampleResult[] {
  const out: ExampleResult[] = [];
  const all = packs.list<FormulationEntry>('formulations');
  const last = new Map(all.map(e => [e.id, e]));
  for (const e of all) {
    if (packName && e.pack !== packName) continue;
    // An entry replaced by a later pack's entry of the same id no longer runs; its replacement's examples do.
    if (last.get(e.id) !== e) continue;
    e.examples.forEach((x, i) => {
      const actual = runExample(e, x, packs, segmenter);
      const ok =
        actual.length === x.expect.length &&
        x.expect.every((w, k) => w.rule === actual[k].rule && w.match === actual[k].match && (w.fix === undefined || w.fix === actual[k].fix));
      out.push({ entry: e.id, example: i + 1, text: x.text, expected: x.expect, actual, ok });
    });
  }
  return out;
}
