// Document types and their templates: detectDocType (report, proposal, plan, 社情民意信息, other) from headings and
// characteristic phrases, and matchTemplate, which finds each template section by its role (not one fixed wording).
import { DocumentModel, Paragraph, STYLE_LEVEL } from './document';
import { Lru, OwnerCache, ownString, paragraphMemosOn } from './memo';
import { PackSet, registerPackValidator } from './packs';
import { expandHeadingWords } from './heading-words';
import { DocType, DraftLintError, ExcerptKind, Severity } from './types';

export interface DocTypeGuess {
  type: DocType;
  /** 0..1 */
  confidence: number;
  /** Id of the template that matched best (absent for 'other'). */
  template?: string;
  /** Score of every template (for the review report and debugging). */
  scores?: Record<string, number>;
  /** The signals that decided: the best template's that fired (“标题：关于……的提案 +5”), and news or excerpt markers. */
  signals: string[];
  /** The text is an excerpt or a page about a document (上接/下转, 节选/摘要/摘编, a news story). */
  excerpt: boolean;
  /** news (a news story) > excerpt (节选, 摘要 …) > page (上接/下转××版), when excerpt is true. */
  excerptKind?: ExcerptKind;
  /** The text is a news story (本报讯, 新华社……电, 记者……): never one of the templated types. */
  news: boolean;
}

// ---- Template data (see schemas/templates.schema.json) ----

export type Within = 'first' | 'head' | 'body' | 'tail';

export interface SectionMatcherDef {
  heading?: string;
  paragraph?: string;
  phrases?: string[];
  numbered?: boolean;
  numberedBefore?: string[];
  /** The first run of top-level numbered paragraphs (after the sections ordered before this one) plays this role
   *  when most of its items match this regex (suggestions listed 1、2、 with no “建议：” before them). */
  numberedIf?: string;
  within?: Within;
}

export interface VagueDef {
  slogans?: string[];
  generic?: string[];
  minConcrete?: number;
}

export interface TemplateSectionDef {
  id: string;
  name: string;
  required: boolean;
  order?: number | null;
  hint?: string;
  description?: string;
  severity?: Severity;
  repeatable?: boolean;
  match: SectionMatcherDef[];
  lead?: { name: string; hint?: string };
  items?: { min?: number; name?: string; vague?: VagueDef };
}

export interface SignalDef {
  pattern?: string;
  phrases?: string[];
  where?: 'first' | 'title' | 'head' | 'heading' | 'body' | 'tail';
  weight: number;
  note?: string;
}

/** A marker of what the text is as a whole (pack section `doctypes`): an excerpt, a news story. */
export type MarkerDef = Omit<SignalDef, 'weight'> & { note: string };

export interface DocTypesDef {
  /** 节选, 摘要, 摘编, 提要 …: the text is part of a document. */
  excerpt?: MarkerDef[];
  /** 上接/下转××版: a newspaper page of a document printed over several pages. */
  page?: MarkerDef[];
  /** 本报讯, 新华社……电, 记者 …: the text is a news story (about a document at most). */
  news?: MarkerDef[];
}

export interface TemplateDef {
  id: string;
  docType: Exclude<DocType, 'other' | 'unknown'>;
  name: string;
  description?: string;
  detect: { signals: SignalDef[]; threshold: number };
  sections: TemplateSectionDef[];
  pack?: string;
}

/** Compiles a pack regex (Unicode mode); throws DraftLintError naming where it came from. */
function compileRegex(src: string, where: string): RegExp {
  try {
    return new RegExp(expandHeadingWords(src), 'u');
  } catch (e) {
    throw new DraftLintError(`模板中的正则表达式无效（${where}）：${(e as Error).message}`, undefined, where);
  }
}

