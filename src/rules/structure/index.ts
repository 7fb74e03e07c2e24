// The structure rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { vagueSuggestion } from './vague-suggestion';
import { leadYear } from './lead-year';

export const STRUCTURE_RULES: Rule[] = [missingSection, sectionOrder, duplicateSection, emptySection, vagueSuggestion, leadYear];
