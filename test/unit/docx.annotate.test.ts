// The annotated copy: comments on the exact spans, fixes as tracked changes, run properties kept, other parts
// byte for byte, existing comments and revisions kept, and a well-formed package.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { Document, FootnoteReferenceRun, Paragraph, TextRun } from 'docx';
import { annotateDocx } from '../../src/docx/annotate';
import { DocxText, readDocx } from '../../src/docx/reader';
import { child, descendants, parseXml, XElement } from '../../src/docx/xml';
import { applyFixes, lint } from '../../src/lint';
import { loadSegmenter } from '../../src/segmenter';
import { Diagnostic } from '../../src/core/types';
import { docxBytes, plainDocument, proposalDocument, withBody, WORD_LIKE_BODY, WORD_LIKE_TEXT } from '../helpers/docxFixtures';
import { cli, tmpDir } from '../helpers/cliInProcess';

const DATE = '2025-03-02T10:00:00Z';

function findings(doc: DocxText): Diagnostic[] {
  const seg = loadSegmenter().segmenter;
  return lint(doc.text, { path: 'draft.docx', segmenter: seg }).diagnostics;
}

/** A diagnostic made by hand (for spans no built-in rule reports in the fixture). */
function diag(offset: number, length: number, message: string, fix?: Diagnostic['fix']): Diagnostic {
  return { ruleId: 'punctuation/half-width', category: 'punctuation', severity: 'warning', message, offset, length, fix, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** For each comment id in the annotated document.xml: the text offsets [from, to) between its range markers. */
function commentSpans(doc: DocxText): Map<string, [number, number]> {
  const starts = new Map(descendants(doc.root, 'w:commentRangeStart').map(e => [e.attrs['w:id'], e] as const));
  const spans = new Map<string, [number, number]>();
  for (const end of descendants(doc.root, 'w:commentRangeEnd')) {
    const start = starts.get(end.attrs['w:id'])!;
    let from = -1;
    let to = -1;
    for (let i = 0; i < doc.text.length; i++) {
      const at = doc.xmlOffsets[i];
      if (at >= start.end && at < end.start) {
        if (from < 0) from = i;
        to = i + 1;
      }
    }
    spans.set(end.attrs['w:id'], [from, to]);
  }
  return spans;
}

/** The comments of a comments part: id → author and the text of its paragraphs. */
function commentsOf(xml: string): Map<string, { author: string; date: string; text: string[] }> {
  const root = parseXml(xml, 'comments');
  const out = new Map<string, { author: string; date: string; text: string[] }>();
  for (const c of root.children)
    out.set(c.attrs['w:id'], { author: c.attrs['w:author'], date: c.attrs['w:date'], text: c.children.map(p => descendants(p, 'w:t').map(t => xml.slice(t.openEnd, t.closeStart)).join('')) });
  return out;
}

/** The run properties of each character that is in the XML (what the writer sees as its formatting). */
function charProps(doc: DocxText): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.text.length; i++) {
    const r = doc.runOf[i];
    if (r < 0) continue;
    const rPr = child(doc.runs[r].el, 'w:rPr');
    out.push(rPr ? doc.xml.slice(rPr.start, rPr.end) : '');
  }
  return out;
}

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