// Every template regex must compile when its pack loads (an office's pack fails with a clear message).
registerPackValidator((pack, file) => {
  const dt = (pack as { doctypes?: DocTypesDef }).doctypes;
  for (const kind of ['excerpt', 'page', 'news'] as const)
    dt?.[kind]?.forEach((m, i) => m.pattern && compileRegex(m.pattern, `${file} $.doctypes.${kind}[${i}].pattern`));
  (pack.templates as TemplateDef[] | undefined)?.forEach((t, i) => {
    const at = (p: string) => `${file} $.templates[${i}]${p}`;
    t.detect.signals.forEach((s, k) => s.pattern && compileRegex(s.pattern, at(`.detect.signals[${k}].pattern`)));
    t.sections.forEach((s, k) =>
      s.match.forEach((m, j) => {
        if (m.heading) compileRegex(m.heading, at(`.sections[${k}].match[${j}].heading`));
        if (m.paragraph) compileRegex(m.paragraph, at(`.sections[${k}].match[${j}].paragraph`));
        if (m.numberedIf) compileRegex(m.numberedIf, at(`.sections[${k}].match[${j}].numberedIf`));
      }),
    );
    const ids = new Set(t.sections.map(s => s.id));
    t.sections.forEach((s, k) =>
      s.match.forEach((m, j) =>
        m.numberedBefore?.forEach(id => {
          if (!ids.has(id)) throw new DraftLintError(`模板 ${t.id} 的部分 ${s.id} 引用了不存在的部分 ${id}`, file, at(`.sections[${k}].match[${j}].numberedBefore`));
        }),
      ),
    );
  });
});

/** The templates of all loaded packs; a later template with the same id replaces an earlier one. */
export function templatesOf(packs: PackSet): TemplateDef[] {
  return packs.memo('structure:templates', () => {
    const byId = new Map<string, TemplateDef>();
    for (const t of packs.list<TemplateDef>('templates')) byId.set(t.id, t);
    return [...byId.values()];
  });
}

// ---- The document as the templates see it ----

/** A paragraph with what the structure checks need to know about it. */
export interface Block {
  p: Paragraph;
  index: number;
  /** Trimmed paragraph text (Markdown markers blanked). */
  text: string;
  /** Heading text without its numbering marker (headings and short standalone lines). */
  title?: string;
  /** Numbered or Markdown heading (from the document model). */
  isHeading: boolean;
  /** A short standalone line without sentence punctuation (a plain-text heading such as “2022年工作打算”). */
  isShortLine: boolean;
  /** Numbering level (STYLE_LEVEL) when numbered (also for a numbered Markdown heading). */
  numberLevel?: number;
  markdownLevel?: number;
  /** The signal memo's answers for `text` and for `title` (looked up once per block, see textTest). */
  textAnswers?: Map<object, boolean>;
  titleAnswers?: Map<object, boolean>;
}

export interface DocView {
  doc: DocumentModel;
  blocks: Block[];
  /** Highest (smallest) numbering level among numbered paragraphs, if any. */
  topNumberLevel?: number;
}

const views = new OwnerCache<DocumentModel, DocView>();

/** Blocks of a document (memoised per document). */
export function docView(doc: DocumentModel): DocView {
  let v = views.get(doc);
  if (v) return v;
  const blocks: Block[] = doc.paragraphs.map(p => {
    const text = p.text.trim();
    const h = p.heading;
    const isShortLine =
      !h && text.length >= 2 && text.length <= 30 && !/[。！？；;!?]/.test(text) && !/[：:，,、]$/.test(text) && p.startLine === p.endLine;
    return {
      p,
      index: p.index,
      text,
      title: h ? h.title : isShortLine ? text : undefined,
      isHeading: !!h,
      isShortLine,
      numberLevel: h?.numbering ? STYLE_LEVEL[h.numbering.style] : undefined,
      markdownLevel: h?.markdownLevel,
    };
  });
  const levels = blocks.filter(b => b.numberLevel !== undefined).map(b => b.numberLevel!);
  v = { doc, blocks, topNumberLevel: levels.length ? levels.reduce((a, b) => Math.min(a, b), Infinity) : undefined };
  views.set(doc, v);
  return v;
}

/** Blocks in a zone of the document. */
function zone(view: DocView, where: Within | 'title' | 'heading' | undefined): Block[] {
  const b = view.blocks;
  switch (where) {
    case 'first':
      // The title may come after a number line (八届一次 第25号), a column name or a leader's instruction.
      return b.slice(0, 4);
    case 'head':
      return b.slice(0, 10);
    case 'tail':
      return b.slice(Math.max(0, b.length - 4));
    case 'title':
      // Short lines near the top; a title may be a question (农村客运班线为何“开不下去”？).
      return b.slice(0, 4).filter(x => x.text.length <= 80 && !/[。！？!]/.test(x.text.replace(/[？?]$/, '')));
    case 'heading':
      return b.filter(x => x.title !== undefined);
    default:
      return b;
  }
}

