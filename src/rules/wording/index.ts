// The wording rules (one per file in this folder).
import type { Rule } from '../../core/types';

export const WORDING_RULES: Rule[] = [];
