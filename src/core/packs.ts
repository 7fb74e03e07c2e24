// Rule packs: the knowledge of the rules (formulations, word lists, templates, figure facts) as JSON data.
// Built-in packs are imported from src/packs; an office's own packs are read, parsed and schema-checked by the host
// layer (src/host/packs.ts), which hands the core plain pack objects.
import { DraftLintError } from './types';
import { BUILTIN_PACKS } from '../packs';

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

/** Runs the registered checks on a pack whose schema was checked (or a built-in one); throws DraftLintError naming
 *  the file and JSON path. */
export function checkPack(data: unknown, file: string, builtin = false): Pack {
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
export function normalizePackError(e: unknown, file: string): unknown {
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
  private memos = new Map<string, unknown>();
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
    // A map of its own, looked up by the key as given: rules call this some 400 times a keystroke, and building
    // 'memo:' + key twice a call made a new string to flatten and hash each time.
    let v = this.memos.get(key);
    if (v === undefined && !this.memos.has(key)) this.memos.set(key, (v = build()));
    return v as T;
  }
}

let builtinSet: PackSet | undefined;

/** The built-in packs, validated once. */
export function builtinPackSet(): PackSet {
  if (!builtinSet) builtinSet = new PackSet(BUILTIN_PACKS.map(p => checkPack(p, `(内置) ${(p as Pack).name}`, true)));
  return builtinSet;
}
