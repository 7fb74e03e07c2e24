// Reads a .docx as the text a reader sees, with for every character where it sits in word/document.xml.
// Body paragraphs in order, table cells cell by cell, automatic numbering as its label (一、 （一） 1.), tabs and line
// breaks, tracked insertions in and deletions out, fields by their displayed result; one line per paragraph.
import { DocxPackage, openPackage, partText } from './package';
import { Numbering, Styles } from './numbering';
import { child, decodeRaw, parseXml, XElement } from './xml';
import { DraftLintError } from '../core/types';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A piece of a run that shows as text: a `w:t` (its characters), or a `w:tab`/`w:br`/… (one character). */
export interface RunItem {
  el: XElement;
  /** Text offsets [from, to). */
  from: number;
  to: number;
  /** For `w:t`: the offset in document.xml of each character (entity references map all their characters to `&`). */
  raw?: number[];
}

export interface DocxRun {
  index: number;
  el: XElement;
  /** The element that holds the run (w:p, w:hyperlink, w:ins …). */
  parent: XElement;
  paragraphIndex: number;
  /** Text offsets [from, to) of the run's visible characters (from === to when it shows nothing). */
  from: number;
  to: number;
  items: RunItem[];
  /** Inside a tracked insertion or deletion of the original (w:ins, w:moveTo). */
  inRevision: boolean;
  /** A field's displayed result, or a run holding field characters / instructions / drawings. */
  special: boolean;
}

export interface DocxParagraph {
  index: number;
  el: XElement;
  /** Text offsets of the paragraph line (without its line break), including an automatic numbering label. */
  offset: number;
  length: number;
  /** Length of the automatic numbering label at the start (synthetic text, not in the XML). */
  labelLength: number;
  styleId?: string;
  styleName?: string;
  /** 1–9 for headings (outline level or a 标题/Heading style). */
  headingLevel?: number;
  /** Inside a table cell. */
  inTable: boolean;
  /** Runs from document.xml (empty for a footnote or endnote paragraph). */
  runs: DocxRun[];
  /** A footnote/endnote paragraph (read with `notes`): the index in `runs` of its reference mark in the body. */
  noteRef?: number;
  /** For a note paragraph: 脚注 or 尾注. */
  noteKind?: '脚注' | '尾注';
}

export interface ReadOptions {
  /** Also read the footnotes and endnotes, after the body, in the order their marks appear. */
  notes?: boolean;
}

export interface DocxText {
  /** What the core lints: one line per paragraph, joined by \n. */
  text: string;
  /** For each UTF-16 code unit of `text`: its offset in `xml`, or -1 (numbering label, line break between paragraphs). */
  xmlOffsets: Int32Array;
  /** For each code unit: the index in `runs` of the run it comes from, or -1. */
  runOf: Int32Array;
  paragraphs: DocxParagraph[];
  runs: DocxRun[];
  /** word/document.xml as a string, and its element tree with positions. */
  xml: string;
  root: XElement;
  pkg: DocxPackage;
}

