// The engine: builds the document model, runs the enabled rules with their configured severity,
// honours inline disable comments, and applies fixes (non-overlapping, repeated until stable).
import { DocumentModel } from './document';
import { builtinPackSet, PackSet } from './packs';
import {
  Category,
  defaultConfig,
  Diagnostic,
  DocType,
  DocTypeSetting,
  DOC_TYPE_SETTINGS,
  ExcerptKind,
  Finding,
  Fix,
  ResolvedConfig,
  Rule,
  RuleContext,
  RuleMeta,
  RuleSetting,
  Segmenter,
  Severity,
  SeveritySetting,
} from './types';
import { detectDocType, DocTypeGuess, selectTemplate } from './template-match';
import { DocDate, inferDocumentDate } from './docdate';
import { proseRegister, Register } from './register';
import { commonEnds } from './trim';

export type SegmenterState = 'ready' | 'loading' | 'failed' | 'unavailable';

export interface LintOptions {
  /** File path or name (Markdown detection, messages). */
  path?: string;
  languageId?: string;
  config?: ResolvedConfig;
  packs?: PackSet;
  /** The rules to run. The engine knows no rules of its own: the public entry points (src/lint.ts) pass the
   *  built-in list when none is given. */
  rules?: Rule[];
  segmenter?: Segmenter;
  /** Why the segmenter is absent, when it is. Default: 'ready' if a segmenter is given, else 'unavailable'. */
  segmenterState?: SegmenterState;
  segmenterError?: string;
  /** Called once, when the first rule that needs the segmenter is about to run; its answer replaces segmenter,
   *  segmenterState and segmenterError. The CLI finishes its background (worker-thread) segmenter load here. */
  resolveSegmenter?: () => { segmenter?: Segmenter; state: SegmenterState; error?: string };
  /** Overrides config.docType. */
  docType?: DocTypeSetting;
  /** A rule slower than this (ms) is reported in notices (default: ruleBudget's budget, else 2000). */
  ruleBudgetMs?: number;
  /** Per-document memory of slow rules (editor): a rule over budget last time is skipped for a while. */
  ruleBudget?: RuleBudget;
  /** Keep at most this many findings of one rule in one document (the rest are dropped, with a notice): bounds the
   *  memory a pathological text (a page of punctuation, a million quote marks) can take. Default: no limit. */
  maxFindingsPerRule?: number;
  /** The editor's memory of one open document between lints: the rules marked meta.paragraphLocal re-run only on
   *  the lines that changed since the last lint with the same state (see IncrementalState). The findings are the
   *  same as without it. */
  incremental?: IncrementalState;
}

/** A paragraph-local rule's findings per line of the last lint, and what they were found under. */
interface RuleLines {
  /** The document-level facts the rule saw (type, excerpt, date, register, config, options, Markdown or not). */
  fingerprint: string;
  packs: PackSet;
  segmenter: Segmenter | undefined;
  /** By line id (IncrementalState.ids): the line's findings, offsets relative to the line's start. */
  lines: Map<number, Finding[]>;
}

/**
 * Per-document state of the editor's incremental lint (the lint worker keeps one per open document). For each rule
 * whose meta says `paragraphLocal`, the findings of the last lint are kept per line, keyed by the line's text; the
 * next lint reuses those of unchanged lines (their offsets shifted to where the line now is) and runs the rule on
 * each changed line alone (the line as a document of its own). Anything that may change what such a rule sees
 * besides the line itself — the document type, excerpt flag, date, config, rule options, pack set, segmenter,
 * Markdown or not — clears the rule's lines; a line whose masking depends on other lines (inside a multi-line
 * comment or a code fence), a hard-wrapped paragraph, a rule error, the findings cap, or more than half the lines
 * changed make the rule run on the whole text (and its lines are taken from that run).
 */
export class IncrementalState {
  /** @internal */
  readonly rules = new Map<string, RuleLines>();
  /** @internal The id of each line text seen (with its line break, and its masked text when masking changes it):
   *  the rules' lines are keyed by these numbers, so that a line text is hashed once per lint, not once per rule.
   *  Ids are never reused. */
  ids = new Map<string, number>();
  /** @internal */
  nextId = 0;
  /** What the last lint did, per paragraph-local rule that ran: lines reused, lines run alone, or a whole run. */
  readonly last = { reused: 0, rerun: 0, whole: 0 };
  /** Forgets every line (the next lint runs every rule on the whole text). */
  reset(): void {
    this.rules.clear();
    this.ids.clear();
  }
}

/** A finding moved by `by` code units: its range, fix, suggestions and related places. */
export function shiftFinding(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const out: Finding = { ...f, offset: f.offset + by };
  if (f.fix) out.fix = { ...f.fix, offset: f.fix.offset + by };
  if (f.suggestions) out.suggestions = f.suggestions.map(x => ({ ...x, offset: x.offset + by }));
  if (f.related) out.related = f.related.map(x => ({ ...x, offset: x.offset + by }));
  return out;
}

