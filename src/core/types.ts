// Shared types of the pure core: rules, diagnostics, fixes, config. No vscode, no fs.
import type { DocumentModel } from './document';
import type { PackSet } from './packs';
import type { DocDate } from './docdate';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Category = 'formulation' | 'structure' | 'figures' | 'numbering' | 'punctuation' | 'wording' | 'format' | 'consistency';
export const CATEGORIES: Category[] = ['formulation', 'structure', 'figures', 'numbering', 'punctuation', 'wording', 'format', 'consistency'];
export type DocType = 'report' | 'review-report' | 'proposal' | 'plan' | 'sqmy' | 'other' | 'unknown';
export type DocTypeSetting = DocType | 'auto';
export type ExcerptKind = 'excerpt' | 'news' | 'page';
/** The document types a writer can choose (config, `--type`, the first-line marker), 'auto' first. */
export const DOC_TYPE_SETTINGS: DocTypeSetting[] = ['auto', 'report', 'review-report', 'proposal', 'plan', 'sqmy', 'other'];
/** Chinese names of the document types (status bar, `--print-type`, messages). */
export const DOC_TYPE_NAMES: Record<DocType, string> = {
  report: '工作报告',
  'review-report': '提案工作报告',
  proposal: '提案',
  plan: '工作要点',
  sqmy: '社情民意信息',
  other: '其他',
  unknown: '未识别',
};

/** The smallest edit: replace `length` UTF-16 code units at `offset` with `text`. */
export interface Fix {
  offset: number;
  length: number;
  text: string;
}

/** Another place that belongs to a finding (e.g. the other figure of a disagreeing pair). */
export interface RelatedLocation {
  offset: number;
  length: number;
  message: string;
  /** 1-based line and column of offset, filled in by the engine. */
  line?: number;
  column?: number;
}

/** What a rule reports. Offsets count UTF-16 code units in the decoded text (no BOM). */
export interface Finding {
  message: string;
  offset: number;
  length: number;
  fix?: Fix;
  /** More than one candidate fix (the first is `fix` when unambiguous). */
  suggestions?: Fix[];
  related?: RelatedLocation[];
  /** The standard form, for hovers ("标准表述：…"). */
  expected?: string;
  /** Where the standard comes from (document, GB/T clause, pack entry note). */
  source?: string;
  /** Overrides the rule's configured severity for this one finding (rarely used). */
  severity?: Severity;
}

export interface Diagnostic extends Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  /** 1-based line/column of offset and offset+length, filled in by the engine. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A JSON Schema (draft-07) for a rule's options object. */
export interface OptionsSchema {
  type: 'object';
  additionalProperties: false;
  properties: Record<string, Record<string, unknown>>;
}

export interface RuleExample {
  bad: string;
  good?: string;
  docType?: DocType;
  documentDate?: string;
}

export interface RuleMeta {
  /** `category/name`, e.g. `punctuation/unbalanced-pair`. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One line, Chinese. */
  description: string;
  /** Longer Chinese explanation with an example; rendered into docs/rules/<id>.md. */
  docs: string;
  /** Examples for the docs, also run as tests: `bad` must give a finding of this rule, `good` (the corrected text)
   *  none. `docType` / `documentDate` give the context a short excerpt cannot show (as the config would). */
  examples?: RuleExample[];
  fixable: boolean;
  /** JSON Schema of the rule's options (`rules[id].options` in the config), as ESLint's meta.schema; the config
   *  schema's per-rule options are generated from it (npm run docs). A rule without it takes no options. */
  schema?: OptionsSchema;
  /** Needs the word segmenter (nodejieba); skipped with one notice if it is not available. */
  needsSegmenter?: boolean;
  /** Uses the word segmenter when it is loaded (the rule then runs in the segmenter's phase, as needsSegmenter rules
   *  do) and still runs without it: ctx.segmenter is then absent (misspelling: a match across a word boundary). Such
   *  rules do not make the CLI load the segmenter when every rule that needs it is off. */
  usesSegmenter?: boolean;
  /** Off unless switched on in config (house-style rules). */
  defaultOff?: boolean;
  /** Only run for these document types (all when absent). */
  docTypes?: DocType[];
  /** The rule's findings on a line depend on that line's text alone, and on the document-level facts its context
   *  gives (type, excerpt, date, options, config, packs, segmenter): run on the line alone (the line and its line
   *  break as a document of its own), the rule finds exactly what it finds on that line in the whole document, and
   *  no finding (nor its fix) reaches beyond the line. The editor's incremental lint (IncrementalState) then re-runs
   *  the rule only on the lines that changed. Leave it unset for a rule that compares across paragraphs, counts
   *  over the document, or looks at headings, neighbours or the first line. */
  paragraphLocal?: boolean;
}

