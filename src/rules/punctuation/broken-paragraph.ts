// 服务新区“八大工程”,形⏎⏎成高质量建言成果 → a paragraph broken in the middle of a word or sentence.
import type { Fix, Rule, Segmenter } from '../../core/types';
import type { PackSet } from '../../core/packs';
import type { DocumentModel, Paragraph } from '../../core/document';
import { isHan } from '../../core/document';
import { PARAGRAPH_END } from './_lib/marks';
import { trimEndChars } from '../../core/trim';

export interface BrokenParagraph {
  paragraph: Paragraph;
  /** The paragraph after it (absent at the end of the document). */
  next?: Paragraph;
  /** Why it looks broken (for the message). */
  reason: 'comma' | 'open-mark' | 'pair' | 'after-sentence' | 'short-clause' | 'next-mark';
  /** The unfinished piece at the end: offset and length in the document. */
  offset: number;
  length: number;
}

const OPENERS = '“‘《（(【〔「『〈';
const CLOSER_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '(': ')', '【': '】', '〔': '〕', '「': '」', '『': '』', '〈': '〉' };
const CLAUSE_BREAK = /[，,、；;：:。！？!?…—]/;

/** True when the paragraph reads as prose: not a heading or list item, except a numbered paragraph with body text (（一）突出……。……). */
export function isProseParagraph(p: Paragraph): boolean {
  if (p.kind === 'paragraph') return true;
  return p.kind === 'heading' && !p.heading?.markdownLevel && /[。！？!?]/.test(trimEndChars(p.text, '。！？!?”’）)', true));
}

/** A short line without clause marks (a title or label), or a Markdown heading in a plain-text file. */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  if (/^#{1,6}\s/.test(t)) return true;
  return t.length <= 30 && !/[，,、；;。！？!?]/.test(t.slice(0, -1)) && !/[。！？!?；;]$/.test(t);
}

/** A verse line: at most 16 characters, no sentence mark inside. A source note in brackets after the last line
 *  (一头扑进亲人怀。（节选）) is not part of it. */
function isVerseLine(t0: string): boolean {
  const t = t0.replace(/[（(][^（）()]{1,12}[）)]$/, '');
  return t.length > 0 && t.length <= 16 && !/[。！？!?；;：:]/.test(t.slice(0, -1));
}

/** A stanza: this line and the two after it are short lines that each end in a mark (我俩的结婚整整已经有了十年， /
 *  然而相聚的时间仅仅只有两个月零二十一天。 / 不知流过了多少的伤心泪，), as verse and letters in verse are set. */
function inStanza(ps: Paragraph[], i: number): boolean {
  for (let k = i; k <= i + 2; k++) {
    const t = ps[k]?.text.trim() ?? '';
    if (!t || t.length > 24 || !/[，,。！？!?；;…]$/.test(t) || /[。！？!?]/.test(t.slice(0, -1))) return false;
  }
  return true;
}

/** Function words that cannot end a sentence (……和, ……对; not 的, which ends 是……的), and a numeral with its measure
 *  word and no noun (精选22个). */
interface EndingWords {
  /** A salutation on its own line (同志们，) ends with a comma and is not broken (wording.salutationWords). */
  salutation: RegExp;
  /** A function word that cannot end a sentence (wording.danglingChars). */
  danglingChar: RegExp;
  /** Endings in such a character that are whole expressions (担当有为, 大有可为: wording.wholeEndings). */
  wholeEnding: string[];
  /** A numeral with its measure word and no noun (wording.measureWordChars). */
  danglingCount: RegExp;
}

