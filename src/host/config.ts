// Config: `.draftlintrc.json` found by walking up from the linted file (or given explicitly), parsed with
// jsonc-parser, validated with ajv.
// File access is passed in (FileSystem) so the CLI and the editor find exactly the same config.
import * as path from 'path';
import { DraftLintError, ResolvedConfig, RuleSetting, SeveritySetting, defaultConfig, DocTypeSetting } from '../core/types';
import { CONFIG_SCHEMA_ID, jsonPathOf, parseJson, validateAgainst } from './schema';
import { isKnownRuleName, unknownRuleMessage } from './rule-names';

export const CONFIG_FILE_NAME = '.draftlintrc.json';

/** A config file larger than this is refused (a config is a few hundred bytes). */
export const MAX_CONFIG_BYTES = 1 << 20;
/** A pack larger than this is refused. */
export const MAX_PACK_BYTES = 8 << 20;

export interface ReadOptions {
  /** Refuse (throw DraftLintError) a file larger than this. */
  maxBytes?: number;
}

/** The file access the core needs; the CLI passes node's fs, the extension vscode.workspace.fs. */
export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. May throw DraftLintError (not a regular file, too large,
   *  unreadable). */
  readFile(file: string, opts?: ReadOptions): Promise<Uint8Array | undefined>;
  /** The path with symbolic links resolved (when the file system has links). */
  realpath?(file: string): Promise<string>;
  /** Why a config or pack file should not be used (it belongs to another user, anyone can write it or its
   *  folder), or undefined when it can be trusted. */
  distrust?(file: string): Promise<string | undefined>;
}

/**
 * Walks up from `startDir` to the root and returns the first `.draftlintrc.json`, if any. A config file that the
 * FileSystem distrusts (another user's, or in a folder anyone can write, such as /tmp) is skipped and reported
 * through `onSkip`.
 */
export async function findConfigFile(startDir: string, fs: FileSystem, stopAt?: string, onSkip?: (why: string) => void): Promise<string | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    const why = fs.distrust ? await fs.distrust(candidate) : undefined;
    if (why) onSkip?.(`配置文件 ${why}；如确要使用，请用 --config 指定`);
    else if ((await fs.readFile(candidate, { maxBytes: MAX_CONFIG_BYTES })) !== undefined) return candidate;
    if (stopAt && path.resolve(stopAt) === dir) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

interface RawConfig {
  rules?: Record<string, SeveritySetting | RuleSetting>;
  docType?: DocTypeSetting;
  documentDate?: string;
  packs?: string[];
  ignore?: string[];
  maxFileSize?: number;
}

export interface ConfigCheckOptions {
  /** The ids of the rules that exist: a config naming another is an error (with the nearest ids offered). */
  knownRules?: ReadonlySet<string>;
}

/** Parses and validates config text; pack paths are resolved against the config file's folder. */
export function parseConfig(text: string, file: string, opts: ConfigCheckOptions = {}): ResolvedConfig {
  const raw = parseJson(text, file, '配置文件') as RawConfig;
  // Rule names first: a misspelt name gets "did you mean" whether or not it has the shape of a rule id.
  if (opts.knownRules && raw && typeof raw === 'object' && raw.rules && typeof raw.rules === 'object') {
    for (const id of Object.keys(raw.rules)) {
      if (isKnownRuleName(id, opts.knownRules)) continue;
      const at = jsonPathOf(['rules', id]);
      throw new DraftLintError(`配置文件 ${file} 无效：${at} ${unknownRuleMessage(id, opts.knownRules)}`, file, at);
    }
  }
  validateAgainst(CONFIG_SCHEMA_ID, raw, file, '配置文件');
  const cfg = defaultConfig();
  const dir = path.dirname(file);
  for (const [id, v] of Object.entries(raw.rules ?? {})) cfg.rules[id] = typeof v === 'string' ? { severity: v } : v;
  if (raw.docType) cfg.docType = raw.docType;
  if (raw.documentDate) cfg.documentDate = raw.documentDate;
  cfg.packs = (raw.packs ?? []).map(p => path.resolve(dir, p));
  cfg.ignore = raw.ignore ?? [];
  cfg.ignore.forEach((g, i) => {
    const why = unsafeGlob(g);
    if (why) throw new DraftLintError(`配置文件 ${file} 无效：$.ignore[${i}] 通配符“${g.length > 60 ? g.slice(0, 60) + '…' : g}”${why}`, file, `$.ignore[${i}]`);
  });
  if (raw.maxFileSize) cfg.maxFileSize = raw.maxFileSize;
  cfg.configPath = file;
  return cfg;
}

/** Longest ignore glob accepted. */
export const MAX_GLOB_LENGTH = 256;
/** Most single `*` wildcards accepted in one path segment of an ignore glob (each one multiplies the matching time
 *  by the file name's length: `a*a*a*…b` against a long name runs for minutes). */
export const MAX_GLOB_STARS = 3;

/** Why an ignore glob is refused (too long, too many wildcards in a segment, extglob syntax), or undefined. */
export function unsafeGlob(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_LENGTH) return `太长（超过 ${MAX_GLOB_LENGTH} 个字符）`;
  if (/[*?+@!]\(/.test(glob)) return '使用了扩展通配符（如 +(…)、*(…)），匹配长文件名时可能极慢；请改用普通通配符';
  for (const seg of glob.split('/')) {
    const stars = seg === '**' ? 0 : (seg.replace(/\*\*+/g, '*').match(/\*/g) ?? []).length;
    if (stars > MAX_GLOB_STARS) return `的一段中有 ${stars} 个 *（最多 ${MAX_GLOB_STARS} 个），匹配长文件名时可能极慢`;
  }
  return undefined;
}

/** Reads and validates a config file; throws DraftLintError naming the file (and JSON path when invalid). */
export async function loadConfigFile(file: string, fs: FileSystem, opts: ConfigCheckOptions = {}): Promise<ResolvedConfig> {
  const bytes = await fs.readFile(file, { maxBytes: MAX_CONFIG_BYTES });
  if (!bytes) throw new DraftLintError(`找不到配置文件 ${file}`, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DraftLintError(`配置文件 ${file} 不是 UTF-8 编码`, file);
  }
  return parseConfig(text, file, opts);
}

/** The config for a file: explicit `configPath`, else the nearest `.draftlintrc.json` above it, else defaults. */
export async function resolveConfigFor(filePath: string, fs: FileSystem, configPath?: string): Promise<ResolvedConfig> {
  const file = configPath ?? (await findConfigFile(path.dirname(path.resolve(filePath)), fs));
  return file ? loadConfigFile(file, fs) : defaultConfig();
}

/** Layers rule settings (e.g. from `--rule` or editor settings) over a config; later wins. */
export function withRuleOverrides(cfg: ResolvedConfig, overrides: Record<string, RuleSetting>): ResolvedConfig {
  const rules = { ...cfg.rules };
  for (const [id, s] of Object.entries(overrides)) rules[id] = { ...rules[id], ...s };
  return { ...cfg, rules };
}