/** True when the finding, its fix, suggestions and related places lie within [start, end]. */
function findingWithin(f: Finding, start: number, end: number): boolean {
  const inside = (x: { offset: number; length: number }) => x.offset >= start && x.offset + x.length <= end;
  return inside(f) && (!f.fix || inside(f.fix)) && (!f.suggestions || f.suggestions.every(inside)) && (!f.related || f.related.every(inside));
}

/**
 * Per-document memory of rules that ran over their time budget. JavaScript cannot stop a running rule, so
 * the editor keeps one RuleBudget per open document: a rule that took longer than `budgetMs` is skipped
 * (with a notice) on the next `skipRuns` lints of that document, then tried again; `reset()` (on save or
 * an explicit lint command) runs everything again at once.
 */
/** LintOptions with the rule list given (what the engine itself needs). */
export type EngineOptions = LintOptions & { rules: Rule[] };

export class RuleBudget {
  private readonly over = new Map<string, { ms: number; skipsLeft: number }>();
  constructor(
    readonly budgetMs = 200,
    readonly skipRuns = 20,
  ) {}

  /** The last time of a rule that should be skipped on this run (counts the skip), else undefined. */
  shouldSkip(ruleId: string): number | undefined {
    const o = this.over.get(ruleId);
    if (!o) return undefined;
    if (o.skipsLeft <= 0) {
      this.over.delete(ruleId);
      return undefined;
    }
    o.skipsLeft--;
    return o.ms;
  }

  /** Records a rule's time; over budget marks it to be skipped on the next runs. */
  record(ruleId: string, ms: number): void {
    if (ms > this.budgetMs) this.over.set(ruleId, { ms, skipsLeft: this.skipRuns });
    else this.over.delete(ruleId);
  }

  /** The rules currently being skipped. */
  skipped(): string[] {
    return [...this.over.keys()];
  }

  /** Forgets every slow rule (e.g. when the document is saved). */
  reset(): void {
    this.over.clear();
  }
}

export interface Notice {
  kind: 'segmenter' | 'rule-error' | 'rule-slow' | 'rule-capped';
  message: string;
  ruleIds: string[];
}

/** What the CLI (`--print-type`, JSON) and the editor show about the document type. */
export interface DocTypeInfo {
  docType: DocType;
  confidence: number;
  /** Id of the template the structure rules use (absent for other). */
  template?: string;
  /** The detection signals that fired (notes from the template pack), best template first. */
  signals: string[];
  /** The text is an excerpt, a newspaper page or a news story about a document. */
  excerpt: boolean;
  excerptKind?: ExcerptKind;
  /** Where the type came from: detection, or a setting (`--type`, the first-line marker, config). */
  source: 'detected' | 'option' | 'marker' | 'config';
}

export interface LintResult {
  doc: DocumentModel;
  docType: DocType;
  docTypeConfidence: number;
  /** How the type was settled: detected (with its template, the signals it used, and the excerpt flag) or set. */
  docTypeInfo: DocTypeInfo;
  documentDate?: DocDate;
  diagnostics: Diagnostic[];
  notices: Notice[];
  /** Milliseconds per rule (for the benchmark and `--timing`). */
  timings: Record<string, number>;
  /** Milliseconds spent before the rules: document model, directives, document type and date. */
  setupMs?: number;
}

/** True for a rule that runs in the segmenter's phase: it needs the segmenter, or uses it when it is loaded. */
export function wantsSegmenter(meta: Pick<RuleMeta, 'needsSegmenter' | 'usesSegmenter'>): boolean {
  return !!(meta.needsSegmenter || meta.usesSegmenter);
}

/** The setting that applies to a rule: its id, then `category/*`, then its defaults. */
export function ruleSetting(rule: Rule, config: ResolvedConfig): { severity: SeveritySetting; options: Record<string, unknown>; userSet: boolean } {
  const own: RuleSetting | undefined = config.rules[rule.meta.id];
  const cat: RuleSetting | undefined = config.rules[`${rule.meta.category}/*`];
  const severity = own?.severity ?? cat?.severity ?? (rule.meta.defaultOff ? 'off' : rule.meta.defaultSeverity);
  // A defaultOff rule switched on only by a category wildcard stays off unless named (house style is opt-in).
  const effective = rule.meta.defaultOff && !own?.severity ? 'off' : severity;
  return { severity: effective, options: { ...(cat?.options ?? {}), ...(own?.options ?? {}) }, userSet: !!(own?.severity ?? cat?.severity) };
}

/**
 * The level of one finding. A rule (or its pack entry) may set a finding's own level; a finding with weak evidence
 * is `info` (a hint). A level the user set for the rule (config or --rule) wins over the rule's own choice, except
 * that a hint stays a hint: a user can lower every finding of a rule, never raise weak evidence to an error.
 */
