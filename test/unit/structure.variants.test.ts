// Sections are recognised by their role, not one fixed wording: every variant below is a complete report, and all five
// structure rules stay quiet on it. The published documents in the seeds stay quiet too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { STRUCTURE_RULES } from '../../src/rules/structure';

const ROOT = path.resolve(__dirname, '../../..');
const A = '这些成绩的取得，是中共××市委坚强领导的结果。';
const S = '我们也清醒认识到，工作中还存在一些不足。';
const LEAD = '2025年政协工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。';
const report = (review: string, attribution: string, shortcomings: string, plan: string, sep = '\n') =>
  [
    '政协××市委员会常务委员会工作报告',
    '各位委员：',
    '我代表政协××市委员会常务委员会，向大会报告工作，请予审议。',
    review,
    '（一）突出理论武装。全年举办学习座谈会12次。',
    attribution,
    shortcomings,
    plan,
    LEAD,
    '（一）强化理论武装。坚持学习座谈会制度。',
    '各位委员，让我们为建设美丽××而努力奋斗！',
  ].join(sep);

const VARIANTS: [string, string][] = [
  ['review 过去一年的主要工作', report('一、过去一年的主要工作', A, S, '二、2025年工作安排')],
  ['review 一年来的工作回顾 / plan 今年的主要任务', report('一、一年来的工作回顾', A, S, '二、今年的主要任务')],
  ['years in Chinese numerals', report('一、二〇二四年主要工作', A, S, '二、二〇二五年工作安排')],
  ['five-year report: 对今后工作的建议', report('一、五年来的主要工作', A, S, '三、对今后工作的建议')],
  ['review 十三届政协以来 / plan 新的一年', report('一、十三届政协以来的主要工作', A, S, '二、新的一年工作安排')],
  ['plan 工作打算', report('一、2024年主要工作', A, S, '二、2025年工作打算')],
  ['plan 工作要点', report('一、2024年主要工作', A, S, '二、2025年工作要点')],
  ['plan 工作部署', report('一、2024年工作回顾', A, S, '二、2025年工作部署')],
  ['全国政协 style: 2019年：… / 2020年：…', report('一、2024年：七十华诞铭初心 履职尽责担使命', A, S, '二、2025年：同心奔小康 奋进新时代')],
  ['plain-line headings', report('2024年工作回顾', A, S, '2025年工作安排')],
  ['attribution without 成绩', report('一、2024年主要工作', '这是以习近平同志为核心的中共中央坚强领导的结果，是中共××市委正确领导的结果。', S, '二、2025年工作安排')],
  ['attribution 成绩来之不易', report('一、2024年主要工作', '成绩来之不易。', S, '二、2025年工作安排')],
  ['shortcomings 清醒地看到', report('一、2024年主要工作', A, '在肯定成绩的同时，我们也清醒地看到，工作中还存在一些问题。', '二、2025年工作安排')],
  ['shortcomings 还有差距', report('一、2024年主要工作', A, '同时也要看到，我们的工作与新时代的要求相比还有差距。', '二、2025年工作安排')],
  ['shortcomings 深感不足', report('一、2024年主要工作', A, '回顾一年来的工作，我们也深感还有一些不足：调研不够深入。', '二、2025年工作安排')],
  ['shortcomings under a heading of their own (二、存在的不足)', report('一、2024年主要工作', A, '二、存在的不足\n一是调研深度还不够；二是监督实效有待提升。', '三、2025年工作安排')],
  ['shortcomings heading 工作中的差距和不足', report('一、2024年主要工作', A, '二、工作中的差距和不足\n调研深度还不够。', '三、2025年工作安排')],
  ['Markdown', report('## 一、2024年主要工作', A, S, '## 二、2025年工作安排', '\n\n')],
  ['CRLF line endings', report('一、2024年主要工作', A, S, '二、2025年工作安排', '\r\n')],
];

describe('structure rules: wording variants of a complete report', () => {
  for (const [name, text] of VARIANTS) {
    it(name, () => {
      const r = lint(text, { rules: STRUCTURE_RULES, languageId: name === 'Markdown' ? 'markdown' : 'plaintext' });
      assert.strictEqual(r.docType, 'report');
      assert.deepStrictEqual(r.diagnostics.map(d => `${d.line}:${d.column} ${d.ruleId} ${d.message}`), []);
    });
  }
  it('an early “还有差距” inside the review does not put 不足 out of order', () => {
    const text = report('一、2024年主要工作', A, S, '二、2025年工作安排').replace('全年举办学习座谈会12次。', '全年举办学习座谈会12次，与先进地区相比仍有差距。');
    assert.deepStrictEqual(lint(text, { rules: STRUCTURE_RULES }).diagnostics, []);
  });
});

const proposal = (h1: string, h2: string | null, h3: string, proposer = '提案人：张明（市政协委员）') =>
  [
    '关于加快发展农村互助养老服务的提案',
    proposer,
    h1,
    '全市建成幸福院312个。',
    ...(h2 ? [h2, '（一）设施闲置。部分幸福院长期闲置。'] : []),
    h3,
    '（一）建立运营补贴制度。建议市财政按每个幸福院每年2万元的标准给予运营补贴。',
    '（二）培育护理队伍。依托市职业技术学院开设养老护理订单班。',
  ].join('\n');

