// The .vsix packages (scripts/package.ts): what they contain — the esbuild bundle, its packs, dictionaries, the
// jieba-wasm .wasm, snippets, schemas, rule pages, and no node_modules or sources — and that the bundle works from an
// unpacked package with no node_modules anywhere: the universal package lints with jieba-wasm, this machine's platform
// package with its own nodejieba.node, and both find what the CLI's engine finds. Needs `npm run build` (dist/).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { unzipSync } from 'fflate';
import { allRules, lint } from '../../src/lint';
import { defaultConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';
import { hostTarget, packageFor } from '../../scripts/package';
import type { WorkerReply } from '../../src/vscode/protocol';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const LARGE = path.join(ROOT, 'test/fixtures/integration/workspace/large.txt');

/** Lints `text` on the unpacked package's lint worker (dist/lintWorker.js) after loading its segmenter. */
function lintOnWorker(workerFile: string, text: string): Promise<{ segmenter: Extract<WorkerReply, { type: 'segmenter' }>; findings: string[] }> {
  return new Promise((resolve, reject) => {
    const w = new Worker(workerFile, { env: { ...process.env, DRAFT_LINT_SEGMENTER: '' } });
    let segmenter: Extract<WorkerReply, { type: 'segmenter' }> | undefined;
    const timer = setTimeout(() => reject(new Error('the lint worker did not answer in 60 s')), 60000);
    w.on('error', reject);
    w.on('message', (m: WorkerReply) => {
      if (m.type === 'segmenter') {
        segmenter = m;
        w.postMessage({ type: 'lint', id: 1, key: 'k', text, config: defaultConfig(), packsId: 0 });
      } else if (m.type === 'lint') {
        clearTimeout(timer);
        w.postMessage({ type: 'shutdown', id: 0 });
        resolve({ segmenter: segmenter!, findings: m.diagnostics.map(d => `${d.ruleId}@${d.line}:${d.column}`) });
      } else if (m.type === 'error') reject(new Error(m.message));
    });
    w.postMessage({ type: 'loadSegmenter', id: 0 });
  });
}

function unpack(vsix: string, into: string): string[] {
  const files = unzipSync(fs.readFileSync(vsix));
  for (const [name, data] of Object.entries(files)) {
    const dest = path.join(into, name);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, data);
  }
  return Object.keys(files).sort();
}

describe('.vsix packages (vsce package, universal and this platform)', function () {
  this.timeout(180000);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-vsix-'));
  const host = hostTarget();
  const text = fs.readFileSync(LARGE, 'utf8');
  const expected = lint(text, { segmenter: loadSegmenter({ engine: 'nodejieba' }).segmenter }).diagnostics.map(d => `${d.ruleId}@${d.line}:${d.column}`);
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const required = [
    'extension/package.json',
    'extension/readme.md',
    'extension/LICENSE.txt',
    'extension/dist/extension.js',
    'extension/dist/lintWorker.js',
    'extension/dist/THIRD-PARTY-NOTICES.txt',
    'extension/dist/jieba_rs_wasm_bg.wasm',
    'extension/dist/schemas/validators.generated.js',
    ...['compact.dict.utf8', 'zhengxie.user.utf8', 'hmm_model.utf8', 'idf.min.utf8', 'stop_words.min.utf8', 'stock-only.words.gz', 'typo.lexicon.utf8', 'typo.homophones.utf8'].map(f => `extension/dist/dict/${f}`),
    ...['formulations', 'wording', 'templates', 'figures'].map(p => `extension/dist/packs/${p}.json`),
    'extension/snippets/markdown.json',
    'extension/snippets/plaintext.json',
    'extension/schemas/draftlintrc.schema.json',
    'extension/schemas/pack.schema.json',
    'extension/package.nls.json',
    'extension/package.nls.zh-cn.json',
    ...allRules().map(r => `extension/docs/rules/${r.meta.id}.md`),
  ];

  function checkList(list: string[]): void {
    for (const f of required) assert.ok(list.includes(f), `${f} is in the package`);
    const stray = list.filter(f => /(^|\/)(node_modules|out|src|test|scripts|bench)\//.test(f) || /\.(ts|map)$/.test(f) || /^extension\/docs\/(?!rules\/)/.test(f));
    assert.deepStrictEqual(stray, [], 'no dependencies, compiled tree, sources, tests or non-rule docs');
    const manifest = JSON.parse(fs.readFileSync(path.join(tmp, 'u', 'extension/package.json'), 'utf8')) as { main: string };
    assert.strictEqual(manifest.main, './dist/extension.js');
  }

  it('the universal package: the bundle and its data, no native module, and it lints with jieba-wasm', async () => {
    const vsix = await packageFor('universal', tmp, true);
    assert.strictEqual(path.basename(vsix), `draft-lint-universal-${require(path.join(ROOT, 'package.json')).version}.vsix`);
    const list = unpack(vsix, path.join(tmp, 'u'));
    checkList(list);
    assert.deepStrictEqual(list.filter(f => /\.node$|\/native\//.test(f)), [], 'no native module');
    const xml = fs.readFileSync(path.join(tmp, 'u', 'extension.vsixmanifest'), 'utf8');
    assert.doesNotMatch(xml, /TargetPlatform=/);
    const r = await lintOnWorker(path.join(tmp, 'u', 'extension/dist/lintWorker.js'), text);
    assert.strictEqual(r.segmenter.state, 'ready', r.segmenter.error);
    assert.strictEqual(r.segmenter.engine, 'jieba-wasm');
    assert.match(r.segmenter.fallbackReason ?? '', /未安装 nodejieba：通用版扩展包不含它的本地模块/);
    assert.deepStrictEqual(r.findings, expected, 'the same findings as nodejieba in the CLI engine');
  });

  it("this machine's platform package carries nodejieba.node and lints with it", async function () {
    if (!host) this.skip();
    const vsix = await packageFor(host!, tmp, true);
    const list = unpack(vsix, path.join(tmp, 't'));
    for (const f of required) assert.ok(list.includes(f), `${f} is in the package`);
    assert.deepStrictEqual(list.filter(f => /\.node$/.test(f)), ['extension/dist/native/nodejieba.node']);
    assert.deepStrictEqual(list.filter(f => /node_modules\//.test(f)), []);
    const xml = fs.readFileSync(path.join(tmp, 't', 'extension.vsixmanifest'), 'utf8');
    assert.match(xml, new RegExp(`TargetPlatform="${host}"`));
    const r = await lintOnWorker(path.join(tmp, 't', 'extension/dist/lintWorker.js'), text);
    assert.strictEqual(r.segmenter.state, 'ready', r.segmenter.error);
    assert.strictEqual(r.segmenter.engine, 'nodejieba');
    assert.strictEqual(r.segmenter.nativeModule, path.join(tmp, 't', 'extension/dist/native/nodejieba.node'));
    assert.deepStrictEqual(r.findings, expected);
    assert.ok(!fs.existsSync(path.join(ROOT, 'dist/native')), 'dist/native/ is removed after packaging');
  });

  it('refuses a platform package for another platform (its native module is built on a matching runner)', async () => {
    const other = host === 'win32-x64' ? 'linux-x64' : 'win32-x64';
    await assert.rejects(packageFor(other, tmp, true), /needs nodejieba built for .*package\.yml/);
  });
});