export function findingSeverity(own: Severity | undefined, configured: Severity, userSet: boolean): Severity {
  if (own === 'info') return 'info';
  return userSet ? configured : (own ?? configured);
}

interface DisableRange {
  start: number;
  end: number;
  /** Rule ids, `category/*`, or empty for all rules. */
  rules: string[];
  /** Rule ids or `category/*` re-enabled inside the range (an enable naming a rule that a wildcard disabled). */
  except?: string[];
}

/** The category wildcard of a rule id (`punctuation/half-width` → `punctuation/*`). */
function wildcardOf(id: string): string {
  return id.replace(/\/.*$/, '/*');
}

const DIRECTIVE_RE = /^draft-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b\s*(.*)$/;

/** Reads the inline directives from HTML comments: disable ranges and a document-type marker. */
export function readDirectives(doc: DocumentModel): { ranges: DisableRange[]; docType?: DocTypeSetting; excerpt?: boolean } {
  const ranges: DisableRange[] = [];
  const open: { start: number; rules: string[]; except: string[] }[] = [];
  let docType: DocTypeSetting | undefined;
  let excerpt: boolean | undefined;
  const lineEnd = (i: number) => {
    const l = doc.lines[i];
    return l.offset + l.text.length + l.eol.length;
  };
  for (const c of doc.comments) {
    // <!-- draft-lint-type: report --> ; <!-- draft-lint-type: report excerpt --> (or 节选) also marks an excerpt.
    const t = /^draft-lint-type\s*(?:[:：]\s*)?([\w-]+)(?:[\s,，、]+(excerpt|节选))?/.exec(c.body);
    if (t) {
      const v = t[1] as DocTypeSetting;
      if (DOC_TYPE_SETTINGS.includes(v)) docType = v;
      if (t[2]) excerpt = true;
      continue;
    }
    const m = DIRECTIVE_RE.exec(c.body);
    if (!m) continue;
    const rules = m[2].split(/[\s,，]+/).filter(Boolean).map(r => (/^[a-z]+$/.test(r) ? `${r}/*` : r));
    switch (m[1]) {
      case 'disable-next-line': {
        let i = c.endLineIndex + 1;
        while (i < doc.lines.length && doc.lines[i].text.trim() === '') i++;
        if (i < doc.lines.length) ranges.push({ start: doc.lines[i].offset, end: lineEnd(i), rules });
        break;
      }
      case 'disable-line':
        ranges.push({ start: doc.lines[c.lineIndex].offset, end: lineEnd(c.endLineIndex), rules });
        break;
      case 'disable-file':
        ranges.push({ start: 0, end: doc.text.length + 1, rules });
        break;
      case 'disable':
        open.push({ start: c.offset, rules, except: [] });
        break;
      case 'enable': {
        const here = c.offset + c.length;
        for (let k = open.length - 1; k >= 0; k--) {
          const o = open[k];
          const close = () => ranges.push({ start: o.start, end: here, rules: o.rules, ...(o.except.length ? { except: o.except } : {}) });
          if (rules.length === 0) {
            // A bare enable ends every open range.
            close();
            open.splice(k, 1);
            continue;
          }
          // Named rules: drop them from the range, or (when a wildcard or "all" covers them) except them from here on.
          const named = o.rules.filter(r => rules.includes(r) || rules.includes(wildcardOf(r)));
          const covered = rules.filter(r => !o.rules.includes(r) && !o.except.includes(r) && (o.rules.length === 0 || o.rules.includes(wildcardOf(r))));
          if (!named.length && !covered.length) continue;
          close();
          o.start = here;
          o.except = [...o.except, ...covered];
          if (named.length) {
            o.rules = o.rules.filter(r => !named.includes(r));
            if (!o.rules.length) open.splice(k, 1);
          }
        }
        break;
      }
    }
  }
  for (const o of open) ranges.push({ start: o.start, end: doc.text.length + 1, rules: o.rules, ...(o.except.length ? { except: o.except } : {}) });
  return { ranges, docType, excerpt };
}

function isDisabled(ranges: DisableRange[], ruleId: string, category: Category, offset: number): boolean {
  for (const r of ranges) {
    if (offset < r.start || offset >= r.end) continue;
    const covered = r.rules.length === 0 || r.rules.includes(ruleId) || r.rules.includes(`${category}/*`);
    if (covered && !(r.except && (r.except.includes(ruleId) || r.except.includes(`${category}/*`)))) return true;
  }
  return false;
}

/** Maps a span of the unwrapped text onto the text it came from (DocumentModel.unwrapped's cuts): a span that
 *  crosses a wrap keeps the line break inside it. */
