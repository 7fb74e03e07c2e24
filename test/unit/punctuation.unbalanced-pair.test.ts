import * as assert from 'assert';
import { testRule } from '../helpers/ruleTester';
import { unbalancedPair } from '../../src/rules/punctuation/unbalanced-pair';
import { lint } from '../../src/lint';
import { onlyRule } from '../helpers/ruleTester';

testRule(unbalancedPair, {
  valid: [
    // A block quotation set as several paragraphs: opened at the start of the first, closed at the end of the last.
    '他唱起了山歌：\n\n“太阳出来照山坡，\n\n山坡上面开花朵。\n\n花朵朵朵迎客来……”\n\n歌声在山谷里回荡。',
    '在线举办新时代港澳委员“发挥智库作用”宣讲会。',
    // Nesting: “…‘…’…” and 《…（…）》.
    '他说：“要讲好‘政协故事’。”',
    '《中国人民政治协商会议章程（修正案）》',
    // Half-width and full-width parentheses pair with each other (width is punctuation/half-width's business).
    '（一)突出理论武装',
    '(一)突出理论武装,团结奋进',
    // List markers and apostrophes.
    '1)加强学习\n2)深化协商',
    'a)第一项',
    'the People’s Daily 报道',
    // A quotation over several paragraphs: each paragraph opens, only the last one closes (GB/T 15834).
    '“第一段引文。\n“第二段引文。\n“第三段引文。”',
    { name: 'a multi-paragraph quotation introduced by a colon', text: '将第十一条修改为：“拟设中外合资银行的股东应当具备下列条件：\n“（一）为商业银行；\n“（二）资本充足率符合规定。”' },
    // A quotation split by a broken paragraph is punctuation/broken-paragraph's finding.
    '定期走访委员,开展“主席接待\n\n委员日”活动10次,在交心交融中增进共识。',
    // Markdown comments and code are not prose.
    { text: '正文“引文”。<!-- 注释“ -->\n\n`code “`', lint: { path: 'a.md' } },
  ],
  invalid: [
    {
      name: 'a closing mark inside a later paragraph is not the end of a block quotation',
      text: '“太阳出来照山坡，\n\n举办新时代委员发挥作用”宣讲会。',
      errors: [
        { line: 1, column: 1, length: 1, message: '有前引号（“）而没有后引号（”）' },
        { line: 3, column: 12, length: 1, message: '有后引号（”）而没有前引号（“）' },
      ],
    },
    {
      name: 'seed 004:37 closing quote without an opening one',
      text: '组织港澳委员学习,在线举办新时代港澳委员发挥智库作用”宣讲会,组织在渝港澳委员考察。',
      errors: [{ line: 1, column: 27, length: 1, message: '有后引号（”）而没有前引号（“）' }],
    },
    {
      name: 'opening quote never closed',
      text: '培育国家级专精特新“小巨人企业414家。',
      errors: [{ line: 1, column: 10, length: 1, message: '有前引号（“）而没有后引号（”）' }],
    },
    {
      name: 'book title mark and bracket',
      text: '学习《政协章程。\n会议）结束。',
      errors: [
        { line: 1, column: 3, length: 1, message: '前书名号（《）' },
        { line: 2, column: 3, length: 1, message: '有后括号（））而没有前括号（（）' },
      ],
    },
    {
      name: 'crossed pairs: the inner opener is unclosed',
      text: '《关于“双减的意见》落实。',
      errors: [{ line: 1, column: 4, length: 1, message: '前引号' }],
    },
    {
      name: 'two opening quotes: the second was meant to close',
      text: '服务新区“八大工程“,形成高质量建言成果。',
      errors: [
        { line: 1, column: 5, length: 1 },
        { line: 1, column: 10, length: 1 },
      ],
    },
    {
      name: 'half-width parenthesis left open',
      text: '会议(第一次全体会议召开。',
      errors: [{ line: 1, column: 3, length: 1, message: '后括号（)）' }],
    },
    {
      name: 'multi-paragraph quotation whose next paragraph does not open again',
      text: '“第一段引文。\n第二段正文。',
      errors: [{ line: 1, column: 1, length: 1 }],
    },
    {
      name: 'an opening mark after a comma, left open, before a quoted paragraph',
      text: '他表示，“只要我们发挥优势，就一定会更好。\n“这是另一段话。”',
      errors: [{ line: 1, column: 5, length: 1, message: '有前引号（“）而没有后引号（”）' }],
    },
    {
      name: 'an introduced quotation that is closed again later in its paragraph is no multi-paragraph quotation',
      text: '条文修改为：“第一款。另有“说明\n“第二段引文。”',
      errors: [{ line: 1, column: 7, length: 1 }, { line: 1, column: 14, length: 1 }],
    },
  ],
});

describe('punctuation/unbalanced-pair suggestions', () => {
  it('offers to turn the second of two opening quotes into a closing one', () => {
    const r = lint('服务新区“八大工程“,形成高质量建言成果。', onlyRule(unbalancedPair));
    assert.deepStrictEqual(r.diagnostics[1].suggestions, [{ offset: 9, length: 1, text: '”' }]);
    assert.strictEqual(r.diagnostics[0].suggestions, undefined);
    assert.strictEqual(r.diagnostics[0].fix, undefined);
  });
});
