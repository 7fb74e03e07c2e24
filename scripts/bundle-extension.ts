// Bundles the VS Code extension with esbuild into dist/, so that the .vsix carries no node_modules:
//   dist/extension.js                   the extension (out/src/vscode/extension.js and everything it loads; `vscode` external)
//   dist/lintWorker.js                  the lint worker thread (backend.ts starts <dirname>/lintWorker.js)
//   dist/packs/*.json                   the built-in rule packs, as JSON files (JSON.parse is faster than a JS literal)
//   dist/dict/                          the segmenter's dictionaries, HMM model and typo lexicon (src/segmenter/dict)
//   dist/jieba_rs_wasm_bg.wasm          the fallback segmenter's WebAssembly (jieba-wasm's glue looks next to itself)
//   dist/schemas/validators.generated.js  the precompiled schema validators with ajv's runtime bundled in
//   dist/THIRD-PARTY-NOTICES.txt        the licences of every package bundled or copied
// nodejieba stays outside the bundle: in a clone it loads from node_modules; a platform-specific .vsix carries its
// native module as dist/native/nodejieba.node (scripts/package.ts copies it; src/segmenter/index.ts looks there
// first). Without it (the universal .vsix, or a native module that does not load) the extension runs jieba-wasm.
// Runs after `tsc -p .` in `npm run build`; without esbuild (an install without devDependencies) it does nothing.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
const ENTRIES = { extension: 'out/src/vscode/extension.js', lintWorker: 'out/src/vscode/lintWorker.js' };
const WASM = 'node_modules/jieba-wasm/pkg/nodejs/jieba_rs_wasm_bg.wasm';

/** Packages whose code or files the bundle carries, by name → their folder. */
function packagesOf(inputs: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of inputs) {
    const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f.split(path.sep).join('/'));
    if (m) out.set(m[1], path.join(ROOT, f.slice(0, m.index + m[0].length)));
  }
  return out;
}

function licenceText(dir: string): string | undefined {
  const f = fs.existsSync(dir) ? fs.readdirSync(dir).find(n => /^(licen[cs]e|copying)(\.|$)/i.test(n)) : undefined;
  return f ? fs.readFileSync(path.join(dir, f), 'utf8').trim() : undefined;
}

export async function bundleExtension(): Promise<boolean> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = require('esbuild') as typeof import('esbuild');
  } catch {
    process.stderr.write('bundle-extension: esbuild is not installed; the extension (dist/) is not built\n');
    return false;
  }
  // Everything is rebuilt (a native module is put in dist/native/ only while scripts/package.ts makes a package).
  fs.rmSync(DIST, { recursive: true, force: true });
  const packsDir = path.join(ROOT, 'out/src/packs');
  const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'silent', legalComments: 'none', metafile: true } as const;
  const r = await esbuild.build({
    ...common,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([k, v]) => [k, path.join(ROOT, v)])),
    outdir: DIST,
    external: ['vscode', 'nodejieba'],
    // jsonc-parser's "main" is a UMD build that requires its own files by computed names (not bundleable).
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    plugins: [
      {
        name: 'packs-as-json',
        setup(b) {
          b.onResolve({ filter: /\.json$/ }, args =>
            path.resolve(args.resolveDir) === packsDir ? { path: './packs/' + path.basename(args.path), external: true } : undefined,
          );
        },
      },
    ],
  });
  const v = await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'schemas/validators.generated.js')],
    outfile: path.join(DIST, 'schemas/validators.generated.js'),
  });
  for (const w of [...r.warnings, ...v.warnings]) process.stderr.write(`bundle-extension: ${w.text}\n`);

  fs.mkdirSync(path.join(DIST, 'packs'), { recursive: true });
  for (const f of fs.readdirSync(packsDir).filter(n => n.endsWith('.json'))) fs.copyFileSync(path.join(packsDir, f), path.join(DIST, 'packs', f));
  // (Not the CLI's UTF-16LE copy of the typo lexicon, typo.lexicon.utf16: 4.9 MB more in the package for ≈30 ms once
  // per editor session; the lexicon is read from its UTF-8 file there.)
  fs.cpSync(path.join(ROOT, 'src/segmenter/dict'), path.join(DIST, 'dict'), { recursive: true, filter: f => !f.endsWith('.lexicon.utf16') });
  fs.copyFileSync(path.join(ROOT, WASM), path.join(DIST, path.basename(WASM)));

  const pkgs = packagesOf([...Object.keys(r.metafile.inputs), ...Object.keys(v.metafile.inputs), WASM]);
  // The native module (platform packages) and the HMM model come from nodejieba / cppjieba.
  pkgs.set('nodejieba', path.join(ROOT, 'node_modules/nodejieba'));
  const notices = ['draft-lint bundles or ships files of these packages; their licences follow.', ''];
  for (const [name, dir] of [...pkgs].sort((a, b) => a[0].localeCompare(b[0]))) {
    let version = '';
    let licence = '';
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string; license?: string };
      version = pkg.version;
      licence = pkg.license ?? '';
    } catch {
      /* not installed (nodejieba is optional) */
    }
    const text = licenceText(dir) ?? `(the package has no licence file; its package.json says: ${licence || 'nothing'})`;
    notices.push('='.repeat(78), `${name}${version ? ' ' + version : ''}${licence ? ' — ' + licence : ''}`, '='.repeat(78), text, '');
  }
  fs.writeFileSync(path.join(DIST, 'THIRD-PARTY-NOTICES.txt'), notices.join('\n'));
  return true;
}

if (require.main === module)
  bundleExtension().catch(e => {
    process.stderr.write(`bundle-extension: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
