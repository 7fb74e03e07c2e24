// The document's date: from config, a dateline (23.01.2020, 2020年1月15日, 二〇二〇年一月十五日), the title,
// or the review/plan years ("一、2019年主要工作" → January 2020; "2022年工作打算" → January 2022).
import type { DocumentModel } from './document';
import type { ResolvedConfig } from './types';
import { parseChineseInt } from './numbers';
import { alternatives, PLAN_HEADING_WORDS } from './heading-words';

export interface DocDate {
  year: number;
  month?: number;
  day?: number;
  /** How it was found. */
  source: 'config' | 'dateline' | 'title' | 'plan-year' | 'review-year';
  /** Offset of the text it was read from (absent for config). */
  offset?: number;
}

/** Sources that give only the year a plan or review belongs to: the month is an estimate, not read from the text. */
const ESTIMATED: ReadonlySet<DocDate['source']> = new Set(['title', 'plan-year', 'review-year']);

/**
 * The months (year × 12 + month − 1) a document date can mean. A date read from a dateline or set in the config is
 * as precise as it is written (a year alone spans the year). A date estimated from a plan or review year (“2018年
 * 工作安排”, “一、2019年主要工作”) is early in that year, but such documents are delivered from January to March (local
 * sessions in January and February, the national sessions and the government work report in March): the latest
 * plausible month is March, so nothing held before then is “not yet held” for such a document.
 */
export function docMonthRange(d: DocDate): { first: number; last: number } {
  // A part of the year (2024年上半年工作总结) gives no month: the document may be from any month of that year.
  if (ESTIMATED.has(d.source) && d.month) return { first: d.year * 12 + d.month - 1, last: d.year * 12 + 2 };
  const first = d.month ? d.year * 12 + d.month - 1 : d.year * 12;
  return { first, last: d.month ? first : d.year * 12 + 11 };
}

/** True when the month of `d` was estimated from a plan or review year, not read from the text or the config. */
export function isEstimatedDate(d: DocDate): boolean {
  return ESTIMATED.has(d.source);
}

const YEAR = '((?:19|20)\\d{2})';
const PLAN_WORDS = `(${alternatives(PLAN_HEADING_WORDS)})`;
const REVIEW_WORDS = '(主要工作|工作回顾|工作情况|工作总结)';
/** A part of the year after the year of a plan or review (2024年上半年工作总结, 第一季度, 1—6月): the document is
 *  written within that year, at a month the heading does not tell. */
const PART_OF_YEAR = /^[^，。]{0,6}?(上半年|下半年|半年|季度|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月|[一二三四五六七八九十]{1,3}至[一二三四五六七八九十]{1,3}月|前[一二三两]个?季度)/;
const CN_DATE = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月(?:([一二三四五六七八九十]{1,3})日)?/;
/** Labels before a date that make it the date of the document. */
const DATELINE_LABEL = /(时间|日期|发布|印发|成文)[:：\s]*$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the config form); undefined when malformed. */
export function parseDateSetting(s: string): { year: number; month?: number; day?: number } | undefined {
  const m = /^((?:19|20)\d{2})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return undefined;
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  if (month !== undefined && (month < 1 || month > 12)) return undefined;
  if (day !== undefined && (day < 1 || day > 31)) return undefined;
  return { year: Number(m[1]), month, day };
}

