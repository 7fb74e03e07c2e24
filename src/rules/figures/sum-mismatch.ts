// “确定10个重点协商议题:2次专题议政性常委会会议……;7次专题协商会……” → 分项合计9，与“10个重点协商议题”不符.
import type { Rule } from '../../core/types';
import { isLowerBound, isRough, isUpperBound } from '../../core/ledger';
import { bySentence, isAmount, ledger, named, relatedAt } from './_lib/figure-helpers';

export const sumMismatch: Rule = {
  meta: {
    id: 'figures/sum-mismatch',
    category: 'figures',
    defaultSeverity: 'warning',
    description: '总数与冒号后各分项之和不符',
    docs:
      '“总数 + 冒号 + 用分号隔开的分项”结构中，每个分项都以数字开头时，各分项之和应等于总数。例如“确定10个重点协商议题：2次专题议政性常委会会议……；8次专题协商会……”中 2 + 8 = 10。分项带概数（余、多、约）或总数带概数时不核对。',
    examples: [
      { bad: '确定十个重点协商议题：两次专题议政性常委会会议；九次专题协商会。', good: '确定十个重点协商议题：两次专题议政性常委会会议；八次专题协商会。' },
    ],
    fixable: false,
    paragraphLocal: true,
  },
  check(ctx) {
    const groups = bySentence(ledger(ctx));
    for (const [si, entries] of groups) {
      const sen = ctx.doc.sentences[si];
      for (const total of entries) {
        if (!isAmount(total) || total.quoted || isRough(total) || isLowerBound(total) || isUpperBound(total)) continue;
        // The total's noun phrase runs to a colon with no other punctuation in between.
        const relEnd = total.offset + total.length - sen.offset;
        const head = /^[^，,；;。：:、“”（）()]{0,16}[：:]/.exec(sen.text.slice(relEnd));
        if (!head) continue;
        const listStart = relEnd + head[0].length;
        const body = sen.text.slice(listStart);
        const segs: { start: number; text: string }[] = [];
        let s = 0;
        for (let i = 0; i <= body.length; i++) {
          if (i === body.length || body[i] === '；' || body[i] === ';') {
            const raw = body.slice(s, i);
            const lead = raw.length - raw.trimStart().length;
            if (raw.trim()) segs.push({ start: sen.offset + listStart + s + lead, text: raw.trim() });
            s = i + 1;
          }
        }
        if (segs.length < 2) continue;
        const firsts = segs.map(g => entries.find(e => e.offset === g.start && isAmount(e)));
        if (firsts.some(f => !f || isRough(f) || isLowerBound(f) || isUpperBound(f))) continue;
        const parts = firsts as NonNullable<(typeof firsts)[number]>[];
        const sum = parts.reduce((a, p) => a + p.value, 0);
        if (Math.abs(sum - total.value) < 1e-9) continue;
        // One is no total (交出了一份成绩单：……); parts numbered 1, 2, 3 are labels (分两期实施：一期……；二期……);
        // a day of the month is a date (两件大事：27日……；26日……).
        if (total.value <= 1 || parts.every((p, i) => p.value === i + 1) || parts.some(p => /^日/.test(ctx.doc.text.slice(p.numberOffset + p.numberText.length)))) continue;
        ctx.report({
          offset: total.offset,
          length: total.length,
          message: `分项合计${sum}（${parts.map(p => p.value).join('+')}），与总数“${total.raw}”不符，请核对总数或分项`,
          related: parts.map(p => relatedAt(p, `分项：${named(p)}`)),
        });
      }
    }
  },
};
