// All figures rules over the five seed documents: the figure mistakes of the must-catch table are found,
// the agreeing figures (the quiet list) stay quiet, and nothing else is reported.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { FIGURES_RULES } from '../../src/rules/figures';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');
const read = (f: string) => fs.readFileSync(path.join(SEEDS, f), 'utf8');

const MUST_CATCH = [
  { file: '004_9579aaa4af56d42d.txt', needle: '等6个方面意见建议', ruleId: 'figures/count-mismatch' },
  { file: '002_386fd0c94091d3c0.txt', needle: '紧扣政治引领,在建言资政中凝聚共识', ruleId: 'figures/repeated-parallel-item' },
];
const QUIET = [
  { file: '000_1656f37454b725e0.txt', needle: '提交提案1043件,经审查立案1008件' },
  { file: '001_76cb290b9bbe94ad.txt', needle: '立案交办提案864件' },
  { file: '002_386fd0c94091d3c0.txt', needle: '强化“六个工作机制”' },
  { file: '002_386fd0c94091d3c0.txt', needle: '抓实“五个一”' },
  { file: '004_9579aaa4af56d42d.txt', needle: '全年收到提案1501件,立案1307件' },
  { file: '001_76cb290b9bbe94ad.txt', needle: '确定10个重点协商议题' },
  { file: '000_1656f37454b725e0.txt', needle: '喜迎中华人民共和国70华诞' },
];

describe('figures rules over the seeds', () => {
  const files = fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt'));
  const results = new Map(files.map(f => [f, lint(read(f), { path: f, rules: FIGURES_RULES })]));

  for (const c of MUST_CATCH) {
    it(`finds ${c.file.slice(0, 3)} “${c.needle}”`, () => {
      const text = read(c.file);
      const at = text.indexOf(c.needle);
      assert.ok(at >= 0);
      const hit = results.get(c.file)!.diagnostics.find(d => d.ruleId === c.ruleId && d.offset === at);
      assert.ok(hit, `no ${c.ruleId} at ${at}`);
    });
  }
  for (const c of QUIET) {
    it(`stays quiet on ${c.file.slice(0, 3)} “${c.needle}”`, () => {
      const text = read(c.file);
      let at = text.indexOf(c.needle);
      assert.ok(at >= 0);
      while (at >= 0) {
        const end = at + c.needle.length;
        const near = results.get(c.file)!.diagnostics.filter(d => d.offset < end && d.offset + d.length > at);
        assert.deepStrictEqual(near.map(d => d.message), []);
        at = text.indexOf(c.needle, end);
      }
    });
  }
  it('reports nothing else', () => {
    const all = [...results.entries()].flatMap(([f, r]) => r.diagnostics.map(d => `${f.slice(0, 3)}:${d.line}:${d.column} ${d.ruleId}`));
    assert.deepStrictEqual(all, ['002:43:1 figures/repeated-parallel-item', '004:19:242 figures/count-mismatch']);
  });
  it('runs without rule errors', () => {
    for (const r of results.values()) assert.deepStrictEqual(r.notices, []);
  });
});
