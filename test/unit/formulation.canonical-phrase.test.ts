import { testRule } from '../helpers/ruleTester';
import { canonicalPhrase } from '../../src/rules/formulation/canonical-phrase';
import { loadSegmenter } from '../../src/segmenter';

testRule(canonicalPhrase, {
  valid: [
    '更好发挥港澳地区市政协委员“双重积极作用”',
    '在以习近平同志为核心的中共中央坚强领导下，以习近平新时代中国特色社会主义思想为指导',
    '探索开展“渝事好商量”协商工作，推动专门协商机构“专”出特色',
    '学习新时代中国特色社会主义思想',
    '中共中央印发关于新时代加强和改进人民政协工作的意见',
    { name: '只差顿号不算误写', text: '三、加强思想政治引领广泛凝聚共识,巩固发展大团结大联合生动局面' },
    '向关心和支持中国现代化建设的各国政府、国际组织表示感谢',
    '在建言资政和凝聚共识上双向发力',
    '深入学习贯彻习近平新时代中国特色社会主义经济思想',
    '形成“有事好商量,众人的事情由众人商量”的秩序氛围',
    { name: '新时期 in a document of the new era is time-bound’s', text: '2020年工作要点\n坚持以习近平新时期中国特色社会主义思想为指导。' },
    { name: 'an entry not marked namedNewEra: 新时期 is a question of the date (time-bound)', text: '夺取新时期中国特色社会主义伟大胜利。' },
    { name: 'a character replaced by 的 makes a modifier phrase, not a slip', text: '深刻洞察中国特色社会主义的时代特征和内外环境新变化。' },
    // Only a function word or a 顿号 apart, in running prose: grammar, not a misquote.
    { name: 'a 的 added in running prose (协商议政的质量)', text: '有效提升了协商议政的质量和成效。' },
    { name: 'a 的 added in running prose (重点提案的督办)', text: '加强重点提案的督办，提高办理质量。' },
    { name: 'the 顿号 between two parallel items left out in prose', text: '常委会围绕中心服务大局，认真履行职能。' },
    { name: 'quotation marks round a part of a fixed term, for emphasis', text: '必须在凝聚监督力量上画出最大“同心圆”。' },
  ],
  invalid: [
    {
      name: 'a 的 put inside a fixed term, even in prose: a note',
      text: '发展全过程的人民民主。',
      errors: [{ line: 1, column: 1, length: 10, severity: 'info', message: '规范提法“发展全过程人民民主”只差虚词或标点' }],
      output: '发展全过程人民民主。',
    },
    {
      name: 'a particle replaced by another in a fixed term: a note',
      text: '当今世界正经历百年未有的大变局。',
      errors: [{ line: 1, column: 8, length: 8, severity: 'info', message: '规范提法“百年未有之大变局”' }],
      output: '当今世界正经历百年未有之大变局。',
    },
    {
      name: 'a formulation cited as a name in quotation marks, only a 的 apart: a note',
      text: '完善“重点提案的督办”机制。',
      errors: [{ line: 1, column: 4, length: 7, severity: 'info', message: '“重点提案的督办”与规范提法“重点提案督办”只差虚词或标点' }],
      output: '完善“重点提案督办”机制。',
    },
    {
      name: 'a quoted fixed term without its 顿号: a note',
      text: '坚持“围绕中心服务大局”的工作思路。',
      errors: [{ line: 1, column: 4, length: 8, severity: 'info', message: '规范提法“围绕中心、服务大局”只差虚词或标点' }],
      output: '坚持“围绕中心、服务大局”的工作思路。',
    },
    {
      name: 'two neighbouring characters typed the other way round, in prose: a slip, not a word replaced',
      text: '推动构建人类命运同共体。',
      errors: [{ line: 1, column: 5, length: 7, severity: 'warning', message: '“人类命运同共体”与规范提法不符（“同共”应为“共同”，两字颠倒），规范表述为“人类命运共同体”' }],
      output: '推动构建人类命运共同体。',
    },
    {
      name: 'two characters swapped where one is also a function word (同): not “only a function word differs”',
      text: '构建“人类命运同共体”。',
      errors: [{ line: 1, column: 4, length: 7, severity: 'warning', message: '两字颠倒' }],
      output: '构建“人类命运共同体”。',
    },
    {
      name: 'a character replaced by another content character is still a slip',
      text: '进入中国特色社会主义新世代。',
      errors: [{ line: 1, column: 3, length: 11, message: '规范表述为“中国特色社会主义新时代”' }],
      output: '进入中国特色社会主义新时代。',
    },
    {
      name: 'a name given in 2017 never had 新时期 (no date known)',
      text: '坚持以习近平新时期中国特色社会主义思想为指导。',
      errors: [{ line: 1, column: 4, length: 16, message: '规范表述为“习近平新时代中国特色社会主义思想”' }],
      output: '坚持以习近平新时代中国特色社会主义思想为指导。',
    },
    {
      name: 'an entry marked namedNewEra: its 新时期 form is a misquote at any date',
      text: '确立习近平新时期中国特色社会主义思想的指导地位。',
      errors: [{ line: 1, column: 1, length: 23, message: '规范表述为“确立习近平新时代中国特色社会主义思想的指导地位”' }],
      output: '确立习近平新时代中国特色社会主义思想的指导地位。',
    },
    {
      name: 'seed 004: 双重建构作用',
      text: '更好发挥港澳委员“双重建构作用”,促进民族团结。',
      errors: [{ line: 1, column: 10, length: 6, message: '规范表述为“双重积极作用”' }],
      output: '更好发挥港澳委员“双重积极作用”,促进民族团结。',
    },
    {
      name: 'two parts swapped',
      text: '第一行\n坚持凝聚共识和建言资政双向发力。',
      errors: [{ line: 2, column: 3, length: 13, message: '前后颠倒' }],
      output: '第一行\n坚持建言资政和凝聚共识双向发力。',
    },
    {
      name: 'the two parts joined by 和 exchanged, with no swap given in the pack',
      text: '坚持和完善中国共产党领导的政治协商和多党合作制度。',
      errors: [{ line: 1, column: 6, length: 19, message: '“中国共产党领导的政治协商和多党合作制度”与规范提法不符（前后颠倒），规范表述为“中国共产党领导的多党合作和政治协商制度”' }],
      output: '坚持和完善中国共产党领导的多党合作和政治协商制度。',
    },
    {
      name: 'the two parts joined by 与 exchanged next to another phrase of the pack written exactly',
      text: '要促进世界发展与和平，推动构建人类命运共同体。',
      errors: [{ line: 1, column: 2, length: 21, message: '（前后颠倒），规范表述为“促进世界和平与发展，推动构建人类命运共同体”' }],
      output: '要促进世界和平与发展，推动构建人类命运共同体。',
    },
    {
      name: 'dropped characters in a long formulation',
      text: '成为用党的创新理论团结教育引导各界代表人士的重要平台',
      errors: [{ line: 1, column: 3, length: 24, message: '（漏了“各族”），规范表述为' }],
      output: '成为用党的创新理论团结教育引导各族各界代表人士的重要平台',
    },
    {
      name: 'an added character',
      text: '党员委员“双重建组织生活”方式',
      errors: [{ line: 1, column: 6, length: 7, message: '（多了“建”），规范表述为' }],
      output: '党员委员“双重组织生活”方式',
    },
    {
      name: 'comments are skipped',
      text: '<!-- 双重建构作用 -->\n发挥“双重积级作用”',
      errors: [{ line: 2, column: 4, length: 6 }],
      output: '<!-- 双重建构作用 -->\n发挥“双重积极作用”',
    },
  ],
});

