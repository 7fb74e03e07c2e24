// Config: `.draftlintrc.json` found by walking up from the linted file (or given explicitly), validated with ajv.
// File access is passed in (FileSystem) so the CLI and the editor find exactly the same config.
import * as path from 'path';
import { DraftLintError, ResolvedConfig, RuleSetting, SeveritySetting, defaultConfig, DocTypeSetting } from './types';
import { CONFIG_SCHEMA_ID, parseJson, validateAgainst } from './schema';

export const CONFIG_FILE_NAME = '.draftlintrc.json';

/** The file access the core needs; the CLI passes node's fs, the extension vscode.workspace.fs. */
export interface FileSystem {
  /** The file's bytes, or undefined when it does not exist. */
  readFile(file: string): Promise<Uint8Array | undefined>;
}

/** Walks up from `startDir` to the root and returns the first `.draftlintrc.json`, if any. */
export async function findConfigFile(startDir: string, fs: FileSystem, stopAt?: string): Promise<string | undefined> {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if ((await fs.readFile(candidate)) !== undefined) return candidate;
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

/** Parses and validates config text; pack paths are resolved against the config file's folder. */
export function parseConfig(text: string, file: string): ResolvedConfig {
  const raw = parseJson(text, file, '配置文件') as RawConfig;
  validateAgainst(CONFIG_SCHEMA_ID, raw, file, '配置文件');
  const cfg = defaultConfig();
  const dir = path.dirname(file);
  for (const [id, v] of Object.entries(raw.rules ?? {})) cfg.rules[id] = typeof v === 'string' ? { severity: v } : v;
  if (raw.docType) cfg.docType = raw.docType;
  if (raw.documentDate) cfg.documentDate = raw.documentDate;
  cfg.packs = (raw.packs ?? []).map(p => path.resolve(dir, p));
  cfg.ignore = raw.ignore ?? [];
  if (raw.maxFileSize) cfg.maxFileSize = raw.maxFileSize;
  cfg.configPath = file;
  return cfg;
}

/** Reads and validates a config file; throws DraftLintError naming the file (and JSON path when invalid). */
export async function loadConfigFile(file: string, fs: FileSystem): Promise<ResolvedConfig> {
  const bytes = await fs.readFile(file);
  if (!bytes) throw new DraftLintError(`找不到配置文件 ${file}`, file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DraftLintError(`配置文件 ${file} 不是 UTF-8 编码`, file);
  }
  return parseConfig(text, file);
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
