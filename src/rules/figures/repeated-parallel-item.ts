// 紧扣政治引领……/紧扣民生福祉……/紧扣政治引领…… → 第3项与第1项重复.
import type { Rule } from '../../core/types';
import { isHan } from '../../core/document';
import { trimEndChars } from '../../core/trim';
import { ordinalItems } from './count-mismatch';
import { toChineseInt } from '../../core/numbers';
import { packWords } from './_lib/figure-helpers';

const LEAD = /^[^，,。：:；;！!？?]{3,24}(?=[，,。：:；;])/;

export const repeatedParallelItem: Rule = {
  meta: {
    id: 'figures/repeated-parallel-item',
    category: 'figures',
    defaultSeverity: 'error',
    description: '并列的段落、分项或列举项重复（第三个“紧扣政治引领”重复了第一个）',
    docs:
      '并列结构中的各项应各不相同。检查四种并列：连续三段以上以相同字词开头的并列段落（如“紧扣政治引领，……”“紧扣民生福祉，……”），比较各段的小标题（第一个逗号或句号之前的部分）；同一段中的“一是……二是……三是……”，比较各项开头的短语；顿号列举中完全相同的两项；同一上级标题下编号不同而标题相同的两个同级标题（“（一）加强预付费资金监管”与“（三）加强预付费资金监管”；目录与正文中编号、标题都相同的不算，从（一）重新编号的是另一组）。诊断标在重复的那一项上，并指向与之重复的前一项。',
    examples: [
      {
        bad: '紧扣政治引领,在团结统战中凝聚共识。……\n紧扣民生福祉,在践行初心中凝聚共识。……\n紧扣政治引领,在建言资政中凝聚共识。……',
        good: '……第三项改为本项实际内容，如“紧扣履职尽责,在建言资政中凝聚共识”',
      },
    ],
    fixable: false,
  },
  check(ctx) {
    const doc = ctx.doc;
    // (1) Runs of consecutive paragraphs that open with the same two characters.
    const paras = doc.paragraphs;
    let i = 0;
    while (i < paras.length) {
      const head = paras[i].text.slice(0, 2);
      let j = i + 1;
      if (/^[\u4e00-\u9fff]{2}$/.test(head)) while (j < paras.length && paras[j].text.slice(0, 2) === head) j++;
      if (j - i >= 3) {
        const seen = new Map<string, number>();
        const leads = paras.slice(i, j).map(p => LEAD.exec(p.text)?.[0].trim() ?? '');
        for (let k = i; k < j; k++) {
          const key = leads[k - i];
          if (!key) continue;
          // Anaphora (五年来，……／五年来，……; 会议强调，……) repeats on purpose: the repeated lead must be
          // longer than what all the leads share, and not a reporting verb.
          if (leads.every(l => l.startsWith(key)) || packWords(ctx, 'discourseOpeners', 'start').test(key) || packWords(ctx, 'speechVerbs', 'end').test(key)) continue;
          const m = [key];
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, k);
            continue;
          }
          const p = paras[k];
          const stop = p.text.search(/[。！!？?]/);
          const len = stop > 0 ? stop : Math.min(p.text.length, m[0].length);
          ctx.report({
            offset: p.offset,
            length: len,
            message: `并列段落的第${k - i + 1}项“${key}”与第${first - i + 1}项重复：并列各项应各不相同，请核对本项标题`,
            related: [{ offset: paras[first].offset, length: m[0].length, message: `第${first - i + 1}项` }],
          });
        }
      }
      i = Math.max(j, i + 1);
    }
    // (2) 一是……二是…… items in one paragraph with the same opening phrase.
    for (const p of paras) {
      const ord = ordinalItems(p.text.slice(p.text.indexOf('一是') >= 0 ? p.text.indexOf('一是') : p.text.length));
      if (ord.count < 2) continue;
      const base = p.text.indexOf('一是');
      const seen = new Map<string, number>();
      ord.at.forEach((a, k) => {
        const itemText = p.text.slice(base + a + 2);
        const m = /^[^，,。：:；;]{2,20}/.exec(itemText);
        if (!m) return;
        const key = m[0];
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, k);
          return;
        }
        ctx.report({
          offset: p.offset + base + a,
          length: 2 + key.length,
          message: `分项“${toChineseInt(k + 1)}是${key}”与“${toChineseInt(first + 1)}是${key}”重复：并列各项应各不相同`,
          related: [{ offset: p.offset + base + ord.at[first], length: 2 + key.length, message: '与之重复的分项' }],
        });
      });
    }
    // (4) Two numbered headings under one parent with the same title ((一)加强预付费资金监管 … (三)加强预付费资金监管).
    // The siblings seen so far, by numbering style, under the current headings of higher levels.
    type Sibling = { h: (typeof doc.headings)[number]; key: string };
    const groups: { level: number; style: string; items: Sibling[] }[] = [];
    for (const h of doc.headings) {
      // An unnumbered heading, or one of a higher level, closes the groups below it.
      const open = groups.filter(g => h.numbering && g.level <= h.level);
      groups.length = 0;
      groups.push(...open);
      if (!h.numbering) continue;
      const key = trimEndChars(h.title, '。．.：:，,；;！!？?', true).trim();
      let g = groups.find(x => x.level === h.level && x.style === h.numbering!.style);
      // A list that starts again at (一) is another list (the items of the next article of a regulation).
      if (g && h.numbering.value === 1) g.items = [];
      if (!g) groups.push((g = { level: h.level, style: h.numbering.style, items: [] }));
      if ([...key].filter(isHan).length >= 4 && key.length <= 24) {
        // The same number and title again is a table of contents and its body, not two items.
        const first = g.items.find(x => x.key === key && x.h.numbering!.value !== h.numbering!.value);
        if (first)
          ctx.report({
            offset: h.offset,
            length: h.numbering.raw.length + key.length,
            message: `同级标题“${h.numbering.raw}${key}”与前面的“${first.h.numbering!.raw}${key}”重复：并列各项应各不相同，请核对本项标题`,
            related: [{ offset: first.h.offset, length: first.h.numbering!.raw.length + key.length, message: '与之重复的标题' }],
          });
      }
      g.items.push({ h, key });
    }
    // (3) The same item twice in one 、-list.
    for (const en of doc.enumerations) {
      const seen = new Map<string, number>();
      // The last item carries the clause's tail (医疗等问题): compare what comes before 等.
      const keys = en.items.map((it, k) => (k === en.items.length - 1 ? it.text.replace(/等.*$/, '') : it.text));
      // Every item the same is repetition on purpose (滴答、滴答; 面积、面积), not a list; with every item different
      // there is nothing to report (most lists: the median and the map below are not needed).
      const distinct = new Set(keys).size;
      if (distinct === 1 || distinct === keys.length) continue;
      // An item far longer than the others holds a verb and joins two lists (经济建设、政治建设、文化建设三位一体
      // 发展为经济建设、政治建设……): a repeat across it is the second list, not a duplicate.
      const lengths = keys.map(k => k.length).sort((a, b) => a - b);
      const median = lengths[lengths.length >> 1];
      en.items.forEach((it, k) => {
        const key = keys[k];
        if (key.length > 10 && key.length > 2 * median) {
          seen.clear();
          return;
        }
        // Figures repeat in a list of results or scores (6.4%、6.2%、6.0%、6.0%; 11∶5、11∶5).
        if (key.length < 2 || /^[\d.,:∶%％+\-／/·\s]+$/.test(key)) return;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, k);
          return;
        }
        ctx.report({
          offset: it.offset,
          length: key.length,
          message: `列举项“${key}”重复出现（第${first + 1}项与第${k + 1}项）：请删去重复项或改为应列的内容`,
          related: [{ offset: en.items[first].offset, length: en.items[first].length, message: '与之重复的列举项' }],
        });
      });
    }
  },
};
