// The compact dictionary serves the wording rules as well as nodejieba's full one: on the five seed documents
// (and a few texts with every kind of slip) the wording findings are identical. Each dictionary is loaded in its
// own child process, so the full dictionary's ≈300 MB never burdens the test process.
import * as assert from 'assert';
import * as path from 'path';
import { execFileSync } from 'child_process';

const ROOT = path.join(__dirname, '../../..');
const SEEDS = path.join(ROOT, 'test/fixtures/seeds');

const EXTRA = [
  '满足人民群众的的期盼，工作取得取得新进展，认真落实市委委提出的要求。',
  '实属不得己，上世纪未，人人都是参与者，认认真真做事，一份份报告，中国国家博物馆。',
  '以A为主线，以B为主线，精神 and 中共，认真布署。',
];

/** Runs the wording rules over the seeds and EXTRA in a child process with the given dictionary. */
function findings(dict: 'compact' | 'full'): { list: string[]; loadMs: number; rssMb: number } {
  const script = `
    const fs = require('fs'), path = require('path');
    const { lint } = require(${JSON.stringify(path.join(ROOT, 'out/src/lint'))});
    const { WORDING_RULES } = require(${JSON.stringify(path.join(ROOT, 'out/src/rules/wording'))});
    const { loadSegmenter } = require(${JSON.stringify(path.join(ROOT, 'out/src/segmenter'))});
    const rss0 = process.memoryUsage().rss;
    const s = loadSegmenter({ dict: ${JSON.stringify(dict)} });
    if (s.error) throw new Error(s.error);
    const rssMb = (process.memoryUsage().rss - rss0) / 1048576;
    const texts = fs.readdirSync(${JSON.stringify(SEEDS)}).filter(f => f.endsWith('.txt')).sort()
      .map(f => [f, fs.readFileSync(path.join(${JSON.stringify(SEEDS)}, f), 'utf8')]).concat(${JSON.stringify(EXTRA)}.map((t, i) => ['extra' + i, t]));
    const list = [];
    for (const [name, text] of texts)
      for (const d of lint(text, { rules: WORDING_RULES, segmenter: s.segmenter, path: name }).diagnostics)
        list.push(name + ':' + d.line + ':' + d.column + '+' + d.length + ' ' + d.ruleId + ' ' + d.message + (d.fix ? ' → ' + JSON.stringify(d.fix) : ''));
    process.stdout.write(JSON.stringify({ list, loadMs: s.loadMs, rssMb }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 }));
}

describe('segmenter: compact vs full dictionary', function () {
  this.timeout(60000);
  let compact: ReturnType<typeof findings>;
  let full: ReturnType<typeof findings>;
  before(() => {
    compact = findings('compact');
    full = findings('full');
  });

  it('gives the same wording findings on the seeds and the slip samples', () => {
    assert.deepStrictEqual(compact.list, full.list);
  });

  it('finds the wording lines of the must-catch table with the compact dictionary', () => {
    const has = (re: RegExp) => assert.ok(compact.list.some(l => re.test(l)), `${re} in\n${compact.list.join('\n')}`);
    has(/^004_9579aaa4af56d42d\.txt:25:\d+\+4 wording\/doubled-word .*建设建设/);
    has(/^004_9579aaa4af56d42d\.txt:33:\d+\+4 wording\/doubled-word .*“落市委委”/);
    has(/^004_9579aaa4af56d42d\.txt:50:\d+\+4 wording\/confusable-char .*未成年人/);
    has(/^004_9579aaa4af56d42d\.txt:79:\d+\+5 wording\/stray-latin .*and/);
    has(/^002_386fd0c94091d3c0\.txt:9:\d+\+3 wording\/repeated-key-noun .*为主线/);
    // Nothing else on the seeds: every other line of them is correct wording.
    // Five must-catch lines and 建言咨政 (002:119, listed by issue 11).
    assert.strictEqual(compact.list.filter(l => !l.startsWith('extra')).length, 6, compact.list.join('\n'));
  });

  it('prints the load cost of each dictionary (informational)', () => {
    console.log(
      `      segmenter load: compact ${compact.loadMs.toFixed(0)} ms, +${compact.rssMb.toFixed(0)} MiB RSS; full ${full.loadMs.toFixed(0)} ms, +${full.rssMb.toFixed(0)} MiB RSS`,
    );
  });
});
