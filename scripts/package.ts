// Builds the extension's .vsix packages (run by `npm run package`, after `npm run build`):
//   node out/scripts/package.js                  this machine's platform package (when nodejieba's native module
//                                                loads here) and the universal package
//   … --target linux-x64 [--target …]            only these platform packages (each must be this machine's platform:
//                                                the native module is the one npm built here; other platforms are
//                                                built by .github/workflows/package.yml on a matching runner)
//   … --universal                                only the universal package
//   … --out <dir>                                where the .vsix files go (default: the project folder)
//
// A platform package (`vsce package --target T`) carries nodejieba's native module for T as dist/native/nodejieba.node
// and uses it; the universal package carries none and uses jieba-wasm (WebAssembly, every platform; same findings,
// slower to load). VS Code and the Marketplace prefer the platform package matching the machine, and fall back to
// the universal one. Both are made with `--no-dependencies` (package.json "vsce": {"dependencies": false}): the
// extension is the esbuild bundle in dist/ (scripts/bundle-extension.ts) and needs no node_modules.
import * as fs from 'fs';
import * as path from 'path';
import { DIST } from './bundle-extension';

const ROOT = path.resolve(__dirname, '../..');

/** The targets VS Code knows (`vsce package --target`). */
export const TARGETS = ['win32-x64', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linux-armhf', 'darwin-x64', 'darwin-arm64', 'alpine-x64', 'alpine-arm64'] as const;
export type Target = (typeof TARGETS)[number];

/** This machine's VS Code target (Alpine when Linux runs without glibc). */
export function hostTarget(): Target | undefined {
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  let os: string = process.platform;
  if (os === 'linux') {
    const header = (process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header;
    if (!header?.glibcVersionRuntime) os = 'alpine';
  }
  const t = `${os}-${arch}`;
  return (TARGETS as readonly string[]).includes(t) ? (t as Target) : undefined;
}

/** The file name of a package: draft-lint-<target>-<version>.vsix, or draft-lint-universal-<version>.vsix. */
export function vsixName(target: Target | 'universal'): string {
  const { name, version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return `${name}-${target}-${version}.vsix`;
}

/** nodejieba's native module as npm built it here, if it loads. */
function builtNative(): { file?: string; error?: string } {
  try {
    const file = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'build/Release/nodejieba.node');
    require(file);
    return { file };
  } catch (e) {
    return { error: ((e as Error).message ?? String(e)).split('\n')[0] };
  }
}

async function createVsix(packagePath: string, target: Target | undefined, quiet: boolean): Promise<void> {
  const { createVSIX } = require('@vscode/vsce') as { createVSIX(o: Record<string, unknown>): Promise<unknown> };
  // vsce prints the file tree on the console; tests keep it out of their output.
  const log = console.log;
  if (quiet) console.log = () => undefined;
  try {
    await createVSIX({ cwd: ROOT, packagePath, target, dependencies: false, rewriteRelativeLinks: false, allowMissingRepository: true });
  } finally {
    console.log = log;
  }
}

/** Builds one package; returns its path. */
export async function packageFor(target: Target | 'universal', outDir: string, quiet = false): Promise<string> {
  if (!fs.existsSync(path.join(DIST, 'extension.js'))) throw new Error('dist/extension.js is missing: run `npm run build` first');
  const nativeDir = path.join(DIST, 'native');
  fs.rmSync(nativeDir, { recursive: true, force: true });
  const out = path.join(outDir, vsixName(target));
  try {
    if (target === 'universal') {
      await createVsix(out, undefined, quiet);
    } else {
      const host = hostTarget();
      if (target !== host)
        throw new Error(`the ${target} package needs nodejieba built for ${target}; this machine is ${host ?? process.platform + '-' + process.arch} (build it on a matching runner: .github/workflows/package.yml)`);
      const native = builtNative();
      if (!native.file) throw new Error(`nodejieba's native module does not load here (${native.error}); run \`npm rebuild nodejieba\`, or build only the universal package`);
      fs.mkdirSync(nativeDir, { recursive: true });
      fs.copyFileSync(native.file, path.join(nativeDir, 'nodejieba.node'));
      await createVsix(out, target, quiet);
    }
  } finally {
    // A clone runs nodejieba from node_modules; dist/native/ exists only while a platform package is made.
    fs.rmSync(nativeDir, { recursive: true, force: true });
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const targets: (Target | 'universal')[] = [];
  let outDir = ROOT;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--target') {
      const t = argv[++i];
      if (!(TARGETS as readonly string[]).includes(t)) {
        process.stderr.write(`package: unknown target ${t} (one of ${TARGETS.join(', ')})\n`);
        return 2;
      }
      targets.push(t as Target);
    } else if (a === '--universal') targets.push('universal');
    else if (a === '--out') outDir = path.resolve(argv[++i]);
    else {
      process.stderr.write(`package: unknown argument ${a}\n`);
      return 2;
    }
  }
  if (!targets.length) {
    const host = hostTarget();
    if (host && builtNative().file) targets.push(host);
    else process.stderr.write(`package: no platform package here (${host ?? 'unknown platform'}: ${builtNative().error ?? 'not a VS Code target'}); the universal one only\n`);
    targets.push('universal');
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const t of targets) {
    const file = await packageFor(t, outDir);
    process.stdout.write(`package: ${path.relative(process.cwd(), file) || file} (${(fs.statSync(file).size / 1024 / 1024).toFixed(2)} MB)\n`);
  }
  return 0;
}

if (require.main === module)
  main(process.argv.slice(2)).then(
    code => (process.exitCode = code),
    e => {
      process.stderr.write(`package: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
