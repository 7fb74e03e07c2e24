// Rule names in a config or on the command line: a name that is not a rule is an error, with the nearest rule ids
// offered ("did you mean"), by edit distance over the ids.
//   unknownRuleMessage('punctuation/half-widht', ids) → '没有名为 punctuation/half-widht 的规则（是否指 punctuation/half-width？）'
import { CATEGORIES } from '../core/types';

/** Levenshtein distance (insert, delete, substitute; each costs 1). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** Whether `id` names a rule or a category wildcard (`wording/*`). */
export function isKnownRuleName(id: string, known: ReadonlySet<string>): boolean {
  const wildcard = /^([a-z]+)\/\*$/.exec(id);
  return wildcard ? (CATEGORIES as string[]).includes(wildcard[1]) : known.has(id);
}

/** The rule ids (or wildcards) closest to a misspelt `id`: the same rule name in another category, or within a
 *  third of the rule name's length in edits (plus one); at most three, nearest first. */
export function nearestRuleNames(id: string, known: Iterable<string>): string[] {
  const names = [...known, ...CATEGORIES.map(c => `${c}/*`)];
  const tail = id.split('/').pop() ?? id;
  const limit = Math.max(2, Math.floor(tail.length / 3)) + 1;
  return names
    .map(k => ({ k, d: tail !== '*' && k.split('/')[1] === tail ? 1 : Math.min(editDistance(id, k), tail === '*' ? Infinity : editDistance(tail, k.split('/')[1] ?? k) + 1) }))
    .filter(x => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.k < b.k ? -1 : 1))
    .slice(0, 3)
    .map(x => x.k);
}

/** The message for a name that is not a rule, with "did you mean" when a rule is near. */
export function unknownRuleMessage(id: string, known: Iterable<string>): string {
  const near = nearestRuleNames(id, known);
  return `没有名为 ${id} 的规则${near.length ? `（是否指 ${near.join('、')}？）` : '；运行 draft-lint --list-rules 查看全部规则'}`;
}
