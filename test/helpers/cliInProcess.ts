// Runs the draft-lint command in-process (main thread segmenter) and collects its output.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run, CliIO } from '../../src/cli/main';

/** Runs the CLI with `args` in `cwd`; returns exit code, stdout and stderr. */
export async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = {
    cwd,
    env: { DRAFT_LINT_SEGMENTER_THREAD: '0' },
    stdoutIsTTY: false,
    writeStdout: s => (out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8')),
    writeStderr: s => (err += s),
    readStdin: async () => new Uint8Array(),
  };
  const code = await run(args, io);
  return { code, out, err };
}

const made: string[] = [];
/** A temporary folder removed when the process exits. */
export function tmpDir(prefix = 'draft-lint-docx-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  if (!made.length) process.on('exit', () => made.forEach(x => fs.rmSync(x, { recursive: true, force: true })));
  made.push(d);
  return d;
}
