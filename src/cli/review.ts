// The reviewer's outputs of the CLI: reading Word drafts (.docx), writing their annotated copies (--annotate) and
// the HTML review report (--format html). Kept apart from main.ts, which only calls in here.
import { promises as fsp } from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { decodeText, DecodedText, encodingLabel } from '../host/encoding';
import type { PackSet } from '../core/packs';
import type { FileResult } from './formatters';
import type { DocxText } from '../docx/reader';
import type { AnnotateMode } from '../docx/annotate';

/** What a file reads as: its text, and for a Word document the reading with positions in its XML. */
export interface DraftSource {
  text: string;
  encoding: string;
  /** A text file's decoding (for writing fixes back in its encoding). */
  decoded?: DecodedText;
  docx?: DocxText;
}

/** Kept on a FileResult for the report and the annotated copy. */
export interface ReviewData {
  file: string;
  text: string;
  docx?: DocxText;
  packs: PackSet;
  annotated?: string;
}

/** Word documents are read up to this size (the text inside is then held to maxFileSize). */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;

export function isDocx(file: string): boolean {
  return /\.(docx|docm)$/i.test(file);
}

/** Legacy binary Word / WPS documents: not read, the message says how to save them as .docx. (The docx modules
 *  load only when a Word file is met, so a run over text drafts does not pay for them.) */
export function isBinaryWord(file: string): boolean {
  return /\.(doc|dot|wps|wpt)$/i.test(file);
}

export function binaryWordMessage(shown: string): string {
  return (require('../docx/package') as typeof import('../docx/package')).binaryWordMessage(shown);
}

/** Reads a draft's bytes: a .docx by its XML, anything else as text (decodeText). Throws DraftLintError. */
export function readDraft(bytes: Uint8Array, file: string, shown: string, notes = false): DraftSource {
  if (isDocx(file)) {
    const { readDocx } = require('../docx/reader') as typeof import('../docx/reader');
    const docx = readDocx(bytes, shown, { notes });
    return { text: docx.text, encoding: 'Word (.docx)', docx };
  }
  const decoded = decodeText(bytes, shown);
  return { text: decoded.text, encoding: encodingLabel(decoded), decoded };
}

