// The wording rules over the five seed documents: exactly the wording lines of the must-catch table (and the
// “two 为主线” info), at exact positions, each covering the needle's start; nothing else on the seeds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { WORDING_RULES } from '../../src/rules/wording';
import { loadSegmenter } from '../../src/segmenter';

const SEEDS = path.join(__dirname, '../../../test/fixtures/seeds');

describe('wording rules on the seeds', () => {
  const segmenter = loadSegmenter().segmenter!;
  const found: { file: string; text: string; d: ReturnType<typeof lint>['diagnostics'][number] }[] = [];
  before(() => {
    for (const f of fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
      for (const d of lint(text, { rules: WORDING_RULES, segmenter, path: f }).diagnostics) found.push({ file: f.slice(0, 3), text, d });
    }
  });

  it('finds exactly these', () => {
    assert.deepStrictEqual(
      found.map(({ file, text, d }) => [file, d.ruleId, d.line, d.column, d.length, text.slice(d.offset, d.offset + d.length), d.fix?.text ?? null, d.severity]),
      [
        ['002', 'wording/repeated-key-noun', 9, 52, 3, '为主线', null, 'info'],
        // The 政协 term is 建言资政 (issue 11 lists 建言咨政 among the slips to find).
        ['002', 'wording/misspelling', 119, 227, 2, '咨政', '资政', 'error'],
        ['004', 'wording/doubled-word', 25, 378, 4, '建设建设', '', 'error'],
        ['004', 'wording/doubled-word', 33, 260, 4, '落市委委', null, 'error'],
        ['004', 'wording/confusable-char', 50, 62, 4, '未成年入', '人', 'warning'],
        ['004', 'wording/stray-latin', 79, 133, 5, ' and ', '和', 'warning'],
      ],
    );
  });

  it('each must-catch wording needle has a finding that starts at its marked character', () => {
    const needles: [string, string, number][] = [
      ['004', '建设建设', 0],
      ['004', '落市委委提出', 0],
      ['004', '未成年入权益', 0],
      ['004', '精神 and 中共', 2],
    ];
    for (const [file, needle, at] of needles) {
      const hit = found.find(({ file: f, text, d }) => f === file && d.offset === text.indexOf(needle) + at);
      assert.ok(hit, `${file} ${needle}`);
    }
  });

  it('the fixes give the corrected text', () => {
    const text = found.find(f => f.file === '004')!.text;
    const line = (n: number, s: string) => s.split('\n')[n - 1];
    const fixed = [...found.filter(f => f.file === '004' && f.d.fix)].reverse().reduce((t, { d }) => t.slice(0, d.fix!.offset) + d.fix!.text + t.slice(d.fix!.offset + d.fix!.length), text);
    assert.ok(line(25, fixed).includes('嘉陵江流域生态文明建设和绿色发展'));
    assert.ok(line(50, fixed).includes('未成年人权益司法保护'));
    assert.ok(line(79, fixed).includes('重要讲话精神和中共十九届六中全会精神'));
    assert.strictEqual(line(33, fixed), line(33, text), 'the garbled 落市委委 is left for a person');
  });
});
