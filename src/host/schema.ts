// JSON Schema validation (ajv) for config files and rule packs, with errors that name the file and JSON path.
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as fs from 'fs';
import * as path from 'path';
import { createScanner, findNodeAtLocation, parse, ParseError, ParseErrorCode, parseTree, printParseErrorCode, SyntaxKind, visit } from 'jsonc-parser';
import { DraftLintError } from '../core/types';
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

/** The reason for a config error in words a writer reads (no regex shown), where the schema's own is a pattern. */
function friendlyReason(schemaId: string, at: string, e: ErrorObject, isName: boolean): string | undefined {
  if (schemaId !== CONFIG_SCHEMA_ID || e.keyword !== 'pattern') return undefined;
  if (at === '$.documentDate') return '格式不符：文稿日期应写成 YYYY、YYYY-MM 或 YYYY-MM-DD（半角数字和连字符，如 2024、2024-03、2024-03-15）';
  if (isName && at.startsWith('$.rules[')) return '属性名不合规：规则名应写成“类别/规则名”（小写英文字母、数字和连字符，如 punctuation/half-width），或类别通配如 wording/*';
  return '格式不符';
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
  const why = friendlyReason(schemaId, path, e, !!pn) ?? (pn && e.keyword === 'pattern' ? `属性名不合规（应匹配 ${(e.params as { pattern: string }).pattern}）` : describe(e));
  throw new DraftLintError(`${what} ${file} 无效：${path} ${why}`, file, path);
}

/** A JSON path in the notation of jsonPath() from its segments (`['rules', 'a/b']` → `$.rules["a/b"]`). */
export function jsonPathOf(segments: (string | number)[]): string {
  return '$' + segments.map(seg => (typeof seg === 'number' ? `[${seg}]` : /^[A-Za-z_$][\w$]*$/.test(seg) ? `.${seg}` : `[${JSON.stringify(seg)}]`)).join('');
}

/** The 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** Full-width punctuation a Chinese input method types where JSON needs the ASCII mark. */
const FULL_WIDTH: Record<string, string> = { '“': '"', '”': '"', '‘': '"', '’': '"', '：': ':', '，': ',', '｛': '{', '｝': '}', '［': '[', '］': ']', '【': '[', '】': ']' };

/** The first full-width mark outside JSON strings and comments (where it can only be a typo for an ASCII mark). */
function fullWidthMark(text: string): number | undefined {
  let found: number | undefined;
  visit(
    text,
    {
      onError: (_code, offset, length) => {
        if (found !== undefined) return;
        for (let i = offset; i < offset + Math.max(length, 1) && i < text.length; i++) if (FULL_WIDTH[text[i]]) return void (found = i);
      },
    },
    { allowTrailingComma: true },
  );
  return found;
}

/** What a syntax error means, in Chinese, for a writer who edits JSON by hand. */
const SYNTAX_REASONS: Partial<Record<ParseErrorCode, string>> = {
  [ParseErrorCode.InvalidSymbol]: '此处有 JSON 不认识的符号（字符串要用半角双引号 " 括起）',
  [ParseErrorCode.InvalidNumberFormat]: '数字格式不对',
  [ParseErrorCode.PropertyNameExpected]: '此处应为用半角双引号括起的属性名',
  [ParseErrorCode.ValueExpected]: '此处应为一个值',
  [ParseErrorCode.ColonExpected]: '此处应为半角冒号 :',
  [ParseErrorCode.CommaExpected]: '此处缺少半角逗号 ,',
  [ParseErrorCode.CloseBraceExpected]: '缺少右花括号 }',
  [ParseErrorCode.CloseBracketExpected]: '缺少右方括号 ]',
  [ParseErrorCode.EndOfFileExpected]: '此处之后不应再有内容',
  [ParseErrorCode.InvalidCommentToken]: '注释格式不对',
  [ParseErrorCode.UnexpectedEndOfComment]: '注释没有结束（缺少 */）',
  [ParseErrorCode.UnexpectedEndOfString]: '字符串没有结束（缺少右边的半角双引号 "）',
  [ParseErrorCode.UnexpectedEndOfNumber]: '数字不完整',
  [ParseErrorCode.InvalidUnicode]: '\\u 转义不对',
  [ParseErrorCode.InvalidEscapeCharacter]: '反斜杠转义不对（Windows 路径请把 \\ 写成 / 或 \\\\）',
  [ParseErrorCode.InvalidCharacter]: '字符串中有不允许的字符（如换行）',
};

