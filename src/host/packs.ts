// An office's own rule packs: read through the FileSystem the CLI or the editor passes in (regular files of a bounded
// size, trusted owners, inside the project folder when asked), parsed with jsonc-parser, checked against the pack
// schema and for regexes that could backtrack catastrophically, then handed to the core as plain pack objects.
import * as path from 'path';
import { DraftLintError } from '../core/types';
import { builtinPackSet, checkPack, normalizePackError, Pack, PackSet } from '../core/packs';
import { MAX_PACK_BYTES, type FileSystem } from './config';
import { PACK_SCHEMA_ID, parseJson, validateAgainst } from './schema';
import { validatePackRegexes } from './regex-safety';

/** Validates a parsed pack (schema, regex safety, the core's registered checks); throws DraftLintError naming the
 *  file and JSON path. `builtin`: a bundled pack, checked by the test suite instead (schemas and regexes; compiling
 *  the pack schemas costs ~0.4 s and timed regex trials could misfire on a busy machine at start-up). */
export function validatePack(data: unknown, file: string, builtin = false): Pack {
  if (!builtin) {
    validateAgainst(PACK_SCHEMA_ID, data, file, '规则包');
    try {
      validatePackRegexes(data, file);
    } catch (e) {
      throw normalizePackError(e, file);
    }
  }
  return checkPack(data, file, builtin);
}

export interface PackLoadResult {
  packSet: PackSet;
  /** One message per pack that failed to load (the others, and the built-ins, still run). */
  errors: DraftLintError[];
}

export interface LoadPacksOptions {
  /** The project folder (the config file's): a pack must lie inside it (after resolving links). */
  confineTo?: string;
}

function isInside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/** Loads extra packs (paths relative to `baseDir`) on top of the built-ins. */
export async function loadPacks(paths: string[], baseDir: string, fs: FileSystem, opts: LoadPacksOptions = {}): Promise<PackLoadResult> {
  const builtins = builtinPackSet().packs;
  const extra: Pack[] = [];
  const errors: DraftLintError[] = [];
  const realRoot = opts.confineTo && fs.realpath ? await fs.realpath(opts.confineTo).catch(() => opts.confineTo!) : opts.confineTo;
  for (const rel of paths) {
    const file = path.resolve(baseDir, rel);
    try {
      if (realRoot) {
        const real = fs.realpath ? await fs.realpath(file).catch(() => file) : file;
        if (!isInside(real, realRoot) || !isInside(file, opts.confineTo!))
          throw new DraftLintError(`规则包 ${file} 位于项目之外（项目目录即配置文件所在的 ${opts.confineTo}），已拒绝读取；请把规则包放在项目目录中，或用 --config 指定配置文件`, file);
      }
      const why = fs.distrust ? await fs.distrust(file) : undefined;
      if (why) throw new DraftLintError(`规则包 ${why.replace(/，已忽略$/, '')}，已拒绝读取`, file);
      const bytes = await fs.readFile(file, { maxBytes: MAX_PACK_BYTES });
      if (!bytes) throw new DraftLintError(`找不到规则包 ${file}`, file);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      const pack = validatePack(parseJson(text, file, '规则包'), file);
      pack.file = file;
      extra.push(pack);
    } catch (e) {
      errors.push(e instanceof DraftLintError ? e : new DraftLintError(`规则包 ${file} 无法读取：${(e as Error).message}`, file));
    }
  }
  return { packSet: extra.length ? new PackSet([...builtins, ...extra]) : builtinPackSet(), errors };
}
