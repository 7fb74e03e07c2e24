// The formulation rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { registerPackValidator } from '../../core/packs';
import { DraftLintError } from '../../core/types';
import { canonicalPhrase } from './canonical-phrase';
import { fixedEnumeration } from './fixed-enumeration';
import { collocation } from './collocation';
import { timeBound } from './time-bound';
import { houseStyle, houseStylePatternProblems } from './house-style';

// House-style patterns are regular expressions written by offices: check them when a pack loads.
registerPackValidator((pack, file) => {
  (pack.formulations ?? []).forEach((e, i) => {
    const problem = houseStylePatternProblems(e as { pattern?: string });
    if (problem) throw new DraftLintError(`规则包 ${file} 无效：$.formulations[${i}].pattern ${problem}`, file, `$.formulations[${i}].pattern`);
  });
});

export const FORMULATION_RULES: Rule[] = [canonicalPhrase, fixedEnumeration, collocation, timeBound, houseStyle];
