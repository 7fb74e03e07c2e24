// Without a segmenter the engine skips the wording rules that need it, says so once, and runs the others.
import * as assert from 'assert';
import { lint } from '../../src/lint';
import { WORDING_RULES } from '../../src/rules/wording';
import { loadSegmenter } from '../../src/segmenter';

const TEXT = '围绕生态文明建设建设和绿色发展，就未成年入权益保护认真布署，学习讲话精神 and 中共十九届六中全会精神。';

describe('wording rules without the segmenter', () => {
  it('skips doubled-word, confusable-char, typo and homophone-word with one notice; the other wording rules run', () => {
    const r = lint(TEXT, { rules: WORDING_RULES });
    const seg = r.notices.filter(n => n.kind === 'segmenter');
    assert.strictEqual(seg.length, 1);
    assert.deepStrictEqual(seg[0].ruleIds, ['wording/doubled-word', 'wording/confusable-char', 'wording/typo', 'wording/homophone-word']);
    assert.match(seg[0].message, /分词器（nodejieba）不可用，以下规则本次未运行：wording\/doubled-word、wording\/confusable-char、wording\/typo、wording\/homophone-word/);
    assert.deepStrictEqual(
      r.diagnostics.map(d => [d.ruleId, d.column]),
      [
        ['wording/misspelling', 28],
        ['wording/stray-latin', 37],
      ],
    );
  });

  it('names the load error when loading failed', () => {
    const r = lint(TEXT, { rules: WORDING_RULES, segmenterState: 'failed', segmenterError: '无法加载分词器 nodejieba：测试' });
    const seg = r.notices.filter(n => n.kind === 'segmenter');
    assert.strictEqual(seg.length, 1);
    assert.match(seg[0].message, /分词器（nodejieba）加载失败：无法加载分词器 nodejieba：测试/);
  });

  it('with the segmenter every wording rule runs and there is no notice', () => {
    const r = lint(TEXT, { rules: WORDING_RULES, segmenter: loadSegmenter().segmenter });
    assert.deepStrictEqual(r.notices, []);
    assert.deepStrictEqual(
      r.diagnostics.map(d => [d.ruleId, d.column]),
      [
        ['wording/doubled-word', 7],
        ['wording/confusable-char', 18],
        ['wording/misspelling', 28],
        ['wording/stray-latin', 37],
      ],
    );
  });
});
