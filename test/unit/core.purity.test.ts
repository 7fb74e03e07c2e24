// The core (src/core) is pure: it reads no files, starts no sandboxes or processes and loads no module by a computed
// path; the host layer (src/host) passes in what it needs. The engine knows no rules: the rule list is given to it
// (src/lint.ts passes the built-in one). This scans the core's sources for imports that would break that.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const CORE = path.join(__dirname, '../../../src/core');
/** Node built-ins (and the like) the core may not import. */
const FORBIDDEN = /^(node:)?(fs|fs\/promises|vm|child_process|worker_threads|net|http|https|os|v8|module|vscode)$/;
/** What the core may import besides its own files: the built-in pack data. */
const ALLOWED_OUTSIDE = /^\.\.\/packs$/;

/** The module specifiers a TypeScript source imports or requires (type-only imports included). */
export function importsOf(source: string): { spec: string; kind: 'import' | 'require' | 'dynamic' }[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const out: { spec: string; kind: 'import' | 'require' | 'dynamic' }[] = [];
  for (const m of code.matchAll(/\b(?:import|export)\s[^;]*?\bfrom\s*['"]([^'"]+)['"]/g)) out.push({ spec: m[1], kind: 'import' });
  for (const m of code.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) out.push({ spec: m[1], kind: 'import' });
  for (const m of code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)) out.push({ spec: m[1].trim(), kind: 'require' });
  for (const m of code.matchAll(/\bimport\s*\(\s*([^)]*)\)/g)) out.push({ spec: m[1].trim(), kind: 'dynamic' });
  return out;
}

describe('core purity', () => {
  const files = fs.readdirSync(CORE).filter(f => f.endsWith('.ts'));

  it('finds the core sources', () => assert.ok(files.includes('engine.ts') && files.length >= 10, files.join(',')));

  it('the scanner sees every kind of import (it can fail)', () => {
    const found = importsOf("import * as fs from 'fs';\nimport type { X } from '../rules';\nconst r = require('../rules');\nconst v = await import('vm');\n// require('ignored')\n");
    assert.deepStrictEqual(found.map(f => `${f.kind}:${f.spec}`), ["import:fs", "import:../rules", "require:'../rules'", "dynamic:'vm'"]);
  });

  for (const f of files)
    it(`src/core/${f} imports no fs, vm, process or rule modules and requires nothing`, () => {
      const bad: string[] = [];
      for (const { spec, kind } of importsOf(fs.readFileSync(path.join(CORE, f), 'utf8'))) {
        if (kind !== 'import') bad.push(`${kind}(${spec})`);
        else if (FORBIDDEN.test(spec)) bad.push(spec);
        else if (!spec.startsWith('./') && !ALLOWED_OUTSIDE.test(spec)) bad.push(spec);
        else if (/^\.\.\/rules/.test(spec)) bad.push(spec);
      }
      assert.deepStrictEqual(bad, []);
    });
});
