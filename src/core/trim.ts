// Trimming the end of a string by a set of characters, in linear time. `s.replace(/[…]+$/, '')` looks like a
// trim, but a regex engine tries the run from every starting position, so a long run of those characters that is
// not at the end (20,000 spaces and then a letter) takes quadratic time; these walk back from the end once.

/** `s` without the trailing characters for which `drop` is true. */
export function trimEndWhere(s: string, drop: (c: string) => boolean): string {
  let e = s.length;
  while (e > 0 && drop(s[e - 1])) e--;
  return e === s.length ? s : s.slice(0, e);
}

/** `s` without the trailing characters that are in `chars` (and, with `space`, white space as `\s` means it). */
export function trimEndChars(s: string, chars: string, space = false): string {
  return trimEndWhere(s, c => chars.includes(c) || (space && /\s/.test(c)));
}

/** How many characters two strings share at their start (`head`) and, after that, at their end (`tail`): what an edit
 *  from `a` to `b` keeps (布署 → 部署: head 0, tail 1). */
export function commonEnds(a: string, b: string): { head: number; tail: number } {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { head, tail };
}
