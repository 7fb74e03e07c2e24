#!/usr/bin/env node
// Sets up the offline test host for the integration suite (idempotent; each step is skipped when done):
//  1. Debian packages: chromium (the window), libkrb5-dev (code-server's kerberos addon), ripgrep, fonts-noto-cjk.
//  2. code-server@4.100.3 (VS Code 1.100.3 server, Node extension host) + playwright-core in .vscode-test/host,
//     outside the project's own dependencies, without any download other than npm's.
// See README.md (VS Code 扩展 → 测试).
'use strict';
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
const HOST = path.join(ROOT, '.vscode-test', 'host');
const CODE_SERVER_VERSION = '4.100.3';
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'fonts-noto-cjk'];
const RG_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RG_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function log(msg) {
  process.stdout.write(`[setup-host] ${msg}\n`);
}

function run(cmd, args, opts = {}) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = cp.spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}${r.error ? ', ' + r.error.message : ''})`);
}

function dpkgInstalled(pkg) {
  const r = cp.spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && /install ok installed/.test(r.stdout);
}

function ensureApt() {
  const missing = APT_PACKAGES.filter(p => !dpkgInstalled(p));
  if (!missing.length) return log(`apt packages present: ${APT_PACKAGES.join(' ')}`);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : ['sudo', '-n'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [c0, ...rest] = [...sudo, 'apt-get'];
  run(c0, [...rest, 'update'], { env });
  run(c0, [...rest, 'install', '-y', '--no-install-recommends', ...missing], { env });
}

function hostReady() {
  return (
    fs.existsSync(path.join(HOST, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js')) &&
    fs.existsSync(path.join(HOST, 'node_modules', 'playwright-core', 'package.json')) &&
    fs.existsSync(path.join(HOST, '.complete'))
  );
}

function ensureHost() {
  if (hostReady()) return log(`code-server ${CODE_SERVER_VERSION} present in ${path.relative(ROOT, HOST)}`);
  fs.mkdirSync(HOST, { recursive: true });
  // A project of its own, so that npm's install-script policy (allowScripts) applies to exactly these packages.
  fs.writeFileSync(
    path.join(HOST, 'package.json'),
    JSON.stringify(
      {
        name: 'draft-lint-test-host',
        private: true,
        description: 'VS Code server (code-server) + playwright-core for the offline integration tests; not part of the extension.',
        allowScripts: { 'code-server': true, '@vscode/ripgrep': true, 'node-pty': true, kerberos: true, '@parcel/watcher': true, 'native-watchdog': true, argon2: true },
      },
      null,
      2,
    ) + '\n',
  );
  // @vscode/ripgrep's postinstall downloads rg from GitHub unless this cached tarball exists: give it Debian's rg.
  const cacheDir = path.join(process.env.TMPDIR || os.tmpdir(), RG_CACHE);
  const tarball = path.join(cacheDir, RG_TARBALL);
  if (!fs.existsSync(tarball)) {
    fs.mkdirSync(cacheDir, { recursive: true });
    run('tar', ['czf', tarball, '-C', '/usr/bin', 'rg']);
  }
  const env = {
    ...process.env,
    npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`
    npm_config_unsafe_perm: 'true', // code-server's postinstall refuses root otherwise
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  run('npm', ['install', '--prefix', HOST, '--no-save', `code-server@${CODE_SERVER_VERSION}`, 'playwright-core'], { env, cwd: HOST });
  if (!fs.existsSync(path.join(HOST, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js'))) {
    throw new Error('code-server installed but lib/vscode/out/server-main.js is missing');
  }
  fs.writeFileSync(path.join(HOST, '.complete'), new Date().toISOString() + '\n');
}

function main() {
  const t0 = Date.now();
  ensureApt();
  ensureHost();
  log(`host ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    process.stderr.write(`[setup-host] ${e.message}\n`);
    process.exit(1);
  }
}
module.exports = { main, HOST, ROOT };
