// The draft-lint command's launcher (issue 14: peak memory ≤ 150 MiB on any input up to the size limit).
//
// On glibc, nodejieba's dictionary load frees a few 2–8 MB blocks, which makes malloc raise its mmap threshold to
// about 8 MiB and its trim threshold to about 17 MiB for the rest of the run: from then on every block below 8 MiB
// comes from the heap, and up to 17 MiB of free heap top is never given back; V8's background compiler threads add a
// malloc arena each. On a large run that is 40–60 MiB of the peak (docs/performance.md, 第十一轮, 第十二轮). Those
// knobs are read by glibc when the process starts, so they cannot be set from JavaScript: for a large task the
// command starts node again with MALLOC_MMAP_THRESHOLD_ (fixed, so it no longer moves), MALLOC_ARENA_MAX=1 and a
// smaller young generation, and waits for it. A small task (the total size of its inputs at most SMALL_BYTES, worked
// out from argv and stat before the bundle is loaded) runs in this process as before: a second node costs ≈40 ms.
//
// The child inherits stdin, stdout and stderr (the same descriptors, so pipes, redirections and terminals behave as
// before; piped input is read here first, to learn its size, and passed on through a pipe: see relaunch); its exit code is the command's, and when it is killed by a signal this process dies of the same signal.
// Signals sent to this process (SIGINT, SIGTERM, SIGHUP, SIGQUIT) are passed on to the child, which cleans up as it
// always has (src/cli/write.ts) — Ctrl-C in a terminal reaches both anyway.
//
// Only on Linux with glibc (elsewhere the variables mean nothing and nothing is relaunched). DRAFT_LINT_LAUNCHER=0
// never relaunches, =1 relaunches whatever the size (tests). A variable the user set is kept as it is.
'use strict';
const fs = require('fs');
const path = require('path');

/** Up to this many bytes of input (the CLI's SMALL_INPUT_BYTES) the command runs in this process. */
const SMALL_BYTES = 256 * 1024;

/** Set in the child, so that it does not relaunch again. */
const LAUNCHED = 'DRAFT_LINT_LAUNCHED';

/** The environment the child gets (glibc malloc tuning; see the top of this file and docs/performance.md). */
const MALLOC_ENV = {
  // A fixed threshold turns off glibc's dynamic raising of both thresholds (mmap and trim, the latter stays at its
  // default 128 KiB): blocks of 128 KiB and more are mapped and unmapped, free heap top is returned.
  MALLOC_MMAP_THRESHOLD_: '131072',
  // One arena for every thread: V8's compiler threads and the segmenter's no longer keep heaps of their own.
  MALLOC_ARENA_MAX: '1',
};

/** Node options of the child: a young generation of 2 × 1 MiB semi-spaces (read only when the isolate is made). */
const NODE_FLAGS = ['--max-semi-space-size=1'];

/** Options of draft-lint that take a value (src/cli/args.ts OPTIONS; this file runs before the bundle is loaded, so
 *  the lists here are copies, compared with the CLI's by test cli.launcher): their value is not a path to lint. */
const VALUE_OPTIONS = new Set(['--format', '-f', '--config', '-c', '--type', '--max-warnings', '--rule', '--stdin-filename', '--output-file', '-o', '--print-config', '--annotate', '--annotate-mode']);
/** Options after which nothing is linted. */
const NO_LINT = new Set(['--help', '-h', '--version', '-v', '--list-rules', '--print-config']);
/** Folders a directory search skips (src/host/files.ts SKIPPED_DIRS) and the files it picks up (TEXT_EXTENSIONS). */
const SKIPPED_DIRS = new Set(['node_modules', '.git', 'out', '.vscode-test', '.hg', '.svn']);
const TEXT_EXT = /\.(txt|md|markdown|docx)$/i;
const GLOB_CHARS = /[*?[\]{}()!]/;

/** The command line as far as the launcher needs it: whether nothing is linted (--help …), whether standard input is,
 *  and the paths to lint (not the values of options). */
