import * as assert from 'assert';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { numberingSequence } from '../../src/rules/numbering/sequence';
import { numberingSequences, markerWithValue, markerShape } from '../../src/rules/numbering/_lib/numbered-sequences';
import { toChineseInt as toChineseNumeral } from '../../src/core/numbers';
import { DocumentModel } from '../../src/core/document';
import { lint } from '../../src/lint';

testRule(numberingSequence, {
  valid: [
    {
      name: 'a second list starting again at （一） with more items under the same heading, or under another heading',
      text: '一、工作回顾\n（一）加强学习。\n（二）深化协商。\n（一）强化监督。\n（二）加强建设。\n二、工作安排\n（一）坚持党的领导。',
    },
    // A series of bare numbers at the start of a paragraph is no numbered item.,
    '超1300万——这是每年平均减贫人数。\n\n2、26、40、125、283——这是相继宣布摘帽的贫困县数。',
    // Sub-items numbered on across sections, as central documents do (一、（一）（二）二、（三）…).
    '一、总体要求\n（一）指导思想。坚持党的领导。\n（二）基本原则。坚持守正创新。\n二、主要任务\n（三）加强协商。完善制度。\n（四）深化监督。健全机制。',
    // 首先，/其次， stand for 第一，/第二， (a new list after an earlier one, or the only list).
    '第一，甲。\n第二，乙。\n第三，丙。\n第四，丁。\n第五，戊。\n另一位作者的文章\n首先，要处理好政治和法治的关系。\n其次，要处理好改革和法治的关系。\n第三，要处理好德治的关系。\n第四，要处理好依规治党的关系。',
    '首先，要处理好政治和法治的关系。\n其次，要处理好改革和法治的关系。\n第三，要处理好德治的关系。',
    // A list that begins inline and goes on as paragraphs.
    '我们要把握好三点。第一，坚持党的领导，这是根本。\n\n第二，要从政治高度来理解。\n\n第三，要抓好落实。',
    // Seed 000's outline: each 一、 section restarts its (一) items.
    '一、2019年主要工作\n(一)突出理论武装\n(二)突出党的建设\n二、准确把握新要求\n(一)坚持党的领导\n(二)高举团结旗帜\n三、2020年工作安排\n(一)不断加强学习',
    // Four levels nest and reset.
    '一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）加强学习\n（2）深化协商\n2.坚持团结\n（1）凝聚共识\n（二）基本原则\n1.守正创新\n二、重点任务',
    // A second part numbered from 一 again (review, then plan: seed 004).
    '一、2021年工作回顾\n二、存在的不足\n2022年工作打算\n一、深刻领会“两个确立”\n二、强化创新理论武装',
    // Two lists under one heading, each from 1.
    '（一）学习\n1.读书\n2.研讨\n学习之外还要调研。\n1.走访\n2.座谈',
    // Markdown headings with and without numbers.
    { text: '# 报告\n\n## 一、回顾\n\n### （一）学习\n\n### （二）调研\n\n## 二、安排\n\n### （一）协商', lint: { path: 'r.md' } },
    // Unnumbered Markdown sections each with their own list.
    { text: '## 滨海新区\n\n1. 甲\n2. 乙\n\n## 和平区\n\n1. 丙\n2. 丁', lint: { path: 'r.md' } },
    // Markdown: numbered lines written without a blank line before them still count.
    { text: '（一）甲\n正文。\n（二）乙\n正文。\n（三）丙', lint: { path: 'j.md' } },
    // A numbered list quoted in a Markdown block quotation has its own numbers.
    { text: '（一）甲\n\n> （一）引文甲\n> （二）引文乙\n> （三）引文丙\n\n（二）乙\n\n（三）丙', lint: { path: 'q.md' } },
    // A numbered list inside a quotation over several paragraphs.
    '一、学习领会\n（一）原文要点\n他指出：“\n（一）坚持党的领导；\n（二）坚持团结民主；\n（三）坚持守正创新。”\n（二）学习体会\n二、贯彻落实',
    '一、学习领会\n他指出：“（一）坚持党的领导；\n（二）坚持团结民主。”\n二、贯彻落实',
    // Numbers inside a quotation or a sentence are not headings.
    '他说：“（二）项要落实。”\n2019年，市政协工作。',
    '①加强学习\n②深化协商\n③强化监督',
    // Two numbers listed with a 顿号 at the start of a sentence are not a marker.
    '一、总体情况\n三、四季度经济运行平稳。\n3、4月份开展集中视察。\n二、主要工作',
    '第一，加强学习。\n第二，深化协商。',
  ],
  invalid: [
    {
      name: 'a lone （一） right after （二） under the same heading',
      text: '一、坚持党的领导\n二、聚焦中心大局\n（一）开展专题协商。围绕发展议政。\n（二）开展对口协商。\n（一）开展提案办理协商。\n三、加强自身建设',
      errors: [{ line: 5, column: 1, length: 3, message: '“二、聚焦中心大局”下的编号顺序颠倒：“（二）”之后又是“（一）”，同级编号应依次递增，此处应为“（三）”' }],
    },
    {
      name: 'a sub-list that neither starts at one nor continues the previous one',
      text: '一、总体要求\n（一）指导思想。坚持党的领导。\n（二）基本原则。坚持守正创新。\n二、主要任务\n（四）加强协商。完善制度。\n（五）深化监督。健全机制。',
      errors: [{ line: 5, column: 1, length: 3, message: '编号从“（四）”开始，缺少“（一）”至“（三）”' }],
    },
    {
      name: '统一、 before the first heading is no inline 一、',
      text: '坚持统一、协调推进。\n\n二、增强协商议政监督实效\n全面落实市委部署。\n\n三、加强思想政治引领',
      errors: [{ line: 3, column: 1, length: 2, message: '编号从“二、”开始，缺少“一、”' }],
    },
    {
      name: 'an excerpt that begins at a lower level, mid-list, is a hint',
      text: '（十九）加强协商民主建设。完善协商制度。\n（二十）加强民主监督。健全监督机制。',
      errors: [{ line: 1, column: 1, length: 4, severity: 'info', message: '编号从“（十九）”开始' }],
    },
    {
      name: 'seed 004 starts at 二',
      text: '提高政治站位。\n\n二、增强协商议政监督实效\n全面落实市委部署。\n\n三、加强思想政治引领',
      errors: [{ line: 3, column: 1, length: 2, message: '编号从“二、”开始，缺少“一、”' }],
    },
    {
      name: '首先 without 其次 does not stand for 第二',
      text: '第一，甲。\n第二，乙。\n第三，丙。\n第四，丁。\n第五，戊。\n另一位作者的文章\n首先，要处理好政治和法治的关系。\n第三，要处理好德治的关系。',
      errors: [{ line: 8, column: 1, length: 3, message: '编号顺序颠倒：“第五，”之后是“第三，”' }],
    },
    {
      name: 'a gap',
      text: '一、甲\n二、乙\n四、丁',
      errors: [{ line: 3, column: 1, length: 2, message: '编号从“二、”跳到“四、”，缺少“三、”' }],
    },
    {
      name: 'a repeat (with the renumbering suggestion)',
      text: '一、甲\n(一)子甲\n(二)子乙\n(二)子丙\n(四)子丁',
      errors: [{ line: 4, column: 1, length: 3, message: '“一、甲”下的编号“(二)”与上一个编号重复，应为“(三)”' }],
    },
    {
      name: 'out of order',
      text: '1.甲\n3.丙\n2.乙',
      errors: [
        { line: 2, column: 1, length: 2, message: '缺少“2.”' },
        { line: 3, column: 1, length: 2, message: '编号顺序颠倒：“3.”之后是“2.”，同级编号应依次递增' },
      ],
    },
    {
      name: 'a lower level that does not start at one',
      text: '一、总体要求\n（二）基本原则\n（三）主要目标',
      errors: [{ line: 2, column: 1, length: 3, message: '“一、总体要求”下的编号从“（二）”开始，缺少“（一）”' }],
    },
    {
      name: 'starts at three: the message names the range',
      text: '三、甲\n四、乙',
      errors: [{ line: 1, column: 1, length: 2, message: '缺少“一、”至“二、”' }],
    },
    {
      name: 'Markdown numbered headings',
      text: '## 一、回顾\n\n## 三、安排\n',
      lint: { path: 'r.md' },
      errors: [{ line: 3, column: 4, length: 2, message: '缺少“二、”' }],
    },
    {
      name: 'Markdown: a gap among numbered lines inside one paragraph',
      text: '（一）甲\n正文。\n（三）丙',
      lint: { path: 'j.md' },
      errors: [{ line: 3, column: 1, length: 3, message: '缺少“（二）”' }],
    },
    {
      name: 'CRLF line endings',
      text: '一、甲\r\n二、乙\r\n二、丙\r\n',
      errors: [{ line: 3, column: 1, length: 2, message: '与上一个编号重复' }],
    },
    {
      name: 'circled numbers',
      text: '①甲\n②乙\n④丁',
      errors: [{ line: 3, column: 1, length: 1, message: '缺少“③”' }],
    },
    {
      name: 'two-digit Chinese numerals',
      text: [...Array(10)].map((_, i) => `${toChineseNumeral(i + 1)}、第${i + 1}部分`).join('\n') + '\n十二、第12部分',
      errors: [{ line: 11, column: 1, length: 3, message: '缺少“十一、”' }],
    },
  ],
});

