// Table tests for the hint gate of wording/typo (src/rules/wording/_lib/typo-hint-gate.ts, docs/typo-detection.md
// 第十六轮): classes of ordinary text whose hints are dropped, and slips of the same shapes that stay hints.
import * as assert from 'assert';
import { typo } from '../../src/rules/wording/typo';
import { confusableChar } from '../../src/rules/wording/confusable-char';
import { misspelling } from '../../src/rules/wording/misspelling';
import { lint } from '../../src/core/engine';
import { defaultConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

/** wording/typo's findings on `text` read as a report, as offset+length:expected:severity. */
function typoFound(text: string): string[] {
  const rules = [typo, misspelling, confusableChar];
  const config = defaultConfig();
  config.rules = Object.fromEntries(rules.map(r => [r.meta.id, { severity: r.meta.defaultSeverity }]));
  return lint(text, { rules, config, segmenter, docType: 'report' })
    .diagnostics.filter(d => d.ruleId === 'wording/typo')
    .map(d => `${d.offset}+${d.length}:${d.expected}:${d.severity}`);
}

/** About 330 characters of report prose that writes none of the words meant below. */
const PROSE =
  '今年以来，市政协围绕中心、服务大局，组织委员深入基层开展调查研究，形成了一批有价值的意见建议。' +
  '各专门委员会聚焦生态环境保护、乡村振兴和城市更新，召开专题协商会六次，提出建议四十余条。' +
  '机关持续加强自身建设，完善学习制度，健全考核办法，提高服务委员履职的水平。' +
  '委员们积极参加视察活动，走访企业、社区和学校，倾听群众呼声，反映社情民意信息两百余篇。' +
  '我们坚持团结和民主两大主题，广泛凝聚共识，为全市经济社会发展贡献智慧和力量。' +
  '新的一年，全体委员将继续履职尽责，在推进现代化建设的新征程上展现新担当新作为。' +
  '全市各级政协组织要认真落实协商计划，办好委员工作室，丰富协商形式，拓展参与渠道，推动协商成果转化运用，不断提高协商质量。';

describe('wording/typo hint gate', () => {
  it('the prose alone has no finding and is long enough', () => {
    assert.ok(PROSE.length >= 300);
    assert.deepStrictEqual(typoFound(PROSE), []);
  });

  const dropped: [string, string][] = [
    // AB + BC where edited text never writes AB + C either: two terms side by side.
    ['stutter whose shortened form edited text never writes (推进|进一步)', '推进进一步深化改革'],
    // A character beside a number belongs to it (a measure word, 约 before a figure).
    ['measure word after a number (8颗|以上)', '发射8颗以上遥感卫星'],
    ['约 before a figure (需约|40)', '全程仅需约40分钟'],
    // A rare character for its sound is chosen on purpose: a given name.
    ['rare character in a given name (志祯|在)', '王志祯在此工作'],
    ['rare character for its sound (冉 for 染)', '加强污冉治理'],
    // A village name: a place character after the window that starts no word with the next.
    ['window before 村 of a village name', '在县城以北的岗伟村小学'],
    // A long document that never writes the word meant, the kept character a word on its own.
    ['long document, word meant written nowhere (把窝 → 把握)', PROSE + '他们把窝做在田里。'],
    ['long document, word meant written nowhere (不悔 → 不会)', PROSE + '说起来不悔当初。'],
  ];
  for (const [name, text] of dropped) it(`dropped: ${name}`, () => assert.deepStrictEqual(typoFound(text), []));

  const kept: [string, string, string[]][] = [
    ['a stutter whose shortened form edited text writes (扩大|大规模 → 扩大规模)', '坚持扩大大规模设备更新', ['2+5:扩大规模:info']],
    ['a short text: no document to ask (把窝 → 把握)', '他们把窝做在田里', ['2+2:把握:info']],
    ['the long document writes the word meant elsewhere (把握)', PROSE + '要把握好方向。他们把窝做在田里。', [`${PROSE.length + 9}+2:把握:info`]],
    ['a common character for the sound (燃 for 染)', '加强污燃治理', ['2+2:污染:info']],
    ['a village name after a word of the text (乡村 is a word: not a name)', '积极法展乡村富民产业', ['2+2:发展:info']],
  ];
  for (const [name, text, want] of kept) it(`kept: ${name}`, () => assert.deepStrictEqual(typoFound(text), want));
});
