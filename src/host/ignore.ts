// The `ignore` setting of a config: .gitignore semantics through the `ignore` package, for the CLI and the editor
// alike. Patterns are relative to the config file's folder; a pattern without a slash matches at any depth
// (`*.bak.txt` ignores sub/x.bak.txt), a folder name ignores everything below it (`drafts` ignores drafts/a.txt).
//   isIgnored('/office/drafts/a.txt', ['drafts'], '/office') → true
import * as path from 'path';
import ignore, { Ignore } from 'ignore';

const matchers = new Map<string, Ignore>();

/** The compiled matcher for a list of globs (kept: the same few lists are asked about for every file). */
function matcher(globs: string[]): Ignore {
  const key = globs.join('\n');
  let m = matchers.get(key);
  if (!m) {
    // Windows users write `drafts\old`; `./drafts` means the same as `drafts` relative to the config.
    m = ignore().add(globs.map(g => g.replace(/\\/g, '/').replace(/^\.\//, '')));
    if (matchers.size > 64) matchers.clear();
    matchers.set(key, m);
  }
  return m;
}

/** The path of `file` relative to `baseDir` with forward slashes, or undefined when it lies outside `baseDir`. */
export function relativeInside(file: string, baseDir: string): string | undefined {
  const rel = path.relative(baseDir, file);
  if (!rel || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

/** True when `file` matches one of the ignore globs (relative to `baseDir`, the config file's folder). Globs were
 *  checked when the config loaded (host/config unsafeGlob: length, wildcards per segment, no extglobs). */
export function isIgnored(file: string, globs: string[], baseDir: string): boolean {
  if (!globs.length) return false;
  const rel = relativeInside(file, baseDir);
  return rel !== undefined && matcher(globs).ignores(rel);
}

/** Why a config's `ignore` setting skips `file` (the message both the CLI and the editor show), or undefined. */
export function ignoredBy(file: string, cfg: { ignore: string[]; configPath?: string }): string | undefined {
  if (!cfg.configPath || !isIgnored(file, cfg.ignore, path.dirname(cfg.configPath))) return undefined;
  return `按配置文件 ${cfg.configPath} 的 ignore 设置忽略`;
}
