// The core's FileSystem for the extension, so it finds and reads `.draftlintrc.json` and rule packs with exactly the
// code the CLI uses. Files on the extension host's own disk (`file` URIs, also in a remote extension host) are read
// with node's fs, as the CLI reads them (same size limits, same trust check): through vscode.workspace.fs every
// folder the lookup walks up is a round trip to the window (the first document of a folder waited 0.3–1.2 s for its
// config). Virtual workspaces (other schemes) still go through vscode.workspace.fs.
import * as vscode from 'vscode';
import type { FileSystem, ReadOptions } from '../host/config';
import { NodeFileSystem } from '../host/nodefs';

/** Paths the core passes are fsPaths; in a remote workspace they keep the workspace's scheme and authority. */
export class WorkspaceFileSystem implements FileSystem {
  /** Set when the workspace is on this extension host's disk: node's fs, read uncached (the editor invalidates itself). */
  private readonly local?: NodeFileSystem;

  constructor(private readonly base: vscode.Uri = vscode.Uri.file('/')) {
    if (base.scheme === 'file') this.local = new NodeFileSystem();
  }

  toUri(file: string): vscode.Uri {
    return this.base.scheme === 'file' ? vscode.Uri.file(file) : this.base.with({ path: file.split('\\').join('/') });
  }

  async readFile(file: string, opts?: ReadOptions): Promise<Uint8Array | undefined> {
    if (this.local) return NodeFileSystem.readUncached(file, opts);
    try {
      return await vscode.workspace.fs.readFile(this.toUri(file));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileIsADirectory' || e.code === 'EntryNotFound')) return undefined;
      const code = (e as { code?: string }).code;
      if (code === 'FileNotFound' || code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  }

  distrust(file: string): Promise<string | undefined> {
    return this.local ? this.local.distrust(file) : Promise.resolve(undefined);
  }
}
