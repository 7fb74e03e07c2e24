// Every example of every entry in the built-in formulation pack: the formulation rules report exactly what the
// example expects (rule, matched text, text after the fix), and nothing else.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { builtinPackSet, PackSet } from '../../src/core/packs';
import { validatePack } from '../../src/host/packs';
import { DraftLintError } from '../../src/core/types';
import { FORMULATION_RULES } from '../../src/rules/formulation';
import { checkPackExamples, runExample } from '../helpers/pack-examples';
import type { FormulationEntry } from '../../src/rules/formulation/_lib/pack-entries';
import builtin from '../../src/packs/formulations.json';
import mined from '../../src/packs/mined-enumerations.json';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter;

describe('formulation pack (built-in)', () => {
  const entries = (builtin as unknown as { formulations: FormulationEntry[] }).formulations;

  it('is valid against the pack schema', () => {
    validatePack(builtin, 'formulations.json');
  });

  it('has at least 400 entries across all six kinds, each with a source or note and examples', () => {
    assert.ok(entries.length >= 400, `only ${entries.length} entries`);
    const kinds = new Set(entries.map(e => e.kind));
    assert.deepStrictEqual([...kinds].sort(), ['collocation', 'enumeration', 'house-style', 'phrase', 'time-bound', 'title']);
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
          const got = runExample(e, x, builtinPackSet(), segmenter);
          for (const g of got) assert.ok(!String(g.fix).startsWith('(修正超出'), `fix stays inside its range: ${g.fix}`);
          const want = x.expect.map(w => ({ rule: w.rule, match: w.match, fix: w.fix }));
          const cmp = got.map((g, k) => (want[k] && want[k].fix === undefined ? { ...g, fix: undefined } : g));
          assert.deepStrictEqual(cmp, want);
        });
      });
    });
  }
});

describe('formulation pack (built-in, mined enumerations)', () => {
  const entries = (mined as unknown as { formulations: FormulationEntry[] }).formulations;

  it('is valid against the pack schema, every list order-only, with a source and a positive example', () => {
    validatePack(mined, 'mined-enumerations.json');
    assert.ok(entries.length >= 50, `only ${entries.length} lists`);
    for (const e of entries) {
      assert.strictEqual(e.kind, 'enumeration');
      assert.strictEqual((e as { orderOnly?: boolean }).orderOnly, true, e.id);
      assert.ok(e.source, e.id);
      assert.ok(e.examples.some(x => x.expect.length > 0), `${e.id} has no positive example`);
    }
    assert.strictEqual(new Set(entries.map(e => e.id)).size, entries.length, 'ids are unique');
  });

  for (const e of entries) {
    it(`${e.id}: ${(e as { items: string[] }).items.join('、').slice(0, 30)}`, () => {
      for (const x of e.examples) {
        const got = runExample(e, x, builtinPackSet(), segmenter);
        assert.deepStrictEqual(got, x.expect.map(w => ({ rule: w.rule, match: w.match, fix: w.fix })), x.text);
      }
    });
  }
});

describe('formulation pack (an office pack)', () => {
  const office = {
    name: 'office',
    formulations: [
      {
        id: 'zhonglou-goal',
        kind: 'phrase',
        text: '建设充满创新活力的高质量城区',
        source: '区委十届九次全会',
        examples: [
          { text: '瞄准“建设充满创新活力的高质量城区”战略目标', expect: [] },
          { text: '瞄准“建设充满创造活力的高质量城区”战略目标', expect: [{ rule: 'formulation/canonical-phrase', match: '建设充满创造活力的高质量城区', fix: '建设充满创新活力的高质量城区' }] },
        ],
      },
      { id: 'three-functions', kind: 'enumeration', disabled: true, note: '本单位停用', examples: [{ text: '加强政治协商、参政议政、民主监督', expect: [] }] },
    ],
  };

  it('loads, adds its entries and disables a built-in entry by id', () => {
    const packs = new PackSet([...builtinPackSet().packs, validatePack(office, 'our-pack.json')]);
    const r = lint('瞄准“建设充满创造活力的高质量城区”战略目标，加强政治协商、参政议政、民主监督。', { rules: FORMULATION_RULES, packs });
    assert.deepStrictEqual(r.diagnostics.map(d => [d.ruleId, d.column, d.length]), [['formulation/canonical-phrase', 4, 14]]);
  });

  it('runs its own examples', () => {
    const packs = new PackSet([...builtinPackSet().packs, validatePack(office, 'our-pack.json')]);
    const res = checkPackExamples(packs, 'office');
    assert.strictEqual(res.length, 3);
    assert.ok(res.every(r => r.ok), JSON.stringify(res.filter(r => !r.ok)));
  });

  it('a failing example is reported as failing', () => {
    const wrong = JSON.parse(JSON.stringify(office));
    wrong.formulations[0].examples[1].expect = [];
    const packs = new PackSet([...builtinPackSet().packs, validatePack(wrong, 'our-pack.json')]);
    assert.deepStrictEqual(checkPackExamples(packs, 'office').map(r => r.ok), [true, false, true]);
  });

  it('a malformed entry is refused with its JSON path and what is missing', () => {
    const bad = { name: 'bad', formulations: [{ id: 'x', kind: 'phrase', source: 's', examples: [{ text: 'a', expect: [] }] }] };
    assert.throws(() => validatePack(bad, 'bad.json'), (e: DraftLintError) => e.jsonPath === '$.formulations[0]' && /缺少必填属性 "text"/.test(e.message));
    const unknown = { name: 'bad', formulations: [{ id: 'x', kind: 'phrase', text: '双重积极作用', source: 's', examples: [{ text: 'a', expect: [] }], foo: 1 }] };
    assert.throws(() => validatePack(unknown, 'bad.json'), /不认识的属性 "foo"/);
  });
  it('a one-character misspelling needs a context (followedBy or precededBy)', () => {
    const entry = { wrong: '的', right: '地', examples: [{ bad: '清醒的看到', good: '清醒地看到' }] };
    assert.throws(() => validatePack({ name: 'w', wording: { misspellings: [entry] } }, 'w.json'), (e: DraftLintError) => e.jsonPath === '$.wording.misspellings[0]');
    assert.doesNotThrow(() => validatePack({ name: 'w', wording: { misspellings: [{ ...entry, followedBy: '^看到' }] } }, 'w.json'));
  });
});

describe('formulation pack (the example office pack in docs/packs.md)', () => {
  it('is valid and all its examples pass', () => {
    const file = path.resolve(__dirname, '../../../test/fixtures/packs/office-pack.json');
    const pack = validatePack(JSON.parse(fs.readFileSync(file, 'utf8')), file);
    // The pack shown in docs/packs.md is the fixture (apart from its "$schema" line).
    const docFile = path.resolve(__dirname, '../../../docs/packs.md');
    const blocks = [...fs.readFileSync(docFile, 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map(m => m[1]);
    const shown = blocks.filter(b => b.includes('"id": "zhonglou-goal"'));
    assert.strictEqual(shown.length, 1, 'docs/packs.md shows the example office pack once');
    const { $schema: _s, ...docPack } = JSON.parse(shown[0]);
    const { $schema: _f, ...fixture } = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepStrictEqual(docPack, fixture, 'the pack in docs/packs.md and test/fixtures/packs/office-pack.json differ');
    const res = checkPackExamples(new PackSet([...builtinPackSet().packs, pack]), pack.name);
    assert.strictEqual(res.length, 4);
    assert.ok(res.every(r => r.ok), JSON.stringify(res.filter(r => !r.ok), null, 1));
  });
});
