import * as assert from 'assert';
import { testRule } from '../helpers/ruleTester';
import { houseStyle } from '../../src/rules/formulation/house-style';
import { FORMULATION_RULES } from '../../src/rules/formulation';
import { lint } from '../../src/lint';

testRule(houseStyle, {
  valid: ['全面贯彻中共十九大精神', '努力建设让党中央放心、让人民群众满意的模范机关', '坚决维护习近平总书记党中央的核心、全党的核心地位'],
  invalid: [
    { text: '全面贯彻党的十九大精神', errors: [{ line: 1, column: 5, length: 5, message: '宜写作“中共十九大”' }], output: '全面贯彻中共十九大精神' },
    { text: '学习党的十九届四中全会精神', errors: [{ line: 1, column: 3, length: 5 }], output: '学习中共十九届四中全会精神' },
    { text: '第一行\n把党中央决策部署落实下去', errors: [{ line: 2, column: 2, length: 3 }], output: '第一行\n把中共中央决策部署落实下去' },
  ],
});

describe('formulation/house-style is off by default', () => {
  it('reports nothing unless switched on', () => {
    const r = lint('全面贯彻党的十九大精神，把党中央决策部署落实下去', { rules: FORMULATION_RULES });
    assert.deepStrictEqual(r.diagnostics.map(d => d.ruleId), []);
  });
});
