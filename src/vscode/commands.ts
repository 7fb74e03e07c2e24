// The commands: lint the current document, lint the workspace (cancellable progress), fix all, insert a template.
import * as path from 'path';
import * as vscode from 'vscode';
import { decodeText } from '../host/encoding';
import { fixAllEdits } from './codeActions';
import { LintService, matchesGlobs, LANGUAGES } from './linter';
import { readSettings } from './settings';

export interface WorkspaceLintSummary {
  files: number;
  linted: number;
  skipped: number;
  errors: number;
  warnings: number;
  infos: number;
  cancelled: boolean;
  /** Files with findings, workspace-relative, with their finding counts. */
  byFile: Record<string, number>;
}

function isDraftEditor(editor: vscode.TextEditor | undefined): editor is vscode.TextEditor {
  return !!editor && LANGUAGES.includes(editor.document.languageId);
}

export async function lintCurrent(linter: LintService): Promise<number | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!isDraftEditor(editor)) {
    void vscode.window.showWarningMessage('draft-lint：请先打开一篇 Markdown 或纯文本文稿。');
    return undefined;
  }
  // Re-lint now; if a debounced run of the same version overtook this one, use its result.
  const snap = (await linter.lintDocument(editor.document, true)) ?? (await linter.current(editor.document));
  if (!snap) return undefined;
  const n = snap.diagnostics.length;
  vscode.window.setStatusBarMessage(n ? `draft-lint：发现 ${n} 个问题` : 'draft-lint：未发现问题', 4000);
  return n;
}

/** Files of the workspace that match `draftLint.files`. */
export async function workspaceDrafts(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const seen = new Map<string, vscode.Uri>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const globs = readSettings(folder.uri).files;
    for (const g of globs.filter(x => !x.startsWith('!'))) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, g), '**/{node_modules,.git,.vscode-test}/**', undefined, token);
      for (const uri of found) {
        if (matchesGlobs(path.relative(folder.uri.fsPath, uri.fsPath), globs)) seen.set(uri.toString(), uri);
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.fsPath.localeCompare(b.fsPath));
}

export async function lintWorkspace(linter: LintService, quiet = false): Promise<WorkspaceLintSummary> {
  const summary: WorkspaceLintSummary = { files: 0, linted: 0, skipped: 0, errors: 0, warnings: 0, infos: 0, cancelled: false, byFile: {} };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'draft-lint：检查工作区文稿', cancellable: true },
    async (progress, token) => {
      progress.report({ message: '查找文稿…' });
      const uris = await workspaceDrafts(token);
      summary.files = uris.length;
      for (let i = 0; i < uris.length; i++) {
        if (token.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        const uri = uris[i];
        progress.report({ increment: 100 / uris.length, message: `${i + 1}/${uris.length} ${vscode.workspace.asRelativePath(uri)}` });
        const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === uri.toString());
        let diags: { severity: string }[] | undefined;
        try {
          if (open) {
            diags = ((await linter.lintDocument(open, true)) ?? (await linter.current(open)))?.diagnostics;
          } else {
            const decoded = decodeText(await vscode.workspace.fs.readFile(uri), uri.fsPath);
            const languageId = /\.(md|markdown)$/i.test(uri.fsPath) ? 'markdown' : 'plaintext';
            const r = await linter.lintText(uri, decoded.text, languageId);
            diags = r.output?.diagnostics;
          }
        } catch (e) {
          linter.collection.set(uri, [new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `draft-lint：无法检查此文件：${(e as Error).message}`, vscode.DiagnosticSeverity.Warning)]);
        }
        if (!diags) {
          summary.skipped++;
          continue;
        }
        summary.linted++;
        for (const d of diags) {
          if (d.severity === 'error') summary.errors++;
          else if (d.severity === 'warning') summary.warnings++;
          else summary.infos++;
        }
        if (diags.length) summary.byFile[vscode.workspace.asRelativePath(uri)] = diags.length;
        // Let the extension host breathe between files (typing, other extensions).
        await new Promise(r => setImmediate(r));
      }
    },
  );
  if (!quiet) {
    const msg = `draft-lint：${summary.cancelled ? '已取消，' : ''}检查了 ${summary.linted} 个文稿${summary.skipped ? `（跳过 ${summary.skipped} 个）` : ''}：错误 ${summary.errors} 个，警告 ${summary.warnings} 个，提示 ${summary.infos} 个。`;
    void vscode.window.showInformationMessage(msg, '打开问题面板').then(c => {
      if (c) void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
  }
  return summary;
}

export async function fixAllCommand(linter: LintService): Promise<number> {
  const editor = vscode.window.activeTextEditor;
  if (!isDraftEditor(editor)) {
    void vscode.window.showWarningMessage('draft-lint：请先打开一篇 Markdown 或纯文本文稿。');
    return 0;
  }
  const doc = editor.document;
  const snap = await linter.current(doc);
  if (!snap) return 0;
  const { edits, fixed } = await fixAllEdits(linter, doc, snap);
  if (doc.version !== snap.version) return 0;
  if (!edits.length) {
    vscode.window.setStatusBarMessage('draft-lint：没有可自动修复的问题', 4000);
    return 0;
  }
  const ok = await editor.edit(b => edits.forEach(e => b.replace(e.range, e.newText)));
  if (ok) {
    vscode.window.setStatusBarMessage(`draft-lint：已修复 ${fixed} 处`, 4000);
    await linter.lintDocument(doc, true);
  }
  return ok ? fixed : 0;
}

interface SnippetEntry {
  prefix?: string | string[];
  body: string | string[];
  description?: string;
}

export interface TemplateItem extends vscode.QuickPickItem {
  body: string;
}

/** The templates offered for a language: the contributed snippets, else skeletons from the template packs. */
export async function templatesFor(extensionUri: vscode.Uri, languageId: string): Promise<TemplateItem[]> {
  const file = vscode.Uri.joinPath(extensionUri, 'snippets', `${languageId === 'markdown' ? 'markdown' : 'plaintext'}.json`);
  const items: TemplateItem[] = [];
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    const json = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as Record<string, SnippetEntry>;
    for (const [name, s] of Object.entries(json)) {
      if (!s || !s.body) continue;
      const prefix = Array.isArray(s.prefix) ? s.prefix[0] : s.prefix;
      items.push({ label: name, description: prefix, detail: s.description, body: Array.isArray(s.body) ? s.body.join('\n') : s.body });
    }
  } catch {
    // no snippets: fall back to the packs
  }
  if (!items.length) {
    const { builtinPackSet } = await import('../core/packs');
    for (const t of builtinPackSet().list<{ name: string; description?: string; sections?: { name: string; required?: boolean }[] }>('templates')) {
      const md = languageId === 'markdown';
      const body = [md ? `# \${1:${t.name}}` : `\${1:${t.name}}`, '', ...(t.sections ?? []).flatMap((s, i) => [md ? `## ${s.name}` : `${s.name}`, '', `\${${i + 2}:（${s.name}${s.required === false ? '，可选' : ''}）}`, ''])].join('\n');
      items.push({ label: t.name, detail: t.description, body });
    }
  }
  return items;
}

