// Report formats: stylish (people), json (scripts; the shape is documented in docs/cli.md), sarif (code-scanning tools).
import { displayWidth } from '../core/document';
import { createHash } from 'crypto';
import type { Diagnostic, DocType, Fix, Rule, Severity } from '../core/types';
import type { DocTypeInfo, Notice } from '../lint';
import { typeInfoJson } from './print-type';
import { displaySubject, LEDGER_KIND_LABEL, type LedgerEntry } from '../core/ledger';
import type { ReviewData } from './review';

/** A diagnostic as reported (its related locations carry line and column, filled in by the engine). */
export type OutDiagnostic = Diagnostic;

export interface FileResult {
  /** Path as shown (relative to the working directory when inside it, forward slashes). */
  path: string;
  docType?: DocType;
  /** Type detection: confidence, template, signals, excerpt (JSON and --print-type). */
  typeInfo?: DocTypeInfo;
  /** e.g. `UTF-8`, `GB18030`, `UTF-8 (BOM)`. */
  encoding?: string;
  diagnostics: OutDiagnostic[];
  /** The file could not be read or decoded (no diagnostics then). */
  error?: string;
  /** The file was not linted (too large, ignored); not an error. */
  skipped?: string;
  /** Fixes applied (--fix) or that would be applied (--fix-dry-run). */
  fixed?: number;
  /** The text after fixing (--fix-dry-run in JSON). */
  output?: string;
  /** A --fix that could not be written back. */
  fixError?: string;
  figures?: LedgerEntry[];
  /** The text (and Word reading) kept for --annotate and --format html; never printed. */
  review?: ReviewData;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  files: number;
  fileErrors: number;
}

export function summarize(results: FileResult[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, fixable: 0, files: results.length, fileErrors: 0 };
  for (const r of results) {
    if (r.error) s.fileErrors++;
    for (const d of r.diagnostics) {
      if (d.severity === 'error') s.errors++;
      else if (d.severity === 'warning') s.warnings++;
      else s.infos++;
      if (d.fix) s.fixable++;
    }
  }
  return s;
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

/** ANSI colours, or identity functions when colour is off. */
export function makePaint(on: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), cyan: wrap(36, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}

/** Display width in a terminal (CJK and full-width forms count two): the document model's measure. */
export { displayWidth };

function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** The severity as a Chinese writer reads it (every word two characters wide, so columns line up). */
export const SEVERITY_WORD: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Human-readable report grouped by file: `line:col  severity  message  rule-id`, then a summary line. */
export function formatStylish(results: FileResult[], paint: Paint, fixMode?: 'fix' | 'dry-run', ruleErrors: string[] = []): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(paint.underline(r.path));
      out.push(`  ${paint.red('错误')}  ${r.error}`);
      out.push('');
      continue;
    }
    if (r.skipped) {
      out.push(paint.underline(r.path));
      out.push(`  ${paint.dim('跳过')}  ${r.skipped}`);
      out.push('');
      continue;
    }
    if (!r.diagnostics.length && !r.fixError) continue;
    out.push(paint.underline(r.path));
    if (r.fixError) out.push(`  ${paint.red('错误')}  ${r.fixError}`);
    const pos = r.diagnostics.map(d => `${d.line}:${d.column}`);
    // A loop, not Math.max(...): a spread of 280,000 arguments overflows the stack.
    let posWidth = 0;
    for (const p of pos) if (p.length > posWidth) posWidth = p.length;
    r.diagnostics.forEach((d, i) => {
      const word = SEVERITY_WORD[d.severity];
      const sev = d.severity === 'error' ? paint.red(word) : d.severity === 'warning' ? paint.yellow(word) : paint.cyan(word);
      const fixMark = d.fix ? paint.green('[可修复] ') : '';
      out.push(`  ${paint.dim(padEnd(pos[i], posWidth))}  ${sev}  ${fixMark}${d.message}  ${paint.dim(d.ruleId)}`);
    });
    out.push('');
  }
  const s = summarize(results);
  const problems = s.errors + s.warnings + s.infos;
  if (fixMode) {
    const fixedFiles = results.filter(r => r.fixed);
    const n = fixedFiles.reduce((a, r) => a + (r.fixed ?? 0), 0);
    if (n) out.push(paint.green(fixMode === 'fix' ? `✔ 已修复 ${n} 处（${fixedFiles.length} 个文件）${problems ? '；上面列出的是修复后仍存在的问题' : ''}` : `--fix-dry-run：将修复 ${n} 处（${fixedFiles.length} 个文件），未写入文件`));
    else out.push(paint.dim('没有可自动修复的问题'));
  }
  if (problems) {
    const line = `✖ ${problems} 个问题（${s.errors} 个错误，${s.warnings} 个警告，${s.infos} 个提示）`;
    out.push(s.errors ? paint.red(paint.bold(line)) : paint.yellow(paint.bold(line)));
    if (s.fixable) out.push(paint.dim(`  其中 ${s.fixable} 个可用 --fix 自动修复`));
  } else if (!s.fileErrors && !ruleErrors.length) {
    const linted = results.filter(r => !r.skipped).length;
    out.push(paint.green(`✔ 没有发现问题（检查了 ${linted} 个文件）`));
  }
  if (s.fileErrors) out.push(paint.red(`✖ ${s.fileErrors} 个文件无法读取或找不到，未检查`));
  // A rule that threw did not check anything: the result is incomplete, never “no problems”.
  for (const m of ruleErrors) out.push(paint.red(`✖ ${m}；检查结果不完整`));
  return out.join('\n') + '\n';
}

