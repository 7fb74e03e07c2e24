// The precompiled schema validators (schemas/validators.generated.js, from scripts/build-validators.ts) are current
// and report exactly the errors that ajv compiling the schemas at run time reports.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { CONFIG_SCHEMA_ID, PACK_SCHEMA_ID, PRECOMPILED_FILE } from '../../src/host/schema';
import { generateValidators } from '../../scripts/build-validators';

const ROOT = path.join(__dirname, '../../..');

describe('precompiled schema validators', () => {
  it('the generated file is up to date (else: npx tsc -p . && node out/scripts/build-validators.js)', () => {
    assert.strictEqual(fs.readFileSync(path.join(ROOT, PRECOMPILED_FILE), 'utf8'), generateValidators());
  });

  it('give the same verdicts and errors as ajv', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const name of ['formulations', 'wording', 'templates', 'figures', 'pack', 'draftlintrc'])
      ajv.addSchema(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${name}.schema.json`), 'utf8')) as object);
    const pre = require(path.join(ROOT, PRECOMPILED_FILE)) as Record<string, ((d: unknown) => boolean) & { errors?: unknown }>;
    const builtinPacks = ['figures', 'formulations', 'templates', 'wording'].map(n => JSON.parse(fs.readFileSync(path.join(ROOT, 'src/packs', `${n}.json`), 'utf8')) as Record<string, unknown>);
    const cases: [string, unknown][] = [
      [CONFIG_SCHEMA_ID, {}],
      [CONFIG_SCHEMA_ID, { rules: { 'wording/doubled-word': 'warning' }, docType: 'report' }],
      [CONFIG_SCHEMA_ID, { rules: 5 }],
      [CONFIG_SCHEMA_ID, { rules: { a: 'loud' }, packs: [1], bogus: true, maxFileSize: -1 }],
      [CONFIG_SCHEMA_ID, [] as unknown],
      [PACK_SCHEMA_ID, {}],
      [PACK_SCHEMA_ID, { name: 1, wording: { misspellings: [{ wrong: 2 }] } }],
      ...builtinPacks.map(p => [PACK_SCHEMA_ID, p] as [string, unknown]),
      ...builtinPacks.map(p => [PACK_SCHEMA_ID, { ...p, extra: 1, name: '' }] as [string, unknown]),
    ];
    for (const [id, data] of cases) {
      const v = ajv.getSchema(id)!;
      const p = id === CONFIG_SCHEMA_ID ? pre.config : pre.pack;
      const ok = v(data);
      assert.strictEqual(p(data), ok, JSON.stringify(data).slice(0, 200));
      assert.deepStrictEqual(p.errors ?? null, v.errors ?? null, JSON.stringify(data).slice(0, 200));
    }
  });
});
