// The registry of built-in rules, one index per category.
import type { Rule } from '../core/types';
import { FORMULATION_RULES } from './formulation';
import { STRUCTURE_RULES } from './structure';
import { FIGURES_RULES } from './figures';
import { NUMBERING_RULES } from './numbering';
import { PUNCTUATION_RULES } from './punctuation';
import { WORDING_RULES } from './wording';
import { FORMAT_RULES } from './format';
import { CONSISTENCY_RULES } from './consistency';

export const RULES: Rule[] = [
  ...FORMULATION_RULES,
  ...STRUCTURE_RULES,
  ...FIGURES_RULES,
  ...NUMBERING_RULES,
  ...PUNCTUATION_RULES,
  ...WORDING_RULES,
  ...FORMAT_RULES,
  ...CONSISTENCY_RULES,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find(r => r.meta.id === id);
}