function spanMapper(cuts: { at: number; removed: number }[]): (offset: number, length: number) => [number, number] {
  const before = (o: number) => {
    // Characters taken out before unwrapped offset o (cuts at or before o).
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid].at <= o) lo = mid + 1;
      else hi = mid;
    }
    return lo ? removedUpTo[lo - 1] : 0;
  };
  const removedUpTo: number[] = [];
  let sum = 0;
  for (const c of cuts) removedUpTo.push((sum += c.removed));
  return (offset, length) => {
    const start = offset + before(offset);
    const end = length > 0 ? offset + length - 1 + before(offset + length - 1) + 1 : start;
    return [start, end - start];
  };
}

/** A finding's fix, suggestions and related places mapped onto the wrapped text. */
function mapFinding(f: Finding, map: (offset: number, length: number) => [number, number]): Finding {
  const span = <T extends { offset: number; length: number }>(x: T): T => {
    const [offset, length] = map(x.offset, x.length);
    return { ...x, offset, length };
  };
  return {
    ...f,
    ...(f.fix ? { fix: span(f.fix) } : {}),
    ...(f.suggestions ? { suggestions: f.suggestions.map(span) } : {}),
    ...(f.related ? { related: f.related.map(span) } : {}),
  };
}

/** Lints one text. Pure: no file access; everything it needs is passed in. */
export function lint(text: string, opts: EngineOptions): LintResult {
  return lintInPhases(text, opts).finish();
}

/** A lint whose rules that need the segmenter have not run yet (see lintInPhases). */
export interface PhasedLint {
  /** True when rules are waiting for the segmenter (finish() will resolve it). */
  readonly deferred: boolean;
  /** Runs the rules still waiting (resolving the segmenter first) and returns the result; memoised. */
  finish(): LintResult;
  /** What the rules run so far found (before finish(): the waiting rules are reported as waiting for the segmenter).
   *  The editor publishes this first, so a newly opened draft shows its first findings without waiting. */
  partial(): LintResult;
}

/**
 * Lints in two phases: every rule that does not need the segmenter runs now; when `opts.resolveSegmenter` is given
 * (the segmenter is still loading somewhere else), the rules that need it wait for finish(). The CLI lints every
 * file's other rules while nodejieba loads on a worker thread, then finishes them. The result is the same as
 * lint()'s: diagnostics, notices and timings are put back in rule order.
 */