function fixOut(f: Fix): Fix {
  return { offset: f.offset, length: f.length, text: f.text };
}

/** One diagnostic in the JSON shape (stable key order). */
export function diagnosticJson(d: OutDiagnostic): Record<string, unknown> {
  const o: Record<string, unknown> = {
    ruleId: d.ruleId,
    category: d.category,
    severity: d.severity,
    message: d.message,
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    offset: d.offset,
    length: d.length,
  };
  if (d.fix) o.fix = fixOut(d.fix);
  if (d.suggestions?.length) o.suggestions = d.suggestions.map(fixOut);
  if (d.expected !== undefined) o.expected = d.expected;
  if (d.source !== undefined) o.source = d.source;
  if (d.related?.length) o.related = d.related;
  return o;
}

/** `{"version": 1, "files": [...], "notices": [...]}`. */
export function formatJson(results: FileResult[], notices: Notice[]): string {
  const files = results.map(r => {
    const o: Record<string, unknown> = { path: r.path };
    if (r.error !== undefined) {
      o.error = r.error;
      return o;
    }
    if (r.skipped !== undefined) {
      o.skipped = r.skipped;
      o.diagnostics = [];
      return o;
    }
    o.docType = r.docType ?? 'unknown';
    if (r.typeInfo) Object.assign(o, typeInfoJson(r.typeInfo), { docType: o.docType });
    if (r.encoding) o.encoding = r.encoding;
    o.diagnostics = r.diagnostics.map(diagnosticJson);
    const s = summarize([r]);
    o.errorCount = s.errors;
    o.warningCount = s.warnings;
    o.infoCount = s.infos;
    o.fixableCount = s.fixable;
    if (r.fixed !== undefined) o.fixed = r.fixed;
    if (r.output !== undefined) o.output = r.output;
    if (r.fixError !== undefined) o.fixError = r.fixError;
    return o;
  });
  return JSON.stringify({ version: 1, files, notices: notices.map(n => ({ kind: n.kind, message: n.message, ruleIds: n.ruleIds })) }, null, 2) + '\n';
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note' };

/** Percent-encodes a relative path for a SARIF URI. */
function uriOf(p: string): string {
  return p
    .split('/')
    .map(seg => encodeURIComponent(seg))
    .join('/');
}

/** SARIF 2.1.0 log: one run, the rules' metadata, results with regions (UTF-16 columns) and fixes. */
export function formatSarif(results: FileResult[], notices: Notice[], rules: Rule[], version: string, cwd: string): string {
  const ruleIndex = new Map<string, number>();
  rules.forEach((r, i) => ruleIndex.set(r.meta.id, i));
  const artifacts: Record<string, unknown>[] = [];
  const sarifResults: Record<string, unknown>[] = [];
  const notifications: Record<string, unknown>[] = [];
  const seenKeys = new Map<string, number>();
  const isAbs = (p: string) => /^([A-Za-z]:)?\//.test(p);
  const location = (p: string) => (isAbs(p) ? { uri: 'file://' + (p.startsWith('/') ? '' : '/') + uriOf(p) } : { uri: uriOf(p), uriBaseId: '%SRCROOT%' });
  for (const r of results) {
    const artifactIndex = artifacts.length;
    const artifact: Record<string, unknown> = { location: location(r.path) };
    if (r.encoding) artifact.encoding = r.encoding.replace(/ \(BOM\)$/, '');
    artifacts.push(artifact);
    if (r.error || r.skipped || r.fixError) {
      notifications.push({
        level: r.skipped ? 'note' : 'error',
        message: { text: r.error ?? r.skipped ?? r.fixError },
        locations: [{ physicalLocation: { artifactLocation: { ...location(r.path), index: artifactIndex } } }],
      });
    }
    for (const d of r.diagnostics) {
      const artifactLocation = { ...location(r.path), index: artifactIndex };
      const region = { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn, charOffset: d.offset, charLength: d.length };
      const res: Record<string, unknown> = {
        ruleId: d.ruleId,
        level: SARIF_LEVEL[d.severity],
        message: { text: d.message },
        locations: [{ physicalLocation: { artifactLocation, region } }],
      };
      const idx = ruleIndex.get(d.ruleId);
      if (idx !== undefined) res.ruleIndex = idx;
      if (d.related?.length)
        res.relatedLocations = d.related.map((rel, k) => ({
          id: k,
          message: { text: rel.message },
          physicalLocation: { artifactLocation, region: { startLine: rel.line!, startColumn: rel.column!, charOffset: rel.offset, charLength: rel.length } },
        }));
      const fixes = [d.fix, ...(d.suggestions ?? []).filter(s => s !== d.fix)].filter((f): f is Fix => !!f);
      if (fixes.length)
        res.fixes = fixes.map(f => ({
          description: { text: f.text ? `改为“${f.text}”` : '删除' },
          artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: f.offset, charLength: f.length }, insertedContent: { text: f.text } }] }],
        }));
      if (d.expected !== undefined || d.source !== undefined) res.properties = { ...(d.expected !== undefined ? { expected: d.expected } : {}), ...(d.source !== undefined ? { source: d.source } : {}) };
      // A fingerprint that survives edits elsewhere in the file: rule, message (which quotes the text) and occurrence.
      const key = `${r.path}\0${d.ruleId}\0${d.message}`;
      const nth = (seenKeys.get(key) ?? 0) + 1;
      seenKeys.set(key, nth);
      res.partialFingerprints = { 'draftLint/v1': createHash('sha256').update(`${key}\0${nth}`).digest('hex').slice(0, 32) };
      sarifResults.push(res);
    }
  }
  for (const n of notices) notifications.push({ level: n.kind === 'rule-error' ? 'error' : n.kind === 'rule-slow' ? 'note' : 'warning', message: { text: n.message } });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'draft-lint',
            fullName: 'draft-lint 政协文稿审校',
            version,
            semanticVersion: version,
            rules: rules.map(r => ({
              id: r.meta.id,
              name: r.meta.id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.docs },
              help: { text: r.meta.docs + (r.meta.examples?.length ? '\n\n' + r.meta.examples.map(e => `✗ ${e.bad}${e.good ? `\n✓ ${e.good}` : ''}`).join('\n') : '') },
              defaultConfiguration: { level: SARIF_LEVEL[r.meta.defaultSeverity], enabled: !r.meta.defaultOff },
              properties: { category: r.meta.category, fixable: r.meta.fixable, tags: [r.meta.category] },
            })),
          },
        },
        invocations: [{ executionSuccessful: !results.some(r => r.error) && !notices.some(n => n.kind === 'rule-error'), toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + (cwd.startsWith('/') ? '' : '/') + uriOf(cwd.replace(/\\/g, '/')).replace(/\/?$/, '/') } },
        artifacts,
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** The figure ledger of each file as a readable table. */
export function formatFiguresTable(results: FileResult[], paint: Paint): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(paint.underline(r.path));
    if (r.error || r.skipped) {
      out.push(`  ${r.error ? paint.red('错误') : paint.dim('跳过')}  ${r.error ?? r.skipped}`, '');
      continue;
    }
    const rows = (r.figures ?? []).map(e => [
      `${e.line}:${e.column}`,
      e.raw,
      String(e.value),
      e.unit ?? '',
      LEDGER_KIND_LABEL[e.kind] ?? e.kind,
      e.qualifiers.join('、'),
      e.year !== undefined ? String(e.year) : '',
      displaySubject(e.subject),
    ]);
    if (!rows.length) {
      out.push(paint.dim('  （没有找到数字）'), '');
      continue;
    }
    const header = ['位置', '原文', '数值', '单位', '类型', '限定', '年份', '主体'];
    const widths = header.map((h, i) => rows.reduce((w, row) => Math.max(w, displayWidth(row[i])), displayWidth(h)));
    const fmt = (row: string[]) => '  ' + row.map((c, i) => (i === row.length - 1 ? c : padEnd(c, widths[i]))).join('  ');
    out.push(paint.bold(fmt(header)));
    for (const row of rows) out.push(fmt(row));
    out.push(paint.dim(`  共 ${rows.length} 个数字`), '');
  }
  return out.join('\n') + '\n';
}

/** `{"version": 1, "files": [{"path", "figures": [...]}]}`. */
export function formatFiguresJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: results.map(r => (r.error ? { path: r.path, error: r.error } : r.skipped ? { path: r.path, skipped: r.skipped, figures: [] } : { path: r.path, figures: r.figures ?? [] })),
      },
      null,
      2,
    ) + '\n'
  );
}
