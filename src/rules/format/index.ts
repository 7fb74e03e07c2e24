// The format rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { fullWidthAlnum } from './full-width-alnum';

export const FORMAT_RULES: Rule[] = [fullWidthAlnum];
