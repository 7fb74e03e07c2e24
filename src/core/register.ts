// The register of a document, for rules whose evidence depends on it: a formal 政协 document (report, proposal, plan,
// 社情民意, review report) does not use colloquial reduplication or loose counts, so there they are slips; in long
// prose of another kind (news, features, commentary) they are ordinary; a short text of no known type is judged as
// formal (the stricter reading), since there is too little of it to tell.
import type { RuleContext } from './types';

export type Register = 'formal' | 'informal';

/** Prose of another kind is this long before its register counts (a snippet or a sentence stays formal). */
const INFORMAL_MIN_CHARS = 300;

/** True for the document types of the 政协 family (report, proposal, plan, 社情民意, review report). */
export function isFormalType(docType: RuleContext['docType']): boolean {
  return docType !== 'other' && docType !== 'unknown';
}

/** The register `ctx`'s document is written in. */
export function proseRegister(ctx: Pick<RuleContext, 'docType' | 'doc' | 'excerptKind'>): Register {
  if (ctx.excerptKind === 'news') return 'informal';
  if (isFormalType(ctx.docType)) return 'formal';
  return ctx.doc.text.length >= INFORMAL_MIN_CHARS ? 'informal' : 'formal';
}