// With the segmenter, a span whose edge cuts a word of the text (政治发展路|线) is a word replaced: left to
// formulation/phrase-word, so that the fix is not a garbled 道路线.
describe('formulation/canonical-phrase with the segmenter', () => {
  testRule(
    canonicalPhrase,
    {
      valid: [{ name: 'the span ends inside 路线', text: '我们要坚定不移走中国特色社会主义政治发展路线。' }],
      invalid: [
        {
          name: 'a character slip whose edges are word boundaries is still reported',
          text: '牢固树立以人民为核心的发展思想。',
          errors: [{ line: 1, column: 5, length: 11, message: '规范表述为“以人民为中心的发展思想”' }],
          output: '牢固树立以人民为中心的发展思想。',
        },
        {
          // 习近平 is a word of the user dictionary: without it the segmenter cut 落|实习|近平, and the phrase's first
          // edge seemed to cut the word 实习.
          name: 'a phrase that starts with 习近平 after 落实',
          text: '深入贯彻落实习近平总书记关于改进和加强人民政协工作的重要思想。',
          errors: [{ line: 1, column: 7, length: 24, message: '（前后颠倒），规范表述为“习近平总书记关于加强和改进人民政协工作的重要思想”' }],
          output: '深入贯彻落实习近平总书记关于加强和改进人民政协工作的重要思想。',
        },
      ],
    },
    { segmenter: loadSegmenter().segmenter },
  );
});

describe('describeDifference names the characters that differ', () => {
  const { describeDifference } = require('../../src/rules/formulation/_lib/pack-entries') as typeof import('../../src/rules/formulation/_lib/pack-entries');
  const seg = require('../../src/segmenter').loadSegmenter().segmenter;
  const cases: [string, string, boolean, string][] = [
    ['双重建构作用', '双重积极作用', false, '“建构”应为“积极”'],
    ['坚持全面深入改革', '坚持全面深化改革', false, '“入”应为“化”'],
    ['坚持全面深入改革', '坚持全面深化改革', true, '“深入”应为“深化”'],
    ['不忘初心、牢固使命', '不忘初心、牢记使命', true, '“牢固”应为“牢记”'],
    ['引导各界代表人士', '引导各族各界代表人士', false, '漏了“各族”'],
    ['双重建组织生活', '双重组织生活', false, '多了“建”'],
    ['协商民主', '民主协商', false, '字词顺序颠倒'],
    ['人类命运同共体', '人类命运共同体', false, '“同共”应为“共同”，两字颠倒'],
  ];
  for (const [a, w, withSeg, want] of cases)
    it(`${a} → ${w}${withSeg ? ' (with the segmenter)' : ''}`, () => {
      require('assert').strictEqual(describeDifference(a, w, withSeg ? seg : undefined), want);
    });
});
