// The wording rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { doubledWord } from './doubled-word';
import { strayLatin } from './stray-latin';
import { misspelling } from './misspelling';
import { confusableChar } from './confusable-char';
import { repeatedKeyNoun } from './repeated-key-noun';
import { typo } from './typo';
import { homophoneWord } from './homophone-word';
import { deComplement } from './de-complement';

export const WORDING_RULES: Rule[] = [doubledWord, strayLatin, misspelling, confusableChar, typo, homophoneWord, deComplement, repeatedKeyNoun];