/** Elements whose content is not part of the running text (drawings, text boxes, math, embedded objects). */
const OPAQUE = new Set(['w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'm:oMath', 'm:oMathPara', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);

/** Reads a .docx from its bytes. Throws DraftLintError with a reader-facing message. */
export function readDocx(bytes: Uint8Array, file = 'document.docx', opts: ReadOptions = {}): DocxText {
  const pkg = openPackage(bytes, file);
  return readPackage(pkg, file, opts);
}

export function readPackage(pkg: DocxPackage, file: string, opts: ReadOptions = {}): DocxText {
  const xml = partText(pkg, 'word/document.xml')!;
  const root = parseXml(xml, `${file}: word/document.xml`);
  if (root.attrs['xmlns:w'] === 'http://purl.oclc.org/ooxml/wordprocessingml/main')
    throw new DraftLintError(`${file} 是“Strict Open XML 文档”格式，暂不支持。请在 Word 中“文件 → 另存为”，“保存类型”选“Word 文档 (*.docx)”后再检查`, file);
  if (root.name !== 'w:document' || root.attrs['xmlns:w'] !== W_NS) throw new DraftLintError(`${file} 的 word/document.xml 不是 WordprocessingML 正文（根元素 ${root.name}）`, file);
  const body = child(root, 'w:body');
  if (!body) throw new DraftLintError(`${file} 的正文（w:body）为空`, file);
  const styles = new Styles(partText(pkg, 'word/styles.xml'));
  const numbering = new Numbering(partText(pkg, 'word/numbering.xml'), styles.listStyles);

  let text = '';
  const xmlOffsets: number[] = [];
  const runOf: number[] = [];
  const paragraphs: DocxParagraph[] = [];
  const runs: DocxRun[] = [];
  /** The part being read (document.xml, or a notes part). */
  let partXml = xml;
  /** Footnote and endnote marks in the body, in order. */
  const noteRefs: { kind: 'footnote' | 'endnote'; id: string; run: number }[] = [];
  /** Complex fields open at this point: 'code' until w:fldChar separate, then 'result'. */
  const fields: ('code' | 'result')[] = [];
  const push = (s: string, rawAt: number, run: number) => {
    text += s;
    for (let k = 0; k < s.length; k++) {
      xmlOffsets.push(rawAt);
      runOf.push(run);
    }
  };

  const inCode = () => fields.includes('code');

  const readRun = (r: XElement, parent: XElement, para: DocxParagraph, inRevision: boolean, inField: boolean) => {
    const run: DocxRun = { index: runs.length, el: r, parent, paragraphIndex: para.index, from: text.length, to: text.length, items: [], inRevision, special: inField || fields.length > 0 };
    for (const c of r.children) {
      switch (c.name) {
        case 'w:fldChar': {
          run.special = true;
          const t = c.attrs['w:fldCharType'];
          if (t === 'begin') fields.push('code');
          else if (t === 'separate' && fields.length) fields[fields.length - 1] = 'result';
          else if (t === 'end') fields.pop();
          break;
        }
        case 'w:instrText':
        case 'w:delInstrText':
          run.special = true;
          break;
        case 'w:t': {
          if (inCode()) break;
          const d = decodeRaw(partXml, c.openEnd, c.closeStart);
          const from = text.length;
          text += d.text;
          xmlOffsets.push(...d.offsets);
          for (let k = 0; k < d.text.length; k++) runOf.push(run.index);
          run.items.push({ el: c, from, to: text.length, raw: d.offsets });
          break;
        }
        case 'w:tab':
        case 'w:ptab':
        case 'w:br':
        case 'w:cr':
        case 'w:noBreakHyphen': {
          if (inCode()) break;
          const type = c.attrs['w:type'];
          if (c.name === 'w:br' && (type === 'page' || type === 'column')) break;
          const ch = c.name === 'w:tab' || c.name === 'w:ptab' ? '\t' : c.name === 'w:noBreakHyphen' ? '-' : '\n';
          const from = text.length;
          push(ch, c.start, run.index);
          run.items.push({ el: c, from, to: text.length });
          break;
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          run.special = true;
          if (partXml === xml && c.attrs['w:id'] !== undefined) noteRefs.push({ kind: c.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id: c.attrs['w:id'], run: run.index });
          break;
        default:
          if (OPAQUE.has(c.name)) run.special = true;
      }
    }
    run.to = text.length;
    runs.push(run);
    para.runs.push(run);
  };

  const readInline = (el: XElement, para: DocxParagraph, inRevision: boolean, inField = false) => {
    for (const c of el.children) {
      switch (c.name) {
        case 'w:r':
          readRun(c, el, para, inRevision, inField);
          break;
        case 'w:ins':
        case 'w:moveTo':
          readInline(c, para, true, inField);
          break;
        case 'w:fldSimple':
          // A simple field's result: shown, but Word recomputes it (no tracked change inside).
          readInline(c, para, inRevision, true);
          break;
        case 'w:del':
        case 'w:moveFrom':
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:bdo':
        case 'w:dir':
          readInline(c, para, inRevision, inField);
          break;
        case 'w:sdt': {
          const content = child(c, 'w:sdtContent');
          if (content) readInline(content, para, inRevision, inField);
          break;
        }
      }
    }
  };

  /** The previous paragraph's mark was deleted (a tracked join): this paragraph continues its line. */
  let joinNext = false;
  const readParagraph = (p: XElement, inTable: boolean) => {
    if (paragraphs.length && !joinNext) push('\n', -1, -1);
    const pPr = child(p, 'w:pPr');
    joinNext = !!child(child(pPr, 'w:rPr'), 'w:del');
    const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'] ?? styles.defaultParagraph;
    const para: DocxParagraph = {
      index: paragraphs.length,
      el: p,
      offset: text.length,
      length: 0,
      labelLength: 0,
      styleId,
      styleName: styles.name(styleId),
      headingLevel: styles.headingLevel(styleId),
      inTable,
      runs: [],
    };
    const numPr = child(pPr, 'w:numPr');
    const directNumId = child(numPr, 'w:numId')?.attrs['w:val'];
    const directIlvl = child(numPr, 'w:ilvl')?.attrs['w:val'];
    const fromStyle = styles.numbering(styleId);
    const numId = directNumId ?? fromStyle?.numId;
    const ilvl = directIlvl !== undefined ? Number(directIlvl) : directNumId === undefined ? fromStyle?.ilvl ?? 0 : 0;
    // A paragraph that shows nothing (no runs with text) still takes its number in Word, and shows it.
    if (numId !== undefined) {
      const label = numbering.next(numId, ilvl);
      if (label) {
        push(label, -1, -1);
        para.labelLength = label.length;
      }
    }
    paragraphs.push(para);
    readInline(p, para, false);
    para.length = text.length - para.offset;
  };

  const readBlocks = (el: XElement, inTable: boolean) => {
    for (const c of el.children) {
      switch (c.name) {
        case 'w:p':
          readParagraph(c, inTable);
          break;
        case 'w:tbl':
          for (const tr of c.children) {
            if (tr.name !== 'w:tr') continue;
            for (const tc of tr.children) {
              if (tc.name === 'w:tc') readBlocks(tc, true);
              else if (tc.name === 'w:sdt') {
                const content = child(tc, 'w:sdtContent');
                if (content) for (const inner of content.children) if (inner.name === 'w:tc') readBlocks(inner, true);
              }
            }
          }
          break;
        case 'w:sdt': {
          const content = child(c, 'w:sdtContent');
          if (content) readBlocks(content, inTable);
          break;
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          readBlocks(c, inTable);
          break;
      }
    }
  };

  readBlocks(body, false);
  if (opts.notes && noteRefs.length) {
    const bodyRuns = runs.length;
    const parts = new Map<string, { xml: string; byId: Map<string, XElement> }>();
    const notesOf = (kind: 'footnote' | 'endnote') => {
      const name = relatedPart(pkg, kind === 'footnote' ? 'footnotes' : 'endnotes') ?? `word/${kind}s.xml`;
      let part = parts.get(name);
      if (!part) {
        part = { xml: partText(pkg, name) ?? '', byId: new Map() };
        if (part.xml) for (const n of parseXml(part.xml, `${file}: ${name}`).children) if (n.name === `w:${kind}`) part.byId.set(n.attrs['w:id'], n);
        parts.set(name, part);
      }
      return part;
    };
    for (const ref of noteRefs) {
      const part = notesOf(ref.kind);
      const note = part.byId.get(ref.id);
      if (!note) continue;
      partXml = part.xml;
      const first = paragraphs.length;
      const from = text.length;
      readBlocks(note, false);
      for (const p of paragraphs.slice(first)) {
        p.noteRef = ref.run;
        p.noteKind = ref.kind === 'footnote' ? '脚注' : '尾注';
        p.runs = [];
      }
      // Not in document.xml: no offsets there, no runs to split.
      for (let i = from; i < text.length; i++) {
        xmlOffsets[i] = -1;
        runOf[i] = -1;
      }
    }
    partXml = xml;
    runs.length = bodyRuns;
  }
  return { text, xmlOffsets: Int32Array.from(xmlOffsets), runOf: Int32Array.from(runOf), paragraphs, runs, xml, root, pkg };
}

/** True for a path Word or WPS saves as a binary document (.doc, .wps, .dot, .wpt): those are not read. */
export function isBinaryWordPath(file: string): boolean {
  return /\.(doc|dot|wps|wpt)$/i.test(file);
}

/** True for a path read as a Word document (.docx, .docm). */
export function isDocxPath(file: string): boolean {
  return /\.(docx|docm)$/i.test(file);
}

/** The part a relationship of document.xml of type `type` (e.g. `footnotes`) points to. */
function relatedPart(pkg: DocxPackage, type: string): string | undefined {
  const rels = partText(pkg, 'word/_rels/document.xml.rels');
  if (!rels) return undefined;
  for (const r of parseXml(rels, 'word/_rels/document.xml.rels').children) {
    if (!r.attrs.Type?.endsWith('/' + type) || r.attrs.TargetMode === 'External') continue;
    const t = r.attrs.Target;
    return t.startsWith('/') ? t.slice(1) : ('word/' + t).replace(/(?<![^/])[^/]+\/\.\.\//g, '');
  }
  return undefined;
}
