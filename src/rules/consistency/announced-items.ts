// 在“学、思、践、悟”上下功夫：在“学”上……在“践”上……在“思”上…… → the items are taken up in another order (or one is not announced).
import type { Rule } from '../../core/types';

const ITEM = /^[\u3400-\u9fff]{1,5}$/;
/** Paragraphs after the announcement searched for its items. */
const REACH = 8;
/** The longest announcement: 8 items of 5 characters and 7 marks between them. */
const MAX_ANNOUNCEMENT = 8 * 5 + 7;
/** Quotations looked at after an announcement (within REACH paragraphs): bounds the work on a page of quotes. */
const MAX_FOLLOWING = 500;

/** A quoted counted formulation (“三个转变”“四个统一”): its count and its key word. */
const COUNTED = /^([一二三四五六七八九十两])个([\u3400-\u9fff]{2,4})$/;
const CN_COUNT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * 实现“三个转变”：从……向……转变，从……向……转变 → two items for three. The items follow the quotation in the same
 * sentence, after a colon or 即/就是, each a clause (between 、，；) that contains the key word (转变). Lists
 * introduced by 即 and written with 、 only are figures/count-mismatch's; lists numbered 一是/第一 are too.
 */
function countedItems(ctx: Parameters<Rule['check']>[0]): void {
  const doc = ctx.doc;
  for (const q of doc.quotes) {
    if (!'“「'.includes(q.openMark)) continue;
    const m = COUNTED.exec(doc.masked.slice(q.open + 1, q.close));
    if (!m) continue;
    const n = CN_COUNT[m[1]];
    const key = m[2];
    const after = doc.masked.slice(q.close + 1, q.close + 400);
    const lead = /^(?:[：:]|[，,]?(?:即|就是|也就是|主要是)[：:，,]?)/.exec(after);
    if (!lead) continue;
    const end = after.search(/[。！？!?\n]/);
    const list = after.slice(lead[0].length, end < 0 ? after.length : end);
    if (/(?:^|[，,；;：:])(?:[一二三四五六七八九十]是|第[一二三四五六七八九十][，,、：:]|首先)/.test(list)) continue;
    const clauses = list.split(/[、，,；;]/);
    const seps = list.match(/[、，,；;]/g) ?? [];
    if (/即|就是/.test(lead[0]) && seps.every(c => c === '、')) continue;
    const items = clauses.filter(c => c.includes(key));
    const k = items.length;
    if (k < 2 || k === n) continue;
    ctx.report({
      offset: q.open + 1,
      length: q.close - q.open - 1,
      message: `总括为“${m[0]}”，其后列出含“${key}”的${k}项，数目不符，请核对${k < n ? '是否漏写' : '总数'}`,
      severity: k < n ? 'info' : undefined,
    });
  }
}

export const announcedItems: Rule = {
  meta: {
    id: 'consistency/announced-items',
    category: 'consistency',
    defaultSeverity: 'warning',
    description: '总括的并列项（如“学、思、践、悟”“三个转变”）与下文逐项展开的项顺序、数目不一致或对不上',
    docs:
      '文稿先用一个引号总括几项（在“学、思、践、悟”上下功夫，做到“懂政协、会协商、善议政”），下文再逐项加引号展开（在“学”上……在“思”上……）。' +
      '下文展开的项与总括的项顺序不一致时报告；展开时出现一个总括中没有、但与其中某项只差一个字的项（“践”写成“建”）时也报告。' +
      '只比较总括后同一段和其后 8 段内加引号的单项；展开不足两项时不检查。' +
      '引号内的计数提法（实现“三个转变”、坚持“四个统一”）后面用冒号或“即”“就是”在同一句中列出各项、各项不加引号时，数出含关键词（“转变”“统一”）的分句：多于总数时报告，少于总数时提示（可能漏写一项）。用“一是……”编号或“即”后只用顿号列举的，由 figures/count-mismatch 核对。',
    examples: [
      { bad: '在“学、思、践、悟”上下功夫。在“学”上……在“践”上……在“思”上……', good: '在“学”上……在“思”上……在“践”上……' },
      { bad: '推动实现“三个转变”：从注重数量向注重质量转变，从单向发力向双向发力转变。', good: '（补齐第三项，或改为“两个转变”）' },
    ],
    fixable: false,
  },
  check(ctx) {
    countedItems(ctx);
    const doc = ctx.doc;
    const quotes = doc.quotes.filter(q => '“「'.includes(q.openMark));
    const paraOf = (o: number) => doc.paragraphAt(o)?.index ?? -1;
    // 、 before each offset of the masked text (built on first need): how many a quotation holds, without slicing it.
    let duns: Int32Array | undefined;
    const dunsIn = (a: number, b: number): number => {
      if (!duns) {
        duns = new Int32Array(doc.masked.length + 1);
        for (let i = 0; i < doc.masked.length; i++) duns[i + 1] = duns[i] + (doc.masked.charCodeAt(i) === 0x3001 ? 1 : 0);
      }
      return duns[b] - duns[a];
    };
    for (let qi = 0; qi < quotes.length; qi++) {
      const q = quotes[qi];
      // At most 8 items of at most 5 characters: a longer quotation is no announcement (checked before slicing it,
      // so that nested quotations stay linear).
      if (q.close - q.open - 1 > MAX_ANNOUNCEMENT) continue;
      const inner = doc.masked.slice(q.open + 1, q.close);
      const items = inner.split('、');
      if (items.length < 2 || items.length > 8 || !items.every(i => ITEM.test(i)) || new Set(items).size !== items.length) continue;
      const para = paraOf(q.open);
      const seen: { idx: number; offset: number; length: number; text: string }[] = [];
      for (let k = qi + 1; k < quotes.length && k <= qi + MAX_FOLLOWING; k++) {
        const r = quotes[k];
        if (paraOf(r.open) - para > REACH) break;
        if (r.close - r.open - 1 > MAX_ANNOUNCEMENT) {
          // Too long to be an item (or a near one): only “another announcement” matters, counted without a slice.
          const d = dunsIn(r.open + 1, r.close);
          if (d > 0 && d + 1 === items.length) break;
          continue;
        }
        const t = doc.masked.slice(r.open + 1, r.close);
        if (t.includes('、') && t.split('、').length === items.length) break; // another announcement
        const idx = items.indexOf(t);
        if (idx >= 0) {
          if (!seen.some(s => s.idx === idx)) seen.push({ idx, offset: r.open + 1, length: t.length, text: t });
          continue;
        }
        // Not announced, but one character from an announced item that is not taken up yet.
        if (seen.length && t.length === items[0].length) {
          const near = items.findIndex((it, i) => it.length === t.length && !seen.some(s => s.idx === i) && [...it].filter((c, j) => c !== t[j]).length === 1 && it.length >= 2);
          if (near >= 0) {
            ctx.report({ offset: r.open + 1, length: t.length, message: `总括为“${inner}”，此处“${t}”疑为“${items[near]}”` });
            seen.push({ idx: near, offset: r.open + 1, length: t.length, text: t });
          }
        }
      }
      if (seen.length < 2) continue;
      for (let s = 1; s < seen.length; s++) {
        if (seen[s].idx > seen[s - 1].idx) continue;
        ctx.report({
          offset: seen[s].offset,
          length: seen[s].length,
          message: `总括为“${inner}”，下文展开的顺序不一致：“${seen[s].text}”出现在“${seen[s - 1].text}”之后`,
        });
        break;
      }
    }
  },
};
