// The number parser: Chinese and Arabic numerals, 万/亿, percentages, qualifiers, ordinals and dates.
import * as assert from 'assert';
import { findQuantities, parseChineseInt, parseNumber, toChineseInt, isApproximate } from '../../src/core/numbers';

describe('numbers: parseChineseInt / parseNumber', () => {
  const table: [string, number][] = [
    ['十', 10],
    ['十四', 14],
    ['两', 2],
    ['二十', 20],
    ['一百零三', 103],
    ['一百', 100],
    ['九千九百九十九亿', 999900000000],
    ['三千五百万', 35000000],
    ['一万亿', 1e12],
    ['二〇二〇', 2020],
    ['一九四九', 1949],
  ];
  for (const [s, v] of table) it(`${s} → ${v}`, () => assert.strictEqual(parseChineseInt(s), v));
  it('rejects approximations and non-numerals', () => {
    assert.ok(Number.isNaN(parseChineseInt('三四')), '三四 is “three or four”');
    assert.ok(Number.isNaN(parseChineseInt('统一')));
    assert.ok(Number.isNaN(parseChineseInt('')));
  });
  it('parses Arabic forms with 万/亿, separators and full-width digits', () => {
    assert.strictEqual(parseNumber('1.24万'), 12400);
    assert.strictEqual(parseNumber('3,500'), 3500);
    assert.strictEqual(parseNumber('１２３'), 123);
    assert.strictEqual(parseNumber('2.18万亿'), 2.18e12);
    assert.strictEqual(parseNumber('十四'), 14);
  });
  it('toChineseInt', () => {
    assert.deepStrictEqual([1, 10, 14, 70, 71, 100, 103, 110].map(toChineseInt), ['一', '十', '十四', '七十', '七十一', '一百', '一百零三', '一百一十']);
  });
});

/** [raw, value, unit, kind, qualifiers, style] of each quantity. */
function q(text: string) {
  return findQuantities(text).map(x => [x.raw, x.value, x.unit ?? '', x.kind, x.qualifiers.join('|'), x.style]);
}

describe('numbers: findQuantities', () => {
  it('counts with units and qualifiers (seed 000)', () => {
    assert.deepStrictEqual(q('全年700余名市政协委员参加政协活动10171人次,提交提案1043件,经审查立案1008件'), [
      ['700余名', 700, '名', 'count', '余', 'arabic'],
      ['10171人次', 10171, '人次', 'count', '', 'arabic'],
      ['1043件', 1043, '件', 'count', '', 'arabic'],
      ['1008件', 1008, '件', 'count', '', 'arabic'],
    ]);
  });
  it('十四届 and 次会议 are ordinals; 两次 is a count', () => {
    assert.deepStrictEqual(q('十四届全国人大三次会议'), [
      ['十四届', 14, '届', 'ordinal', '', 'chinese'],
      ['三次', 3, '次', 'ordinal', '', 'chinese'],
    ]);
    assert.deepStrictEqual(q('学习市委十一届六次、七次全会精神'), [
      ['十一届', 11, '届', 'ordinal', '', 'chinese'],
      ['六次', 6, '次', 'ordinal', '', 'chinese'],
      ['七次', 7, '次', 'ordinal', '', 'chinese'],
    ]);
    assert.deepStrictEqual(q('召开两次专题协商会'), [['两次', 2, '次', 'count', '', 'chinese']]);
    assert.deepStrictEqual(q('高质量承办好第六次京津冀政协主席联席会议'), [['六次', 6, '次', 'ordinal', '', 'chinese']]);
  });
  it('一百余人, 1.24万人次, 九千九百九十九亿元', () => {
    assert.deepStrictEqual(q('一百余人'), [['一百余人', 100, '人', 'count', '余', 'chinese']]);
    assert.deepStrictEqual(q('服务群众1.24万人次'), [['1.24万人次', 12400, '人次', 'count', '', 'arabic']]);
    assert.deepStrictEqual(q('九千九百九十九亿元'), [['九千九百九十九亿元', 999900000000, '元', 'money', '', 'chinese']]);
  });
  it('percentages (Arabic, 百分之, decimals) and qualifiers', () => {
    const r = findQuantities('提案办理满意率达97.9%,增长5.5%左右,占百分之五十');
    assert.deepStrictEqual(
      r.map(x => [x.raw, x.value, x.kind, x.decimals, x.qualifiers.join('|')]),
      [
        ['达97.9%', 97.9, 'percent', 1, ''],
        ['5.5%左右', 5.5, 'percent', 1, '左右'],
        ['百分之五十', 50, 'percent', 0, ''],
      ],
    );
    assert.ok(isApproximate(r[1]));
    assert.ok(!isApproximate(r[0]));
    assert.deepStrictEqual(q('约30个左右'), [['约30个左右', 30, '个', 'count', '约|左右', 'arabic']]);
    assert.deepStrictEqual(q('超过3,500件以上'), [['超过3,500件以上', 3500, '件', 'count', '超过|以上', 'arabic']]);
  });
  it('dates and years', () => {
    const r = findQuantities('2020年1月23日召开,3月5日闭幕,二〇二〇年');
    assert.deepStrictEqual(
      r.map(x => [x.raw, x.kind, x.date]),
      [
        ['2020年1月23日', 'date', { year: 2020, month: 1, day: 23 }],
        ['3月5日', 'date', { year: undefined, month: 3, day: 5 }],
        ['二〇二〇年', 'year', { year: 2020, month: undefined, day: undefined }],
      ],
    );
  });
  it('skips what is not a stated quantity', () => {
    assert.deepStrictEqual(q('一是统一思想,二是一些问题'), []);
    assert.deepStrictEqual(q('数十个 几百家 上百场 三四个 十几个 二三十个'), []);
    assert.deepStrictEqual(q('百家争鸣、千家万户'), []);
    assert.deepStrictEqual(q('5G通讯和PM2.5'), []);
    assert.deepStrictEqual(q('23.01.2020  10:44'), []);
    assert.deepStrictEqual(q('中共十九届四中全会').map(x => x[0]), ['十九届']);
  });
  it('周年 is one unit; 中共 is not the qualifier 共', () => {
    assert.deepStrictEqual(q('庆祝人民政协成立70周年'), [['70周年', 70, '周年', 'count', '', 'arabic']]);
  });
});
