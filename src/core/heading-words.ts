// Heading words kept once in the built-in templates pack and used by templates, date inference and rules.
import { templatesPack } from '../packs';

/** The heading words of the plan part (工作安排、工作要点、主要任务……), one list in the built-in templates pack
 *  (`headingWords.plan`) used by the templates' patterns, document-date inference and figures/year-sequence. */
export const PLAN_HEADING_WORDS: readonly string[] = templatesPack.headingWords.plan;

/** A pack regex with `{headingWords.plan}` expanded to the plan heading words (as alternatives, longest first). */
export function expandHeadingWords(src: string): string {
  return src.replace(/\{headingWords\.plan\}/g, () => alternatives(PLAN_HEADING_WORDS));
}

/** Words as regex alternatives `a|b|c` (escaped, longest first so that a longer word wins). */
export function alternatives(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