export function lintInPhases(text: string, opts: EngineOptions): PhasedLint {
  const tStart = performance.now();
  const config = opts.config ?? defaultConfig();
  const packs = opts.packs ?? builtinPackSet();
  const rules = opts.rules;
  const source = new DocumentModel(text, { path: opts.path, languageId: opts.languageId });
  // A hard-wrapped text (a PDF copy) is linted as its paragraphs unwrapped, as the same text saved one paragraph a
  // line; the findings are mapped back onto the wrapped text.
  const unwrapped = source.unwrapped();
  const doc = unwrapped ? new DocumentModel(unwrapped.text, { path: opts.path, languageId: opts.languageId }) : source;
  const toSource = unwrapped ? spanMapper(unwrapped.cuts) : undefined;
  const directives = readDirectives(doc);
  const typeSetting = opts.docType && opts.docType !== 'auto' ? opts.docType : directives.docType && directives.docType !== 'auto' ? directives.docType : config.docType;
  const guess: DocTypeGuess = detectDocType(doc, packs);
  let docType: DocType = guess.type;
  let docTypeConfidence = guess.confidence;
  if (typeSetting && typeSetting !== 'auto') {
    docType = typeSetting;
    docTypeConfidence = 1;
  }
  const excerpt = guess.excerpt || !!directives.excerpt;
  const excerptKind = directives.excerpt ? 'excerpt' : guess.excerptKind;
  const docTypeInfo: DocTypeInfo = {
    docType,
    confidence: docTypeConfidence,
    template: docType === guess.type ? guess.template : selectTemplate(doc, docType, packs)?.id,
    signals: guess.signals,
    excerpt,
    excerptKind,
    source:
      opts.docType && opts.docType !== 'auto' ? 'option' : directives.docType && directives.docType !== 'auto' ? 'marker' : typeSetting && typeSetting !== 'auto' ? 'config' : 'detected',
  };
  const documentDate = inferDocumentDate(doc, config);
  const setupMs = performance.now() - tStart;
  let segmenter = opts.segmenter;
  let segState: SegmenterState = opts.segmenterState ?? (opts.segmenter ? 'ready' : 'unavailable');
  let segError = opts.segmenterError;
  let segResolve = opts.resolveSegmenter;
  /** Per rule (by its index in `rules`): its diagnostics, notices and time, or why it was skipped. */
  const perRule: { diagnostics: Diagnostic[]; notices: Notice[]; ms?: number; skipped?: 'segmenter' | { lastMs: number } }[] = rules.map(() => ({
    diagnostics: [],
    notices: [],
  }));
  const budget = opts.ruleBudgetMs ?? opts.ruleBudget?.budgetMs ?? 2000;
  const waiting: number[] = [];

  // The editor's incremental lint (opts.incremental): the per-line findings of paragraph-local rules.
  const inc = opts.incremental;
  if (inc) inc.last.reused = inc.last.rerun = inc.last.whole = 0;
  /** Every paragraph is one line of `doc` (not so in a hard-wrapped text that unwrapping left wrapped). */
  let linesOk: boolean | undefined;
  /** The id of each line of `doc` (IncrementalState.ids), made once per lint. */
  let lineIds: number[] | undefined;
  /** Each changed line as a document of its own (undefined: it reads otherwise alone, so the rule runs whole). */
  const alone = new Map<number, DocumentModel | undefined>();
  const lineText = (li: number) => {
    const l = doc.lines[li];
    return doc.text.slice(l.offset, l.offset + l.text.length + l.eol.length);
  };
  const prepareLines = () => {
    if (lineIds) return;
    linesOk = doc.paragraphs.every(p => p.startLine === p.endLine);
    const masked = doc.masked !== doc.text;
    const ids = inc!.ids;
    lineIds = doc.lines.map((l, li) => {
      const raw = lineText(li);
      // A line that masking changes (a comment, Markdown, a URL) is known by its masked text too: the same line
      // inside a multi-line comment or a code fence reads otherwise.
      const m = masked ? doc.masked.slice(l.offset, l.offset + raw.length) : raw;
      const key = m === raw ? raw : raw + '\u0000' + m;
      let id = ids.get(key);
      // A copy of the key, not a slice of this text (a slice would keep the whole text of this lint alive as long as
      // the line is unchanged).
      if (id === undefined) ids.set((' ' + key).slice(1), (id = inc!.nextId++));
      return id;
    });
    // Forget the ids of lines long gone (their findings are dropped from the rules' lines on each lint anyway).
    if (ids.size > 2 * doc.lines.length + 256) {
      const keep = new Set(lineIds);
      for (const [k, id] of ids) if (!keep.has(id)) ids.delete(k);
    }
  };
  let register: Register | undefined;
  const registerOf = () => (register ??= proseRegister({ docType, doc, excerptKind }));
  const docFacts = inc ? JSON.stringify([docType, excerpt, excerptKind ?? null, documentDate ?? null, registerOf(), config, doc.isMarkdown]) : '';
  const fingerprintOf = (options: Record<string, unknown>) => docFacts + JSON.stringify(options);
  const lineAlone = (li: number): DocumentModel | undefined => {
    if (alone.has(li)) return alone.get(li);
    const d = new DocumentModel(lineText(li), { languageId: doc.isMarkdown ? 'markdown' : 'plaintext' });
    const l = doc.lines[li];
    const ok = d.masked === doc.masked.slice(l.offset, l.offset + d.text.length) && d.paragraphs.every(p => p.startLine === p.endLine);
    alone.set(li, ok ? d : undefined);
    return ok ? d : undefined;
  };
  /** A paragraph-local rule's findings from its lines of the last lint and runs on the changed lines alone;
   *  undefined when the rule must run on the whole text (nothing kept, too much changed, a line that cannot stand
   *  alone, an error). */
  const lintLines = (rule: Rule, options: Record<string, unknown>, seg: Segmenter | undefined, run: (d: DocumentModel) => Finding[]): Finding[] | undefined => {
    prepareLines();
    const kept = inc!.rules.get(rule.meta.id);
    if (!linesOk || !kept || kept.fingerprint !== fingerprintOf(options) || kept.packs !== packs || kept.segmenter !== seg) return undefined;
    const ids = lineIds!;
    let changed = 0;
    for (const id of ids) if (!kept.lines.has(id)) changed++;
    if (changed * 2 > ids.length) return undefined;
    // The changed lines are added to the kept ones in place (a failure below leads to a whole run, which replaces
    // them); lines gone are dropped once they are many.
    const lines = kept.lines;
    const found: Finding[] = [];
    for (let li = 0; li < ids.length; li++) {
      const id = ids[li];
      let f = lines.get(id);
      if (!f) {
        const d = lineAlone(li);
        if (!d) return undefined;
        try {
          f = run(d);
        } catch {
          return undefined;
        }
        lines.set(id, f);
      }
      if (!f.length) continue;
      const at = doc.lines[li].offset;
      for (const x of f) found.push(shiftFinding(x, at));
    }
    if (lines.size > 2 * ids.length + 256) {
      const keep = new Set(ids);
      for (const id of lines.keys()) if (!keep.has(id)) lines.delete(id);
    }
    inc!.last.reused += ids.length - changed;
    inc!.last.rerun += changed;
    return found;
  };
  /** Keeps a whole run's findings of a paragraph-local rule per line, for the next lint (none when a finding
   *  reaches beyond its line or the findings were capped). */
  const keepLines = (rule: Rule, options: Record<string, unknown>, seg: Segmenter | undefined, found: Finding[], complete: boolean): void => {
    prepareLines();
    inc!.last.whole++;
    inc!.rules.delete(rule.meta.id);
    if (!linesOk || !complete) return;
    const perLine: Finding[][] = doc.lines.map(() => []);
    for (const f of found) {
      const li = doc.lineIndexAt(f.offset);
      const l = doc.lines[li];
      if (!findingWithin(f, l.offset, l.offset + l.text.length + l.eol.length)) return;
      perLine[li].push(shiftFinding(f, -l.offset));
    }
    const lines = new Map<number, Finding[]>();
    // Two equal lines find the same (the rule is paragraph-local): the first one's findings are kept.
    lineIds!.forEach((id, li) => {
      if (!lines.has(id)) lines.set(id, perLine[li]);
    });
    inc!.rules.set(rule.meta.id, { fingerprint: fingerprintOf(options), packs, segmenter: seg, lines });
  };

  const runRule = (i: number, severity: Severity, options: Record<string, unknown>, userSet: boolean): void => {
    const rule = rules[i];
    const out = perRule[i];
    if (wantsSegmenter(rule.meta) && segResolve) {
      const r = segResolve();
      segResolve = undefined;
      segmenter = r.segmenter;
      segState = r.state;
      segError = r.error;
    }
    if (rule.meta.needsSegmenter && (!segmenter || segState !== 'ready')) {
      out.skipped = 'segmenter';
      return;
    }
    const lastMs = opts.ruleBudget?.shouldSkip(rule.meta.id);
    if (lastMs !== undefined) {
      out.skipped = { lastMs };
      return;
    }
    let found: Finding[] = [];
    const cap = opts.maxFindingsPerRule ?? Infinity;
    let dropped = 0;
    const t0 = performance.now();
    const ruleSegmenter = wantsSegmenter(rule.meta) && segState === 'ready' ? segmenter : undefined;
    const check = (d: DocumentModel, sink: Finding[], capped: boolean) =>
      rule.check(
        new CheckContext(d, packs, config, docType, excerpt, excerptKind, documentDate, registerOf, options, ruleSegmenter, f => {
          if (!capped || sink.length < cap) sink.push(f);
          else dropped++;
        }),
      );
    const local = rule.meta.paragraphLocal && opts.incremental ? lintLines(rule, options, ruleSegmenter, d => {
      const sink: Finding[] = [];
      check(d, sink, false);
      return sink;
    }) : undefined;
    if (local && local.length <= cap) found = local;
    else {
      try {
        check(doc, found, true);
      } catch (e) {
        if (rule.meta.paragraphLocal) opts.incremental?.rules.delete(rule.meta.id);
        out.notices.push({ kind: 'rule-error', message: `规则 ${rule.meta.id} 运行出错，已跳过：${(e as Error).message}`, ruleIds: [rule.meta.id] });
        return;
      }
      if (rule.meta.paragraphLocal && opts.incremental) keepLines(rule, options, ruleSegmenter, found, !dropped);
    }
    const ms = performance.now() - t0;
    out.ms = ms;
    opts.ruleBudget?.record(rule.meta.id, ms);
    if (dropped)
      out.notices.push({ kind: 'rule-capped', message: `规则 ${rule.meta.id} 在一个文件中发现的问题超过 ${cap} 个，只报告前 ${cap} 个（另有 ${dropped} 个未列出）`, ruleIds: [rule.meta.id] });
    if (ms > budget) out.notices.push({ kind: 'rule-slow', message: `规则 ${rule.meta.id} 用时 ${Math.round(ms)} ms，超过预算 ${budget} ms`, ruleIds: [rule.meta.id] });
    let refused = false;
    for (const found1 of found) {
      let f = found1;
      if (f.fix && !rule.meta.fixable) {
        // A rule that does not declare meta.fixable may not edit the text: its finding stays, its fix is dropped.
        const { fix: _dropped, ...rest } = f;
        f = rest;
        if (!refused) out.notices.push({ kind: 'rule-error', message: `规则 ${rule.meta.id} 未声明可自动修复（meta.fixable），其修复已忽略`, ruleIds: [rule.meta.id] });
        refused = true;
      }
      let offset = clamp(f.offset, 0, doc.text.length);
      let length = clamp(f.length, 0, doc.text.length - offset);
      if (isDisabled(directives.ranges, rule.meta.id, rule.meta.category, offset)) continue;
      if (toSource) {
        [offset, length] = toSource(offset, length);
        f = mapFinding(f, toSource);
      }
      const start = source.position(offset);
      const end = source.position(offset + length);
      out.diagnostics.push({
        ...f,
        offset,
        length,
        ruleId: rule.meta.id,
        category: rule.meta.category,
        severity: findingSeverity(f.severity, severity, userSet),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        ...(f.related ? { related: f.related.map(r => ({ ...r, ...source.position(r.offset) })) } : {}),
      });
    }
  };

  const settings = rules.map(rule => ruleSetting(rule, config));
  rules.forEach((rule, i) => {
    const { severity, options, userSet } = settings[i];
    if (severity === 'off') return;
    if (rule.meta.docTypes && !rule.meta.docTypes.includes(docType)) return;
    if (wantsSegmenter(rule.meta) && segResolve) waiting.push(i);
    else runRule(i, severity as Severity, options, userSet);
  });

  let result: LintResult | undefined;
  /** The result of the rules run so far, in rule order (as a one-phase run gives it); `pending`: rules still waiting. */
  const assemble = (pending: Set<number>): LintResult => {
    const diagnostics: Diagnostic[] = [];
    const notices: Notice[] = [];
    const timings: Record<string, number> = {};
    const skippedForSegmenter: string[] = [];
    const skippedForBudget: { id: string; lastMs: number }[] = [];
    rules.forEach((rule, i) => {
      const r = perRule[i];
      for (const d of r.diagnostics) diagnostics.push(d);
      for (const n of r.notices) notices.push(n);
      if (r.ms !== undefined) timings[rule.meta.id] = r.ms;
      if (r.skipped === 'segmenter' || pending.has(i)) skippedForSegmenter.push(rule.meta.id);
      else if (r.skipped) skippedForBudget.push({ id: rule.meta.id, lastMs: r.skipped.lastMs });
    });
    if (skippedForBudget.length)
      notices.push({
        kind: 'rule-slow',
        message: `以下规则上次运行超过预算 ${budget} ms，本次跳过，保存文件后或稍后自动重试：${skippedForBudget.map(s => `${s.id}（上次 ${Math.round(s.lastMs)} ms）`).join('、')}`,
        ruleIds: skippedForBudget.map(s => s.id),
      });
    if (skippedForSegmenter.length) {
      const why = pending.size
        ? '依赖分词的规则随后运行'
        : segState === 'loading'
          ? '分词器（nodejieba）正在加载'
          : segState === 'failed'
            ? `分词器（nodejieba）加载失败${segError ? '：' + segError : ''}`
            : '分词器（nodejieba）不可用';
      notices.push({ kind: 'segmenter', message: `${why}，以下规则本次未运行：${skippedForSegmenter.join('、')}`, ruleIds: skippedForSegmenter });
    }
    const kept = oneFindingPerFix(diagnostics, text);
    kept.sort((a, b) => a.offset - b.offset || a.ruleId.localeCompare(b.ruleId));
    return { doc: source, docType, docTypeConfidence, docTypeInfo, documentDate, diagnostics: kept, notices, timings, setupMs };
  };
  return new Phased(
    () => !result && waiting.length > 0,
    () => result ?? assemble(new Set(waiting)),
    () => {
      if (result) return result;
      for (const i of waiting) runRule(i, settings[i].severity as Severity, settings[i].options, settings[i].userSet);
      return (result = assemble(new Set()));
    },
  );
}

