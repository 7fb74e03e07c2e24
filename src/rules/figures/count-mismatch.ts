// “……、全面促进消费等6个方面意见建议”（只列举5项）→ 列举5项，与“6个方面”不符.
import { proseRegister } from '../../core/register';
import type { Rule, RuleContext, Severity } from '../../core/types';
import { parseNumber } from '../../core/numbers';
import type { Paragraph } from '../../core/document';
import { alternatives } from '../../core/heading-words';

const NUM = '(\\d{1,3}|[一二两三四五六七八九十]{1,3})';
const CN_ORD = '一二三四五六七八九十';

/** The count nouns of the figures pack (`countAnnouncers`), one list with their uses: every noun closes an
 *  enumeration after 等 (等五个方面); `exhaustive` ones close it without 等 too; `announcesList` ones announce the
 *  numbered items that follow (做好八个方面工作：). */
interface CountNouns {
  /** All nouns as regex alternatives, longest first. */
  all: string;
  exhaustive: Set<string>;
  /** The nouns that announce a list, as regex alternatives. */
  listAnnouncers: string;
}

function countNouns(ctx: RuleContext): CountNouns {
  return ctx.packs.memo('figures-count-nouns', () => {
    const entries = ctx.packs.field<string | { noun: string; exhaustive?: boolean; announcesList?: boolean }>('figures', 'countAnnouncers').map(e => (typeof e === 'string' ? { noun: e } : e));
    const alt = (xs: string[]) => alternatives([...new Set(xs)]);
    return {
      all: alt(entries.map(e => e.noun)),
      exhaustive: new Set(entries.filter(e => 'exhaustive' in e && e.exhaustive).map(e => e.noun)),
      listAnnouncers: alt(entries.filter(e => 'announcesList' in e && e.announcesList).map(e => e.noun)),
    };
  });
}

function announcers(ctx: RuleContext): string {
  return countNouns(ctx).all;
}

/** Compares an announced count with the items listed; reports when they cannot agree. */
function compare(
  ctx: RuleContext,
  at: { offset: number; length: number },
  announced: string,
  n: number,
  k: number,
  opts: { etc: boolean; maybeOneMore: boolean; related: { offset: number; length: number }[]; what: string },
) {
  if (!Number.isFinite(n) || n === k || (opts.maybeOneMore && n === k + 1)) return;
  // One is no count of a list (等一大批, 每一个环节); 这三个方面 refers back; 数十个领域 is approximate.
  if (n <= 1) return;
  const before = ctx.doc.text.slice(Math.max(0, at.offset - 2), at.offset);
  if (/[这那此该上述其数几近约逾超多每]$|以上$|上述$/.test(before)) return;
  // 不忘初心、牢记使命的六个方面要求: the list modifies the noun; the count is of something else.
  if (/的$/.test(before)) return;
  let severity: Severity | undefined;
  if (opts.etc) {
    // 等 announces a non-exhaustive list: more announced than listed is normal unless the gap is one. In a
    // formal document (report, proposal, plan) 等N closes the list, so one short is a slip; in other prose
    // (news, features) 等 names examples of a total (古田山自然保护区、钱江源国家森林公园等3个保护地), so
    // fewer items than the total is ordinary there.
    if (n >= k + 2) return;
    if (n === k + 1 && proseRegister(ctx) === 'informal') return;
    if (n === k + 1) severity = 'warning';
  }
  const more = k > n ? `，列举项多于总数` : '';
  ctx.report({
    offset: at.offset,
    length: at.length,
    message: `${opts.what}${k}项，与“${announced}”不符${more}：请核对总数或补齐（删减）列举项`,
    severity,
    related: opts.related.map((r, i) => ({ ...r, message: `第${i + 1}项` })),
  });
}

