#!/usr/bin/env node
// draft-lint command: runs the compiled CLI (built by `npm ci` through the prepare script, or `npx tsc -p .`).
'use strict';
const fs = require('fs');
const path = require('path');

/** The one-file bundle of the CLI (scripts/bundle-cli.ts; loads faster) when it is not older than the compiled
 *  main.js (after a plain `tsc -p .` it is, and main.js runs). */
function entry() {
  const dir = path.join(__dirname, '../out/src/cli');
  try {
    if (process.env.DRAFT_LINT_NO_BUNDLE !== '1' && fs.statSync(path.join(dir, 'main.bundle.js')).mtimeMs >= fs.statSync(path.join(dir, 'main.js')).mtimeMs)
      return '../out/src/cli/main.bundle.js';
  } catch {
    // no bundle (or no build yet: reported below)
  }
  return '../out/src/cli/main.js';
}

/** Loads the CLI and runs the command in this process (`stdin`: standard input, already read by bin/launch.js). */
function runHere(stdin) {
  const file = entry();
  let cli;
  try {
    if (file.endsWith('.bundle.js')) {
      // With the V8 code cache the build wrote (bin/code-cache.js); without it (or a stale one) as require would.
      const loaded = require('./code-cache').loadWithCodeCache(path.join(__dirname, file), { parent: module });
      if (process.env.DRAFT_LINT_CODE_CACHE_REPORT === '1') process.stderr.write(`draft-lint: code cache ${loaded.status}\n`);
      cli = loaded.exports;
    } else cli = require(file);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes(`'${file}'`)) {
      process.stderr.write('draft-lint: 尚未编译，请先运行 npm ci（或 npx tsc -p .）。Not built yet: run `npm ci` or `npx tsc -p .` first.\n');
      process.exit(2);
    }
    throw e;
  }
  cli.main(stdin);
}

module.exports = { runHere };

// A large task on Linux with glibc runs in a second node with malloc tuned for memory (bin/launch.js); the rest here.
if (require.main === module && !require('./launch').relaunch(__filename, runHere)) runHere();