// The context of a rule's check and the phased lint are class instances, not object literals with a getter
// (`get register()`, `get deferred()`): V8 makes such a literal a dictionary-mode object and puts the getter in an
// AccessorPair allocated in the old generation. That pair kept its closure, and through the closure's context the whole
// lint (document models, texts, what the rules built), alive through every young-generation collection until the next
// full one: each scavenge during typing copied and promoted about 1.4 MB, and the old generation filled with dead
// lints until a mark-compact (docs/performance.md, 改字延迟（第十一轮）). A rule's `ctx` is also one shape for every rule
// now, not a dictionary.

/** The context a rule's check gets (RuleContext); `register` is worked out on first use. */
class CheckContext implements RuleContext {
  constructor(
    readonly doc: DocumentModel,
    readonly packs: PackSet,
    readonly config: ResolvedConfig,
    readonly docType: DocType,
    readonly excerpt: boolean,
    readonly excerptKind: ExcerptKind | undefined,
    readonly documentDate: DocDate | undefined,
    private readonly registerOf: () => Register,
    readonly options: Record<string, unknown>,
    readonly segmenter: Segmenter | undefined,
    readonly report: (finding: Finding) => void,
  ) {}
  get register(): Register {
    return this.registerOf();
  }
}

class Phased implements PhasedLint {
  constructor(
    private readonly isDeferred: () => boolean,
    readonly partial: () => LintResult,
    readonly finish: () => LintResult,
  ) {}
  get deferred(): boolean {
    return this.isDeferred();
  }
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, Number.isFinite(v) ? v : lo));
}

