// Shared helpers of the structure rules: the template match for the document and where to place a finding.
import type { DocType, RuleContext } from '../../../core/types';
import { Block, templateMatchFor, TemplateMatch, SectionHit, orderOf } from '../../../core/template-match';

/** Document types the structure rules apply to (they need a template). */
export const TEMPLATED_TYPES: DocType[] = ['report', 'review-report', 'proposal', 'plan', 'sqmy'];

/** The template match of the document, or undefined when its type has no template. */
export function structureOf(ctx: RuleContext): TemplateMatch | undefined {
  return templateMatchFor(ctx.doc, ctx.docType, ctx.packs);
}

/** Where to put a finding about a block: its first sentence on its first line (a heading: the heading line). */
export function anchorOf(ctx: RuleContext, b: Block): { offset: number; length: number } {
  const line = ctx.doc.lines[b.p.startLine];
  const lineEnd = Math.min(b.p.offset + b.p.length, line.offset + line.text.length);
  const text = ctx.doc.text.slice(b.p.offset, lineEnd);
  const stop = b.isHeading || b.isShortLine ? -1 : text.search(/[。！？!?]/);
  const len = stop >= 0 ? stop + 1 : text.trimEnd().length;
  return { offset: b.p.offset, length: Math.max(1, len) };
}

/** 「名称」 of a section. */
export function q(name: string): string {
  return `「${name}」`;
}

/** A short quotation of a block's heading or first words, for messages. */
export function quoteBlock(b: Block, n = 24): string {
  const t = (b.title ?? b.text).replace(/\s+/g, ' ').trim();
  const head = b.p.heading?.numbering?.raw ?? '';
  const s = (b.title !== undefined ? head + t : t).replace(/[。！？].*$/, '');
  return `“${s.length > n ? s.slice(0, n) + '…' : s}”`;
}

/** Template sections ordered before and after section `si` that were found (nearest on each side). */
export function neighbours(m: TemplateMatch, si: number, among: SectionHit[] = m.found): { prev?: SectionHit; next?: SectionHit } {
  const secs = m.template.sections;
  const o = orderOf(secs, si);
  let prev: SectionHit | undefined;
  let next: SectionHit | undefined;
  for (const h of among) {
    const ho = orderOf(secs, h.index);
    if (Number.isNaN(ho) || h.index === si) continue;
    if (ho < o && (!prev || ho > orderOf(secs, prev.index) || (ho === orderOf(secs, prev.index) && h.start > prev.start))) prev = h;
    if (ho > o && (!next || ho < orderOf(secs, next.index) || (ho === orderOf(secs, next.index) && h.start < next.start))) next = h;
  }
  return { prev, next };
}

/** “应位于「A」之后、「B」之前” for a section, from the sections found around it. */
export function placeText(prev?: SectionHit, next?: SectionHit): string {
  if (prev && next) return `应位于${q(prev.section.name)}之后、${q(next.section.name)}之前`;
  if (next) return `应位于${q(next.section.name)}之前`;
  if (prev) return `应位于${q(prev.section.name)}之后`;
  return '';
}