/** The word lists of the wording pack this detector uses, compiled once per pack set. */
function endingWords(packs: PackSet): EndingWords {
  return packs.memo('punctuation.broken-paragraph.words', () => {
    const cls = (chars: Set<string>) => `[${[...chars].join('').replace(/[\]\\^-]/g, '\\$&')}]`;
    const salutations = packs.words('wording', 'salutationWords').map(w => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return {
      salutation: salutations.length ? new RegExp(`(${salutations.join('|')})`) : /(?!)/,
      danglingChar: new RegExp(`${cls(packs.chars('wording', 'danglingChars'))}$`),
      wholeEnding: packs.words('wording', 'wholeEndings'),
      danglingCount: new RegExp(`(?<![0-9０-９一二三四五六七八九十百千万亿两])[0-9０-９一二三四五六七八九十百千万亿两]+${cls(packs.chars('wording', 'measureWordChars'))}$`),
    };
  });
}
/** The clause ends on a function word standing alone (……审议了提案和), not on a word that merely ends with one
 *  of its characters (担当作为, 航向): the segmenter tells them apart; without it only the count is used. */
function danglingWord(clause: string, words: EndingWords, seg?: Segmenter): boolean {
  if (!seg || !words.danglingChar.test(clause)) return false;
  // The classical 而……之 (起而行之, 久而久之, 取而代之): 之 is the object, the clause is whole.
  if (/而[\u3400-\u9fff]之$/.test(clause)) return false;
  // 为 after 有、可、所 … is no preposition waiting for its object (激发干部担当有为, 大有可为, 为官不为).
  if (words.wholeEnding.some(w => clause.endsWith(w))) return false;
  const toks = seg.cut(clause.slice(-6));
  return toks.length > 0 && toks[toks.length - 1].word.length === 1;
}

/** True when the segmenter joins the end of one paragraph and the start of the next into one word (坚持发 / 挥政协 →
 *  发挥): the paragraph was broken inside a word. */
function wordAcrossBreak(seg: Segmenter, end: string, nextText: string): boolean {
  const tail = /[\u3400-\u9fff]{1,4}$/.exec(end)?.[0];
  const head = /^[\s\u3000]*([\u3400-\u9fff]{1,4})/.exec(nextText)?.[1];
  if (!tail || !head) return false;
  return seg.cut(tail + head).some(t => t.offset < tail.length && t.offset + t.word.length > tail.length && t.word.length >= 2 && seg.isWord(t.word));
}

const OPENER_OF: Record<string, string> = Object.fromEntries(Object.entries(CLOSER_OF).map(([o, c]) => [c, o]));

/** Pairs of `t` matched with nesting (（ and ( are one kind): the openers still open at the end, and closers without an opener. */
function pairState(t: string): { open: string[]; unopened: string[] } {
  const norm = (c: string) => (c === '(' ? '（' : c === ')' ? '）' : c);
  const open: string[] = [];
  const unopened: string[] = [];
  for (const ch of t) {
    const c = norm(ch);
    if (OPENERS.includes(c)) open.push(c);
    else if (OPENER_OF[c]) {
      const k = open.lastIndexOf(OPENER_OF[c]);
      if (k >= 0) open.length = k;
      else unopened.push(c);
    }
  }
  return { open, unopened };
}

/** The paragraphs of `doc` that end without closing punctuation while the text goes on. */
export function findBrokenParagraphs(doc: DocumentModel, packs: PackSet, seg?: Segmenter): BrokenParagraph[] {
  const words = endingWords(packs);
  const out: BrokenParagraph[] = [];
  const ps = doc.paragraphs;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (!isProseParagraph(p)) continue;
    const t = p.text.trimEnd();
    const last = t[t.length - 1];
    const next = ps[i + 1];
    // The next paragraph opens with a comma, 顿号 or semicolon: the break came in the middle of the sentence.
    if (last && next && next.kind === 'paragraph' && /^[，,、；;]/.test(next.text) && !/[。！？!?…]$/.test(t)) {
      out.push({ paragraph: p, next, reason: 'next-mark', offset: p.offset + t.length - 1, length: 1 });
      continue;
    }
    if (!last || PARAGRAPH_END.test(t)) continue;
    const nextProse = next && next.kind === 'paragraph' && !looksLikeHeading(next.text) ? next : undefined;
    const at = (reason: BrokenParagraph['reason'], from: number) => {
      // The unfinished piece: from `from` to the end, at most 10 characters.
      const start = Math.max(from, t.length - 10);
      out.push({ paragraph: p, next, reason, offset: p.offset + start, length: t.length - start });
    };
    const lastBreak = (() => {
      for (let k = t.length - 1; k >= 0; k--) if (CLAUSE_BREAK.test(t[k]) || '”’》）)」』】'.includes(t[k])) return k;
      return -1;
    })();
    if ('，,、'.includes(last)) {
      // A salutation on its own line (同志们，) is not a broken paragraph.
      if (t.length <= 10 && words.salutation.test(t)) continue;
      // Verse: short lines that end in a comma, then a short line (垃圾要分类， / 存储有“收益”。).
      if (isVerseLine(t) && next && isVerseLine(next.text.trim())) continue;
      if (inStanza(ps, i)) continue;
      // Lines of one build, each a paragraph: toasts and salutations (为……，/为……，; 尊敬的……，), or the clauses
      // of a preamble that all end in a comma (认为……，/重申……，/宣布……).
      const prev = ps[i - 1];
      const nt = next?.text.trim() ?? '';
      if (next && (nt.slice(0, 1) === t.trim().slice(0, 1) || /[，,]$/.test(nt) || (prev && /[，,]$/.test(prev.text.trim())) || nt.length <= 6)) continue;
      at('comma', t.length - 1);
      continue;
    }
    if (OPENERS.includes(last)) {
      at('open-mark', t.length - 1);
      continue;
    }
    if (!isHan(last) && !/[0-9A-Za-z]/.test(last)) continue;
    // A label line or a label sentence at the end (提案人：张三，李四 / ……。抄送：各专委会) is not cut off.
    const lastSentence = t.slice(Math.max(t.lastIndexOf('。'), t.lastIndexOf('！'), t.lastIndexOf('？')) + 1).trim();
    if (/^[^，,。；;]{1,8}[：:]/.test(lastSentence)) continue;
    // A quotation or bracket left open here and closed at the start of the next paragraph.
    const open = pairState(t).open;
    if (open.length && nextProse) {
      const unopened = pairState(nextProse.text).unopened;
      if (unopened.length && unopened[0] === CLOSER_OF[open[open.length - 1]]) {
        at('pair', lastBreak + 1);
        continue;
      }
    }
    // Without a mark at the end, the text must itself show that it stops short: a last clause of one
    // character (……，形 / 成高质量……), one that ends on a word that needs more (……提案和, 精选22个), or a word split
    // by the break (坚持发 / 挥). A clause that reads complete is a headline, sub-heading, caption or column tag.
    // The last clause runs from the last clause mark: a closing quotation mark inside it (也要“大家”富) does not end it.
    let clauseMark = lastBreak;
    while (clauseMark >= 0 && !CLAUSE_BREAK.test(t[clauseMark])) clauseMark--;
    const lastClause = t.slice(clauseMark + 1);
    const dangling = danglingWord(lastClause, words, seg);
    const wordSplit = !!(seg && next && wordAcrossBreak(seg, t, next.text));
    if (lastClause.length > 1 && !dangling && !words.danglingCount.test(lastClause) && !wordSplit) continue;
    // Complete sentences, then an unfinished one.
    if (/[。！？!?]/.test(t.slice(0, lastBreak + 1)) && t.length >= 12) {
      at('after-sentence', lastBreak + 1);
      continue;
    }
    // One long sentence without its end mark whose last clause is only a few characters, and prose goes on.
    if (
      nextProse &&
      (t.length >= 20 || t.length - lastBreak - 1 <= 2) &&
      !words.salutation.test(t.slice(0, 6)) &&
      /[，,]/.test(t) &&
      !/[\u3000]|\S {2,}\S/.test(t) &&
      (lastClause.length <= 6 || dangling || wordSplit) &&
      /^[\u3400-\u9fff0-9]/.test(nextProse.text)
    ) {
      at('short-clause', lastBreak + 1);
    }
  }
  return out;
}

