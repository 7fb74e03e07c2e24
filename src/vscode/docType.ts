// The document type in the editor: a status bar item (“文种：提案”, tooltip with confidence, template and signals)
// that opens a one-click override; the override is written as the first-line marker <!-- draft-lint-type: … -->.
import * as vscode from 'vscode';
import type { DocTypeInfo } from '../lint';
import { DOC_TYPE_NAMES, DOC_TYPE_SETTINGS, DocType, DocTypeSetting } from '../core/types';
import { readTypeMarker, setTypeMarkerEdit } from '../core/typeMarker';
import { LintService } from './linter';

const EXCERPT_NAMES: Record<string, string> = { excerpt: '节选', page: '续版', news: '新闻报道' };

/** “提案” / “工作报告（节选）” for the status bar. */
export function typeLabel(t: DocTypeInfo): string {
  return DOC_TYPE_NAMES[t.docType] + (t.excerpt ? `（${EXCERPT_NAMES[t.excerptKind ?? 'excerpt']}）` : '');
}

/** The tooltip: how the type was settled and on what evidence. */
export function typeTooltip(t: DocTypeInfo): string {
  const how = t.source === 'detected' ? `自动识别，置信度 ${t.confidence.toFixed(2)}` : t.source === 'marker' ? '由文首标记指定' : t.source === 'option' ? '由选项指定' : '由配置指定';
  const lines = [`文种：${DOC_TYPE_NAMES[t.docType]}（${how}）`];
  if (t.template) lines.push(`模板：${t.template}`);
  if (t.signals.length) lines.push('依据：' + t.signals.join('；'));
  if (t.excerpt) lines.push('节选：不检查缺少的部分' + (t.excerptKind === 'page' ? '（编号仍检查）' : '和编号起点'));
  lines.push('点击更改文种');
  return lines.join('\n');
}

export class DocTypeStatus implements vscode.Disposable {
  readonly item = vscode.window.createStatusBarItem('draftLint.docType', vscode.StatusBarAlignment.Right, 99);

  constructor(private readonly linter: LintService) {
    this.item.name = 'draft-lint 文种';
    this.item.command = 'draftLint.setDocType';
  }

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const info = doc && this.linter.isLintable(doc) ? this.linter.snapshot(doc)?.output.docTypeInfo : undefined;
    if (!info) {
      this.item.hide();
      return;
    }
    this.item.text = `$(file-text) ${typeLabel(info)}`;
    this.item.tooltip = typeTooltip(info);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

/** Quick pick of the document types; the choice is written as the first-line marker (or removed for 自动识别). */
export async function setDocTypeCommand(linter: LintService, pick?: DocTypeSetting): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const doc = editor.document;
  const info = linter.snapshot(doc)?.output.docTypeInfo;
  const marked = readTypeMarker(doc.getText());
  let choice: { type: DocTypeSetting; excerpt: boolean } | undefined = pick ? { type: pick, excerpt: false } : undefined;
  if (!choice) {
    type Item = vscode.QuickPickItem & { type: DocTypeSetting; excerpt: boolean };
    const items: Item[] = DOC_TYPE_SETTINGS.map(t => ({
      type: t,
      excerpt: false,
      label: t === 'auto' ? '自动识别' : DOC_TYPE_NAMES[t as DocType],
      description: t === 'auto' ? (info && info.source === 'detected' ? `当前识别为${DOC_TYPE_NAMES[info.docType]}` : '去掉文首标记') : t,
      picked: marked ? marked.type === t : t === 'auto',
    }));
    if (info && info.docType !== 'other' && info.docType !== 'unknown')
      items.push({ type: info.docType, excerpt: true, label: `${DOC_TYPE_NAMES[info.docType]}（节选）`, description: '只是一部分：不检查缺少的部分和编号起点' });
    const picked = await vscode.window.showQuickPick(items, { placeHolder: '选择文种（写入文首标记 <!-- draft-lint-type: … -->）' });
    if (!picked) return;
    choice = picked;
  }
  const fix = setTypeMarkerEdit(doc.getText(), choice.type, choice.excerpt);
  if (!fix) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(fix.offset), doc.positionAt(fix.offset + fix.length)), fix.text);
  await vscode.workspace.applyEdit(edit);
  linter.schedule(doc, 0);
}
