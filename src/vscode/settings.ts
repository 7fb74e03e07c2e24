// The `draftLint.*` settings (see package.json `contributes.configuration`).
import * as vscode from 'vscode';
import type { DocTypeSetting, SeveritySetting } from '../core/types';

export type RunMode = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  run: RunMode;
  rules: Record<string, SeveritySetting>;
  docType: DocTypeSetting;
  packs: string[];
  files: string[];
  maxFileSize: number;
}

export const DEFAULT_FILES = ['**/*.md', '**/*.markdown', '**/*.txt', '!**/node_modules/**'];

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('draftLint', scope);
  const rules: Record<string, SeveritySetting> = {};
  for (const [k, v] of Object.entries(c.get<Record<string, unknown>>('rules') ?? {})) {
    if (v === 'off' || v === 'info' || v === 'warning' || v === 'error') rules[k] = v;
  }
  const run = c.get<string>('run');
  return {
    enable: c.get<boolean>('enable', true),
    run: run === 'onSave' ? 'onSave' : 'onType',
    rules,
    docType: c.get<DocTypeSetting>('docType', 'auto'),
    packs: (c.get<string[]>('packs') ?? []).filter(p => typeof p === 'string' && p.trim() !== ''),
    files: c.get<string[]>('files') ?? DEFAULT_FILES,
    maxFileSize: Math.max(0, Number(c.get<number>('maxFileSize', 1048576)) || 0),
  };
}
