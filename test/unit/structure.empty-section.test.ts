import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../helpers/ruleTester';
import { emptySection } from '../../src/rules/structure/empty-section';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const REPORT = read('test/fixtures/structure/report.txt').split('\n');
const PROPOSAL = read('test/fixtures/structure/proposal.txt').split('\n');

testRule(emptySection, {
  valid: [
    { name: 'report fixture', text: REPORT.join('\n') },
    { name: 'proposal fixture', text: PROPOSAL.join('\n') },
    { name: 'a run-in heading carries its own text', text: [...REPORT.slice(0, 8), '二、2025年工作安排。2025年要围绕全市中心工作履职尽责。', REPORT[12]].join('\n') },
  ],
  invalid: [
    {
      name: 'plan heading followed directly by the closing',
      text: [...REPORT.slice(0, 9), REPORT[12]].join('\n'),
      errors: [{ line: 9, column: 1, length: 11, message: '「工作安排」只有标题“二、2025年工作安排”，下面没有内容' }],
    },
    {
      name: 'review heading followed directly by the attribution',
      text: [...REPORT.slice(0, 4), ...REPORT.slice(6)].join('\n'),
      errors: [{ line: 4, column: 1, length: 11, message: '「工作回顾」只有标题“一、2024年主要工作”，下面没有内容' }],
    },
    {
      name: 'Markdown proposal: empty 存在问题',
      text: ['# 关于加快发展农村互助养老服务的提案', '提案人：张明（市政协委员）', '## 一、基本情况', '全市建成农村幸福院312个。', '## 二、存在问题', '## 三、建议', '（一）建议市财政按每个幸福院每年2万元的标准给予运营补贴。'].join('\n\n'),
      lint: { languageId: 'markdown' },
      errors: [{ line: 9, column: 4, length: 6, message: '「存在问题」只有标题“二、存在问题”，下面没有内容' }],
    },
  ],
});
