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
    const shown = compactLines(h.oldLines.map(strip), h.newLines.map(strip));
    for (const l of shown.old) out.push(paint.red('-' + l));
    for (const l of shown.new) out.push(paint.green('+' + l));
  }
  return out.join('\n') + '\n';
}

/** Longest line shown whole in a dry-run diff; longer changed lines show only their changed part with context. */
const LONG_LINE = 80;
/** Characters of unchanged text kept on each side of a change in a long line. */
const CONTEXT = 12;

/** The changed lines of a hunk as shown: a long line that changed in place (same number of old and new lines)
 *  keeps only the changed part with some context, `…` marking what is left out:
 *  -…议政性常委会会议,以……为议题…  /  +…议政性常委会会议，以……为议题…  */
export function compactLines(oldLines: string[], newLines: string[]): { old: string[]; new: string[] } {
  if (oldLines.length !== newLines.length) return { old: oldLines, new: newLines };
  const o: string[] = [];
  const n: string[] = [];
  oldLines.forEach((a, i) => {
    const [x, y] = compactPair(a, newLines[i]);
    o.push(x);
    n.push(y);
  });
  return { old: o, new: n };
}

/** One long changed line pair cut down to its changed parts, each with context; parts far apart are shown
 *  separately, joined by `…`. */
export function compactPair(a: string, b: string): [string, string] {
  if (Math.max(a.length, b.length) <= LONG_LINE) return [a, b];
  const x = [...a];
  const y = [...b];
  // Changed regions [old from, old to, new from, new to), found by walking both lines and re-synchronising after
  // a short insertion or deletion (fixes change a few characters at a time).
  const regions: [number, number, number, number][] = [];
  let i = 0;
  let j = 0;
  const SYNC = 6;
  const same = (p: number, q: number) => {
    for (let k = 0; k < SYNC; k++) if (p + k >= x.length || q + k >= y.length ? p + k < x.length || q + k < y.length : x[p + k] !== y[q + k]) return false;
    return true;
  };
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    let found: [number, number] | undefined;
    for (let d = 1; d <= 16 && !found; d++)
      for (let k = 0; k <= d && !found; k++) if (same(i + k, j + d - k)) found = [i + k, j + d - k];
    const [ni, nj] = found ?? [x.length, y.length];
    regions.push([i, ni, j, nj]);
    i = ni;
    j = nj;
  }
  if (!regions.length) return [a, b];
  // Regions close together are shown as one part.
  const groups: [number, number, number, number][] = [];
  for (const r of regions) {
    const g = groups[groups.length - 1];
    if (g && r[0] - g[1] <= 2 * CONTEXT) {
      g[1] = r[1];
      g[3] = r[3];
    } else groups.push([...r]);
  }
  const show = (cs: string[], at: (g: [number, number, number, number]) => [number, number]) => {
    let out = '';
    let last = 0;
    for (const g of groups) {
      const [from, to] = at(g);
      const s = Math.max(0, from - CONTEXT);
      const e = Math.min(cs.length, to + CONTEXT);
      out += (s > last || (s > 0 && !out) ? '…' : '') + cs.slice(Math.max(s, last), e).join('');
      last = e;
    }
    return out + (last < cs.length ? '…' : '');
  };
  return [show(x, g => [g[0], g[1]]), show(y, g => [g[2], g[3]])];
}
