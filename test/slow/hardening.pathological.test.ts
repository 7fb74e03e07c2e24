// Pathological inputs of about 60 000 characters each (one endless paragraph, runs of one mark, deep
// nesting, thousands of numbers, headings or 、-items): every rule must stay near-linear. A quadratic loop
// over 60 000 characters costs billions of steps, so the generous bound (per rule 3 s, whole lint 15 s)
// only fails on a real complexity problem, not on a slow machine.
import * as assert from 'assert';
import { lint, allRules, LintOptions } from '../../src/lint';
import { defaultConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';

const N = 60000;
const fill = (unit: string, n = N) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

const CASES: { name: string; text: string }[] = [
  { name: 'one paragraph without punctuation', text: fill('政协委员围绕经济社会发展建言资政') },
  { name: 'one paragraph of commas', text: fill('推进协商民主，') },
  { name: 'one sentence of 、-items', text: fill('经济、政治、文化、社会、') + '等方面。' },
  { name: 'open quotes only', text: fill('“') },
  { name: 'close quotes only', text: fill('”') },
  { name: 'deep nesting', text: fill('（“《', N / 2) + fill('》”）', N / 2) },
  { name: 'alternating quotes', text: fill('“”') },
  { name: 'ellipses and dashes', text: fill('……——') },
  { name: 'half-width punctuation', text: fill('政协,委员:建言;资政!') },
  { name: 'numbers in a row', text: fill('增长12.5%，达到3456亿元，其中') },
  { name: 'Chinese numbers', text: fill('九千九百九十九亿零九百九十九万') },
  { name: 'dates', text: fill('2023年10月1日至2024年3月5日，') },
  { name: 'headings', text: Array.from({ length: 4000 }, (_, i) => `${['一', '二', '三', '四', '五'][i % 5]}、标题${i}`).join('\n') },
  { name: 'numbered items', text: Array.from({ length: 4000 }, (_, i) => `（${i + 1}）加强调研。`).join('\n') },
  { name: 'empty lines', text: fill('\n') },
  { name: 'CRLF lines', text: fill('政协。\r\n') },
  { name: 'one long Latin word', text: fill('abcdefghij') },
  { name: 'spaces', text: fill(' \u3000') },
  { name: 'HTML comments', text: fill('<!-- x -->政协') },
  { name: 'unclosed comment', text: '<!--' + fill('政协委员') },
  { name: 'repeated phrase', text: fill('习近平新时代中国特色社会主义思想') },
  { name: 'near-miss phrase', text: fill('习近平新时代中国特色社会主义思') },
  { name: 'doubled words', text: fill('的的') },
];

describe('hardening: pathological inputs stay near-linear', function () {
  this.timeout(600000);
  const seg = loadSegmenter();
  const config = defaultConfig();
  for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
  const opts: LintOptions = { config, segmenter: seg.segmenter, ruleBudgetMs: 1e9 };
  for (const c of CASES) {
    it(`${c.name} (${c.text.length} chars)`, () => {
      const t0 = performance.now();
      const r = lint(c.text, opts);
      const ms = performance.now() - t0;
      assert.deepStrictEqual(r.notices.filter(n => n.kind === 'rule-error').map(n => n.message), []);
      const slow = Object.entries(r.timings)
        .filter(([, v]) => v > 3000)
        .map(([id, v]) => `${id} ${Math.round(v)} ms`);
      assert.deepStrictEqual(slow, [], `rules over 3 s on ${c.name}`);
      assert.ok(ms < 15000, `whole lint took ${Math.round(ms)} ms`);
    });
  }
});
