// Word drafts in the extension: 审校 Word 文稿… (read-only view, Problems panel, annotated copy) and the report webview.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { api, folder } from './helpers';
import { docxBytes, proposalDocument, PROPOSAL_TEXT } from '../../helpers/docxFixtures';
import { readDocx } from '../../../src/docx/reader';

describe('Word drafts', () => {
  before(async () => {
    const a = await api();
    await a.segmenterSettled;
  });

  it('审校 Word 文稿…: a read-only view of the text, the findings in the Problems panel, an annotated copy', async () => {
    const source = vscode.Uri.joinPath(folder(), '提案（来稿）.docx');
    const target = vscode.Uri.joinPath(folder(), '提案（审校）.docx');
    const original = await docxBytes(proposalDocument());
    await vscode.workspace.fs.writeFile(source, original);
    const r = await vscode.commands.executeCommand<{ view: vscode.Uri; diagnostics: number; annotated?: vscode.Uri }>('draftLint.reviewWord', { uri: source, annotate: { mode: 'both', target } });
    assert.ok(r, 'the command returns its result');
    assert.strictEqual(r.view.scheme, 'draftlint-docx');
    const view = vscode.workspace.textDocuments.find(d => d.uri.toString() === r.view.toString())!;
    assert.strictEqual(view.getText(), PROPOSAL_TEXT);
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), r.view.toString());
    const diags = vscode.languages.getDiagnostics(r.view).filter(d => d.source === 'draft-lint');
    assert.deepStrictEqual(
      diags.map(d => [(d.code as { value: string }).value, d.range.start.line, d.range.start.character, view.getText(d.range)]),
      [
        ['punctuation/half-width', 3, 3, ','],
        ['punctuation/doubled-mark', 6, 18, '，'],
        ['wording/doubled-word', 16, 18, '的的'],
      ],
    );
    assert.strictEqual(r.diagnostics, 3);
    // The original is untouched; the copy carries 3 comments and 3 tracked changes by draft-lint.
    assert.deepStrictEqual(new Uint8Array(await vscode.workspace.fs.readFile(source)), original);
    assert.strictEqual(r.annotated?.toString(), target.toString());
    const copy = readDocx(await vscode.workspace.fs.readFile(target));
    assert.strictEqual((copy.xml.match(/<w:commentReference w:id=/g) ?? []).length, 4); // 3 + the writer's own
    assert.strictEqual((copy.xml.match(/<w:del w:id="\d+" w:author="draft-lint 审校"/g) ?? []).length, 3);

    const html = await vscode.commands.executeCommand<string>('draftLint.showReport', r.view);
    assert.ok(html, 'the report opens');
    assert.strictEqual((html.match(/<li class="finding /g) ?? []).length, 3);
    assert.ok(html.includes('data-doc-type="proposal"'));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(source);
    await vscode.workspace.fs.delete(target);
  });

  it('refuses a .doc with the Word menu steps to save it as .docx', async () => {
    const doc = vscode.Uri.joinPath(folder(), '旧稿.doc');
    await vscode.workspace.fs.writeFile(doc, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = await vscode.commands.executeCommand('draftLint.reviewWord', { uri: doc });
    assert.strictEqual(r, undefined);
    await vscode.workspace.fs.delete(doc);
  });
});
