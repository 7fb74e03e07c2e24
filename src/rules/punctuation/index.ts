// The punctuation rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { emptyPair } from './empty-pair';

export const PUNCTUATION_RULES: Rule[] = [emptyPair];
