// What the lint worker hands the editor (src/vscode/editorLint.ts): ranges in lines and characters from the engine's
// DocumentModel (no second line table in the extension), the outline and folding ranges, and the ledger on request.
import * as assert from 'assert';
import { lintForEditor, lineRange } from '../../src/vscode/editorLint';
import { DocumentModel } from '../../src/core/document';
import { builtinPackSet } from '../../src/core/packs';
import { defaultConfig } from '../../src/core/types';

const TEXT = '关于2024年工作的报告\r\n\r\n一、主要工作\r\n全年收到提案100件,立案90件。\r\n\r\n二、存在的不足\r\n有的调研不够深入。\r\n';

describe('editor: one lint gives diagnostics with ranges, outline, folding and ledger', () => {
  const packs = builtinPackSet();
  const out = lintForEditor(TEXT, { config: defaultConfig(), packs, path: 'a.txt' });
  const doc = new DocumentModel(TEXT, { path: 'a.txt' });

  it('each diagnostic carries the range the engine computes for its offsets', () => {
    assert.ok(out.diagnostics.length > 0);
    for (const d of out.diagnostics) {
      const s = doc.position(d.offset);
      const e = doc.position(d.offset + d.length);
      assert.deepStrictEqual(d.range, [s.line - 1, s.column - 1, e.line - 1, e.column - 1], d.ruleId);
    }
    const comma = out.diagnostics.find(d => d.ruleId === 'punctuation/half-width');
    assert.ok(comma, JSON.stringify(out.diagnostics.map(d => d.ruleId)));
    assert.deepStrictEqual(comma.range, [3, 10, 3, 11]);
  });

  it('lineRange counts \\r\\n as one line break', () => assert.deepStrictEqual(lineRange(doc, TEXT.indexOf('二、'), 2), [5, 0, 5, 2]));

  it('the outline has the two numbered sections, with their folding ranges (blank lines before the next left open)', () => {
    const flat: string[] = [];
    const walk = (xs: typeof out.outline) => xs.forEach(x => (flat.push(`${x.name}@${x.range[0]}`), walk(x.children)));
    walk(out.outline);
    assert.ok(flat.includes('一、主要工作@2') && flat.includes('二、存在的不足@5'), flat.join(' | '));
    assert.ok(out.folding.some(([a, b]) => a === 2 && b === 3), JSON.stringify(out.folding));
    assert.strictEqual(out.firstLineLength, '关于2024年工作的报告'.length);
  });

  it('the ledger only when asked for', () => {
    assert.strictEqual(out.ledger, undefined);
    const withLedger = lintForEditor(TEXT, { config: defaultConfig(), packs }, { ledger: true });
    assert.ok(withLedger.ledger!.some(e => e.raw.startsWith('100') && e.line === 4));
  });
});
