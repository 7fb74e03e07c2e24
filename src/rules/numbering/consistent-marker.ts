// 1. …2、…3. → 2、 should be 2.: the same numbering style written the same way throughout the document.
import type { Rule } from '../../core/types';
import type { NumberingStyle } from '../../core/document';
import { isNumberingMarker, markerShape, numberedItems } from './_lib/numbered-sequences';

const STYLE_NAME: Record<NumberingStyle, string> = {
  'cn-dun': '“一、”式编号',
  'cn-paren': '“（一）”式编号',
  'arabic-dot': '“1.”式编号',
  'arabic-paren': '“（1）”式编号',
  circled: '“①”式编号',
  'cn-ordinal': '“第一，”式编号',
};

export const consistentMarker: Rule = {
  meta: {
    id: 'numbering/consistent-marker',
    category: 'numbering',
    defaultSeverity: 'warning',
    description: '同一种编号的写法不统一（如“1.”和“1、”混用）',
    docs:
      '同一层级的编号在全文中应写成同一种格式：阿拉伯数字编号统一用“1.”（或统一用“1、”），“第一，”和“第一、”不混用。' +
      '规则找出每种编号在文中最常见的写法，报告与之不同的编号，并可自动改成最常见的写法。' +
      '括号的全角、半角差异（“(一)”与“（一）”）由 punctuation/half-width 报告并改为全角，本规则不重复报告。',
    examples: [
      { bad: '1. 加强学习……\n2、深化协商……\n3. 强化监督……', good: '1. 加强学习……\n2. 深化协商……\n3. 强化监督……' },
    ],
    fixable: true,
  },
  check(ctx) {
    const { doc } = ctx;
    const byStyle = new Map<NumberingStyle, { shape: string; raw: string; offset: number; length: number }[]>();
    for (const h of numberedItems(doc)) {
      const n = h.numbering;
      if (!n || !isNumberingMarker(doc, h)) continue;
      const list = byStyle.get(n.style) ?? [];
      list.push({ shape: markerShape(n.raw), raw: n.raw, offset: n.offset, length: n.length });
      byStyle.set(n.style, list);
    }
    for (const [style, list] of byStyle) {
      const counts = new Map<string, number>();
      for (const it of list) counts.set(it.shape, (counts.get(it.shape) ?? 0) + 1);
      if (counts.size < 2) continue;
      // The most common shape wins; on a tie, the first one used.
      let best = list[0].shape;
      for (const [shape, c] of counts) if (c > counts.get(best)!) best = shape;
      const example = list.find(it => it.shape === best)!.raw;
      for (const it of list) {
        if (it.shape === best) continue;
        const num = /\d+|[零〇一二两三四五六七八九十百千]+|[①-⑳]/.exec(it.raw)![0];
        const good = example.replace(/\d+|[零〇一二两三四五六七八九十百千]+|[①-⑳]/, num);
        // The smallest edit: the marker's punctuation only (the number stays).
        const numAt = it.raw.indexOf(num);
        const goodNumAt = good.indexOf(num);
        const before = [it.raw.slice(0, numAt), good.slice(0, goodNumAt)];
        const after = [it.raw.slice(numAt + num.length), good.slice(goodNumAt + num.length)];
        const fix =
          before[0] === before[1]
            ? { offset: it.offset + numAt + num.length, length: after[0].length, text: after[1] }
            : after[0] === after[1]
              ? { offset: it.offset, length: numAt, text: before[1] }
              : { offset: it.offset, length: it.length, text: good };
        ctx.report({
          offset: it.offset,
          length: it.length,
          message: `${STYLE_NAME[style]}写法不统一：此处为“${it.raw}”，文中多为“${example}”这种写法，应改为“${good}”`,
          fix,
          expected: good,
        });
      }
    }
  },
};
