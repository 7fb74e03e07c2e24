// The document's date: from config, a dateline (23.01.2020, 2020年1月15日), the title, or the review/plan years.
import type { DocumentModel } from './document';
import type { ResolvedConfig } from './types';

export interface DocDate {
  year: number;
  month?: number;
  day?: number;
  /** How it was found. */
  source: 'config' | 'dateline' | 'title' | 'plan-year' | 'review-year';
  /** Offset of the text it was read from (absent for config). */
  offset?: number;
}

/** Infers the date a document was delivered or issued. */
export function inferDocumentDate(doc: DocumentModel, config: ResolvedConfig): DocDate | undefined {
  if (config.documentDate) {
    const [y, m, d] = config.documentDate.split('-').map(Number);
    return { year: y, month: m, day: d, source: 'config' };
  }
  // A dateline near the top: 23.01.2020, 2020-01-23, 2020年1月23日.
  const head = doc.text.slice(0, 600);
  let m = /(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})/.exec(head);
  if (m) return { year: +m[3], month: +m[2], day: +m[1], source: 'dateline', offset: m.index };
  m = /((?:19|20)\d{2})[-/](\d{1,2})[-/](\d{1,2})/.exec(head);
  if (m) return { year: +m[1], month: +m[2], day: +m[3], source: 'dateline', offset: m.index };
  m = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/.exec(head);
  if (m && /(会议|大会|报告|通过|印发|发布)/.test(head.slice(Math.max(0, m.index - 30), m.index + 40)))
    return { year: +m[1], month: +m[2], day: +m[3], source: 'dateline', offset: m.index };
  // Review and plan years from headings: "YYYY年工作安排/打算/要点" → delivered early in that year.
  for (const h of doc.headings) {
    const p = /((?:19|20)\d{2})年(?:[^，。,]{0,12})?(工作安排|工作打算|工作要点|工作计划|主要任务|工作部署)/.exec(h.title);
    if (p) return { year: +p[1], month: 1, source: 'plan-year', offset: h.offset };
  }
  for (const h of doc.headings) {
    const r = /((?:19|20)\d{2})年(?:[：:，,]?[^，。]{0,16})?(主要工作|工作回顾|工作情况)/.exec(h.title);
    if (r) return { year: +r[1] + 1, month: 1, source: 'review-year', offset: h.offset };
  }
  // A title line "YYYY年……工作要点/计划".
  const first = doc.paragraphs.slice(0, 3).map(p => p.text).join('\n');
  m = /((?:19|20)\d{2})年[^\n]{0,30}(工作要点|工作计划|工作安排|协商计划)/.exec(first);
  if (m) return { year: +m[1], month: 1, source: 'title', offset: doc.paragraphs[0]?.offset };
  return undefined;
}
