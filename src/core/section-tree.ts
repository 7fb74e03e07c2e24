// The section tree for the editor's outline, breadcrumbs, folding and the review report: template sections found by
// their role (称呼, 不足, 结束语 …) plus numbered and Markdown headings (一、/（一）/1./#) with their levels.
import type { DocumentModel } from './document';
import type { PackSet } from './packs';
import type { DocType } from './types';
import { Block, docView, headingRank, templateMatchFor, SectionHit } from './template-match';

export interface OutlineNode {
  /** Display name, e.g. `一、2019年主要工作` or `不足`. */
  name: string;
  /** 'heading' for numbered/Markdown headings, 'section' for a template section found by its role. */
  kind: 'heading' | 'section';
  /** Template section id (e.g. `review`, `shortcomings`) when known. */
  role?: string;
  /** Chinese name of the template section (e.g. `工作回顾`) when known. */
  roleName?: string;
  /** Short extra text for the outline (a section paragraph's first words). */
  detail?: string;
  /** Depth in the tree: 1 = top. */
  level: number;
  /** Range of the whole section (heading to the end of its last paragraph before the next sibling or parent). */
  offset: number;
  length: number;
  /** Range of the heading line itself (or the first line of a section paragraph). */
  selectionOffset: number;
  selectionLength: number;
  children: OutlineNode[];
}

const MAX_NAME = 40;

function clip(s: string, n: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? t.slice(0, n) + '…' : t;
}

/** Range of a block's first line (what the editor selects for a node). */
function firstLine(doc: DocumentModel, b: Block): { offset: number; length: number } {
  const line = doc.lines[b.p.startLine];
  const end = Math.min(b.p.offset + b.p.length, line.offset + line.text.length);
  return { offset: b.p.offset, length: Math.max(0, end - b.p.offset) };
}

interface Item {
  block: Block;
  rank: number;
  /** A role paragraph: one paragraph long, never contains other nodes. */
  leaf: boolean;
  hit?: SectionHit;
}

/** Builds the section tree of a document. */
export function buildOutline(doc: DocumentModel, docType: DocType, packs: PackSet): OutlineNode[] {
  const view = docView(doc);
  const match = templateMatchFor(doc, docType, packs);
  const items = new Map<number, Item>();
  for (const b of view.blocks) if (b.isHeading) items.set(b.index, { block: b, rank: headingRank(view, b), leaf: false });
  // The rank of the template's top sections: role paragraphs sit at that level and end the headings at or below it.
  let sectionRank = view.topNumberLevel !== undefined ? headingRank(view, view.blocks.find(b => b.numberLevel === view.topNumberLevel)!) : 1;
  if (match) {
    const headingHits = match.found.filter(h => h.viaHeading);
    if (headingHits.length) sectionRank = headingHits.reduce((a, h) => Math.min(a, headingRank(view, h.block)), Infinity);
    for (const list of match.hits.values())
      for (const h of list) {
        if (h.implicit) continue;
        const existing = items.get(h.block.index);
        if (existing) {
          if (!existing.hit) existing.hit = h;
        } else if (h.viaHeading) items.set(h.block.index, { block: h.block, rank: headingRank(view, h.block), leaf: false, hit: h });
        else items.set(h.block.index, { block: h.block, rank: sectionRank, leaf: true, hit: h });
      }
  }
  const sorted = [...items.values()].sort((a, b) => a.block.index - b.block.index);
  const roots: OutlineNode[] = [];
  const stack: { node: OutlineNode; item: Item }[] = [];
  const blocks = view.blocks;
  // End of the last paragraph before block index `i` (so folding stops before blank lines and the next heading).
  const endBefore = (i: number) => {
    const last = blocks[Math.max(0, i - 1)];
    return last.p.offset + last.p.length;
  };
  const close = (upTo: number) => {
    const top = stack.pop()!;
    if (!top.item.leaf) top.node.length = Math.max(top.node.selectionLength, endBefore(upTo) - top.node.offset);
  };
  for (const it of sorted) {
    while (stack.length && stack[stack.length - 1].item.rank >= it.rank) close(it.block.index);
    // A role paragraph is never a parent.
    while (stack.length && stack[stack.length - 1].item.leaf) close(it.block.index);
    const sel = firstLine(doc, it.block);
    const h = it.hit;
    const isHeading = it.block.isHeading || (h?.viaHeading ?? false);
    const node: OutlineNode = {
      name: isHeading ? clip(doc.text.slice(sel.offset, sel.offset + sel.length).replace(/[。！？].*$/, ''), MAX_NAME) : h!.section.name,
      kind: isHeading ? 'heading' : 'section',
      role: h?.section.id,
      roleName: h?.section.name,
      detail: isHeading ? h?.section.name : clip(it.block.text, 16),
      level: stack.length + 1,
      offset: it.block.p.offset,
      length: it.leaf ? it.block.p.length : sel.length,
      selectionOffset: sel.offset,
      selectionLength: sel.length,
      children: [],
    };
    (stack.length ? stack[stack.length - 1].node.children : roots).push(node);
    stack.push({ node, item: it });
  }
  while (stack.length) close(blocks.length);
  return roots;
}

/** The outline as indented text (for the CLI and the review report). */
export function formatOutline(nodes: OutlineNode[], doc: DocumentModel, indent = ''): string {
  return nodes
    .map(n => {
      const line = doc.position(n.offset).line;
      const end = doc.position(n.offset + n.length).line;
      const role = n.kind === 'heading' && n.roleName ? `  〔${n.roleName}〕` : n.kind === 'section' ? `  ${n.detail ?? ''}` : '';
      const head = `${indent}${n.kind === 'section' ? '· ' : ''}${n.name}${role}  (${line}–${end})`;
      return [head, formatOutline(n.children, doc, indent + '  ')].filter(Boolean).join('\n');
    })
    .join('\n');
}
