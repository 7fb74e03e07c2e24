// “2019年,我们喜迎中华人民共和国71华诞” → 2019年是新中国成立70周年.
import { proseRegister } from '../../core/register';
import type { Rule } from '../../core/types';
import { parseNumber, toChineseInt } from '../../core/numbers';
import { sectionYears } from '../../core/ledger';

interface Anniversary {
  name: string;
  year: number;
  match: string;
}

const YEAR_RE = /((?:19|20)\d{2})年|今年|明年|去年/g;

export const anniversary: Rule = {
  meta: {
    id: 'figures/anniversary',
    category: 'figures',
    defaultSeverity: 'error',
    description: '周年数与年份不符（新中国、人民政协成立于1949年，建党1921年，改革开放1978年……）',
    docs:
      '“YYYY年……新中国成立N周年/N华诞”中 N 应等于 YYYY 减去事件年份：新中国和人民政协 1949 年，中国共产党 1921 年，改革开放 1978 年，香港回归 1997 年，澳门回归 1999 年等（规则包 figures.anniversaries）。年份取同一句中最近的“YYYY年”（“今年”“明年”按文稿日期推算），句中没有年份时取所在部分标题的年份（如“一、2019年主要工作”）。提到“……周年大会上的讲话”等过去的活动时不核对。',
    examples: [{ bad: '2019年,我们喜迎中华人民共和国71华诞', good: '2019年,我们喜迎中华人民共和国70华诞' }],
    fixable: true,
  },
  check(ctx) {
    const list = ctx.packs.field<Anniversary>('figures', 'anniversaries');
    if (!list.length) return;
    // One regular expression for the whole list (each pack pattern in a group of its own): V8 compiles a regular
    // expression on its first use, and thirty of them cost more than the scan itself on a short run.
    const combined = ctx.packs.memo('figures-anniversaries', () => {
      const alts: { a: Anniversary; group: number }[] = [];
      const parts: string[] = [];
      let group = 1;
      for (const a of list) {
        let inner: number;
        try {
          inner = new RegExp(`(?:${a.match})|`).exec('')!.length - 1;
        } catch {
          continue;
        }
        alts.push({ a, group });
        parts.push(`(${a.match})`);
        group += inner + 1;
      }
      if (!parts.length) return undefined;
      return { alts, re: new RegExp(`(?:${parts.join('|')})(?:成立|诞生|胜利|回归祖国|回归|建立)?(\\d{1,3}|[一二三四五六七八九十百零]{1,4})(周年|年华诞|华诞|周岁)`, 'g') };
    });
    if (!combined) return;
    const sections = sectionYears(ctx.doc);
    for (const sen of ctx.doc.sentences) {
      if (!/周年|华诞|周岁/.test(sen.text)) continue;
      // Matches are found left to right, so of the patterns ending at one number the one starting first (the
      // longest: 人民政协 over 政协, 中华人民共和国 over 共和国) wins, and at one start the first in the list.
      const found: { start: number; end: number; numStart: number; num: string; a: Anniversary }[] = [];
      const re = combined.re;
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(sen.text))) {
        const alt = combined.alts.find(x => m![x.group] !== undefined);
        if (!alt) continue;
        const num = m[m.length - 2];
        const word = m[m.length - 1];
        const numStart = m.index + m[0].length - word.length - num.length;
        found.push({ start: m.index, end: m.index + m[0].length, numStart, num, a: alt.a });
      }
      for (const f of found) {
        const tail = sen.text.slice(f.end, f.end + 8);
        if (/^(大会|纪念大会|庆祝大会|座谈会)?(上|的)?(重要)?讲话|^大会上|^大会的/.test(tail)) continue;
        // The year it is said of.
        const head = sen.text.slice(0, f.start);
        let y: RegExpExecArray | null;
        let last: RegExpExecArray | undefined;
        YEAR_RE.lastIndex = 0;
        while ((y = YEAR_RE.exec(head))) last = y;
        let year: number | undefined;
        let yearAt: { offset: number; length: number } | undefined;
        if (last) {
          if (last[1]) year = Number(last[1]);
          else if (ctx.documentDate) year = ctx.documentDate.year + (last[0] === '明年' ? 1 : last[0] === '去年' ? -1 : 0);
          yearAt = { offset: sen.offset + last.index, length: last[0].length };
        } else {
          for (const s of sections) if (s.offset <= sen.offset) year = s.year;
        }
        if (year === undefined) continue;
        // Said ahead of or after the day (迎接……70周年, 回望……70周年庆典), or the year is another item's of a list
        // (2013年春晚、纪念……70周年): the anniversary need not fall in that year.
        const n0 = parseNumber(f.num);
        const near = head.slice(-10);
        if (/(迎接|献礼|筹备|即将)/.test(near) && n0 === year - f.a.year + 1) continue;
        if (/(回望|回顾|回首|重温|铭记)/.test(near) && n0 < year - f.a.year) continue;
        const afterYear = last ? head.slice(last.index + last[0].length) : '';
        if (last && /^[\u4e00-\u9fff]/.test(afterYear) && afterYear.includes('、')) continue;
        // A year read from the document's own date (今年, a section heading) is firm in a report, proposal or plan;
        // in news and features it is inferred and often wrong, so a mismatch is only a hint there.
        const inferred = !last || !last[1];
        const weak = inferred && proseRegister(ctx) === 'informal';
        const n = parseNumber(f.num);
        if (!Number.isFinite(n)) continue;
        const want = year - f.a.year;
        if (n === want || want <= 0) continue;
        const chinese = !/\d/.test(f.num);
        const text = chinese ? (f.num === '百' && want === 100 ? '百' : toChineseInt(want)) : String(want);
        ctx.report({
          offset: sen.offset + f.numStart,
          length: f.num.length,
          message: `${year}年是${f.a.name}（${f.a.year}年）${want}周年，文中写作“${f.num}”`,
          expected: text,
          fix: { offset: sen.offset + f.numStart, length: f.num.length, text },
          related: yearAt ? [{ ...yearAt, message: `年份：${year}年` }] : undefined,
          severity: weak ? 'info' : undefined,
        });
      }
    }
  },
};
