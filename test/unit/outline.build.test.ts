// The section tree: template sections by role plus numbered and Markdown headings, with ranges for folding.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentModel } from '../../src/core/document';
import { builtinPackSet } from '../../src/core/packs';
import { detectDocType } from '../../src/core/template-match';
import { buildOutline, formatOutline, OutlineNode } from '../../src/core/section-tree';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const seedFile = (n: string) => 'test/fixtures/seeds/' + fs.readdirSync(path.join(ROOT, 'test/fixtures/seeds')).find(f => f.startsWith(n + '_'));

function outline(text: string, opts: { languageId?: string } = {}) {
  const doc = new DocumentModel(text, opts);
  const packs = builtinPackSet();
  return { doc, nodes: buildOutline(doc, detectDocType(doc, packs).type, packs) };
}

/** `name [role] line–endLine` per node, indented by depth. */
function shape(nodes: OutlineNode[], doc: DocumentModel, out: string[] = [], depth = 0): string[] {
  for (const n of nodes) {
    out.push(`${'  '.repeat(depth)}${n.name}${n.role ? ` [${n.role}]` : ''} ${doc.position(n.offset).line}–${doc.position(n.offset + n.length).line}`);
    shape(n.children, doc, out, depth + 1);
  }
  return out;
}

/** Every child lies inside its parent, siblings do not overlap, levels are depths. */
function checkRanges(nodes: OutlineNode[], parent?: OutlineNode, depth = 1): void {
  let prevEnd = parent ? parent.offset : 0;
  for (const n of nodes) {
    assert.strictEqual(n.level, depth, n.name);
    assert.ok(n.offset >= prevEnd, `${n.name} overlaps its previous sibling`);
    if (parent) assert.ok(n.offset >= parent.offset && n.offset + n.length <= parent.offset + parent.length, `${n.name} outside ${parent.name}`);
    assert.ok(n.selectionOffset >= n.offset && n.selectionOffset + n.selectionLength <= n.offset + n.length, `${n.name} selection outside range`);
    prevEnd = n.offset + n.length;
    checkRanges(n.children, n, depth + 1);
  }
}

describe('buildOutline', () => {
  it('report fixture: role paragraphs and numbered headings in one tree', () => {
    const { doc, nodes } = outline(read('test/fixtures/structure/report.txt'));
    assert.deepStrictEqual(shape(nodes, doc), [
      '称呼 [salutation] 2–2',
      '开头 [opening] 3–3',
      '一、2024年主要工作 [review] 4–6',
      '  （一）突出理论武装 5–5',
      '  （二）突出围绕中心 6–6',
      '成绩归因 [attribution] 7–7',
      '不足 [shortcomings] 8–8',
      '二、2025年工作安排 [plan] 9–12',
      '  （一）强化理论武装 11–11',
      '  （二）提高协商质量 12–12',
      '结束语 [closing] 13–13',
    ]);
    checkRanges(nodes);
    const plan = nodes[5];
    assert.strictEqual(plan.kind, 'heading');
    assert.strictEqual(plan.roleName, '工作安排');
    assert.strictEqual(doc.text.slice(plan.selectionOffset, plan.selectionOffset + plan.selectionLength), '二、2025年工作安排');
    assert.strictEqual(nodes[4].kind, 'section');
    assert.ok(nodes[4].detail!.startsWith('我们也清醒认识到'));
  });

  it('seed 000: the review (seven parts), the new requirements and the plan, with attribution and shortcomings between', () => {
    const { doc, nodes } = outline(read(seedFile('000')));
    checkRanges(nodes);
    assert.deepStrictEqual(
      nodes.map(n => n.role ?? n.name),
      ['salutation', 'opening', 'review', 'attribution', 'shortcomings', 'requirements', 'plan', 'closing'],
    );
    assert.deepStrictEqual(nodes.map(n => n.children.length), [0, 0, 7, 0, 0, 4, 6, 0]);
    assert.strictEqual(nodes[2].name, '一、2019年主要工作');
    assert.strictEqual(nodes[2].children[0].name, '(一)突出理论武装,团结奋斗的共同思想政治基础进一步夯实');
    // The review folds up to the end of its part (七), not into the attribution paragraph.
    assert.strictEqual(doc.position(nodes[2].offset + nodes[2].length).line, doc.position(nodes[3].offset).line - 1);
  });

  it('seed 004: a plain-line heading (2022年工作打算) holds its numbered tasks', () => {
    const { nodes } = outline(read(seedFile('004')));
    checkRanges(nodes);
    const plan = nodes.find(n => n.role === 'plan')!;
    assert.strictEqual(plan.name, '2022年工作打算');
    assert.strictEqual(plan.children.length, 5);
    assert.ok(plan.children[0].name.startsWith('一、深刻领会'));
    assert.strictEqual(nodes[nodes.length - 1].role, 'closing');
  });

  it('Markdown: # levels nest, numbered paragraphs go under them', () => {
    const text = ['# 关于加快发展农村互助养老服务的提案', '提案人：张明（市政协委员）', '## 一、基本情况', '全市建成幸福院312个。', '## 二、存在问题', '（一）设施闲置。部分幸福院长期闲置。', '## 三、建议', '（一）建立运营补贴制度。每个幸福院每年补贴2万元。'].join('\n\n');
    const { doc, nodes } = outline(text, { languageId: 'markdown' });
    checkRanges(nodes);
    assert.deepStrictEqual(shape(nodes, doc), [
      '关于加快发展农村互助养老服务的提案 [title] 1–15',
      '  提案人 [proposer] 3–3',
      '  一、基本情况 [background] 5–7',
      '  二、存在问题 [problems] 9–11',
      '    （一）设施闲置 11–11',
      '  三、建议 [suggestions] 13–15',
      '    （一）建立运营补贴制度 15–15',
    ]);
  });

  it('an other document: headings only', () => {
    const { doc, nodes } = outline(read(seedFile('002')), { languageId: 'markdown' });
    checkRanges(nodes);
    assert.strictEqual(nodes.length, 1);
    assert.strictEqual(nodes[0].children.length, 6);
    assert.deepStrictEqual(nodes[0].children.map(c => c.name), ['滨海新区政协', '和平区政协', '南开区政协', '武清区政协', '宝坻区政协', '蓟州区政协']);
    assert.ok(nodes.every(n => !n.role));
    assert.match(formatOutline(nodes, doc), /^在习近平新时代/);
  });

  it('an empty document has no outline', () => {
    assert.deepStrictEqual(outline('').nodes, []);
  });
});