/** True for a heading that can open a template section: a top-level numbered heading, a Markdown heading, or a short line. */
function isSectionHeading(view: DocView, b: Block): boolean {
  if (b.index === 0 && !b.markdownLevel) return false;
  if (b.markdownLevel) return true;
  if (b.numberLevel !== undefined) return b.numberLevel === view.topNumberLevel || b.numberLevel === 1;
  return b.isShortLine;
}

// ---- Detection ----

/** Compiled once per signal or marker object of a pack (a marker is passed itself, not a copy: a copy per document
 *  compiled its regex again for every document). */
const signalRegex = new WeakMap<Omit<SignalDef, 'weight'>, RegExp>();

/** Whether a signal's regex or phrases occur in a text, by the text (a paragraph or heading title) and then by the
 *  signal object: the answer depends on nothing else (the regexes have no g or y flag), so after a keystroke only the
 *  changed paragraph is searched again (each detection otherwise ran dozens of regexes over every paragraph). */
const SIGNAL_MEMO_MAX = 4000;
const signalMemo = new Lru<Map<object, boolean>>(SIGNAL_MEMO_MAX);

function signalHits(view: DocView, s: Omit<SignalDef, 'weight'>): boolean {
  let re = s.pattern ? signalRegex.get(s) : undefined;
  if (s.pattern && !re) signalRegex.set(s, (re = compileRegex(s.pattern, 'signal')));
  const test = (t: string) => (re ? re.test(t) : false) || (s.phrases ?? []).some(ph => t.includes(ph));
  const heading = s.where === 'heading';
  for (const b of zone(view, s.where ?? 'body')) if (textTest(b, heading, s, test)) return true;
  return false;
}

/** test(t) for the block's text (or its heading title), remembered by that text and `what` (a signal or a compiled
 *  section matcher: the object the test belongs to, whose answer depends on the text alone). The memo's entry for a
 *  text is looked up once per block (a document's blocks are built once), not once per signal: hashing and comparing
 *  the paragraph texts for each of some 2,000 signal tests was an eighth of a keystroke. */
function textTest(b: Block, title: boolean, what: object, test: (t: string) => boolean): boolean {
  const t = title ? b.title! : b.text;
  if (!paragraphMemosOn()) return test(t);
  let byText = title ? b.titleAnswers : b.textAnswers;
  if (!byText) {
    byText = signalMemo.get(t);
    if (!byText) signalMemo.set(ownString(t), (byText = new Map()));
    if (title) b.titleAnswers = byText;
    else b.textAnswers = byText;
  }
  let v = byText.get(what);
  if (v === undefined) byText.set(what, (v = test(t)));
  return v;
}

/** Score of one template for a document: the sum of the weights of the signals it shows. */
export function templateScore(doc: DocumentModel, t: TemplateDef): number {
  const view = docView(doc);
  let score = 0;
  for (const s of t.detect.signals) if (signalHits(view, s)) score += s.weight;
  return score;
}

/** Where a signal fired, as shown to the writer: its note and weight (“标题：关于……的提案 +5”). */
function signalLabel(s: { note?: string; pattern?: string; phrases?: string[] }, weight?: number): string {
  const name = s.note ?? s.phrases?.join('／') ?? (s.pattern ?? '').slice(0, 24);
  return weight === undefined ? name : `${name} ${weight > 0 ? '+' : ''}${weight}`;
}

/** The markers of a kind (excerpt, news) from every loaded pack. */
function markersOf(packs: PackSet, kind: keyof DocTypesDef): MarkerDef[] {
  return packs.memo(`structure:markers:${kind}`, () => {
    const out: MarkerDef[] = [];
    for (const p of packs.packs) out.push(...(((p as { doctypes?: DocTypesDef }).doctypes?.[kind] ?? []) as MarkerDef[]));
    return out;
  });
}

