// npm's prepare step (npm ci, and `npx draft-lint`, which installs this checkout into its cache and prepares it
// again): compile and bundle only when the build is missing or older than a source file, then link the command
// (scripts/link-bin.ts). A current build makes the first `npx draft-lint` take seconds instead of a full rebuild.
// Plain Node (not compiled), so it runs before anything is built.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
/** What the build reads: a newer file here means the build is stale. */
const SOURCES = ['src', 'scripts', 'schemas', 'test', 'bench/run.ts', 'tsconfig.json', 'package.json'];
const SKIP = new Set(['node_modules', 'out', '.git', '.vscode-test']);
/** Written by the build: the CLI bundle (scripts/bundle-cli.ts) and the extension bundle (scripts/bundle-extension.ts). */
const BUILT = ['out/src/cli/main.bundle.js', 'dist/extension.js'];

function newestMtime(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const e of fs.readdirSync(p)) if (!SKIP.has(e)) m = Math.max(m, newestMtime(path.join(p, e)));
  return m;
}

/** True when the bundle exists and no source is newer. */
function isBuildCurrent(root = ROOT) {
  let built = Infinity;
  try {
    for (const b of BUILT) built = Math.min(built, fs.statSync(path.join(root, b)).mtimeMs);
  } catch {
    return false;
  }
  return SOURCES.every(s => newestMtime(path.join(root, s)) <= built);
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (require.main === module) {
  // The typo lexicon's prebuilt index and the UTF-16LE copy of its text (scripts/build-typo-index.ts, git-ignored)
  // are part of the build; without them wording/typo builds the same tables on first use and decodes the UTF-8 file.
  const index = path.join(ROOT, 'src/segmenter/dict/typo.index.bin');
  const text16 = path.join(ROOT, 'src/segmenter/dict/typo.lexicon.utf16');
  // (and the term-slip index's binary, term.slips.bin: without it the text is parsed at every start)
  const slips = path.join(ROOT, 'src/segmenter/dict/term.slips.bin');
  if (!isBuildCurrent() || !fs.existsSync(index) || !fs.existsSync(text16) || !fs.existsSync(slips)) {
    run([require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', '.']);
    run(['out/scripts/build-typo-index.js']);
    run(['out/scripts/bundle-cli.js']);
    run(['out/scripts/bundle-extension.js']);
  }
  run(['out/scripts/link-bin.js']);
}

module.exports = { isBuildCurrent };
