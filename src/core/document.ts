// The document model: lines, paragraphs, headings with numbering, sentences, quotes, 、-enumerations.
// Built once per lint and shared by all rules. Offsets are UTF-16 code units in the decoded text.
import { parseChineseInt } from './numbers';
import { trimEndChars } from './trim';
import { Lru, ownString, paragraphMemosOn } from './memo';

export interface Line {
  index: number;
  offset: number;
  /** Text without its line ending. */
  text: string;
  eol: '' | '\n' | '\r\n' | '\r';
}

export type NumberingStyle =
  | 'cn-dun' // 一、
  | 'cn-paren' // （一） (一)
  | 'arabic-dot' // 1. 1． 1、
  | 'arabic-paren' // （1） (1)
  | 'circled' // ①
  | 'cn-ordinal'; // 第一、 第一，

/** Conventional level of each numbering style in Chinese official documents (GB/T 9704). */
export const STYLE_LEVEL: Record<NumberingStyle, number> = {
  'cn-dun': 1,
  'cn-ordinal': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
  circled: 5,
};

export interface Numbering {
  style: NumberingStyle;
  value: number;
  /** The marker as written, e.g. `（三）`. */
  raw: string;
  offset: number;
  length: number;
}

export interface Heading {
  /** Offset of the heading text (after `#` markers, including the numbering marker). */
  offset: number;
  length: number;
  lineIndex: number;
  paragraphIndex: number;
  /** Markdown `#` count, when the line is a Markdown heading. */
  markdownLevel?: number;
  numbering?: Numbering;
  /** Text after the numbering marker, up to the first 。 (run-in headings) or the end of the line. */
  title: string;
  /** 1 = top. Markdown headings: `#` count; numbered paragraphs: STYLE_LEVEL of their style. */
  level: number;
}

export type ParagraphKind = 'paragraph' | 'heading' | 'list';

export interface Paragraph {
  index: number;
  offset: number;
  length: number;
  /** The paragraph's text with Markdown markers and comments blanked to spaces (same length). */
  text: string;
  kind: ParagraphKind;
  startLine: number;
  endLine: number;
  heading?: Heading;
}

export interface Sentence {
  offset: number;
  length: number;
  text: string;
  paragraphIndex: number;
}

export interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  openMark: string;
  closeMark: string;
  /** Inner text (between the marks). */
  text: string;
  depth: number;
}

export interface UnbalancedMark {
  offset: number;
  mark: string;
  /** 'unclosed': an opening mark with no closing one; 'unopened': the reverse; 'mismatch': closed by the wrong kind. */
  problem: 'unclosed' | 'unopened' | 'mismatch';
  /** For 'mismatch', the opening mark it met. */
  other?: { offset: number; mark: string };
}

export interface EnumItem {
  text: string;
  offset: number;
  length: number;
}

export interface Enumeration {
  offset: number;
  length: number;
  items: EnumItem[];
  paragraphIndex: number;
}

export interface HtmlComment {
  offset: number;
  length: number;
  /** Inner text, trimmed. */
  body: string;
  lineIndex: number;
  endLineIndex: number;
}

export const PAIRS: Record<string, string> = {
  '“': '”',
  '‘': '’',
  '《': '》',
  '（': '）',
  '(': ')',
  '【': '】',
  '〔': '〕',
  '「': '」',
  '『': '』',
  '〈': '〉',
};
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(PAIRS).map(([o, c]) => [c, o]));
/** 1 for the code unit of every opening and closing mark (the pair scan skips every other character). */
const PAIR_MARK_CODES = new Uint8Array(65536);
for (const m of [...Object.keys(PAIRS), ...Object.keys(CLOSERS)]) PAIR_MARK_CODES[m.charCodeAt(0)] = 1;

const CN_DIGITS = '零〇一二两三四五六七八九十百千';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** `text` with every character inside the spans (which may overlap) but line breaks turned into a space. */
export function blankSpans(text: string, spans: [number, number][]): string {
  if (!spans.length) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let pos = 0;
  for (const [s0, e0] of spans) {
    const s = Math.max(s0, pos);
    const e = Math.min(e0, text.length);
    if (e <= s) continue;
    out += text.slice(pos, s) + text.slice(s, e).replace(/[^\n\r]/g, ' ');
    pos = e;
  }
  return out + text.slice(pos);
}

