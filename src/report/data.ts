// What the review report shows for one document, computed from its text and findings with the core (pure):
// counts by severity and category, each finding with its sentence in context, the figure ledger, the outline and
// the template's sections found or missing.
import { DocumentModel } from '../core/document';
import { figureLedger, LedgerEntry } from '../core/ledger';
import { buildOutline, OutlineNode } from '../core/section-tree';
import { templateMatchFor } from '../core/template-match';
import type { PackSet } from '../core/packs';
import { CATEGORIES, Category, Diagnostic, DocType, Fix, Severity } from '../core/types';

export const DOC_TYPE_LABEL: Record<DocType, string> = {
  report: '常委会工作报告',
  'review-report': '提案工作情况／审查情况的报告',
  proposal: '提案',
  plan: '工作要点／计划',
  sqmy: '社情民意信息',
  other: '其他文稿',
  unknown: '未识别',
};

export const CATEGORY_LABEL: Record<Category, string> = {
  formulation: '规范表述',
  structure: '结构',
  figures: '数字',
  numbering: '编号',
  punctuation: '标点',
  wording: '用词',
  format: '格式',
  consistency: '前后一致',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface ReportFinding {
  diagnostic: Diagnostic;
  /** Context before the span, the span, and after it (one line, clipped). */
  before: string;
  span: string;
  after: string;
  /** The suggested change in words, when the finding has a fix. */
  fix?: { old: string; text: string; describe: string };
}

export interface TemplateRow {
  name: string;
  required: boolean;
  /** 1-based line where the section was found. */
  line?: number;
  found: boolean;
}

/** A node of the section tree with its 1-based line. */
export interface OutlineItem {
  name: string;
  kind: OutlineNode['kind'];
  roleName?: string;
  detail?: string;
  line: number;
  children: OutlineItem[];
}

export interface ReportDocument {
  /** As shown (relative path). */
  path: string;
  /** .docx, .txt … */
  kind: string;
  docType: DocType;
  text: string;
  counts: { severity: Record<Severity, number>; category: Record<Category, number>; total: number; fixable: number };
  findings: ReportFinding[];
  ledger: LedgerEntry[];
  outline: OutlineItem[];
  template?: { name: string; sections: TemplateRow[] };
  /** The annotated copy written for this document (--annotate), as shown. */
  annotated?: string;
  /** The document could not be read / was skipped: the message instead of a report. */
  error?: string;
  skipped?: string;
}

const CONTEXT = 60;

/** A short description of a fix: 将“X”改为“Y” / 删除“X” / 在“…”后补“Y”. */
export function describeFix(text: string, f: Fix): string {
  const clip = (s: string) => (s.length > 30 ? s.slice(0, 29) + '…' : s);
  const show = (s: string) => clip(s.replace(/\n/g, '↵').replace(/\t/g, '⇥'));
  const old = text.slice(f.offset, f.offset + f.length);
  if (!f.length) return `在“${show(text.slice(Math.max(0, f.offset - 6), f.offset))}”后补“${show(f.text)}”`;
  if (!f.text) return `删除“${show(old)}”`;
  return `将“${show(old)}”改为“${show(f.text)}”`;
}

/** The sentence around a span, clipped to CONTEXT characters on each side and to its line. */
function context(doc: DocumentModel, d: Diagnostic): Pick<ReportFinding, 'before' | 'span' | 'after'> {
  const text = doc.text;
  const start = d.offset;
  const end = d.offset + d.length;
  const sentence = doc.sentences.find(s => s.offset <= start && start < s.offset + s.length + 1);
  const line = doc.lines[doc.lineIndexAt(start)];
  let from = sentence ? Math.min(sentence.offset, start) : line.offset;
  let to = sentence ? Math.max(sentence.offset + sentence.length, end) : line.offset + line.text.length;
  // Stay on the span's lines.
  from = Math.max(from, line.offset);
  const lastLine = doc.lines[doc.lineIndexAt(Math.max(start, end - 1))];
  to = Math.min(Math.max(to, end), lastLine.offset + lastLine.text.length);
  if (start - from > CONTEXT) from = start - CONTEXT;
  if (to - end > CONTEXT) to = end + CONTEXT;
  const before = (from > line.offset ? '…' : '') + text.slice(from, start);
  const after = text.slice(end, to) + (to < lastLine.offset + lastLine.text.length ? '…' : '');
  return { before, span: text.slice(start, end), after };
}

/** The report entry of a document that was not linted (unreadable, skipped): its message instead of findings. */
export function unreadDocument(path: string, message: { error?: string; skipped?: string }): ReportDocument {
  const category = Object.fromEntries(CATEGORIES.map(c => [c, 0])) as Record<Category, number>;
  return { path, kind: '', docType: 'unknown', text: '', counts: { severity: { error: 0, warning: 0, info: 0 }, category, total: 0, fixable: 0 }, findings: [], ledger: [], outline: [], ...message };
}

/** Builds the report data of one linted document. */
export function reportDocument(input: { path: string; text: string; diagnostics: Diagnostic[]; docType: DocType; packs: PackSet; annotated?: string }): ReportDocument {
  const doc = new DocumentModel(input.text, { path: input.path });
  const severity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const category = Object.fromEntries(CATEGORIES.map(c => [c, 0])) as Record<Category, number>;
  let fixable = 0;
  for (const d of input.diagnostics) {
    severity[d.severity]++;
    category[d.category]++;
    if (d.fix) fixable++;
  }
  const findings = input.diagnostics.map(d => ({
    diagnostic: d,
    ...context(doc, d),
    fix: d.fix ? { old: input.text.slice(d.fix.offset, d.fix.offset + d.fix.length), text: d.fix.text, describe: describeFix(input.text, d.fix) } : undefined,
  }));
  const toItem = (n: OutlineNode): OutlineItem => ({ name: n.name, kind: n.kind, roleName: n.roleName, detail: n.detail, line: doc.position(n.selectionOffset).line, children: n.children.map(toItem) });
  const outline = buildOutline(doc, input.docType, input.packs).map(toItem);
  const match = templateMatchFor(doc, input.docType, input.packs);
  const template = match
    ? {
        name: match.template.name,
        sections: match.template.sections.map(s => {
          const hit = match.hits.get(s.id)?.[0];
          return { name: s.name, required: s.required, found: !!hit, line: hit ? doc.position(hit.block.p.offset).line : undefined };
        }),
      }
    : undefined;
  const kind = (/\.[^./\\]+$/.exec(input.path)?.[0] ?? '').toLowerCase();
  return {
    path: input.path,
    kind,
    docType: input.docType,
    text: input.text,
    counts: { severity, category, total: input.diagnostics.length, fixable },
    findings,
    ledger: figureLedger(doc),
    outline,
    template,
    annotated: input.annotated,
  };
}
