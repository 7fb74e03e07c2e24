// Rule packs: the knowledge of the rules (formulations, word lists, templates, figure facts) as JSON data.
// Built-in packs are imported from src/packs; an office's own packs are read through the FileSystem it passes in.
import * as path from 'path';
import { DraftLintError } from './types';
import { PACK_SCHEMA_ID, parseJson, validateAgainst } from './schema';
import { MAX_PACK_BYTES, type FileSystem } from './config';
import { BUILTIN_PACKS } from '../packs';
import { validatePackRegexes } from './regex-safety';

export interface Pack {
  name: string;
  version?: number | string;
  description?: string;
  source?: string;
  formulations?: unknown[];
  wording?: Record<string, unknown>;
  templates?: unknown[];
  /** Whole-text markers: excerpt, news story (see schemas/templates.schema.json#/definitions/doctypes). */
  doctypes?: Record<string, unknown>;
  figures?: Record<string, unknown>;
  /** Where the pack was loaded from (absent for built-ins). */
  file?: string;
}

/** A hook that checks a pack beyond its schema (e.g. regex safety); throws DraftLintError. `builtin` is true for the bundled packs. */
export type PackValidator = (pack: Pack, file: string, info?: { builtin: boolean }) => void;
const extraValidators: PackValidator[] = [];

/** Registers a check every pack must pass when it loads (used for regex safety). */
export function registerPackValidator(v: PackValidator): void {
  extraValidators.push(v);
}

// Every regex in a pack (fields named pattern/regex/patterns…) is checked for catastrophic backtracking on load.
// Not for the built-in packs: every built-in regex is checked (statically and by trial) in the test suite, and
// checking again at every start-up cost time (~0.1 s) and, timed, could misfire on a busy machine.
registerPackValidator((pack, file, info) => {
  if (!info?.builtin) validatePackRegexes(pack, file);
});

/** Validates a parsed pack; throws DraftLintError naming the file and JSON path. */
export function validatePack(data: unknown, file: string, builtin = false): Pack {
  // The built-in packs are validated against the schemas by the test suite (hardening.config); compiling the
  // pack schemas with ajv costs ~0.4 s, so a run without office packs never compiles them.
  if (!builtin) validateAgainst(PACK_SCHEMA_ID, data, file, '规则包');
  const pack = data as Pack;
  for (const v of extraValidators) {
    try {
      v(pack, file, { builtin });
    } catch (e) {
      throw normalizePackError(e, file);
    }
  }
  return pack;
}

/** Makes a validator's error name the pack file and a `$…` JSON path in its message, whatever the validator wrote. */
function normalizePackError(e: unknown, file: string): unknown {
  if (!(e instanceof DraftLintError)) return e;
  const at = e.jsonPath?.indexOf('$') ?? -1;
  const jsonPath = at >= 0 ? e.jsonPath!.slice(at) : '$';
  if (e.file === file && e.jsonPath === jsonPath && e.message.includes(file) && e.message.includes(jsonPath)) return e;
  const message = e.message.includes(file) && e.message.includes(jsonPath) ? e.message : `规则包 ${file} 无效：${jsonPath} ${e.message}`;
  return new DraftLintError(message, file, jsonPath);
}

/** The merged view of all loaded packs that rules read from. */
export class PackSet {
  private cache = new Map<string, unknown>();
  constructor(readonly packs: Pack[]) {}

  /** All entries of an array section (`formulations`, `templates`), each tagged with its pack name. */
  list<T>(section: 'formulations' | 'templates'): (T & { pack: string })[] {
    const key = 'list:' + section;
    let v = this.cache.get(key) as (T & { pack: string })[] | undefined;
    if (!v) {
      v = [];
      for (const p of this.packs) for (const e of (p[section] ?? []) as T[]) v.push({ ...e, pack: p.name });
      this.cache.set(key, v);
    }
    return v;
  }

  /** Concatenation of an array field inside an object section (`wording.misspellings`), tagged with the pack name. */
  field<T>(section: 'wording' | 'figures', field: string): (T & { pack: string })[] {
    const key = `field:${section}.${field}`;
    let v = this.cache.get(key) as (T & { pack: string })[] | undefined;
    if (!v) {
      v = [];
      for (const p of this.packs) {
        const arr = (p[section] as Record<string, unknown> | undefined)?.[field];
        if (Array.isArray(arr)) for (const e of arr) v.push(typeof e === 'object' && e !== null ? { ...(e as T), pack: p.name } : (e as T & { pack: string }));
      }
      this.cache.set(key, v);
    }
    return v;
  }

  /** The union of a string field of single characters (`wording.standaloneChars`) over all packs. */
  chars(section: 'wording' | 'figures', field: string): Set<string> {
    return this.memo(`chars:${section}.${field}`, () => {
      const out = new Set<string>();
      for (const p of this.packs) {
        const v = (p[section] as Record<string, unknown> | undefined)?.[field];
        if (typeof v === 'string') for (const ch of v) out.add(ch);
      }
      return out;
    });
  }

  /** The union of a string-array field (`figures.changeWords`) over all packs. */
  words(section: 'wording' | 'figures', field: string): string[] {
    return this.memo(`words:${section}.${field}`, () => [...new Set(this.field<string>(section, field).map(String))]);
  }

  /** Memoises a value derived from the packs (compiled matchers, indexes) for the life of this PackSet. */
  memo<T>(key: string, build: () => T): T {
    if (!this.cache.has('memo:' + key)) this.cache.set('memo:' + key, build());
    return this.cache.get('memo:' + key) as T;
  }
}

let builtinSet: PackSet | undefined;

/** The built-in packs, validated once. */
export function builtinPackSet(): PackSet {
  if (!builtinSet) builtinSet = new PackSet(BUILTIN_PACKS.map(p => validatePack(p, `(内置) ${(p as Pack).name}`, true)));
  return builtinSet;
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

