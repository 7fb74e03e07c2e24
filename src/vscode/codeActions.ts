// Quick fixes for draft-lint findings: fix this; fix all of this rule; fix everything fixable; disable the rule for
// this line. Also the `source.fixAll.draftLint` kind, so `editor.codeActionsOnSave` can fix on save.
import * as vscode from 'vscode';
import { fixAll } from '../core/engine';
import type { Diagnostic as CoreDiagnostic } from '../core/types';
import { describeFix, minimalEdits, rangeOf, ruleIdOf, toTextEdits } from './convert';
import { LintService, LintSnapshot } from './linter';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('draftLint');

/** The core finding behind a VS Code diagnostic (same rule, message and range). */
export function findingFor(snap: LintSnapshot, d: vscode.Diagnostic): CoreDiagnostic | undefined {
  const id = ruleIdOf(d);
  if (!id) return undefined;
  return snap.result.diagnostics.find(c => c.ruleId === id && c.message === d.message && rangeOf(snap.result.doc, c.offset, c.length).isEqual(d.range));
}

export class DraftLintCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly linter: LintService,
    private readonly segmenterFor: () => import('../core/types').Segmenter | undefined,
  ) {}

  async provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const only = context.only;
    const wantFixAll = !only || FIX_ALL_KIND.contains(only) || only.contains(FIX_ALL_KIND);
    const wantQuick = !only || vscode.CodeActionKind.QuickFix.contains(only) || only.contains(vscode.CodeActionKind.QuickFix);
    const snap = this.linter.snapshot(document) ?? (only && wantFixAll ? await this.linter.current(document) : undefined);
    if (!snap) return [];
    const actions: vscode.CodeAction[] = [];
    const fixable = snap.result.diagnostics.filter(d => d.fix);

    if (only && !wantQuick) {
      // source.fixAll.draftLint (e.g. editor.codeActionsOnSave).
      if (!fixable.length) return [];
      const { edits } = this.fixAllEdits(document, snap, () => true);
      if (!edits.length) return [];
      const a = new vscode.CodeAction('draft-lint：修复全部可自动修复的问题', FIX_ALL_KIND);
      a.edit = new vscode.WorkspaceEdit();
      a.edit.set(document.uri, edits);
      return [a];
    }

    const seenRules = new Set<string>();
    for (const diag of context.diagnostics) {
      const f = findingFor(snap, diag);
      if (!f) continue;
      const fixes = [f.fix, ...(f.suggestions ?? [])].filter((x, i, arr): x is NonNullable<typeof x> => !!x && arr.findIndex(y => y && y.offset === x.offset && y.length === x.length && y.text === x.text) === i);
      fixes.forEach((fix, i) => {
        const a = new vscode.CodeAction(`${describeFix(snap.text, fix)}（${f.ruleId}）`, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diag];
        a.isPreferred = i === 0 && !!f.fix;
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(document.uri, new vscode.Range(document.positionAt(fix.offset), document.positionAt(fix.offset + fix.length)), fix.text);
        actions.push(a);
      });
      if (!seenRules.has(f.ruleId)) {
        seenRules.add(f.ruleId);
        const sameRule = fixable.filter(d => d.ruleId === f.ruleId);
        if (f.fix && sameRule.length > 1) {
          const { edits } = this.fixAllEdits(document, snap, d => d.ruleId === f.ruleId);
          if (edits.length) {
            const a = new vscode.CodeAction(`修复本文稿中全部 ${f.ruleId} 问题（${sameRule.length} 处）`, vscode.CodeActionKind.QuickFix);
            a.diagnostics = [diag];
            a.edit = new vscode.WorkspaceEdit();
            a.edit.set(document.uri, edits);
            actions.push(a);
          }
        }
        const disable = new vscode.CodeAction(`在下一行停用 ${f.ruleId}（插入停用注释）`, vscode.CodeActionKind.QuickFix);
        disable.diagnostics = [diag];
        disable.edit = new vscode.WorkspaceEdit();
        const line = document.lineAt(diag.range.start.line);
        const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
        const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
        disable.edit.insert(document.uri, line.range.start, `${indent}<!-- draft-lint-disable-next-line ${f.ruleId} -->${eol}`);
        actions.push(disable);
      }
    }
    if (actions.length && fixable.length > 1 && wantFixAll) {
      const { edits } = this.fixAllEdits(document, snap, () => true);
      if (edits.length) {
        const a = new vscode.CodeAction(`修复本文稿全部可自动修复的问题（${fixable.length} 处）`, vscode.CodeActionKind.QuickFix);
        a.edit = new vscode.WorkspaceEdit();
        a.edit.set(document.uri, edits);
        actions.push(a);
      }
    }
    return actions;
  }

  private fixAllEdits(document: vscode.TextDocument, snap: LintSnapshot, filter: (d: CoreDiagnostic) => boolean) {
    return fixAllEditsWith(document, snap, filter, this.segmenterFor());
  }
}

/** fixAllEdits with the segmenter (so segmenter rules' fixes are included when it is loaded). */
export function fixAllEditsWith(
  document: vscode.TextDocument,
  snap: LintSnapshot,
  filter: (d: CoreDiagnostic) => boolean,
  segmenter: import('../core/types').Segmenter | undefined,
): { edits: vscode.TextEdit[]; fixed: number } {
  const r = fixAll(
    snap.text,
    {
      path: document.uri.scheme === 'untitled' ? undefined : document.uri.fsPath,
      languageId: document.languageId,
      config: snap.config.config,
      packs: snap.config.packs,
      segmenter,
    },
    filter,
  );
  return { edits: toTextEdits(document, minimalEdits(snap.text, r.output)), fixed: r.fixed };
}
