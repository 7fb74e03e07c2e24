// A positioned element tree of an XML part (parsed by saxes): every element knows where its start tag, content and
// end tag lie in the original string, so the annotator can splice the original text instead of re-serialising it.
// `<w:p><w:r><w:t>a&amp;b</w:t></w:r></w:p>` → p{start 0, end 36} › r › t{openEnd 14, closeStart 21}
import { SaxesParser } from 'saxes';
import { DraftLintError } from '../core/types';

export interface XElement {
  /** Qualified name as written, e.g. `w:p`. */
  name: string;
  attrs: Record<string, string>;
  /** Offset of `<` of the start tag. */
  start: number;
  /** Offset just after the start tag's `>` (equals `end` for `<x/>`). */
  openEnd: number;
  /** Offset of `<` of the end tag (equals `end` for `<x/>`). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
  selfClosing: boolean;
  children: XElement[];
  parent?: XElement;
}

/** Parses `xml` into its root element with positions (UTF-16 offsets into `xml`). Throws DraftLintError. */
export function parseXml(xml: string, partName: string): XElement {
  const parser = new SaxesParser({ xmlns: false });
  const stack: XElement[] = [];
  let root: XElement | undefined;
  let error: Error | undefined;
  parser.on('error', e => {
    error ??= e;
  });
  parser.on('opentag', tag => {
    const end = parser.position;
    const start = xml.lastIndexOf('<', end - 1);
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes as Record<string, string>)) attrs[k] = v;
    const el: XElement = { name: tag.name, attrs, start, openEnd: end, closeStart: end, end, selfClosing: !!tag.isSelfClosing, children: [], parent: stack[stack.length - 1] };
    if (el.parent) el.parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    const el = stack.pop()!;
    const end = parser.position;
    if (!el.selfClosing) {
      el.closeStart = xml.lastIndexOf('<', end - 1);
      el.end = end;
    }
  });
  parser.write(xml).close();
  if (error || !root) throw new DraftLintError(`${partName} 不是格式正确的 XML：${error?.message ?? '没有根元素'}`);
  return root;
}

/** The first child named `name`. */
export function child(el: XElement | undefined, name: string): XElement | undefined {
  return el?.children.find(c => c.name === name);
}

/** The children named `name`. */
export function childrenNamed(el: XElement | undefined, name: string): XElement[] {
  return el ? el.children.filter(c => c.name === name) : [];
}

/** Every descendant named `name` (document order). */
export function descendants(el: XElement, name: string, out: XElement[] = []): XElement[] {
  for (const c of el.children) {
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** The decoded text content of an element without child elements (e.g. `w:t`), with, for each UTF-16 code unit
 *  of the result, the offset in `xml` of the raw character or entity it came from. */
export function textWithOffsets(xml: string, el: XElement): { text: string; offsets: number[] } {
  return decodeRaw(xml, el.openEnd, el.closeStart);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes character data `xml[from, to)` (entity and character references, CDATA) keeping raw offsets. */
export function decodeRaw(xml: string, from: number, to: number): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  let i = from;
  while (i < to) {
    const c = xml[i];
    if (c === '&') {
      const semi = xml.indexOf(';', i);
      const ref = xml.slice(i + 1, semi);
      const ch = ref[0] === '#' ? String.fromCodePoint(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)) : NAMED[ref] ?? '';
      for (let k = 0; k < ch.length; k++) offsets.push(i);
      text += ch;
      i = semi + 1;
    } else if (c === '<' && xml.startsWith('<![CDATA[', i)) {
      const close = xml.indexOf(']]>', i);
      for (let k = i + 9; k < close; k++) offsets.push(k);
      text += xml.slice(i + 9, close);
      i = close + 3;
    } else if (c === '<') {
      // A comment or processing instruction inside text: skip it.
      const close = xml.startsWith('<!--', i) ? xml.indexOf('-->', i) + 3 : xml.indexOf('>', i) + 1;
      i = close;
    } else if (c === '\r') {
      // XML end-of-line handling: \r\n and \r read as \n.
      offsets.push(i);
      text += '\n';
      i += xml[i + 1] === '\n' ? 2 : 1;
    } else {
      offsets.push(i);
      text += c;
      i++;
    }
  }
  return { text, offsets };
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Escapes text for an attribute value in double quotes. */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>"]/g, c => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}
