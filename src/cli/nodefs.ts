// The core's FileSystem on top of node's fs (the core itself never touches the disk).
import { promises as fsp } from 'fs';
import type { FileSystem } from '../core/config';

/** Reads files with node's fs; a missing file (or a directory) reads as undefined. Results are cached per run. */
export class NodeFileSystem implements FileSystem {
  private cache = new Map<string, Promise<Uint8Array | undefined>>();

  readFile(file: string): Promise<Uint8Array | undefined> {
    let p = this.cache.get(file);
    if (!p) {
      p = fsp.readFile(file).then(
        b => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        (e: NodeJS.ErrnoException) => {
          if (e.code === 'ENOENT' || e.code === 'ENOTDIR' || e.code === 'EISDIR') return undefined;
          throw e;
        },
      );
      this.cache.set(file, p);
    }
    return p;
  }
}
