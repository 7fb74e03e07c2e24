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
