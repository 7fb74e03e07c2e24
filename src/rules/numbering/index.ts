// The numbering rules (one per file in this folder).
import type { Rule } from '../../core/types';

export const NUMBERING_RULES: Rule[] = [];
