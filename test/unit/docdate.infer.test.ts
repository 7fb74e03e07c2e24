import * as assert from 'assert';
import { DocumentModel } from '../../src/core/document';
import { docMonthRange, inferDocumentDate, parseDateSetting } from '../../src/core/docdate';
import { defaultConfig } from '../../src/core/types';

function infer(text: string, documentDate?: string) {
  const config = defaultConfig();
  if (documentDate) config.documentDate = documentDate;
  const d = inferDocumentDate(new DocumentModel(text), config);
  return d && { year: d.year, month: d.month, day: d.day, source: d.source };
}

describe('inferDocumentDate', () => {
  it('reads a dd.mm.yyyy dateline', () => {
    assert.deepStrictEqual(infer('政协天津市委员会常务委员会工作报告\n\n23.01.2020  10:44\n\n各位委员:'), { year: 2020, month: 1, day: 23, source: 'dateline' });
  });
  it('reads the date of the session in the subtitle', () => {
    assert.deepStrictEqual(infer('常务委员会工作报告\n——在政协第十三届全国委员会第三次会议上（2020年5月21日）\n各位委员：'), { year: 2020, month: 5, day: 21, source: 'dateline' });
  });
  it('takes the latest of several datelines (web page navigation)', () => {
    assert.deepStrictEqual(infer('发布时间:2021-07-29 14:20:45\n返回首页\n发布时间:2021-07-30 16:46:49\nTime of issue:2024-01-20\n正文'), { year: 2024, month: 1, day: 20, source: 'dateline' });
  });
  it('reads a date written in Chinese numerals', () => {
    assert.deepStrictEqual(infer('区政协办公室\n二〇二二年一月十日\n正文'), { year: 2022, month: 1, day: 10, source: 'dateline' });
  });
  it('reads a title line with a plan year', () => {
    assert.deepStrictEqual(infer('区政协2021年工作要点\n\n一、加强理论武装'), { year: 2021, month: 1, day: undefined, source: 'title' });
  });
  it('reads a review heading: the report is delivered early the next year', () => {
    assert.deepStrictEqual(infer('各位委员：\n一、2019年主要工作\n2019年，我们……'), { year: 2020, month: 1, day: undefined, source: 'review-year' });
  });
  it('reads a stand-alone plan line (2022年工作打算)', () => {
    assert.deepStrictEqual(infer('要闻\n\n（上接1版）\n一年来的工作……\n第二段。\n第三段。\n\n2022年工作打算\n\n2022年，中国共产党将召开第二十次全国代表大会'), { year: 2022, month: 1, day: undefined, source: 'plan-year' });
  });
  it('reads a plan that opens with “YYYY年是……之年”', () => {
    assert.deepStrictEqual(infer('2020年是全区高水平建成小康社会和“十三五”规划的收官之年。'), { year: 2020, month: 1, day: undefined, source: 'plan-year' });
  });
  it('a paragraph that goes on to later years is a chronicle, not a plan (2012年，党的十八大将……。2015年，……)', () => {
    assert.strictEqual(infer('2012年，党的十八大将生态文明建设纳入总体布局。2015年，生态文明建设写进五年规划。2020年是“十三五”规划收官之年。'), undefined);
    assert.deepStrictEqual(infer('2020年，区政协将围绕中心开展协商。到2022年，建成协商平台。'), { year: 2020, month: 1, day: undefined, source: 'plan-year' });
  });
  it('a review or plan of part of a year is written within that year, at a month not told', () => {
    assert.deepStrictEqual(infer('正文第一段。\n\n一、2024年上半年工作总结\n\n正文。'), { year: 2024, month: undefined, day: undefined, source: 'review-year' });
    assert.deepStrictEqual(infer('区政协2024年第一季度工作总结\n\n正文。'), { year: 2024, month: undefined, day: undefined, source: 'review-year' });
    assert.deepStrictEqual(infer('区政协2024年上半年工作总结和下半年工作打算\n\n正文。'), { year: 2024, month: undefined, day: undefined, source: 'title' });
    assert.deepStrictEqual(infer('区政协2024年工作总结\n\n正文。'), { year: 2025, month: 1, day: undefined, source: 'review-year' });
  });
  it('config documentDate overrides the text; a malformed one is ignored', () => {
    assert.deepStrictEqual(infer('23.01.2020\n正文', '2019-06'), { year: 2019, month: 6, day: undefined, source: 'config' });
    assert.deepStrictEqual(infer('23.01.2020\n正文', '2019-13'), { year: 2020, month: 1, day: 23, source: 'dateline' });
  });
  it('returns undefined when nothing tells the date', () => {
    assert.strictEqual(infer('促进民族团结。\n加强协商。'), undefined);
  });
  it('parseDateSetting accepts YYYY, YYYY-MM, YYYY-MM-DD only', () => {
    assert.deepStrictEqual(parseDateSetting('2022'), { year: 2022, month: undefined, day: undefined });
    assert.deepStrictEqual(parseDateSetting('2022-10-16'), { year: 2022, month: 10, day: 16 });
    assert.strictEqual(parseDateSetting('22-10'), undefined);
    assert.strictEqual(parseDateSetting('2022-00'), undefined);
  });
});

describe('inferDocumentDate: dates in running text are not datelines', () => {
  it('ignores a date inside a sentence near the top', () => {
    const t = '关于学习贯彻全会精神的报告\n2019年10月31日中共十九届四中全会审议通过的《决定》，是我们工作的根本遵循，各级政协组织要认真学习领会、抓好贯彻落实。\n一、2020年主要工作';
    assert.deepStrictEqual(infer(t), { year: 2021, month: 1, day: undefined, source: 'review-year' });
  });
  it('accepts a labelled date', () => {
    assert.deepStrictEqual(infer('某某区政协关于某某问题的调研报告，发布时间：2023年3月5日，来源：区政协办公室，供各位委员参阅'), { year: 2023, month: 3, day: 5, source: 'dateline' });
  });
});

describe('inferDocumentDate: subtitles', () => {
  it('reads “YYYY年M月D日在……会议上”', () => {
    assert.deepStrictEqual(infer('2025年河南省政府工作报告\n2025年1月18日在河南省第十四届人民代表大会第三次会议上河南省人民政府省长王凯作政府工作报告\n各位代表:'), { year: 2025, month: 1, day: 18, source: 'dateline' });
  });
});

describe('docMonthRange', () => {
  const m = (y: number, mo: number) => y * 12 + mo - 1;
  it('a dateline or configured month is that month; a configured year spans the year', () => {
    assert.deepStrictEqual(docMonthRange({ year: 2018, month: 1, day: 5, source: 'dateline' }), { first: m(2018, 1), last: m(2018, 1) });
    assert.deepStrictEqual(docMonthRange({ year: 2018, source: 'config' }), { first: m(2018, 1), last: m(2018, 12) });
  });
  it('a part-of-year plan or review (no month) spans its year', () => {
    assert.deepStrictEqual(docMonthRange({ year: 2024, source: 'review-year' }), { first: m(2024, 1), last: m(2024, 12) });
  });
  it('a month estimated from a plan, title or review year runs to March (the sessions)', () => {
    for (const source of ['plan-year', 'review-year', 'title'] as const)
      assert.deepStrictEqual(docMonthRange({ year: 2018, month: 1, source }), { first: m(2018, 1), last: m(2018, 3) });
  });
});