/** The offset of a comma that only whitespace and comments separate from the `}` or `]` at `offset`. */
function trailingComma(text: string, offset: number): number | undefined {
  if (text[offset] !== '}' && text[offset] !== ']') return undefined;
  const scanner = createScanner(text, false);
  let lastComma: number | undefined;
  let lastSignificant: SyntaxKind | undefined;
  while (scanner.getTokenOffset() + scanner.getTokenLength() <= offset) {
    const kind = scanner.scan();
    if (kind === SyntaxKind.EOF || scanner.getTokenOffset() >= offset) break;
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia || kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue;
    lastSignificant = kind;
    if (kind === SyntaxKind.CommaToken) lastComma = scanner.getTokenOffset();
  }
  return lastSignificant === SyntaxKind.CommaToken ? lastComma : undefined;
}

/** A JSON syntax error: where (offset) and why, in Chinese. */
export interface JsonSyntaxProblem {
  offset: number;
  reason: string;
}

/** The first syntax problem of JSON text with comments (undefined when it parses): a full-width mark typed with a
 *  Chinese input method and a comma after the last item are named as such. */
export function jsonSyntaxProblem(text: string): JsonSyntaxProblem | undefined {
  const errors: ParseError[] = [];
  parse(text, errors, { allowTrailingComma: false, disallowComments: false, allowEmptyContent: false });
  if (!errors.length) return undefined;
  const mark = fullWidthMark(text);
  if (mark !== undefined && mark <= errors[0].offset + errors[0].length) {
    const ch = text[mark];
    return { offset: mark, reason: `此处是中文输入法打出的全角“${ch}”，JSON 要用半角的 ${FULL_WIDTH[ch]}（切换到英文输入法再输入）` };
  }
  const e = errors[0];
  const comma = e.error === ParseErrorCode.PropertyNameExpected || e.error === ParseErrorCode.ValueExpected ? trailingComma(text, e.offset) : undefined;
  if (comma !== undefined) return { offset: comma, reason: '最后一项后面多了一个逗号（JSON 不允许末尾逗号），请删去' };
  if (e.offset >= text.length) return { offset: text.length, reason: '内容不完整（意外结束），可能缺少 } 或 ]' };
  return { offset: e.offset, reason: SYNTAX_REASONS[e.error] ?? printParseErrorCode(e.error) };
}

/** Parses JSON text (comments allowed, a BOM ignored), turning a syntax error into a DraftLintError with line and
 *  column and a reason a writer understands. */
export function parseJson(text: string, file: string, what: string): unknown {
  const t = text.replace(/^\uFEFF/, '');
  const problem = jsonSyntaxProblem(t);
  if (problem) {
    const { line, column } = lineColumn(t, problem.offset);
    throw new DraftLintError(`${what} ${file} 不是有效的 JSON（第 ${line} 行第 ${column} 列）：${problem.reason}`, file, '$', problem.offset + (text.length - t.length));
  }
  return parse(t, [], { allowTrailingComma: false, disallowComments: false });
}

/** The offset and length of the value or property name at a JSON path (`$.rules["a/b"]`) in JSON text, if found:
 *  where an editor puts the squiggle for a validation error. */
export function locateJsonPath(text: string, at: string): { offset: number; length: number } | undefined {
  const root = parseTree(text.replace(/^\uFEFF/, ''), [], { allowTrailingComma: true });
  if (!root) return undefined;
  const segs: (string | number)[] = [...at.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)].map(m => (m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(`"${m[3]}"`))) as string | number);
  const bom = text.startsWith('\uFEFF') ? 1 : 0;
  for (let n = segs.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, segs.slice(0, n));
    if (!node) continue;
    // A property: squiggle its name (the key the message names).
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    const target = key ?? node;
    return { offset: target.offset + bom, length: target.type === 'object' || target.type === 'array' ? 1 : target.length };
  }
  return undefined;
}