/** 、-lists ending in 等N个方面. */
function checkEnumerations(ctx: RuleContext) {
  const ann = announcers(ctx);
  const re = new RegExp(`(等等|等)?${NUM}(${ann})`);
  for (const en of ctx.doc.enumerations) {
    const last = en.items[en.items.length - 1];
    const m = re.exec(last.text);
    if (!m || m.index === 0) continue;
    const etc = !!m[1];
    if (!etc && (!/^[一二两三四五六七八九十]+$/.test(m[2]) || !countNouns(ctx).exhaustive.has(m[3]))) continue;
    const before = ctx.doc.text[en.offset - 1];
    if (before && /[“”‘’（(]/.test(before)) continue;
    if (en.items.some(it => it.text === '' || /[“”]/.test(it.text))) continue;
    const k = en.items.length;
    const lastContent = last.text.slice(0, m.index);
    const n = parseNumber(m[2]);
    // More items than announced where an item holds 和 (先进性、高端化和能复制、可推广两个方面): groups, not items.
    if (k > n && en.items.some(it => /和|与|及/.test(it.text))) continue;
    const offset = last.offset + m.index;
    compare(ctx, { offset, length: m[0].length }, `${m[2]}${m[3]}`, n, k, {
      etc,
      maybeOneMore: /和|及|与|以及|并/.test(lastContent),
      related: [...en.items.slice(0, -1), { offset: last.offset, length: m.index }],
      what: '列举',
    });
  }
}

/** “A”“B”“C”等三项 — juxtaposed quotations counted by an announcement. */
function checkQuoteRuns(ctx: RuleContext) {
  const ann = announcers(ctx);
  const re = new RegExp(`((?:“[^“”\\n]{1,30}”[、，,]?){2,})(等等|等)?${NUM}(${ann})`, 'g');
  for (const p of ctx.doc.paragraphs) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(p.text))) {
      const quotes: { offset: number; length: number }[] = [];
      const q = /“[^“”\n]{1,30}”/g;
      let x: RegExpExecArray | null;
      while ((x = q.exec(m[1]))) quotes.push({ offset: p.offset + m.index + x.index, length: x[0].length });
      const etc = !!m[2];
      if (!etc && (!/^[一二两三四五六七八九十]+$/.test(m[3]) || !countNouns(ctx).exhaustive.has(m[4]))) continue;
      const start = m.index + m[1].length;
      compare(ctx, { offset: p.offset + start, length: m[0].length - m[1].length }, `${m[3]}${m[4]}`, parseNumber(m[3]), quotes.length, {
        etc,
        maybeOneMore: false,
        related: quotes,
        what: '列举',
      });
    }
  }
}

/** The lead of a paragraph: its text up to the first comma, colon or full stop. */
function lead(p: Paragraph): string {
  const m = /^[^，,。：:；;！!]{1,30}/.exec(p.text);
  return m ? m[0] : '';
}

/** 一是……二是……三是 in `text`: how many in sequence, and where each is. */
export function ordinalItems(text: string): { count: number; at: number[] } {
  const at: number[] = [];
  let from = 0;
  for (let i = 0; i < 10; i++) {
    const marker = CN_ORD[i] + '是';
    const idx = text.indexOf(marker, from);
    if (idx < 0) break;
    // Must start a clause: at the beginning or after punctuation.
    if (idx > 0 && !/[，,；;：:。！!\s]/.test(text[idx - 1])) break;
    at.push(idx);
    from = idx + 2;
  }
  return { count: at.length, at };
}

