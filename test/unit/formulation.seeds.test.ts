// The formulation rules on real documents: the must-catch mistakes of seed 004 are found at the right place,
// the other seeds give exactly the findings listed here, and correct published text stays quiet.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { defaultConfig } from '../../src/core/types';
import { FORMULATION_RULES } from '../../src/rules/formulation';

const FIX = path.resolve(__dirname, '../../../test/fixtures');

function findings(file: string, documentDate?: string) {
  const text = fs.readFileSync(path.join(FIX, file), 'utf8');
  const config = defaultConfig();
  if (documentDate) config.documentDate = documentDate;
  return lint(text, { rules: FORMULATION_RULES, config, path: file }).diagnostics.map(d => ({
    at: `${d.line}:${d.column}`,
    rule: d.ruleId,
    text: text.slice(d.offset, d.offset + d.length),
    fixed: d.fix ? text.slice(d.offset, d.fix.offset) + d.fix.text + text.slice(d.fix.offset + d.fix.length, d.offset + d.length) : null,
  }));
}

describe('formulation rules on the seeds', () => {
  it('seed 004: 双重建构作用 (at the word) and 促进政关系 (at the enumeration), and the other damaged formulations', () => {
    assert.deepStrictEqual(findings('seeds/004_9579aaa4af56d42d.txt'), [
      { at: '28:28', rule: 'formulation/canonical-phrase', text: '用党的创新理论团结教育引导各界代表人士的重要平台', fixed: '用党的创新理论团结教育引导各族各界代表人士的重要平台' },
      { at: '57:116', rule: 'formulation/fixed-enumeration', text: '领导引领力', fixed: null },
      { at: '57:256', rule: 'formulation/canonical-phrase', text: '双重建组织生活', fixed: '双重组织生活' },
      { at: '87:282', rule: 'formulation/canonical-phrase', text: '双重建构作用', fixed: '双重积极作用' },
      { at: '87:292', rule: 'formulation/fixed-enumeration', text: '政关系', fixed: '政党关系' },
    ]);
  });
  it('seed 002: the book of the 2021 党史学习教育 misnamed (《论中国共产党史》 for 《论中国共产党历史》), nothing else', () => {
    assert.deepStrictEqual(findings('seeds/002_386fd0c94091d3c0.txt'), [
      { at: '87:64', rule: 'formulation/document-title', text: '论中国共产党史', fixed: '论中国共产党历史' },
    ]);
  });
  for (const f of ['000_1656f37454b725e0.txt', '001_76cb290b9bbe94ad.txt', '003_e8e352ab07222ba1.txt']) {
    it(`seed ${f.slice(0, 3)}: no formulation finding (its formulations are correct)`, () => {
      assert.deepStrictEqual(findings(`seeds/${f}`), []);
    });
  }
  it('correct published text (全国政协 2020) stays quiet', () => {
    assert.deepStrictEqual(findings('formulation/quiet-cppcc-2020.txt', '2020-05'), []);
  });
  it('the same text, damaged, is not quiet (the quiet test can fail)', () => {
    const text = fs.readFileSync(path.join(FIX, 'formulation/quiet-cppcc-2020.txt'), 'utf8');
    const damaged = text.replace('建言资政和凝聚共识双向发力', '凝聚共识和建言资政双向发力').replace('团结和民主两大主题', '团结和民主两个主题').replace('十九届四中全会', '十九届五中全会');
    const config = defaultConfig();
    config.documentDate = '2020-05';
    const ids = lint(damaged, { rules: FORMULATION_RULES, config }).diagnostics.map(d => d.ruleId);
    assert.deepStrictEqual(ids.sort(), ['formulation/canonical-phrase', 'formulation/canonical-phrase', 'formulation/time-bound']);
  });
});
