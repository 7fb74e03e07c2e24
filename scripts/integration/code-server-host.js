#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron's runTests spawns, for machines without
// internet: it reads --extensionDevelopmentPath / --extensionTestsPath (and an optional folder to open),
// starts the VS Code server contained in the npm package code-server (a real Node extension host), opens the
// workbench in headless Debian Chromium through playwright-core, forwards the extension host's console, and
// exits with the test runner's result. Run `node scripts/integration/setup-host.js` first (run.js does).
//
// Extra flags (for looking at the extension as a user would, not used by runTests):
//   --screenshot=<file.png>  no tests: open --open=<file> (repeatable), the Problems panel, show the hover at
//                            --hover=<line:col>, run --command=<title> (repeatable, from the command palette) and
//                            save a screenshot.
'use strict';
const cp = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');

const ROOT = path.resolve(__dirname, '..', '..');
const HOST = process.env.DRAFT_LINT_TEST_HOST || path.join(ROOT, '.vscode-test', 'host');
const SERVER_MAIN = path.join(HOST, 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
const CHROMIUM = process.env.DRAFT_LINT_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.DRAFT_LINT_IT_TIMEOUT_MS || 300000);

// Workbench log lines that are expected in this host and say nothing about the extension (DRAFT_LINT_IT_VERBOSE=1 shows them).
const NOISE = [
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket/,
  /^\[Service Worker\] registration/,
  /^ChatSessionStore: Migrating/,
  /vsda/,
  /^Creation of workbench contribution .* took/,
];

