// Reading text files: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without when its text is plausible under
// one byte order) and GB18030/GBK detected and decoded;
// binary input is a clear error. encodeLike writes a text back in exactly the encoding (and BOM) it came in.
import { DraftLintError } from '../core/types';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export type EolStyle = 'lf' | 'crlf' | 'cr' | 'mixed' | 'none';

export interface EncodingInfo {
  encoding: TextEncodingName;
  /** The file started with a byte order mark (removed from `text`). */
  bom: boolean;
  /** The line endings found (they stay in `text`; a fix keeps them). */
  eol: EolStyle;
  /** True when encodeLike(text) gives back the original bytes, so fixes can be written without touching other bytes. */
  roundTrips: boolean;
}

export interface DecodedText extends EncodingInfo {
  /** The decoded text without the BOM. Offsets in diagnostics count UTF-16 code units of this text. */
  text: string;
}

const BOMS: { bytes: number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Well-known binary formats that people pass by mistake, with a hint in Chinese. */
const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'ZIP 压缩包或 Word（.docx）/WPS 文档' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Word（.doc）/WPS 文档' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'RTF 文档' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((b, i) => bytes[i] === b);
}

/** The line-ending style of a text. */
export function detectEol(text: string): EolStyle {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  const kinds = (crlf ? 1 : 0) + (lf ? 1 : 0) + (cr ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return crlf ? 'crlf' : lf ? 'lf' : 'cr';
}

/** Control characters other than tab, newlines, form feed and escape: a sign of binary data. */
function controlCharCount(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27 && c !== 11) || c === 0x7f) n++;
  }
  return n;
}

/** True for a UTF-16 code unit that plausibly occurs in a Chinese draft (not a control character, not a private-use or
 *  unassigned-looking unit a misread byte pair gives). */
function plausibleUnit(c: number): boolean {
  if (c === 9 || c === 10 || c === 13) return true;
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return false;
  if (c < 0x0250) return true; // ASCII, Latin-1, Latin Extended
  if (c >= 0x0370 && c < 0x0530) return true; // Greek, Cyrillic
  if (c >= 0x2000 && c < 0x2c00) return true; // punctuation, symbols, arrows, numbers, box drawing
  if (c >= 0x2e80 && c < 0x3400) return true; // CJK radicals, punctuation (U+3000…), kana, enclosed forms
  if (c >= 0x4e00 && c < 0xa000) return true; // CJK unified ideographs (not the rare Extension A a byte pair often gives)
  if (c >= 0xac00 && c < 0xd7a4) return true; // Hangul
  if (c >= 0xd800 && c < 0xe000) return true; // surrogates (the decoder has checked the pairs)
  if (c >= 0xf900 && c < 0xfb00) return true; // CJK compatibility
  if (c >= 0xfe30 && c < 0xfe50) return true; // CJK compatibility forms
  return c >= 0xff00 && c < 0xfff0; // full-width forms
}

/**
 * UTF-16 without a BOM: the byte order (LE or BE) under which nearly every code unit is a plausible text character
 * (at least 98 %, no NUL). Byte parity alone is not evidence: Chinese text has zero bytes on both sides (U+4E00 一,
 * U+3000), and a UTF-8 file with one stray NUL has a zero byte on one side only.
 */
function guessBomlessUtf16(bytes: Uint8Array): { encoding: TextEncodingName; text: string } | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  let best: { encoding: TextEncodingName; text: string; score: number } | undefined;
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const text = tryDecode(bytes, encoding);
    if (text === undefined || text.includes('\u0000')) continue;
    let ok = 0;
    for (let i = 0; i < text.length; i++) if (plausibleUnit(text.charCodeAt(i))) ok++;
    const score = ok / text.length;
    if (score >= 0.98 && (!best || score > best.score)) best = { encoding, text, score };
  }
  return best && { encoding: best.encoding, text: best.text };
}

function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function binaryError(file: string, why: string): DraftLintError {
  return new DraftLintError(`${file} 不是文本文件（${why}），已跳过。请另存为 UTF-8 或 GB18030 编码的纯文本（.txt）或 Markdown（.md）后再检查`, file);
}

