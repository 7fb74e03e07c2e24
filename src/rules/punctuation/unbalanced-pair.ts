// 发挥智库作用”宣讲会 → a closing quotation mark without an opening one (pairs per paragraph, nesting respected).
import type { Fix, Rule } from '../../core/types';
import type { PackSet } from '../../core/packs';
import type { DocumentModel, Paragraph } from '../../core/document';
import { findBrokenParagraphs } from './broken-paragraph';

/** Opening mark → closing mark. （ and ( are one kind (a half-width twin is the half-width rule's business). */
const OPEN: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '〔': '〕', '「': '」', '『': '』', '〈': '〉' };
const CLOSE: Record<string, string> = Object.fromEntries(Object.entries(OPEN).map(([o, c]) => [c, o]));
const kindOf = (ch: string) => (ch === '(' ? '（' : ch === ')' ? '）' : ch);
const NAME: Record<string, string> = { '“': '引号', '‘': '单引号', '《': '书名号', '（': '括号', '【': '方头括号', '〔': '六角括号', '「': '直角引号', '『': '直角引号', '〈': '书名号' };

/** 1 for the code unit of every mark above (and the half-width parentheses): scanPairs skips every other character. */
const PAIR_CODES = new Uint8Array(65536);
for (const m of [...Object.keys(OPEN), ...Object.keys(CLOSE), '(', ')']) PAIR_CODES[m.charCodeAt(0)] = 1;

export interface PairProblem {
  offset: number;
  mark: string;
  problem: 'unclosed' | 'unopened';
  paragraphIndex: number;
}

