import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../helpers/ruleTester';
import { vagueSuggestion, isVague, concreteContent } from '../../src/rules/structure/vague-suggestion';
import { builtinPackSet } from '../../src/core/packs';
import { templatesOf, VagueDef } from '../../src/core/template-match';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const PROPOSAL = read('test/fixtures/structure/proposal.txt').split('\n');
const SQMY = read('test/fixtures/structure/sqmy.txt').split('\n');
const withItem = (line: string) => [...PROPOSAL.slice(0, 15), line, ...PROPOSAL.slice(16)].join('\n');

testRule(vagueSuggestion, {
  valid: [
    { name: 'proposal fixture (concrete suggestions)', text: PROPOSAL.join('\n') },
    { name: 'sqmy fixture', text: SQMY.join('\n') },
    { name: 'sqmy: “对此，建议……” with a concrete measure', text: [...SQMY.slice(0, 9), '对此，建议区发改局牵头，2025年底前新增公共充电桩200个。'].join('\n') },
    { name: 'a figure makes it concrete', text: withItem('（二）加大投入。市财政每年安排3000万元。') },
    { name: 'a named document makes it concrete', text: withItem('（二）完善政策。修订《××市养老服务条例》。') },
    {
      name: 'Markdown: a short item heading with a concrete paragraph under it',
      text: ['# 关于加快发展农村互助养老服务的提案', '提案人：张明（市政协委员）', '案由：农村养老服务供给不足。', '## 二、存在问题', '护理员持证上岗率低。', '## 三、建议', '（一）加强护理队伍建设。', '依托市职业技术学院开设养老护理订单班，对取得证书的农村护理员给予一次性奖励。'].join('\n\n'),
      lint: { languageId: 'markdown' },
    },
    { name: 'a report is not checked', text: read('test/fixtures/structure/report.txt') },
  ],
  invalid: [
    {
      name: 'slogan item in a proposal',
      text: withItem('（二）加强领导，提高认识，形成合力。'),
      errors: [{ line: 16, column: 1, length: 18, message: '「建议」中的这条建议空泛：“加强领导，提高认识，形成合力”只有口号，没有具体措施', severity: 'warning' }],
    },
    {
      name: 'two slogan items',
      text: [...PROPOSAL.slice(0, 14), '（一）高度重视，加大宣传力度。', '（二）进一步完善相关政策措施。'].join('\n'),
      errors: [
        { line: 15, column: 1, length: 15, message: '“高度重视，加大宣传力度”' },
        { line: 16, column: 1, length: 15, message: '“进一步完善相关政策措施”' },
      ],
    },
    {
      name: 'sqmy: “为此建议：” followed by a slogan',
      text: [...SQMY.slice(0, 9), '为此建议：加强宣传，提高认识，形成合力。'].join('\n'),
      errors: [{ line: 10, column: 1, length: 20, message: '“加强宣传，提高认识，形成合力”只有口号' }],
    },
    {
      name: 'sqmy: “对此，建议……” without a colon',
      text: [...SQMY.slice(0, 9), '对此，建议加强宣传，提高认识，形成合力。'].join('\n'),
      errors: [{ line: 10, column: 1, length: 20, message: '“加强宣传，提高认识，形成合力”只有口号' }],
    },
    {
      name: 'sqmy: numbered suggestions after “为此，建议：”',
      text: [...SQMY.slice(0, 8), '为此，建议：', '一、由区发改局牵头，2025年底前新增公共充电桩200个。', '二、强化责任，狠抓落实。'].join('\n'),
      errors: [{ line: 11, column: 1, length: 12, message: '“强化责任，狠抓落实”' }],
    },
  ],
});

describe('vagueness measure', () => {
  const v = templatesOf(builtinPackSet()).find(t => t.id === 'proposal')!.sections.find(s => s.id === 'suggestions')!.items!.vague as VagueDef;
  it('keeps what is concrete', () => {
    assert.strictEqual(concreteContent('加强农村养老护理员培训', v), '农村养老护理员培训');
    assert.strictEqual(isVague('加强农村养老护理员培训', v), false);
  });
  it('strips slogans and generic words', () => {
    assert.strictEqual(concreteContent('加强领导，提高认识，形成合力。', v), '');
    assert.strictEqual(isVague('切实加强组织领导。', v), true);
    assert.strictEqual(isVague('建议在2025年前完成。', v), false);
  });
});
