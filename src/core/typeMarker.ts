// The first-line type marker (<!-- draft-lint-type: proposal -->): the edit that sets, changes or removes it.
// Pure: the editor applies the edit (one click on the status bar), the tests check it.
import type { DocTypeSetting, Fix } from './types';

/** The body of a marker comment: type and optional excerpt flag (character classes that cannot overlap). */
const MARKER_BODY = /^draft-lint-type(?![\w-])[:：\s]*(?:([\w-]+)[\s,，、]*|[,，、][\s,，、]*)?(excerpt|节选)?$/;

/** The first marker line: its range (with its line break) and what it says. */
function findMarker(text: string): { offset: number; length: number; type: string; excerpt: boolean } | undefined {
  let at = 0;
  while (at <= text.length) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl + 1;
    const line = text.slice(at, end);
    const t = line.trim();
    if (t.startsWith('<!--') && t.endsWith('-->')) {
      const m = MARKER_BODY.exec(t.slice(4, -3).trim());
      if (m) return { offset: at, length: end - at, type: m[1] ?? '', excerpt: !!m[2] };
    }
    if (nl < 0) break;
    at = end;
  }
  return undefined;
}

/** The marker comment for a type (and the excerpt flag). */
export function typeMarker(type: Exclude<DocTypeSetting, 'auto' | 'unknown'>, excerpt = false): string {
  return `<!-- draft-lint-type: ${type}${excerpt ? ' excerpt' : ''} -->`;
}

/** The edit that makes the document's marker say `type` ('auto': remove it): replaces an existing marker line
 *  wherever it is, or inserts one as the first line. */
export function setTypeMarkerEdit(text: string, type: DocTypeSetting, excerpt = false): Fix | undefined {
  const m = findMarker(text);
  if (type === 'auto' || type === 'unknown') return m ? { offset: m.offset, length: m.length, text: '' } : undefined;
  const line = typeMarker(type, excerpt);
  if (m) {
    const eol = /\r?\n$/.exec(text.slice(m.offset, m.offset + m.length))?.[0] ?? '';
    return { offset: m.offset, length: m.length, text: line + eol };
  }
  return { offset: 0, length: 0, text: line + (/\r\n/.test(text) ? '\r\n' : '\n') };
}

/** The type the marker sets, if any. */
export function readTypeMarker(text: string): { type: string; excerpt: boolean } | undefined {
  const m = findMarker(text);
  return m ? { type: m.type, excerpt: m.excerpt } : undefined;
}