/** The word segmenter as rules see it (see src/segmenter). */
export interface Segmenter {
  /** Tokens with their offsets in `text`. */
  cut(text: string): { word: string; offset: number }[];
  /** True when `word` is in the segmenter's dictionary (or the user dictionary). */
  isWord(word: string): boolean;
  /** The set isWord consults (it may grow as user words are added); lets a rule index the dictionary. Optional. */
  words?(): ReadonlySet<string>;
  /** The typo lexicon (word counts in edited text, attested variants), loaded on first call; absent when not shipped. */
  lexicon?(): Lexicon | undefined;
  /** The mined formulation lexicon (src/segmenter/phrases.ts), loaded on first call; absent when not shipped. */
  minedPhrases?(): MinedPhrases | undefined;
  /** The term-slip index (src/segmenter/term-slips.ts), loaded on first call; absent when not shipped. */
  termSlips?(): TermSlips | undefined;
}

/** A frequent term written with one inner character dropped (omit: 高质发展) or typed twice (double: 现代代化). */
export interface TermSlip {
  kind: 'omit' | 'double';
  /** The written form, and the term meant. */
  key: string;
  term: string;
  /** How often the reference corpus writes the term, and the written form (anywhere). */
  count: number;
  keyCount: number;
}

export interface TermSlips {
  get(key: string): TermSlip | undefined;
  /** The keys that start at s[i], shortest first. */
  at(s: string, i: number): TermSlip[];
  /** How often edited text writes the two characters side by side, for collocated pairs no dictionary has; else 0. */
  pair(p: string): number;
}

/** A phrase of the mined formulation lexicon, with its counts in the reference corpus. */
export interface MinedPhrase {
  text: string;
  /** Occurrences, and files it occurs in. */
  count: number;
  docs: number;
  /** The one-edit variants (oneEdit) the reference corpus writes. */
  variants: string[];
  /** Open slots (s3: the character at 3, w3: the two at 3 and 4, g3: the gap before 3): the corpus writes other
   *  characters there in the same context. */
  open?: string[];
}

/** A span one edit away from a mined phrase. `from`/`to`: the changed part in the phrase; `qFrom`/`qTo`: in the
 *  written span. */
export interface MinedPhraseHit {
  phrase: MinedPhrase;
  offset: number;
  length: number;
  written: string;
  kind: 'replaced' | 'added' | 'dropped' | 'swapped';
  from: number;
  to: number;
  qFrom: number;
  qTo: number;
}

export interface MinedPhrases {
  readonly phrases: MinedPhrase[];
  get(text: string): MinedPhrase | undefined;
  near(text: string): MinedPhraseHit[];
}

/** A word a slip may be corrected to (2–4 Han characters), with its evidence. */
export interface LexiconWord {
  /** Occurrences in the reference corpus (edited news text, ≈8 M characters). */
  corpus: number;
  /** jieba's dictionary frequency (0 for 政协 terms it lacks). */
  jieba: number;
  /** True for four-character idioms (jieba POS tag i). */
  idiom: boolean;
  /** True for abbreviations (jieba POS tag j: 政协 for 人民政协, 两会 …). */
  abbreviation?: boolean;
}

