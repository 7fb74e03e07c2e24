// The public entry points of the linter: the pure engine (src/core/engine.ts) with the built-in rules (src/rules)
// as the default rule list. The engine itself knows no rules; the CLI, the extension, scripts and tests call these.
//   lint('全年收到提案100件,', { config }) → diagnostics of every built-in rule enabled by `config`
import { fixAll as engineFixAll, lint as engineLint, lintInPhases as engineLintInPhases, FixAllResult, LintOptions, LintResult, PhasedLint } from './core/engine';
import type { Diagnostic, Rule } from './core/types';
import { RULES } from './rules';

export * from './core/engine';

/** Every built-in rule. */
export function allRules(): Rule[] {
  return (builtins ??= RULES.filter(Boolean));
}
let builtins: Rule[] | undefined;

/** The options with the built-in rules when no rule list is given. */
export function withDefaultRules(opts: LintOptions = {}): LintOptions & { rules: Rule[] } {
  return opts.rules ? (opts as LintOptions & { rules: Rule[] }) : { ...opts, rules: allRules() };
}

/** Lints one text (with the built-in rules unless `opts.rules` says otherwise). */
export function lint(text: string, opts: LintOptions = {}): LintResult {
  return engineLint(text, withDefaultRules(opts));
}

/** lintInPhases with the built-in rules by default. */
export function lintInPhases(text: string, opts: LintOptions = {}): PhasedLint {
  return engineLintInPhases(text, withDefaultRules(opts));
}

/** fixAll with the built-in rules by default. */
export function fixAll(text: string, opts: LintOptions = {}, filter: (d: Diagnostic) => boolean = () => true, maxPasses = 10): FixAllResult {
  return engineFixAll(text, withDefaultRules(opts), filter, maxPasses);
}
