// The formulation rules (one per file in this folder).
import type { Rule } from '../../core/types';

export const FORMULATION_RULES: Rule[] = [];
