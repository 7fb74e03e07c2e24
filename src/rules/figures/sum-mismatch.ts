// “确定10个重点协商议题:2次专题议政性常委会会议……;7次专题协商会……” → 分项合计9，与“10个重点协商议题”不符.
import type { Rule, RuleContext } from '../../core/types';
import { bySentence, isAmount, isExact, LedgerEntry, ledger, named, relatedAt } from './_lib/figure-helpers';

const exact = (e: LedgerEntry) => isAmount(e) && !e.quoted && isExact(e);

/**
 * Parts listed with 、 and then their total (安排专题协商会3次、对口协商会4次、提案办理协商会5次，共计协商活动11次):
 * the total must be their sum. Not when the list is open (等) or the total names a wider class (各类, 其他).
 */
function checkListThenTotal(ctx: RuleContext, senOffset: number, entries: LedgerEntry[]) {
  const text = ctx.doc.text;
  for (let t = 2; t < entries.length; t++) {
    const total = entries[t];
    if (!exact(total)) continue;
    const lead = /[，,](?:全年|全市|全省|全区|全县|一年来)?(?:共计|合计|总计|共)([^，,；;。：:、\d]{0,12})$/.exec(text.slice(Math.max(senOffset, total.offset - 18), total.offset));
    if (!lead || /各类|各项|其他|其它|等/.test(lead[1])) continue;
    // The parts: the figures right before, each after a label and joined by 、, ending at the comma before 共计.
    const parts: LedgerEntry[] = [];
    for (let k = t - 1; k >= 0; k--) {
      const p = entries[k];
      const gap = text.slice(p.offset + p.length, (parts.length ? parts[parts.length - 1].offset : total.offset - lead[0].length));
      const ok = parts.length ? /^、[^，,；;。：:、\d]{1,12}$/.test(gap) : gap === '';
      if (!ok || !exact(p) || p.unit !== total.unit || !p.unit) break;
      parts.push(p);
    }
    if (parts.length < 2) continue;
    parts.reverse();
    const sum = parts.reduce((a, p) => a + p.value, 0);
    if (Math.abs(sum - total.value) < 1e-9) continue;
    ctx.report({
      offset: total.offset,
      length: total.length,
      message: `所列各项合计${Number(sum.toFixed(6))}${total.unit}（${parts.map(p => p.value).join('+')}），与总数“${total.raw}”不符，请核对总数或分项`,
      related: parts.map(p => relatedAt(p, `分项：${named(p)}`)),
    });
  }
}

export const sumMismatch: Rule = {
  meta: {
    id: 'figures/sum-mismatch',
    category: 'figures',
    defaultSeverity: 'warning',
    description: '总数与所列各分项之和不符',
    docs:
      '“总数 + 冒号 + 用分号隔开的分项”结构中，每个分项都以数字开头时，各分项之和应等于总数。例如“确定10个重点协商议题：2次专题议政性常委会会议……；8次专题协商会……”中 2 + 8 = 10。分项带概数（余、多、约）或总数带概数时不核对。\n\n' +
      '用顿号列出几项、随后“共计（合计、总计、共）……N”时，N 应等于各项之和：“专题协商会3次、对口协商会4次、提案办理协商会5次，共计协商活动11次”应为12次。列举未完（“等”）或总数是更宽的一类（各类、其他）时不核对。',
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
      checkListThenTotal(ctx, sen.offset, entries);
      for (const total of entries) {
        if (!exact(total)) continue;
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
        if (firsts.some(f => !f || !isExact(f))) continue;
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