describe('numbering outline helpers', () => {
  it('groups headings per level and parent', () => {
    const doc = new DocumentModel('一、甲\n（一）子\n（二）子\n二、乙\n（一）子');
    const seqs = numberingSequences(doc);
    assert.deepStrictEqual(
      seqs.map(s => [s.style, s.items.map(i => i.numbering.value), s.parent?.numbering.raw]),
      [
        ['cn-dun', [1, 2], undefined],
        ['cn-paren', [1, 2], '一、'],
        ['cn-paren', [1], '二、'],
      ],
    );
  });
  it('writes Chinese numerals', () => {
    assert.deepStrictEqual([1, 10, 11, 20, 21, 99, 100, 105, 110].map(toChineseNumeral), ['一', '十', '十一', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
  });
  it('rewrites a marker with another number', () => {
    assert.strictEqual(markerWithValue('（三）', 'cn-paren', 12), '（十二）');
    assert.strictEqual(markerWithValue('(3)', 'arabic-paren', 4), '(4)');
    assert.strictEqual(markerWithValue('第二，', 'cn-ordinal', 3), '第三，');
    assert.strictEqual(markerShape('(三)'), '（#）');
    assert.strictEqual(markerShape('1．'), '#.');
  });
  it('suggests renumbering a single wrong number', () => {
    const text = '一、甲\n二、乙\n二、丙\n四、丁';
    const r = lint(text, onlyRule(numberingSequence));
    assert.strictEqual(r.diagnostics.length, 1);
    assert.deepStrictEqual(r.diagnostics[0].suggestions, [{ offset: 8, length: 2, text: '三、' }]);
    assert.strictEqual(r.diagnostics[0].fix, undefined);
  });
});
