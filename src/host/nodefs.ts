// The core's FileSystem on top of node's fs (the core itself never touches the disk). Config files and packs are
// read only when they are regular files of a bounded size (never a FIFO or /dev/zero), and a config or pack is
// trusted only when it belongs to the current user (or root) and no one else can write it or its folder (as git's
// safe.directory).
import { promises as fsp, constants as fsConstants } from 'fs';
import * as path from 'path';
import type { FileSystem, ReadOptions } from './config';
import { DraftLintError } from '../core/types';

/** The default size limit of a config file or pack read through NodeFileSystem. */
export const DEFAULT_MAX_READ_BYTES = 4 << 20;

/** Reads files with node's fs; a missing file (or a directory) reads as undefined. Results are cached per run. */
export class NodeFileSystem implements FileSystem {
  private cache = new Map<string, Promise<Uint8Array | undefined>>();

  /** One read, not cached (the editor reads a config again after it changed). */
  static readUncached(file: string, opts: ReadOptions = {}): Promise<Uint8Array | undefined> {
    return readRegularFile(file, opts.maxBytes ?? DEFAULT_MAX_READ_BYTES);
  }

  readFile(file: string, opts: ReadOptions = {}): Promise<Uint8Array | undefined> {
    const max = opts.maxBytes ?? DEFAULT_MAX_READ_BYTES;
    const key = `${max}\0${file}`;
    let p = this.cache.get(key);
    if (!p) {
      p = readRegularFile(file, max);
      this.cache.set(key, p);
    }
    return p;
  }

  realpath(file: string): Promise<string> {
    return fsp.realpath(file);
  }

  async distrust(file: string): Promise<string | undefined> {
    if (process.platform === 'win32' || typeof process.geteuid !== 'function') return undefined;
    const me = process.geteuid();
    let st;
    let dirSt;
    try {
      st = await fsp.stat(file);
      dirSt = await fsp.stat(path.dirname(await fsp.realpath(file)));
    } catch {
      return undefined; // reading it will say what is wrong
    }
    if (st.uid !== me && st.uid !== 0) return `${file} 不属于当前用户（属于 uid ${st.uid}），已忽略`;
    if (st.mode & 0o002) return `${file} 任何人都可写，已忽略`;
    if (dirSt.mode & 0o002) return `${file} 所在的目录任何人都可写（如共享的临时目录），已忽略`;
    if (dirSt.uid !== me && dirSt.uid !== 0) return `${file} 所在的目录不属于当前用户（属于 uid ${dirSt.uid}），已忽略`;
    return undefined;
  }
}

/** The bytes of a regular file of at most `max` bytes; undefined when it does not exist; DraftLintError otherwise. */
async function readRegularFile(file: string, max: number): Promise<Uint8Array | undefined> {
  let h: fsp.FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO without a writer must not wait forever (it is refused below anyway).
    h = await fsp.open(file, fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    if (code === 'EACCES' || code === 'EPERM') throw new DraftLintError(`无法读取 ${file}：没有读取权限（请用 chmod 给当前用户读取权限，或删除该文件）`, file);
    throw new DraftLintError(`无法读取 ${file}：${code ?? (e as Error).message}`, file);
  }
  try {
    const st = await h.stat();
    if (st.isDirectory()) return undefined;
    if (!st.isFile()) throw new DraftLintError(`${file} 不是普通文件（设备、管道或套接字），已拒绝读取`, file);
    if (st.size > max) throw new DraftLintError(`${file} 太大（${st.size} 字节，超过 ${max} 字节的上限），已拒绝读取`, file);
    // Read at most max + 1 bytes, whatever the file grows to meanwhile.
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await h.read(buf, n, buf.length - n, n);
      if (!bytesRead) break;
      n += bytesRead;
      if (n >= buf.length) break;
    }
    if (n > max) throw new DraftLintError(`${file} 太大（超过 ${max} 字节的上限），已拒绝读取`, file);
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch (e) {
    if (e instanceof DraftLintError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') return undefined;
    throw new DraftLintError(`无法读取 ${file}：${code ?? (e as Error).message}`, file);
  } finally {
    await h.close().catch(() => undefined);
  }
}
