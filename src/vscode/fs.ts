// The core's FileSystem over vscode.workspace.fs, so the extension finds and reads `.draftlintrc.json` and rule
// packs with exactly the code the CLI uses (also for remote and virtual workspaces).
import * as vscode from 'vscode';
import type { FileSystem } from '../host/config';

/** Paths the core passes are fsPaths; in a remote workspace they keep the workspace's scheme and authority. */
export class WorkspaceFileSystem implements FileSystem {
  constructor(private readonly base: vscode.Uri = vscode.Uri.file('/')) {}

  toUri(file: string): vscode.Uri {
    return this.base.scheme === 'file' ? vscode.Uri.file(file) : this.base.with({ path: file.split('\\').join('/') });
  }

  async readFile(file: string): Promise<Uint8Array | undefined> {
    try {
      return await vscode.workspace.fs.readFile(this.toUri(file));
    } catch (e) {
      if (e instanceof vscode.FileSystemError && (e.code === 'FileNotFound' || e.code === 'FileIsADirectory' || e.code === 'EntryNotFound')) return undefined;
      const code = (e as { code?: string }).code;
      if (code === 'FileNotFound' || code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
      throw e;
    }
  }
}
