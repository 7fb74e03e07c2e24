// V8 code cache for the CLI bundle (docs/performance.md, 第四轮). `draft-lint` on a few drafts is a cold start: V8
// parses and compiles the bundle's functions as they are first called. The build (scripts/bundle-cli.ts) runs the
// bundle once over examples/ and saves V8's compiled code (vm.Script#createCachedData) next to the bundle; later
// runs hand it to V8, which then skips that work (five seeds: about 0.04 s less wall time).
//
// The cache is only an acceleration: whatever is wrong with it, the bundle is compiled from its source as without a
// cache. V8 checks its own version and flags but, of the source, only its length, so the file starts with a header
// that names the bundle's SHA-1, the cache data's SHA-1 and the Node version; a stale (bundle rebuilt), corrupt or
// foreign cache is not given to V8 at all. DRAFT_LINT_CODE_CACHE=0 turns the cache off.
// Plain Node (not compiled): bin/draft-lint.js loads it before anything else.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const Module = require('module');
const path = require('path');
const vm = require('vm');

const MAGIC = 'draft-lint-code-cache 1\n';

/** The cache file of a bundle. */
function cacheFileFor(file) {
  return file.replace(/\.js$/, '') + '.cache';
}

function sha1(data) {
  return crypto.createHash('sha1').update(data).digest('hex');
}

/** The cache data for `source` (its text or its UTF-8 bytes) from `cacheFile`, or why there is none: 'missing', 'corrupt', 'stale', 'other-node'. */
function readCache(cacheFile, source) {
  let buf;
  try {
    buf = fs.readFileSync(cacheFile);
  } catch {
    return { why: 'missing' };
  }
  const magic = Buffer.from(MAGIC);
  if (buf.length < magic.length || !buf.subarray(0, magic.length).equals(magic)) return { why: 'corrupt' };
  const nl = buf.indexOf(10, magic.length);
  if (nl < 0) return { why: 'corrupt' };
  let head;
  try {
    head = JSON.parse(buf.subarray(magic.length, nl).toString('utf8'));
  } catch {
    return { why: 'corrupt' };
  }
  const data = buf.subarray(nl + 1);
  if (!head || typeof head !== 'object' || head.data !== sha1(data)) return { why: 'corrupt' };
  if (head.node !== process.version || head.arch !== process.arch) return { why: 'other-node' };
  if (head.source !== sha1(source)) return { why: 'stale' };
  return { data };
}

/** Compiles `source` as the CommonJS module `file` (as require would) with optional cache data. */
function compile(file, source, cachedData) {
  return new vm.Script(Module.wrap(source), { filename: file, cachedData });
}

/** Runs a compiled module body as the module `file` and returns its exports. */
function run(script, file, parent) {
  const m = new Module(file, parent);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  const fn = script.runInThisContext({ displayErrors: true });
  fn.call(m.exports, m.exports, Module.createRequire(file), m, file, path.dirname(file));
  m.loaded = true;
  return m.exports;
}

/**
 * Loads the module `file` with its code cache when there is a good one. Returns its exports and what became of the
 * cache: 'used', 'rejected' (V8 refused it: another V8 or other flags), 'off', or readCache's reason.
 */
function loadWithCodeCache(file, opts = {}) {
  const env = opts.env || process.env;
  // The bytes are hashed as read (the same SHA-1 as the text's UTF-8 when the file is valid UTF-8; otherwise the
  // hashes differ and the cache is not used), not the decoded text encoded again.
  const bytes = fs.readFileSync(file);
  const source = bytes.toString('utf8');
  let status = 'off';
  let data;
  if (env.DRAFT_LINT_CODE_CACHE !== '0') {
    const c = readCache(opts.cacheFile || cacheFileFor(file), bytes);
    data = c.data;
    status = c.why || 'used';
  }
  const script = compile(file, source, data);
  if (data && script.cachedDataRejected) status = 'rejected';
  const exports = run(script, file, opts.parent || module);
  return { exports, status };
}

/**
 * Writes the code cache of the module `file`: compiles and runs it, lets `warm(exports)` (a promise) call the code a
 * run calls, then saves V8's code — including the functions compiled during the warm-up — through a temporary file
 * and a rename. Nothing may change V8's flags before this (they are part of what V8 checks when loading).
 */
async function writeCodeCache(file, warm, cacheFile = cacheFileFor(file)) {
  const source = fs.readFileSync(file, 'utf8');
  const script = compile(file, source);
  const exports = run(script, file, module);
  if (warm) await warm(exports);
  const data = script.createCachedData();
  const head = JSON.stringify({ source: sha1(source), data: sha1(data), node: process.version, arch: process.arch });
  const tmp = `${cacheFile}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([Buffer.from(MAGIC + head + '\n'), data]));
  fs.renameSync(tmp, cacheFile);
  return data.length;
}

module.exports = { cacheFileFor, loadWithCodeCache, readCache, writeCodeCache };

// `node bin/code-cache.js <bundle> <folder>`: writes the bundle's cache after linting <folder> with it (the build).
if (require.main === module) {
  const [file, folder] = process.argv.slice(2);
  const io = {
    cwd: process.cwd(),
    // No V8 flags (they must be as at start-up) and no regex-verdict cache written into the user's folder.
    env: { ...process.env, DRAFT_LINT_V8_TUNE: '0', DRAFT_LINT_CACHE: '0' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    writeStdout: () => undefined,
    writeStderr: () => undefined,
  };
  writeCodeCache(path.resolve(file), cli => cli.run(['--format', 'json', path.resolve(folder)], io))
    .then(bytes => {
      process.stdout.write(`code cache: ${cacheFileFor(path.resolve(file))} (${bytes} bytes)\n`);
      process.exit(0);
    })
    .catch(e => {
      fs.rmSync(cacheFileFor(path.resolve(file)), { force: true });
      process.stderr.write(`code cache not written: ${(e && e.message) || e}\n`);
      process.exit(0);
    });
}
