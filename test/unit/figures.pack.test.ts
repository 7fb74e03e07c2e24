// The figures section of rule packs: the built-in pack is valid, bad sections are rejected with a path,
// and an office pack's chains, anniversaries and plans are used by the rules without code.
import * as assert from 'assert';
import { builtinPackSet, PackSet, Pack } from '../../src/core/packs';
import { validatePack } from '../../src/host/packs';
import { lint } from '../../src/lint';
import { partExceedsWhole } from '../../src/rules/figures/part-exceeds-whole';
import { anniversary } from '../../src/rules/figures/anniversary';
import { rate } from '../../src/rules/figures/rate';
import { DraftLintError } from '../../src/core/types';

const office: Pack = validatePack(
  {
    name: 'office',
    figures: {
      chains: [{ name: '调研课题', units: ['项'], stages: [{ label: '立项', match: '立项' }, { label: '结题', match: '结题' }] }],
      rates: [{ match: '结题率', chain: '调研课题', part: 1, whole: 0 }],
      anniversaries: [{ name: '天津市政协成立', year: 1955, match: '天津市政协' }],
      fivePlans: [{ name: '十六五', start: 2031, end: 2035 }],
      subjectSynonyms: [['提交提案', '收到提案']],
      fixedPhrases: ['十项工程'],
      countAnnouncers: ['个片区'],
    },
  },
  'office.json',
);
const packs = new PackSet([...builtinPackSet().packs, office]);

describe('figures pack', () => {
  it('the built-in pack has chains, rates, anniversaries and the five-year plans', () => {
    const b = builtinPackSet();
    assert.ok(b.field('figures', 'chains').length >= 3);
    assert.ok(b.field('figures', 'rates').length >= 3);
    assert.ok(b.field<{ name: string; year: number }>('figures', 'anniversaries').some(a => a.year === 1921));
    const plans = b.field<{ name: string; start: number; end: number }>('figures', 'fivePlans');
    assert.deepStrictEqual(plans.find(p => p.name === '十四五'), { name: '十四五', start: 2021, end: 2025, pack: 'builtin-figures' });
    assert.deepStrictEqual(plans.find(p => p.name === '十三五'), { name: '十三五', start: 2016, end: 2020, pack: 'builtin-figures' });
  });
  it('rejects an unknown field and a chain with one stage, naming the JSON path', () => {
    assert.throws(
      () => validatePack({ name: 'x', figures: { chainz: [] } }, 'x.json'),
      (e: DraftLintError) => e instanceof DraftLintError && /chainz/.test(e.message) && e.jsonPath === '$.figures',
    );
    assert.throws(
      () => validatePack({ name: 'x', figures: { chains: [{ name: 'c', stages: [{ label: 'a', match: 'a' }] }] } }, 'x.json'),
      (e: DraftLintError) => e instanceof DraftLintError && e.jsonPath === '$.figures.chains[0].stages',
    );
    assert.throws(() => validatePack({ name: 'x', figures: { anniversaries: [{ name: 'a', year: '1949', match: 'a' }] } }, 'x.json'), DraftLintError);
  });
  it("an office chain and rate are checked by the rules", () => {
    const r = lint('全年立项课题30项,结题32项。', { rules: [partExceedsWhole], packs });
    assert.deepStrictEqual(r.diagnostics.map(d => [d.column, d.message.slice(0, 14)]), [[13, '结题32项多于立项课题30项']]);
    const q = lint('全年立项课题30项,结题24项,结题率90%。', { rules: [rate], packs });
    assert.deepStrictEqual(q.diagnostics.map(d => d.message), ['结题率90%与所给数字不符：24项÷30项≈80.0%，请核对']);
    assert.deepStrictEqual(lint('全年立项课题30项,结题32项。', { rules: [partExceedsWhole] }).diagnostics, []);
  });
  it('an office anniversary is checked', () => {
    const r = lint('2025年是天津市政协成立60周年。', { rules: [anniversary], packs });
    assert.deepStrictEqual(r.diagnostics.map(d => d.message), ['2025年是天津市政协成立（1955年）70周年，文中写作“60”']);
  });
});
