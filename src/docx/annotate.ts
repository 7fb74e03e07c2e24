// Writes an annotated copy of a .docx: each finding as a Word comment anchored on its exact text, and (by choice)
// each fix as a tracked change (w:del + w:ins) the writer accepts or rejects in Word or WPS. document.xml is spliced,
// not re-serialised: it differs from the original only by the anchors and revisions (runs are split where a
// finding starts or ends inside one, keeping their properties). Every other part keeps its bytes, except
// comments.xml (new comments appended) and, when the document had no comments part, document.xml.rels and
// [Content_Types].xml (one entry each).
import type { Diagnostic, Fix, Severity } from '../core/types';
import { partText, writePackage } from './package';
import { DocxRun, DocxText, W_NS } from './reader';
import { child, escapeAttr, escapeText, parseXml, XElement } from './xml';
import { describeFix } from '../report/data';

export type AnnotateMode = 'comments' | 'revisions' | 'both';

export interface AnnotateOptions {
  /** comments: every finding as a comment; revisions: fixes as tracked changes, comments only for findings without
   *  a trackable fix; both: every finding as a comment and every trackable fix also as a tracked change. */
  mode: AnnotateMode;
  /** Author of the comments and revisions (default `draft-lint 审校`). */
  author?: string;
  initials?: string;
  /** ISO date for w:date (default: now, to the second). */
  date?: string;
  /** The one-line description of a rule, shown with its id at the end of each comment. */
  ruleTitle?: (ruleId: string) => string | undefined;
}

export interface AnnotateResult {
  bytes: Uint8Array;
  comments: number;
  revisions: number;
  /** Comments widened or moved because their text is not in the XML (automatic numbering), for the report. */
  adjusted: number;
}

export const DEFAULT_AUTHOR = 'draft-lint 审校';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** A place between characters: before or after a visible character of a run, or a raw position in the XML. */
interface Cut {
  run: number;
  /** Index among the run's visible characters, 0…length. */
  k: number;
}

/** Something to insert at a cut. Closing markers come before opening ones at the same cut. */
interface Marker {
  cut: Cut;
  closing: boolean;
  /** Among closings: revisions (0) before comments (1); among openings: comments (0) before revisions (1). */
  rank: number;
  seq: number;
  xml: string;
}

interface Revision {
  from: number;
  to: number;
  fix: Fix;
  /** Runs whose characters in [from, to) become deleted text. */
  runs: Set<number>;
  rPr: string;
  id: number;
  delId: number;
}

