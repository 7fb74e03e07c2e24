// The figures rules (one per file in this folder).
import type { Rule } from '../../core/types';
import { partExceedsWhole } from './part-exceeds-whole';
import { sumMismatch } from './sum-mismatch';
import { countMismatch } from './count-mismatch';
import { repeatedParallelItem } from './repeated-parallel-item';
import { inconsistentFigure } from './inconsistent-figure';
import { rate } from './rate';
import { changeMismatch } from './change-mismatch';
import { yearSequence } from './year-sequence';
import { planPeriod } from './plan-period';
import { anniversary } from './anniversary';
import { sessionConsistency } from './session-consistency';
import { impossibleDate } from './impossible-date';
import { numberStyle } from './number-style';

export const FIGURES_RULES: Rule[] = [
  partExceedsWhole,
  sumMismatch,
  countMismatch,
  repeatedParallelItem,
  inconsistentFigure,
  rate,
  changeMismatch,
  yearSequence,
  planPeriod,
  anniversary,
  sessionConsistency,
  impossibleDate,
  numberStyle,
];
