// Reading .docx drafts: the text a reader sees (numbering labels, tables, tracked changes, fields), each
// character's place in document.xml, and the same findings as the same text in a .txt file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AlignmentType, Document, LevelFormat, Paragraph, TextRun } from 'docx';
import { readDocx } from '../../src/docx/reader';
import { chineseCounting, formatNumber } from '../../src/docx/numbering';
import { decodeRaw } from '../../src/docx/xml';
import { cli, tmpDir } from '../helpers/cliInProcess';
import { DraftLintError } from '../../src/core/types';
import { docxBytes, plainDocument, proposalDocument, PROPOSAL_TEXT } from '../helpers/docxFixtures';

describe('docx: reading', () => {
  let bytes: Uint8Array;
  before(async () => {
    bytes = await docxBytes(proposalDocument());
  });

  it('reads the text a reader sees: numbering labels, table cells, tracked insertion in and deletion out, field results', () => {
    const d = readDocx(bytes);
    assert.strictEqual(d.text, PROPOSAL_TEXT);
  });

  it('knows paragraph styles, heading levels and the length of automatic labels', () => {
    const d = readDocx(bytes);
    const rows = d.paragraphs.slice(0, 6).map(p => [d.text.slice(p.offset, p.offset + p.length).slice(0, 6), p.styleId ?? '', p.headingLevel ?? 0, p.labelLength, p.inTable]);
    assert.deepStrictEqual(rows, [
      ['关于加强社区', 'Title', 0, 0, false],
      ['提案人：王某', 'Normal', 0, 0, false],
      ['一、基本情况', 'Heading1', 1, 2, false],
      ['近年来,我市', 'Normal', 0, 0, false],
      ['二、存在问题', 'Heading1', 1, 2, false],
      ['（一）设施与', 'Heading2', 2, 3, false],
    ]);
    assert.deepStrictEqual(
      d.paragraphs.filter(p => p.inTable).map(p => d.text.slice(p.offset, p.offset + p.length)),
      ['年度', '投入（万元）', '2024年', '3200'],
    );
  });

  it('maps every character that is in the XML to the exact place it is written there', () => {
    const d = readDocx(bytes);
    let real = 0;
    for (let i = 0; i < d.text.length; i++) {
      const at = d.xmlOffsets[i];
      if (at < 0) {
        assert.ok(d.text[i] === '\n' || d.runOf[i] < 0, `synthetic character ${JSON.stringify(d.text[i])} at ${i}`);
        continue;
      }
      real++;
      const ch = d.text[i];
      if (ch === '\t' && d.xml.startsWith('<w:tab', at)) continue;
      if (ch === '\n') {
        assert.ok(d.xml.startsWith('<w:br', at), `line break at ${i} maps to ${d.xml.slice(at, at + 10)}`);
        continue;
      }
      // The raw character (or the entity reference) at that offset decodes to the text's character.
      const end = d.xml[at] === '&' ? d.xml.indexOf(';', at) + 1 : at + 1;
      assert.strictEqual(decodeRaw(d.xml, at, end).text, ch, `character ${i}`);
    }
    // Synthetic: the five labels (一、 二、 （一） （二） 三、 1.) and the line breaks between paragraphs.
    const labels = '一、二、（一）（二）三、1.'.length;
    assert.strictEqual(d.text.length - real, labels + d.paragraphs.length - 1);
  });

  it('decodes entity references and keeps their offsets', () => {
    const xml = '<w:t>A&amp;B&#x4E2D;&#25991;</w:t>';
    const r = decodeRaw(xml, 5, xml.length - 6);
    assert.strictEqual(r.text, 'A&B中文');
    assert.deepStrictEqual(r.offsets, [5, 6, 11, 12, 20]);
  });

  it('numbers lists the way Word shows them: restarts, start values and Chinese counting', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'tasks',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, start: 9 },
              { level: 1, format: LevelFormat.DECIMAL, text: '（%2）', alignment: AlignmentType.LEFT },
              { level: 2, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%3', alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            ...[0, 1, 1, 2, 0, 1, 0].map((level, i) => new Paragraph({ numbering: { reference: 'tasks', level }, children: [new TextRun(`项${i}`)] })),
          ],
        },
      ],
    });
    const d = readDocx(await docxBytes(doc));
    assert.strictEqual(d.text, ['九、项0', '（1）项1', '（2）项2', '①项3', '十、项4', '（1）项5', '十一、项6'].join('\n'));
  });

  it('numbers a list that uses a list style (w:numStyleLink) from the style’s own list', async () => {
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
    const files = unzipSync(await docxBytes(plainDocument(['占位'])));
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    files['word/numbering.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering ${W}>` +
        `<w:abstractNum w:abstractNumId="10"><w:styleLink w:val="CnList"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>` +
        `<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum>` +
        `<w:abstractNum w:abstractNumId="11"><w:numStyleLink w:val="CnList"/></w:abstractNum>` +
        `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num></w:numbering>`,
    );
    const styles = strFromU8(files['word/styles.xml']);
    files['word/styles.xml'] = strToU8(styles.replace('</w:styles>', '<w:style w:type="numbering" w:styleId="CnList"><w:name w:val="中文编号"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style></w:styles>'));
    const xml = strFromU8(files['word/document.xml']);
    const p = (ilvl: number, t: string) => `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>${t}</w:t></w:r></w:p>`;
    files['word/document.xml'] = strToU8(xml.slice(0, xml.indexOf('<w:body>') + 8) + p(0, '总体要求') + p(1, '指导思想') + p(1, '目标任务') + p(0, '重点工作') + xml.slice(xml.indexOf('<w:sectPr')));
    assert.strictEqual(readDocx(zipSync(files)).text, ['一、总体要求', '（一）指导思想', '（二）目标任务', '二、重点工作'].join('\n'));
  });

  it('formats counters in Word’s number formats', () => {
    assert.deepStrictEqual([1, 10, 11, 20, 21, 99, 100, 105, 110].map(chineseCounting), ['一', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
    assert.deepStrictEqual(
      [formatNumber(3, 'upperLetter'), formatNumber(4, 'lowerRoman'), formatNumber(2, 'decimalEnclosedCircle'), formatNumber(12, 'decimalFullWidth'), formatNumber(3, 'ideographTraditional')],
      ['C', 'iv', '②', '１２', '丙'],
    );
  });

  it('refuses what is not a Word package with a message that says what it is', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    assert.throws(() => readDocx(ole, 'old.docx'), (e: unknown) => e instanceof DraftLintError && /旧版 Word（\.doc）/.test(e.message) && /文件 → 另存为/.test(e.message));
    assert.throws(() => readDocx(new TextEncoder().encode('plain text'), 'x.docx'), (e: unknown) => e instanceof DraftLintError && /不是 ZIP 格式/.test(e.message));
  });
});

