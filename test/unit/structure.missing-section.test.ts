import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { missingSection } from '../../src/rules/structure/missing-section';
import { lint } from '../../src/lint';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const REPORT = read('test/fixtures/structure/report.txt').split('\n');
/** The report fixture without the given 1-based lines. */
const without = (...lines: number[]) => REPORT.filter((_, i) => !lines.includes(i + 1)).join('\n');
const seedFile = (n: string) => 'test/fixtures/seeds/' + fs.readdirSync(path.join(ROOT, 'test/fixtures/seeds')).find(f => f.startsWith(n + '_'));

testRule(missingSection, {
  valid: [
    { name: 'report fixture', text: REPORT.join('\n') },
    { name: 'proposal fixture', text: read('test/fixtures/structure/proposal.txt') },
    { name: 'plan fixture', text: read('test/fixtures/structure/plan.txt') },
    { name: 'sqmy fixture', text: read('test/fixtures/structure/sqmy.txt') },
    {
      name: 'sqmy signed by a role and a name on a line of its own (市政协委员 李四)',
      text: ['关于在老城区增设公共充电桩的建议', '社情民意信息2025年第8期', '市政协委员 李四', '老城区公共充电桩仅46个。', '为此建议：由区发改局牵头，2025年底前新增公共充电桩200个。'].join('\n'),
    },
    {
      name: 'sqmy whose suggestions are under a numbered heading 意见建议 (not 为此建议)',
      text: ['社情民意信息', '关于规范校外培训机构收费管理的建议', '一、基本情况', '部分家长反映，一些校外培训机构预收费用过高。', '二、存在问题', '退费纠纷频发。', '三、意见建议', '（一）加强预付费资金监管，由市教育局牵头建立资金托管账户。', '（反映人：市政协委员 王五）'].join('\n'),
    },
    { name: 'seed 000', text: read(seedFile('000')) },
    { name: 'seed 003', text: read(seedFile('003')) },
    { name: 'seed 004 (starts “（上接1版）”: no salutation or opening expected)', text: read(seedFile('004')) },
    { name: 'other: a news article is not checked', text: '本报讯 市政协召开主席会议。\n会议听取了有关情况汇报。' },
    { name: 'the optional part (新要求或体会) may be absent', text: without() },
    { name: 'option ignore by id', text: without(7), options: { ignore: ['attribution'] } },
    {
      name: 'short proposal: 案由 and one unnumbered suggestion under a 建议 heading (problems are optional)',
      text: ['关于加快发展农村互助养老服务的提案', '提案人：张明（市政协委员）', '案由：农村养老服务供给不足。', '建议', '建议市财政按每个幸福院每年2万元的标准给予运营补贴。'].join('\n'),
    },
    { name: 'option ignore by Chinese name (also its lead and items)', text: without(7, 10, 11, 12), options: { ignore: ['成绩归因', '工作安排'] } },
  ],
  invalid: [
    {
      name: 'no shortcomings: placed on the next section (the plan heading), naming both neighbours',
      text: without(8),
      errors: [{ line: 8, column: 1, length: 11, message: '政协常委会工作报告缺少「不足」部分（如“我们也清醒认识到，工作中还存在一些不足：……”）：应位于「成绩归因」之后、「工作安排」之前', severity: 'warning' }],
    },
    {
      name: 'no plan section: placed on the closing',
      text: without(9, 10, 11, 12),
      errors: [{ line: 9, column: 1, length: 46, message: '缺少「工作安排」部分（如“××××年工作安排”）：应位于「不足」之后、「结束语」之前' }],
    },
    {
      name: 'no salutation',
      text: without(2),
      errors: [{ line: 2, column: 1, length: 30, message: '缺少「称呼」部分（如“各位委员：”）：应位于「开头」之前' }],
    },
    {
      name: 'no attribution: info only',
      text: without(7),
      errors: [{ line: 7, column: 1, message: '缺少「成绩归因」部分', severity: 'info' }],
    },
    {
      name: 'no closing: placed on the last section found',
      text: without(13),
      errors: [{ line: 9, column: 1, length: 11, message: '缺少「结束语」部分（如“让我们……为……而努力奋斗！”）：应位于「工作安排」之后' }],
    },
    {
      name: 'plan without its general requirement',
      text: without(10),
      errors: [{ line: 9, column: 1, length: 11, message: '「工作安排」缺少「总体要求」：应在标题“二、2025年工作安排”之后、第一项具体任务之前写明总体要求' }],
    },
    {
      name: 'plan without numbered tasks',
      text: without(11, 12),
      errors: [{ line: 9, column: 1, length: 11, message: '「工作安排」没有分条列出具体任务' }],
    },
    {
      name: 'proposal with a situation paragraph but no suggestion at all: placed on the last part found',
      text: ['关于加快发展农村互助养老服务的提案', '提案人：张明（市政协委员）', '案由：全市农村幸福院312个，其中近三成因缺少运营经费长期闲置。', '部分老人只能依靠邻里照看，护理人员普遍没有经过培训。'].join('\n'),
      errors: [{ line: 3, column: 1, length: 32, message: '提案缺少「建议」部分（如“建议：（一）……（二）……”）：应位于「案由／现状」之后' }],
    },
    {
      name: 'a draft in progress: the missing parts after the opening are one finding',
      text: REPORT.slice(0, 3).join('\n'),
      errors: [{ line: 3, column: 1, length: 30, message: '政协常委会工作报告缺少「工作回顾」「成绩归因」「不足」「工作安排」「结束语」5个部分：应位于「开头」之后', severity: 'warning' }],
    },
    {
      name: 'seed 004 without its “（上接1版）” marker: salutation and opening reported together on the first heading',
      text: read(seedFile('004')).replace('(上接1版)', ''),
      errors: [{ line: 16, column: 1, length: 38, message: '缺少「称呼」「开头」2个部分：应位于「工作回顾」之前' }],
    },
    {
      name: 'sqmy without signature',
      text: ['关于在老城区增设公共充电桩的建议', '社情民意信息2025年第8期', '老城区公共充电桩仅46个。', '居民“飞线”充电存在消防安全隐患。', '为此建议：由区发改局牵头，2025年底前新增公共充电桩200个。'].join('\n'),
      errors: [{ line: 1, column: 1, length: 16, message: '社情民意信息缺少「署名」部分（如“反映人：×××（市政协委员，××单位职务）”）' }],
    },
  ],
});

