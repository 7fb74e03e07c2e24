import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../helpers/ruleTester';
import { sectionOrder } from '../../src/rules/structure/section-order';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const REPORT = read('test/fixtures/structure/report.txt').split('\n');
/** The report fixture with its 1-based lines in the given order. */
const arrange = (...lines: number[]) => lines.map(i => REPORT[i - 1]).join('\n');
const PROPOSAL = read('test/fixtures/structure/proposal.txt').split('\n');
const seedFile = (n: string) => 'test/fixtures/seeds/' + fs.readdirSync(path.join(ROOT, 'test/fixtures/seeds')).find(f => f.startsWith(n + '_'));

testRule(sectionOrder, {
  valid: [
    { name: 'report fixture', text: REPORT.join('\n') },
    { name: 'proposal fixture', text: PROPOSAL.join('\n') },
    { name: 'seed 000', text: read(seedFile('000')) },
    { name: 'seed 004', text: read(seedFile('004')) },
    {
      name: 'sqmy: the signature may come last (its place is free)',
      text: ['关于在老城区增设公共充电桩的建议', '社情民意信息2025年第8期', '老城区公共充电桩仅46个。', '居民“飞线”充电存在消防安全隐患。', '为此建议：由区发改局牵头，2025年底前新增公共充电桩200个。', '反映人：李华（区政协委员）'].join('\n'),
    },
    {
      name: 'government report: the problems may be discussed in the plan part',
      text: ['各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、2024年工作回顾', '全市生产总值增长5.1%。', '二、2025年主要任务', '但是，经济社会发展中仍然存在一些突出矛盾和问题。', '（一）扩大有效需求。', '让我们团结一心，为建设现代化城市而努力奋斗！'].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'shortcomings moved after the plan',
      text: arrange(1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12, 8, 13),
      errors: [{ line: 12, column: 1, length: 27, message: '「不足」的位置不对：应位于「成绩归因」之后、「工作安排」之前' }],
    },
    {
      name: 'opening before the salutation',
      text: arrange(1, 3, 2, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13),
      errors: [{ line: 3, column: 1, length: 5, message: '「称呼」的位置不对：应位于「开头」之前' }],
    },
    {
      name: 'proposal: suggestions before problems',
      text: [...PROPOSAL.slice(0, 9), ...PROPOSAL.slice(13, 17), ...PROPOSAL.slice(9, 13)].join('\n'),
      errors: [{ line: 14, column: 1, length: 6, message: '「存在问题」的位置不对：应位于「案由／现状」之后、「建议」之前' }],
    },
  ],
});
