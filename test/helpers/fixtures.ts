// markdownlint-style fixtures: drafts in test/fixtures/rules/*.md|*.txt with the expected findings written inline.
//
// Syntax (HTML comments, which the document model masks, so the markers are never linted themselves):
//   <!-- expect: RULE:COLUMN[:LENGTH] [, RULE:COLUMN[:LENGTH] …] -->   at the end of the line the findings start on
//   <!-- fixture-rules: RULE-OR-CATEGORY [, …] -->                       anywhere: the rules under test
//   <!-- fixture-options: RULE {JSON} -->                                anywhere: options for one rule
// RULE is a rule id (punctuation/empty-pair); COLUMN is the 1-based column (UTF-16 code units) of the finding's start on
// that line; LENGTH, when given, must match too. The rules under test are the ids or categories (`punctuation`,
// `numbering/*`) named in fixture-rules, or else the categories of the rules named in the expect markers.
// Every rule runs; the findings of the rules under test must be exactly the expected ones: nothing missing, nothing
// extra on any line. When NAME.fixed.EXT exists next to the fixture, fixing the fixture with the rules under test must
// give exactly that text, and the fixed text must have nothing fixable left.
import * as fs from 'fs';
import * as path from 'path';
import { lint, fixAll, allRules, LintOptions } from '../../src/lint';
import { loadSegmenter } from '../../src/segmenter';
import type { Diagnostic, Rule, Segmenter } from '../../src/core/types';
import { defaultConfig } from '../../src/core/types';

export interface FixtureExpectation {
  line: number;
  ruleId: string;
  column: number;
  length?: number;
}

export interface Fixture {
  /** File name, e.g. punctuation-seeds.txt (also the path given to the linter, for Markdown detection). */
  name: string;
  file: string;
  text: string;
  /** Rule ids and `category/*` patterns under test. */
  rules: string[];
  expectations: FixtureExpectation[];
  /** The expected text after fixing, from NAME.fixed.EXT. */
  fixed?: string;
  /** Rule options from fixture-options comments. */
  options?: Record<string, Record<string, unknown>>;
}

const EXPECT_RE = /<!--\s*expect:\s*([\s\S]*?)\s*-->/g;
const RULES_RE = /<!--\s*fixture-rules:\s*([\s\S]*?)\s*-->/;
const OPTIONS_RE = /<!--\s*fixture-options:\s*([a-z]+\/[a-z0-9-]+)\s+(\{[\s\S]*?\})\s*-->/g;

/** Reads the expectations and the rules under test from a fixture's text. */
export function parseFixture(name: string, text: string): Omit<Fixture, 'file' | 'fixed'> {
  const expectations: FixtureExpectation[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((l, i) => {
    EXPECT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = EXPECT_RE.exec(l))) {
      for (const item of m[1].split(/[\s,，]+/).filter(Boolean)) {
        const parts = /^([a-z]+\/[a-z0-9-]+):(\d+)(?::(\d+))?$/.exec(item);
        if (!parts) throw new Error(`${name}:${i + 1}: bad expect item "${item}" (want rule/id:column[:length])`);
        expectations.push({ line: i + 1, ruleId: parts[1], column: Number(parts[2]), length: parts[3] ? Number(parts[3]) : undefined });
      }
    }
  });
  const declared = RULES_RE.exec(text);
  const rules = declared
    ? declared[1]
        .split(/[\s,，]+/)
        .filter(Boolean)
        .map(r => (r.includes('/') ? r : `${r}/*`))
    : [...new Set(expectations.map(e => `${e.ruleId.split('/')[0]}/*`))];
  if (!rules.length) throw new Error(`${name}: no expect markers and no fixture-rules comment: nothing is under test`);
  const options: Record<string, Record<string, unknown>> = {};
  for (const m of text.matchAll(OPTIONS_RE)) options[m[1]] = JSON.parse(m[2]) as Record<string, unknown>;
  return { name, text, rules, expectations, options };
}

/** Loads every *.md and *.txt fixture in `dir` (NAME.fixed.EXT files are the expected fix output, not fixtures). */
export function loadFixtures(dir: string): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter(f => /\.(md|txt)$/.test(f) && !/\.fixed\.(md|txt)$/.test(f))
    .sort()
    .map(f => {
      const file = path.join(dir, f);
      const text = fs.readFileSync(file, 'utf8');
      const fixedFile = file.replace(/\.(md|txt)$/, '.fixed.$1');
      return { ...parseFixture(f, text), file, fixed: fs.existsSync(fixedFile) ? fs.readFileSync(fixedFile, 'utf8') : undefined };
    });
}

/** True when `rule` is one of the rules under test. */
export function isUnderTest(ruleId: string, patterns: string[]): boolean {
  return patterns.some(p => p === ruleId || (p.endsWith('/*') && ruleId.startsWith(p.slice(0, -1))));
}

/** Lint options running every rule (switched on, default severity) with the fixture's name as its path. */
export function fixtureOptions(f: Fixture, rules: Rule[] = allRules()): LintOptions {
  const config = defaultConfig();
  for (const r of rules)
    if (isUnderTest(r.meta.id, f.rules)) config.rules[r.meta.id] = { ...(r.meta.defaultOff ? { severity: r.meta.defaultSeverity } : {}), options: f.options?.[r.meta.id] };
  return { path: f.name, rules, config, segmenter: fixtureSegmenter() };
}

let segmenter: Segmenter | undefined;
/** The segmenter, loaded once for all fixtures (rules that need it run as they do in the CLI). */
function fixtureSegmenter(): Segmenter | undefined {
  return (segmenter ??= loadSegmenter().segmenter);
}

export interface FixtureResult {
  /** Expected findings that did not appear ("L12 rule:col"). */
  missing: string[];
  /** Findings of the rules under test that were not expected. */
  unexpected: string[];
  diagnostics: Diagnostic[];
}

const key = (line: number, ruleId: string, column: number) => `L${line} ${ruleId}:${column}`;

/** Lints a fixture and compares the findings of the rules under test with its expect markers. */
export function checkFixture(f: Fixture, rules?: Rule[]): FixtureResult {
  const r = lint(f.text, fixtureOptions(f, rules));
  const got = r.diagnostics.filter(d => isUnderTest(d.ruleId, f.rules));
  const unmatched = [...got];
  const missing: string[] = [];
  for (const e of f.expectations) {
    const k = unmatched.findIndex(d => d.line === e.line && d.ruleId === e.ruleId && d.column === e.column && (e.length === undefined || d.length === e.length));
    if (k >= 0) unmatched.splice(k, 1);
    else {
      const near = got.find(d => d.line === e.line && d.ruleId === e.ruleId && d.column === e.column);
      missing.push(key(e.line, e.ruleId, e.column) + (e.length !== undefined ? `:${e.length}` : '') + (near ? ` (found with length ${near.length})` : ''));
    }
  }
  return { missing, unexpected: unmatched.map(d => `${key(d.line, d.ruleId, d.column)}:${d.length} ${d.message}`), diagnostics: got };
}

/** Fixes a fixture with the fixable rules under test until stable. */
export function fixFixture(f: Fixture, rules?: Rule[]): { output: string; remainingFixable: Diagnostic[] } {
  const opts = fixtureOptions(f, rules);
  const r = fixAll(f.text, opts, d => isUnderTest(d.ruleId, f.rules));
  return { output: r.output, remainingFixable: r.remaining.filter(d => d.fix && isUnderTest(d.ruleId, f.rules)) };
}
