// The structure rules (one per file in this folder).
import type { Rule } from '../../core/types';

export const STRUCTURE_RULES: Rule[] = [];