function scanArgs(argv) {
  let stdin = false;
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-' || a === '--stdin') {
      stdin = true;
      continue;
    }
    if (a.startsWith('-')) {
      const name = a.startsWith('--') ? a.split('=')[0] : a.slice(0, 2);
      if (NO_LINT.has(name)) return { noLint: true, stdin: false, paths: [] };
      // `--format json` takes the next argument; `--format=json` and `-fjson` do not.
      if (VALUE_OPTIONS.has(name) && a === name) i++;
      continue;
    }
    paths.push(a);
  }
  return { noLint: false, stdin, paths };
}

/**
 * At least how many bytes the command line asks to lint, counted up to just above `limit` (then it stops): files by
 * their size, folders by the drafts below them, a glob by the drafts below its fixed leading folders (an estimate
 * from above), standard input by its size when it is a regular file (a pipe counts 0: see relaunch for pipes). Pure
 * apart from stat/readdir; never throws.
 */
function inputBytes(argv, cwd, limit, stdinSize) {
  let total = 0;
  const { noLint, stdin, paths } = scanArgs(argv);
  if (noLint) return 0;
  if (stdin) return stdinSize();
  const add = n => {
    total += n;
    return total > limit;
  };
  const walk = (dir, depth) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (SKIPPED_DIRS.has(e.name) || (e.name.startsWith('.') && e.name.length > 1) || depth > 64) continue;
        if (walk(full, depth + 1)) return true;
      } else if ((e.isFile() || e.isSymbolicLink()) && TEXT_EXT.test(e.name)) {
        if (add(sizeOf(full))) return true;
      }
    }
    return false;
  };
  for (const p of paths) {
    let target = p;
    if (GLOB_CHARS.test(p)) {
      // The folders before the first segment with glob syntax.
      const parts = p.split(/[\\/]/);
      const fixed = [];
      for (const part of parts) {
        if (GLOB_CHARS.test(part)) break;
        fixed.push(part);
      }
      target = fixed.join('/') || '.';
    }
    const abs = path.resolve(cwd, target);
    let st;
    try {
      st = fs.statSync(abs);
    } catch {
      continue;
    }
    if (st.isDirectory() ? walk(abs, 0) : add(st.size)) return total;
  }
  return total;
}

function sizeOf(file) {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** The size of standard input when it is a regular file (`< draft.txt`), else 0. */
function stdinFileSize() {
  try {
    const st = fs.fstatSync(0);
    return st.isFile() ? st.size : 0;
  } catch {
    return 0;
  }
}

/** Whether standard input is a pipe or a socket (its size is known only once it has been read). */
function stdinIsPipe() {
  try {
    const st = fs.fstatSync(0);
    return st.isFIFO() || st.isSocket();
  } catch {
    return false;
  }
}

/** True when this process runs on glibc (its libc.so.6 is mapped; musl's is ld-musl-*.so.1). */
function onGlibc() {
  try {
    return /\/libc\.so\.6$/m.test(fs.readFileSync('/proc/self/maps', 'latin1'));
  } catch {
    return false;
  }
}

/** Whether relaunching is possible at all: Linux, not the child already, not switched off, not under a debugger
 *  (`node --inspect bin/draft-lint.js …`: the session is attached to this process, and the child could not open
 *  the same port). */
function mayRelaunch(env, platform = process.platform, execArgv = process.execArgv) {
  if (env[LAUNCHED] === '1' || env.DRAFT_LINT_LAUNCHER === '0') return false;
  return platform === 'linux' && !execArgv.some(a => /^--(inspect|debug)/.test(a));
}

/** Whether this run is relaunched (pure but for the file system; exported for tests). */
function shouldRelaunch(argv, env, cwd, platform = process.platform, execArgv = process.execArgv) {
  if (!mayRelaunch(env, platform, execArgv)) return false;
  if (env.DRAFT_LINT_LAUNCHER === '1') return onGlibc();
  return inputBytes(argv, cwd, SMALL_BYTES, stdinFileSize) > SMALL_BYTES && onGlibc();
}

/** The child's environment: ours, plus the malloc settings the user has not set, plus the marker. */
function childEnv(env) {
  const out = { ...env, [LAUNCHED]: '1' };
  for (const [k, v] of Object.entries(MALLOC_ENV)) if (out[k] === undefined) out[k] = v;
  return out;
}

/** This process's private memory in KiB (Private_Clean + Private_Dirty of smaps_rollup), NaN where unknown. */
function privateKiB() {
  try {
    const s = fs.readFileSync('/proc/self/smaps_rollup', 'utf8');
    const get = k => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)[1]);
    return get('Private_Clean') + get('Private_Dirty');
  } catch {
    return NaN;
  }
}