describe('docx: annotated copy', () => {
  let original: Uint8Array;
  let doc: DocxText;
  let found: Diagnostic[];
  before(async function () {
    this.timeout(30000);
    original = await docxBytes(proposalDocument());
    doc = readDocx(original);
    found = findings(doc);
    assert.deepStrictEqual(
      found.map(d => d.ruleId),
      ['punctuation/half-width', 'punctuation/doubled-mark', 'wording/doubled-word'],
    );
  });

  it('comments: re-reading gives the same text, every comment sits on its finding’s exact span, with the message, fix and rule', () => {
    const out = annotateDocx(doc, found, { mode: 'comments', date: DATE, ruleTitle: id => `${id} 的说明` });
    assert.deepStrictEqual([out.comments, out.revisions], [3, 0]);
    const again = readDocx(out.bytes);
    assert.strictEqual(again.text, doc.text);
    const spans = commentSpans(again);
    const comments = commentsOf(strFromU8(parts(out.bytes)['word/comments.xml']));
    // The existing comment (id 0) is still there, on its text, with its author.
    assert.deepStrictEqual(spans.get('0'), [doc.text.indexOf('全年新增养老床位1200张'), doc.text.indexOf('全年新增养老床位1200张') + '全年新增养老床位1200张'.length]);
    assert.deepStrictEqual(comments.get('0')!.author, '办公室 李编辑');
    const ours = [...comments.entries()].filter(([, c]) => c.author === 'draft-lint 审校');
    assert.strictEqual(ours.length, 3);
    ours.forEach(([id, c], i) => {
      const d = found[i];
      assert.deepStrictEqual(spans.get(id), [d.offset, d.offset + d.length], `comment ${id} on ${d.ruleId}`);
      assert.strictEqual(c.date, DATE);
      assert.strictEqual(c.text[0], (d.severity === 'error' ? '【错误】' : '【警告】') + d.message);
      assert.strictEqual(c.text[c.text.length - 1], `规则：${d.ruleId}（${d.ruleId} 的说明）`);
    });
    assert.deepStrictEqual(ours.map(([, c]) => c.text[1]), ['建议：将“,”改为“，”', '建议：删除“，”', '建议：删除“的”']);
    // Formatting of every character is kept though runs were split (the comma starts a bold run).
    assert.deepStrictEqual(charProps(again), charProps(doc));
    // A reference run follows each range end.
    for (const id of spans.keys()) assert.ok(again.xml.includes(`<w:commentRangeEnd w:id="${id}"/><w:r>`), id);
  });

  it('comments: parts other than document.xml and comments.xml keep their bytes; the body differs only by the anchors', () => {
    const out = annotateDocx(doc, found, { mode: 'comments', date: DATE });
    const a = parts(original);
    const b = parts(out.bytes);
    assert.deepStrictEqual(Object.keys(b), Object.keys(a));
    for (const name of Object.keys(a)) if (name !== 'word/document.xml' && name !== 'word/comments.xml') assert.deepStrictEqual(b[name], a[name], name);
    // Remove what was added (the new anchors, reference runs, and the run splits) and the original comes back.
    const added = new Set([...commentsOf(strFromU8(b['word/comments.xml'])).entries()].filter(([, c]) => c.author === 'draft-lint 审校').map(([id]) => id));
    let body = strFromU8(b['word/document.xml']);
    for (const id of added) body = body.replace(`<w:commentRangeStart w:id="${id}"/>`, '').replace(`<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`, '');
    body = body.replace(/<\/w:t><\/w:r><w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">/g, '');
    const orig = strFromU8(a['word/document.xml']).replace(/<\/w:t><\/w:r><w:r>(<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:t xml:space="preserve">/g, '');
    assert.strictEqual(body, orig);
    // The existing comments part only grew at its end.
    const c0 = strFromU8(a['word/comments.xml']);
    const c1 = strFromU8(b['word/comments.xml']);
    const cut = c0.lastIndexOf('</w:comments>');
    assert.ok(c1.startsWith(c0.slice(0, cut)) && c1.endsWith('</w:comments>'));
  });

  it('revisions: fixes become w:del + w:ins with author and date; re-reading gives the fixed text', () => {
    const out = annotateDocx(doc, found, { mode: 'revisions', date: DATE });
    assert.deepStrictEqual([out.comments, out.revisions], [0, 3]);
    const again = readDocx(out.bytes);
    assert.strictEqual(again.text, applyFixes(doc.text, found.map(d => d.fix!)).output);
    const dels = descendants(again.root, 'w:del').filter(e => e.attrs['w:author'] === 'draft-lint 审校');
    const inss = descendants(again.root, 'w:ins').filter(e => e.attrs['w:author'] === 'draft-lint 审校');
    const text = (els: XElement[], tag: string) => els.map(e => descendants(e, tag).map(t => again.xml.slice(t.openEnd, t.closeStart)).join(''));
    assert.deepStrictEqual(text(dels, 'w:delText'), [',', '，', '的']);
    assert.deepStrictEqual(text(inss, 'w:t'), ['，']);
    assert.ok([...dels, ...inss].every(e => e.attrs['w:date'] === DATE));
    // The inserted comma keeps the formatting of the text it replaces (bold).
    assert.ok(again.xml.slice(inss[0].start, inss[0].end).includes('<w:rPr><w:b/><w:bCs/></w:rPr>'));
    // The writer's own revisions are still there.
    assert.deepStrictEqual(descendants(again.root, 'w:del').filter(e => e.attrs['w:author'] === '王某某').length, 1);
    assert.deepStrictEqual(descendants(again.root, 'w:ins').filter(e => e.attrs['w:author'] === '王某某').length, 1);
    // Every w:id is unique.
    const ids = [...again.xml.matchAll(/<w:(?:ins|del|commentRangeStart) w:id="(\d+)"/g)].map(m => m[1]);
    assert.strictEqual(new Set(ids).size, ids.length);
  });

  it('both: every finding a comment whose range holds its tracked change', () => {
    const out = annotateDocx(doc, found, { mode: 'both', date: DATE });
    assert.deepStrictEqual([out.comments, out.revisions], [3, 3]);
    const xml = readDocx(out.bytes).xml;
    assert.match(xml, /<w:commentRangeStart w:id="\d+"\/><w:del w:id="\d+" w:author="draft-lint 审校" w:date="2025-03-02T10:00:00Z"><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:delText xml:space="preserve">,<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">，<\/w:t><\/w:r><\/w:ins><w:commentRangeEnd w:id="\d+"\/>/);
  });

  it('revisions that cannot be tracked (across the writer’s own revision, on a numbering label, in a field) become comments', () => {
    const covered = doc.text.indexOf('覆盖85%的');
    const label = doc.text.indexOf('（一）设施');
    const field = doc.text.indexOf('2025年1月10日');
    const ds = [
      diag(covered, 6, '跨修订', { offset: covered, length: 6, text: '覆盖' }),
      diag(label, 3, '编号', { offset: label, length: 3, text: '（二）' }),
      diag(field, 4, '域', { offset: field, length: 4, text: '2024' }),
    ];
    const out = annotateDocx(doc, ds, { mode: 'revisions', date: DATE });
    assert.deepStrictEqual([out.comments, out.revisions, out.adjusted], [3, 0, 1]);
    const again = readDocx(out.bytes);
    assert.strictEqual(again.text, doc.text);
    const spans = [...commentSpans(again).entries()].filter(([id]) => id !== '0').map(([, s]) => again.text.slice(...s));
    // The label is not in the XML: the comment is on the heading's own text.
    assert.deepStrictEqual(spans, ['覆盖85%的', '设施与人才', '2025']);
    const notes = [...commentsOf(strFromU8(parts(out.bytes)['word/comments.xml'])).values()].filter(c => c.author === 'draft-lint 审校');
    assert.match(notes[1].text.join('\n'), /问题在 Word 自动编号中/);
  });

  it('a fix that starts a new line is not a tracked change (it would be a new paragraph in Word)', () => {
    const at = doc.text.indexOf('二是专业');
    const out = annotateDocx(doc, [diag(at, 0, '分段', { offset: at, length: 0, text: '\n' })], { mode: 'revisions', date: DATE });
    assert.deepStrictEqual([out.comments, out.revisions], [1, 0]);
  });

  it('a tracked change across two runs with different formatting, and an insertion', () => {
    const at = doc.text.indexOf('来,我');
    const ds = [diag(at, 3, '跨两段', { offset: at, length: 3, text: '来，我' }), diag(doc.text.indexOf('街道。'), 0, '补字', { offset: doc.text.indexOf('街道。'), length: 0, text: '的' })];
    const out = annotateDocx(doc, ds, { mode: 'revisions', date: DATE });
    assert.strictEqual(out.revisions, 2);
    const again = readDocx(out.bytes);
    assert.strictEqual(again.text, applyFixes(doc.text, ds.map(d => d.fix!)).output);
    assert.match(again.xml, /<w:del [^>]*><w:r><w:delText xml:space="preserve">来<\/w:delText><\/w:r><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:delText xml:space="preserve">,我<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">来，我<\/w:t><\/w:r><\/w:ins>/);
  });

  it('a document without comments gets a comments part, its relationship and its content type', async () => {
    const bytes = await docxBytes(plainDocument(['关于推进数字乡村建设的提案', '建议加强统筹,推进建设。']));
    const d = readDocx(bytes);
    const out = annotateDocx(d, findings(d), { mode: 'comments', date: DATE });
    const a = parts(bytes);
    const b = parts(out.bytes);
    assert.ok(!a['word/comments.xml'] && b['word/comments.xml']);
    assert.deepStrictEqual(Object.keys(b), [...Object.keys(a), 'word/comments.xml']);
    for (const name of Object.keys(a)) if (!['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(name)) assert.deepStrictEqual(b[name], a[name], name);
    const rels = parseXml(strFromU8(b['word/_rels/document.xml.rels']), 'rels');
    const rel = rels.children.filter(r => r.attrs.Type.endsWith('/comments'));
    assert.deepStrictEqual(rel.map(r => r.attrs.Target), ['comments.xml']);
    assert.strictEqual(new Set(rels.children.map(r => r.attrs.Id)).size, rels.children.length);
    const types = parseXml(strFromU8(b['[Content_Types].xml']), 'types');
    assert.deepStrictEqual(
      types.children.filter(t => t.attrs.PartName === '/word/comments.xml').map(t => t.attrs.ContentType),
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml'],
    );
    // Every XML part of the package is well-formed.
    for (const [name, data] of Object.entries(b)) if (/\.(xml|rels)$/.test(name)) parseXml(strFromU8(data), name);
    const again = readDocx(out.bytes);
    assert.strictEqual(again.text, d.text);
    const span = [...commentSpans(again).values()];
    assert.ok(span.some(([f, t]) => again.text.slice(f, t) === ','));
  });

  it('an empty paragraph gets a point comment inside it', async () => {
    const bytes = await docxBytes(new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun('正文')] }), new Paragraph({})] }] }));
    const d = readDocx(bytes);
    const out = annotateDocx(d, [diag(d.text.length, 0, '空段落')], { mode: 'comments', date: DATE });
    const again = readDocx(out.bytes);
    const lastP = descendants(again.root, 'w:p').pop()!;
    assert.match(again.xml.slice(lastP.start, lastP.end), /^<w:p>(<w:pPr>.*<\/w:pPr>)?<w:commentRangeStart w:id="(\d+)"\/><w:commentRangeEnd w:id="\2"\/><w:r><w:commentReference w:id="\2"\/><\/w:r><\/w:p>$/);
  });
});