/** Annotates `doc` with `findings` (diagnostics of its text). */
export function annotateDocx(doc: DocxText, findings: Diagnostic[], opts: AnnotateOptions): AnnotateResult {
  const xml = doc.xml;
  const author = escapeAttr(opts.author ?? DEFAULT_AUTHOR);
  const initials = escapeAttr(opts.initials ?? 'DL');
  const date = escapeAttr(opts.date ?? new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'));

  const commentsPartName = findCommentsPart(doc);
  const commentsXml = commentsPartName ? partText(doc.pkg, commentsPartName) : undefined;
  let nextId = Math.max(maxId(xml), commentsXml ? maxId(commentsXml) : -1) + 1;

  const markers: Marker[] = [];
  let seq = 0;
  const mark = (cut: Cut, closing: boolean, rank: number, markup: string) => markers.push({ cut, closing, rank, seq: seq++, xml: markup });
  /** Comments on paragraphs with no visible character to hold them, by paragraph. */
  const pointInserts = new Map<XElement, string[]>();
  /** Comments on a footnote/endnote, anchored on its mark in the body: markup before and after the mark's run. */
  const noteAnchors = new Map<number, { before: string[]; after: string[] }>();

  // 1. Tracked changes for the fixes that can be tracked (plain runs, one parent, no overlap).
  const revisions: Revision[] = [];
  const revisionOf = new Map<Diagnostic, Revision>();
  if (opts.mode !== 'comments') {
    const byOffset = findings.filter(d => d.fix).sort((a, b) => a.fix!.offset - b.fix!.offset || a.fix!.length - b.fix!.length);
    let lastEnd = -1;
    for (const d of byOffset) {
      const f = d.fix!;
      if (f.offset < lastEnd || (f.offset === lastEnd && (f.length === 0 || revisions[revisions.length - 1]?.fix.length === 0))) continue;
      const rev = planRevision(doc, f);
      if (!rev) continue;
      rev.id = nextId++;
      rev.delId = nextId++;
      revisions.push(rev);
      revisionOf.set(d, rev);
      lastEnd = f.offset + f.length;
    }
    for (const rev of revisions) {
      const ins = rev.fix.text ? `<w:ins w:id="${rev.id}" w:author="${author}" w:date="${date}"><w:r>${rev.rPr}<w:t xml:space="preserve">${escapeText(rev.fix.text)}</w:t></w:r></w:ins>` : '';
      if (rev.to > rev.from) {
        mark(cutBefore(doc, rev.from), false, 1, `<w:del w:id="${rev.delId}" w:author="${author}" w:date="${date}">`);
        mark(cutAfter(doc, rev.to - 1), true, 0, `</w:del>${ins}`);
      } else {
        mark(insertionCut(doc, rev.from)!, true, 0, ins);
      }
    }
  }
  const deleted = new Map<number, { from: number; to: number }[]>();
  for (const rev of revisions) for (const r of rev.runs) (deleted.get(r) ?? deleted.set(r, []).get(r)!).push({ from: rev.from, to: rev.to });

  // 2. Comments.
  const newComments: string[] = [];
  let adjusted = 0;
  for (const d of findings) {
    const rev = revisionOf.get(d);
    if (opts.mode === 'revisions' && rev) continue;
    const span = commentSpan(doc, d, revisions);
    const id = nextId++;
    const onLabel = span.widened;
    if (span.widened || span.point !== undefined || span.note) adjusted++;
    newComments.push(commentXml(id, author, initials, date, d, doc.text, opts.ruleTitle?.(d.ruleId), onLabel, !!rev, span.note));
    const ref = `<w:r><w:commentReference w:id="${id}"/></w:r>`;
    if (span.note) {
      const a = noteAnchors.get(span.note.run) ?? noteAnchors.set(span.note.run, { before: [], after: [] }).get(span.note.run)!;
      a.before.push(`<w:commentRangeStart w:id="${id}"/>`);
      a.after.push(`<w:commentRangeEnd w:id="${id}"/>${ref}`);
      continue;
    }
    if (span.point) {
      (pointInserts.get(span.point) ?? pointInserts.set(span.point, []).get(span.point)!).push(`<w:commentRangeStart w:id="${id}"/><w:commentRangeEnd w:id="${id}"/>${ref}`);
      continue;
    }
    mark(cutBefore(doc, span.from), false, 0, `<w:commentRangeStart w:id="${id}"/>`);
    mark(cutAfter(doc, span.to - 1), true, 1, `<w:commentRangeEnd w:id="${id}"/>${ref}`);
  }

  // 3. Splice document.xml: each affected run is replaced by its pieces with the markers between them.
  const byRun = new Map<number, Marker[]>();
  for (const m of markers) (byRun.get(m.cut.run) ?? byRun.set(m.cut.run, []).get(m.cut.run)!).push(m);
  const affected = new Set<number>([...byRun.keys(), ...deleted.keys()]);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const r of affected) {
    const run = doc.runs[r];
    edits.push({ start: run.el.start, end: run.el.end, text: rewriteRun(doc, run, byRun.get(r) ?? [], deleted.get(r) ?? []) });
  }
  for (const [r, a] of noteAnchors) {
    const el = doc.runs[r].el;
    edits.push({ start: el.start, end: el.start, text: a.before.join('') }, { start: el.end, end: el.end, text: a.after.join('') });
  }
  for (const [p, list] of pointInserts) {
    const pPr = child(p, 'w:pPr');
    if (p.selfClosing) edits.push({ start: p.start, end: p.end, text: `${xml.slice(p.start, p.end - 2)}>${list.join('')}</w:p>` });
    else {
      const pos = pPr ? pPr.end : p.openEnd;
      edits.push({ start: pos, end: pos, text: list.join('') });
    }
  }
  edits.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  out += xml.slice(at);
  // A safety net: the spliced part must still be well-formed.
  parseXml(out, 'annotated word/document.xml');

  const changed = new Map<string, string>([['word/document.xml', out]]);
  if (newComments.length) {
    if (commentsPartName && commentsXml !== undefined) {
      const root = parseXml(commentsXml, commentsPartName);
      const insertAt = root.selfClosing ? root.start : root.closeStart;
      const body = newComments.join('');
      changed.set(
        commentsPartName,
        root.selfClosing ? commentsXml.slice(0, root.start) + commentsXml.slice(root.start, root.end - 2) + '>' + body + `</${root.name}>` + commentsXml.slice(root.end) : commentsXml.slice(0, insertAt) + body + commentsXml.slice(insertAt),
      );
    } else {
      changed.set('word/comments.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:comments xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${newComments.join('')}</w:comments>`);
      const relsName = 'word/_rels/document.xml.rels';
      const rels = partText(doc.pkg, relsName) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
      const ids = new Set([...rels.matchAll(/\bId="([^"]*)"/g)].map(m => m[1]));
      let n = ids.size + 1;
      while (ids.has(`rId${n}`)) n++;
      changed.set(relsName, insertBeforeClose(rels, 'Relationships', `<Relationship Id="rId${n}" Type="${COMMENTS_REL}" Target="comments.xml"/>`));
      const ct = partText(doc.pkg, '[Content_Types].xml')!;
      changed.set('[Content_Types].xml', insertBeforeClose(ct, 'Types', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_CT}"/>`));
    }
  }
  return { bytes: writePackage(doc.pkg, changed), comments: newComments.length, revisions: revisions.length, adjusted };
}

/** The comments part named by document.xml's relationships (e.g. `word/comments.xml`), if any. */
function findCommentsPart(doc: DocxText): string | undefined {
  const rels = partText(doc.pkg, 'word/_rels/document.xml.rels');
  if (!rels) return undefined;
  const root = parseXml(rels, 'word/_rels/document.xml.rels');
  for (const r of root.children) {
    if (r.attrs.Type !== COMMENTS_REL || r.attrs.TargetMode === 'External') continue;
    const target = r.attrs.Target;
    const name = target.startsWith('/') ? target.slice(1) : normalize('word/' + target);
    if (doc.pkg.parts.has(name)) return name;
  }
  return undefined;
}

function normalize(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg) out.push(seg);
  }
  return out.join('/');
}

function maxId(xml: string): number {
  let max = -1;
  for (const m of xml.matchAll(/\bw:id="(-?\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}

function insertBeforeClose(xml: string, rootName: string, insert: string): string {
  const close = xml.lastIndexOf(`</${rootName}>`);
  if (close >= 0) return xml.slice(0, close) + insert + xml.slice(close);
  // <Root … /> : open it up.
  const selfClose = xml.lastIndexOf('/>');
  return xml.slice(0, selfClose) + '>' + insert + `</${rootName}>` + xml.slice(selfClose + 2);
}

function cutBefore(doc: DocxText, c: number): Cut {
  const run = doc.runs[doc.runOf[c]];
  return { run: run.index, k: c - run.from };
}

function cutAfter(doc: DocxText, c: number): Cut {
  const run = doc.runs[doc.runOf[c]];
  return { run: run.index, k: c - run.from + 1 };
}

/** Where an insertion at text offset `at` goes: after the character before it, else before the one after it. */
function insertionCut(doc: DocxText, at: number): Cut | undefined {
  if (at > 0 && usable(doc, at - 1)) return cutAfter(doc, at - 1);
  if (at < doc.text.length && usable(doc, at)) return cutBefore(doc, at);
  return undefined;
}

function runAt(doc: DocxText, c: number): DocxRun | undefined {
  const r = doc.runOf[c];
  return r >= 0 ? doc.runs[r] : undefined;
}

/** A character that a tracked change may touch: in a plain run (not a field, not inside an existing revision). */
function usable(doc: DocxText, c: number): boolean {
  const run = runAt(doc, c);
  return !!run && !run.special && !run.inRevision;
}

/** The revision for a fix, or undefined when it cannot be tracked (label text, fields, several parents, across
 *  paragraphs, inside an existing revision). */
function planRevision(doc: DocxText, fix: Fix): Revision | undefined {
  const from = fix.offset;
  const to = fix.offset + fix.length;
  // A new line would be a new paragraph in Word, not a character of a run.
  if (/[\r\n]/.test(fix.text)) return undefined;
  if (fix.length === 0) {
    const cut = insertionCut(doc, from);
    if (!cut || !fix.text) return undefined;
    const run = doc.runs[cut.run];
    return { from, to, fix, runs: new Set(), rPr: rPrOf(doc, run), id: 0, delId: 0 };
  }
  let parent: XElement | undefined;
  const runs = new Set<number>();
  for (let c = from; c < to; c++) {
    if (!usable(doc, c)) return undefined;
    const run = runAt(doc, c)!;
    if (parent && run.parent !== parent) return undefined;
    parent = run.parent;
    runs.add(run.index);
  }
  // Runs between the first and the last that show nothing stay as they are inside the deletion: not a field's
  // characters or code, and no existing revision in between (w:del cannot nest).
  const first = doc.runs[doc.runOf[from]];
  const last = doc.runs[doc.runOf[to - 1]];
  for (let r = first.index; r <= last.index; r++) if (doc.runs[r].special || doc.runs[r].inRevision) return undefined;
  if (/<w:(?:del|ins|moveFrom|moveTo)\b/.test(doc.xml.slice(first.el.end, last.el.start))) return undefined;
  return { from, to, fix, runs, rPr: rPrOf(doc, first), id: 0, delId: 0 };
}

function rPrOf(doc: DocxText, run: DocxRun): string {
  const rPr = child(run.el, 'w:rPr');
  if (!rPr) return '';
  // Drop a revision mark on the run properties (w:rPrChange): the inserted run has its own.
  const change = child(rPr, 'w:rPrChange');
  const raw = doc.xml.slice(rPr.start, rPr.end);
  return change ? raw.slice(0, change.start - rPr.start) + raw.slice(change.end - rPr.start) : raw;
}

/** The characters a comment is anchored on: the finding's span clamped to text present in the XML; a span that is
 *  all automatic numbering is widened to its paragraph; a paragraph with no text gets a point comment. */
function commentSpan(doc: DocxText, d: Diagnostic, revisions: Revision[]): { from: number; to: number; widened: boolean; point?: XElement; note?: { run: number; kind: string } } {
  const at = paragraphAt(doc, d.offset);
  if (at.noteRef !== undefined) return { from: 0, to: 0, widened: false, note: { run: at.noteRef, kind: at.noteKind ?? '脚注' } };
  let from = d.offset;
  let to = d.offset + d.length;
  // A span that runs on into the notes ends with the body.
  const notesFrom = notesStart(doc);
  if (to > notesFrom) to = Math.max(from + 1, notesFrom - 1);
  if (to === from) {
    // A point finding (something missing): the character before it in the same line, else the one after.
    if (from > 0 && doc.runOf[from - 1] >= 0) from--;
    else to++;
  }
  to = Math.min(to, doc.text.length);
  while (from < to && doc.runOf[from] < 0) from++;
  while (to > from && doc.runOf[to - 1] < 0) to--;
  let widened = false;
  if (from >= to) {
    widened = true;
    const p = paragraphAt(doc, d.offset);
    const runsWithText = p.runs.filter(r => r.to > r.from);
    if (!runsWithText.length) return { from: 0, to: 0, widened, point: p.el };
    from = runsWithText[0].from;
    to = runsWithText[runsWithText.length - 1].to;
  }
  // A comment that would end inside a tracked deletion ends where the deletion (and its insertion) ends.
  for (const r of revisions) if (r.to > r.from && to > r.from && to < r.to) to = r.to;
  return { from, to, widened };
}

const notesStarts = new WeakMap<DocxText, number>();
/** Offset of the first footnote/endnote paragraph (the text's length when the notes were not read). */
function notesStart(doc: DocxText): number {
  let n = notesStarts.get(doc);
  if (n === undefined) notesStarts.set(doc, (n = doc.paragraphs.find(p => p.noteRef !== undefined)?.offset ?? doc.text.length + 1));
  return n;
}

function paragraphAt(doc: DocxText, offset: number) {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.paragraphs[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  return doc.paragraphs[lo];
}

/** The run rewritten as pieces split at its markers' cuts, with deleted characters as w:delText. */
function rewriteRun(doc: DocxText, run: DocxRun, markers: Marker[], deletions: { from: number; to: number }[]): string {
  const xml = doc.xml;
  const len = run.to - run.from;
  const isDeleted = (k: number) => deletions.some(d => run.from + k >= d.from && run.from + k < d.to);
  // Split points: every marker cut inside the run, and every edge of a deletion inside it.
  const splits = new Set<number>();
  for (const m of markers) if (m.cut.k > 0 && m.cut.k < len) splits.add(m.cut.k);
  for (const d of deletions) for (const e of [d.from - run.from, d.to - run.from]) if (e > 0 && e < len) splits.add(e);
  const bounds = [0, ...[...splits].sort((a, b) => a - b), len];
  const at = (k: number) =>
    markers
      .filter(m => m.cut.k === k)
      .sort((a, b) => Number(b.closing) - Number(a.closing) || a.rank - b.rank || a.seq - b.seq)
      .map(m => m.xml)
      .join('');
  const open = xml.slice(run.el.start, run.el.openEnd);
  const rPrEl = child(run.el, 'w:rPr');
  const rPr = rPrEl ? xml.slice(rPrEl.start, rPrEl.end) : '';
  let out = at(0);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    const del = isDeleted(a);
    let body = '';
    let pos = 0; // visible characters before the current child
    for (const c of run.el.children) {
      if (c === rPrEl) continue;
      const item = run.items.find(it => it.el === c);
      if (!item) {
        // Shows nothing: goes with the piece its position falls in (the last piece takes the run's end).
        if ((pos >= a && pos < b) || (pos === len && b === len && pos >= a)) body += xml.slice(c.start, c.end);
        continue;
      }
      const s = item.from - run.from;
      const e = item.to - run.from;
      pos = e;
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (lo >= hi) continue;
      if (!item.raw) {
        body += xml.slice(c.start, c.end);
        continue;
      }
      const rawFrom = item.raw[lo - s];
      const rawTo = hi - s < item.raw.length ? item.raw[hi - s] : c.closeStart;
      const content = xml.slice(rawFrom, rawTo);
      const tag = del ? 'w:delText' : 'w:t';
      body += lo === s && hi === e && !del ? xml.slice(c.start, c.end) : `<${tag} xml:space="preserve">${content}</${tag}>`;
    }
    out += `${open}${rPr}${body}</w:r>`;
    if (b < len) out += at(b);
  }
  if (len > 0) out += at(len);
  return out;
}

function para(text: string, first = false): string {
  return `<w:p>${first ? '<w:r><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeText(text)}</w:t></w:r></w:p>`;
}

/** A w:comment: the message, the suggested fix, the rule and its page. */
function commentXml(id: number, author: string, initials: string, date: string, d: Diagnostic, text: string, ruleTitle: string | undefined, onLabel: boolean, tracked: boolean, note?: { kind: string }): string {
  const lines = [`【${SEVERITY_LABEL[d.severity]}】${note ? `（${note.kind}中：“${text.slice(d.offset, d.offset + Math.min(d.length, 20))}”）` : ''}${d.message}`];
  if (d.fix) lines.push(`建议：${describeFix(text, d.fix)}${tracked ? '（已作为修订标出，可在“审阅”中接受或拒绝）' : ''}`);
  else if (d.suggestions?.length) lines.push(`可选修改：${d.suggestions.map(s => describeFix(text, s)).join('；')}`);
  else if (d.expected) lines.push(`标准表述：${d.expected}`);
  if (onLabel) lines.push('（问题在 Word 自动编号中，请在“开始 → 编号”中调整，批注标在本段文字上）');
  if (d.source) lines.push(`依据：${d.source}`);
  lines.push(`规则：${d.ruleId}${ruleTitle ? `（${ruleTitle}）` : ''}`);
  return `<w:comment w:id="${id}" w:author="${author}" w:date="${date}" w:initials="${initials}">${lines.map((l, i) => para(l, i === 0)).join('')}</w:comment>`;
}
