// The same text in another container gives the same findings at the same characters: CRLF, a BOM, GB18030, the
// .md extension, full-width paragraph indents, blank lines between paragraphs, trailing spaces, a .docx; a
// hard-wrapped copy (PDF) gives no extra finding. (scripts/format-invariance.ts measures this on whole corpora.)
import * as assert from 'assert';
import * as iconv from 'iconv-lite';
import { fixAll, lint } from '../../src/lint';
import { DocumentModel, displayWidth } from '../../src/core/document';
import { decodeText } from '../../src/host/encoding';
import { readDocx } from '../../src/docx/reader';
import { docxBytes, plainDocument } from '../helpers/docxFixtures';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

const LINES = [
  '关于加强社区养老服务的提案',
  '一、基本情况',
  '近年来,我市老龄人口持续增长，社区养老服务需求日益迫切，，全年新增养老床位1200张。',
  '二、存在问题',
  '一是服务设施不足。二是专业人才短缺。三是资金保障不够，',
  '建议有关部门进一步加强统筹规划。',
];
const BASE = LINES.join('\n') + '\n';

type Row = [rule: string, line: number, column: number, span: string, message: string];

function findings(text: string, path: string): Row[] {
  return lint(text, { path, segmenter }).diagnostics.map(d => [d.ruleId, d.line, d.column, text.slice(d.offset, d.offset + d.length), d.message]);
}

const base = findings(BASE, 'a.txt');

describe('format invariance: the same text in another container gives the same findings', () => {
  it('the plain text has the findings the comparisons rely on', () => {
    assert.deepStrictEqual(
      base.map(r => r.slice(0, 4)),
      [
        ['punctuation/half-width', 3, 4, ','],
        ['punctuation/doubled-mark', 3, 29, '，'],
        ['punctuation/broken-paragraph', 5, 27, '，'],
        ['structure/vague-suggestion', 6, 1, '建议有关部门进一步加强统筹规划。'],
      ],
    );
  });

  const same: [string, () => Row[]][] = [
    ['CRLF line endings', () => findings(BASE.replace(/\n/g, '\r\n'), 'a.txt')],
    ['UTF-8 with a BOM', () => findings(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(BASE)])).text, 'a.txt')],
    ['GB18030', () => findings(decodeText(iconv.encode(BASE, 'gb18030')).text, 'a.txt')],
    ['the .md extension', () => findings(BASE, 'a.md')],
    ['trailing spaces', () => findings(BASE.replace(/\n/g, '  \n'), 'a.txt')],
  ];
  for (const [name, run] of same) it(`${name}: identical findings and positions`, () => assert.deepStrictEqual(run(), base));

  it('.docx (one w:p per line): identical findings and positions', async () => {
    const text = readDocx(await docxBytes(plainDocument(LINES))).text;
    assert.deepStrictEqual(findings(text, 'a.docx'), base);
  });

  it('paragraphs indented with two full-width spaces (Word/WPS export), .txt and .md: the same characters, two columns on', () => {
    const indented = LINES.map(l => '\u3000\u3000' + l).join('\n') + '\n';
    const want = base.map(([r, l, c, s, m]) => [r, l, c + 2, s, m]);
    assert.deepStrictEqual(findings(indented, 'a.txt'), want);
    assert.deepStrictEqual(findings(indented, 'a.md'), want);
  });

  it('a blank line between paragraphs, .txt and .md: the same characters on lines 2n-1', () => {
    const spaced = LINES.join('\n\n') + '\n';
    const want = base.map(([r, l, c, s, m]) => [r, 2 * l - 1, c, s, m]);
    assert.deepStrictEqual(findings(spaced, 'a.txt'), want);
    assert.deepStrictEqual(findings(spaced, 'a.md'), want);
  });

  it('.md: a line that stops mid-sentence is a broken paragraph as in .txt (Markdown does not join it)', () => {
    const text = '各位委员：\n过去一年，我们坚持以人民为中心，不断推进高质量发展，\n努力提高人民生活水平，取得了显著成效。\n';
    for (const path of ['a.txt', 'a.md']) {
      assert.deepStrictEqual(
        findings(text, path).map(r => r.slice(0, 3)),
        [['punctuation/broken-paragraph', 2, 26]],
        path,
      );
      assert.deepStrictEqual(new DocumentModel(text, { path }).paragraphs.map(p => p.startLine), [0, 1, 2], path);
    }
  });
});

