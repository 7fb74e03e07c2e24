// The options of one lint or fix, built the same way by the CLI, the lint worker and the editor's in-process
// fallback: where the text comes from, its config and packs, the document type setting, the segmenter and (for the
// editor) the rule time budget.
import type { LintOptions, RuleBudget, SegmenterState } from '../core/engine';
import type { PackSet } from '../core/packs';
import type { DocTypeSetting, ResolvedConfig, Rule, Segmenter } from '../core/types';

/** What a lint needs to know about the text and its settings. */
export interface LintInput {
  /** File path or name (Markdown detection, messages); absent for an untitled document. */
  path?: string;
  languageId?: string;
  config: ResolvedConfig;
  packs: PackSet;
  /** `--type` (the CLI); the editor's setting is already in the config. */
  docType?: DocTypeSetting;
  /** The rules to run (default: the built-in ones, see src/lint.ts); [] runs none (outline only, type detection). */
  rules?: Rule[];
}

/** The segmenter as the caller has it: loaded, loading elsewhere (resolveSegmenter), or failed. */
export interface SegmenterFields {
  segmenter?: Segmenter;
  segmenterState?: SegmenterState;
  segmenterError?: string;
  resolveSegmenter?: LintOptions['resolveSegmenter'];
}

/** The LintOptions for one lint or fix. */
export function lintOptions(input: LintInput, seg: SegmenterFields = {}, ruleBudget?: RuleBudget): LintOptions {
  const o: LintOptions = { path: input.path, languageId: input.languageId, config: input.config, packs: input.packs, ...seg };
  if (input.docType) o.docType = input.docType;
  if (input.rules) o.rules = input.rules;
  if (ruleBudget) o.ruleBudget = ruleBudget;
  return o;
}
