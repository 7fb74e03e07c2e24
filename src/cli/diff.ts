// The --fix-dry-run diff: unified-diff hunks (no context lines) between a text and its fixed form.
import { splitLines } from '../core/document';
import { lineHunks } from '../host/diff';

export interface Hunk {
  /** 1-based first line in the old text, and the number of old lines. */
  oldStart: number;
  oldLines: string[];
  newStart: number;
  newLines: string[];
}

/** The changed line ranges between `a` and `b` (line endings ignored for the comparison), aligned by the host
 *  layer's one diff (src/host/diff.ts, the `diff` package). */
export function diffLines(a: string, b: string): Hunk[] {
  const x = splitLines(a).map(l => l.text + (l.eol ? '\n' : ''));
  const y = splitLines(b).map(l => l.text + (l.eol ? '\n' : ''));
  // Drop a trailing empty "line" after the last newline.
  if (x.length && x[x.length - 1] === '') x.pop();
  if (y.length && y[y.length - 1] === '') y.pop();
  return lineHunks(x, y).map(h => ({
    oldStart: h.oldStart + 1,
    oldLines: x.slice(h.oldStart, h.oldStart + h.oldCount),
    newStart: h.newStart + 1,
    newLines: y.slice(h.newStart, h.newStart + h.newCount),
  }));
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
