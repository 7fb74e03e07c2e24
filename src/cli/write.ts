// Writing a fixed draft back: same encoding, BOM and line endings; atomically (a short-named temporary file in the
// same folder, then a rename; a file with several hard links in place, with a backup), keeping owner, group and mode; never over a file that changed on disk after it was
// read, never a read-only file, never through a link that leads out of the folders the run was given. A change
// that slips in between the last check and the rename is detected afterwards (the old file is still open) and the
// other writer's version is kept as a named copy. Temporary files are removed on SIGINT/SIGTERM/SIGHUP.
import * as fs from 'fs';
import { promises as fsp, constants as fsConstants } from 'fs';
import * as path from 'path';
import { bytesEqual } from '../host/encoding';
import { DraftLintError } from '../core/types';

export interface WriteBackOptions {
  /** Real paths of the folders the file may lie in (a file found by a directory walk); undefined: anywhere
   *  (the file was named on the command line). */
  allowedRoots?: string[];
}

// ---------------------------------------------------------------------------------------------------
// Temporary files, removed when the process is stopped by a signal while one exists.

const activeTemps = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let handlersOn = false;

function onSignal(sig: NodeJS.Signals): void {
  for (const t of activeTemps) {
    try {
      fs.unlinkSync(t);
    } catch {
      /* already gone */
    }
  }
  activeTemps.clear();
  setHandlers(false);
  // Die of the same signal (the exit status the shell expects), now that no handler of ours is installed.
  process.kill(process.pid, sig);
}

function setHandlers(on: boolean): void {
  if (on === handlersOn) return;
  handlersOn = on;
  for (const s of SIGNALS) {
    try {
      if (on) process.on(s, onSignal);
      else process.removeListener(s, onSignal);
    } catch {
      /* a signal the platform does not have */
    }
  }
}

function track(tmp: string): void {
  activeTemps.add(tmp);
  setHandlers(true);
}

function untrack(tmp: string): void {
  activeTemps.delete(tmp);
  if (!activeTemps.size) setHandlers(false);
}

