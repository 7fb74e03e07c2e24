// The section tree for the editor's outline, folding and the review report: template sections plus
// numbered headings with their levels. (Filled in by the structure issue.)
import type { DocumentModel } from './document';
import type { PackSet } from './packs';
import type { DocType } from './types';

export interface OutlineNode {
  /** Display name, e.g. `一、2019年主要工作` or `不足`. */
  name: string;
  /** 'heading' for numbered/Markdown headings, 'section' for a template section found by its role. */
  kind: 'heading' | 'section';
  /** Template section id (e.g. `review`, `shortcomings`) when known. */
  role?: string;
  level: number;
  /** Range of the whole section (heading to the start of the next sibling or parent). */
  offset: number;
  length: number;
  /** Range of the heading line itself. */
  selectionOffset: number;
  selectionLength: number;
  children: OutlineNode[];
}

/** Builds the section tree of a document. */
export function buildOutline(_doc: DocumentModel, _docType: DocType, _packs: PackSet): OutlineNode[] {
  return [];
}