/** Infers the date a document was delivered or issued. */
export function inferDocumentDate(doc: DocumentModel, config: ResolvedConfig): DocDate | undefined {
  if (config.documentDate) {
    const d = parseDateSetting(config.documentDate);
    if (d) return { ...d, source: 'config' };
  }
  // A dateline near the top: 23.01.2020, 2020-01-23, 2020年1月23日, 二〇二〇年一月二十三日. Web pages carry
  // several (navigation, publication time): the latest one is the document's.
  const head = doc.masked.slice(0, 1000);
  const found: DocDate[] = [];
  let m: RegExpExecArray | null;
  const dmy = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?!\d)/g;
  while ((m = dmy.exec(head))) if (+m[2] >= 1 && +m[2] <= 12) found.push({ year: +m[3], month: +m[2], day: +m[1], source: 'dateline', offset: m.index });
  const ymd = /(?<!\d)((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;
  while ((m = ymd.exec(head))) if (+m[2] >= 1 && +m[2] <= 12) found.push({ year: +m[1], month: +m[2], day: +m[3], source: 'dateline', offset: m.index });
  const dated = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/g;
  while ((m = dated.exec(head))) {
    // A date in running text (“2019年10月31日全会通过的……”) is not the document's date: only a date on a short
    // line of its own, in parentheses after a title, labelled (发布时间、日期) or opening a subtitle
    // (“2025年1月18日在……人民代表大会第三次会议上”) counts.
    const lineStart = head.lastIndexOf('\n', m.index) + 1;
    const lineEnd = head.indexOf('\n', m.index) < 0 ? head.length : head.indexOf('\n', m.index);
    const shortLine = lineEnd - lineStart <= 40;
    const inParens = /[（(〔]\s*$/.test(head.slice(Math.max(0, m.index - 2), m.index));
    const labelled = DATELINE_LABEL.test(head.slice(Math.max(0, m.index - 8), m.index));
    const subtitle = /^在[^。\n]{2,40}(会议|大会)上/.test(head.slice(m.index + m[0].length));
    if (shortLine || inParens || labelled || subtitle) found.push({ year: +m[1], month: +m[2], day: +m[3], source: 'dateline', offset: m.index });
  }
  if (found.length) return found.reduce((a, b) => (dateKey(b) > dateKey(a) ? b : a));
  const cn = CN_DATE.exec(head);
  if (cn) {
    const year = parseChineseInt(cn[1]);
    const month = parseChineseInt(cn[2]);
    const day = cn[3] ? parseChineseInt(cn[3]) : undefined;
    if (year >= 1949 && year < 2100 && month >= 1 && month <= 12) return { year, month, day, source: 'dateline', offset: cn.index };
  }
  // A title line "YYYY年……工作要点/计划" among the first paragraphs.
  for (const p of doc.paragraphs.slice(0, 4)) {
    if (p.text.length > 60) continue;
    const t = new RegExp(`${YEAR}年[^\\n。]{0,30}${PLAN_WORDS}`).exec(p.text);
    if (t) return { year: +t[1], month: partOfYear(p.text, t) ? undefined : 1, source: 'title', offset: p.offset + t.index };
  }
  // Plan and review parts: headings, or short stand-alone lines ("2022年工作打算").
  const short = doc.paragraphs.filter(p => p.kind === 'heading' || p.text.length <= 40);
  const planRe = new RegExp(`^[^，。,]{0,12}?${YEAR}年(?:[：:，,]?[^，。]{0,12})?${PLAN_WORDS}`);
  const reviewRe = new RegExp(`^[^，。,]{0,12}?${YEAR}年(?:[：:，,]?[^，。]{0,16})?${REVIEW_WORDS}`);
  for (const p of short) {
    const t = p.heading ? p.heading.title : p.text;
    const r = planRe.exec(t);
    if (r) return { year: +r[1], month: partOfYear(t, r) ? undefined : 1, source: 'plan-year', offset: p.offset };
  }
  for (const p of short) {
    const t = p.heading ? p.heading.title : p.text;
    const r = reviewRe.exec(t);
    if (!r) continue;
    // A review of part of a year (2024年上半年工作总结) is written within that year, not early the next.
    if (partOfYear(t, r)) return { year: +r[1], source: 'review-year', offset: p.offset };
    return { year: +r[1] + 1, month: 1, source: 'review-year', offset: p.offset };
  }
  // A plan written at the start of its year: the first paragraph opens "2020年是……之年" or "2020年，区政协将……".
  // A chronicle is not a plan: a later sentence of the paragraph opening with a later year (“2012年，党的十八大将……。
  // 2015年，……。2020年是……”) tells the story of past years, and its first year is not the document's.
  for (const p of doc.paragraphs.slice(0, 6)) {
    const r = new RegExp(`^${YEAR}年(?:是[^。]{2,80}之年|[，,][^。]{0,10}将)`).exec(p.text);
    if (!r) continue;
    const chronicle = [...p.text.matchAll(/[。！？；]\s*((?:19|20)\d{2})年/g)].some(k => +k[1] > +r[1]);
    if (!chronicle) return { year: +r[1], month: 1, source: 'plan-year', offset: p.offset };
  }
  return undefined;
}

/** True when the text just past the year a match captured (its group 1, “YYYY年”) names a part of the year. */
function partOfYear(text: string, m: RegExpExecArray): boolean {
  const from = m.index + m[0].indexOf(m[1]) + 5;
  return PART_OF_YEAR.test(text.slice(from, from + 24));
}

function dateKey(d: DocDate): number {
  return d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}
