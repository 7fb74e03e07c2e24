// The figure ledger: every stated quantity with its subject, number, unit, qualifier, year and place.
// (Filled in by the figures issue.)
import type { DocumentModel } from './document';

export interface LedgerEntry {
  /** The phrase the number counts (立案交办提案, 专题协商会, 委员参与率). */
  subject: string;
  value: number;
  /** As written, e.g. 1.24万件. */
  raw: string;
  unit?: string;
  qualifiers: string[];
  /** The year the figure belongs to, when known. */
  year?: number;
  kind: 'count' | 'percent' | 'money' | 'year' | 'date' | 'ordinal';
  offset: number;
  length: number;
  line: number;
  column: number;
}

/** Extracts the ledger of a document. */
export function figureLedger(_doc: DocumentModel): LedgerEntry[] {
  return [];
}
