// The register of a document, for rules whose evidence depends on it: a formal 政协 document (report, proposal, plan,
// 社情民意, review report) does not use colloquial reduplication or loose counts, so there they are slips; in long
// prose of another kind (news, features, commentary) they are ordinary; a short text of no known type is judged as
// formal (the stricter reading), since there is too little of it to tell; so is long prose of no 政协 type that is
// dense in the words of the 政协 world (a 政协 work summary, a resolution).
import { OwnerCache } from './memo';
import type { RuleContext } from './types';

export type Register = 'formal' | 'informal';

/** Prose of another kind is this long before its register counts (a snippet or a sentence stays formal). */
const INFORMAL_MIN_CHARS = 300;

/** True for the document types of the 政协 family (report, proposal, plan, 社情民意, review report). */
export function isFormalType(docType: RuleContext['docType']): boolean {
  return docType !== 'other' && docType !== 'unknown';
}

/** Words of the 政协 world. A text of no 政协 type that uses them at least once per 100 characters is still written
 *  in it — a work summary (工作综述) or feature on a 政协 website, a resolution, a speech to the 委员 — and is read as
 *  formal. (In three months of 《人民日报》 about 1% of the text is that dense: reports on the 政协 sessions.) */
const CPPCC_WORLD = /政协|委员|协商|履职|提案/g;
const CPPCC_WORLD_PER_10K = 100;
const worldCache = new OwnerCache<object, boolean>();

/** True when the text is dense in the words of the 政协 world (see CPPCC_WORLD). */
export function inCppccWorld(doc: RuleContext['doc']): boolean {
  let v = worldCache.get(doc);
  if (v === undefined) {
    const t = doc.text;
    let n = 0;
    CPPCC_WORLD.lastIndex = 0;
    while (CPPCC_WORLD.exec(t)) n++;
    v = t.length > 0 && (n * 1e4) / t.length >= CPPCC_WORLD_PER_10K;
    worldCache.set(doc, v);
  }
  return v;
}

/** The register `ctx`'s document is written in. */
export function proseRegister(ctx: Pick<RuleContext, 'docType' | 'doc' | 'excerptKind' | 'register'>): Register {
  // The engine gives the whole document's register (a rule run on one line alone reads it from there).
  if (ctx.register) return ctx.register;
  if (ctx.excerptKind === 'news') return 'informal';
  if (isFormalType(ctx.docType)) return 'formal';
  if (ctx.doc.text.length < INFORMAL_MIN_CHARS) return 'formal';
  return inCppccWorld(ctx.doc) ? 'formal' : 'informal';
}
