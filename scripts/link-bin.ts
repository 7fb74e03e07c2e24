// Links node_modules/.bin/draft-lint to bin/draft-lint.js after `npm ci` (run by scripts/prepare.js), so that
// the command is on the PATH of npm scripts and of `npm exec` from subfolders. (`npx draft-lint` in the checkout
// itself links the checkout into npx's cache and runs prepare once more; scripts/prepare.js then finds the build
// current and only links, so that first call takes seconds.)
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '../..');

/** Creates the link (or, on Windows, a .cmd shim) unless it already points at this checkout's bin. */
export function linkBin(root = ROOT): string | undefined {
  const binDir = path.join(root, 'node_modules', '.bin');
  if (!fs.existsSync(path.join(root, 'node_modules'))) return undefined;
  fs.mkdirSync(binDir, { recursive: true });
  if (process.platform === 'win32') {
    const shim = path.join(binDir, 'draft-lint.cmd');
    fs.writeFileSync(shim, '@node "%~dp0\\..\\..\\bin\\draft-lint.js" %*\r\n');
    return shim;
  }
  const link = path.join(binDir, 'draft-lint');
  const target = path.join('..', '..', 'bin', 'draft-lint.js');
  try {
    if (fs.readlinkSync(link) === target) return link;
  } catch {
    /* absent, or not a link */
  }
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
  return link;
}

if (require.main === module) linkBin();
