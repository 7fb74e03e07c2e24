// 更好发挥港澳委员“双重建构作用” → “双重积极作用” (a standard formulation with a character added, dropped, changed or two parts swapped).
import type { Rule } from '../../core/types';
import { docMonthRange } from '../../core/docdate';
import { describeDifference, entriesOf, normalize, sameContent, smallestFix } from './_lib/pack-entries';
import { findPhraseHits, hitCutsWord } from './_lib/phrase-matcher';

/** True when `actual` is `wanted` with one or two of its characters replaced by structural particles (的, 之, 地, 得). */
function particleForChar(actual: string, wanted: string): boolean {
  const a = normalize(actual);
  const w = normalize(wanted);
  if (a.length !== w.length) return false;
  const fix = smallestFix(a, w, 0);
  const changed = a.slice(fix.offset, fix.offset + fix.length);
  return changed.length > 0 && changed.length <= 2 && /^[的之地得]+$/.test(changed) && !/[的之地得]/.test(fix.text);
}

/** True when text[a, b) is enclosed by quotation marks, or is a quotation itself (the span starts or ends with one). */
function quotedSpan(text: string, a: number, b: number): boolean {
  const open = /[“‘「『"]/;
  const close = /[”’」』"]/;
  return (open.test(text[a - 1] ?? '') || open.test(text[a] ?? '')) && (close.test(text[b] ?? '') || close.test(text[b - 1] ?? ''));
}

export const canonicalPhrase: Rule = {
  meta: {
    id: 'formulation/canonical-phrase',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '规范提法被误写（增字、漏字、错字或前后颠倒）',
    docs:
      '对照规则包中的规范提法（如“双重积极作用”“以习近平同志为核心的党中央”“建言资政和凝聚共识双向发力”），找出与之几乎相同但有一两处出入的文字：多一个字、少一个字、错一个字，或两个部分前后颠倒（规则包列出的两部分、顿号或逗号两边，以及“和”“与”连接的两个等长部分，如“政治协商和多党合作制度”应为“多党合作和政治协商制度”）。' +
      '判断按提法长度放宽：5 个字以下的提法只认完全相同的写法；正文中 6–11 字的提法允许 1 处出入，12 字以上允许 2 处；整体加引号的引用可放宽到 2 处或更多。出入必须在提法中间（首尾两字一致），以免把只是共用几个字的另一种说法当成误写。' +
      '只差虚词、引号或顿号的写法作为提示（info）报告，但在正文中（不加引号）多一个或少一个虚词（“加强重点提案的督办”）、并列的两项之间不用顿号（“围绕中心服务大局”）、给其中一部分加引号强调（“画出最大‘同心圆’”）是正常的写法，不报告；条目标为 fixed 的固定术语中多了“的”（“全过程的人民民主”）仍然提示。' +
      '规则包条目可以列出同样正确的写法（variants，如“以习近平同志为核心的中共中央”）和允许的相近写法（allow，如“习近平新时代中国特色社会主义经济思想”）。能唯一确定规范提法时提供修正，修正只改动有出入的几个字。有分词器时，对上的文字边缘切断了文中的一个词（“政治发展路|线”）的，是换了一个词，交给 formulation/phrase-word 报告（“路线”应为“道路”）。',
    examples: [
      { bad: '更好发挥港澳委员“双重建构作用”', good: '更好发挥港澳委员“双重积极作用”' },
      { bad: '凝聚共识和建言资政双向发力', good: '建言资政和凝聚共识双向发力' },
    ],
    fixable: true,
    usesSegmenter: true,
  },
  check(ctx) {
    for (const h of findPhraseHits(ctx.doc, ctx.packs)) {
      // With the segmenter: a span whose edge cuts a word of the text (政治发展路|线) is a word replaced, which
      // formulation/phrase-word reports.
      if (ctx.segmenter && hitCutsWord(ctx.doc.text, h, ctx.segmenter)) continue;
      const first = h.candidates[0];
      const source = first.entry.source ?? first.entry.note;
      if (h.candidates.length > 1) {
        const list = h.candidates.map(c => `“${c.text}”`).join('或');
        ctx.report({
          offset: h.offset,
          length: h.length,
          message: `“${h.actual}”疑为规范提法的误写，应为${list}，请核对原文`,
          suggestions: h.candidates.map(c => smallestFix(h.actual, c.text, h.offset)),
          source,
        });
        continue;
      }
      const want = first.text;
      // 新时期 for 新时代 is a question of the document's date (formulation/time-bound), not a misquote; but a name
      // given with 新时代 (the entry says namedNewEra: 习近平新时代中国特色社会主义思想, 2017) never had 新时期, and
      // time-bound judges it only in documents dated after October 2017.
      if (normalize(h.actual).replace(/新时期/g, '新时代') === normalize(want)) {
        const d = ctx.documentDate;
        const newEra = !!d && docMonthRange(d).last > 2017 * 12 + 9;
        if (newEra || !first.entry.namedNewEra) continue;
      }
      // A character of the phrase replaced by a particle (中国特色社会主义的时代特征 for …新时代): an ordinary modifier
      // phrase that shares the words, not a slip of the formulation (no one types 的 for 新).
      if (!h.swapped && particleForChar(h.actual, want)) continue;
      if (!h.swapped && sameContent(normalize(h.actual), normalize(want))) {
        // Only a function word, a quotation mark or a 顿号 differs. In running prose a function word added or left out
        // is grammar (加强重点提案的督办, 提升协商议政的质量), and a 顿号 left out between parallel items is usual
        // (围绕中心服务大局, a headline's 不忘初心牢记使命): not a misquote. A fixed term (全过程人民民主, 稳中求进工作
        // 总基调) takes no 的 inside it, a particle replaced by another (百年未有的大变局) is a slip, and a formulation
        // cited as a name, in quotation marks, keeps the wording of its source: those are a note.
        if (!quotedSpan(ctx.doc.text, h.offset, h.offset + h.length)) {
          // The edit that turns the standard form into the text, in the standard form's coordinates.
          const wantN = normalize(want);
          const d = smallestFix(wantN, normalize(h.actual), 0);
          const removed = wantN.slice(d.offset, d.offset + d.length);
          const insertedOrDropped = removed === '' || d.text === '';
          // A 顿号 left out, or quotation marks put round a part for emphasis (画出最大“同心圆”).
          const punctuationOnly = /^[、，,\s“”‘’「」『』"]*$/.test(removed + d.text);
          // Inside a fixed term of the pack (this entry, or one the phrase contains: 发展全过程人民民主).
          const fixedTerms = ctx.packs.memo('formulation:fixed-terms', () =>
            entriesOf(ctx.packs, 'phrase').filter(e => e.fixed).flatMap(e => [e.text, ...(e.variants ?? [])].map(normalize)),
          );
          const inFixed = fixedTerms.some(t => {
            for (let k = wantN.indexOf(t); k >= 0; k = wantN.indexOf(t, k + 1)) if (k < d.offset && d.offset + d.length < k + t.length) return true;
            return false;
          });
          if (insertedOrDropped && (punctuationOnly || !inFixed)) continue;
        }
        ctx.report({
          offset: h.offset,
          length: h.length,
          message: `“${h.actual}”与规范提法“${want}”只差虚词或标点，作为引用的固定名称宜照原文书写`,
          fix: smallestFix(h.actual, want, h.offset),
          expected: want,
          source,
          severity: 'info',
        });
        continue;
      }
      const what = h.swapped ? '前后颠倒' : describeDifference(h.actual, want, ctx.segmenter);
      ctx.report({
        offset: h.offset,
        length: h.length,
        message: first.entry.message ?? `“${h.actual}”与规范提法不符（${what}），规范表述为“${want}”`,
        fix: smallestFix(h.actual, want, h.offset),
        expected: want,
        source,
        severity: first.entry.severity,
      });
    }
  },
};
