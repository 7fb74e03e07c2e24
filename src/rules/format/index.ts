// The format rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { fullWidthAlnum } from './full-width-alnum';
import { straySpace } from './stray-space';

export const FORMAT_RULES: Rule[] = [fullWidthAlnum, straySpace];
