#!/usr/bin/env node
// draft-lint command: runs the compiled CLI (built by `npm ci` through the prepare script, or `npx tsc -p .`).
'use strict';
let cli;
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
