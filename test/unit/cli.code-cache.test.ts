// The V8 code cache of the CLI bundle (bin/code-cache.js): a good cache is used; a stale, corrupt, foreign or missing
// one is never handed to V8 and the module loads from its source as without a cache; the report is the same either way.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '../../..');
const BIN = path.join(REPO, 'bin/draft-lint.js');

interface CodeCache {
  cacheFileFor(file: string): string;
  loadWithCodeCache(file: string, opts?: { env?: Record<string, string | undefined>; cacheFile?: string }): { exports: { f(): string }; status: string };
  writeCodeCache(file: string, warm?: (exports: { f(): string }) => Promise<unknown> | unknown, cacheFile?: string): Promise<number>;
}
const cc = require(path.join(REPO, 'bin/code-cache.js')) as CodeCache;

/** A module with some functions to compile (and a result that tells which source ran). */
function moduleSource(letter: string): string {
  const fns = Array.from({ length: 40 }, (_, i) => `function g${i}(x) { return x.split('').reverse().join('') + ${i}; }`).join('\n');
  return `'use strict';\n${fns}\nexports.f = () => '${letter}' + g1('ab') + g39('cd');\n`;
}

describe('cli: V8 code cache of the bundle (bin/code-cache.js)', function () {
  this.timeout(120000);
  let dir: string;
  let file: string;
  let cache: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-cc-'));
    file = path.join(dir, 'mod.bundle.js');
    fs.writeFileSync(file, moduleSource('A'));
    cache = cc.cacheFileFor(file);
    await cc.writeCodeCache(file, m => m.f());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the cache next to the module and uses it', () => {
    assert.strictEqual(cache, path.join(dir, 'mod.bundle.cache'));
    const r = cc.loadWithCodeCache(file);
    assert.strictEqual(r.status, 'used');
    assert.strictEqual(r.exports.f(), 'Aba1dc39');
  });

  it('a module changed to a source of the same length is loaded from its source, not from the cache (V8 checks only the length)', () => {
    fs.writeFileSync(file, moduleSource('B'));
    const r = cc.loadWithCodeCache(file);
    assert.strictEqual(r.status, 'stale');
    assert.strictEqual(r.exports.f(), 'Bba1dc39');
  });

  it('a corrupt, truncated or foreign cache falls back to the source', () => {
    const good = fs.readFileSync(cache);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0xff;
    const nl = good.indexOf(10, good.indexOf(10) + 1);
    const head = JSON.parse(good.subarray(good.indexOf(10) + 1, nl).toString('utf8')) as Record<string, string>;
    const foreign = Buffer.concat([good.subarray(0, good.indexOf(10) + 1), Buffer.from(JSON.stringify({ ...head, node: 'v0.0.1' })), good.subarray(nl)]);
    const cases: [Buffer, string][] = [
      [flipped, 'corrupt'],
      [good.subarray(0, good.length - 1), 'corrupt'],
      [good.subarray(0, 10), 'corrupt'],
      [Buffer.from('not a cache at all\n{}\n'), 'corrupt'],
      [Buffer.alloc(0), 'corrupt'],
      [foreign, 'other-node'],
    ];
    for (const [bytes, why] of cases) {
      fs.writeFileSync(cache, bytes);
      const r = cc.loadWithCodeCache(file);
      assert.strictEqual(r.status, why);
      assert.strictEqual(r.exports.f(), 'Aba1dc39');
    }
    fs.rmSync(cache);
    assert.strictEqual(cc.loadWithCodeCache(file).status, 'missing');
  });

  it('DRAFT_LINT_CODE_CACHE=0 turns it off', () => {
    const r = cc.loadWithCodeCache(file, { env: { DRAFT_LINT_CODE_CACHE: '0' } });
    assert.strictEqual(r.status, 'off');
    assert.strictEqual(r.exports.f(), 'Aba1dc39');
  });

  it('the command gives the same report with and without the cache (when the build wrote one)', function () {
    const bundle = path.join(REPO, 'out/src/cli/main.bundle.js');
    const main = path.join(REPO, 'out/src/cli/main.js');
    if (!fs.existsSync(cc.cacheFileFor(bundle)) || fs.statSync(bundle).mtimeMs < fs.statSync(main).mtimeMs) this.skip();
    const lint = (env: Record<string, string>) =>
      spawnSync(process.execPath, [BIN, '--format', 'json', 'examples'], { cwd: REPO, env: { ...process.env, DRAFT_LINT_CODE_CACHE_REPORT: '1', ...env }, encoding: 'utf8', timeout: 60000 });
    const on = lint({});
    const off = lint({ DRAFT_LINT_CODE_CACHE: '0' });
    assert.match(on.stderr, /^draft-lint: code cache used$/m);
    assert.match(off.stderr, /^draft-lint: code cache off$/m);
    assert.strictEqual(on.status, off.status);
    assert.ok(on.stdout.length > 1000);
    assert.strictEqual(on.stdout, off.stdout);
  });
});
