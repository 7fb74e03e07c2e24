// Numbered headings grouped into sequences (one per level and parent), shared by the numbering rules (not a rule itself).
import type { DocumentModel, Heading, Numbering, NumberingStyle } from '../../../core/document';
import { STYLE_LEVEL, parseNumbering } from '../../../core/document';
import { toChineseInt } from '../../../core/numbers';

/** 三、四季度 / 3、4月份: two numbers listed with a 顿号 at the start of a sentence, not a numbering marker. */
const NUMBER_LIST = /^(?:[零〇一二两三四五六七八九十]+|\d+)(?:季度|月份|月|日|号|年级|个|项|条|种|次|名|位|批|期|类|级|倍|成|层|楼|栋|户|家|所|台|套)/;

/** True when a heading's marker really numbers it (see NUMBER_LIST). */
export function isNumberingMarker(doc: DocumentModel, h: Heading): boolean {
  const n = h.numbering;
  if (!n) return false;
  if (!n.raw.endsWith('、')) return true;
  const after = doc.text.slice(n.offset + n.length, n.offset + n.length + 6);
  const sameKind = /\d/.test(n.raw) ? /^\d/.test(after) : /^[零〇一二两三四五六七八九十]/.test(after);
  // 2、26、40、125——: a series of bare numbers, not a numbered item.
  if (/\d/.test(n.raw) && /^\d+、/.test(after)) return false;
  return !(sameKind && NUMBER_LIST.test(after));
}

/** One item of a sequence: a numbered heading. */
export interface SeqItem {
  heading: Heading;
  numbering: Numbering;
}

/** The numbered headings of one level under one parent, in document order (a restart at 1 opens a new sequence). */
export interface Sequence {
  style: NumberingStyle;
  markdownLevel?: number;
  parent?: SeqItem;
  items: SeqItem[];
  /** The sequence of the same style and parent that this one, starting again at 1, ends (（一）（二） then （一）). */
  restartOf?: Sequence;
}

/**
 * The numbered headings of the document, plus (in Markdown) numbered lines that a writer put inside a paragraph without a
 * blank line before them: Markdown joins such lines into the paragraph, but the numbers are still the outline.
 */
export function numberedItems(doc: DocumentModel): Heading[] {
  if (!doc.isMarkdown) return doc.headings;
  const extra: Heading[] = [];
  for (const p of doc.paragraphs) {
    if (p.startLine === p.endLine || !(p.kind === 'paragraph' || (p.kind === 'heading' && !p.heading?.markdownLevel))) continue;
    for (let li = p.startLine + 1; li <= p.endLine; li++) {
      const line = doc.lines[li];
      const masked = doc.masked.slice(line.offset, line.offset + line.text.length);
      if (/^\s*>/.test(line.text)) continue;
      const n = parseNumbering(masked, line.offset);
      if (!n) continue;
      const end = line.offset + masked.trimEnd().length;
      extra.push({ offset: n.offset, length: end - n.offset, lineIndex: li, paragraphIndex: p.index, numbering: n, title: masked.slice(n.offset - line.offset + n.length).trim(), level: STYLE_LEVEL[n.style] });
    }
  }
  return extra.length ? [...doc.headings, ...extra].sort((a, b) => a.offset - b.offset) : doc.headings;
}

/**
 * Paragraphs inside a quotation that runs over several paragraphs (他指出：“（一）……  （二）……  （三）……。”): a
 * paragraph that leaves a “ open, and the following ones up to the one that closes it (at most 20 paragraphs later).
 */
export function quotedParagraphs(doc: DocumentModel): Set<number> {
  const inside = new Set<number>();
  const ps = doc.paragraphs;
  const balance = (t: string) => {
    let b = 0;
    for (let i = 0; i < t.length; i++) if (t[i] === '“') b++;
    else if (t[i] === '”') b--;
    return b;
  };
  for (let i = 0; i < ps.length; i++) {
    let b = balance(ps[i].text);
    if (b <= 0) continue;
    for (let j = i + 1; j < ps.length && j <= i + 20; j++) {
      b += balance(ps[j].text);
      if (b <= 0) {
        for (let k = i + 1; k <= j; k++) inside.add(k);
        i = j;
        break;
      }
    }
  }
  return inside;
}

/**
 * Groups numbered headings into sequences. Nesting follows the order in which styles appear (一、 > （一） > 1. > （1）
 * in the usual case): a style already open higher up closes the deeper ones; a style not yet open starts a deeper level.
 * A Markdown heading without a number closes the numbered paragraphs of the previous section; numbered lines inside a
 * Markdown block quotation or a quotation over several paragraphs are left out.
 */
export function numberingSequences(doc: DocumentModel): Sequence[] {
  const out: Sequence[] = [];
  const stack: Sequence[] = [];
  const quoted = quotedParagraphs(doc);
  for (const h of numberedItems(doc)) {
    if (quoted.has(h.paragraphIndex)) continue;
    const md = h.markdownLevel;
    if (md !== undefined) {
      // Numbered paragraphs belong to the section above; deeper Markdown levels close too.
      while (stack.length && (stack[stack.length - 1].markdownLevel === undefined || stack[stack.length - 1].markdownLevel! > md)) stack.pop();
    }
    const n = h.numbering;
    if (!n || !isNumberingMarker(doc, h)) continue;
    // A numbered list inside a Markdown block quotation belongs to the quoted text, not to the outline.
    if (doc.isMarkdown && /^\s*>/.test(doc.lines[h.lineIndex].text)) continue;
    let k = stack.length - 1;
    while (k >= 0 && !(stack[k].style === n.style && stack[k].markdownLevel === md)) k--;
    const item: SeqItem = { heading: h, numbering: n };
    if (k >= 0 && n.value !== 1) {
      stack.length = k + 1;
      stack[k].items.push(item);
      continue;
    }
    const replaced = k >= 0 ? stack[k] : undefined;
    if (k >= 0) stack.length = k; // a restart at 1 replaces the old sequence at that level
    const seq: Sequence = { style: n.style, markdownLevel: md, parent: stack.length ? stack[stack.length - 1].items[stack[stack.length - 1].items.length - 1] : undefined, items: [item] };
    if (replaced && replaced.parent === seq.parent) seq.restartOf = replaced;
    stack.push(seq);
    out.push(seq);
  }
  return out;
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The marker `raw` (e.g. （三）) rewritten with the number `value` in the same style: （四）. */
export function markerWithValue(raw: string, style: NumberingStyle, value: number): string {
  switch (style) {
    case 'circled':
      return CIRCLED[value - 1] ?? raw;
    case 'arabic-dot':
    case 'arabic-paren':
      return raw.replace(/\d+/, String(value));
    default:
      return raw.replace(/[零〇一二两三四五六七八九十百千]+/, toChineseInt(value));
  }
}

/** The shape of a marker without its number, ignoring full/half width: （#） for both (三) and （三）. */
export function markerShape(raw: string): string {
  return raw
    .replace(/\d+|[零〇一二两三四五六七八九十百千]+|[①-⑳]/, '#')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/．/g, '.');
}