/** “六个工作机制” followed by parallel paragraphs or by 即A、B、C; “三方面工作：一是……二是……”. */
function checkAnnouncements(ctx: RuleContext) {
  const doc = ctx.doc;
  for (const q of doc.quotes) {
    if (q.openMark !== '“') continue;
    const counted = /^([一二两三四五六七八九十]{1,3}|\d{1,2})(个|项|大|条|种|张|方面)([\u4e00-\u9fff]{1,8})$/.exec(q.text);
    // “三送” (送政策、送技术、送健康), “五进”: a number and the one verb each item begins with.
    const byVerb = counted ? undefined : /^([一二两三四五六七八九十]{1,3}|\d{1,2})([\u4e00-\u9fff])$/.exec(q.text);
    const m = counted ?? byVerb;
    if (!m) continue;
    const n = parseNumber(m[1]);
    if (!Number.isFinite(n) || n < 2 || n > 12) continue;
    const verb = byVerb?.[2];
    const noun = counted ? counted[3] : '';
    const para = doc.paragraphAt(q.open);
    if (!para) continue;
    const announced = q.text;
    const afterInPara = doc.text.slice(q.close + 1, para.offset + para.length);
    // (1) 即/：/包括 + a 、-list in the same sentence.
    const intro = /^[^。；;]{0,12}?(即|：|:|包括|——)/.exec(afterInPara);
    if (intro) {
      const listStart = q.close + 1 + intro[0].length;
      const en = doc.enumerations.find(e => e.offset > q.close && e.offset <= listStart + 2 && e.offset + e.length > listStart);
      if (en && (!verb || en.items.every(it => it.text.replace(/^(?:即|包括)/, '').startsWith(verb)))) {
        compare(ctx, { offset: q.open, length: q.close - q.open + 1 }, announced, n, en.items.length, {
          etc: false,
          maybeOneMore: /和|及|与/.test(en.items[en.items.length - 1].text),
          related: en.items,
          what: '列举',
        });
        continue;
      }
    }
    // A number and a verb (“三农”“十二五”“三观”) is checked only against a list whose items all begin with that verb.
    if (noun === '') continue;
    // (2) 一是……二是…… later in the same paragraph.
    const ord = ordinalItems(afterInPara);
    if (ord.count >= 2 && /^[^。]{0,12}?[：:。，,—]/.test(afterInPara)) {
      compare(ctx, { offset: q.open, length: q.close - q.open + 1 }, announced, n, ord.count, {
        etc: false,
        maybeOneMore: false,
        related: ord.at.map(a => ({ offset: q.close + 1 + a, length: 2 })),
        what: '列出',
      });
      continue;
    }
    // (3) Parallel paragraphs whose leads carry the announced noun (紧扣…, 强化…机制).
    if (noun.length < 2) continue;
    const endsPara = para.kind === 'heading' || /^[\s：:—。…]*$/.test(afterInPara) || /^[\s：:—。]*$/.test(afterInPara.slice(0, 3));
    if (!endsPara) continue;
    const key = noun.length <= 2 ? noun : noun.slice(-2);
    const items: Paragraph[] = [];
    let repeated = false;
    let misses = 0;
    for (let i = para.index + 1; i < doc.paragraphs.length; i++) {
      const p = doc.paragraphs[i];
      if ((p.kind === 'heading' && !(p.heading?.numbering && items.length && p.heading.level >= 3)) || /^#/.test(p.text)) break;
      if (p.text.includes(`“${announced}”`)) {
        repeated = true;
        break;
      }
      if (lead(p).includes(key)) {
        items.push(p);
        misses = 0;
      } else if (items.length && ++misses >= 2) break;
    }
    if (repeated || items.length < 2) continue;
    compare(ctx, { offset: q.open, length: q.close - q.open + 1 }, announced, n, items.length, {
      etc: false,
      maybeOneMore: false,
      related: items.map(p => ({ offset: p.offset, length: lead(p).length })),
      what: '下文列出',
    });
  }
  // 做好三方面工作：一是……二是…… (announcement without quotation marks).
  const ann = /(\d{1,2}|[一二两三四五六七八九十]{1,3})(个方面|方面|项|点|条)(?:工作|任务|措施|举措|建议|意见|要求|内容|重点)?[：:，,。]\s*(?=一是)/g;
  for (const p of doc.paragraphs) {
    // The pattern looks ahead for 一是: a paragraph without it cannot match (most do not; the scan is skipped).
    if (!p.text.includes('一是')) continue;
    ann.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = ann.exec(p.text))) {
      const rest = p.text.slice(m.index + m[0].length);
      const ord = ordinalItems(rest);
      if (ord.count < 2) continue;
      compare(ctx, { offset: p.offset + m.index, length: m[1].length + m[2].length }, m[1] + m[2], parseNumber(m[1]), ord.count, {
        etc: false,
        maybeOneMore: false,
        related: ord.at.map(a => ({ offset: p.offset + m!.index + m![0].length + a, length: 2 })),
        what: '列出',
      });
    }
  }
}

/** A paragraph that ends announcing a list: 今年重点做好八个方面工作： (the count nouns are the pack's announcesList ones). */
function listAnnouncement(ctx: RuleContext): RegExp {
  return ctx.packs.memo(
    'figures-list-announce',
    () =>
      new RegExp(
        `(?:以下|做好|抓好|做了|突出|着力|把握好?|主要|重点|围绕|包括|提出)[^，,。；;：:]{0,6}?(?<![\\d.])(\\d{1,2}|[一二两三四五六七八九十]{1,3})(${countNouns(ctx).listAnnouncers})(?:工作|任务|重点|要求|建议|举措|措施)?[：:。]\\s*$`,
      ),
  );
}

