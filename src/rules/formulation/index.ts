// The formulation rules (one per file in this folder). Patterns in house-style entries are checked for
// catastrophic backtracking by the pack loader (src/host/regex-safety.ts checks every `pattern` field).
import type { Rule } from '../../core/types';
import { canonicalPhrase } from './canonical-phrase';
import { fixedEnumeration } from './fixed-enumeration';
import { collocation } from './collocation';
import { timeBound } from './time-bound';
import { houseStyle } from './house-style';
import { phraseWord } from './phrase-word';
import { documentTitle } from './document-title';
import { minedPhrase } from './mined-phrase';

export const FORMULATION_RULES: Rule[] = [canonicalPhrase, phraseWord, minedPhrase, documentTitle, fixedEnumeration, collocation, timeBound, houseStyle];
