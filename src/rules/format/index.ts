// The format rules (one per file in this folder).
import type { Rule } from '../../core/types';

export const FORMAT_RULES: Rule[] = [];
