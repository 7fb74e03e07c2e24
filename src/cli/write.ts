// Writing a fixed draft back: same encoding, BOM and line endings; atomically (temp file + rename);
// never over a file that changed on disk after it was read.
import { promises as fsp, constants as fsConstants } from 'fs';
import * as path from 'path';
import { bytesEqual } from '../core/encoding';
import { DraftLintError } from '../core/types';

/** Writes `bytes` to `file` if the file still holds `original`; throws DraftLintError otherwise. */
export async function writeBackAtomically(file: string, original: Uint8Array, bytes: Uint8Array): Promise<void> {
  // Write through a symbolic link to the real file, so the link stays a link.
  let target = file;
  try {
    target = await fsp.realpath(file);
  } catch {
    /* keep file */
  }
  let current: Buffer;
  let mode: number;
  try {
    current = await fsp.readFile(target);
    mode = (await fsp.stat(target)).mode & 0o7777;
  } catch (e) {
    throw new DraftLintError(`${file} 无法再次读取，未写入修复：${(e as Error).message}`, file);
  }
  if (!bytesEqual(current, original)) throw new DraftLintError(`${file} 在检查期间被修改过，为避免覆盖他人的改动，未写入修复；请重新运行`, file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.draft-lint-${process.pid}-${Date.now().toString(36)}.tmp`);
  let handle: fsp.FileHandle | undefined;
  try {
    handle = await fsp.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, mode);
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.chmod(tmp, mode).catch(() => undefined);
    // Last check right before the rename (another editor may have saved meanwhile).
    const again = await fsp.readFile(target);
    if (!bytesEqual(again, original)) throw new DraftLintError(`${file} 在检查期间被修改过，为避免覆盖他人的改动，未写入修复；请重新运行`, file);
    await fsp.rename(tmp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fsp.unlink(tmp).catch(() => undefined);
    if (e instanceof DraftLintError) throw e;
    throw new DraftLintError(`${file} 写入修复失败：${(e as Error).message}`, file);
  }
}