/** The deepest folder holding every file. */
export function commonDir(files: string[]): string {
  if (!files.length) return '';
  const inside = (f: string, dir: string) => {
    const rel = path.relative(dir, f);
    return !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  let dir = path.dirname(files[0]);
  for (const f of files) {
    while (!inside(f, dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  }
  return dir;
}

/** Writes the annotated copy of each Word document into `outDir` (same names, folders below the inputs' common
 *  folder kept); returns the lines to show. The original is never written. */
export async function writeAnnotatedCopies(results: FileResult[], outDir: string, mode: AnnotateMode, cwd: string, date?: string): Promise<{ lines: string[]; failed: boolean }> {
  const { annotateDocx } = require('../docx/annotate') as typeof import('../docx/annotate');
  const lines: string[] = [];
  let failed = false;
  const docs = results.filter(r => r.review?.docx && !r.error && !r.skipped);
  const base = commonDir(results.filter(r => r.review).map(r => r.review!.file));
  for (const r of docs) {
    const rv = r.review!;
    const target = path.join(outDir, path.relative(base, rv.file));
    if (path.resolve(target) === path.resolve(rv.file)) {
      lines.push(`draft-lint: 不写入 ${r.path} 的批注副本：--annotate 的目录就是原文所在目录，会覆盖原文；请换一个目录`);
      failed = true;
      continue;
    }
    try {
      const out = annotateDocx(rv.docx!, r.diagnostics, { mode, date, ruleTitle });
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.writeFile(target, out.bytes);
      rv.annotated = target;
      lines.push(`draft-lint: 已写入批注副本 ${toShown(target, cwd)}（批注 ${out.comments} 条${out.revisions ? `，修订 ${out.revisions} 处` : ''}）`);
    } catch (e) {
      lines.push(`draft-lint: 无法写入 ${r.path} 的批注副本：${(e as Error).message}`);
      failed = true;
    }
  }
  const others = results.filter(r => !r.review?.docx && !r.error && !r.skipped);
  if (others.length) lines.push(`draft-lint: --annotate 只为 Word（.docx）文稿写批注副本；${others.length} 个文本文件未写副本`);
  return { lines, failed };
}

function toShown(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p).split(path.sep).join('/');
}

/** A rule's one-line description (for the comments of the annotated copy). */
function ruleTitle(ruleId: string): string | undefined {
  const { allRules } = require('../lint') as typeof import('../lint');
  return allRules().find(r => r.meta.id === ruleId)?.meta.description;
}

/** The link of a rule's page in this installation (docs/rules/<category>/<name>.md). */
function ruleHref(ruleId: string): string {
  for (const rel of ['../../../docs/rules', '../../docs/rules']) {
    const dir = path.join(__dirname, rel);
    if (require('fs').existsSync(dir)) return pathToFileURL(path.join(dir, ...ruleId.split('/'))).href + '.md';
  }
  return `docs/rules/${ruleId}.md`;
}

/** The report data of each result (errors and skipped files as such). */
function reportDocs(results: FileResult[], cwd: string) {
  const { reportDocument, unreadDocument } = require('../report/data') as typeof import('../report/data');
  return results.map(r => {
    if (r.error || r.skipped || !r.review) return unreadDocument(r.path, r.error ? { error: r.error } : { skipped: r.skipped ?? '未检查' });
    return reportDocument({ path: r.path, text: r.review.text, diagnostics: r.diagnostics, docType: r.docType ?? 'unknown', packs: r.review.packs, annotated: r.review.annotated ? toShown(r.review.annotated, cwd) : undefined });
  });
}

/** The HTML report of all results in one file. */
export function htmlReport(results: FileResult[], version: string, cwd: string): string {
  const { renderHtml } = require('../report/html') as typeof import('../report/html');
  return renderHtml(reportDocs(results, cwd), { ruleHref, version, generated: new Date().toLocaleString('zh-CN', { hour12: false }) });
}

/** True when `-o` names a folder: one report per document goes there (plus index.html). */
export async function isReportDir(raw: string, resolved: string): Promise<boolean> {
  if (/[\\/]$/.test(raw)) return true;
  try {
    return (await fsp.stat(resolved)).isDirectory();
  } catch {
    return false;
  }
}

/** Writes one report per document into `dir` (<name>.html, folders below the inputs' common folder kept) and an
 *  index.html with all of them. */
export async function writeHtmlReports(results: FileResult[], dir: string, version: string, cwd: string): Promise<string[]> {
  const { renderHtml } = require('../report/html') as typeof import('../report/html');
  const docs = reportDocs(results, cwd);
  const generated = new Date().toLocaleString('zh-CN', { hour12: false });
  const files = results.map(r => r.review?.file ?? r.path);
  const base = commonDir(files.filter(f => path.isAbsolute(f)));
  const written: string[] = [];
  await fsp.mkdir(dir, { recursive: true });
  for (let i = 0; i < docs.length; i++) {
    // A file that was not read has its line in index.html only.
    if (results[i].error || results[i].skipped) continue;
    const src = results[i].review?.file;
    const rel = src && base ? path.relative(base, src) : path.basename(results[i].path);
    const target = path.join(dir, rel.replace(/\.[^./\\]+$/, '') + '.html');
    await fsp.mkdir(path.dirname(target), { recursive: true });
    await fsp.writeFile(target, renderHtml([docs[i]], { ruleHref, version, generated }));
    written.push(target);
  }
  if (docs.length > 1) {
    const index = path.join(dir, 'index.html');
    await fsp.writeFile(index, renderHtml(docs, { ruleHref, version, generated }));
    written.push(index);
  }
  return written;
}

