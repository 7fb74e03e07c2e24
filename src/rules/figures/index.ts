// The figures rules (one per file in this folder).
import type { Rule } from '../../core/types';

export const FIGURES_RULES: Rule[] = [];