/** Which findings a fix-all applies: those of `ruleId` when one is named (the user chose the rule), otherwise every
 *  fixable warning and error; `info` hints only when `includeInfo` (their evidence is weak by definition). */
export function fixAllFilter(ruleId?: string, includeInfo = false): (d: Diagnostic) => boolean {
  return d => !!d.fix && (ruleId ? d.ruleId === ruleId : includeInfo || d.severity !== 'info');
}

export interface ApplyResult {
  output: string;
  applied: Fix[];
  /** Fixes left out because they overlapped an earlier one (apply again after re-linting). */
  skipped: Fix[];
}

/** A fix as the smallest edit it makes (the characters it keeps at either end trimmed): 统筹推动→统筹推进 and 动→进 are one
 *  edit. */
function minimalEditKey(text: string, fix: Fix): string {
  const old = text.slice(fix.offset, fix.offset + fix.length);
  const { head, tail } = commonEnds(old, fix.text);
  return `${fix.offset + head}:${old.length - head - tail}:${fix.text.slice(head, fix.text.length - tail)}`;
}

const SEVERITY_RANK: Record<string, number> = { error: 3, warning: 2, info: 1 };

/**
 * One slip, one finding: when two rules propose the very same edit (the same characters replaced by the same text,
 * however wide each fix's range: 讲规距 as a fixed enumeration's item and as a homophone slip), only the stronger
 * finding is kept: error > warning > hint; on a tie, the one that names more of the text (the whole title or phrase
 * rather than its word), then the earlier rule's. Findings without a fix, or with different fixes, are all kept.
 */
