// The consistency rules: the same thing written the same way inside one document (one rule per file in this folder).
import type { Rule } from '../../core/types';
import { nameVariant } from './name-variant';
import { parallelPattern } from './parallel-pattern';
import { announcedItems } from './announced-items';
import { abbreviation } from './abbreviation';

export const CONSISTENCY_RULES: Rule[] = [nameVariant, parallelPattern, announcedItems, abbreviation];
