// ２０２０年 → 2020年, ＧＤＰ → GDP: full-width digits and Latin letters in Chinese prose are written half-width.
import type { Rule } from '../../core/types';

/** A run of full-width digits/letters, with a full-width ． between digits (１．５). */
const RUN = /[０-９Ａ-Ｚａ-ｚ]+(?:[．][０-９]+)*/g;

/** Full-width form → half-width (U+FF01..U+FF5E map to U+0021..U+007E). */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

export const fullWidthAlnum: Rule = {
  meta: {
    id: 'format/full-width-alnum',
    category: 'format',
    defaultSeverity: 'warning',
    description: '全角数字或全角英文字母应改为半角',
    docs:
      '按照 GB/T 15835—2011《出版物上数字用法》，阿拉伯数字使用半角形式；中文中夹用的外文字母也使用半角。' +
      '用全角输入法录入的“２０２０年”“ＧＤＰ”在排版、检索和数字核对中都会出问题。可自动改为半角，其余文字不变。' +
      '全角百分号“％”和全角标点不在本规则范围内。',
    examples: [{ bad: '全年收到提案１５０１件，ＧＤＰ增长５．５％', good: '全年收到提案1501件，GDP增长5.5％' }],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.paragraphs) {
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(p.text))) {
        const offset = p.offset + m.index;
        const good = toHalfWidth(m[0]);
        const kind = /[０-９]/.test(m[0]) ? (/[Ａ-Ｚａ-ｚ]/.test(m[0]) ? '全角数字和字母' : '全角数字') : '全角字母';
        ctx.report({
          offset,
          length: m[0].length,
          message: `“${m[0]}”使用了${kind}，应改为半角“${good}”`,
          fix: { offset, length: m[0].length, text: good },
          expected: good,
          source: 'GB/T 15835—2011《出版物上数字用法》',
        });
      }
    }
  },
};
