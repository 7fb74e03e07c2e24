// Property test over thousands of generated inputs (seeded, reproducible): random edits of the seed documents
// (control characters, lone surrogates, unbalanced brackets, very long lines, huge numbers, CRLF/LF/CR mixes,
// empty and punctuation-only files). For every input and every rule switched on:
//   no exception and no rule-error notice; every range (finding, fix, related) inside the document with
//   consistent line/column; every fix applies alone, is not a no-op, touches its finding and splits no
//   surrogate pair or CRLF; fixing until stable (bounded passes) leaves nothing fixable.
// FUZZ_N (default 2000) and FUZZ_SEED (default 20261123) reproduce a run; a failure prints its seed and case.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { lint, applyFixes, fixAll, allRules, LintOptions } from '../../src/lint';
import { defaultConfig, Diagnostic, Fix, ResolvedConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';
import { prng } from '../helpers/prng';


const SEED_DIR = path.join(__dirname, '../../../test/fixtures/seeds');
export function readSeeds(): string[] {
  return fs
    .readdirSync(SEED_DIR)
    .filter(f => f.endsWith('.txt'))
    .sort()
    .map(f => fs.readFileSync(path.join(SEED_DIR, f), 'utf8'));
}

const CONTROLS = ['\u0000', '\u0001', '\u0007', '\b', '\t', '\u000b', '\f', '\u001b', '\u007f', '\u0085', '\u200b', '\u200d', '\u2028', '\u2029', '\ufeff', '\ufffd', '\u3000', '\u00a0'];
const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '😀', '𠀀'];
const BRACKETS = ['“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '〈', '〉', '【', '】', '[', ']', '{', '}', '「', '」', '『', '』', '〔', '〕', '"', "'", '<!--', '-->', '```'];
const NUMBERS = [
  '10^30', '1000000000000000000000000000000', '1e308', '九千九百九十九亿', '九千九百九十九万亿', '一千零一', '〇', '零点零零一',
  '-0', '0.000000001%', '百分之一千', '99999999999999999999万', '１２３４５', '3.', '.5', '1,234,567', '12,34', '第九千九百九十九',
  '二〇二〇年十三月四十日', '2020年2月30日', '１０％', '50%以上', '增长-3%', '约1.5亿元', '3—5年', '1/3', '三分之', '（九十九）', '⑳', '㉑',
];
const PUNCT = '，。、；：？！“”‘’（）《》【】—…·,.;:?!()[]-_/\\|@#%&*~^`';
const MARKERS = ['一、', '（一）', '(二)', '第一，', '1.', '１．', '（1）', '①', '# ', '## ', '- ', '> ', '<!-- draft-lint-disable -->', '<!-- draft-lint-enable -->', '<!-- draft-lint-disable-next-line -->', '<!-- draft-lint-type: proposal -->', '<!--', '```\n'];
const EOLS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n'];

type Rand = () => number;
const pick = <T>(r: Rand, a: T[]): T => a[Math.floor(r() * a.length)];
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

function insertAt(s: string, at: number, ins: string): string {
  return s.slice(0, at) + ins + s.slice(at);
}

/** One random edit. */
function mutate(r: Rand, s: string): string {
  const at = int(r, 0, s.length);
  switch (int(r, 0, 11)) {
    case 0:
      return insertAt(s, at, pick(r, CONTROLS));
    case 1:
      return insertAt(s, at, pick(r, SURROGATES));
    case 2:
      return insertAt(s, at, pick(r, BRACKETS));
    case 3: {
      // delete a bracket or quote
      const idx = s.search(/[“”（）《》【】()]/);
      return idx < 0 ? s : s.slice(0, idx) + s.slice(idx + 1);
    }
    case 4:
      return insertAt(s, at, pick(r, NUMBERS));
    case 5:
      return insertAt(s, at, pick(r, MARKERS));
    case 6:
      return insertAt(s, at, pick(r, EOLS));
    case 7: {
      // delete a span (may cut a surrogate pair or CRLF in half)
      const len = int(r, 1, 40);
      return s.slice(0, at) + s.slice(at + len);
    }
    case 8: {
      // duplicate a span
      const len = int(r, 1, 80);
      return insertAt(s, at, s.slice(at, at + len));
    }
    case 9:
      return insertAt(s, at, PUNCT[int(r, 0, PUNCT.length - 1)].repeat(int(r, 1, 6)));
    case 10:
      return s.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r']));
    default:
      return insertAt(s, at, ' '.repeat(int(r, 1, 4)));
  }
}

/** A generated input, with a short label for failure messages. */
function generate(r: Rand, seeds: string[], k: number): { label: string; text: string } {
  // Each special input once, then mostly seed windows with random edits (6% special inputs).
  const kind = k < 12 ? k : r() < 0.06 ? int(r, 0, 11) : 12;
  switch (kind) {
    case 0:
      return { label: 'empty', text: '' };
    case 1:
      return { label: 'only whitespace/eols', text: ' \n\r\n\t\u3000\n\n' };
    case 2:
      return { label: 'only punctuation', text: Array.from({ length: 400 }, () => PUNCT[int(r, 0, PUNCT.length - 1)]).join('') };
    case 3:
      return { label: 'only brackets', text: Array.from({ length: 300 }, () => pick(r, BRACKETS)).join('') };
    case 4:
      return { label: 'only numbers', text: Array.from({ length: 80 }, () => pick(r, NUMBERS)).join(pick(r, ['', '，', '、', '\n'])) };
    case 5:
      return { label: 'lone surrogates', text: Array.from({ length: 200 }, () => pick(r, [...SURROGATES, '政'])).join('') };
    case 6: {
      const s = pick(r, seeds);
      return { label: 'very long line', text: s.replace(/[\r\n]+/g, '').slice(0, 20000) };
    }
    case 7:
      return { label: 'one char', text: pick(r, ['一', '、', '“', '\ud800', '\r', '#', '。']) };
    case 8:
      return { label: 'long run of one mark', text: '。'.repeat(5000) + '“'.repeat(3000) + '（'.repeat(2000) };
    case 9:
      return { label: 'headings only', text: Array.from({ length: 60 }, (_, i) => pick(r, MARKERS) + '标题' + i).join('\n') };
    case 10: {
      const s = pick(r, seeds);
      return { label: 'mixed eols (whole seed)', text: s.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r'])) };
    }
    case 11:
      return { label: 'control chars everywhere', text: pick(r, seeds).slice(0, 3000).replace(/。/g, () => pick(r, CONTROLS)) };
    default: {
      // A window of a seed with a few random edits (mostly short, so thousands run fast).
      const s = pick(r, seeds);
      const len = r() < 0.03 ? int(r, 2000, 8000) : int(r, 10, 400);
      const start = int(r, 0, Math.max(0, s.length - len));
      let t = s.slice(start, start + len);
      const edits = int(r, 1, 8);
      for (let e = 0; e < edits; e++) t = mutate(r, t);
      return { label: `seed window ${start}+${len}, ${edits} edits`, text: t };
    }
  }
}

/** Config with every rule on (including house-style rules that are off by default). */
function everyRuleOn(): ResolvedConfig {
  const cfg = defaultConfig();
  for (const rule of allRules()) cfg.rules[rule.meta.id] = { severity: rule.meta.defaultSeverity };
  return cfg;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** True when a boundary at `i` falls inside a surrogate pair or a CRLF. */
function splitsPair(text: string, i: number): boolean {
  if (i <= 0 || i >= text.length) return false;
  const a = text.charCodeAt(i - 1);
  const b = text.charCodeAt(i);
  return (isHigh(a) && isLow(b)) || (a === 13 && b === 10);
}

/** A failed property: `key` groups the same problem across inputs (rule id + property). */
export interface Problem {
  key: string;
  detail: string;
}

const show = (t: string) => JSON.stringify(t.length > 40 ? t.slice(0, 40) + '…' : t);

/** Checks every property for one input; returns the problems found (empty when all hold). */
export function checkInput(text: string, opts: LintOptions): { problems: Problem[]; findings: number } {
  const problems: Problem[] = [];
  const fail = (ruleId: string, property: string, detail: string) => problems.push({ key: `${ruleId}: ${property}`, detail });
  let r;
  try {
    r = lint(text, opts);
  } catch (e) {
    fail('engine', 'lint threw', String((e as Error).stack ?? e));
    return { problems, findings: 0 };
  }
  for (const n of r.notices.filter(x => x.kind === 'rule-error')) fail(n.ruleIds.join(','), 'rule threw', n.message);
  const inside = (o: number, l: number) => Number.isInteger(o) && Number.isInteger(l) && o >= 0 && l >= 0 && o + l <= text.length;
  for (const d of r.diagnostics) {
    const where = `at ${d.offset}+${d.length} ${show(text.slice(d.offset, d.offset + d.length))}`;
    if (!inside(d.offset, d.length)) fail(d.ruleId, 'range outside the document', where);
    const p = r.doc.position(d.offset);
    const e = r.doc.position(d.offset + d.length);
    if (String([d.line, d.column, d.endLine, d.endColumn]) !== String([p.line, p.column, e.line, e.column]) || d.line < 1 || d.column < 1)
      fail(d.ruleId, 'line/column inconsistent', where);
    if (typeof d.message !== 'string' || !d.message) fail(d.ruleId, 'empty message', where);
    for (const rel of d.related ?? []) if (!inside(rel.offset, rel.length)) fail(d.ruleId, 'related range outside the document', where);
    const fixes: Fix[] = [...(d.fix ? [d.fix] : []), ...(d.suggestions ?? [])];
    for (const f of fixes) checkFix(text, d, f, where, fail);
  }
  // Fix everything until stable (bounded): the passes must converge and leave nothing fixable.
  if (r.diagnostics.some(d => d.fix)) {
    try {
      const fixed = fixAll(text, opts, () => true, 10);
      for (const d of fixed.remaining.filter(x => x.fix))
        fail(d.ruleId, 'still fixable after fixing until stable', `after ${fixed.passes} passes: ${d.offset}+${d.length} ${show(fixed.output.slice(d.offset, d.offset + d.length))} → ${show(d.fix!.text)} (${d.message.slice(0, 80)})`);
      const again = lint(fixed.output, opts);
      for (const n of again.notices.filter(x => x.kind === 'rule-error')) fail(n.ruleIds.join(','), 'rule threw on fixed text', n.message);
    } catch (e) {
      fail('engine', 'fixAll threw', String((e as Error).stack ?? e));
    }
  }
  return { problems, findings: r.diagnostics.length };
}

function checkFix(text: string, d: Diagnostic, f: Fix, where: string, fail: (id: string, prop: string, detail: string) => void): void {
  if (!(Number.isInteger(f.offset) && Number.isInteger(f.length) && f.offset >= 0 && f.length >= 0 && f.offset + f.length <= text.length)) {
    fail(d.ruleId, 'fix range outside the document', `${where} fix ${f.offset}+${f.length}`);
    return;
  }
  if (typeof f.text !== 'string') return fail(d.ruleId, 'fix text not a string', where);
  if (text.slice(f.offset, f.offset + f.length) === f.text) fail(d.ruleId, 'no-op fix', where);
  // The fix edits the place it reports (touching the finding's range), not somewhere else.
  if (!(f.offset <= d.offset + d.length && f.offset + f.length >= d.offset)) fail(d.ruleId, 'fix away from its finding', `${where} fix ${f.offset}+${f.length}`);
  if (splitsPair(text, f.offset) || splitsPair(text, f.offset + f.length)) fail(d.ruleId, 'fix splits a surrogate pair or CRLF', `${where} fix ${f.offset}+${f.length}`);
  const applied = applyFixes(text, [f]);
  if (applied.applied.length !== 1) fail(d.ruleId, 'fix does not apply', where);
  else if (applied.output.slice(0, f.offset) !== text.slice(0, f.offset) || applied.output.slice(f.offset + f.text.length) !== text.slice(f.offset + f.length))
    fail(d.ruleId, 'fix changes text outside its range', where);
}

/** Groups problems by key with a count and the first example (input label and detail). */
export function summarize(all: { label: string; problem: Problem }[]): string {
  const groups = new Map<string, { n: number; first: string }>();
  for (const { label, problem } of all) {
    const g = groups.get(problem.key);
    if (g) g.n++;
    else groups.set(problem.key, { n: 1, first: `${label}: ${problem.detail}` });
  }
  return [...groups.entries()].map(([k, g]) => `  ${k} ×${g.n}\n      e.g. ${g.first}`).join('\n');
}

describe('fuzz: every rule over generated inputs', function () {
  this.timeout(240000);
  const N = Number(process.env.FUZZ_N ?? 2000);
  const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
  const seeds = readSeeds();
  const seg = loadSegmenter();
  const opts: LintOptions = {
    config: everyRuleOn(),
    segmenter: seg.segmenter,
    segmenterState: seg.segmenter ? 'ready' : 'unavailable',
    // Do not let the budget notices of a slow CI machine count as failures here.
    ruleBudgetMs: 60000,
  };

  it(`the seeds themselves, whole (${seeds.length})`, () => {
    const all: { label: string; problem: Problem }[] = [];
    seeds.forEach((s, i) => {
      for (const problem of checkInput(s, opts).problems) all.push({ label: `seed ${i}`, problem });
    });
    assert.ok(all.length === 0, `properties violated:\n${summarize(all)}`);
  });

  it(`${N} generated inputs (FUZZ_SEED=${SEED})`, () => {
    const r = prng(SEED);
    let findings = 0;
    const all: { label: string; problem: Problem }[] = [];
    for (let k = 0; k < N; k++) {
      const { label: kindLabel, text } = generate(r, seeds, k);
      // Vary the file type (Markdown masks its markup) and the document type (rules limited to a type).
      const md = r() < 0.3;
      const docType = pick(r, ['auto', 'auto', 'report', 'proposal', 'plan', 'sqmy', 'other'] as const);
      const label = `${kindLabel}${md ? ', .md' : ''}${docType !== 'auto' ? `, --type ${docType}` : ''}`;
      const caseOpts: LintOptions = { ...opts, path: md ? 'fuzz.md' : 'fuzz.txt', docType };
      const res = checkInput(text, caseOpts);
      findings += res.findings;
      if (k % 10 === 0) {
        // Deterministic: the same input gives the same findings.
        const a = lint(text, caseOpts).diagnostics.map(d => `${d.ruleId}@${d.offset}+${d.length}:${d.message}`);
        const b = lint(text, caseOpts).diagnostics.map(d => `${d.ruleId}@${d.offset}+${d.length}:${d.message}`);
        if (JSON.stringify(a) !== JSON.stringify(b)) res.problems.push({ key: 'engine: same input, different findings', detail: `${a.length} vs ${b.length}` });
        // A disable-file comment silences every rule.
        const off = lint('<!-- draft-lint-disable-file -->\n' + text, caseOpts).diagnostics;
        for (const d of off) res.problems.push({ key: `${d.ruleId}: reported despite draft-lint-disable-file`, detail: `${d.offset}+${d.length} ${d.message.slice(0, 60)}` });
      }
      if (res.problems.length) {
        const file = path.join(os.tmpdir(), `draft-lint-fuzz-${SEED}-${k}.txt`);
        fs.writeFileSync(file, text);
        for (const problem of res.problems) all.push({ label: `case ${k} (${label}; saved to ${file})`, problem });
      }
    }
    assert.ok(all.length === 0, `properties violated (FUZZ_SEED=${SEED}, FUZZ_N=${N}):\n${summarize(all)}`);
    assert.ok(findings > 0, 'the generated inputs should produce findings at all');
  });
});
