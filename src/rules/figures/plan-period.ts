// “2020年是“十四五”规划收官之年” → “十四五”为2021—2025年，收官之年是2025年.
import type { Rule } from '../../core/types';

interface Plan {
  name: string;
  start: number;
  end: number;
}

const RE = /((?:19|20)\d{2})年|今年|明年/g;

export const planPeriod: Rule = {
  meta: {
    id: 'figures/plan-period',
    category: 'figures',
    defaultSeverity: 'error',
    description: '“YYYY年是“十X五”开局之年/收官之年”与五年规划的起止年份不符',
    docs:
      '五年规划的起止年份是固定的：“十三五”2016—2020年，“十四五”2021—2025年，“十五五”2026—2030年。“YYYY年是……开局之年（起步之年、第一年）”的年份应为规划首年，“收官之年（最后一年）”应为末年；“YYYY年是……“十X五”……关键一年（攻坚之年、承上启下之年）”的年份应在规划期内（规划首年的前一年可以是谋划、编制规划的关键一年）。句中写“今年”“明年”时按文稿日期推算。规划年份表在规则包 figures.fivePlans 中。',
    examples: [{ bad: '2020年是我市全面建成高质量小康社会、“十四五”规划收官之年', good: '2020年是我市全面建成高质量小康社会、“十三五”规划收官之年' }],
    fixable: false,
    paragraphLocal: true,
  },
  check(ctx) {
    const plans = ctx.packs.field<Plan>('figures', 'fivePlans');
    if (!plans.length) return;
    const names = [...plans].sort((a, b) => b.name.length - a.name.length).map(p => p.name).join('|');
    const inside = new RegExp(`(\\d{4})年(?:是|为)[^，,。；;]{0,16}?[“"]?(${names})[”"]?[^，,。；;“”]{0,12}?(关键之年|关键一年|攻坚之年|重要一年|承上启下之年|冲刺之年)`, 'g');
    const phase = new RegExp(`[“"]?(${names})[”"]?(?:规划|计划)?(?:的)?(开局之年|起步之年|第一年|开局年|收官之年|最后一年|收官年|决胜之年)`, 'g');
    for (const sen of ctx.doc.sentences) {
      if (!/是/.test(sen.text)) continue;
      phase.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = phase.exec(sen.text))) {
        // The year: the nearest “YYYY年是 / 今年是 / 明年是” before it.
        const head = sen.text.slice(0, m.index);
        let y: RegExpExecArray | null;
        let last: RegExpExecArray | undefined;
        RE.lastIndex = 0;
        while ((y = RE.exec(head))) last = y;
        if (!last || !/^[^，,。；;]{0,3}是/.test(head.slice(last.index + last[0].length)) && !/是/.test(head.slice(last.index + last[0].length))) continue;
        let year: number | undefined;
        if (last[1]) year = Number(last[1]);
        else if (ctx.documentDate) year = ctx.documentDate.year + (last[0] === '明年' ? 1 : 0);
        if (year === undefined) continue;
        const plan = plans.find(p => p.name === m![1]);
        if (!plan) continue;
        const isStart = /开局|起步|第一年/.test(m[2]);
        const isEnd = /收官|最后一年/.test(m[2]);
        const want = isStart ? plan.start : isEnd ? plan.end : undefined;
        if (m[2] === '决胜之年' && (year < plan.start || year > plan.end)) {
          // 决胜之年 can be any late year of the plan, but not outside it.
        } else if (want === undefined || want === year) continue;
        const which = isStart ? '开局之年' : isEnd ? '收官之年' : '规划期';
        ctx.report({
          offset: sen.offset + last.index,
          length: last[0].length,
          message: `“${plan.name}”规划为${plan.start}—${plan.end}年，${which}${want !== undefined ? `是${want}年` : ''}，与“${last[0]}”${last[1] ? '' : `（${year}年）`}不符`,
          related: [{ offset: sen.offset + m.index, length: m[0].length, message: `“${plan.name}”${m[2]}` }],
        });
      }
      // YYYY年是实现“十三五”规划目标任务的关键一年: another role of a year inside the plan (关键一年, 攻坚之年) needs a
      // year within its period. The year before it may be the one that prepares it (谋划“十四五”的关键一年), so only a
      // year more than one before the start or after the end is reported, and not where the plan is being prepared.
      inside.lastIndex = 0;
      while ((m = inside.exec(sen.text))) {
        const plan = plans.find(p => p.name === m![2]);
        if (!plan) continue;
        if (/谋划|编制|制定|打基础|准备|布局|前期|衔接|启动/.test(m[0])) continue;
        const year = Number(m[1]);
        if (year >= plan.start - 1 && year <= plan.end) continue;
        ctx.report({
          offset: sen.offset + m.index,
          length: m[1].length + 1,
          message: `“${plan.name}”规划为${plan.start}—${plan.end}年，“${m[1]}年”不在规划期内，不能是其${m[3]}`,
        });
      }
    }
  },
};
