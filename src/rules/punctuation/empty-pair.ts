// “” → an empty pair of quotation marks or brackets, usually a quoted word lost in copying.
import type { Rule } from '../../core/types';

export const emptyPair: Rule = {
  meta: {
    id: 'punctuation/empty-pair',
    category: 'punctuation',
    defaultSeverity: 'error',
    description: '空的引号或括号（引号内的文字丢失）',
    docs: '成对的引号、书名号或括号之间没有任何文字，通常是复制粘贴时丢失了被引用的字词，例如“推动专门协商机构“”出特色”。需要补上原文中的字词。此类问题无法自动修复。',
    examples: [{ bad: '推动专门协商机构“”出特色、“”出质量', good: '推动专门协商机构“商”出特色、“商”出质量' }],
    fixable: false,
    paragraphLocal: true,
  },
  check(ctx) {
    for (const q of ctx.doc.quotes) {
      if (q.text.trim() !== '') continue;
      const name = q.openMark === '《' ? '书名号' : /[“‘「『]/.test(q.openMark) ? '引号' : '括号';
      ctx.report({
        offset: q.open,
        length: q.close - q.open + 1,
        message: `空${name}${q.openMark}${q.closeMark}：${name}内的文字缺失，请补上被引用的字词`,
      });
    }
  },
};
