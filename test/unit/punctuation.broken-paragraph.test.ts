import * as assert from 'assert';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { brokenParagraph } from '../../src/rules/punctuation/broken-paragraph';
import { lint, applyFixes } from '../../src/lint';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

const SEED_002_15 = '强化调研协商机制,以履职质效体现新作为。完善“1+2+4+N”协商工作格局,服务新区“八大工程”,形\n\n成高质量建言成果;增强提案工作实效。';

testRule(brokenParagraph, {
  valid: [
    // A lead whose last clause ends in 有为 (担当有为, 大有可为): 为 is no preposition waiting for its object.
    '让广大基层干部轻装上阵\n\n为基层减负，在繁文缛节上做“减法”，在勤廉作风上做“加法”，激发基层干部担当有为\n无论是制度设计还是干事创业，都更加注重实干、实绩、实效。',
    // A sub-heading whose last clause holds a quotation (也要“大家”富), verse whose last line carries a source note,
    // a stanza of lines that each end in a mark, and a clause ending in the classical 而……之.
    '范书记是谁？范振喜！32年来，他带领党员群众苦干实干。\n宁愿“小家”亏，也要“大家”富\n1987年，刚接手周台子村时，他面对的是一个穷村。',
    '亲人们迎过延河来。\n满心话登时说不出来，\n一头扑进亲人怀。（节选）\n《创业史》是一部长篇小说。',
    '从他们的幸福里，看到美好和高尚\n我俩的结婚整整已经有了十年，\n然而相聚的时间仅仅只有两个月零二十一天。\n不知流过了多少的伤心泪，\n也不知熬过了多少个长夜。',
    '一花独放不是春，百花齐放春满园。推动构建人类命运共同体是一项伟大事业，关键在于起而行之\n\n新年伊始，来自中国的消息吸引着世界的目光。',
    // Headings, titles, salutations, datelines, bylines, labels, run-in numbered headings.
    '政协天津市委员会常务委员会工作报告\n\n各位委员:\n\n现在,我代表常务委员会向大会报告工作,请予审议。',
    '一、2019年主要工作\n2019年,市政协紧扣中心。',
    '(一)坚持党的领导作为根本政治原则\n坚持中国共产党的领导。',
    '23.01.2020  10:44\n\n盛茂林作市政协常委会工作报告',
    '社情民意信息2022年第25期\n\n市政协委员，副秘书长、办公室副主任　刘　帆\n\n随着市行政办公中心搬迁，群众出行不便。',
    '2022年工作打算\n\n2022年,中国共产党将召开第二十次全国代表大会。',
    // A lead-in line of a newspaper feature: a full clause without a full stop.
    '与党委“同心”——\n一年来,市政协以深入开展主题教育为契机,进一步筑牢团结奋斗的共同思想政治基础\n扎实开展主题教育,为政协事业创新发展提供政治引领。',
    // The opening line of a report followed by a heading.
    '现在，我代表国务院，向大会报告政府工作，请各位代表审议，并请全国政协委员提出意见\n一、2011年工作回顾',
    // Label lines of a proposal or a bulletin.
    '案由：关于加快老旧小区改造的建议\n提案者：民革市委会、民盟市委会，致公党市委会\n近年来，我市老旧小区改造取得明显成效。',
    '本期共印50份。报送：市委办公室，市政府办公室\n\n编辑部负责同志审核后印发。',
    // A salutation with a comma on its own line.
    '各位委员、同志们,\n站在新的历史起点上,我们要坚持团结奋斗。',
    // Weak evidence stays quiet: a last clause that reads complete, then a new sentence. Sub-headings, lead lines and
    // captions of edited text look like this; a draft broken between two whole words cannot be told from them.
    '2022年,中国共产党将召开第二十次全国代表大会,我市将召开第六次党代会,做好全年\n\n工作意义重大。市政协要在市委坚强领导下开展工作。',
    '坚持问题导向，聚焦群众关切，精准发力\n\n去年以来，区政协围绕老旧小区改造开展专题协商。',
    '一年来，委员们深入基层调研。履职尽责，不负重托\n\n3月以来，各专委会先后组织视察12次。',
    '春风吹绿江南岸，\n\n细雨润湿北国田。',
    '尊敬的各位来宾，\n\n尊敬的各位委员，\n\n大家好！',
    '为祖国的繁荣富强，\n\n为各族人民的幸福安康，\n\n干杯！',
    '实实在在的变化，更要靠村干部的担当作为\n\n在村支书这个岗位上，他已经干了六个年头。',
    '联系人：张先生，电话：13800000000\n\n欢迎各界人士报名参加。',
    // Closing marks and dashes end a paragraph.
    '强化“六个工作机制”——\n\n强化党建引领机制。',
    '发挥政协党组作用;\n推进专委会建设:',
    // Markdown: headings and lists are not prose paragraphs.
    { text: '## 滨海新区政协\n\n### 强化“六个工作机制” 展示新气象\n\n- 列表项目,没有句号\n- 第二项', lint: { path: 'a.md' } },
  ],
  invalid: [
    {
      name: 'a .md file is plain text line for line: a line that stops mid-word is broken as in .txt',
      text: '服务新区“八大工程”,形\n成高质量建言成果。',
      lint: { path: 'a.md' },
      errors: [{ line: 1, column: 12, length: 1, message: '段落在“…新区“八大工程”,形”处中断（句子没有结束），下一段“成高质量建言成果…”接续其文字' }],
    },
    {
      name: 'seed 002:15 — broken in the middle of a word',
      text: SEED_002_15,
      errors: [{ line: 1, column: 50, length: 1, message: '段落在“…新区“八大工程”,形”处中断（末句没有句末标点），下一段“成高质量建言成果…”接续其文字' }],
    },
    {
      name: 'seed 002:43 — paragraph cut off before a heading',
      text: '紧扣政治引领,在建言资政中凝聚共识。区政协围绕两项议政性常委会课题,从小切口入手,精选22个\n\n## 南开区政协\n',
      errors: [{ line: 1, column: 42, length: 5, message: '后面的文字可能缺失' }],
    },
    {
      name: 'a clause ending in the preposition 为 (not 有为)',
      text: '会议听取了关于民生实事项目的报告,委员们积极履职尽责,努力为\n\n群众办实事，取得良好成效。',
      errors: [{ line: 1, column: 28, length: 3, message: '句子没有结束' }],
    },
    {
      name: 'ends with a comma',
      text: '完善的协商机制点燃了委员的履职热情,\n\n今年已开展各类协商活动11场次。',
      errors: [{ line: 1, column: 18, length: 1, message: '以逗号或顿号结尾' }],
    },
    {
      name: 'a quotation split by the break (seed 004:30)',
      text: '定期走访委员,开展“主席接待\n\n委员日”活动10次,在交心交融中增进共识。',
      errors: [{ line: 1, column: 8, length: 7, message: '引号或括号跨段未闭合' }],
    },
    {
      name: 'a word split by the break (工作|意义 is not, 坚|持 is)',
      text: '2022年,我市将召开第六次党代会,市政协要坚\n\n持团结和民主两大主题。',
      errors: [{ line: 1, column: 19, length: 5, message: '句子没有结束' }],
    },
    {
      name: 'a clause that ends on a conjunction',
      text: '会议听取了关于民生实事项目的报告,审议了提案办理情况和\n\n各专委会的年度工作总结。',
      errors: [{ line: 1, column: 18, length: 10, message: '句子没有结束' }],
    },
    {
      name: 'numbered paragraph with body text broken in the middle',
      text: '(三)持续推进协商。区政协坚持发\n\n挥政协会议作用。',
      errors: [{ line: 1, column: 11, length: 6 }],
    },
    {
      name: 'ends with an opening quotation mark',
      text: '组织开展“\n\n请你来商量”活动。',
      errors: [{ line: 1, column: 5, length: 1, message: '以前引号或前括号结尾' }],
    },
    {
      name: 'a one-character clause after a quotation and a comma is still cut off',
      text: '区政协坚持把增进共识贯穿履职始终，开展“委员讲堂”，形\n\n成高质量建言成果。',
      errors: [{ line: 1, column: 27, length: 1, message: '句子没有结束' }],
    },
    {
      name: 'a short paragraph whose last clause is one character',
      text: '服务新区“八大工程”，形\n\n成高质量建言成果。',
      errors: [{ line: 1, column: 12, length: 1, message: '句子没有结束' }],
    },
    {
      name: 'the next paragraph opens with a comma',
      text: '服务新区“八大工程”\n\n，形成高质量建言成果。',
      errors: [{ line: 1, column: 10, length: 1, message: '下一段以逗号、顿号或分号开头' }],
    },
    {
      name: 'the last paragraph of the document',
      text: '区政协坚持把增进共识贯穿履职始终。从小切口入手,精选22个',
      errors: [{ line: 1, column: 25, length: 5, message: '后面的文字可能缺失' }],
    },
  ],
}, { segmenter });

