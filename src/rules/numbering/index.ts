// The numbering rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { numberingSequence } from './sequence';
import { consistentMarker } from './consistent-marker';
import { inlineOrdinal } from './inline-ordinal';

export const NUMBERING_RULES: Rule[] = [numberingSequence, consistentMarker, inlineOrdinal];