describe('docx: --annotate on the command line', () => {
  it('writes copies with the same names into the folder, never touches the original, refuses to overwrite it', async function () {
    this.timeout(60000);
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, '来稿', '委员'), { recursive: true });
    const bytes = await docxBytes(proposalDocument());
    fs.writeFileSync(path.join(dir, '来稿', '委员', '提案.docx'), bytes);
    fs.writeFileSync(path.join(dir, '来稿', '说明.txt'), '建议加强统筹,推进建设。\n');
    const r = await cli(['--annotate', '审校', '--annotate-mode', 'both', '来稿'], dir);
    assert.strictEqual(r.code, 1, r.err);
    assert.match(r.err, /已写入批注副本 审校\/委员\/提案\.docx（批注 3 条，修订 3 处）/);
    assert.match(r.err, /1 个文本文件未写副本/);
    assert.deepStrictEqual(new Uint8Array(fs.readFileSync(path.join(dir, '来稿', '委员', '提案.docx'))), bytes);
    const copy = readDocx(fs.readFileSync(path.join(dir, '审校', '委员', '提案.docx')));
    assert.strictEqual(descendants(copy.root, 'w:ins').filter(e => e.attrs['w:author'] === 'draft-lint 审校').length, 1);
    const { allRules } = await import('../../src/lint');
    const halfWidth = [...commentsOf(strFromU8(parts(fs.readFileSync(path.join(dir, '审校', '委员', '提案.docx')))['word/comments.xml'])).values()].find(c => c.text.some(t => t.includes('punctuation/half-width')))!;
    assert.strictEqual(halfWidth.text[halfWidth.text.length - 1], `规则：punctuation/half-width（${allRules().find(r => r.meta.id === 'punctuation/half-width')!.meta.description}）`);
    const same = await cli(['--annotate', '来稿/委员', '来稿/委员/提案.docx'], dir);
    assert.strictEqual(same.code, 2);
    assert.match(same.err, /会覆盖原文/);
    assert.deepStrictEqual(new Uint8Array(fs.readFileSync(path.join(dir, '来稿', '委员', '提案.docx'))), bytes);
  });

  it('rejects --annotate-mode without --annotate and unknown modes', async () => {
    const dir = tmpDir();
    for (const [args, re] of [
      [['--annotate-mode', 'both', 'a.docx'], /只能与 --annotate/],
      [['--annotate', 'x', '--annotate-mode', 'all', 'a.docx'], /comments \| revisions \| both/],
    ] as [string[], RegExp][]) {
      const r = await cli(args, dir);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, re);
    }
  });
});