describe('punctuation/broken-paragraph suggestions', () => {
  it('suggests joining the next paragraph; applying it removes only the break', () => {
    const r = lint(SEED_002_15, onlyRule(brokenParagraph, undefined, { segmenter }));
    const d = r.diagnostics[0];
    assert.strictEqual(d.fix, undefined, 'not fixed automatically');
    assert.strictEqual(d.suggestions?.length, 1);
    const out = applyFixes(SEED_002_15, d.suggestions!).output;
    assert.strictEqual(out, SEED_002_15.replace('形\n\n成', '形成'));
  });
  it('joins across CRLF line endings and indentation', () => {
    const text = '      实践中,区政协坚持把民主监督作为重要平台。区政协坚持发\r\n\r\n      挥政协会议作用。\r\n';
    const d = lint(text, onlyRule(brokenParagraph, undefined, { segmenter })).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.line, x.column, x.length]), [[1, 28, 6]]);
    assert.strictEqual(applyFixes(text, d[0].suggestions!).output, '      实践中,区政协坚持把民主监督作为重要平台。区政协坚持发挥政协会议作用。\r\n');
  });
  it('offers no join when the next paragraph is a heading', () => {
    const r = lint('区政协坚持把增进共识贯穿履职始终。从小切口入手,精选22个\n\n## 南开区政协', onlyRule(brokenParagraph, undefined, { segmenter }));
    assert.strictEqual(r.diagnostics[0].suggestions, undefined);
  });
});
