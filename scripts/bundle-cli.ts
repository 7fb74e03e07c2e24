// Bundles the compiled CLI (out/src/cli/main.js and the ~75 modules it loads) into one file,
// out/src/cli/main.bundle.js, which bin/draft-lint.js runs when it is at least as new as main.js. Loading one file
// instead of ~75 takes about 20 ms less on every `draft-lint` run (measured: five seeds, 0.28 s → 0.26 s on one
// thread). Same code, same output: the bundle sits in the same folder as main.js, so every path the modules find
// from __dirname (package.json, schemas/, the segmenter's dictionaries) is the same; the segmenter worker runs the
// unbundled out/src/segmenter/threaded.js. Runs after `tsc -p .` in `npm run build` and `prepare`; without esbuild
// (an install without devDependencies) it does nothing and bin/draft-lint.js uses main.js.
// After bundling, bin/code-cache.js lints examples/ with the bundle and saves V8's compiled code next to it
// (out/src/cli/main.bundle.cache), which bin/draft-lint.js hands to V8 (docs/performance.md, 第四轮).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const ENTRY = path.join(ROOT, 'out/src/cli/main.js');
export const BUNDLE = path.join(ROOT, 'out/src/cli/main.bundle.js');
const CODE_CACHE = path.join(ROOT, 'out/src/cli/main.bundle.cache');

/**
 * The bundle with every non-ASCII character written as a \uXXXX escape, or undefined when that could change what the
 * code means. esbuild escapes string literals but not regular-expression literals (/[“”]/) or the comments it keeps;
 * one such character makes V8 hold the whole 1.4 MB source as UTF-16 and decode it from UTF-8 on every run (about
 * 35 M instructions of the five seeds' 5.6 G, cachegrind). In a regular expression (with or without the u flag), a
 * string or a comment the escape means the same character; it is not allowed as whitespace, after a backslash
 * (\“ would become \\u201C), and a surrogate pair is one character only in some places: then the bundle stays as it is.
 */
export function asciiSource(code: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(code)) return code;
  if (/[\ud800-\udfff]/.test(code) || /\\[^\x00-\x7f]/.test(code) || /(?![\n\r\t ])\s/.test(code.replace(/[\x00-\x7f]+/g, ''))) return undefined;
  return code.replace(/[^\x00-\x7f]/g, c => '\\u' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'));
}

async function main(): Promise<void> {
  let esbuild: typeof import('esbuild');
  try {
    esbuild = require('esbuild') as typeof import('esbuild');
  } catch {
    fs.rmSync(BUNDLE, { force: true });
    fs.rmSync(CODE_CACHE, { force: true });
    process.stderr.write('bundle-cli: esbuild is not installed; the CLI runs from out/src/cli/main.js\n');
    return;
  }
  const r = await esbuild.build({
    entryPoints: [ENTRY],
    outfile: BUNDLE,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Native or optional at run time, loaded only when needed: stay in node_modules.
    external: ['nodejieba', 'jieba-wasm', 'ajv', 'ajv/*', 'iconv-lite'],
    // jsonc-parser's "main" is a UMD build that requires its own files by computed names (not bundleable); its
    // ES module build is plain imports.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    // The rule packs stay JSON files (out/src/packs/*.json, next to out/src/cli): JSON.parse reads them faster
    // than V8 parses the same data as a JavaScript literal (≈300 KB).
    plugins: [
      {
        name: 'packs-as-json',
        setup(b) {
          b.onResolve({ filter: /\.json$/ }, args =>
            path.resolve(args.resolveDir) === path.join(ROOT, 'out/src/packs') ? { path: '../packs/' + path.basename(args.path), external: true } : undefined,
          );
        },
      },
    ],
    logLevel: 'silent',
    legalComments: 'none',
  });
  for (const w of r.warnings) process.stderr.write(`bundle-cli: ${w.text}\n`);
  const ascii = asciiSource(fs.readFileSync(BUNDLE, 'utf8'));
  if (ascii !== undefined) fs.writeFileSync(BUNDLE, ascii);
  // A plain `node` (no NODE_OPTIONS): V8 accepts a cache only under the flags it was made with.
  const env: NodeJS.ProcessEnv = { ...process.env, DRAFT_LINT_CACHE: '0' };
  delete env.NODE_OPTIONS;
  const c = spawnSync(process.execPath, [path.join(ROOT, 'bin/code-cache.js'), BUNDLE, path.join(ROOT, 'examples')], { cwd: ROOT, env, encoding: 'utf8', timeout: 120000 });
  if (c.status !== 0 || !fs.existsSync(CODE_CACHE)) process.stderr.write(`bundle-cli: no code cache (${(c.stderr || c.error?.message || '').trim()})\n`);
}

if (require.main === module)
  main().catch(e => {
    process.stderr.write(`bundle-cli: ${(e as Error).message}\n`);
    process.exitCode = 1;
  });
