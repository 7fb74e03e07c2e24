import * as assert from 'assert';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { halfWidth, halfWidthMarks } from '../../src/rules/punctuation/half-width';
import { lint, fixAll } from '../../src/lint';

testRule(halfWidth, {
  valid: [
    {
      name: 'a news headline tagged with its column in half-width parentheses (the page layout convention)',
      text: '厦门马拉松，精彩十八年(体育大看台)\n本报讯 第十八届厦门马拉松昨日开跑，三万名选手参赛。',
    },
    '2019年，市政协紧扣中心（一）突出政治引领。',
    // Between ASCII letters or digits: thousands, times, ratios, versions.
    '提交提案1,043件',
    '会议于10:30开始，比例为1:1。',
    'PM2.5浓度下降',
    // Latin-only text and brackets.
    '(Summary description)',
    '• Categories:专题专栏',
    'Hello, world!',
    // URLs and Markdown code are not prose.
    '详见 https://www.cppcc.gov.cn/a?b=1,2 网站。',
    { text: '命令 `a(1, 2)` 的输出', lint: { path: 'x.md' } },
    'f(x)表示函数',
    // Straight quotes around Latin text, or an odd number of them, stay.
    '他说 "OK" 就走了',
    '屏幕尺寸为5"的手机',
    { text: '正文引用了资料。[^1]\n\n[^1]: 资料来源于市统计局。', lint: { path: 'n.md' } },
  ],
  invalid: [
    {
      name: 'in a report the same headline tag is reported; in news, a bracket inside a sentence still is',
      text: '厦门马拉松，精彩十八年(体育大看台)\n市政协召开主席会议(第十次)。',
      lint: { docType: 'report' },
      errors: [
        { line: 1, column: 12, length: 7, severity: 'info' },
        { line: 2, column: 10, length: 5, severity: 'info' },
      ],
      output: '厦门马拉松，精彩十八年（体育大看台）\n市政协召开主席会议（第十次）。',
    },
    {
      name: 'news: a tag after a sentence, or in a long paragraph, is not a headline tag',
      text: '本报讯 第十八届厦门马拉松昨日开跑(记者张三)。',
      errors: [{ line: 1, column: 18, length: 6, severity: 'info' }],
      output: '本报讯 第十八届厦门马拉松昨日开跑（记者张三）。',
    },
    {
      name: 'half-width parentheses alone are a hint (info); with a comma the paragraph is a warning',
      text: '留住乡愁的美好图景(调研手记)\n\n委员们提出建议(共12条),涉及教育。',
      errors: [
        { line: 1, column: 10, length: 6, severity: 'info', message: '本段有 2 处半角标点应改为全角（( ) → （ ） 2 个）' },
        { line: 3, column: 8, length: 7, severity: 'warning' },
      ],
      output: '留住乡愁的美好图景（调研手记）\n\n委员们提出建议（共12条），涉及教育。',
    },
    {
      name: 'seed 002:15 — one finding per paragraph, fix from the first to the last mark',
      text: '聚焦港口、区位、产业、人才、政策优势,服务新区“八大工程”,形成高质量建言成果;增强提案工作实效。',
      errors: [{ line: 1, column: 19, length: 22, message: '本段有 3 处半角标点应改为全角（, → ， 2 个，; → ； 1 个）' }],
      output: '聚焦港口、区位、产业、人才、政策优势，服务新区“八大工程”，形成高质量建言成果；增强提案工作实效。',
    },
    {
      name: 'salutation colon',
      text: '      各位委员:\n      现在,我代表政协天津市委员会常务委员会,向大会报告工作,请予审议。',
      errors: [
        { line: 1, column: 11, length: 1, message: '中文中使用了半角标点“:”，应改为全角“：”' },
        { line: 2, column: 9, length: 26, message: '本段有 3 处' },
      ],
      output: '      各位委员：\n      现在，我代表政协天津市委员会常务委员会，向大会报告工作，请予审议。',
    },
    {
      name: '(一) numbering at the start of a paragraph and brackets around Chinese',
      text: '(一)突出理论武装,团结奋进(天津篇)',
      errors: [{ line: 1, column: 1, length: 19, message: '( ) → （ ） 4 个' }],
      output: '（一）突出理论武装，团结奋进（天津篇）',
    },
    {
      name: '(1) numbering, Latin abbreviation in Chinese, mixed-width pair',
      text: '(1)国内生产总值(GDP)增长,居民收入（人均)提高',
      errors: [{ line: 1, column: 1, length: 25, message: '本段有 6 处半角标点应改为全角（( ) → （ ） 5 个，, → ， 1 个）' }],
      output: '（1）国内生产总值（GDP）增长，居民收入（人均）提高',
    },
    {
      name: 'straight double quotes around Chinese text',
      text: '开展"请你来商量"活动,打造"有事好商量"品牌。',
      errors: [{ line: 1, column: 3, length: 19, message: '本段有 5 处半角标点应改为全角（" " → “ ” 4 个，, → ， 1 个）' }],
      output: '开展“请你来商量”活动，打造“有事好商量”品牌。',
    },
    {
      name: 'exclamation and question marks',
      text: '促发展,政协在行动!怎么监督?',
      errors: [{ line: 1, column: 4, length: 12 }],
      output: '促发展，政协在行动！怎么监督？',
    },
    {
      name: 'dates and times keep their colons, the label colon converts',
      text: '发布时间:2021-07-29 14:20:45',
      errors: [{ line: 1, column: 5, length: 1 }],
      output: '发布时间：2021-07-29 14:20:45',
    },
    {
      name: 'after a figure with a percent sign',
      text: '增长10%,高于全国',
      errors: [{ line: 1, column: 6, length: 1 }],
      output: '增长10%，高于全国',
    },
    {
      name: 'a .md file over CRLF lines: a paragraph per line as in .txt, line endings kept',
      text: '现在,我代表常委会\r\n向大会报告工作,请予审议。\r\n',
      lint: { path: 'r.md' },
      errors: [{ line: 1, column: 3, length: 1 }, { line: 2, column: 8, length: 1 }],
      output: '现在，我代表常委会\r\n向大会报告工作，请予审议。\r\n',
    },
    {
      name: 'an HTML comment inside the span stays as written',
      text: '现在,我代表<!-- 注:a,b -->常委会,报告工作。',
      errors: [{ line: 1, column: 3, length: 22 }],
      output: '现在，我代表<!-- 注:a,b -->常委会，报告工作。',
    },
  ],
});