/** Marks that do not pair within their paragraph. */
export function scanPairs(doc: DocumentModel): PairProblem[] {
  const out: PairProblem[] = [];
  for (const p of doc.paragraphs) {
    const t = p.text;
    const stack: { i: number; kind: string }[] = [];
    /** Openers of each kind on the stack: a closer with none is unopened at once, without walking the stack (a
     *  paragraph of openers followed by closers of another kind was quadratic). */
    const onStack = new Map<string, number>();
    /** Where the paragraph's text starts (a list marker "1)" can only be there). */
    const lead = t.search(/[^\s\u3000]/);
    for (let i = 0; i < t.length; i++) {
      if (PAIR_CODES[t.charCodeAt(i)] === 0) continue;
      const ch = t[i];
      const k = kindOf(ch);
      if (OPEN[k] !== undefined) {
        stack.push({ i, kind: k });
        onStack.set(k, (onStack.get(k) ?? 0) + 1);
      } else if (CLOSE[k] !== undefined) {
        // ’ between Latin letters is an apostrophe (don’t); ) after a list number at the start is a marker (1) a) 一)).
        if (ch === '’' && /[A-Za-z]/.test(t[i - 1] ?? '') && /[A-Za-z]/.test(t[i + 1] ?? '')) continue;
        if ((ch === ')' || ch === '）') && lead >= 0 && i - lead <= 3 && /^[\s\u3000]*([0-9]{1,3}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$/.test(t.slice(0, i))) continue;
        let j = onStack.get(CLOSE[k]) ? stack.length - 1 : -1;
        while (j >= 0 && stack[j].kind !== CLOSE[k]) j--;
        if (j < 0) {
          out.push({ offset: p.offset + i, mark: ch, problem: 'unopened', paragraphIndex: p.index });
          continue;
        }
        for (let m = stack.length - 1; m > j; m--) out.push({ offset: p.offset + stack[m].i, mark: t[stack[m].i], problem: 'unclosed', paragraphIndex: p.index });
        for (let m = stack.length - 1; m >= j; m--) onStack.set(stack[m].kind, onStack.get(stack[m].kind)! - 1);
        stack.length = j;
      }
    }
    for (const s of stack) out.push({ offset: p.offset + s.i, mark: t[s.i], problem: 'unclosed', paragraphIndex: p.index });
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Problems that are not mistakes: a quotation running over several paragraphs, a pair split by a broken paragraph. */
function excused(doc: DocumentModel, problems: PairProblem[], packs: PackSet): Set<PairProblem> {
  const skip = new Set<PairProblem>();
  const ps = doc.paragraphs;
  const startsWith = (p: Paragraph | undefined, mark: string) => !!p && p.text.replace(/^[\s\u3000]+/, '')[0] === mark;
  // Multi-paragraph quotation (GB/T 15834 4.1.3.4): each paragraph opens with “, only the last one closes it. The
  // first paragraph may introduce it with a colon (第九条修改为：“申请办理……的程序： / “（一）……): then the opening
  // mark is the paragraph's last problem.
  for (let k = 0; k < problems.length; k++) {
    const pr = problems[k];
    if (pr.problem !== 'unclosed') continue;
    const p = ps[pr.paragraphIndex];
    const next = problems[k + 1];
    const introduced = /[：:]\s*$/.test(doc.text.slice(Math.max(p.offset, pr.offset - 2), pr.offset)) && (!next || next.paragraphIndex !== pr.paragraphIndex);
    if ((pr.offset === p.offset || introduced) && startsWith(ps[pr.paragraphIndex + 1], pr.mark)) skip.add(pr);
  }
  // A block quotation set as several paragraphs (verse, a song, a note) with its opening mark only at the start of
  // the first and its closing mark only at the end of the last: the pair is whole, the paragraphs between are bare.
  const atStart = (pr: PairProblem) => {
    // Only white space before it in its paragraph (stops at the first other character: no slice of a long paragraph).
    for (let i = ps[pr.paragraphIndex].offset; i < pr.offset; i++) if (!/\s/.test(doc.text[i])) return false;
    return true;
  };
  const atEnd = (pr: PairProblem) => {
    const p = ps[pr.paragraphIndex];
    return /^[。！？!?…；;，,\s\u3000]*$/.test(doc.text.slice(pr.offset + 1, p.offset + p.text.length));
  };
  for (let a = 0; a < problems.length; a++) {
    const open = problems[a];
    if (open.problem !== 'unclosed' || skip.has(open) || !atStart(open)) continue;
    const close = problems[a + 1];
    if (!close || close.problem !== 'unopened' || CLOSE[kindOf(close.mark)] !== kindOf(open.mark)) continue;
    if (close.paragraphIndex <= open.paragraphIndex || close.paragraphIndex - open.paragraphIndex > 12 || !atEnd(close)) continue;
    skip.add(open);
    skip.add(close);
  }
  // A paragraph broken in the middle (reported by punctuation/broken-paragraph): the pair runs across the break.
  // Per paragraph: its last unclosed and its first unopened mark (one pass, not a search per broken paragraph).
  const lastUnclosed = new Map<number, PairProblem>();
  const firstUnopened = new Map<number, PairProblem>();
  for (const x of problems) {
    if (x.problem === 'unclosed') lastUnclosed.set(x.paragraphIndex, x);
    else if (!firstUnopened.has(x.paragraphIndex)) firstUnopened.set(x.paragraphIndex, x);
  }
  for (const b of findBrokenParagraphs(doc, packs)) {
    if (!b.next) continue;
    const lastOpen = lastUnclosed.get(b.paragraph.index);
    const firstClose = firstUnopened.get(b.next.index);
    if (lastOpen && firstClose && OPEN[kindOf(lastOpen.mark)] === kindOf(firstClose.mark)) {
      skip.add(lastOpen);
      skip.add(firstClose);
    }
  }
  return skip;
}

export const unbalancedPair: Rule = {
  meta: {
    id: 'punctuation/unbalanced-pair',
    category: 'punctuation',
    defaultSeverity: 'error',
    description: '引号、书名号或括号不成对（缺少前半或后半）',
    docs:
      '成对的标点（“” ‘’ 《》 （） () 【】 〔〕）必须前后配对，嵌套时内外层各自配对。规则在每个段落内检查：' +
      '只有后引号而没有前引号（如“发挥智库作用”宣讲会”），或有前括号而没有后括号，都会报告。' +
      '全角和半角括号按同一种括号配对（“（一)”不报不成对，由 punctuation/half-width 提示改为全角）。' +
      '跨段的引文（每段开头用前引号、只在最后一段末尾用后引号）不报告；因段落断开而被拆到两段的引号由 punctuation/broken-paragraph 报告。' +
      '两个前引号“…“而没有后引号时，编辑器中提供把第二个改为后引号的建议。',
    examples: [
      { bad: '在线举办新时代港澳委员发挥智库作用”宣讲会', good: '在线举办新时代港澳委员“发挥智库作用”宣讲会' },
      { bad: '服务新区“八大工程“，形成高质量建言成果', good: '服务新区“八大工程”，形成高质量建言成果' },
    ],
    fixable: false,
  },
  check(ctx) {
    const { doc } = ctx;
    const problems = scanPairs(doc);
    const skip = excused(doc, problems, ctx.packs);
    const shown = problems.filter(p => !skip.has(p));
    for (let n = 0; n < shown.length; n++) {
      const pr = shown[n];
      const kind = kindOf(pr.mark);
      const name = NAME[kind] ?? NAME[CLOSE[kind]] ?? '标点';
      const para = doc.paragraphs[pr.paragraphIndex];
      const from = Math.max(para.offset, pr.offset - 8);
      const to = Math.min(para.offset + para.length, pr.offset + 9);
      const ctxText = (from > para.offset ? '…' : '') + doc.text.slice(from, to).replace(/\s+/g, ' ') + (to < para.offset + para.length ? '…' : '');
      const stop = /[。！？；]$/.test(ctxText) ? '' : '。';
      const suggestions: Fix[] = [];
      let message: string;
      if (pr.problem === 'unclosed') {
        const closer = pr.mark === '(' ? ')' : OPEN[kind];
        message = `有前${name}（${pr.mark}）而没有后${name}（${closer}）：${ctxText}${stop}请补上后${name}，或删去多余的前${name}`;
        // “八大工程“ : the second of two unclosed openers of the same kind, with nothing between, was meant to close.
        const prev = shown[n - 1];
        if (prev && prev.problem === 'unclosed' && prev.paragraphIndex === pr.paragraphIndex && prev.mark === pr.mark) {
          const between = doc.text.slice(prev.offset + 1, pr.offset);
          if (!/[“”‘’《》（）()【】]/.test(between) && between.length > 0 && between.length <= 30)
            suggestions.push({ offset: pr.offset, length: 1, text: closer });
        }
      } else {
        const opener = pr.mark === ')' ? '(' : CLOSE[kind];
        message = `有后${name}（${pr.mark}）而没有前${name}（${opener}）：${ctxText}${stop}请在被引用的文字前补上前${name}，或删去多余的后${name}`;
      }
      ctx.report({ offset: pr.offset, length: 1, message, suggestions: suggestions.length ? suggestions : undefined });
    }
  },
};
