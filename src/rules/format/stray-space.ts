// 了解民意 。 → 了解民意。 ; “ 网络互助” → “网络互助”: a space left before a closing mark or after an opening mark.
import type { Rule } from '../../core/types';

/** Spaces (half-width, full-width, no-break) between a Han character and the full-width mark after it, or between an
 *  opening full-width mark and the Han character after it. Han–space–Han is not reported: headlines, datelines and
 *  padded names (本报记者  张  三, 主  席) write it on purpose. */
const RUN = /([\u4e00-\u9fff])([ \u00a0\u3000]+)(?=[，。；：！？、）》”’])|([（《“‘])([ \u00a0\u3000]+)(?=[\u4e00-\u9fff])/g;

const NAMES: Record<string, string> = {
  '，': '逗号', '。': '句号', '；': '分号', '：': '冒号', '！': '叹号', '？': '问号', '、': '顿号',
  '）': '后括号', '》': '后书名号', '”': '后引号', '’': '后引号', '（': '前括号', '《': '前书名号', '“': '前引号', '‘': '前引号',
};

export const straySpace: Rule = {
  meta: {
    id: 'format/stray-space',
    category: 'format',
    defaultSeverity: 'warning',
    description: '中文标点前后多余的空格',
    docs:
      '全角标点自带间距，前后不再加空格。汉字与其后的句号、逗号、顿号、分号、冒号、问号、叹号、后引号、后括号、后书名号之间，' +
      '以及前引号、前括号、前书名号与其后的汉字之间，多出的空格（半角、全角或不间断空格）多是修改、粘贴时留下的，可自动删去。' +
      '汉字与汉字之间的空格不报告：标题、电头、名单中有意用空格隔开（“本报记者  张  三”“主  席”）。段首缩进不受影响。',
    examples: [
      { bad: '委员们深入基层，了解民意 。', good: '委员们深入基层，了解民意。' },
      { bad: '开展“ 委员进社区”活动', good: '开展“委员进社区”活动' },
    ],
    fixable: true,
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = RUN.exec(p.text))) {
        // Masked text (a link, code) reads as spaces: only spaces the writer typed count.
        if (ctx.doc.text.slice(p.offset + m.index, p.offset + m.index + m[0].length) !== m[0]) continue;
        const before = m[1] !== undefined;
        const spaces = before ? m[2] : m[4];
        const offset = p.offset + m.index + 1;
        const mark = before ? p.text[m.index + m[0].length] : m[3];
        ctx.report({
          offset,
          length: spaces.length,
          message: `${NAMES[mark]}${before ? '前' : '后'}多了空格，应删去`,
          fix: { offset, length: spaces.length, text: '' },
          expected: '',
          source: 'GB/T 15834—2011',
        });
      }
    }
  },
};