describe('punctuation/half-width with scope: document', () => {
  const text = '第一段,有两处,半角。\n\n第二段:一处。\n\n第三段没有。';
  it('reports once for the whole document and fixes every mark', () => {
    const opts = onlyRule(halfWidth, { scope: 'document' });
    const r = lint(text, opts);
    assert.deepStrictEqual(
      r.diagnostics.map(d => [d.line, d.column, d.length, d.message]),
      [[1, 4, 1, '全文有 3 处半角标点（2 个段落）应改为全角（, → ， 2 个，: → ： 1 个），第一处：第一段,有两处…']],
    );
    assert.deepStrictEqual(r.diagnostics[0].fix, { offset: 3, length: 14, text: '，有两处，半角。\n\n第二段：' });
    assert.strictEqual(fixAll(text, opts).output, '第一段，有两处，半角。\n\n第二段：一处。\n\n第三段没有。');
  });
});

describe('punctuation/half-width with scope: auto (default)', () => {
  const many = '一段,甲。\n二段,乙。\n三段,丙。\n四段,丁。';
  it('reports one finding for the document when more than three paragraphs have half-width marks', () => {
    const r = lint(many, onlyRule(halfWidth));
    assert.deepStrictEqual(
      r.diagnostics.map(d => [d.line, d.column, d.length]),
      [[1, 3, 1]],
    );
    assert.ok(r.diagnostics[0].message.startsWith('全文有 4 处半角标点（4 个段落）'), r.diagnostics[0].message);
    assert.strictEqual(fixAll(many, onlyRule(halfWidth)).output, '一段，甲。\n二段，乙。\n三段，丙。\n四段，丁。');
  });
  it('scope: paragraph reports each paragraph', () => {
    const r = lint(many, onlyRule(halfWidth, { scope: 'paragraph' }));
    assert.deepStrictEqual(r.diagnostics.map(d => d.line), [1, 2, 3, 4]);
  });
});

describe('halfWidthMarks', () => {
  it('lists the offsets of the marks to convert', () => {
    assert.deepStrictEqual(halfWidthMarks('甲,乙;丙:1,000 10:30'), [1, 3, 5]);
  });
  it('reports one finding per paragraph of a pasted draft', () => {
    const text = '第一段,有两处,半角。\n\n第二段:一处。\n\n第三段没有。';
    const r = lint(text, onlyRule(halfWidth));
    assert.deepStrictEqual(r.diagnostics.map(d => d.line), [1, 3]);
  });
});
