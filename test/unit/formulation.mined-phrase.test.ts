import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../helpers/ruleTester';
import { minedPhrase } from '../../src/rules/formulation/mined-phrase';
import { dictDir, loadSegmenter } from '../../src/segmenter';
import { oneEdit, parsePhrases, PHRASES_FILE } from '../../src/segmenter/phrases';

const segmenter = loadSegmenter().segmenter!;
const MSG = (written: string, what: string, want: string, n: number) => `“${written}”与常用表述不符（${what}），常用写法为“${want}”（人民日报三个月中出现 ${n} 次，写法一致）`;

testRule(
  minedPhrase,
  {
    valid: [
      { name: 'formulations written as edited text writes them', text: '坚持以人民为中心的发展思想，加快构建共建共治共享的社会治理格局。' },
      { name: 'a character dropped so that what is left joins its neighbour into a word (排放量)', text: '污染物排放量持续下降。' },
      { name: 'two words in the order edited text also writes (社会经济)', text: '促进国家社会经济发展。' },
      { name: 'a slot edited text fills in other ways (从国情/实际出发)', text: '坚持从国情出发。' },
      { name: 'a particle for a character', text: '制造的增加值增长。' },
      { name: 'a character replaced into another real word, not a homophone (倡导)', text: '中国共产党倡导的价值观。' },
      { name: 'a slip of a phrase of the hand-made pack is that pack’s rules’ (canonical-phrase)', text: '坚持以人民为中心的发展想思。' },
    ],
    invalid: [
      {
        name: 'two characters transposed into no word, in a phrase of many files and no variant: warning',
        text: '学习中国共产党律纪处分条例。',
        errors: [{ line: 1, column: 3, length: 11, severity: 'warning', message: MSG('中国共产党律纪处分条例', '“律纪”前后颠倒，应为“纪律”', '中国共产党纪律处分条例', 21) }],
        output: '学习中国共产党纪律处分条例。',
      },
      {
        name: 'a homophone (在 → 再) in a phrase of few files: hint',
        text: '全面从严治党永远再路上。',
        errors: [{ line: 1, column: 1, length: 11, severity: 'info', message: MSG('全面从严治党永远再路上', '“再”应为“在”', '全面从严治党永远在路上', 8) }],
        output: '全面从严治党永远在路上。',
      },
      {
        name: 'two words swapped at the end of a phrase',
        text: '维护国际关系准则基本。',
        errors: [{ line: 1, column: 3, length: 8, severity: 'info', message: MSG('国际关系准则基本', '“准则基本”前后颠倒，应为“基本准则”', '国际关系基本准则', 34) }],
        output: '维护国际关系基本准则。',
      },
      {
        name: 'the last character replaced by a homophone that makes no word',
        text: '一个重要方免',
        errors: [{ line: 1, column: 1, length: 6, severity: 'info', message: MSG('一个重要方免', '“免”应为“面”', '一个重要方面', 12) }],
        output: '一个重要方面',
      },
    ],
  },
  { segmenter },
);

describe('mined formulation lexicon', () => {
  const text = fs.readFileSync(path.join(dictDir(), PHRASES_FILE), 'utf8');
  it('says where it comes from and how it was selected', () => {
    assert.match(text, /^# Mined formulation lexicon .* scripts\/mine-formulations\.ts/);
    assert.match(text, /# Reference corpus: 2019年2月, 2019年10月, 2020年1月 \(\d+ files, \d+ characters\)/);
  });
  it('is sorted, one phrase of 6–20 Han characters a line, with counts, variants and open slots', () => {
    const lines = text.split('\n').filter(l => l && !l.startsWith('#'));
    assert.ok(lines.length > 1000, String(lines.length));
    let prev = '';
    for (const l of lines) {
      const f = l.split('\t');
      assert.strictEqual(f.length, 5, l);
      assert.match(f[0], /^[\u3400-\u9fff]{6,20}$/, l);
      assert.ok(f[0] > prev, `${prev} / ${f[0]}`);
      prev = f[0];
      assert.ok(Number(f[1]) >= 8 && Number(f[2]) >= 6, l);
      for (const v of f[3] ? f[3].split(' ') : []) assert.ok(oneEdit(f[0], v), `${f[0]}: ${v}`);
      for (const o of f[4] ? f[4].split(' ') : []) assert.match(o, /^[swgx]\d+$/, l);
    }
  });
  it('finds spans one edit away, and not the phrase itself', () => {
    const idx = parsePhrases('#\n以人民为中心的发展思想\t100\t50\t\t\n');
    assert.deepStrictEqual(idx.near('坚持以人民为中心的发展思想'), []);
    const h = idx.near('坚持以人民为中兴的发展思想');
    assert.deepStrictEqual(h.map(x => [x.offset, x.length, x.kind, x.from, x.to]), [[2, 11, 'replaced', 5, 6]]);
    assert.deepStrictEqual(idx.near('以人民为中心发展的思想').map(x => x.kind), ['swapped']);
    assert.deepStrictEqual(idx.near('以人民为中心的展思想').map(x => [x.kind, x.from]), [['dropped', 7]]);
  });
  it('one edit: replaced, added, dropped, swapped; more is none', () => {
    assert.deepStrictEqual(oneEdit('建言资政和凝聚共识', '建言咨政和凝聚共识'), { kind: 'replaced', from: 2, to: 3, qFrom: 2, qTo: 3 });
    assert.deepStrictEqual(oneEdit('建言资政和凝聚共识', '建言资政和汇集共识'), { kind: 'replaced', from: 5, to: 7, qFrom: 5, qTo: 7 });
    assert.deepStrictEqual(oneEdit('建言资政和凝聚共识', '建言资政和凝聚的共识'), { kind: 'added', from: 7, to: 7, qFrom: 7, qTo: 8 });
    assert.deepStrictEqual(oneEdit('建言资政和凝聚共识', '凝聚共识和建言资政'), undefined);
    assert.deepStrictEqual(oneEdit('协商民主重要渠道', '民主协商重要渠道'), { kind: 'swapped', from: 0, to: 4, qFrom: 0, qTo: 4 });
    assert.deepStrictEqual(oneEdit('建言资政和凝聚共识', '建言咨政和汇聚共识'), undefined);
  });
});
