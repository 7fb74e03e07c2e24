// One diff for the CLI's --fix-dry-run and the editor's fix edits: lines are aligned with the `diff` package
// (Myers), and each run of changed lines is one hunk. The editor trims each hunk further to the characters that
// differ, so an edit never touches text a fix did not change.
//   lineHunks(['a\n','b\n'], ['a\n','B\n']) → [{ oldStart: 1, oldCount: 1, newStart: 1, newCount: 1 }]
import { diffArrays } from 'diff';
import type { Fix } from '../core/types';

/** A run of changed lines: 0-based start and count in the old and in the new list of lines. */
export interface LineHunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** The runs of lines that differ between two lists of lines (equal lines are never in a hunk). */
export function lineHunks(a: string[], b: string[]): LineHunk[] {
  // Equal head and tail first: a fix changes a few lines of a long text.
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const xs = a.slice(pre, a.length - suf);
  const ys = b.slice(pre, b.length - suf);
  if (!xs.length && !ys.length) return [];
  // A pathological pair (everything changed, thousands of lines) falls back to one hunk rather than taking long.
  const changes = diffArrays(xs, ys, { timeout: 2000 });
  if (!changes) return [{ oldStart: pre, oldCount: xs.length, newStart: pre, newCount: ys.length }];
  const hunks: LineHunk[] = [];
  let i = pre;
  let j = pre;
  let open: LineHunk | undefined;
  for (const c of changes) {
    const n = c.count ?? c.value.length;
    if (!c.added && !c.removed) {
      open = undefined;
      i += n;
      j += n;
      continue;
    }
    if (!open) hunks.push((open = { oldStart: i, oldCount: 0, newStart: j, newCount: 0 }));
    if (c.removed) {
      open.oldCount += n;
      i += n;
    } else {
      open.newCount += n;
      j += n;
    }
  }
  return hunks;
}

/** The smallest edits that turn `a` into `b`: equal lines are never touched, and each run of changed lines is one
 *  edit trimmed to the characters that differ (line endings kept exactly). */
export function minimalEdits(a: string, b: string): Fix[] {
  if (a === b) return [];
  const al = a.split(/(?<=\r\n|\n|\r(?!\n))/);
  const bl = b.split(/(?<=\r\n|\n|\r(?!\n))/);
  const starts: number[] = [0];
  for (const l of al) starts.push(starts[starts.length - 1] + l.length);
  return lineHunks(al, bl).map(h => {
    const x = al.slice(h.oldStart, h.oldStart + h.oldCount).join('');
    const y = bl.slice(h.newStart, h.newStart + h.newCount).join('');
    let p = 0;
    while (p < x.length && p < y.length && x[p] === y[p]) p++;
    let s = 0;
    while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
    return { offset: starts[h.oldStart] + p, length: x.length - p - s, text: y.slice(p, y.length - s) };
  });
}
