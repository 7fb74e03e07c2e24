// JSON Schema validation (ajv) for config files and rule packs, with errors that name the file and JSON path.
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { DraftLintError } from './types';
import configSchema from '../../schemas/draftlintrc.schema.json';
import packSchema from '../../schemas/pack.schema.json';
import formulationsSchema from '../../schemas/formulations.schema.json';
import wordingSchema from '../../schemas/wording.schema.json';
import templatesSchema from '../../schemas/templates.schema.json';
import figuresSchema from '../../schemas/figures.schema.json';

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function getAjv(): Ajv {
  if (!ajv) {
    // Loaded on first use: a plain lint without a config file or office packs never needs ajv (≈60 modules).
    const AjvClass = (require('ajv') as typeof import('ajv')).default;
    ajv = new AjvClass({ allErrors: true, strict: false });
    for (const s of [formulationsSchema, wordingSchema, templatesSchema, figuresSchema, packSchema, configSchema]) ajv.addSchema(s as object);
  }
  return ajv;
}

/** A fingerprint of the schemas and the ajv version: the precompiled validators are used only when it matches. */
export function schemaFingerprint(): string {
  let ajvVersion = '';
  try {
    ajvVersion = (require('ajv/package.json') as { version: string }).version;
  } catch {
    /* no ajv: the fingerprint still covers the schemas */
  }
  const all = [ajvVersion, formulationsSchema, wordingSchema, templatesSchema, figuresSchema, packSchema, configSchema];
  return (require('crypto') as typeof import('crypto')).createHash('sha256').update(JSON.stringify(all)).digest('hex');
}

/** Where scripts/build-validators.ts writes the precompiled (ajv standalone) validators. */
export const PRECOMPILED_FILE = 'schemas/validators.generated.js';

let precompiled: Record<string, ValidateFunction> | null | undefined;

/** The precompiled validator for the config or pack schema, when the generated file exists and is current.
 *  Compiling the schemas with ajv at run time costs ≈50 ms (load ajv, generate and compile the code); the
 *  precompiled module loads in ≈5 ms. A missing or stale file (schemas or ajv changed) falls back to ajv. */
function precompiledValidator(id: string): ValidateFunction | undefined {
  if (precompiled === undefined) {
    precompiled = null;
    // From out/src/core (compiled), src/core (ts-node), or the extension bundle (dist/schemas/, bundled with ajv's runtime).
    for (const rel of ['.', '../../..', '../..']) {
      const file = path.join(__dirname, rel, PRECOMPILED_FILE);
      if (!fs.existsSync(file)) continue;
      try {
        const m = require(file) as Record<string, ValidateFunction> & { fingerprint?: string };
        if (m.fingerprint === schemaFingerprint()) precompiled = m;
      } catch {
        /* fall back to ajv */
      }
      break;
    }
  }
  const key = id === CONFIG_SCHEMA_ID ? 'config' : id === PACK_SCHEMA_ID ? 'pack' : undefined;
  return key && precompiled && typeof precompiled[key] === 'function' ? precompiled[key] : undefined;
}

function validator(id: string): ValidateFunction {
  let v = compiled.get(id);
  if (!v) {
    v = precompiledValidator(id) ?? getAjv().getSchema(id);
    if (!v) throw new Error(`schema not registered: ${id}`);
    compiled.set(id, v);
  }
  return v;
}

export const CONFIG_SCHEMA_ID = (configSchema as { $id: string }).$id;
export const PACK_SCHEMA_ID = (packSchema as { $id: string }).$id;