/** Word statistics for typo detection (see src/segmenter/lexicon.ts). */
export interface Lexicon {
  word(w: string): LexiconWord | undefined;
  /** True for any word of the full segmenter dictionary (except its rarest entries) or the lexicon. */
  known(w: string): boolean;
  /** How often the reference corpus writes `variant` (a one-character homophone or look-alike variant of a word)
   *  as a unit, on token boundaries. */
  attested(variant: string): number;
  /** How often the reference corpus has `variant` anywhere (across word boundaries too). */
  seen(variant: string): number;
  /** For a variant the reference corpus writes only across words (never as a unit) and rarely: whether it writes the
   *  character `left` right before it or `right` right after it there (true too when it writes many different ones);
   *  undefined when the lexicon keeps no such context for it (any other variant, or a lexicon that predates this).
   *  `side` asks one side only (the other is not looked at). */
  seenBeside?(variant: string, left: string, right: string, side?: 'left' | 'right'): boolean | undefined;
  /** The characters that share a toneless reading with `ch` (any of its readings; `ch` included), per pinyin-pro. */
  homophones(ch: string): string;
  /** The characters of a near reading of `ch` (zh/z, ch/c, sh/s, n/l, in/ing, en/eng, an/ang), `ch`'s homophones excluded. */
  nearHomophones(ch: string): string;
  /** known(s.slice(a, b)) without making the string. */
  knownAt(s: string, a: number, b: number): boolean;
  /** Bit k (k = 2, 3, 4) set when knownAt(s, a, a + k): every known word starting at s[a], in one pass. */
  knownLengths(s: string, a: number): number;
  /** knownLengths, with bit 8 + k also set when that word is rare: no count of its own, or fewer than
   *  RARE_KNOWN_CORPUS uses in the reference corpus, twenty times that in jieba, and not an idiom. */
  knownRareLengths?(s: string, a: number): number;
  /** The words the lexicon can propose (2–4 characters) that equal s.slice(a, b) at every position but p and differ
   *  there (with a character code that `accept` takes): the corrections of a one-character slip at p, from an
   *  index of words by masked position. */
  corrections(s: string, a: number, b: number, p: number, accept?: (code: number) => boolean): string[];
  /** True when s.slice(a, a + 3) is what some idiom loses one inner character to become (withOneMore is not empty). */
  hasOneMoreKey(s: string, a: number): boolean;
  /** True when some word the lexicon can propose has the characters `a` and `b` side by side. */
  hasBigram(a: string, b: string): boolean;
  /** The four-character lexicon words that lose one character to become `text` (three characters). */
  withOneMore(text: string): string[];
  /** How often the reference corpus writes the two words of `pair` side by side, sharing the character where they
   *  meet (学生生活 for 学生 + 生活); 0 for pairs it never writes or when the lexicon predates this count. */
  pairSeen(pair: string): number;
  /** How often the reference corpus writes the words `a` and `b` (2–4 characters each) side by side, as the shipped
   *  segmenter cuts it: only pairs written at least PAIR_MIN times (build-typo-lexicon.ts) are kept, 0 for the others
   *  and when the lexicon predates this count. */
  pairCount?(a: string, b: string): number;
  /** Real-word slips of the word pair `a|b` (two dictionary words that edited text never writes side by side): for
   *  each, which word is the slip (0 first, 1 second), the homophone word meant, and how often edited text writes the
   *  pair with it, how often the pair written would be expected from its words' counts, and the share of the other
   *  word's pairs that the pair meant is. Empty when the lexicon predates this section. */
  /** True when the written text of a real-word pair (L + W, the pair's words run together) starts at s[a]. */
  realWordAt?(s: string, a: number): boolean;
  realWord?(pair: string): { side: number; meant: string; count: number; expected: number; share: number }[];
  /** For the two characters at s[a]: when they are a word of the dictionary that an input method offers for a much
   *  more frequent word of the same sound (typo.homophones.utf8: 自产 for 资产), those frequent words; else undefined.
   *  Absent when the file is not shipped. */
  homophoneWordsAt?(s: string, a: number): readonly string[] | undefined;
}

export interface RuleContext {
  doc: DocumentModel;
  packs: PackSet;
  config: ResolvedConfig;
  docType: DocType;
  /** The text is an excerpt or a page about a document (上接/下转, 节选/摘要, a news story): document-level
   *  structure findings (missing parts, numbering that does not start at 一) are not expected. */
  excerpt?: boolean;
  /** What kind of excerpt: marked 节选/摘要 ('excerpt'), a news story ('news'), or a newspaper page that continues
   *  from or on another page ('page': the beginning may simply be missing, so numbering is still checked). */
  excerptKind?: ExcerptKind;
  /** The document's date (config override, dateline, title, or review/plan years). */
  documentDate?: DocDate;
  /** The register the whole document is written in (see proseRegister in src/core/register.ts), set by the
   *  engine; rules call proseRegister(ctx), which falls back to working it out from ctx.doc. */
  readonly register?: 'formal' | 'informal';
  /** Rule-specific options from config (`rules[id].options`). */
  options: Record<string, unknown>;
  /** Present only for rules with meta.needsSegmenter when the segmenter is loaded. */
  segmenter?: Segmenter;
  report(finding: Finding): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

export interface RuleSetting {
  severity?: SeveritySetting;
  options?: Record<string, unknown>;
}

/** Config after defaults are applied (what rules and the engine see). */
export interface ResolvedConfig {
  rules: Record<string, RuleSetting>;
  docType: DocTypeSetting;
  /** Document date override, `YYYY` or `YYYY-MM` or `YYYY-MM-DD`. */
  documentDate?: string;
  /** Extra rule packs: paths (resolved against the config file's folder) or inline objects. */
  packs: string[];
  ignore: string[];
  /** Files above this many bytes are skipped with a message. */
  maxFileSize: number;
  /** Where the config came from (absent: defaults). */
  configPath?: string;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function defaultConfig(): ResolvedConfig {
  return { rules: {}, docType: 'auto', packs: [], ignore: [], maxFileSize: DEFAULT_MAX_FILE_SIZE };
}

/** An error with a user-facing message (config, pack, decoding). */
export class DraftLintError extends Error {
  /** `offset`: where in the file the problem is (a JSON syntax error), when known. */
  constructor(message: string, public readonly file?: string, public readonly jsonPath?: string, public readonly offset?: number) {
    super(message);
    this.name = 'DraftLintError';
  }
}