describe('format invariance: hard-wrapped text (copied from a PDF)', () => {
  // Three paragraphs wrapped at 20 wide characters (40 columns), as a PDF page gives them.
  const PARAS = [
    '近年来，我市老龄人口持续增长，社区养老服务需求日益迫切，全市新增养老床位1200张，覆盖85%的街道，服务能力明显提升。',
    '一是服务设施不足，部分老旧小区没有养老服务场所。二是专业人才短缺，护理人员流失率较高，服务质量难以保证。',
    '建议有关部门进一步加强统筹规划，加大财政投入，完善人才培养和激励机制，推动社区养老服务高质量发展。',
  ];
  const wrap = (p: string) => p.match(/[^]{1,20}/gu)!.join('\n');
  const wrapped = PARAS.map(wrap).join('\n') + '\n';

  it('its lines join into the paragraphs, in .txt and .md alike', () => {
    for (const path of ['a.txt', 'a.md']) {
      const d = new DocumentModel(wrapped, { path });
      assert.deepStrictEqual(
        d.paragraphs.map(p => p.text.replace(/\n/g, '')),
        PARAS,
        path,
      );
    }
  });

  it('no broken-paragraph finding at the wrap points; the plain text has none either', () => {
    assert.deepStrictEqual(findings(PARAS.join('\n') + '\n', 'a.txt'), []);
    assert.deepStrictEqual(findings(wrapped, 'a.txt'), []);
    assert.deepStrictEqual(findings(wrapped, 'a.md'), []);
  });

  it('a paragraph that is really broken (a short line mid-sentence) is still found in a wrapped text', () => {
    const rest = wrap('部分老旧小区没有养老服务场所。二是专业人才短缺，护理人员流失率较高，服务质量难以保证。');
    const broken = [wrap(PARAS[0]), '一是服务设施不足，场所缺乏，', rest, wrap(PARAS[2])].join('\n') + '\n';
    for (const path of ['a.txt', 'a.md']) {
      assert.deepStrictEqual(findings(broken, path).map(r => r.slice(0, 4)), [['punctuation/broken-paragraph', 4, 14, '，']], path);
      // The full lines join; the short line and the one after it do not.
      assert.deepStrictEqual(new DocumentModel(broken, { path }).paragraphs.map(p => [p.startLine, p.endLine]), [[0, 2], [3, 3], [4, 6], [7, 9]], path);
    }
  });

  it('a report wrapped as on a page (title, subtitle, salutation, indented paragraphs, quotations across wraps): the findings of the unwrapped text at the same characters', () => {
    const report = [
      '关于加强社区养老服务工作情况的报告',
      '——在市政协十四届五次会议上（2025年1月10日）',
      '各位委员：',
      '\u3000\u3000“我们走访社区时，看到老人们在新建的日间照料中心里读书看报、下棋聊天，十分高兴。这些变化，群众看得见、摸得着。”一位委员说，下一步还要加强服务设施建设,,提高服务质量。',
      '\u3000\u3000一是加强统筹规划。二是加大财政投入，完善人才培养和激励机制。三是推动社区养老服务高质量发展，让老年人“老有所养、老有所依、老有所乐、老有所安”。',
      '\u3000\u3000我们将坚持以人民为中心的发展思想，不断满足老年人多层次、多样化的养老服务需求，努力提高人民群众的获得感、幸福感、安全感。',
    ];
    const plain = report.join('\n') + '\n';
    // Wrapped at 44 columns (a wide character takes two, a digit one), as a PDF page sets them.
    const wrapLine = (l: string) => {
      const out = [''];
      for (const ch of l) {
        if (displayWidth(out[out.length - 1] + ch) > 44) out.push('');
        out[out.length - 1] += ch;
      }
      return out.join('\n');
    };
    const wrappedReport = report.map(wrapLine).join('\n') + '\n';
    const spans = (rows: Row[]) => rows.map(([r, , , span, m]) => [r, span, m]);
    const want = spans(findings(plain, 'a.txt'));
    assert.ok(want.some(r => r[0] === 'punctuation/doubled-mark'), 'the plain text has its own finding');
    for (const path of ['a.txt', 'a.md']) {
      assert.deepStrictEqual(spans(findings(wrappedReport, path)), want, path);
      const d = new DocumentModel(wrappedReport, { path });
      assert.deepStrictEqual(d.paragraphs.map(p => p.text.replace(/\n/g, '').trim()), report.map(l => l.trim()), path);
    }
  });

  it('fixes land on the wrapped lines: the fixed wrapped text is the fixed plain text, wrapped the same way', () => {
    const paras = [
      '\u3000\u3000近年来,我市老龄人口持续增长，社区养老服务需求日益迫切，全市新增养老床位1200张，覆盖85%的街道，服务能力明显提升，，群众满意度不断提高。',
      '\u3000\u3000一是服务设施不足，部分老旧小区没有养老服务场所。二是专业人才短缺，护理人员流失率较高,服务质量难以保证。',
      '\u3000\u3000建议有关部门进一步加强统筹规划，加大财政投入，完善人才培养和激励机制，推动社区养老服务高质量发展。',
    ];
    const wrapLine = (l: string) => {
      const out = [''];
      for (const ch of l) {
        if (displayWidth(out[out.length - 1] + ch) > 40) out.push('');
        out[out.length - 1] += ch;
      }
      return out;
    };
    const wrappedLines = paras.map(wrapLine);
    const wrappedText = wrappedLines.map(l => l.join('\r\n')).join('\r\n') + '\r\n';
    const fixedPlain = fixAll(paras.join('\n') + '\n', { path: 'a.txt', segmenter }).output;
    const fixedWrapped = fixAll(wrappedText, { path: 'a.txt', segmenter });
    assert.strictEqual(fixedWrapped.fixed, 3);
    assert.strictEqual(fixedWrapped.output.replace(/\r\n/g, '\n').split('\n').length, wrappedText.split('\r\n').length, 'no line break added or lost');
    assert.strictEqual(fixedWrapped.output.replace(/\r\n(?!\u3000|$)/g, ''), fixedPlain.replace(/\n/g, '\r\n'));
  });

  it('rows of a table laid out with blanks, however even, are not a wrapped paragraph', () => {
    const rows = ['项目名称        年度投入（万元）    完成情况', '社区养老服务站    3200              已建成投用', '日间照料中心      1800              正在建设中', '居家养老服务      2500              已覆盖全市', '老年助餐服务      1200              试点推进中'];
    const text = rows.join('\n') + '\n';
    assert.deepStrictEqual(new DocumentModel(text, { path: 'a.txt' }).paragraphs.map(p => p.startLine), [0, 1, 2, 3, 4]);
    assert.strictEqual(new DocumentModel(text, { path: 'a.txt' }).unwrapped(), undefined);
  });
});