/** Numbering markers at the start of a paragraph, most specific first. */
const NUMBERING_PATTERNS: { style: NumberingStyle; re: RegExp; num: (m: RegExpExecArray) => number }[] = [
  { style: 'cn-paren', re: new RegExp(`^[（(]([${CN_DIGITS}]{1,4})[）)]`), num: m => parseChineseInt(m[1]) },
  { style: 'cn-ordinal', re: new RegExp(`^第([${CN_DIGITS}]{1,4})[、，,：:]`), num: m => parseChineseInt(m[1]) },
  { style: 'cn-dun', re: new RegExp(`^([${CN_DIGITS}]{1,4})、`), num: m => parseChineseInt(m[1]) },
  { style: 'arabic-paren', re: /^[（(](\d{1,3})[）)]/, num: m => Number(m[1]) },
  { style: 'arabic-dot', re: /^(\d{1,3})(?:[.．](?!\d)|、)/, num: m => Number(m[1]) },
  { style: 'circled', re: new RegExp(`^([${CIRCLED}])`), num: m => CIRCLED.indexOf(m[1]) + 1 },
];

/** Parses a numbering marker at the start of `text` (after leading whitespace). */
export function parseNumbering(text: string, baseOffset = 0): Numbering | undefined {
  const lead = /^[\s\u3000]*/.exec(text)![0].length;
  const rest = text.slice(lead);
  for (const p of NUMBERING_PATTERNS) {
    const m = p.re.exec(rest);
    if (m) {
      const value = p.num(m);
      if (!Number.isFinite(value) || value <= 0) continue;
      return { style: p.style, value, raw: m[0], offset: baseOffset + lead, length: m[0].length };
    }
  }
  return undefined;
}

