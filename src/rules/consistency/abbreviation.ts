// “提案委”已在前文使用……政协提案委员会（以下简称“提案委”） → the abbreviation is used before it is introduced.
import type { Rule } from '../../core/types';

/** 全称（以下简称“简称”）, （简称“…”）, （下称“…”）. */
const DEFINITION = /[（(](?:以下|下文|下)?简?称(?:为)?[“"]([^”"\n]{2,12})[”"][）)]/g;

export const abbreviation: Rule = {
  meta: {
    id: 'consistency/abbreviation',
    category: 'consistency',
    defaultSeverity: 'info',
    description: '文内注明的简称在注明之前已经使用，或同一简称注明了两次',
    docs:
      '公文的通行要求是“文内使用非规范化简称，应当先用全称并注明简称”（《国家行政机关公文处理办法》第二十五条）。本规则找到“全称（以下简称“××”）”这样的注明，检查：' +
      '注明之前的正文中已经单独用了这个简称（标题和文稿的第一段不算，新闻标题常先用简称）；同一个简称在文中注明了两次。两者都作为提示（info）报告。' +
      '“市政协”“常委会”“全国政协”这样的规范化简称可以直接使用，全称和规范化简称在同一文稿中先后出现（先写“中国人民政治协商会议××市委员会”，后写“市政协”）是正常写法，不报告。',
    examples: [
      {
        bad: '各位委员：\n\n一年来，“提案委”牵头开展专题调研，围绕群众关心的民生实事提出意见建议，推动一批问题得到解决。\n\n政协提案委员会（以下简称“提案委”）负责提案的审查、交办和督办工作，全年审查提案四百余件。',
        good: '各位委员：\n\n政协提案委员会（以下简称“提案委”）负责提案的审查、交办和督办工作，全年审查提案四百余件。\n\n一年来，“提案委”牵头开展专题调研，围绕群众关心的民生实事提出意见建议，推动一批问题得到解决。',
      },
    ],
    fixable: false,
  },
  check(ctx) {
    const doc = ctx.doc;
    const text = doc.text;
    if (!/简?称/.test(text)) return;
    const firstBody = doc.paragraphs.find(p => p.text.trim())?.index ?? 0;
    const defined = new Map<string, number>();
    DEFINITION.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DEFINITION.exec(text))) {
      const abbr = m[1];
      // Two characters (人文, 吴哥) are too often part of other words to be told apart.
      if (abbr.length < 3 || !/^[\u3400-\u9fffA-Za-z0-9]+$/.test(abbr)) continue;
      const at = m.index + m[0].indexOf(abbr);
      const before = defined.get(abbr);
      if (before !== undefined) {
        const line = (doc.paragraphAt(before)?.startLine ?? -1) + 1;
        ctx.report({ offset: at, length: abbr.length, message: `简称“${abbr}”在前文${line ? `第${line}行` : ''}已经注明，不必再次注明` });
        continue;
      }
      defined.set(abbr, at);
      // The full name right before the definition, and what follows the abbreviation inside it (中国石油|天然气…).
      const defPara = doc.paragraphAt(m.index);
      const full = text.slice(Math.max(defPara?.offset ?? 0, m.index - 30), m.index);
      const k = full.lastIndexOf(abbr);
      const cont = k >= 0 ? full.slice(k + abbr.length, k + abbr.length + 2) : '';
      // The abbreviation used on its own before it is introduced (not in a heading or the opening paragraph).
      for (let i = text.indexOf(abbr); i >= 0 && i < m.index; i = text.indexOf(abbr, i + 1)) {
        const p = doc.paragraphAt(i);
        if (!p || p.kind === 'heading' || p.index === firstBody) continue;
        // Inside the full name itself, or the start of the full name written elsewhere (中国石油天然气集团).
        if (i >= m.index - full.length) continue;
        if (cont && text.startsWith(cont, i + abbr.length)) continue;
        // The full name written elsewhere (主题教育|总结大会): the same characters before it as in the definition.
        const lead = k >= 2 ? full.slice(k - 2, k) : full.slice(-abbr.length - 2, -abbr.length);
        if (lead && text.slice(i - lead.length, i) === lead) continue;
        // A title line (short, no closing punctuation): news titles use the abbreviation first.
        if (p.text.trim().length < 40 && !/[。！？!?；;]\s*$/.test(p.text)) continue;
        ctx.report({
          offset: i,
          length: abbr.length,
          message: `简称“${abbr}”到第${(doc.paragraphAt(m.index)?.startLine ?? 0) + 1}行才注明全称，此处已先使用；文内使用简称，应当先用全称并注明简称`,
        });
        break;
      }
    }
  },
};