const REASONS: Record<BrokenParagraph['reason'], string> = {
  comma: '以逗号或顿号结尾',
  'open-mark': '以前引号或前括号结尾',
  pair: '引号或括号跨段未闭合',
  'after-sentence': '末句没有句末标点',
  'short-clause': '句子没有结束',
  'next-mark': '下一段以逗号、顿号或分号开头',
};

export const brokenParagraph: Rule = {
  meta: {
    id: 'punctuation/broken-paragraph',
    category: 'punctuation',
    defaultSeverity: 'error',
    description: '段落在句子中间断开（段末没有句末标点而下文接续）',
    docs:
      '段落末尾既没有句号、问号、叹号、分号、冒号，也没有后引号、后括号或破折号，而是停在一个字、一个数字或逗号上，' +
      '通常是排版或复制时在词语中间断了行（如“服务新区“八大工程”，形”与下一段“成高质量建言成果”），或段落后半部分丢失（如“从小切口入手，精选22个”）。' +
      '下一段以逗号、顿号或分号开头时，也说明断在了句子中间。' +
      '标题、编号标题、称呼（各位委员：）、署名、日期、短标签行不报告。当下一段是正文时，编辑器中提供“与下一段合并”的修改建议（不自动修复，因为也可能是文字缺失）。',
    examples: [
      { bad: '服务新区“八大工程”，形\n\n成高质量建言成果；', good: '服务新区“八大工程”，形成高质量建言成果；' },
      { bad: '紧扣政治引领，在建言资政中凝聚共识。区政协围绕两项议政性常委会课题，从小切口入手，精选22个\n\n## 南开区政协', good: '紧扣政治引领，在建言资政中凝聚共识。区政协围绕两项议政性常委会课题，从小切口入手，精选22个课题开展协商。\n\n## 南开区政协' },
    ],
    fixable: false,
    needsSegmenter: true,
  },
  check(ctx) {
    const { doc } = ctx;
    for (const b of findBrokenParagraphs(doc, ctx.packs, ctx.segmenter)) {
      const p = b.paragraph;
      const end = p.offset + p.text.trimEnd().length;
      const tail = (end - p.offset > 10 ? '…' : '') + doc.text.slice(Math.max(p.offset, end - 10), end);
      const suggestions: Fix[] = [];
      let message: string;
      if (b.next && b.next.kind === 'paragraph' && !looksLikeHeading(b.next.text)) {
        const gap = doc.text.slice(end, b.next.offset);
        const line = b.next.text.split(/\r?\n|\r/)[0];
        const head = line.slice(0, 8) + (line.length > 8 ? '…' : '');
        if (/^[\s\u3000]*$/.test(gap)) suggestions.push({ offset: end, length: b.next.offset - end, text: '' });
        message = `段落在“${tail}”处中断（${REASONS[b.reason]}），下一段“${head}”接续其文字：请与下一段合并，或补全缺失的文字和句末标点`;
      } else {
        message = `段落在“${tail}”处中断（${REASONS[b.reason]}），后面的文字可能缺失：请补全文字和句末标点`;
      }
      ctx.report({ offset: b.offset, length: b.length, message, suggestions: suggestions.length ? suggestions : undefined });
    }
  },
};