describe('docx: findings equal those of the same text as .txt', () => {
  it('same rules, messages, fixes and positions (CLI, --format json)', async function () {
    this.timeout(60000);
    const dir = tmpDir();
    const bytes = await docxBytes(proposalDocument());
    fs.writeFileSync(path.join(dir, 'draft.docx'), bytes);
    fs.writeFileSync(path.join(dir, 'draft.txt'), PROPOSAL_TEXT);
    const r = await cli(['--format', 'json', 'draft.docx', 'draft.txt'], dir);
    assert.strictEqual(r.code, 1, r.err);
    const files = JSON.parse(r.out).files as { path: string; encoding: string; docType: string; diagnostics: Record<string, unknown>[] }[];
    assert.deepStrictEqual(files.map(f => [f.path, f.encoding]), [
      ['draft.docx', 'Word (.docx)'],
      ['draft.txt', 'UTF-8'],
    ]);
    assert.ok(files[0].diagnostics.length >= 3);
    assert.strictEqual(files[0].docType, files[1].docType);
    assert.deepStrictEqual(files[0].diagnostics, files[1].diagnostics);
    // And the positions point at the same words in the Word document's XML.
    const d = readDocx(bytes);
    const halfWidth = files[0].diagnostics.find(x => x.ruleId === 'punctuation/half-width')!;
    assert.deepStrictEqual([halfWidth.line, halfWidth.column], [4, 4]);
    const at = d.xmlOffsets[halfWidth.offset as number];
    assert.strictEqual(d.xml[at], ',');
    // The comma is the first character of the bold run.
    assert.ok(d.xml.slice(0, at).endsWith('<w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">'));
  });

  it('a folder holding only .docx drafts is linted, not reported as empty; Word lock files are left out', async function () {
    this.timeout(60000);
    const dir = tmpDir();
    fs.mkdirSync(path.join(dir, '来稿'));
    fs.writeFileSync(path.join(dir, '来稿', '一.docx'), await docxBytes(plainDocument(['关于推进数字乡村建设的提案', '建议加强统筹,推进建设。'])));
    fs.writeFileSync(path.join(dir, '来稿', '~$一.docx'), new Uint8Array([1, 2, 3]));
    const r = await cli(['--format', 'json', '来稿'], dir);
    const files = JSON.parse(r.out).files as { path: string; diagnostics: { ruleId: string; line: number; column: number }[] }[];
    assert.deepStrictEqual(files.map(f => f.path), ['来稿/一.docx']);
    assert.deepStrictEqual(
      files[0].diagnostics.filter(x => x.ruleId === 'punctuation/half-width').map(x => [x.line, x.column]),
      [[2, 7]],
    );
  });

  it('.doc and .wps: named, an error; found in a folder, skipped; both say how to save as .docx in Word', async () => {
    const dir = tmpDir();
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    fs.writeFileSync(path.join(dir, '旧稿.doc'), ole);
    fs.writeFileSync(path.join(dir, '旧稿2.wps'), ole);
    const named = await cli(['--format', 'json', '旧稿.doc'], dir);
    assert.strictEqual(named.code, 2);
    const f = JSON.parse(named.out).files[0];
    assert.match(f.error, /^旧稿\.doc 是旧版 Word（\.doc）或 WPS（\.wps）二进制文档，不能直接检查。请在 Word 中打开，选择“文件 → 另存为”，“保存类型”选“Word 文档 \(\*\.docx\)”/);
    const folder = await cli(['--format', 'json', '.'], dir);
    assert.strictEqual(folder.code, 0);
    const files = JSON.parse(folder.out).files as { path: string; skipped?: string }[];
    assert.deepStrictEqual(files.map(x => x.path), ['旧稿.doc', '旧稿2.wps']);
    assert.ok(files.every(x => /WPS 文字中选择“文件 → 另存为”/.test(x.skipped ?? '')));
  });

  it('--fix does not rewrite a Word document (it says to use --annotate); --fix-dry-run shows the diff', async () => {
    const dir = tmpDir();
    const bytes = await docxBytes(plainDocument(['建议加强统筹,推进建设。']));
    fs.writeFileSync(path.join(dir, 'a.docx'), bytes);
    const r = await cli(['--format', 'json', '--fix', 'a.docx'], dir);
    const f = JSON.parse(r.out).files[0];
    assert.match(f.fixError, /--annotate <目录> --annotate-mode revisions/);
    assert.deepStrictEqual(new Uint8Array(fs.readFileSync(path.join(dir, 'a.docx'))), bytes);
    const dry = await cli(['--fix-dry-run', 'a.docx'], dir);
    assert.match(dry.out, /-建议加强统筹,推进建设。\n\+建议加强统筹，推进建设。/);
  });
});