/** The markers of a kind that the document shows. */
export function markersIn(doc: DocumentModel, packs: PackSet, kind: keyof DocTypesDef): MarkerDef[] {
  const view = docView(doc);
  return markersOf(packs, kind).filter(m => signalHits(view, m));
}

/** Guesses the document type from its headings and characteristic phrases, and whether it is an excerpt. */
export function detectDocType(doc: DocumentModel, packs: PackSet): DocTypeGuess {
  const templates = templatesOf(packs);
  const view = docView(doc);
  const news = markersIn(doc, packs, 'news');
  const excerptMarks = markersIn(doc, packs, 'excerpt');
  const pageMarks = markersIn(doc, packs, 'page');
  const marks = [
    ...news.map(m => `新闻报道：${signalLabel(m)}`),
    ...excerptMarks.map(m => `节选：${signalLabel(m)}`),
    ...pageMarks.map(m => `续版：${signalLabel(m)}`),
  ];
  const excerptKind: ExcerptKind | undefined = news.length ? 'news' : excerptMarks.length ? 'excerpt' : pageMarks.length ? 'page' : undefined;
  const excerpt = excerptKind !== undefined;
  const scores: Record<string, number> = {};
  const fired = new Map<TemplateDef, string[]>();
  let best: TemplateDef | undefined;
  let bestRatio = 0;
  let second = 0;
  for (const t of templates) {
    let s = 0;
    const hits: string[] = [];
    for (const sig of t.detect.signals)
      if (signalHits(view, sig)) {
        s += sig.weight;
        hits.push(signalLabel(sig, sig.weight));
      }
    scores[t.id] = s;
    fired.set(t, hits);
    const ratio = s / t.detect.threshold;
    if (ratio > bestRatio) {
      second = bestRatio;
      bestRatio = ratio;
      best = t;
    } else if (ratio > second) second = ratio;
  }
  // A news story is never a templated type, unless the full text follows the dateline (a report released by an agency
  // scores at least twice its threshold; a story about it does not).
  if (!best || bestRatio < 1 || (news.length && bestRatio < 2)) {
    // Not one of the templated types: a news story (even one about a report), a feature, a resolution …
    const near = best && bestRatio > 0 ? [`最接近：${best.name}（得分 ${scores[best.id]}，需 ${best.detect.threshold}）`] : [];
    const confidence = news.length ? 0.9 : Math.max(0.3, 1 - bestRatio * 0.7);
    return { type: 'other', confidence: round(confidence), scores, signals: [...marks, ...near], excerpt, excerptKind, news: news.length > 0 };
  }
  // Confidence grows with the margin over the threshold and over the runner-up.
  const confidence = Math.min(1, 0.5 + 0.25 * Math.min(1, bestRatio - 1) + 0.25 * Math.min(1, bestRatio - second));
  return { type: best.docType, confidence: round(confidence), template: best.id, scores, signals: [...fired.get(best)!, ...marks], excerpt, excerptKind, news: false };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** The template to check a document against: the best-scoring template of its type (the first when none scores). */
export function selectTemplate(doc: DocumentModel, docType: DocType, packs: PackSet): TemplateDef | undefined {
  const candidates = templatesOf(packs).filter(t => t.docType === docType);
  if (!candidates.length) return undefined;
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const t of candidates) {
    const s = templateScore(doc, t) / t.detect.threshold;
    if (s > bestScore) {
      bestScore = s;
      best = t;
    }
  }
  return best;
}

// ---- Section matching ----

export interface SectionHit {
  section: TemplateSectionDef;
  /** Position of the section in the template. */
  index: number;
  /** The paragraph that opens the section (its heading, or the paragraph that plays the role). */
  block: Block;
  /** Found by a heading: the section has a body (`start`..`end`) that may be empty. */
  viaHeading: boolean;
  /** Present by implication (numbered parts before the attribution) without a heading of its own. */
  implicit?: boolean;
  /** Range of the section: its heading and body, or the one paragraph. */
  start: number;
  end: number;
  /** Numbered items of the section (tasks, suggestions), or the paragraphs that start “一是”. */
  items: Block[];
  /** How many items the section lists (counts “一是……二是……” run in one paragraph too). */
  itemCount: number;
  /** Paragraphs of the body, heading excluded. */
  body: Block[];
}