/** A line that ends a sentence: a wrap there does not show that a text is hard-wrapped. */
const WRAP_END = /[。！？!?…；;：:]["”’」』》）)]*$/;
/** Text set in columns (a table laid out with tabs or runs of blanks): its rows are not a wrapped paragraph. */
const COLUMNS = /\S(\t| {3,})\S/;
/** A Markdown block that starts a line (heading, list item, quote, fence, table row). */
const MD_BLOCK = /^ {0,3}(#{1,6}[ \t]|[-*+>][ \t]|\d{1,3}[.)][ \t]|```|~~~|\|)/;

const SENTENCE_END = /[。！？!?…]+[”’》）)」』]*/g;
/** The marks that end a clause of an enumeration (all in the BMP), as code units: tested by code, without making a
 *  string of each character. */
const CLAUSE_SPLIT_CODES = new Set([...'，,；;：:。！？!?\n（）()“”‘’《》【】'].map(c => c.charCodeAt(0)));

/** A paragraph's enumerations, offsets from the paragraph's start, by paragraph text (see `enumerations`). */
const enumMemo = new Lru<{ offset: number; length: number; items: EnumItem[] }[]>(4000);

/** The 、-separated enumerations of one paragraph's text, offsets from its start; the item texts are copies (a memo
 *  entry must not keep the whole document it was sliced from alive). */
function paragraphEnumerations(t: string): { offset: number; length: number; items: EnumItem[] }[] {
  const out: { offset: number; length: number; items: EnumItem[] }[] = [];
  // Split into clauses by punctuation other than 、, then collect clauses with 、.
  let clauseStart = 0;
  for (let i = 0; i <= t.length; i++) {
    if (i === t.length || CLAUSE_SPLIT_CODES.has(t.charCodeAt(i))) {
      const clause = t.slice(clauseStart, i);
      if (clause.includes('、')) {
        const items: EnumItem[] = [];
        let s = 0;
        for (let j = 0; j <= clause.length; j++) {
          if (j === clause.length || clause[j] === '、') {
            const raw = clause.slice(s, j);
            const lead = raw.length - raw.trimStart().length;
            const it = raw.trim();
            items.push({ text: ownString(it), offset: clauseStart + s + lead, length: it.length });
            s = j + 1;
          }
        }
        if (items.length >= 2)
          out.push({ offset: items[0].offset, length: items[items.length - 1].offset + items[items.length - 1].length - items[0].offset, items });
      }
      clauseStart = i + 1;
    }
  }
  return out;
}

export interface DocumentOptions {
  /** Path or name, used to detect Markdown. */
  path?: string;
  languageId?: string;
}

export class DocumentModel {
  readonly text: string;
  readonly isMarkdown: boolean;
  readonly lines: Line[];
  /** Same length as `text`: comments, code blocks and Markdown markers replaced by spaces (newlines kept). */
  readonly masked: string;
  readonly comments: HtmlComment[] = [];
  readonly paragraphs: Paragraph[] = [];
  readonly headings: Heading[] = [];
  private _sentences?: Sentence[];
  private _quotes?: { quotes: Quote[]; unbalanced: UnbalancedMark[] };
  private _enums?: Enumeration[];
  private lineStarts: number[];
  /** joins[i]: line i continues line i - 1 in a hard-wrapped paragraph (wrapJoins). */
  private joins?: Uint8Array;
  /** What other modules work out once per document (`OwnerCache`, core/memo.ts): kept here, not in WeakMaps keyed
   *  by the model, so that it is collected with the model. */
  readonly caches = new Map<object, unknown>();

  constructor(text: string, opts: DocumentOptions = {}) {
    this.text = text;
    this.isMarkdown =
      opts.languageId === 'markdown' || /\.(md|markdown)$/i.test(opts.path ?? '') || (!opts.path && !opts.languageId && /^#{1,6} /m.test(text));
    this.lines = splitLines(text);
    this.lineStarts = this.lines.map(l => l.offset);
    this.masked = this.buildMask();
    this.buildParagraphs();
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.lineStarts[lo] + 1 };
  }

  /** Offset of a 1-based line and column. */
  offsetAt(line: number, column: number): number {
    const l = this.lines[Math.max(0, Math.min(line - 1, this.lines.length - 1))];
    return l.offset + Math.max(0, Math.min(column - 1, l.text.length));
  }

  /** Index of the line containing `offset`. */
  lineIndexAt(offset: number): number {
    return this.position(offset).line - 1;
  }

  /** The paragraph containing `offset`, if any. */
  paragraphAt(offset: number): Paragraph | undefined {
    let lo = 0;
    let hi = this.paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = this.paragraphs[mid];
      if (offset < p.offset) hi = mid - 1;
      else if (offset >= p.offset + p.length) lo = mid + 1;
      else return p;
    }
    return undefined;
  }

  /**
   * The text with the line breaks inside hard-wrapped paragraphs taken out (with the blanks before them), so that
   * the rules read a wrapped paragraph as the writer's one line; `cuts` ascending: before offset `at` of the
   * unwrapped text, `removed` characters of this text were taken out. Undefined when no line is wrapped.
   */
  unwrapped(): { text: string; cuts: { at: number; removed: number }[] } | undefined {
    const joins = this.joins;
    if (!joins || !joins.includes(1)) return undefined;
    const cuts: { at: number; removed: number }[] = [];
    let out = '';
    let pos = 0;
    for (let i = 1; i < this.lines.length; i++) {
      if (!joins[i]) continue;
      const prev = this.lines[i - 1];
      const end = prev.offset + trimEndChars(prev.text, ' \t\u3000').length;
      out += this.text.slice(pos, end);
      cuts.push({ at: out.length, removed: this.lines[i].offset - end });
      pos = this.lines[i].offset;
    }
    return { text: out + this.text.slice(pos), cuts };
  }

  /** True when offset is inside prose (not a comment, code, or Markdown marker). */
  isProse(offset: number): boolean {
    const c = this.masked.charCodeAt(offset);
    return c === this.text.charCodeAt(offset);
  }

  /** Sentences of all paragraphs (split at 。！？…; headings are one sentence up to their first 。). */
  get sentences(): Sentence[] {
    if (!this._sentences) {
      const out: Sentence[] = [];
      for (const p of this.paragraphs) {
        let start = 0;
        SENTENCE_END.lastIndex = 0;
        let m: RegExpExecArray | null;
        const push = (s: number, e: number) => {
          const raw = p.text.slice(s, e);
          const lead = raw.length - raw.trimStart().length;
          const t = raw.trim();
          if (t) out.push({ offset: p.offset + s + lead, length: t.length, text: t, paragraphIndex: p.index });
        };
        while ((m = SENTENCE_END.exec(p.text))) {
          push(start, m.index + m[0].length);
          start = m.index + m[0].length;
        }
        push(start, p.text.length);
      }
      this._sentences = out;
    }
    return this._sentences;
  }

  /** Balanced quoted/bracketed spans (nesting respected) and the marks that do not balance. */
  get quotes(): Quote[] {
    return this.scanPairs().quotes;
  }

  get unbalanced(): UnbalancedMark[] {
    return this.scanPairs().unbalanced;
  }

  /** 、-separated enumerations within a clause (items are clause-bounded; trim them as the rule needs). */
  get enumerations(): Enumeration[] {
    if (!this._enums) {
      const out: Enumeration[] = [];
      const memo = paragraphMemosOn();
      for (const p of this.paragraphs) {
        if (!p.text.includes('、')) continue;
        // Each paragraph's enumerations depend on its text alone: remembered by the text with offsets from the
        // paragraph's start, so a keystroke scans only the paragraph it changed (the scan of every paragraph was
        // about 4% of a keystroke).
        let rel = memo ? enumMemo.get(p.text) : undefined;
        if (!rel) {
          rel = paragraphEnumerations(p.text);
          if (memo) enumMemo.set(ownString(p.text), rel);
        }
        for (const e of rel)
          out.push({
            offset: p.offset + e.offset,
            length: e.length,
            items: e.items.map(it => ({ text: it.text, offset: p.offset + it.offset, length: it.length })),
            paragraphIndex: p.index,
          });
      }
      this._enums = out;
    }
    return this._enums;
  }

  private scanPairs() {
    if (this._quotes) return this._quotes;
    const quotes: Quote[] = [];
    const unbalanced: UnbalancedMark[] = [];
    // Pairs are matched within a paragraph: a quote does not run across paragraphs in these documents.
    for (const p of this.paragraphs) {
      const stack: { offset: number; mark: string }[] = [];
      // Openers of each mark on the stack: a closer with none is unopened without walking the stack (linear).
      const onStack = new Map<string, number>();
      const t = p.text;
      for (let i = 0; i < t.length; i++) {
        if (PAIR_MARK_CODES[t.charCodeAt(i)] === 0) continue;
        const ch = t[i];
        if (PAIRS[ch] !== undefined) {
          stack.push({ offset: p.offset + i, mark: ch });
          onStack.set(ch, (onStack.get(ch) ?? 0) + 1);
        } else if (CLOSERS[ch] !== undefined) {
          const want = CLOSERS[ch];
          // Find the nearest matching opener; openers above it are unclosed.
          let k = onStack.get(want) ? stack.length - 1 : -1;
          while (k >= 0 && stack[k].mark !== want) k--;
          if (k < 0) {
            unbalanced.push({ offset: p.offset + i, mark: ch, problem: 'unopened' });
            continue;
          }
          for (let j = stack.length - 1; j > k; j--) unbalanced.push({ offset: stack[j].offset, mark: stack[j].mark, problem: 'unclosed' });
          for (let j = stack.length - 1; j >= k; j--) onStack.set(stack[j].mark, onStack.get(stack[j].mark)! - 1);
          const open = stack[k];
          stack.length = k;
          quotes.push({
            open: open.offset,
            close: p.offset + i,
            openMark: open.mark,
            closeMark: ch,
            text: this.text.slice(open.offset + 1, p.offset + i),
            depth: k,
          });
        }
      }
      for (const s of stack) unbalanced.push({ offset: s.offset, mark: s.mark, problem: 'unclosed' });
    }
    quotes.sort((a, b) => a.open - b.open);
    unbalanced.sort((a, b) => a.offset - b.offset);
    this._quotes = { quotes, unbalanced };
    return this._quotes;
  }

  private buildMask(): string {
    // The spans to blank, applied at the end (most texts have none: the text itself is returned, and no array of
    // one-character strings is made for a long document).
    const spans: [number, number][] = [];
    const blank = (s: number, e: number) => {
      if (e > s) spans.push([s, e]);
    };
    // HTML comments (both formats: disable comments may appear in plain text too).
    // (A scan, not /<!--([\s\S]*?)-->/g: without a closing --> the regex searched to the end from every <!--.)
    for (let at = this.text.indexOf('<!--'); at >= 0; ) {
      const close = this.text.indexOf('-->', at + 4);
      if (close < 0) break;
      const end = close + 3;
      this.comments.push({
        offset: at,
        length: end - at,
        body: this.text.slice(at + 4, close).trim(),
        lineIndex: this.lineIndexAt(at),
        endLineIndex: this.lineIndexAt(end - 1),
      });
      blank(at, end);
      at = this.text.indexOf('<!--', end);
    }
    let m: RegExpExecArray | null;
    if (this.isMarkdown) {
      let inFence = false;
      let fenceMark = '';
      let inFront = false;
      for (const line of this.lines) {
        const t = line.text;
        if (line.index === 0 && t === '---') {
          inFront = true;
          blank(line.offset, line.offset + t.length);
          continue;
        }
        if (inFront) {
          blank(line.offset, line.offset + t.length);
          if (t === '---' || t === '...') inFront = false;
          continue;
        }
        const fence = /^\s*(```|~~~)/.exec(t);
        if (fence) {
          if (!inFence) {
            inFence = true;
            fenceMark = fence[1];
          } else if (fence[1] === fenceMark) inFence = false;
          blank(line.offset, line.offset + t.length);
          continue;
        }
        if (inFence) {
          blank(line.offset, line.offset + t.length);
          continue;
        }
        const h = /^ {0,3}(#{1,6})([ \t]+|$)/.exec(t);
        if (h) {
          blank(line.offset, line.offset + h[0].length);
          // Closing #s: [ \t]+#+[ \t]*$, found from the end (the regex was quadratic on a long run of blanks).
          const noTail = trimEndChars(t, ' \t');
          const noHashes = trimEndChars(noTail, '#');
          const closeAt = trimEndChars(noHashes, ' \t').length;
          if (noHashes.length < noTail.length && closeAt < noHashes.length && closeAt > h[0].length) blank(line.offset + closeAt, line.offset + t.length);
          continue;
        }
        const list = /^(\s*)([-*+]|\d{1,3}[.)])[ \t]+/.exec(t);
        if (list) {
          // Keep "1." visible: it is also Chinese numbering; blank only bullets.
          if (/[-*+]/.test(list[2])) blank(line.offset + list[1].length, line.offset + list[0].length);
        }
        const quote = /^\s*(>\s?)+/.exec(t);
        if (quote) blank(line.offset, line.offset + quote[0].length);
        // Emphasis markers ** and __ (keep single * which may be prose).
        const em = /\*\*|__/g;
        let e: RegExpExecArray | null;
        while ((e = em.exec(t))) blank(line.offset + e.index, line.offset + e.index + 2);
        // Inline code spans.
        const code = /`[^`\n]*`/g;
        while ((e = code.exec(t))) blank(line.offset + e.index, line.offset + e.index + e[0].length);
        // Link targets: keep the link text, blank the URL part.
        // (A scan for ](…) without ) or blanks inside: the regex /\]\(([^)\s]*)\)/g rescanned to the end of an
        // unclosed target from every later "](".)
        for (let at = t.indexOf(']('); at >= 0; ) {
          let j = at + 2;
          while (j < t.length && t[j] !== ')' && !/\s/.test(t[j])) j++;
          if (j < t.length && t[j] === ')') {
            blank(line.offset + at, line.offset + j + 1);
            at = t.indexOf('](', j + 1);
          } else at = t.indexOf('](', Math.max(j, at + 1));
        }
        const img = /!?\[/g;
        while ((e = img.exec(t))) if (t.indexOf('](', e.index) > 0) blank(line.offset + e.index, line.offset + e.index + e[0].length);
      }
    }
    // Bare URLs are not prose anywhere. ASCII URL characters only (a URL is often followed directly by Chinese
    // text), without ( ) [ ] and without a trailing , . : ; ! ? ' (punctuation in pasted drafts).
    const url = /https?:\/\/[A-Za-z0-9\-._~:/?#@!$&'*+,;=%]+/g;
    while ((m = url.exec(this.text))) {
      const len = trimEndChars(m[0], ",.:;!?'").length;
      blank(m.index, m.index + len);
    }
    return blankSpans(this.text, spans);
  }

  /**
   * Line i joins line i - 1 in one paragraph (joins[i]) when the text is hard-wrapped — copied from a PDF, or wrapped
   * by an editor at a fixed width: most of its lines fill the same width and many stop mid-sentence — and line i - 1
   * fills that width (without ending a sentence, unless line i starts with a closing mark or punctuation), and line i
   * starts no numbered item, no indented paragraph and no Markdown block. Plain
   * text and Markdown alike: any other line break ends a paragraph (a writer's .md file is plain text line for line;
   * Markdown would join its lines, and a stray break mid-sentence is a mistake in either form).
   */
  private wrapJoins(): Uint8Array {
    const joins = new Uint8Array(this.lines.length);
    const widths = this.lines.map(l => (l.text.trim() ? displayWidth(trimEndChars(l.text, ' \t\u3000', true)) : 0));
    const body = widths.filter(w => w > 0);
    if (body.length < 4) return joins;
    // The wrap width: the width (at least 24 columns) that most lines come within 10% of without passing it
    // (counted over a histogram of the widths and its prefix sums: linear in the text).
    let maxWidth = 0;
    for (const w of body) if (w > maxWidth) maxWidth = w;
    const atMost = new Int32Array(maxWidth + 1);
    for (const w of body) atMost[w]++;
    for (let w = 1; w <= maxWidth; w++) atMost[w] += atMost[w - 1];
    let wrap = 0;
    let full = 0;
    for (let w = 24; w <= maxWidth; w++) {
      if (atMost[w] === atMost[w - 1]) continue;
      const n = atMost[w] - atMost[Math.ceil(w * 0.9) - 1];
      if (n >= full) [wrap, full] = [w, n];
    }
    const wider = body.filter(w => w > wrap * 1.05).length;
    if (full < 3 || full < body.length * 0.3 || wider > body.length * 0.05) return joins;
    const fullLine = (i: number) => widths[i] >= wrap * 0.9 && widths[i] <= wrap * 1.05;
    const indented = (i: number) => /^[\s\u3000]/.test(this.lines[i].text);
    // Paragraph starts are marked when the lines that start one (after a short line) are indented or follow a
    // blank line: then a full line that ends a sentence runs on into an unmarked next line too.
    let starts = 0;
    let marked = 0;
    for (let i = 1; i < this.lines.length; i++) {
      if (!widths[i] || (widths[i - 1] && fullLine(i - 1))) continue;
      starts++;
      if (!widths[i - 1] || indented(i)) marked++;
    }
    const startsMarked = starts >= 2 && marked >= starts * 0.8;
    let midSentence = 0;
    // Quotation marks and brackets left open by the paragraph so far: it runs on.
    let open = 0;
    const opens = (t: string) => {
      for (const ch of t) {
        if ('“‘（(《〔【「『'.includes(ch)) open++;
        else if (open > 0 && '”’）)》〕】」』'.includes(ch)) open--;
      }
    };
    if (widths[0]) opens(this.lines[0].text);
    for (let i = 1; i < this.lines.length; i++) {
      const t = this.lines[i].text;
      let join = !!widths[i] && fullLine(i - 1) && !indented(i) && !parseNumbering(t) && !MD_BLOCK.test(t) && !COLUMNS.test(t) && !COLUMNS.test(this.lines[i - 1].text);
      const prev = join ? trimEndChars(this.lines[i - 1].text, ' \t\u3000', true) : '';
      if (join && (WRAP_END.test(prev) || /[”’」』》）)]$/.test(prev))) {
        // A full line that ends a sentence (or a bracket) may end its paragraph too, unless a quotation is still
        // open, the next line starts with a mark that no paragraph starts with (”，、。）…), or paragraph starts are
        // marked and the next line is no lead-in of its own (各位委员：).
        join = open > 0 || /^[”’」』》）)，,、。．；;：:！!？?…—]/.test(t) || (startsMarked && !/[：:]\s*$/.test(t));
      } else if (join) midSentence++;
      if (join) joins[i] = 1;
      else open = 0;
      opens(t);
    }
    return midSentence >= 2 && midSentence >= full * 0.3 ? joins : new Uint8Array(this.lines.length);
  }

  private buildParagraphs() {
    const joins = (this.joins = this.wrapJoins());
    let cur: { start: number; end: number; startLine: number; endLine: number; kind: ParagraphKind; md?: number } | undefined;
    const flush = () => {
      if (!cur) return;
      const raw = this.masked.slice(cur.start, cur.end);
      const lead = raw.length - raw.replace(/^[\s\u3000]+/, '').length;
      const trail = raw.length - raw.trimEnd().length;
      const offset = cur.start + lead;
      const length = Math.max(0, raw.length - lead - trail);
      if (length > 0) {
        const p: Paragraph = {
          index: this.paragraphs.length,
          offset,
          length,
          text: this.masked.slice(offset, offset + length),
          kind: cur.kind,
          startLine: cur.startLine,
          endLine: cur.endLine,
        };
        const numbering = parseNumbering(p.text, p.offset);
        if (cur.md || numbering) {
          const afterMarker = numbering ? numbering.offset + numbering.length - p.offset : 0;
          const rest = p.text.slice(afterMarker);
          const stop = rest.search(/[。！？!?]/);
          const title = (stop >= 0 ? rest.slice(0, stop) : rest).trim();
          const h: Heading = {
            offset: p.offset,
            length: p.length,
            lineIndex: cur.startLine,
            paragraphIndex: p.index,
            markdownLevel: cur.md,
            numbering,
            title,
            level: cur.md ?? STYLE_LEVEL[numbering!.style],
          };
          p.heading = h;
          p.kind = 'heading';
          this.headings.push(h);
        }
        this.paragraphs.push(p);
      }
      cur = undefined;
    };
    for (const line of this.lines) {
      const masked = this.masked.slice(line.offset, line.offset + line.text.length);
      const blankLine = masked.trim().replace(/\u3000/g, '') === '';
      if (blankLine) {
        flush();
        continue;
      }
      const mdHeading = this.isMarkdown ? /^ {0,3}(#{1,6})([ \t]+|$)/.exec(line.text) : null;
      const mdList = this.isMarkdown && /^\s*([-*+]|\d{1,3}[.)])[ \t]+/.test(line.text);
      // Every line is a paragraph, except the lines of a hard-wrapped paragraph (wrapJoins).
      if (!joins[line.index] || mdHeading || mdList || !cur || cur.kind !== 'paragraph' || cur.md) flush();
      if (!cur) {
        cur = {
          start: line.offset,
          end: line.offset + line.text.length,
          startLine: line.index,
          endLine: line.index,
          kind: mdList ? 'list' : 'paragraph',
          md: mdHeading ? mdHeading[1].length : undefined,
        };
      } else {
        cur.end = line.offset + line.text.length;
        cur.endLine = line.index;
      }
      if (mdHeading) flush();
    }
    flush();
  }
}

/** Splits text into lines, remembering each line's ending. */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const re = /\r\n|\n|\r/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    lines.push({ index: lines.length, offset: start, text: text.slice(start, m.index), eol: m[0] as Line['eol'] });
    start = m.index + m[0].length;
  }
  lines.push({ index: lines.length, offset: start, text: text.slice(start), eol: '' });
  return lines;
}

/** Columns a line takes (in a terminal, or when a text was wrapped at a fixed width): CJK and full-width forms
 *  count two, other characters one. */
export function displayWidth(text: string): number {
  let w = 0;
  // By code point (a surrogate pair is one), read from the code units: no string is made per character.
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        i++;
      }
    }
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

/** True for CJK ideographs (the basic and extension-A blocks). */
export function isHan(ch: string | undefined): boolean {
  return !!ch && isHanCode(ch.charCodeAt(0));
}

/** isHan of a code unit. */
export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** True for CJK punctuation and full-width forms. */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || '“”‘’…—·'.includes(ch);
}
