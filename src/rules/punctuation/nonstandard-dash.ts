// 这就是──人民政协 → 这就是——人民政协; 三~五年 → 三～五年: dashes typed with look-alike characters.
import type { Rule } from '../../core/types';
import { isHan } from '../../core/document';

/** Characters that look like a dash but are not the em dash U+2014: box drawing, horizontal bar, hyphens, minus. */
const LOOK_ALIKE = '─━―‒–－−';
const CHINESE_NUMERAL = /[〇零一二三四五六七八九十百千万亿两]/;

/** True when `ch` is Chinese text or a full-width mark around which a Chinese dash stands. */
function chineseSide(ch: string | undefined): boolean {
  return !!ch && (isHan(ch) || /[，。、；：？！“”‘’《》（）]/.test(ch));
}

export const nonstandardDash: Rule = {
  meta: {
    id: 'punctuation/nonstandard-dash',
    category: 'punctuation',
    defaultSeverity: 'warning',
    description: '不规范的破折号、连接号（制表符“──”、连字符“--”、半角“~”等）',
    docs:
      '破折号应为两个“—”（U+2014）连用的“——”。从表格、网页或输入法带进来的形似字符不是破折号：制表符“──”“━━”、横线“――”（U+2015）、' +
      '连字符或减号连用“--”“－－”“––”，以及“—”与这些字符混用；中文句中两个连字符或一个形似字符占两个字位置时，都应改为“——”。' +
      '中文数字之间表示范围的半角“~”应为全角浪纹线“～”（GB/T 15834—2011 4.13）。可自动修复。',
    examples: [
      { bad: '这就是──人民政协的优势', good: '这就是——人民政协的优势' },
      { bad: '委员们--尤其是基层委员--', good: '委员们——尤其是基层委员——' },
      { bad: '用三~五年时间', good: '用三～五年时间' },
    ],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const t = p.text;
      for (let i = 0; i < t.length; i++) {
        const ch = t[i];
        if (ch === '~') {
          if (CHINESE_NUMERAL.test(t[i - 1] ?? '') && CHINESE_NUMERAL.test(t[i + 1] ?? '')) {
            ctx.report({
              offset: p.offset + i,
              length: 1,
              message: '中文数字之间表示范围应使用全角浪纹线“～”，不用半角“~”',
              fix: { offset: p.offset + i, length: 1, text: '～' },
              expected: '～',
              source: 'GB/T 15834—2011 4.13',
            });
          }
          continue;
        }
        if (!LOOK_ALIKE.includes(ch) && ch !== '-' && ch !== '—') continue;
        // A run of dash-like characters.
        let j = i;
        while (j < t.length && (LOOK_ALIKE.includes(t[j]) || t[j] === '-' || t[j] === '—')) j++;
        const run = t.slice(i, j);
        const before = t[i - 1];
        const after = t[j];
        const chinese = chineseSide(before) || chineseSide(after);
        const lookAlikes = [...run].filter(c => c !== '—').length;
        // A lone hyphen or minus (2019-2020, A-1) and the correct —— and — are left alone; runs of box-drawing
        // characters away from Chinese text are rules of a table, not dashes.
        const dashLike = run.length >= 2 && lookAlikes > 0 && chinese && !(run === '--' && !isHan(before ?? '') && !isHan(after ?? ''));
        if (dashLike && run.length <= 4) {
          ctx.report({
            offset: p.offset + i,
            length: run.length,
            message: `“${run}”不是规范的破折号，应为两个“—”连用的“——”`,
            fix: { offset: p.offset + i, length: run.length, text: '——' },
            expected: '——',
            source: 'GB/T 15834—2011 4.9',
          });
        }
        i = j - 1;
      }
    }
  },
};
