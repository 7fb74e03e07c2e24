// Document-type detection from headings and characteristic phrases (report, proposal, plan, 社情民意信息, other).
import type { DocumentModel } from './document';
import type { PackSet } from './packs';
import type { DocType } from './types';

export interface DocTypeGuess {
  type: DocType;
  /** 0..1 */
  confidence: number;
}

/** Guesses the document type. (Filled in by the structure issue; 'unknown' until then.) */
export function detectDocType(_doc: DocumentModel, _packs: PackSet): DocTypeGuess {
  return { type: 'unknown', confidence: 0 };
}
