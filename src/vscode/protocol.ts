// Messages between the extension and its lint worker (lintWorker.ts).
import type { DocTypeInfo, Notice } from '../lint';
import type { Pack } from '../core/packs';
import type { LedgerEntry } from '../core/ledger';
import type { Diagnostic, DocType, ResolvedConfig } from '../core/types';

/** 0-based [start line, start character, end line, end character], from the engine's DocumentModel.position. */
export type LineRange = [number, number, number, number];

/** A finding with its range (and its related locations' ranges) already in lines and characters. */
export interface EditorDiagnostic extends Diagnostic {
  range: LineRange;
  relatedRanges?: LineRange[];
}

/** An outline entry (document symbol) with its ranges. */
export interface OutlineView {
  name: string;
  /** The template part a heading plays (工作回顾), or ''. */
  detail: string;
  kind: 'heading' | 'section';
  range: LineRange;
  selection: LineRange;
  children: OutlineView[];
}

interface Common {
  id: number;
  text: string;
  path?: string;
  languageId?: string;
  config: ResolvedConfig;
  /** 0 = the built-in packs; otherwise an id of a pack set, with `packs` the first time the worker sees it. */
  packsId: number;
  packs?: Pack[];
}

export interface LintRequest extends Common {
  type: 'lint';
  /** The document (a newer lint with the same key supersedes this one). */
  key: string;
  /**
   * Use the document's rule time budget (open documents: a rule over budget is skipped on the next runs);
   * 'reset' runs every rule again first (on save, explicit lint). Absent: no budget (workspace lint, like the CLI).
   */
  budget?: 'use' | 'reset';
  /** Two phases (a newly opened document): when the segmenter is ready, first reply 'partial' with the rules that
   *  need no segmenter, then 'lint' with all of them. */
  phases?: boolean;
  /** Also compute the figure ledger (the ledger panel shows this document). */
  ledger?: boolean;
  /** Run no rule: only the outline and folding ranges (the outline of a document linted only on save). */
  noRules?: boolean;
}

export interface FixRequest extends Common {
  type: 'fix';
  /** Only this rule's fixes (all fixable rules when absent). */
  ruleId?: string;
}

export type WorkerRequest =
  | LintRequest
  | FixRequest
  | { type: 'loadSegmenter'; id: number }
  | { type: 'forget'; id: number; key: string }
  /** Stop between two pieces of work (never inside nodejieba's native code, which would abort the host). */
  | { type: 'shutdown'; id: number };

export interface LintOutput {
  diagnostics: EditorDiagnostic[];
  notices: Notice[];
  docType: DocType;
  /** Confidence, template, signals, excerpt flag (status bar, outline). */
  docTypeInfo?: DocTypeInfo;
  timings: Record<string, number>;
  ms: number;
  /** The section tree (template sections and headings) for the outline and breadcrumbs. */
  outline: OutlineView[];
  /** Folding ranges: 0-based first and last line. */
  folding: [number, number][];
  /** Length of the first line (where the outline shows the detected document type). */
  firstLineLength: number;
  /** The figure ledger, when asked for. */
  ledger?: LedgerEntry[];
}

export type WorkerReply =
  | ({ type: 'lint'; id: number } & LintOutput)
  /** The first phase of a two-phase lint (LintRequest.phases); the 'lint' reply with the same id follows. */
  | ({ type: 'partial'; id: number } & LintOutput)
  | { type: 'fix'; id: number; output: string; fixed: number }
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'segmenter'; state: 'ready' | 'failed'; error?: string; loadMs: number; nativeModule?: string; engine?: 'nodejieba' | 'jieba-wasm'; fallbackReason?: string };
