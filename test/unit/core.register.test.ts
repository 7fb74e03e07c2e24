// The register of a document (src/core/register.ts): which long prose of no 政协 type still reads as formal.
import * as assert from 'assert';
import { inCppccWorld, proseRegister } from '../../src/core/register';
import { typo } from '../../src/rules/wording/typo';
import { lint } from '../../src/core/engine';
import { defaultConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';

const doc = (text: string) => ({ text }) as Parameters<typeof inCppccWorld>[0];
/** `n` characters of prose with no word of the 政协 world. */
const plain = (n: number) => '城市的街道上人来人往，商店里摆满了年货，孩子们在广场上放风筝。'.repeat(Math.ceil(n / 31)).slice(0, n);

describe('core/register', () => {
  it('long prose of no 政协 type, without the words of the 政协 world, is informal', () => {
    assert.strictEqual(proseRegister({ docType: 'other', doc: doc(plain(600)), excerptKind: undefined }), 'informal');
  });
  it('short text and the 政协 types are formal', () => {
    assert.strictEqual(proseRegister({ docType: 'other', doc: doc(plain(200)), excerptKind: undefined }), 'formal');
    assert.strictEqual(proseRegister({ docType: 'report', doc: doc(plain(600)), excerptKind: undefined }), 'formal');
  });
  it('long prose dense in 政协 words (one per 100 characters or more) is formal; just below is not', () => {
    // 600 characters with 6 marker words = 100 per 10k; with 5 = 83 per 10k.
    const withMarkers = (k: number) => {
      const base = plain(600).split('');
      for (let i = 0; i < k; i++) base.splice(i * 100, 2, '政', '协');
      return base.join('');
    };
    assert.strictEqual(inCppccWorld(doc(withMarkers(6))), true);
    assert.strictEqual(inCppccWorld(doc(withMarkers(5))), false);
    assert.strictEqual(proseRegister({ docType: 'other', doc: doc(withMarkers(6)), excerptKind: undefined }), 'formal');
    assert.strictEqual(proseRegister({ docType: 'unknown', doc: doc(withMarkers(5)), excerptKind: undefined }), 'informal');
  });
  it('a news excerpt stays informal however dense', () => {
    assert.strictEqual(proseRegister({ docType: 'other', doc: doc('政协委员协商履职提案'.repeat(40)), excerptKind: 'news' }), 'informal');
  });

  describe('wording/typo hints in a 政协 work summary (no 政协 type) and in other long prose', () => {
    const segmenter = loadSegmenter().segmenter!;
    const config = defaultConfig();
    config.rules = { 'wording/typo': { severity: 'warning' } };
    const slip = '区政协组织委员深入一线，做好防迅抗旱工作。';
    const summary =
      '凝心聚力谋发展，履职尽责显担当。过去一年，区政协坚持围绕中心、服务大局，组织委员深入调研，协商议政成果丰硕。\n' +
      '区政协聚焦全区重点工作，召开专题协商会，委员们积极建言献策，提交提案一百余件，推动解决了一批群众关心的问题。\n' +
      '区政协加强委员队伍建设，开展履职培训，引导委员在本职岗位上发挥作用，在服务群众中展现委员风采。\n' +
      slip +
      '\n区政协还积极推进协商民主建设，搭建委员履职平台，拓展协商渠道，不断提高协商质量和履职水平。\n' +
      '各专委会结合各自职能，围绕乡村振兴、生态保护、教育医疗等课题开展视察和调研，形成了一批有分量的调研报告。\n' +
      '区政协还组织委员走进社区、走进企业，倾听群众呼声，反映社情民意，为区委、区政府科学决策提供了参考。';
    const news = plain(360) + '\n' + '街道组织居民深入一线，做好防迅抗旱工作。';
    const found = (text: string) => lint(text, { rules: [typo], config, segmenter }).diagnostics.map(d => `${d.offset}:${d.length}:${d.severity}:${d.expected}`);
    it('the summary is long, of no 政协 type, and dense in its words', () => {
      assert.ok(summary.length >= 300, `${summary.length}`);
      assert.strictEqual(lint(summary, { rules: [typo], config, segmenter }).docType, 'other');
      assert.ok(inCppccWorld(doc(summary)));
    });
    it('a two-character slip (a hint) is reported in the summary', () => {
      const at = summary.indexOf('防迅');
      assert.deepStrictEqual(found(summary), [`${at}:2:info:防汛`]);
    });
    it('the same slip in long prose of another kind gets no hint (warnings only there)', () => {
      assert.deepStrictEqual(found(news), []);
    });
  });
});