/**
 * Detects the encoding of `bytes` and decodes them.
 * BOM first (UTF-8, UTF-16 LE/BE); without a BOM and with NUL bytes, UTF-16 when one byte order gives plausible
 * text (else binary), then strict UTF-8, then GB18030
 * (a superset of GBK and GB2312).
 * Throws DraftLintError (naming `file`) for binary or undecodable input.
 */
export function decodeText(bytes: Uint8Array, file = '(输入)'): DecodedText {
  for (const b of BOMS) {
    if (!startsWith(bytes, b.bytes)) continue;
    const body = bytes.subarray(b.bytes.length);
    if (b.encoding !== 'utf-8' && body.length % 2 !== 0) throw binaryError(file, `${b.encoding.toUpperCase()} 字节数为奇数，文件不完整`);
    const text = tryDecode(body, b.encoding);
    if (text === undefined) throw binaryError(file, `以 ${b.encoding.toUpperCase()} 字节序标记开头，但内容无法按 ${b.encoding.toUpperCase()} 解码`);
    return finish(text, b.encoding, true, bytes, file);
  }
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) throw binaryError(file, `看起来是${m.what}`);
  if (bytes.includes(0)) {
    // UTF-16 without a BOM when its text is plausible under one byte order; otherwise (e.g. UTF-8 with a stray NUL)
    // the file is treated as binary: never guessed from the side the NUL bytes are on.
    const guess = guessBomlessUtf16(bytes);
    if (guess && controlCharCount(guess.text) <= Math.max(2, guess.text.length / 100)) return finish(guess.text, guess.encoding, false, bytes, file);
    throw binaryError(file, '含有 NUL 字节');
  }
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return finish(utf8, 'utf-8', false, bytes, file);
  const gb = tryDecode(bytes, 'gb18030');
  if (gb !== undefined) return finish(gb, 'gb18030', false, bytes, file);
  throw binaryError(file, '既不是 UTF-8 也不是 GB18030/GBK 编码');
}

function finish(text: string, encoding: TextEncodingName, bom: boolean, original: Uint8Array, file: string): DecodedText {
  const controls = controlCharCount(text);
  if (text.includes('\u0000') || controls > Math.max(2, text.length / 100)) throw binaryError(file, '含有大量控制字符');
  const info: EncodingInfo = { encoding, bom, eol: detectEol(text), roundTrips: false };
  info.roundTrips = bytesEqual(encodeLike(text, info), original);
  return { text, ...info };
}

/** Encodes `text` in the encoding (and with the BOM) described by `info`. */
export function encodeLike(text: string, info: Pick<EncodingInfo, 'encoding' | 'bom'>): Uint8Array {
  let body: Uint8Array;
  switch (info.encoding) {
    case 'utf-8':
      body = Buffer.from(text, 'utf8');
      break;
    case 'utf-16le':
      body = Buffer.from(text, 'utf16le');
      break;
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      body = Buffer.alloc(le.length);
      for (let i = 0; i + 1 < le.length; i += 2) {
        body[i] = le[i + 1];
        body[i + 1] = le[i];
      }
      break;
    }
    case 'gb18030':
      // iconv-lite is loaded only when a GB18030 file is written back.
      body = (require('iconv-lite') as typeof import('iconv-lite')).encode(text, 'gb18030');
      break;
  }
  if (!info.bom) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  const bom = BOMS.find(b => b.encoding === info.encoding)!.bytes;
  const out = new Uint8Array(bom.length + body.length);
  out.set(bom, 0);
  out.set(body, bom.length);
  return out;
}

/** True when two byte arrays are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A short human label, e.g. `GB18030`, `UTF-8 (BOM)`, `UTF-16LE (BOM)`. */
export function encodingLabel(info: Pick<EncodingInfo, 'encoding' | 'bom'>): string {
  return info.encoding.toUpperCase() + (info.bom ? ' (BOM)' : '');
}