const OTHER_VARIANTS: [string, string, string][] = [
  ['proposal: one heading “现状及存在的问题” serves both parts; “对策及建议”', 'proposal', proposal('一、现状及存在的问题', null, '二、对策及建议')],
  ['proposal: “我市……现状”, “当前存在的主要问题”, “解决问题的建议”', 'proposal', proposal('一、我市农村养老服务现状', '二、当前存在的主要问题', '三、解决问题的建议')],
  ['proposal: “工作建议”', 'proposal', proposal('一、基本情况', '二、存在问题', '三、工作建议')],
  ['proposal: “问题的提出”, “面临的困难和问题”, “对策措施”', 'proposal', proposal('一、问题的提出', '二、面临的困难和问题', '三、对策措施')],
  ['proposal: “领衔提案人”, “突出问题”, “意见建议”', 'proposal', proposal('一、背景', '二、突出问题', '三、意见建议', '领衔提案人：张明（市政协委员）')],
  [
    'plan: “一、总体要求 二、主要任务（一）（二）”',
    'plan',
    ['政协××区委员会2025年工作要点', '一、总体要求', '2025年区政协工作的总体要求是：以习近平新时代中国特色社会主义思想为指导。', '二、主要任务', '（一）加强理论学习。全年组织专题学习6次。', '（二）围绕城市更新开展专题协商。', '三、工作要求', '各专委会要按照本要点制定具体计划。'].join('\n'),
  ],
  [
    'plan: tasks written “一是……二是……”',
    'plan',
    ['政协××区委员会2025年工作要点', '2025年区政协工作的指导思想是：以习近平新时代中国特色社会主义思想为指导。', '一是加强理论学习，全年组织专题学习6次。', '二是围绕城市更新开展专题协商。', '三是围绕老旧小区改造开展民主监督。'].join('\n'),
  ],
  [
    'report: plan tasks “一是……。二是……。” in one paragraph',
    'report',
    ['政协××市委员会常务委员会工作报告', '各位委员：', '我代表政协××市委员会常务委员会，向大会报告工作，请予审议。', '一、2024年主要工作', '全年召开协商会12次。', A, S, '二、2025年工作安排', '2025年政协工作的总体要求是：服务全市中心工作。', '一是强化理论武装，坚持学习座谈会制度。二是提高协商质量，完善年度协商计划。', '各位委员，让我们为建设美丽××而努力奋斗！'].join('\n'),
  ],
];

describe('structure rules: proposal and plan variants', () => {
  for (const [name, type, text] of OTHER_VARIANTS) {
    it(name, () => {
      const r = lint(text, { rules: STRUCTURE_RULES });
      assert.strictEqual(r.docType, type);
      assert.deepStrictEqual(r.diagnostics.map(d => `${d.line}:${d.column} ${d.ruleId} ${d.message}`), []);
    });
  }
  it('a report plan with neither numbered tasks nor “一是” still gets the finding', () => {
    const text = OTHER_VARIANTS[7][2].replace('一是强化理论武装，坚持学习座谈会制度。二是提高协商质量，完善年度协商计划。', '要强化理论武装，提高协商质量。');
    const d = lint(text, { rules: STRUCTURE_RULES }).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.line, x.ruleId]), [[8, 'structure/missing-section']]);
    assert.match(d[0].message, /「工作安排」没有分条列出具体任务/);
  });
  it('a plan with a single “一是” paragraph lists too few tasks', () => {
    const text = OTHER_VARIANTS[6][2].split('\n').slice(0, 3).join('\n');
    const d = lint(text, { rules: STRUCTURE_RULES }).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.line, x.ruleId, x.message]), [[2, 'structure/missing-section', '工作要点／工作安排缺少「主要任务」部分（如“一、……　二、……（分条列出任务）”）：应位于「指导思想」之后']]);
  });
});

describe('structure rules on the seeds', () => {
  const dir = path.join(ROOT, 'test/fixtures/seeds');
  for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.txt'))) {
    it(`${f}: no structure finding`, () => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      assert.deepStrictEqual(lint(text, { rules: STRUCTURE_RULES, path: f }).diagnostics.map(d => `${d.line} ${d.message}`), []);
    });
    it(`${f} as Markdown (blank-line paragraphs, ## for 一、 headings): no structure finding`, () => {
      const lines = fs.readFileSync(path.join(dir, f), 'utf8').split(/\r?\n/).map(l => l.trim()).filter(Boolean);
      const md = lines.map((l, i) => (i === 0 ? '# ' + l : /^[一二三四五六七八九十]+、/.test(l) && l.length < 60 ? '## ' + l : l)).join('\n\n');
      assert.deepStrictEqual(lint(md, { rules: STRUCTURE_RULES, languageId: 'markdown' }).diagnostics.map(d => `${d.line} ${d.message}`), []);
    });
  }
});