describe('structure/missing-section on seed 000', () => {
  const lines = read(seedFile('000')).split('\n');
  const run = (text: string) => lint(text, onlyRule(missingSection)).diagnostics;
  it('removing the shortcomings paragraph names the missing section and where it belongs', () => {
    const i = lines.findIndex(l => l.includes('我们也清醒认识到'));
    const d = run(lines.filter((_, k) => k !== i).join('\n'));
    assert.deepStrictEqual(
      d.map(x => [x.line, x.column, x.message]),
      [[i + 1, 3, '政协常委会工作报告缺少「不足」部分（如“我们也清醒认识到，工作中还存在一些不足：……”）：应位于「成绩归因」之后、「新要求或体会」之前']],
    );
    assert.ok(lines[i + 1].includes('二、准确把握新时代'), 'placed on the heading that follows the gap, not line 1');
  });
  it('removing the plan section (三、2020年工作安排 and its tasks) names 工作安排', () => {
    const from = lines.findIndex(l => l.includes('三、2020年工作安排'));
    const to = lines.findIndex(l => l.includes('(六)持之以恒强化责任担当'));
    const text = [...lines.slice(0, from), ...lines.slice(to + 1)].join('\n');
    const d = run(text);
    assert.strictEqual(d.length, 1, JSON.stringify(d));
    assert.match(d[0].message, /缺少「工作安排」部分.*应位于「新要求或体会」之后、「结束语」之前/);
    assert.ok(text.split('\n')[d[0].line - 1].includes('让我们更加紧密地团结'), 'placed on the closing');
  });
});
