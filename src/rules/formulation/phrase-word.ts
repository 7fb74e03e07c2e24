// 人民政协是社会主义协商民主的重要途径 → 重要渠道 (a whole word of a canonical phrase replaced, dropped or moved).
import type { Rule, Segmenter } from '../../core/types';
import { normalize, normalizedText, smallestFix } from './_lib/pack-entries';
import { findPhraseHits, hitCutsWord } from './_lib/phrase-matcher';
import { findLastCharSlipsByLine, findWordSlipsByLine } from './_lib/word-matcher';
import { occursTwice } from '../../core/text-index';

/** True when two words of the same length differ in one character and those two characters are homophones (the
 *  typo lexicon's readings). */
function homophoneWords(a: string | undefined, b: string | undefined, seg: Segmenter): boolean {
  if (!a || !b || a.length !== b.length) return false;
  const diff = [...a].map((c, i) => i).filter(i => a[i] !== b[i]);
  const lx = seg.lexicon?.();
  return diff.length === 1 && !!lx && lx.homophones(b[diff[0]]).includes(a[diff[0]]);
}

export const phraseWord: Rule = {
  meta: {
    id: 'formulation/phrase-word',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '规范提法中的词被替换、漏掉或前后颠倒',
    docs:
      '把规则包中的每条规范提法切分成词（如“人民政协|是|社会主义|协商|民主|的|重要|渠道”），在文中找除一个词外其余各词都一字不差的地方：' +
      '一个词换成了近义词（“重要渠道”写成“重要途径”，“协商民主”写成“民主协商”），漏了一个词或一个并列成分（“坚持和完善中国共产党领导的政治协商制度”漏了“多党合作和”，“发挥人民政协专门协商作用”漏了“机构”），或相邻两个词前后颠倒。' +
      '规则包不必列出错误写法，任何替换词都能发现。为避免误报：一致的部分至少 6 个字、含两个以上实词；只差“的、了、已、和、与、及、并”等虚词或引号的写法是正常的语法变化，不报告；两个词之间多出一个词时报告（“把协商民主重要贯穿履行职能全过程”“中国特色社会主义深入道路”），但动词前加副词（“统筹全面推进”）、动词后点明领域或并用动词（“深化金融供给侧结构性改革”“健全完善”）、末尾中心词前加限定语（“根本制度”）、名词加“对”点明所属（“牢牢掌握党对意识形态工作领导权”）、并列处另起一项、三字以上的插入视为正常改写；条目标为 fixed 的固定提法或整条加引号时，动词前加副词也报告；' +
      '提法写全而最后一个字错成不成词的字（“坚持大团结大联和”）时也由本规则报告（逐字比较的 canonical-phrase 以末字为锚，看不到这类错误）：提法的末词须是两字以上的词，写错的字不与前后的字另成词典里的词（“大联盟”“制定”“价值体系”不报），文中别处也这样写的不报。' +
      '五到九个字的短提法（“大团结大联合”“双重积极作用”）只查一种替换：首词以外的一个两字词换成了形近的词——保留一个字且位置不变、另一个字不同，并且仍是词典里的词（“大团结大联盟”）；提法前后的字不与提法的首字、末字连成词，这个词也不与相邻的字连成词；换的是末词时，提法须在此结束（后面是标点或“的、和”等虚词）；换上的词是规则包认识的政协用语（“协商议政质效”）或文中别处也写的，不报；首词是作者自己的动词（“推进区域协调发展”“建成现代化经济体系”），不查。' +
      '替换后的文字本身就是另一条规范提法（如“党和国家监督体系的重要组成部分”）时不报告；条目的 allow 中列出的写法不报告。逐字的小错（错字、漏字）由 formulation/canonical-phrase 报告。',
    examples: [
      { bad: '人民政协是社会主义协商民主的重要途径', good: '人民政协是社会主义协商民主的重要渠道' },
      { bad: '坚持党的领导、统一战线、民主协商有机结合', good: '坚持党的领导、统一战线、协商民主有机结合' },
      { bad: '坚持和完善中国共产党领导的政治协商制度', good: '坚持和完善中国共产党领导的多党合作和政治协商制度' },
      { bad: '把协商民主重要贯穿履行职能全过程', good: '把协商民主贯穿履行职能全过程' },
    ],
    fixable: true,
    needsSegmenter: true,
  },
  check(ctx) {
    if (!ctx.segmenter) return;
    const slips = findWordSlipsByLine(ctx.doc, ctx.packs, ctx.segmenter);
    // A wrong last character that makes no word (坚持大团结大联和): a span no word-level slip covers.
    for (const t of findLastCharSlipsByLine(ctx.doc, ctx.packs, ctx.segmenter))
      if (!slips.some(s => t.offset < s.offset + s.length && s.offset < t.offset + t.length)) slips.push(t);
    if (!slips.length) return;
    const seg = ctx.segmenter;
    // Character-level near misses are canonical-phrase's; do not report the same span twice.
    const hits = findPhraseHits(ctx.doc, ctx.packs).filter(h => !hitCutsWord(ctx.doc.text, h, seg));
    const text = normalizedText(ctx.doc);
    for (const s of slips) {
      // The look-alike word written again elsewhere in the document (青年联盟 … 大团结大联盟) is a word the writer means.
      // (Not so a homophone of the word meant, 两大主体 for 主题: a common word the input method offers, written
      // elsewhere as itself.)
      if (s.lookAlike && s.got && occursTwice(text, s.got) && !homophoneWords(s.got, s.want, seg)) continue;
      if (hits.some(h => s.offset < h.offset + h.length && h.offset < s.offset + s.length)) continue;
      if (normalize(s.actual).replace(/新时期/g, '新时代') === normalize(s.expected)) continue;
      // A placeholder where a name goes (政协某市委员会, ××区政协, XX委员) is a template, not a misquote.
      if (s.got && /某|[×xX＊*○□]{1,}/.test(s.got)) continue;
      if (s.alternatives?.length) {
        const list = [s.expected, ...s.alternatives].map(t => `“${t}”`).join('或');
        ctx.report({
          offset: s.offset,
          length: s.length,
          message: `“${s.actual}”与规范提法不符，应为${list}，请核对原文`,
          suggestions: [s.expected, ...s.alternatives].map(t => smallestFix(s.actual, t, s.offset)),
          source: s.entry.source ?? s.entry.note,
        });
        continue;
      }
      const what =
        s.kind === 'dropped'
          ? `漏了“${s.want}”${s.got ? `（写作“${s.got}”）` : ''}`
          : s.kind === 'swapped'
            ? `“${s.got}”词序颠倒，应为“${s.want}”`
            : s.kind === 'inserted'
              ? `多了“${s.got}”`
            : `“${s.got}”应为“${s.want}”`;
      ctx.report({
        offset: s.offset,
        length: s.length,
        message: s.entry.message ?? `“${s.actual}”与规范提法不符（${what}），规范表述为“${s.expected}”`,
        fix: smallestFix(s.actual, s.expected, s.offset),
        expected: s.expected,
        source: s.entry.source ?? s.entry.note,
        severity: s.entry.severity,
      });
    }
  },
};