/**
 * Relaunches the command in a child node when the task is large (see the top of this file) and returns true (the
 * caller then does nothing more: this process ends when the child does, or runs the command itself once piped input
 * has turned out small); false: run the command here.
 *
 * Piped standard input (`cat 文稿.txt | draft-lint --stdin`): its size is known only once it has been read, and the
 * command reads all of it before linting anyway. So this process reads it (asynchronously, as the command does):
 * more than SMALL_BYTES go to the child through a pipe, the rest is handed to the command here (`runHere(bytes)`).
 */
function relaunch(script, runHere) {
  const argv = process.argv.slice(2);
  const env = process.env;
  if (!mayRelaunch(env)) return false;
  if (env.DRAFT_LINT_LAUNCHER !== '1') {
    const args = scanArgs(argv);
    if (args.stdin && !args.noLint && stdinIsPipe() && onGlibc()) {
      const chunks = [];
      let size = 0;
      process.stdin.on('data', c => {
        chunks.push(c);
        size += c.length;
      });
      process.stdin.on('end', () => {
        const bytes = Buffer.concat(chunks, size);
        chunks.length = 0;
        if (bytes.length > SMALL_BYTES) startChild(script, argv, runHere, bytes);
        else runHere(bytes);
      });
      // A read error: the command meets it again as it always did (it reads standard input itself).
      process.stdin.on('error', () => runHere());
      return true;
    }
  }
  if (!shouldRelaunch(argv, env, process.cwd())) return false;
  startChild(script, argv, runHere);
  return true;
}

/** Starts the child node (with `input` on its standard input, else sharing ours) and ends as it ends. */
function startChild(script, argv, runHere, input) {
  const { spawn } = require('child_process');
  let child;
  try {
    child = spawn(process.execPath, [...process.execArgv, ...NODE_FLAGS, script, ...argv], { stdio: [input ? 'pipe' : 'inherit', 'inherit', 'inherit'], env: childEnv(process.env) });
  } catch {
    runHere(input);
    return;
  }
  if (input) {
    // The child may stop reading (an argument error): not our error.
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  }
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];
  const forward = sig => {
    try {
      child.kill(sig);
    } catch {
      /* gone */
    }
  };
  for (const s of signals) process.on(s, forward);
  child.on('error', e => {
    // Could not start node again (ENOMEM, EAGAIN): the command as if it had not been relaunched, here.
    for (const s of signals) process.removeListener(s, forward);
    if (process.env.DRAFT_LINT_LAUNCHER_REPORT) process.stderr.write(`draft-lint: launcher: ${e.message}\n`);
    runHere(input);
  });
  child.on('exit', (code, signal) => {
    const report = process.env.DRAFT_LINT_LAUNCHER_REPORT;
    if (report) {
      // For the bench (docs/performance.md, 第十二轮): the peak of the process tree is the child's VmHWM plus this
      // process's private memory (its shared pages are node's executable, mapped by the child too).
      try {
        fs.appendFileSync(report, JSON.stringify({ relaunched: true, parentPrivateKiB: privateKiB() }) + '\n');
      } catch {
        /* informative only */
      }
    }
    for (const s of signals) process.removeListener(s, forward);
    if (signal) {
      // Die of the same signal (the status a shell expects); exit 128 + n if it is ignored here.
      try {
        process.kill(process.pid, signal);
      } catch {
        /* unknown signal */
      }
      const n = require('os').constants.signals[signal];
      process.exit(128 + (n || 1));
    }
    process.exit(code ?? 1);
  });
}

module.exports = { relaunch, shouldRelaunch, mayRelaunch, inputBytes, scanArgs, childEnv, SMALL_BYTES, MALLOC_ENV, NODE_FLAGS, VALUE_OPTIONS, SKIPPED_DIRS, TEXT_EXT };
