// “一国两制”、“港人治港” → “一国两制”“港人治港”: GB/T 15834-2011 lets quoted or titled items stand without 顿号.
import type { Rule } from '../../core/types';

/** ”、“  ’、‘  》、《 : the same kind of mark on both sides of the 顿号. */
const PATTERN = /(”|’|》|」|』)[ \t]*、[ \t]*(“|‘|《|「|『)/g;
const MATCH: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '」': '「', '』': '『' };

export const dunBetweenQuotes: Rule = {
  meta: {
    id: 'punctuation/dun-between-quotes',
    category: 'punctuation',
    defaultSeverity: 'info',
    description: '并列的引号或书名号之间可以不用顿号',
    docs:
      'GB/T 15834—2011 第 4.5.3.5 条：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号，' +
      '如“一国两制”“港人治港”、《论语》《孟子》。若引号或书名号后还有括注等其他成分，宜用顿号，本规则不报告这种情况。' +
      '两种写法在公开文稿中都常见，所以本规则只是提示（info），可自动删去顿号；单位统一使用顿号时，可在配置中关闭本规则。',
    examples: [
      { bad: '坚持“一国两制”、“港人治港”、“澳人治澳”', good: '坚持“一国两制”“港人治港”“澳人治澳”' },
      { bad: '学习《论语》、《孟子》', good: '学习《论语》《孟子》' },
    ],
    fixable: true,
  },
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.paragraphs) {
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
        const shown =
          left >= 0 && right >= 0 && m.index - left <= 16 && right - (m.index + m[0].length) <= 16
            ? [t.slice(left, m.index + 1), t.slice(m.index + m[0].length - 1, right + 1)]
            : [m[1], m[2]];
        ctx.report({
          offset: start,
          length,
          message: `并列的${name}之间通常不用顿号：${shown.join('、')} 可写作 ${shown.join('')}`,
          fix: { offset: start, length, text: '' },
          expected: `${m[1]}${m[2]}`,
          source: 'GB/T 15834—2011 4.5.3.5',
        });
        PATTERN.lastIndex = m.index + m[0].length - 1;
      }
    }
  },
};
