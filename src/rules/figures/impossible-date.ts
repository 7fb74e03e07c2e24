// “2月30日” “2020年1月23日（星期五）” “3月5日至3月2日” → 不存在的日期、星期不符、起止倒置.
import type { Rule } from '../../core/types';
import { ledger } from './_lib/figure-helpers';

const WEEK = '日一二三四五六';

function daysIn(month: number, year?: number): number {
  if (month === 2) return year === undefined ? 29 : (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export const impossibleDate: Rule = {
  meta: {
    id: 'figures/impossible-date',
    category: 'figures',
    defaultSeverity: 'error',
    description: '不存在的日期、与日期不符的星期、起止倒置的日期范围',
    docs:
      '检查日期本身：月份 1—12，日不超过当月天数（“2月30日”；闰年2月29日可以）；日期后括注的星期应与日期相符（2020年1月23日是星期四）；“A至B”“A—B”的日期或年份范围，结束不能早于开始。星期不符可自动修正为正确的星期。',
    examples: [
      { bad: '定于2020年2月30日召开', good: '定于2020年2月29日召开' },
      { bad: '2020年1月23日(星期五)', good: '2020年1月23日(星期四)' },
      { bad: '2021年至2019年', good: '2019年至2021年' },
    ],
    fixable: true,
  },
  check(ctx) {
    const text = ctx.doc.text;
    const dates = ledger(ctx).filter(e => e.kind === 'date' || e.kind === 'year');
    for (let i = 0; i < dates.length; i++) {
      const e = dates[i];
      const d = e.date ?? {};
      if (e.kind === 'date') {
        const { year, month, day } = d;
        if (month !== undefined && (month < 1 || month > 12)) {
          ctx.report({ offset: e.offset, length: e.length, message: `日期“${e.raw}”不存在：月份应为1—12` });
          continue;
        }
        if (month !== undefined && day !== undefined && (day < 1 || day > daysIn(month, year))) {
          ctx.report({ offset: e.offset, length: e.length, message: `日期“${e.raw}”不存在：${year !== undefined ? `${year}年${month}月只有` : `${month}月最多`}${daysIn(month, year)}天` });
          continue;
        }
        // Weekday in brackets right after a full date.
        if (year !== undefined && month !== undefined && day !== undefined) {
          const w = /^\s*[（(]((?:星期|周|礼拜)([一二三四五六日天]))[）)]/.exec(text.slice(e.offset + e.length, e.offset + e.length + 8));
          if (w) {
            const actual = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
            const stated = w[2] === '天' ? 0 : WEEK.indexOf(w[2]);
            if (actual !== stated) {
              const at = e.offset + e.length + w[0].length - 2;
              ctx.report({
                offset: at,
                length: 1,
                message: `${e.raw}是星期${WEEK[actual]}，括注却为“${w[1]}”`,
                expected: WEEK[actual],
                fix: { offset: at, length: 1, text: WEEK[actual] },
                related: [{ offset: e.offset, length: e.length, message: '日期' }],
              });
            }
          }
        }
      }
      // Ranges: A至B, A—B, A-B, A～B.
      const next = dates[i + 1];
      if (!next) continue;
      const between = text.slice(e.offset + e.length, next.offset);
      if (!/^\s*(至|到|—|－|-|~|～|–)\s*$/.test(between) && !/^\s*(至|到|—|－|-|~|～|–)\s*$/.test(between.replace(/^年/, ''))) continue;
      const a = e.date ?? {};
      const b = { ...(next.date ?? {}) };
      if (b.year === undefined) b.year = a.year;
      const key = (x: { year?: number; month?: number; day?: number }) => (x.year ?? 0) * 10000 + (x.month ?? 0) * 100 + (x.day ?? 0);
      if (a.year === undefined || b.year === undefined) {
        if (a.month !== undefined && b.month !== undefined && key(b) >= key(a)) continue;
        if (a.month === undefined || b.month === undefined) continue;
      }
      const comparable = (a.month === undefined) === (b.month === undefined);
      if (!comparable || key(b) >= key(a)) continue;
      // Years before the common era count down (公元前1750年至1500年, 前221年—前206年).
      if (/(公元前|前)\s*$/.test(text.slice(Math.max(0, e.offset - 3), e.offset)) && a.month === undefined) continue;
      ctx.report({
        offset: e.offset,
        length: next.offset + next.length - e.offset,
        message: `日期范围“${text.slice(e.offset, next.offset + next.length)}”起止倒置：结束早于开始`,
      });
    }
  },
};
