// A small line diff for --fix-dry-run: unified-diff hunks (no context lines) between a text and its fixed form.
import { splitLines } from '../core/document';

export interface Hunk {
  /** 1-based first line in the old text, and the number of old lines. */
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

/** The changed line ranges between `a` and `b` (line endings ignored for the comparison). */
export function diffLines(a: string, b: string): Hunk[] {
  const x = splitLines(a).map(l => l.text + (l.eol ? '\n' : ''));
  const y = splitLines(b).map(l => l.text + (l.eol ? '\n' : ''));
  // Drop a trailing empty "line" after the last newline.
  if (x.length && x[x.length - 1] === '') x.pop();
  if (y.length && y[y.length - 1] === '') y.pop();
  let pre = 0;
  while (pre < x.length && pre < y.length && x[pre] === y[pre]) pre++;
  let suf = 0;
  while (suf < x.length - pre && suf < y.length - pre && x[x.length - 1 - suf] === y[y.length - 1 - suf]) suf++;
  const xs = x.slice(pre, x.length - suf);
  const ys = y.slice(pre, y.length - suf);
  if (!xs.length && !ys.length) return [];
  // Fixes rarely add or remove lines: then compare line by line.
  const pairs: [number, number][] = [];
  if (xs.length === ys.length) {
    for (let i = 0; i < xs.length; i++) if (xs[i] === ys[i]) pairs.push([i, i]);
  } else if (xs.length * ys.length <= 4_000_000) {
    // Longest common subsequence of the middle part.
    const n = xs.length;
    const m = ys.length;
    const dp: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
    for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) dp[i][j] = xs[i] === ys[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (xs[i] === ys[j]) {
        pairs.push([i, j]);
        i++;
        j++;
      } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
      else j++;
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [xs.length, ys.length] as [number, number]]) {
    if (pi > i || pj > j) hunks.push({ oldStart: pre + i + 1, oldLines: xs.slice(i, pi), newStart: pre + j + 1, newLines: ys.slice(j, pj) });
    i = pi + 1;
    j = pj + 1;
  }
  return hunks;
}

/** Unified-diff text for one file (`--- a/file`, `+++ b/file`, `@@ … @@` hunks without context). */
export function formatDiff(file: string, a: string, b: string, paint: { red: (s: string) => string; green: (s: string) => string; cyan: (s: string) => string }): string {
  const hunks = diffLines(a, b);
  if (!hunks.length) return '';
  const strip = (s: string) => s.replace(/\n$/, '');
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const h of hunks) {
    const oldStart = h.oldLines.length ? h.oldStart : h.oldStart - 1;
    const newStart = h.newLines.length ? h.newStart : h.newStart - 1;
    out.push(paint.cyan(`@@ -${oldStart},${h.oldLines.length} +${newStart},${h.newLines.length} @@`));
    for (const l of h.oldLines) out.push(paint.red('-' + strip(l)));
    for (const l of h.newLines) out.push(paint.green('+' + strip(l)));
  }
  return out.join('\n') + '\n';
}
