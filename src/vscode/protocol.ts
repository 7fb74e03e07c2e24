// Messages between the extension and its lint worker (lintWorker.ts).
import type { DocTypeInfo, Notice } from '../lint';
import type { Pack } from '../core/packs';
import type { Diagnostic, DocType, ResolvedConfig } from '../core/types';

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
  diagnostics: Diagnostic[];
  notices: Notice[];
  docType: DocType;
  /** Confidence, template, signals, excerpt flag (status bar, outline). */
  docTypeInfo?: DocTypeInfo;
  timings: Record<string, number>;
  ms: number;
}

export type WorkerReply =
  | ({ type: 'lint'; id: number } & LintOutput)
  | { type: 'fix'; id: number; output: string; fixed: number }
  | { type: 'superseded'; id: number }
  | { type: 'error'; id: number; message: string }
  | { type: 'segmenter'; state: 'ready' | 'failed'; error?: string; loadMs: number; nativeModule?: string; engine?: 'nodejieba' | 'jieba-wasm'; fallbackReason?: string };