export interface TemplateMatch {
  template: TemplateDef;
  view: DocView;
  /** Every occurrence of each section id, in document order (the first is the section). */
  hits: Map<string, SectionHit[]>;
  /** The first occurrence of each section found, in document order. */
  found: SectionHit[];
}

interface CompiledMatcher {
  def: SectionMatcherDef;
  heading?: RegExp;
  paragraph?: RegExp;
  numberedIf?: RegExp;
}

function compiled(packs: PackSet, t: TemplateDef): CompiledMatcher[][] {
  return packs.memo(`structure:matchers:${t.pack ?? ''}:${t.id}`, () =>
    t.sections.map(s =>
      s.match.map(m => ({
        def: m,
        heading: m.heading ? compileRegex(m.heading, `${t.id}.${s.id}`) : undefined,
        paragraph: m.paragraph ? compileRegex(m.paragraph, `${t.id}.${s.id}`) : undefined,
        numberedIf: m.numberedIf ? compileRegex(m.numberedIf, `${t.id}.${s.id}`) : undefined,
      })),
    ),
  );
}

const matches = new OwnerCache<DocumentModel, Map<TemplateDef, TemplateMatch>>();
/** A paragraph that is one item of a list written “一是……” / “二是……”. */
const SHI_ITEM = /^[一二三四五六七八九十]{1,3}是/;
const SHI_MARKS = /(?:^|[。；;！])\s*[一二三四五六七八九十]{1,3}是/g;

