// The first-line type marker (<!-- draft-lint-type: proposal -->): the edit that sets, changes or removes it.
// Pure: the editor applies the edit (one click on the status bar), the tests check it.
import type { DocTypeSetting, Fix } from './types';

const MARKER_LINE = /^[ \t\u3000]*<!--\s*draft-lint-type\s*[:：]?\s*[\w-]*(?:[\s,，、]+(?:excerpt|节选))?\s*-->[ \t\u3000]*(?:\r\n|\n|\r)?/m;

/** The marker comment for a type (and the excerpt flag). */
export function typeMarker(type: Exclude<DocTypeSetting, 'auto' | 'unknown'>, excerpt = false): string {
  return `<!-- draft-lint-type: ${type}${excerpt ? ' excerpt' : ''} -->`;
}

/** The edit that makes the document's marker say `type` ('auto': remove it): replaces an existing marker line
 *  wherever it is, or inserts one as the first line. */
export function setTypeMarkerEdit(text: string, type: DocTypeSetting, excerpt = false): Fix | undefined {
  const m = MARKER_LINE.exec(text);
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  if (type === 'auto' || type === 'unknown') return m ? { offset: m.index, length: m[0].length, text: '' } : undefined;
  const line = typeMarker(type, excerpt);
  if (m) {
    const keepEol = /(?:\r\n|\n|\r)$/.exec(m[0])?.[0] ?? '';
    return { offset: m.index, length: m[0].length, text: line + keepEol };
  }
  return { offset: 0, length: 0, text: line + eol };
}

/** The type the marker sets, if any (what the status bar shows as “指定”). */
export function readTypeMarker(text: string): { type: string; excerpt: boolean } | undefined {
  const m = /<!--\s*draft-lint-type\s*[:：]?\s*([\w-]+)(?:[\s,，、]+(excerpt|节选))?\s*-->/.exec(text);
  return m ? { type: m[1], excerpt: !!m[2] } : undefined;
}
