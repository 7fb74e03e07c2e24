// Bad packs and configs: thousands of one-point mutations of valid configs and of the built-in packs. Every
// mutation the schemas refuse must give a DraftLintError that names the file and a JSON path at (or above)
// the mutated place; nothing else may be thrown. A pack that fails to load leaves the built-ins running.
import * as assert from 'assert';
import { parseConfig } from '../../src/host/config';
import { builtinPackSet } from '../../src/core/packs';
import { validatePack, loadPacks } from '../../src/host/packs';
import { lint } from '../../src/lint';
import { DraftLintError } from '../../src/core/types';
import { BUILTIN_PACKS } from '../../src/packs';
import type { FileSystem } from '../../src/host/config';
import { prng } from '../helpers/prng';


type Seg = string | number;
/** Every path (as segments) to a value inside `v`. */
function paths(v: unknown, at: Seg[] = [], out: Seg[][] = []): Seg[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((e, k) => paths(e, [...at, k], out));
  else if (v && typeof v === 'object') for (const [k, e] of Object.entries(v)) paths(e, [...at, k], out);
  return out;
}

/** The JSON path notation of src/host/schema.ts (`$.a[0]["b/c"]`). */
function toJsonPath(segs: Seg[]): string {
  return '$' + segs.map(s => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

const WEIRD: unknown[] = [null, 42, -1, 0, 1.5, true, '', 'x', '布署', [], [1], {}, { zzz: 1 }, '((', 'off', 'error'];

/** A deep copy of `data` with one random change at a random place; returns the place too. */
function mutate(r: () => number, data: unknown): { data: unknown; at: Seg[]; what: string } {
  const copy = JSON.parse(JSON.stringify(data)) as unknown;
  const all = paths(copy);
  const at = all[Math.floor(r() * all.length)];
  const parent = at.length ? (at.slice(0, -1).reduce((o: any, k) => o[k], copy) as any) : undefined;
  const key = at[at.length - 1];
  const target = at.reduce((o: any, k) => o[k], copy) as any;
  const choice = Math.floor(r() * 4);
  if (choice === 0 && target && typeof target === 'object' && !Array.isArray(target)) {
    target['unknownField' + Math.floor(r() * 9)] = WEIRD[Math.floor(r() * WEIRD.length)];
    return { data: copy, at, what: 'add unknown property' };
  }
  if (choice === 1 && parent && !Array.isArray(parent)) {
    delete parent[key];
    return { data: copy, at: at.slice(0, -1), what: `delete ${String(key)}` };
  }
  const v = WEIRD[Math.floor(r() * WEIRD.length)];
  if (!parent) return { data: v, at: [], what: 'replace root' };
  parent[key] = JSON.parse(JSON.stringify(v));
  return { data: copy, at, what: `set to ${JSON.stringify(v)}` };
}

/** True when `a` is `b` or an ancestor of `b` (as JSON path strings). */
function isAncestorOrSelf(a: string, b: string): boolean {
  return b === a || b.startsWith(a + '.') || b.startsWith(a + '[');
}

function checkRefusal(e: unknown, file: string, at: Seg[], label: string, data?: unknown): void {
  assert.ok(e instanceof DraftLintError, `${label}: threw ${String(e)} instead of a DraftLintError`);
  assert.strictEqual(e.file, file, `${label}: file`);
  assert.ok(e.message.includes(file), `${label}: message names the file: ${e.message}`);
  assert.ok(e.jsonPath && e.jsonPath.startsWith('$'), `${label}: JSON path: ${e.message}`);
  assert.ok(e.message.includes(e.jsonPath), `${label}: message shows the JSON path: ${e.message}`);
  assert.ok(!/\bmust\b/.test(e.message), `${label}: message should be Chinese: ${e.message}`);
  // The reported place is the mutated one, one of its ancestors, or (when a property was added or a
  // property name is wrong) one of its children; a cross-reference check (a template section naming a
  // section that no longer exists) may point at the referring place, which must then exist in the data.
  const mutated = toJsonPath(at);
  assert.ok(
    isAncestorOrSelf(e.jsonPath, mutated) || isAncestorOrSelf(mutated, e.jsonPath) || (data !== undefined && pointsInto(data, e.jsonPath)),
    `${label}: reported ${e.jsonPath}, mutated ${mutated}: ${e.message}`,
  );
}

/** True when a JSON path (`$.a[0]["b"]`) names a value present in `data`. */
function pointsInto(data: unknown, jsonPath: string): boolean {
  const segs = [...jsonPath.slice(1).matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map(m => m[1] ?? (m[2] !== undefined ? Number(m[2]) : JSON.parse(m[3])));
  let v: unknown = data;
  for (const k of segs) {
    if (v === null || typeof v !== 'object' || !(k in (v as object))) return false;
    v = (v as Record<string, unknown>)[k as string];
  }
  return true;
}

const VALID_CONFIGS = [
  { rules: { 'punctuation/half-width': 'warning', 'wording/*': { severity: 'info', options: { a: 1 } } }, docType: 'report', documentDate: '2024-03', packs: ['a.json'], ignore: ['x/**'], maxFileSize: 1000 },
  { rules: {}, docType: 'auto' },
];

describe('hardening: bad configs and packs', function () {
  this.timeout(120000);

  it('every refused config mutation names the file and the JSON path', () => {
    const r = prng(7);
    let refused = 0;
    for (let k = 0; k < 1500; k++) {
      const base = VALID_CONFIGS[k % VALID_CONFIGS.length];
      const m = mutate(r, base);
      const file = `/proj/.draftlintrc.json`;
      try {
        parseConfig(JSON.stringify(m.data), file);
      } catch (e) {
        refused++;
        checkRefusal(e, file, m.at, `config case ${k} (${m.what} at ${toJsonPath(m.at)})`);
      }
    }
    assert.ok(refused > 500, `only ${refused} mutations were refused`);
  });

  it('broken JSON and wrong encodings are refused with the file (and line/column)', () => {
    for (const text of ['{', '{"rules": }', '[1,', '\ufeff{"rules": {,}}', '']) {
      assert.throws(
        () => parseConfig(text, '/p/.draftlintrc.json'),
        (e: unknown) => e instanceof DraftLintError && e.file === '/p/.draftlintrc.json' && /不是有效的 JSON/.test(e.message),
      );
    }
  });

  it('the built-in packs are valid against the pack schemas (start-up skips this check)', () => {
    for (const p of BUILTIN_PACKS) assert.doesNotThrow(() => validatePack(p, `${(p as { name: string }).name}.json`));
  });

  it('every refused mutation of the built-in packs names the file and the JSON path', () => {
    const r = prng(11);
    let refused = 0;
    const packs = BUILTIN_PACKS.filter(p => JSON.stringify(p).length < 2_000_000);
    for (let k = 0; k < 800; k++) {
      const base = packs[k % packs.length];
      const m = mutate(r, base);
      const file = `/office/pack-${k}.json`;
      try {
        validatePack(m.data, file);
      } catch (e) {
        refused++;
        checkRefusal(e, file, m.at, `pack case ${k} (${(base as { name: string }).name}: ${m.what} at ${toJsonPath(m.at)})`, m.data);
      }
    }
    assert.ok(refused > 300, `only ${refused} mutations were refused`);
  });

  it('a pack that fails to load (missing, not JSON, not UTF-8, invalid) leaves the built-ins and the good packs running', async () => {
    const files: Record<string, Uint8Array> = {
      '/o/notjson.json': Buffer.from('{"name": '),
      '/o/gbk.json': Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0xd5, 0xfe, 0x7d]),
      '/o/invalid.json': Buffer.from(JSON.stringify({ name: 'x', wording: { misspellings: [{ wrong: '布署' }] } })),
      '/o/good.json': Buffer.from(JSON.stringify({ name: 'good-office' })),
    };
    const fs: FileSystem = { readFile: async f => files[f] };
    const r = await loadPacks(['missing.json', 'notjson.json', 'gbk.json', 'invalid.json', 'good.json'], '/o', fs);
    assert.deepStrictEqual(
      r.errors.map(e => e.file),
      ['/o/missing.json', '/o/notjson.json', '/o/gbk.json', '/o/invalid.json'],
    );
    for (const e of r.errors) assert.ok(e.message.includes(e.file!), e.message);
    assert.strictEqual(r.errors[3].jsonPath?.startsWith('$.wording.misspellings[0]'), true, r.errors[3].message);
    const names = r.packSet.packs.map(p => p.name);
    assert.deepStrictEqual(names, [...builtinPackSet().packs.map(p => p.name), 'good-office']);
    // And linting with that pack set works and finds what the built-ins find.
    const text = '各位委员:\n推动专门协商机构“”出特色。\n';
    const a = lint(text, { packs: r.packSet }).diagnostics.map(d => `${d.ruleId}@${d.offset}`);
    const b = lint(text).diagnostics.map(d => `${d.ruleId}@${d.offset}`);
    assert.deepStrictEqual(a, b);
    assert.ok(a.length > 0);
  });
});