/** Finds the sections of `t` in the document, by role. Memoised per document and template. */
export function matchTemplate(doc: DocumentModel, t: TemplateDef, packs: PackSet): TemplateMatch {
  let perDoc = matches.get(doc);
  if (!perDoc) matches.set(doc, (perDoc = new Map()));
  const cached = perDoc.get(t);
  if (cached) return cached;
  const view = docView(doc);
  const cm = compiled(packs, t);
  const sections = t.sections;
  // 1. Candidates: heading candidates are exclusive (one heading plays one role); paragraph roles may share a paragraph.
  const headingRoles = new Map<number, number[]>();
  const paraCands: Block[][] = sections.map(() => []);
  sections.forEach((s, si) => {
    for (const m of cm[si]) {
      if (m.heading) {
        for (const b of zone(view, m.def.within)) {
          if (b.title === undefined || !isSectionHeading(view, b)) continue;
          if (m.heading.test(b.title)) {
            const roles = headingRoles.get(b.index) ?? [];
            if (!roles.includes(si)) roles.push(si);
            headingRoles.set(b.index, roles);
          }
        }
      }
      if (m.paragraph || m.def.phrases) {
        const test = (t: string) => (m.paragraph ? m.paragraph.test(t) : false) || (m.def.phrases ?? []).some(ph => t.includes(ph));
        for (const b of zone(view, m.def.within)) {
          const ok = textTest(b, false, m, test);
          if (ok && !paraCands[si].includes(b)) paraCands[si].push(b);
        }
      }
    }
  });
  // 2. Assign headings: single-role headings first, then ambiguous ones in document order to the first role not yet taken.
  const headingHits: Block[][] = sections.map(() => []);
  const entries = [...headingRoles.entries()].sort((a, b) => a[0] - b[0]);
  for (const [bi, roles] of entries) if (roles.length === 1) headingHits[roles[0]].push(view.blocks[bi]);
  for (const [bi, roles] of entries) {
    if (roles.length === 1) continue;
    const free = roles.find(r => headingHits[r].length === 0) ?? roles[0];
    headingHits[free].push(view.blocks[bi]);
  }
  // A combined heading (“现状及存在的问题”, “问题和建议”) plays each of its roles that has no heading of its own.
  for (const [bi, roles] of entries) {
    if (roles.length < 2 || !/及|和|与/.test(view.blocks[bi].title ?? '')) continue;
    for (const r of roles) if (headingHits[r].length === 0) headingHits[r].push(view.blocks[bi]);
  }
  headingHits.forEach(h => h.sort((a, b) => a.index - b.index));
  const taken = new Set<number>(headingHits.flat().map(b => b.index));
  // 3. Build hits; numbered and numberedBefore matchers are resolved after the others.
  const hits = new Map<string, SectionHit[]>();
  const anchors: { si: number; b: Block; viaHeading: boolean; implicit?: boolean; numbered?: boolean }[] = [];
  // Heading anchors first; then each role paragraph, in template order, takes its first candidate that comes after the
  // sections ordered before it (so a broad pattern that also matches earlier text does not put the section out of order).
  sections.forEach((s, si) => {
    const hs = headingHits[si];
    if (hs.length) hs.forEach(b => anchors.push({ si, b, viaHeading: true }));
  });
  sections.forEach((s, si) => {
    const cands = paraCands[si].sort((a, b) => a.index - b.index);
    if (!cands.length) return;
    const hs = headingHits[si];
    const o = orderOf(sections, si);
    const before = Number.isNaN(o) ? [] : anchors.filter(a => !Number.isNaN(orderOf(sections, a.si)) && orderOf(sections, a.si) < o).map(a => a.b.index);
    const after = before.reduce((a, b) => Math.max(a, b), -1);
    const pf = cands.find(b => b.index >= after) ?? cands[0];
    if (hs.length && (hs[0].index <= pf.index || taken.has(pf.index))) return;
    if (hs.length) {
      // The paragraph comes first: it is the section; its headings are not.
      for (let k = anchors.length - 1; k >= 0; k--) if (anchors[k].si === si) anchors.splice(k, 1);
    }
    anchors.push({ si, b: pf, viaHeading: false });
  });
  const topNumbered = view.blocks.filter(b => b.numberLevel !== undefined && b.numberLevel === view.topNumberLevel);
  sections.forEach((s, si) => {
    if (anchors.some(a => a.si === si)) return;
    for (const m of cm[si]) {
      if (m.def.numbered) {
        const first = topNumbered.find(b => !taken.has(b.index));
        if (first) {
          anchors.push({ si, b: first, viaHeading: true, numbered: true });
          taken.add(first.index);
          return;
        }
        // Tasks written as “一是……” paragraphs.
        const shi = view.blocks.find(b => SHI_ITEM.test(b.text) && !taken.has(b.index));
        if (shi && view.blocks.filter(b => SHI_ITEM.test(b.text)).length >= 2) {
          anchors.push({ si, b: shi, viaHeading: false, numbered: true });
          return;
        }
      }
      if (m.numberedIf) {
        const before = anchors.filter(a => !Number.isNaN(orderOf(sections, a.si)) && orderOf(sections, a.si) < orderOf(sections, si)).map(a => a.b.index);
        const from = before.reduce((a, b) => Math.max(a, b), -1);
        const run = topNumbered.filter(b => b.index > from && !taken.has(b.index));
        const re = m.numberedIf;
        if (run.length && run.filter(b => re.test(b.text)).length * 2 >= run.length) {
          anchors.push({ si, b: run[0], viaHeading: true, numbered: true });
          taken.add(run[0].index);
          return;
        }
      }
      if (m.def.numberedBefore) {
        const later = anchors.filter(a => m.def.numberedBefore!.includes(sections[a.si].id)).map(a => a.b.index);
        if (!later.length) continue;
        const limit = later.reduce((a, b) => Math.min(a, b), Infinity);
        const before = anchors.filter(a => sections[a.si].order !== null && orderOf(sections, a.si) < orderOf(sections, si)).map(a => a.b.index);
        const from = before.length ? before.reduce((a, b) => Math.max(a, b), -Infinity) : -1;
        const first = topNumbered.find(b => b.index > from && b.index < limit && !taken.has(b.index));
        if (first) {
          anchors.push({ si, b: first, viaHeading: false, implicit: true });
          return;
        }
      }
    }
  });
  anchors.sort((a, b) => a.b.index - b.b.index || a.si - b.si);
  // 4. Ranges: a heading section runs to the next heading of its level or above, or to the next template section.
  const blocks = view.blocks;
  const rank = (b: Block) => headingRank(view, b);
  for (const a of anchors) {
    const s = sections[a.si];
    let endIdx = blocks.length; // exclusive
    if (a.viaHeading || a.implicit || a.numbered) {
      const r = a.numbered ? Infinity : rank(a.b);
      for (let i = a.b.index + 1; i < blocks.length; i++) {
        const b = blocks[i];
        // Another section starts here (a role paragraph that is itself a numbered paragraph stays inside).
        const other = anchors.find(x => x.b.index === i && x !== a && (x.viaHeading || x.implicit || !b.isHeading));
        if (other && !(a.numbered && other.numbered)) {
          endIdx = i;
          break;
        }
        if (!a.numbered && !a.implicit && b.isHeading && rank(b) <= r) {
          endIdx = i;
          break;
        }
      }
    } else {
      endIdx = a.b.index + 1;
      // “为此建议：” / “办法：” followed by numbered suggestions or paragraphs: they belong to the section (up to the
      // next section, a Markdown heading or a short line such as a signature or date).
      if (s.items && /[：:]$/.test(a.b.text)) {
        for (let i = a.b.index + 1; i < blocks.length; i++) {
          const b = blocks[i];
          if (anchors.some(x => x.b.index === i) || b.markdownLevel || b.isShortLine) break;
          endIdx = i + 1;
        }
      }
    }
    const body = blocks.slice(a.b.index + 1, endIdx);
    const last = blocks[endIdx - 1];
    let items: Block[] = [];
    let itemCount = 0;
    if (a.numbered && a.viaHeading) {
      items = topNumbered.filter(b => b.index >= a.b.index && b.index < endIdx && !anchors.some(x => x !== a && x.b.index === b.index));
    } else if (a.numbered) {
      items = blocks.slice(a.b.index, endIdx).filter(b => SHI_ITEM.test(b.text));
    } else if (s.items) {
      const numbered = body.filter(b => b.numberLevel !== undefined);
      const lv = numbered.reduce((a, b) => Math.min(a, b.numberLevel ?? 9), Infinity);
      items = numbered.filter(b => (b.numberLevel ?? 9) === lv);
      // “一是……二是……” instead of numbered paragraphs.
      if (!items.length) {
        items = body.filter(b => SHI_ITEM.test(b.text));
        itemCount = body.reduce((n, b) => n + (b.text.match(SHI_MARKS) ?? []).length, 0);
      }
    }
    itemCount = Math.max(itemCount, items.length);
    const hit: SectionHit = {
      section: s,
      index: a.si,
      block: a.b,
      viaHeading: a.viaHeading,
      implicit: a.implicit,
      start: a.b.p.offset,
      end: last.p.offset + last.p.length,
      items,
      itemCount,
      body,
    };
    const list = hits.get(s.id) ?? [];
    list.push(hit);
    hits.set(s.id, list);
  }
  const found = [...hits.values()].map(l => l[0]).sort((a, b) => a.start - b.start || a.index - b.index);
  const result: TemplateMatch = { template: t, view, hits, found };
  perDoc.set(t, result);
  return result;
}

/** Effective order of a section (its `order`, else its position); null means anywhere. */
export function orderOf(sections: TemplateSectionDef[], i: number): number {
  const o = sections[i].order;
  return o === undefined ? i : o === null ? NaN : o;
}

/** A comparable heading rank: Markdown headings by `#` count, numbered ones below them, a short standalone line just
 *  above the heading that follows it (“2022年工作打算” over “一、……”). */
export function headingRank(view: DocView, b: Block): number {
  if (b.markdownLevel) return b.markdownLevel;
  const mdBase = view.doc.headings.some(h => h.markdownLevel) ? 6 : 0;
  if (b.numberLevel !== undefined) return mdBase + b.numberLevel;
  const next = view.blocks.find(x => x.index > b.index && x.isHeading);
  return next ? headingRank(view, next) - 0.5 : mdBase + (view.topNumberLevel ?? 1) - 0.5;
}

/** The template match for the type the engine settled on (undefined for 'other'/'unknown'). */
export function templateMatchFor(doc: DocumentModel, docType: DocType, packs: PackSet): TemplateMatch | undefined {
  const t = selectTemplate(doc, docType, packs);
  return t ? matchTemplate(doc, t, packs) : undefined;
}
