// Runs the integration suite inside a real VS Code through @vscode/test-electron's runTests.
//
//   node out/test/integration/run.js            offline (default): the VS Code server from the npm package
//                                                code-server + headless Chromium (sets itself up on first run)
//   node out/test/integration/run.js --desktop   desktop VS Code downloaded by @vscode/test-electron (needs
//                                                internet, and a display on Linux: xvfb-run -a …)
//   … --extension=<dir>                          test another copy of the extension, e.g. an unpacked .vsix
//                                                (unzip draft-lint-*.vsix; pass its extension/ folder)
//   … --fallback                                 the suite once more with nodejieba unavailable: builds the universal
//                                                .vsix (scripts/package.ts), unpacks it where no node_modules are,
//                                                and runs it there (jieba-wasm; the suite expects it and the message)
//
// The clone's extension is the esbuild bundle in dist/ (package.json main); it is rebuilt first when older than
// the compiled sources (after a bare `tsc -p .`).
// The fixture workspace is copied to a temporary folder (tests edit files there) and removed afterwards.
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { unzipSync } from 'fflate';
import { bundleExtension } from '../../scripts/bundle-extension';
import { packageFor } from '../../scripts/package';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const FALLBACK = process.argv.includes('--fallback');

/** Keeps the suite's `integration-metric:` lines (runTests pipes the host's output through our stdout). */
const metrics: string[] = [];
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
  const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  for (const line of text.split('\n')) if (line.includes('integration-metric:')) metrics.push(line.trim());
  return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
}) as typeof process.stdout.write;

/** Leaves the metrics where `npm run bench` looks for them (.vscode-test/integration-metrics.txt). */
function saveMetrics(): void {
  if (!metrics.length) return;
  const file = path.join(ROOT, '.vscode-test', FALLBACK ? 'integration-metrics.fallback.txt' : 'integration-metrics.txt');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, metrics.join('\n') + '\n');
}

/** dist/ is at least as new as the compiled extension (else it is bundled again). */
function bundleFresh(): boolean {
  const bundle = path.join(ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) return false;
  const t = fs.statSync(bundle).mtimeMs;
  return ['out/src/vscode/extension.js', 'out/src/vscode/lintWorker.js', 'out/src/core/engine.js'].every(f => !fs.existsSync(path.join(ROOT, f)) || fs.statSync(path.join(ROOT, f)).mtimeMs <= t);
}

/** Builds the universal .vsix and unpacks it into a temporary folder (no node_modules above it); its extension/ folder. */
async function unpackedUniversal(tmp: string): Promise<string> {
  const vsix = await packageFor('universal', tmp, true);
  for (const [name, data] of Object.entries(unzipSync(fs.readFileSync(vsix)))) {
    const dest = path.join(tmp, 'unpacked', name);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.writeFileSync(dest, data);
  }
  console.log(`integration: running the universal package ${path.basename(vsix)}, unpacked in ${tmp} (nodejieba not installed there)`);
  return path.join(tmp, 'unpacked', 'extension');
}

async function main(): Promise<number> {
  const desktop = process.argv.includes('--desktop') || process.env.DRAFT_LINT_VSCODE === 'desktop';
  const extensionTestsPath = path.join(__dirname, 'suite', 'index');
  const extArg = process.argv.find(a => a.startsWith('--extension='));
  if (!bundleFresh() && !(await bundleExtension())) {
    console.error('integration: the extension bundle (dist/) could not be built; run npm run build');
    console.log('integration: 0 passed, 1 failed');
    return 1;
  }
  const tmp = FALLBACK ? fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-universal-')) : undefined;
  const extensionDevelopmentPath = tmp ? await unpackedUniversal(tmp) : extArg ? path.resolve(extArg.slice('--extension='.length)) : ROOT;
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-ws-'));
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'integration', 'workspace'), workspace, { recursive: true });
  let vscodeExecutablePath: string | undefined;
  if (!desktop) {
    const setup = cp.spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'integration', 'setup-host.js')], { stdio: 'inherit' });
    if (setup.status !== 0) {
      console.error('integration: could not set up the offline VS Code host (see above)');
      console.log('integration: 0 passed, 1 failed');
      return 1;
    }
    vscodeExecutablePath = path.join(ROOT, 'scripts', 'integration', 'code-server-host.js');
  }
  try {
    await runTests({
      vscodeExecutablePath,
      version: desktop ? process.env.DRAFT_LINT_VSCODE_VERSION || '1.100.3' : undefined,
      extensionDevelopmentPath,
      extensionTestsPath,
      launchArgs: [workspace, '--disable-extensions'],
      extensionTestsEnv: { DRAFT_LINT_INTEGRATION: '1', ...(FALLBACK ? { DRAFT_LINT_IT_EXPECT_SEGMENTER: 'jieba-wasm' } : {}) },
    });
    return 0;
  } catch (e) {
    console.error(`integration: VS Code exited with ${(e as Error).message}`);
    return 1;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    saveMetrics();
  }
}

// A last-resort bound on the whole run (the offline host has its own, shorter timeout and cleans up after itself).
const overall = Number(process.env.DRAFT_LINT_IT_OVERALL_TIMEOUT_MS || 20 * 60 * 1000);
setTimeout(() => {
  console.error(`integration: the run did not finish within ${overall} ms`);
  console.log('integration: 0 passed, 1 failed');
  process.exit(124);
}, overall).unref();

main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    process.exit(1);
  },
);
