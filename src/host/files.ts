// File discovery: turns the command line's files, directories and globs into the list of files to lint, and
// decides which files of a folder are drafts.
import { promises as fsp } from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { trimEndChars } from '../core/trim';

/** Folders never searched (unless named explicitly). */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', '.vscode-test', '.hg', '.svn']);
/** The files a directory search picks up. */
export const TEXT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'];
/** Binary Word/WPS documents a directory search also reports (with how to save them as .docx), not lints. */
export const BINARY_WORD_EXTENSIONS = ['.doc', '.wps'];

/** Whether a directory search picks up `file` (drafts, and Word's own lock files `~$name.docx` left out). */
export function isDraftFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  return (TEXT_EXTENSIONS.includes(ext) || BINARY_WORD_EXTENSIONS.includes(ext)) && !path.basename(file).startsWith('~$');
}

export interface Target {
  /** Absolute path. */
  file: string;
  /** Named on the command line (not found by a directory search or glob). */
  explicit: boolean;
  /** For a file found by a directory search or glob: the folder searched (--fix writes only inside it). */
  root?: string;
}

export interface Expansion {
  targets: Target[];
  /** Patterns that matched nothing, or paths that do not exist (exit code 2). */
  errors: string[];
  /** The same, by pattern: each is reported as a file that could not be linted, in every format. */
  unmatched: { pattern: string; message: string }[];
}

/** Forward-slash form of a relative path, for glob matching. */
export function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

async function statOrUndefined(p: string) {
  try {
    return await fsp.stat(p);
  } catch {
    return undefined;
  }
}

/** Files below `dir` (sorted, depth-first), skipping SKIPPED_DIRS and hidden folders. */
async function walk(dir: string, accept: (file: string) => boolean, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fsp.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      const st = await statOrUndefined(full);
      isDir = false; // never follow directory links (cycles)
      isFile = !!st?.isFile();
    }
    if (isDir) {
      if (SKIPPED_DIRS.has(e.name) || (e.name.startsWith('.') && e.name.length > 1)) continue;
      await walk(full, accept, out);
    } else if (isFile && accept(full)) out.push(full);
  }
}

/** True when `p` contains glob syntax. */
export function isGlob(p: string): boolean {
  return picomatch.scan(p).isGlob;
}

/** Expands files, directories and globs (relative to `cwd`) into a de-duplicated list of files. */
export async function expandPatterns(patterns: string[], cwd: string): Promise<Expansion> {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const errors: string[] = [];
  const unmatched: { pattern: string; message: string }[] = [];
  const fail = (pattern: string, message: string) => {
    errors.push(message);
    unmatched.push({ pattern, message });
  };
  const add = (file: string, explicit: boolean, root?: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    targets.push(root === undefined ? { file, explicit } : { file, explicit, root });
  };
  for (const pattern of patterns) {
    const abs = path.resolve(cwd, pattern);
    const st = await statOrUndefined(abs);
    if (st?.isFile()) {
      add(abs, true);
      continue;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      await walk(abs, isDraftFile, found);
      if (!found.length) fail(pattern, `目录 ${pattern} 中没有 .txt、.md 或 .docx 文件`);
      found.forEach(f => add(f, false, abs));
      continue;
    }
    const posixPattern = pattern.replace(/\\/g, '/');
    if (!isGlob(posixPattern)) {
      fail(pattern, `找不到文件或目录：${pattern}`);
      continue;
    }
    const scan = picomatch.scan(posixPattern);
    const base = path.resolve(cwd, scan.base || '.');
    const isMatch = picomatch(scan.glob, { dot: false });
    const found: string[] = [];
    await walk(base, f => isMatch(toPosix(path.relative(base, f))), found);
    if (!found.length) fail(pattern, `没有与 ${pattern} 匹配的文件`);
    found.forEach(f => add(f, false, base));
  }
  return { targets, errors, unmatched };
}

/** Whether a path relative to its workspace folder matches the editor's `draftLint.files` globs (`!` negates). */
export function matchesGlobs(rel: string, globs: string[]): boolean {
  const pos = globs.filter(g => !g.startsWith('!'));
  const neg = globs.filter(g => g.startsWith('!')).map(g => g.slice(1));
  const opts = { dot: true };
  const norm = rel.split(path.sep).join('/');
  if (pos.length && !picomatch(pos, opts)(norm)) return false;
  return !(neg.length && picomatch(neg, opts)(norm));
}
