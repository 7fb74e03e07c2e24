// The one-click type override writes the first-line marker: insert, replace, remove; the engine then obeys it.
import * as assert from 'assert';
import { applyFixes, lint } from '../../src/lint';
import { readTypeMarker, setTypeMarkerEdit } from '../../src/core/typeMarker';
import { STRUCTURE_RULES } from '../../src/rules/structure';

const TEXT = '关于加快老旧小区加装电梯的建议\n提案者：李华\n我市老旧小区多，加装电梯难。\n建议：由市住建局制定费用分摊指导标准。\n';
const apply = (text: string, fix: ReturnType<typeof setTypeMarkerEdit>) => (fix ? applyFixes(text, [fix]).output : text);

describe('type marker (status bar override)', () => {
  it('inserts the marker as the first line', () => {
    const fix = setTypeMarkerEdit(TEXT, 'sqmy');
    assert.deepStrictEqual(fix, { offset: 0, length: 0, text: '<!-- draft-lint-type: sqmy -->\n' });
    const out = apply(TEXT, fix);
    assert.strictEqual(lint(out, { rules: STRUCTURE_RULES }).docType, 'sqmy');
    assert.deepStrictEqual(readTypeMarker(out), { type: 'sqmy', excerpt: false });
  });
  it('replaces an existing marker (keeping its line ending) and can mark an excerpt', () => {
    const marked = '<!-- draft-lint-type: sqmy -->\r\n' + TEXT.replace(/\n/g, '\r\n');
    const fix = setTypeMarkerEdit(marked, 'report', true)!;
    assert.deepStrictEqual(fix, { offset: 0, length: 32, text: '<!-- draft-lint-type: report excerpt -->\r\n' });
    const r = lint(apply(marked, fix), { rules: STRUCTURE_RULES });
    assert.deepStrictEqual([r.docType, r.docTypeInfo.excerpt, r.docTypeInfo.source], ['report', true, 'marker']);
  });
  it('自动识别 removes the marker; without one there is nothing to do', () => {
    const marked = '<!-- draft-lint-type: report -->\n' + TEXT;
    const out = apply(marked, setTypeMarkerEdit(marked, 'auto'));
    assert.strictEqual(out, TEXT);
    assert.strictEqual(lint(out, { rules: STRUCTURE_RULES }).docType, 'proposal');
    assert.strictEqual(setTypeMarkerEdit(TEXT, 'auto'), undefined);
  });
  it('review-report is a marker value too', () => {
    const out = apply(TEXT, setTypeMarkerEdit(TEXT, 'review-report'));
    assert.strictEqual(lint(out, { rules: [] }).docType, 'review-report');
  });
});
