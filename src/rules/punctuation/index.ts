// The punctuation rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { emptyPair } from './empty-pair';
import { unbalancedPair } from './unbalanced-pair';
import { doubledMark } from './doubled-mark';
import { halfWidth } from './half-width';
import { brokenParagraph } from './broken-paragraph';
import { dunBetweenQuotes } from './dun-between-quotes';
import { nonstandardDash } from './nonstandard-dash';

export const PUNCTUATION_RULES: Rule[] = [emptyPair, unbalancedPair, doubledMark, halfWidth, brokenParagraph, dunBetweenQuotes, nonstandardDash];