/** “今年重点做好八个方面工作：” at the end of a paragraph, then numbered headings, 一是 paragraphs or —— paragraphs. */
function checkListAnnouncements(ctx: RuleContext) {
  const doc = ctx.doc;
  const LIST_ANNOUNCE = listAnnouncement(ctx);
  for (const p of doc.paragraphs) {
    // The pattern ends the paragraph with ：, : or 。 and white space (\s, what trimEnd removes): a paragraph that ends
    // otherwise cannot match, and is not scanned.
    const t = p.text.trimEnd();
    const last = t[t.length - 1];
    if (last !== '：' && last !== ':' && last !== '。') continue;
    const m = LIST_ANNOUNCE.exec(p.text);
    if (!m) continue;
    const n = parseNumber(m[1]);
    const next = doc.paragraphs.slice(p.index + 1);
    const items: Paragraph[] = [];
    const first = next[0];
    if (!first) continue;
    if (first.heading?.numbering) {
      const h0 = first.heading;
      // A numbered item's own closing count (（二）……提出建议36条。) announces nothing about the items after it, its
      // siblings: a list it announces is numbered a level below it.
      if (p.heading?.numbering && h0.level <= p.heading.level) continue;
      for (const q of next) {
        const h = q.heading;
        if (!h) continue;
        if (h.level < h0.level || (h.markdownLevel !== undefined && h.numbering === undefined)) break;
        if (h.level === h0.level && h.numbering?.style === h0.numbering!.style) items.push(q);
      }
    } else if (/^一是/.test(first.text)) {
      let gap = 0;
      for (const q of next) {
        if (q.text.startsWith(CN_ORD[items.length] + '是')) {
          items.push(q);
          gap = 0;
        } else if (q.heading || ++gap > 3) break;
      }
    } else if (/^——/.test(first.text)) {
      for (const q of next) {
        if (!/^——/.test(q.text)) break;
        items.push(q);
      }
    } else continue;
    // A result (提出建议36条。) is not a list of 36 paragraphs.
    if (items.length < 2 || (n >= 10 && n > 3 * items.length)) continue;
    const at = p.offset + m.index + m[0].indexOf(m[1]);
    compare(ctx, { offset: at, length: m[1].length + m[2].length }, m[1] + m[2], n, items.length, {
      etc: false,
      maybeOneMore: false,
      related: items.map(q => ({ offset: q.offset, length: Math.min(q.length, (/^[^。：:]*/.exec(q.text)?.[0].length ?? 0) || q.length) })),
      what: '下文列出',
    });
  }
}

export const countMismatch: Rule = {
  meta: {
    id: 'figures/count-mismatch',
    category: 'figures',
    defaultSeverity: 'error',
    description: '总括的项数与实际列举的项数不符（“等6个方面”只列5项；“三个紧扣”下文列出的段数）',
    docs:
      '核对总括数字与列举项：\n\n' +
      '- 顿号列举后接“等N个方面/项/条”：列举项多于 N 是错误；带“等”时列举少于 N 通常是不完全列举，只有恰好少一项时作为警告提示（很可能漏写一项或数错），新闻、特写中“等”常用来举例后给出总数，少一项也不报；不带“等”时（“经济、政治、文化三个方面”）必须相等。\n' +
      '- 并列引文后接“等N项”：“A”“B”“C”等三项。\n' +
      '- 引号内的“数字＋一个动词”的简称（“三送”“五进”）：其后“即……、……”的各项都以这个动词开头时（送政策、送技术），项数应与数字相同；“三农”“十二五”这类简称不与下文比较。\n' +
      '- 引号内的总括说法（“六个工作机制”“三个紧扣”“五个一”）：其后“即……、……”的列举项，或“一是……二是……”，或下文以同一关键词开头的并列段落，数目应与总括数一致。\n' +
      '- “做好三方面工作：一是……二是……”；段末的“今年重点做好八个方面工作：”之后的编号标题（（一）……（八））、以“一是”开头的段落或以“——”开头的段落。\n\n' +
      '判断不了列举范围时不报告。',
    examples: [
      {
        bad: '提出加快制造业高质量发展、提升服务业发展水平、推动数字经济和实体经济深度融合、参与国内国际双循环、全面促进消费等6个方面意见建议',
        good: '提出加快制造业高质量发展、提升服务业发展水平、推动数字经济和实体经济深度融合、参与国内国际双循环、全面促进消费等5个方面意见建议',
      },
      { bad: '深入实施履职“五个一”行动,即撰写一份学习心得、参与一次协商、开展一次调研、提交一件提案', good: '深入实施履职“四个一”行动,即撰写一份学习心得、参与一次协商、开展一次调研、提交一件提案' },
    ],
    fixable: false,
  },
  check(ctx) {
    checkEnumerations(ctx);
    checkQuoteRuns(ctx);
    checkAnnouncements(ctx);
    checkListAnnouncements(ctx);
  },
};