export function oneFindingPerFix(diagnostics: Diagnostic[], text: string): Diagnostic[] {
  const byFix = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (!d.fix) {
      out.push(d);
      continue;
    }
    const key = minimalEditKey(text, d.fix);
    const at = byFix.get(key);
    if (at === undefined) {
      byFix.set(key, out.length);
      out.push(d);
    } else {
      const o = out[at];
      const rank = (SEVERITY_RANK[d.severity] ?? 0) - (SEVERITY_RANK[o.severity] ?? 0);
      if (rank > 0 || (rank === 0 && d.length > o.length)) out[at] = d;
    }
  }
  return out;
}

/** Applies non-overlapping fixes (earliest first wins); text outside the fixed ranges is untouched. */
export function applyFixes(text: string, fixes: Fix[]): ApplyResult {
  const sorted = [...fixes].sort((a, b) => a.offset - b.offset || a.length - b.length);
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  let lastEnd = -1;
  let lastInsertAt = -1;
  for (const f of sorted) {
    if (f.offset < 0 || f.offset + f.length > text.length) {
      skipped.push(f);
      continue;
    }
    // Two inserts at the same point, or any overlap, conflict. So does an insert touching a replaced range
    // (before or after it): the two edits disagree about that spot (e.g. one deletes a “…”, the other adds one
    // next to it), and applying both could undo each other forever; the later one waits for the next pass.
    const prev = applied[applied.length - 1];
    const insertTouchesReplace = prev !== undefined && f.offset === lastEnd && (f.length === 0) !== (prev.length === 0);
    const overlaps = f.offset < lastEnd || (f.length === 0 && f.offset === lastInsertAt) || (f.offset === lastEnd && applied.length > 0 && applied[applied.length - 1].length === 0 && f.length === 0) || insertTouchesReplace;
    if (overlaps) {
      skipped.push(f);
      continue;
    }
    applied.push(f);
    lastEnd = f.offset + f.length;
    if (f.length === 0) lastInsertAt = f.offset;
  }
  let out = '';
  let pos = 0;
  for (const f of applied) {
    out += text.slice(pos, f.offset) + f.text;
    pos = f.offset + f.length;
  }
  out += text.slice(pos);
  return { output: out, applied, skipped };
}

export interface FixAllResult {
  output: string;
  /** Number of fixes applied over all passes. */
  fixed: number;
  passes: number;
  /** The diagnostics that remain after fixing. */
  remaining: Diagnostic[];
  /** The result of linting the original text (before any fix). */
  initial: LintResult;
  /** False when fixes still applied after `maxPasses` passes (a fix whose result it fixes again, e.g. a pack
   *  replacement that matches its own pattern): the output is not a stable fixed text. */
  converged: boolean;
  /** The rules whose fixes still applied after the last pass (when not converged). */
  unstableRules: string[];
}

/** Lints and fixes repeatedly until no fix applies (at most `maxPasses`). `filter` picks which fixes to apply. */
export function fixAll(text: string, opts: EngineOptions, filter: (d: Diagnostic) => boolean = () => true, maxPasses = 10): FixAllResult {
  let output = text;
  let fixed = 0;
  let passes = 0;
  let result = lint(output, opts);
  const initial = result;
  while (passes < maxPasses) {
    const fixes = result.diagnostics.filter(d => d.fix && filter(d)).map(d => d.fix!);
    if (!fixes.length) break;
    const r = applyFixes(output, fixes);
    if (!r.applied.length || r.output === output) break;
    output = r.output;
    fixed += r.applied.length;
    passes++;
    result = lint(output, opts);
  }
  const unstable = passes >= maxPasses ? result.diagnostics.filter(d => d.fix && filter(d)) : [];
  const unstableRules = [...new Set(unstable.map(d => d.ruleId))];
  return { output, fixed, passes, remaining: result.diagnostics, initial, converged: !unstable.length, unstableRules };
}
