// Quick fixes for draft-lint findings: fix this; fix all of this rule; fix everything fixable; disable the rule for
// this line. Also the `source.fixAll.draftLint` kind, so `editor.codeActionsOnSave` can fix on save.
// The fix-all edits are computed on the lint worker, and only when an action is chosen (resolveCodeAction).
import * as vscode from 'vscode';
import type { Diagnostic as CoreDiagnostic } from '../core/types';
import { describeFix, minimalEdits, ruleIdOf, toRange, toTextEdits } from './convert';
import { LintService, LintSnapshot } from './linter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('draftLint');

/** The core finding behind a VS Code diagnostic (same rule, message and range). */
export function findingFor(snap: LintSnapshot, d: vscode.Diagnostic): CoreDiagnostic | undefined {
  const id = ruleIdOf(d);
  if (!id) return undefined;
  return snap.diagnostics.find(c => c.ruleId === id && c.message === d.message && toRange(c.range).isEqual(d.range));
}

/** Edits that apply every fix (of one rule, or all) until stable, as the smallest changes to the document. */
export async function fixAllEdits(linter: LintService, document: vscode.TextDocument, snap: LintSnapshot, ruleId?: string): Promise<{ edits: vscode.TextEdit[]; fixed: number }> {
  const r = await linter.backend.fixAll(
    { text: snap.text, path: document.uri.scheme === 'untitled' ? undefined : document.uri.fsPath, languageId: document.languageId, config: snap.config.config, packs: snap.config.packs },
    ruleId,
  );
  return { edits: toTextEdits(document, minimalEdits(snap.text, r.output)), fixed: r.fixed };
}

class FixAllAction extends vscode.CodeAction {
  constructor(
    title: string,
    kind: vscode.CodeActionKind,
    readonly document: vscode.TextDocument,
    readonly snap: LintSnapshot,
    readonly ruleId?: string,
  ) {
    super(title, kind);
  }
}

export class DraftLintCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: LintService) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const wantQuick = !only || vscode.CodeActionKind.QuickFix.contains(only) || only.contains(vscode.CodeActionKind.QuickFix);
    if (only && !wantQuick) {
      // source.fixAll.draftLint (e.g. editor.codeActionsOnSave): computed now, it is about to be applied.
      if (!FIX_ALL_KIND.contains(only) && !only.contains(FIX_ALL_KIND)) return [];
      const snap = await this.linter.current(document);
      if (!snap || !snap.diagnostics.some(d => d.fix) || snap.version !== document.version) return [];
      const { edits } = await fixAllEdits(this.linter, document, snap);
      if (!edits.length) return [];
      const a = new vscode.CodeAction('draft-lint：修复全部可自动修复的问题', FIX_ALL_KIND);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.set(document.uri, edits);
      return [a];
    }
    const snap = this.linter.snapshot(document);
    if (!snap) return [];
    const actions: vscode.CodeAction[] = [];
    const fixable = snap.diagnostics.filter(d => d.fix);
    const seenRules = new Set<string>();
    for (const diag of context.diagnostics) {
      const f = findingFor(snap, diag);
      if (!f) continue;
      const fixes = [f.fix, ...(f.suggestions ?? [])].filter(
        (x, i, arr): x is NonNullable<typeof x> => !!x && arr.findIndex(y => y && y.offset === x.offset && y.length === x.length && y.text === x.text) === i,
      );
      fixes.forEach((fix, i) => {
        const a = new vscode.CodeAction(`${describeFix(snap.text, fix)}（${f.ruleId}）`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diag];
        a.isPreferred = i === 0 && !!f.fix;
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(document.uri, new vscode.Range(document.positionAt(fix.offset), document.positionAt(fix.offset + fix.length)), fix.text);
        actions.push(a);
      });
      if (seenRules.has(f.ruleId)) continue;
      seenRules.add(f.ruleId);
      const sameRule = fixable.filter(d => d.ruleId === f.ruleId);
      if (f.fix && sameRule.length > 1) {
        const a = new FixAllAction(`修复本文稿中全部 ${f.ruleId} 问题（${sameRule.length} 处）`, vscode.CodeActionKind.QuickFix, document, snap, f.ruleId);
        a.diagnostics = [diag];
        actions.push(a);
      }
      const disable = new vscode.CodeAction(`此行停用 ${f.ruleId}（在上一行插入停用注释）`, vscode.CodeActionKind.QuickFix);
      disable.diagnostics = [diag];
      disable.edit = new vscode.WorkspaceEdit();
      const line = document.lineAt(diag.range.start.line);
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      disable.edit.insert(document.uri, line.range.start, `${indent}<!-- draft-lint-disable-next-line ${f.ruleId} -->${eol}`);
      actions.push(disable);
    }
    if (actions.length && fixable.length > 1) {
      actions.push(new FixAllAction(`修复本文稿全部可自动修复的问题（${fixable.length} 处）`, vscode.CodeActionKind.QuickFix, document, snap));
    }
    return actions;
  }

  async resolveCodeAction(action: vscode.CodeAction): Promise<vscode.CodeAction> {
    if (action instanceof FixAllAction && !action.edit) {
      const { edits } = await fixAllEdits(this.linter, action.document, action.snap, action.ruleId);
      action.edit = new vscode.WorkspaceEdit();
      // Computed for the version the menu was opened on; VS Code refuses the edit if the document changed since.
      action.edit.set(action.document.uri, edits);
    }
    return action;
  }
}