describe('docx: a body as Word writes it', () => {
  it('a deleted paragraph mark joins the paragraph with the next one (the text as it now reads)', async () => {
    const body =
      '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="王某某" w:date="2025-03-01T09:00:00Z"/></w:rPr></w:pPr><w:r><w:t>建议加强</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t>统筹规划。</w:t></w:r></w:p><w:p><w:r><w:t>下一段。</w:t></w:r></w:p>';
    assert.strictEqual(readDocx(await withBody(body)).text, '建议加强统筹规划。\n下一段。');
  });

  it('reads around bookmarks, proofing marks, smart tags, field codes, text boxes and content controls', async () => {
    const d = readDocx(await withBody(WORD_LIKE_BODY));
    assert.strictEqual(d.text, WORD_LIKE_TEXT);
  });

  it('annotates across those structures: exact spans, same formatting, well-formed; revisions only where Word allows them', async function () {
    this.timeout(30000);
    const d = readDocx(await withBody(WORD_LIKE_BODY));
    const found = findings(d);
    const t = d.text;
    const span = (s: string) => [t.indexOf(s), t.indexOf(s) + s.length];
    const hand = [
      diag(span('智慧康养的提')[0], 6, '跨越校对标记和书签'),
      diag(span('12个')[0], 3, '跨越智能标记', { offset: span('12个')[0], length: 3, text: '十二个' }),
      diag(span('3页')[0], 2, '域结果', { offset: span('3页')[0], length: 1, text: '5' }),
      diag(span('页（2025')[0], 4, '跨越内容控件'),
    ];
    const all = [...found, ...hand];
    for (const mode of ['comments', 'both'] as const) {
      const out = annotateDocx(d, all, { mode, date: DATE });
      const again = readDocx(out.bytes);
      assert.strictEqual(out.comments, all.length);
      if (mode === 'comments') {
        const order = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1];
        const spans = [...commentSpans(again).values()].sort(order);
        assert.deepStrictEqual(spans, all.map(x => [x.offset, x.offset + x.length]).sort(order));
        assert.strictEqual(again.text, d.text);
        assert.deepStrictEqual(charProps(again), charProps(d));
      } else {
        // The rules' fixes are tracked; the one across the smart tag (two parents) and the one in the field's
        // result (Word recomputes it) are not.
        assert.ok(found.some(x => x.fix));
        assert.strictEqual(out.revisions, found.filter(x => x.fix).length);
        const result = again.xml.slice(again.xml.indexOf('w:fldCharType="separate"'), again.xml.indexOf('w:fldCharType="end"'));
        assert.ok(!result.includes('<w:del ') && !result.includes('<w:ins '));
        assert.ok(again.text.includes('本市已建成12个'));
      }
      assert.ok(again.xml.includes('<w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent>'));
      assert.ok(again.xml.includes('<w:instrText xml:space="preserve"> PAGE </w:instrText>'));
    }
  });
});