/** A temporary name next to `target`: `.NAME.dl-XXXX.tmp`, or `.dl-XXXX.tmp` when that would be too long a name. */
export function tempNameFor(target: string): string {
  const id = `${process.pid.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const base = path.basename(target);
  const long = `.${base}.dl-${id}.tmp`;
  return path.join(path.dirname(target), Buffer.byteLength(long) <= 200 ? long : `.dl-${id}.tmp`);
}

function inside(file: string, root: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/** `name` cut to at most `max` UTF-8 bytes (on a character boundary). */
function cutBytes(name: string, max: number): string {
  let out = '';
  let n = 0;
  for (const ch of name) {
    n += Buffer.byteLength(ch);
    if (n > max) break;
    out += ch;
  }
  return out;
}

function stamp(): string {
  const d = new Date();
  const p = (v: number) => String(v).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

/** Saves `bytes` (another program's version of `target`) next to it under a new, clearly named file; returns its path. */
async function saveConflictCopy(target: string, bytes: Uint8Array, st: fs.Stats): Promise<string> {
  const dir = path.dirname(target);
  for (let k = 0; k < 100; k++) {
    const suffix = `.draft-lint-conflict-${stamp()}${k ? '-' + k : ''}`;
    const base = path.basename(target);
    const name = Buffer.byteLength(base + suffix) <= 250 ? base + suffix : cutBytes(base, 250 - Buffer.byteLength(suffix)) + suffix;
    const copy = path.join(dir, name);
    let h: fsp.FileHandle | undefined;
    try {
      h = await fsp.open(copy, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, st.mode & 0o777);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    try {
      await h.writeFile(bytes);
      await h.sync();
      await h.chown(st.uid, st.gid).catch(() => undefined);
    } finally {
      await h.close();
    }
    return copy;
  }
  throw new Error('too many conflict copies');
}

const changedMessage = (file: string) => `${file} 在检查期间被修改过，为避免覆盖他人的改动，未写入修复；请重新运行`;

/**
 * Writes `bytes` to `file` if the file still holds `original`; throws DraftLintError otherwise (and when the file is
 * read-only, outside `allowedRoots`, or its owner or group cannot be kept). A change made by another program during
 * the rename is kept as a copy named `FILE.draft-lint-conflict-TIME`, and a DraftLintError says so.
 */
export async function writeBackAtomically(file: string, original: Uint8Array, bytes: Uint8Array, opts: WriteBackOptions = {}): Promise<void> {
  // Write through a symbolic link to the real file, so the link stays a link.
  let target = file;
  try {
    target = await fsp.realpath(file);
  } catch {
    /* keep file */
  }
  if (opts.allowedRoots && !opts.allowedRoots.some(r => inside(target, r)))
    throw new DraftLintError(`${file} 链接到检查的目录之外（${target}），未写入修复；确要修复该文件时，请在命令行中直接写出它的路径`, file);
  // The old file stays open until the end: after the rename, it shows whether anyone wrote to it meanwhile.
  let old: fsp.FileHandle;
  try {
    old = await fsp.open(target, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new DraftLintError(`${file} 无法再次读取，未写入修复：${(e as Error).message}`, file);
  }
  let tmp: string | undefined;
  let handle: fsp.FileHandle | undefined;
  try {
    const st = await old.stat();
    if (!st.isFile()) throw new DraftLintError(`${file} 不是普通文件，未写入修复`, file);
    if (!bytesEqual(await old.readFile(), original)) throw new DraftLintError(changedMessage(file), file);
    // What the file looked like when its contents were compared: a write since then changes size, mtime or ctime.
    const seen = await old.stat({ bigint: true });
    // A read-only file stays as it is, even for root (chmod 444 means “do not change”).
    if ((st.mode & 0o222) === 0) throw new DraftLintError(`${file} 是只读文件，未写入修复（如确要修复，请先用 chmod u+w 恢复写权限）`, file);
    try {
      await fsp.access(target, fsConstants.W_OK);
    } catch {
      throw new DraftLintError(`${file} 没有写权限，未写入修复`, file);
    }
    // A file with several hard links is written in place: a rename would give only this name the new text and leave
    // the other links on the old one.
    if (st.nlink > 1) return await writeInPlace(file, target, old, original, bytes, st, seen);
    tmp = tempNameFor(target);
    track(tmp);
    try {
      handle = await fsp.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, st.mode & 0o777);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
        throw new DraftLintError(`${file} 所在的目录不可写（修复要先在同一目录中写临时文件再改名，以免写到一半的文件），未写入修复`, file);
      throw e;
    }
    await handle.writeFile(bytes);
    // Owner and group as before (a rename would otherwise give the file to whoever ran the fix).
    if (process.platform !== 'win32') {
      const mine = await handle.stat();
      if (mine.uid !== st.uid || mine.gid !== st.gid) {
        try {
          await handle.chown(st.uid, st.gid);
        } catch {
          throw new DraftLintError(
            `${file} 属于另一个用户或组（uid ${st.uid}，gid ${st.gid}），改写后无法保留其所有者和所属组，未写入修复；请由文件所有者运行，或用 --fix-dry-run 查看修改`,
            file,
          );
        }
      }
    }
    await handle.chmod(st.mode & 0o7777).catch(() => undefined);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // Last checks, as close to the rename as possible (two system calls, no reading): the file was not written to
    // since its contents were compared, and not replaced by another program's save.
    const last = await old.stat({ bigint: true });
    const now = await fsp.lstat(target);
    if (last.size !== seen.size || last.mtimeNs !== seen.mtimeNs || last.ctimeNs !== seen.ctimeNs || now.ino !== st.ino || now.dev !== st.dev)
      throw new DraftLintError(changedMessage(file), file);
    await fsp.rename(tmp, target);
    untrack(tmp);
    tmp = undefined;
    // A write that slipped in between the last check and the rename went to the old file: keep it.
    const after = await readWhole(old);
    if (!bytesEqual(after, original)) {
      const copy = await saveConflictCopy(target, after, st);
      throw new DraftLintError(`${file} 在写入修复的同时被其他程序修改：修复后的文本已写入 ${file}，其他程序写入的版本另存为 ${copy}，请比较两者后合并`, file);
    }
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    if (tmp) {
      await fsp.unlink(tmp).catch(() => undefined);
      untrack(tmp);
    }
    if (e instanceof DraftLintError) throw e;
    throw new DraftLintError(`${file} 写入修复失败：${(e as Error).message}`, file);
  } finally {
    await old.close().catch(() => undefined);
  }
}

/**
 * The in-place write of a file with several hard links (every link sees the fix; owner, group and mode stay, being
 * the same inode). Safely: first the original is copied to a backup next to it (`.NAME.dl-….bak`, synced; a full
 * disk fails here, before the draft is touched); then the same last checks as before a rename; then the new text is
 * written over the file, cut to length and synced. If that write fails, the original is written back; if even that
 * fails, the backup stays and the message names it. A write by another program that slipped in is detected
 * afterwards (the file no longer holds exactly the fix): its version is kept as a conflict copy, with the backup.
 */
async function writeInPlace(file: string, target: string, old: fsp.FileHandle, original: Uint8Array, bytes: Uint8Array, st: fs.Stats, seen: fs.BigIntStats): Promise<void> {
  const backup = tempNameFor(target).replace(/\.tmp$/, '.bak');
  track(backup);
  let keepBackup = false;
  let w: fsp.FileHandle | undefined;
  try {
    try {
      const b = await fsp.open(backup, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, st.mode & 0o777);
      try {
        await b.writeFile(original);
        await b.sync();
      } finally {
        await b.close();
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
        throw new DraftLintError(`${file} 所在的目录不可写（有多个硬链接的文件原地改写前，要先在同一目录中写一份备份），未写入修复`, file);
      throw e;
    }
    w = await fsp.open(target, fsConstants.O_WRONLY);
    // Last checks, as close to the write as possible: not written to since it was compared, not replaced.
    const last = await old.stat({ bigint: true });
    const now = await fsp.lstat(target);
    if (last.size !== seen.size || last.mtimeNs !== seen.mtimeNs || last.ctimeNs !== seen.ctimeNs || now.ino !== st.ino || now.dev !== st.dev)
      throw new DraftLintError(changedMessage(file), file);
    // From here until the sync, a signal must not remove the backup: it is the only whole copy of the draft.
    untrack(backup);
    keepBackup = true;
    try {
      await w.write(bytes, 0, bytes.length, 0);
      await w.truncate(bytes.length);
      await w.sync();
    } catch (e) {
      try {
        await w.write(original, 0, original.length, 0);
        await w.truncate(original.length);
        await w.sync();
        keepBackup = false;
      } catch {
        throw new DraftLintError(`${file} 原地写入修复失败（${(e as Error).message}），恢复原文也失败；原文备份在 ${backup}`, file);
      }
      throw new DraftLintError(`${file} 原地写入修复失败，已恢复原文：${(e as Error).message}`, file);
    }
    const after = await readWhole(old);
    if (!bytesEqual(after, bytes)) {
      const copy = await saveConflictCopy(target, after, st);
      throw new DraftLintError(`${file} 在原地写入修复的同时被其他程序修改：当前内容另存为 ${copy}，修复前的原文备份在 ${backup}，请比较后合并`, file);
    }
    keepBackup = false;
  } finally {
    if (w) await w.close().catch(() => undefined);
    if (!keepBackup) {
      await fsp.unlink(backup).catch(() => undefined);
      untrack(backup);
    }
  }
}

/** The whole file behind an open handle, read from its start. */
async function readWhole(h: fsp.FileHandle): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await h.read(buf, 0, buf.length, pos);
    if (!bytesRead) break;
    chunks.push(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
  return Buffer.concat(chunks);
}

/**
 * Writes a report (`-o`) completely or not at all: a temporary file next to it, then a rename. Something that is not
 * a regular file (a terminal, a pipe, /dev/stdout) is written directly.
 */
export async function writeFileAtomically(file: string, data: string | Uint8Array, mode = 0o666): Promise<void> {
  const st = await fsp.stat(file).catch(() => undefined);
  if (st && !st.isFile()) {
    await fsp.writeFile(file, data);
    return;
  }
  const tmp = tempNameFor(file);
  track(tmp);
  let handle: fsp.FileHandle | undefined;
  try {
    try {
      handle = await fsp.open(tmp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, st ? st.mode & 0o777 : mode);
    } catch (e) {
      // A folder the user cannot create files in, holding a report file they may write: write that file directly.
      const code = (e as NodeJS.ErrnoException).code;
      if (st && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')) {
        await fsp.writeFile(file, data);
        return;
      }
      throw e;
    }
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await fsp.rename(tmp, file);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  } finally {
    untrack(tmp);
  }
}
