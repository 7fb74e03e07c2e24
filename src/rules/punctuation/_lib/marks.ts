// Character classes and context tests shared by the punctuation rules (not a rule itself).
import { isCjkPunct, isHan } from '../../../core/document';

/** Half-width marks that Chinese prose writes full-width, and their full-width forms. */
export const HALF_TO_FULL: Record<string, string> = {
  ',': '，',
  ':': '：',
  ';': '；',
  '!': '！',
  '?': '？',
  '(': '（',
  ')': '）',
};

/** Marks that may close a paragraph (full-width and their half-width twins, closing quotes and brackets, dashes). */
export const PARAGRAPH_END = /[。！？!?…；;：:”’》）)」』】〕〉—\-.．~～]$/;

export function isAsciiAlnum(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z0-9]/.test(ch);
}

export function isAsciiLetter(ch: string | undefined): boolean {
  return !!ch && /[A-Za-z]/.test(ch);
}

/** Han ideograph or CJK punctuation / full-width form. */
export function isZh(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

/** The nearest character before `i` that is not a space or tab (undefined at the start). */
export function prevVisible(t: string, i: number): string | undefined {
  for (let k = i - 1; k >= 0; k--) if (t[k] !== ' ' && t[k] !== '\t') return t[k];
  return undefined;
}

/** The nearest character after `i` that is not a space or tab (undefined at the end). */
export function nextVisible(t: string, i: number): string | undefined {
  for (let k = i + 1; k < t.length; k++) if (t[k] !== ' ' && t[k] !== '\t') return t[k];
  return undefined;
}

/** True when Han characters outnumber Latin letters in `t` (a Chinese paragraph with some Latin in it). */
export function isChineseDominant(t: string): boolean {
  let han = 0;
  let latin = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return han > 0 && han >= latin;
}
