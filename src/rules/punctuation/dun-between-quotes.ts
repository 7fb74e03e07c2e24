// “一国两制”、“港人治港” → “一国两制”“港人治港”: GB/T 15834-2011 lets quoted or titled items stand without 顿号.
import type { Rule } from '../../core/types';
import { proseRegister } from '../../core/register';

/** ”、“  ’、‘  》、《 : the same kind of mark on both sides of the 顿号. */
const PATTERN = /(”|’|》|」|』)[ \t]*、[ \t]*(“|‘|《|「|『)/g;
const MATCH: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '」': '「', '』': '『' };

/** Short quoted or titled items side by side without a 顿号 (“一国两制”“港人治港”, 《论语》《孟子》); two quoted
 *  sentences in a row (…。”“…) are speech, not a series. */
const ADJACENT = /“[^“”。！？，；\n]{1,12}”[ \t]*“[^“”。！？，；\n]{1,12}”|‘[^‘’。！？，；\n]{1,12}’[ \t]*‘|《[^《》\n]{1,30}》[ \t]*《|「[^「」。！？，；\n]{1,12}」[ \t]*「|『[^『』\n]{1,30}』[ \t]*『/;

const OPENERS = '“‘《「『';
const CLOSERS = '”’》」』';
/** What may follow the last quoted item of a series: the clause's end, or a word that closes the series (等, 和…). */
const SERIES_END = /^(?:$|[，。；：！？,.;:!?）)\]】…—\s]|等|和|与|及|或|以及|这|两|三|四|五|六|七|八|九|十)/;

/**
 * True when every item of the 顿号 series around `at` (the 顿号's index in `t`) is a whole quoted or titled item:
 * “一国两制”、“港人治港”、“澳人治澳” yes; “一国两制”、“港人治港”、高度自治 no (a bare item in the series);
 * “海河英才”、“鲲鹏”行动计划 no (text after the closing mark makes the quote part of a longer item). Only then
 * may the 顿号 go.
 */
function allItemsQuoted(t: string, at: number): boolean {
  // Rightwards: each item must be opener … closer, then 、 and the next opener, or the end of the series.
  const skipSpace = (k: number, step: number) => {
    while (t[k] === ' ' || t[k] === '\t') k += step;
    return k;
  };
  let i = at;
  for (;;) {
    const open = skipSpace(i + 1, 1);
    if (!OPENERS.includes(t[open] ?? '')) return false;
    const close = t.indexOf(CLOSERS[OPENERS.indexOf(t[open])], open + 1);
    if (close < 0) return false;
    const dun = skipSpace(close + 1, 1);
    if (t[dun] === '、') {
      i = dun;
      continue;
    }
    const after = t.slice(close + 1);
    if (!SERIES_END.test(after)) return false;
    break;
  }
  // Leftwards: the item before each 、 must end with a closer whose opener is preceded by 、 (another item) or
  // by the words that introduce the series.
  let j = at;
  for (;;) {
    const closeAt = skipSpace(j - 1, -1);
    const closer = t[closeAt];
    if (!CLOSERS.includes(closer ?? '')) return false;
    const open = t.lastIndexOf(OPENERS[CLOSERS.indexOf(closer)], closeAt - 1);
    if (open < 0) return false;
    const before = skipSpace(open - 1, -1);
    if (t[before] === '、') {
      j = before;
      continue;
    }
    return true;
  }
}

export const dunBetweenQuotes: Rule = {
  meta: {
    id: 'punctuation/dun-between-quotes',
    category: 'punctuation',
    defaultSeverity: 'info',
    description: '并列的引号或书名号之间可以不用顿号',
    docs:
      'GB/T 15834—2011 第 4.5.3.5 条：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号，' +
      '如“一国两制”“港人治港”、《论语》《孟子》。若引号或书名号后还有括注等其他成分，宜用顿号，本规则不报告这种情况。' +
      '并列项中有不带引号的项（“一国两制”、“港人治港”、高度自治），或引号后还有文字（“海河英才”行动计划），顿号不能删，本规则不报告。' +
      '两种写法在公开文稿中都常见，所以本规则只是提示（info）；新闻、通讯等文体的稿件多保留顿号，只在同一段里两种写法混用时提示，在编辑器中提供删去顿号的快速修复，不参与自动修复；单位统一使用顿号时，可在配置中关闭本规则。',
    examples: [
      { bad: '坚持“一国两制”、“港人治港”、“澳人治澳”', good: '坚持“一国两制”“港人治港”“澳人治澳”' },
      { bad: '学习《论语》、《孟子》', good: '学习《论语》《孟子》' },
    ],
    fixable: false,
    paragraphLocal: true,
  },
  check(ctx) {
    const { doc } = ctx;
    // News and features keep the 顿号 as their house style (GB/T 15834 says only 通常不用): there the hint is given only
    // in a paragraph that also writes quoted items side by side without it, that is, where the writing is mixed.
    const informal = proseRegister(ctx) === 'informal';
    for (const p of doc.paragraphs) {
      if (informal && !ADJACENT.test(p.text)) continue;
      PATTERN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PATTERN.exec(p.text))) {
        if (MATCH[m[1]] !== m[2]) continue;
        const start = p.offset + m.index + 1;
        const length = m[0].length - 2;
        const name = m[1] === '》' ? '书名号' : '引号';
        // The two items as written, for the message (just the marks when an item is long).
        const t = p.text;
        const left = t.lastIndexOf(MATCH[m[1]], m.index);
        const right = t.indexOf(m[1], m.index + m[0].length);
        // Empty items (“”、“”) are punctuation/empty-pair's finding.
        if (m.index === left + 1 || right === m.index + m[0].length) continue;
        // A series with a bare item, or a quote that is only part of an item: the 顿号 stays (GB/T 15834 4.5.3.5).
        if (!allItemsQuoted(t, m.index + m[0].indexOf('、'))) {
          PATTERN.lastIndex = m.index + m[0].length - 1;
          continue;
        }
        const shown =
          left >= 0 && right >= 0 && m.index - left <= 16 && right - (m.index + m[0].length) <= 16
            ? [t.slice(left, m.index + 1), t.slice(m.index + m[0].length - 1, right + 1)]
            : [m[1], m[2]];
        ctx.report({
          offset: start,
          length,
          message: `并列的${name}之间通常不用顿号：${shown.join('、')} 可写作 ${shown.join('')}`,
          // Never applied by a fix-all: both styles are accepted, so the writer decides (quick fix in the editor).
          suggestions: [{ offset: start, length, text: '' }],
          expected: `${m[1]}${m[2]}`,
          source: 'GB/T 15834—2011 4.5.3.5',
        });
        PATTERN.lastIndex = m.index + m[0].length - 1;
      }
    }
  },
};
