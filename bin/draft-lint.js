#!/usr/bin/env node
// draft-lint command: runs the compiled CLI (built by `npm ci` through the prepare script, or `npx tsc -p .`).
'use strict';
let cli;
// A run that lints files needs the word segmenter: start its load (≈100 ms, on a worker thread) before the
// CLI's modules load. The CLI decides whether to use it; DRAFT_LINT_SEGMENTER_THREAD=0 turns this off.
const NO_LINT = new Set(['-h', '--help', '-v', '--version', '--list-rules', '--print-config', '--figures']);
if (process.env.DRAFT_LINT_SEGMENTER_THREAD !== '0' && !process.argv.slice(2).some(a => NO_LINT.has(a.split('=')[0]))) {
  try {
    require('../out/src/segmenter/threaded.js').startEarlySegmenter();
  } catch {
    /* not built, or no worker threads: the CLI loads the segmenter itself */
  }
}
try {
  cli = require('../out/src/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /out[\\/]src[\\/]cli[\\/]main/.test(e.message)) {
    process.stderr.write('draft-lint: 尚未编译，请先运行 npm ci（或 npx tsc -p .）。Not built yet: run `npm ci` or `npx tsc -p .` first.\n');
    process.exit(2);
  }
  throw e;
}
cli.main();
