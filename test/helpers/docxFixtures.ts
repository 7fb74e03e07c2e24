// Small .docx drafts written with the `docx` library for the reader/annotator tests: paragraph styles, automatic
// numbering 一、/（一）/1., a table, a tracked insertion and deletion, an existing comment, fields, a hyperlink.
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

const REVIEW_DATE = '2025-03-01T09:00:00Z';

/** The numbering definition of Chinese official documents: 一、 / （一） / 1. / （1）. */
const CN_LIST = {
  reference: 'cn-outline',
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT, suffix: 'nothing' as const },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT, suffix: 'nothing' as const },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT, suffix: 'nothing' as const },
  ],
};

/** The proposal fixture: realistic text with known mistakes (half-width comma across a run boundary, doubled
 *  comma, doubled 的, a numbering gap written by hand), plus every structure the reader must handle. */
export function proposalDocument(): Document {
  const heading = (text: string, level: number, heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ heading, numbering: { reference: 'cn-outline', level }, children: [new TextRun(text)] });
  return new Document({
    creator: 'draft-lint tests',
    numbering: { config: [CN_LIST] },
    comments: {
      children: [
        { id: 0, author: '办公室 李编辑', date: new Date(REVIEW_DATE), children: [new Paragraph({ children: [new TextRun('请核实数据来源')] })] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('关于加强社区养老服务的提案')] }),
          new Paragraph({ children: [new TextRun('提案人：王某某（社会福利和社会保障界别委员）')] }),
          heading('基本情况', 0, HeadingLevel.HEADING_1),
          new Paragraph({
            children: [
              new TextRun('近年来'),
              new TextRun({ text: ',我市老龄', bold: true }),
              new TextRun('人口持续增长，社区养老服务需求日益迫切。'),
              new CommentRangeStart(0),
              new TextRun('全年新增养老床位1200张'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
              new TextRun('，覆盖'),
              new DeletedTextRun({ text: '全部', id: 1, author: '王某某', date: REVIEW_DATE }),
              new InsertedTextRun({ text: '85%的', id: 2, author: '王某某', date: REVIEW_DATE }),
              new TextRun('街道。'),
            ],
          }),
          heading('存在问题', 0, HeadingLevel.HEADING_1),
          heading('设施与人才', 1, HeadingLevel.HEADING_2),
          new Paragraph({ children: [new TextRun('一是服务设施不足。二是专业人才短缺，，三是资金保障不够。')] }),
          heading('资金保障', 1, HeadingLevel.HEADING_2),
          new Paragraph({ children: [new TextRun('市级财政投入'), new TextRun({ text: '\t' }), new TextRun({ text: '逐年增加', break: 1 })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('年度')] }), new TableCell({ children: [new Paragraph('投入（万元）')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('2024年')] }), new TableCell({ children: [new Paragraph('3200')] })] }),
            ],
          }),
          heading('工作建议', 0, HeadingLevel.HEADING_1),
          heading('加强统筹规划', 2),
          new Paragraph({ children: [new TextRun('建议有关部门进一步加强对社区养老服务的的统筹规划。')] }),
          new Paragraph({
            children: [
              new TextRun('详见'),
              new ExternalHyperlink({ link: 'https://example.org/plan', children: [new TextRun({ text: '市养老服务规划', style: 'Hyperlink' })] }),
              new TextRun('（印发日期：'),
              new SimpleField('DATE \\@ "yyyy年M月d日"', '2025年1月10日'),
              new TextRun('）。'),
            ],
          }),
          new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] }),
        ],
      },
    ],
  });
}

/** The text a reader sees in proposalDocument(). */
export const PROPOSAL_TEXT = [
  '关于加强社区养老服务的提案',
  '提案人：王某某（社会福利和社会保障界别委员）',
  '一、基本情况',
  '近年来,我市老龄人口持续增长，社区养老服务需求日益迫切。全年新增养老床位1200张，覆盖85%的街道。',
  '二、存在问题',
  '（一）设施与人才',
  '一是服务设施不足。二是专业人才短缺，，三是资金保障不够。',
  '（二）资金保障',
  '市级财政投入\t\n逐年增加',
  '年度',
  '投入（万元）',
  '2024年',
  '3200',
  '三、工作建议',
  '1.加强统筹规划',
  '建议有关部门进一步加强对社区养老服务的的统筹规划。',
  '详见市养老服务规划（印发日期：2025年1月10日）。',
  '第页',
].join('\n');

export async function docxBytes(doc: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A plain document: one paragraph per line, no styles or lists (for comparing with the same text as .txt). */
export function plainDocument(lines: string[]): Document {
  return new Document({ sections: [{ children: lines.map(l => new Paragraph({ children: [new TextRun(l)] })) }] });
}

/** The body of a document as Word itself writes it (rsids, proofing marks, bookmarks, a complex field with its
 *  result, a content control, a smart tag, a text box, symbols), put into a package made by the `docx` library. */
export const WORD_LIKE_BODY =
  '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3"><w:pPr><w:jc w:val="center"/></w:pPr>' +
  '<w:bookmarkStart w:id="7" w:name="_Toc1"/><w:r w:rsidRPr="00D4E5F6"><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="44"/></w:rPr><w:t>关于</w:t></w:r>' +
  '<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:sz w:val="44"/></w:rPr><w:t>智慧康养</w:t></w:r><w:proofErr w:type="spellEnd"/>' +
  '<w:r><w:rPr><w:sz w:val="44"/></w:rPr><w:t>的提案</w:t></w:r><w:bookmarkEnd w:id="7"/></w:p>' +
  '<w:p><w:r><w:lastRenderedPageBreak/><w:t xml:space="preserve">本市已建成</w:t></w:r>' +
  '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv"><w:r><w:t>12</w:t></w:r></w:smartTag>' +
  '<w:r><w:t>个社区站点</w:t></w:r><w:r><w:t>,</w:t></w:r><w:r><w:t xml:space="preserve">R&amp;D投入</w:t></w:r><w:r><w:noBreakHyphen/><w:t>逐年增长。</w:t></w:r></w:p>' +
  '<w:p><w:r><w:t xml:space="preserve">见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r>' +
  '<w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r>' +
  '<w:sdt><w:sdtPr><w:alias w:val="日期"/></w:sdtPr><w:sdtContent><w:r><w:t>（2025年）</w:t></w:r></w:sdtContent></w:sdt></w:p>' +
  '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>建议加强统筹,推进建设的的工作。</w:t></w:r></w:p>';

/** The text a reader sees in WORD_LIKE_BODY. */
export const WORD_LIKE_TEXT = ['关于智慧康养的提案', '本市已建成12个社区站点,R&D投入-逐年增长。', '见第3页（2025年）', '建议加强统筹,推进建设的的工作。'].join('\n');

/** A package whose document.xml body is `body` (the rest as the `docx` library writes it). */
export async function withBody(body: string): Promise<Uint8Array> {
  const { unzipSync, zipSync, strFromU8, strToU8 } = await import('fflate');
  const files = unzipSync(await docxBytes(plainDocument(['占位'])));
  const xml = strFromU8(files['word/document.xml']);
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const end = xml.indexOf('<w:sectPr');
  files['word/document.xml'] = strToU8(xml.slice(0, start) + body + xml.slice(end));
  return zipSync(files);
}