describe('docx: footnotes and endnotes (read with notes)', () => {
  const noteDoc = () =>
    new Document({
      footnotes: { 1: { children: [new Paragraph({ children: [new TextRun('数据来源:市民政局2024年统计公报。')] })] } },
      sections: [{ children: [new Paragraph({ children: [new TextRun('全市养老机构共86家'), new FootnoteReferenceRun(1), new TextRun('，床位1.2万张。')] })] }],
    });

  it('reads the body alone by default, and the notes after it with notes: true', async () => {
    const bytes = await docxBytes(noteDoc());
    assert.strictEqual(readDocx(bytes).text, '全市养老机构共86家，床位1.2万张。');
    const d = readDocx(bytes, 'n.docx', { notes: true });
    assert.strictEqual(d.text, '全市养老机构共86家，床位1.2万张。\n数据来源:市民政局2024年统计公报。');
    assert.deepStrictEqual(d.paragraphs.map(p => [p.noteKind ?? '', p.runs.length > 0]), [['', true], ['脚注', false]]);
    // Note characters are not in document.xml: no offsets there.
    assert.ok([...d.xmlOffsets.slice(d.paragraphs[1].offset)].every(x => x === -1));
  });

  it('a finding in a footnote is a comment on the footnote mark in the body; footnotes.xml keeps its bytes', async () => {
    const bytes = await docxBytes(noteDoc());
    const d = readDocx(bytes, 'n.docx', { notes: true });
    const colon = d.text.indexOf(':');
    const body = d.text.indexOf('86家');
    const out = annotateDocx(d, [diag(colon, 1, '半角冒号', { offset: colon, length: 1, text: '：' }), diag(body, 3, '正文')], { mode: 'both', date: DATE });
    assert.deepStrictEqual([out.comments, out.revisions, out.adjusted], [2, 0, 1]);
    const a = parts(bytes);
    const b = parts(out.bytes);
    assert.deepStrictEqual(b['word/footnotes.xml'], a['word/footnotes.xml']);
    const again = readDocx(out.bytes, 'n.docx', { notes: true });
    assert.strictEqual(again.text, d.text);
    const ref = descendants(again.root, 'w:footnoteReference')[0];
    const run = ref.parent!;
    assert.match(again.xml.slice(run.start - 40, run.start), /<w:commentRangeStart w:id="(\d+)"\/>$/);
    assert.match(again.xml.slice(run.end, run.end + 80), /^<w:commentRangeEnd w:id="\d+"\/><w:r><w:commentReference w:id="\d+"\/><\/w:r>/);
    const notes = [...commentsOf(strFromU8(b['word/comments.xml'])).values()];
    assert.strictEqual(notes.find(c => c.text[0].includes('半角冒号'))!.text[0], '【警告】（脚注中：“:”）半角冒号');
    assert.deepStrictEqual(commentSpans(again).size, 2);
    assert.ok([...commentSpans(again).values()].some(([f, t]) => again.text.slice(f, t) === '86家'));
  });
});