/** Turns an ajv instancePath (`/rules/a~1b/0`) into a readable JSON path (`$.rules["a/b"][0]`). */
export function jsonPath(instancePath: string): string {
  if (!instancePath) return '$';
  return (
    '$' +
    instancePath
      .split('/')
      .slice(1)
      .map(seg => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map(seg => (/^\d+$/.test(seg) ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`))
      .join('')
  );
}

function describe(e: ErrorObject): string {
  switch (e.keyword) {
    case 'enum':
      return `取值应为 ${(e.params as { allowedValues: unknown[] }).allowedValues.map(v => JSON.stringify(v)).join(' | ')}`;
    case 'type':
      return `类型应为 ${(e.params as { type: string }).type}`;
    case 'required':
      return `缺少必填属性 "${(e.params as { missingProperty: string }).missingProperty}"`;
    case 'additionalProperties':
      return `不认识的属性 "${(e.params as { additionalProperty: string }).additionalProperty}"`;
    case 'propertyNames':
      return `属性名不合规（${e.message ?? ''}）`;
    case 'pattern':
      return `格式不符（应匹配 ${(e.params as { pattern: string }).pattern}）`;
    case 'minLength':
    case 'maxLength':
      return `长度应${e.keyword === 'minLength' ? '至少' : '至多'}为 ${(e.params as { limit: number }).limit} 个字符`;
    case 'minItems':
    case 'maxItems':
      return `应${e.keyword === 'minItems' ? '至少' : '至多'}有 ${(e.params as { limit: number }).limit} 项`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `取值应 ${(e.params as { comparison: string }).comparison} ${(e.params as { limit: number }).limit}`;
    case 'const':
      return `取值应为 ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
    case 'not':
      return '不应同时给出这些属性（与条目类型不符）';
    case 'uniqueItems':
      return '各项不应重复';
    default:
      return e.message ?? e.keyword;
  }
}

/** Picks the most useful error (deepest path; for oneOf, the branch errors rather than the summary). */
function bestError(errors: ErrorObject[]): ErrorObject {
  const specific = errors.filter(e => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const pool = specific.length ? specific : errors;
  return pool.reduce((a, b) => (b.instancePath.length > a.instancePath.length ? b : a));
}

/** Validates `data` against a registered schema; throws DraftLintError naming the file and JSON path. */
export function validateAgainst(schemaId: string, data: unknown, file: string, what: string): void {
  const v = validator(schemaId);
  if (v(data)) return;
  const errs = v.errors ?? [];
  const e = bestError(errs);
  // For a propertyNames failure ajv reports the bad name in params.propertyName.
  // (ajv puts it on the error itself for the failing inner keyword, e.g. pattern).
  const pn = (e.params as { propertyName?: string }).propertyName ?? (e as ErrorObject & { propertyName?: string }).propertyName;
  const path = jsonPath(e.instancePath) + (pn ? `[${JSON.stringify(pn)}]` : '');
  const why = pn && e.keyword === 'pattern' ? `属性名不合规（应匹配 ${(e.params as { pattern: string }).pattern}）` : describe(e);
  throw new DraftLintError(`${what} ${file} 无效：${path} ${why}`, file, path);
}

/** Blanks line and block comments outside strings (same length, newlines kept, so error positions stay right). */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"' && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      let j = i;
      while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
      out += ' '.repeat(j - i);
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const j = end < 0 ? text.length : end + 2;
      out += text.slice(i, j).replace(/[^\r\n]/g, ' ');
      i = j;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The offset of the first syntax error in JSON text (for engines whose message gives no position). */
export function jsonErrorOffset(t: string): number | undefined {
  let i = 0;
  const ws = () => {
    while (i < t.length && ' \t\n\r'.includes(t[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const value = (): void => {
    ws();
    const c = t[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (t[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          if (t[i] !== '"') fail();
          str();
          ws();
          if (t[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (t[i] === ',') {
          i++;
          continue;
        }
        if (t[i] === close) {
          i++;
          return;
        }
        fail();
      }
    } else if (c === '"') str();
    else {
      const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(t.slice(i, i + 400));
      if (!lit) fail();
      i += lit![0].length;
    }
  };
  const str = () => {
    i++;
    while (i < t.length && t[i] !== '"') {
      if (t[i] === '\n' || t.charCodeAt(i) < 0x20) fail();
      i += t[i] === '\\' ? 2 : 1;
    }
    if (i >= t.length) fail();
    i++;
  };
  try {
    value();
    ws();
    return i < t.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, t.length) : undefined;
  }
}

/** Parses JSON text (comments allowed), turning a syntax error into a DraftLintError with line and column. */
export function parseJson(text: string, file: string, what: string): unknown {
  const t = stripJsonComments(text.replace(/^\uFEFF/, ''));
  try {
    return JSON.parse(t);
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? Number(m[1]) : jsonErrorOffset(t);
    let where = '';
    if (pos !== undefined) {
      const before = t.slice(0, pos);
      const line = before.split('\n').length;
      const col = pos - before.lastIndexOf('\n');
      where = `（第 ${line} 行第 ${col} 列）`;
    }
    // No part of the text in the message (V8's quotes the start of it): the file may be something else entirely.
    const why = /end of (JSON )?input|Unterminated/i.test(msg) ? '内容不完整（意外结束）' : '此处不符合 JSON 语法';
    throw new DraftLintError(`${what} ${file} 不是有效的 JSON${where}：${why}`, file, '$');
  }
}