function parseArgs(argv) {
  const out = { folder: undefined, open: [], commands: [], extensionDevelopmentPath: undefined, extensionTestsPath: undefined, screenshot: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
    if (!m) {
      if (!out.folder) out.folder = path.resolve(a);
      continue;
    }
    const key = m[1];
    let val = m[2];
    const takesValue = ['extensionDevelopmentPath', 'extensionTestsPath', 'screenshot', 'open', 'command', 'hover', 'folder-uri'].includes(key);
    if (takesValue && val === undefined) val = argv[++i];
    if (key === 'extensionDevelopmentPath') out.extensionDevelopmentPath = path.resolve(val);
    else if (key === 'extensionTestsPath') out.extensionTestsPath = path.resolve(val);
    else if (key === 'screenshot') out.screenshot = path.resolve(val);
    else if (key === 'open') out.open.push(val);
    else if (key === 'command') out.commands.push(val);
    else if (key === 'hover') out.hover = val;
    // Other desktop flags (--disable-extensions, --no-sandbox, --user-data-dir …) do not apply to the server.
  }
  return out;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function waitForServer(port, deadline) {
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const req = http.get({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, res => {
        res.resume();
        resolve();
      });
      req.on('error', () => (Date.now() > deadline ? reject(new Error('VS Code server did not start')) : setTimeout(attempt, 100)));
      req.on('timeout', () => req.destroy());
    };
    attempt();
  });
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(SERVER_MAIN)) {
    console.error(`[host] ${SERVER_MAIN} is missing: run node scripts/integration/setup-host.js`);
    return 1;
  }
  if (!args.extensionDevelopmentPath) {
    console.error('[host] --extensionDevelopmentPath is required');
    return 1;
  }
  const t0 = Date.now();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-host-'));
  const dirs = { server: path.join(tmp, 'server-data'), user: path.join(tmp, 'user-data'), ext: path.join(tmp, 'extensions') };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'editor.fontFamily': "'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', monospace",
  };
  for (const d of [dirs.user, dirs.server]) {
    fs.mkdirSync(path.join(d, 'User'), { recursive: true });
    fs.writeFileSync(path.join(d, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    fs.mkdirSync(path.join(d, 'data', 'Machine'), { recursive: true });
    fs.writeFileSync(path.join(d, 'data', 'Machine', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  const port = await freePort();
  const server = cp.spawn(
    process.execPath,
    [
      SERVER_MAIN,
      '--host', '127.0.0.1',
      '--port', String(port),
      '--without-connection-token',
      '--accept-server-license-terms',
      '--enable-smoke-test-driver',
      '--disable-telemetry',
      '--disable-workspace-trust',
      '--server-data-dir', dirs.server,
      '--user-data-dir', dirs.user,
      '--extensions-dir', dirs.ext,
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, EXTENSIONS_GALLERY: '{}' } },
  );
  const serverLog = [];
  const keep = chunk => {
    serverLog.push(String(chunk));
    if (serverLog.length > 400) serverLog.shift();
    if (process.env.DRAFT_LINT_IT_VERBOSE) process.stderr.write(`[server] ${chunk}`);
  };
  server.stdout.on('data', keep);
  server.stderr.on('data', keep);

  let browser;
  let finished = false;
  let closingSeen = false;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {}
    // The browser gets a moment to close; it must not hold up the rest.
    if (browser) await Promise.race([browser.close().catch(() => {}), new Promise(r => setTimeout(r, 3000))]);
    await new Promise(r => setTimeout(r, 200));
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {}
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  // Interrupted (Ctrl+C, CI timeout): still stop the server and remove the temporary folders.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      finished = true;
      console.error(`[host] ${sig}: stopping the VS Code server`);
      void cleanup().then(() => process.exit(130));
    });
  }

  const run = async () => {
    await waitForServer(port, Date.now() + 30000);
    if (process.env.DRAFT_LINT_IT_VERBOSE) console.log(`[host] server up in ${Date.now() - t0} ms on port ${port}`);
    const { chromium } = require(path.join(HOST, 'node_modules', 'playwright-core'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Our own signal handlers stop the server and remove the temporary folders too.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (process.env.DRAFT_LINT_IT_VERBOSE) page.on('console', m => process.stderr.write(`[page] ${m.text()}\n`));
    const remote = p => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`;
    const payload = [['extensionDevelopmentPath', remote(args.extensionDevelopmentPath)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
    if (args.extensionTestsPath && !args.screenshot) payload.push(['extensionTestsPath', remote(args.extensionTestsPath)]);
    let resolveExit;
    const exited = new Promise(r => (resolveExit = r));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      // The extension host's console arguments, printf-style (mocha's reporters use %s / %d).
      const line = util.format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (!process.env.DRAFT_LINT_IT_VERBOSE && NOISE.some(re => re.test(line))) return;
      if (/^integration: \d+ passed, \d+ failed/m.test(line)) closingSeen = true;
      if (type === 'error') process.stderr.write(line + '\n');
      else process.stdout.write(line + '\n');
    });
    await page.exposeFunction('codeAutomationExit', code => resolveExit(Number(code) || 0));
    const url = `http://127.0.0.1:${port}/?${args.folder ? `folder=${encodeURIComponent(args.folder)}&` : ''}payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url);
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    if (process.env.DRAFT_LINT_IT_VERBOSE) console.log(`[host] workbench up in ${Date.now() - t0} ms`);
    if (args.screenshot) return screenshot(page, args);
    return exited;
  };

  const timeout = new Promise(resolve =>
    setTimeout(() => {
      if (finished) return;
      console.error(`[host] timed out after ${TIMEOUT_MS} ms; last server output:\n${serverLog.slice(-40).join('')}`);
      resolve(124);
    }, TIMEOUT_MS).unref(),
  );
  let code;
  try {
    code = await Promise.race([run(), timeout]);
  } catch (e) {
    console.error(`[host] ${e && e.stack ? e.stack : e}\n${serverLog.slice(-40).join('')}`);
    code = 1;
  }
  finished = true;
  await cleanup();
  // The suite prints its own closing line; when it never ran (host failure, timeout), say so in the same form.
  if (args.extensionTestsPath && !args.screenshot && !closingSeen) console.log('integration: 0 passed, 1 failed');
  return code;
}

async function screenshot(page, args) {
  await page.waitForTimeout(3000);
  for (const f of args.open) {
    await page.keyboard.press('Control+P');
    await page.waitForTimeout(600);
    await page.keyboard.type(f);
    await page.waitForTimeout(1200);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(2500);
  }
  await page.keyboard.press('Control+Shift+M');
  await page.waitForTimeout(Number(process.env.DRAFT_LINT_SHOT_WAIT_MS || 4000));
  if (args.hover) {
    // Go to line:column and show the hover there (e.g. --hover=9:12).
    await page.keyboard.press('Control+G');
    await page.waitForTimeout(500);
    await page.keyboard.type(args.hover);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    await page.waitForTimeout(2000);
  }
  for (const c of args.commands) {
    // Run a command by its title from the command palette (e.g. --command=显示数字台账).
    await page.keyboard.press('F1');
    await page.waitForTimeout(600);
    await page.keyboard.type(c);
    await page.waitForTimeout(1000);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(3000);
  }
  await page.screenshot({ path: args.screenshot });
  console.log(`[host] screenshot saved to ${args.screenshot}`);
  return 0;
}

main().then(
  code => process.exit(code),
  e => {
    console.error(e);
    process.exit(1);
  },
);