const YEAR_PLACEHOLDER = /\$\{(\d+):((?:19|20)\d\d)\}/g;

/** Whether a template has years to fill in. */
export function hasYears(body: string): boolean {
  return new RegExp(YEAR_PLACEHOLDER.source).test(body) || /CURRENT_YEAR|\{\{\s*(?:year|lastYear|prevYear|nextYear)\s*\}\}/.test(body);
}

/**
 * Fills the years of a template for the year a document plans (a work report reviews the year before and plans
 * `year`): year placeholders like `${2:2024}` … `${11:2025}` are shifted so that the latest becomes `year`; also
 * VS Code's $CURRENT_YEAR and {{year}}, {{lastYear}}/{{prevYear}}, {{nextYear}}.
 */
export function fillYears(body: string, year: number): string {
  const years = [...body.matchAll(YEAR_PLACEHOLDER)].map(m => Number(m[2]));
  const delta = years.length ? year - years.reduce((a, b) => Math.max(a, b), -Infinity) : 0;
  return body
    .replace(YEAR_PLACEHOLDER, (_m, n: string, y: string) => `\${${n}:${Number(y) + delta}}`)
    .replace(/\$\{CURRENT_YEAR\}|\$CURRENT_YEAR\b/g, String(year))
    .replace(/\{\{\s*year\s*\}\}/g, String(year))
    .replace(/\{\{\s*(?:lastYear|prevYear)\s*\}\}/g, String(year - 1))
    .replace(/\{\{\s*nextYear\s*\}\}/g, String(year + 1));
}

/** The year a new document most likely plans: next year from October on (reports are drafted in the autumn). */
export function defaultPlanYear(now = new Date()): number {
  return now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
}

export async function insertTemplate(extensionUri: vscode.Uri, pick?: { label: string; year?: number }): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!isDraftEditor(editor)) {
    void vscode.window.showWarningMessage('draft-lint：请先打开一篇 Markdown 或纯文本文稿（可新建文件后再插入模板）。');
    return false;
  }
  const items = await templatesFor(extensionUri, editor.document.languageId);
  if (!items.length) {
    void vscode.window.showWarningMessage('draft-lint：没有可用的文稿模板。');
    return false;
  }
  const chosen = pick ? items.find(i => i.label === pick.label || i.description === pick.label) : await vscode.window.showQuickPick(items, { title: '插入文稿模板', placeHolder: '选择文种', matchOnDescription: true, matchOnDetail: true });
  if (!chosen) return false;
  let year = pick?.year;
  if (!year && hasYears(chosen.body)) {
    const now = defaultPlanYear();
    const input = await vscode.window.showInputBox({
      title: `插入${chosen.label}`,
      prompt: '安排工作的年度（工作报告回顾其上一年、安排这一年；模板中的年份据此填写）',
      value: String(now),
      validateInput: v => (/^(19|20)\d\d$/.test(v.trim()) ? undefined : '请输入四位年份，如 ' + now),
    });
    if (!input) return false;
    year = Number(input.trim());
  }
  return editor.insertSnippet(new vscode.SnippetString(year ? fillYears(chosen.body, year) : chosen.body));
}
