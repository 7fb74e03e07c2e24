// 2019年,市政协(一)突出… → 2019年，市政协（一）突出…: half-width , : ; ! ? ( ) " in Chinese prose, one finding per paragraph.
import type { Rule } from '../../core/types';
import type { Paragraph } from '../../core/document';
import { proseRegister } from '../../core/register';
import { HALF_TO_FULL, isAsciiAlnum, isAsciiLetter, isChineseDominant, isZh, nextVisible, prevVisible } from './_lib/marks';
import { Lru, ownString, paragraphMemosOn } from '../../core/memo';

/** IS_HALF_MARK[code] for the ASCII marks of HALF_TO_FULL (all of its keys are ASCII). */
const IS_HALF_MARK: boolean[] = Array.from({ length: 0x80 }, (_, c) => Object.prototype.hasOwnProperty.call(HALF_TO_FULL, String.fromCharCode(c)));

/** Offsets (within the paragraph text) of the half-width marks that should be full-width. */
export function halfWidthMarks(t: string): number[] {
  return [...halfWidthConversions(t).keys()].sort((a, b) => a - b);
}

/** Paragraphs remembered by paragraphConversions (a 32 KB report has about 200). */
const PARA_MEMO_MAX = 2000;
const paraMemo = new Lru<Map<number, string>>(PARA_MEMO_MAX);

/** halfWidthConversions of a paragraph's text, remembered per text (it reads nothing else): a keystroke converts only
 *  the paragraph it changed. The map is shared: read it, do not change it. */
function paragraphConversions(t: string): Map<number, string> {
  if (!paragraphMemosOn()) return halfWidthConversions(t);
  let hit = paraMemo.get(t);
  if (!hit) paraMemo.set(ownString(t), (hit = halfWidthConversions(t)));
  return hit;
}

/** The half-width marks of a paragraph that should be full-width: offset → full-width mark. */
export function halfWidthConversions(t: string): Map<number, string> {
  const zhPara = isChineseDominant(t);
  const out = new Set<number>();
  const result = new Map<number, string>();
  // A mark between two ASCII letters/digits (1,000  10:30  1:1  a,b) stays; one next to Chinese converts.
  const sentenceMark = (i: number): boolean => {
    const prev = prevVisible(t, i);
    const next = nextVisible(t, i);
    if (isAsciiAlnum(prev) && isAsciiAlnum(next)) return false;
    if (t[i] === ':' && (t.startsWith('//', i + 1) || prev === ']')) return false; // URLs, Markdown footnotes [^1]:
    if (isZh(prev)) return true;
    // After Latin or a digit: only when Chinese follows (or the paragraph ends) in a Chinese paragraph.
    if (!zhPara) return false;
    if (t[i] === '!' || t[i] === '?') return !isAsciiLetter(prev) && (next === undefined || isZh(next));
    return next === undefined ? !isAsciiAlnum(prev) : isZh(next);
  };
  // Parentheses: pair ( and （ with ) and ） (nesting respected); a pair converts together.
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  for (let i = 0; i < t.length; i++) {
    // Char codes, not one-character strings: this loop sees every character of the document.
    const c = t.charCodeAt(i);
    if (c === 0x28 || c === 0xff08) stack.push(i);
    else if (c === 0x29 || c === 0xff09) {
      if (stack.length) pairs.push([stack.pop()!, i]);
    } else if (c < 0x80 && IS_HALF_MARK[c] && sentenceMark(i)) out.add(i);
  }
  for (const [o, c] of pairs) {
    if (t[o] === '（' && t[c] === '）') continue;
    const inner = t.slice(o + 1, c);
    const before = prevVisible(t, o);
    const after = nextVisible(t, c);
    const mixed = t[o] === '（' || t[c] === '）';
    const chinese =
      mixed ||
      /[\u3400-\u9fff]/.test(inner) ||
      (zhPara && (isZh(before) || isZh(after)) && !(isAsciiAlnum(before) && before === t[o - 1])) ||
      // (1) numbering at the start of a Chinese paragraph.
      (zhPara && before === undefined && /^[\d一二三四五六七八九十]{1,3}$/.test(inner));
    if (!chinese) continue;
    if (t[o] === '(') out.add(o);
    if (t[c] === ')') out.add(c);
  }
  for (const o of out) result.set(o, HALF_TO_FULL[t[o]]);
  // Straight double quotes: paired in order; a pair around Chinese text becomes “ ”. An odd count is left alone.
  const quotes: number[] = [];
  for (let i = t.indexOf('"'); i >= 0; i = t.indexOf('"', i + 1)) quotes.push(i);
  if (quotes.length % 2 === 0) {
    for (let k = 0; k < quotes.length; k += 2) {
      if (!/[\u3400-\u9fff]/.test(t.slice(quotes[k] + 1, quotes[k + 1]))) continue;
      result.set(quotes[k], '“');
      result.set(quotes[k + 1], '”');
    }
  }
  return result;
}

function describe(marks: string[]): string {
  const counts = new Map<string, number>();
  for (const m of marks) {
    const key = m === '(' || m === ')' ? '()' : m;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([k, n]) => (k === '()' ? `( ) → （ ） ${n} 个` : k === '"' ? `" " → “ ” ${n} 个` : `${k} → ${HALF_TO_FULL[k]} ${n} 个`))
    .join('，');
}

/** With scope "auto", more paragraphs than this with half-width marks are reported as one finding. */
/** Half-width parentheses alone (a column tag such as “(记者手记)” after a headline, a note in brackets) look almost
 *  the same as full-width ones: a hint, while a half-width comma or colon in Chinese text is a warning. */
function onlyParentheses(found: string[]): boolean {
  return found.every(c => c === '(' || c === ')');
}

export const AUTO_PARAGRAPHS = 3;

/** A headline that ends with its column's name in parentheses (厦门马拉松，精彩十八年(体育大看台)): the offsets of
 *  the two parentheses, or undefined. A short line without a sentence's end, the tag closing it. */
const COLUMN_TAG = /\(([^()（）\n，。；：！？,;:!?]{1,24})\)\s*$/;
function columnTag(t: string): [number, number] | undefined {
  if (t.length > 60 || /[。！？]/.test(t)) return undefined;
  const m = COLUMN_TAG.exec(t);
  if (!m || !/[\u3400-\u9fff]/.test(m[1])) return undefined;
  return [m.index, m.index + m[1].length + 1];
}

export const halfWidth: Rule = {
  meta: {
    id: 'punctuation/half-width',
    category: 'punctuation',
    defaultSeverity: 'warning',
    description: '中文文字中使用了半角标点（, : ; ! ? ( ) "），应使用全角标点',
    docs:
      '中文行文应使用全角标点（GB/T 15834—2011）。从网页、Word 或其他系统复制的文稿常把“，：；！？（）”变成了半角的“, : ; ! ? ( )”。' +
      '本规则每个段落只报告一次（说明共有几处），自动修复只替换从第一个到最后一个半角标点之间的文字，其中只改动这些标点。' +
      '超过 3 个段落有半角标点时（通常是从网页整篇复制的文稿），全文只报告一处（说明共有几处、分布在几个段落），一次修复全部，以免淹没真正的问题。' +
      '选项 "scope" 可设为 "paragraph"（总是逐段报告）、"document"（总是全文一处）或 "auto"（默认）。' +
      '成对的半角双引号 "…" 括着中文时改为“…”（个数为单数、无法配对时不改）。' +
      '新闻、通讯等文体的稿件里，标题末尾用半角括号括注的栏目名（如“精彩十八年(体育大看台)”）是版面惯例，不报告；政协文稿中照常报告。' +
      '夹在英文字母或阿拉伯数字之间的半角标点保持不变，例如 1,000、10:30、1:1、PM2.5、网址；括号内外都是英文时（如 (Summary)）也不改。',
    examples: [{ bad: '2019年,市政协紧扣中心(一)突出政治引领', good: '2019年，市政协紧扣中心（一）突出政治引领' }],
    schema: { type: 'object', additionalProperties: false, properties: { scope: { enum: ['auto', 'paragraph', 'document'], description: 'paragraph 逐段报告，document 全文一处，auto（默认）超过 3 段时全文一处' } } },
    fixable: true,
  },
  check(ctx) {
    const { doc } = ctx;
    const scope = ctx.options.scope ?? 'auto';
    const all: { p: Paragraph; marks: number[] }[] = [];
    /** Document offset → full-width mark. */
    const to = new Map<number, string>();
    // News pages tag a headline with its column in half-width parentheses as their own typesetting convention; in a
    // 政协 document (formal register) the same parentheses are still reported.
    const informal = proseRegister(ctx) === 'informal';
    for (const p of doc.paragraphs as Paragraph[]) {
      // The remembered conversions are shared: copied before the column tag is taken out.
      let conv = paragraphConversions(p.text);
      if (informal && conv.size) {
        const tag = columnTag(p.text);
        if (tag && conv.has(tag[0]) && conv.has(tag[1])) {
          conv = new Map(conv);
          conv.delete(tag[0]);
          conv.delete(tag[1]);
        }
      }
      if (!conv.size) continue;
      for (const [o, full] of conv) to.set(p.offset + o, full);
      all.push({ p, marks: [...conv.keys()].sort((a, b) => a - b) });
    }
    if (!all.length) return;
    // A pasted draft with half-width marks throughout gets one finding, not one per paragraph (auto: more than
    // AUTO_PARAGRAPHS paragraphs affected), so that the real mistakes are not buried.
    const perDocument = scope === 'document' || (scope === 'auto' && all.length > AUTO_PARAGRAPHS);
    /** The text around an offset for the message: `…机制,以履…`. */
    const around = (p: Paragraph, at: number) => {
      const from = Math.max(p.offset, at - 5);
      const to = Math.min(p.offset + p.length, at + 4);
      return (from > p.offset ? '…' : '') + doc.text.slice(from, to).replace(/\s+/g, ' ') + (to < p.offset + p.length ? '…' : '');
    };
    /** Replaces the span from the first to the last mark, converting only the marks. */
    const fixFor = (offsets: number[]) => {
      const start = offsets[0];
      const end = offsets[offsets.length - 1] + 1;
      // Pieces between the marks (not an array of one-character strings: in a whole-document fix the span is the text).
      let text = '';
      let pos = start;
      for (const o of [...new Set(offsets)].sort((a, b) => a - b)) {
        text += doc.text.slice(pos, o) + to.get(o)!;
        pos = o + 1;
      }
      return { offset: start, length: end - start, text: text + doc.text.slice(pos, end) };
    };
    const source = 'GB/T 15834—2011《标点符号用法》';
    if (perDocument) {
      // One finding for the whole document, on the first mark; its fix converts every mark.
      const offsets = all.flatMap(({ p, marks }) => marks.map(m => p.offset + m));
      const found = offsets.map(o => doc.text[o]);
      ctx.report({
        offset: offsets[0],
        length: 1,
        message: `全文有 ${offsets.length} 处半角标点（${all.length} 个段落）应改为全角（${describe(found)}），第一处：${around(all[0].p, offsets[0])}`,
        fix: fixFor(offsets),
        source,
        severity: onlyParentheses(found) ? 'info' : undefined,
      });
      return;
    }
    for (const { p, marks } of all) {
      const offsets = marks.map(m => p.offset + m);
      const found = marks.map(m => p.text[m]);
      const fix = fixFor(offsets);
      ctx.report({
        offset: fix.offset,
        length: fix.length,
        message:
          marks.length === 1
            ? `中文中使用了半角标点“${found[0]}”，应改为全角“${to.get(fix.offset)}”：${around(p, fix.offset)}`
            : `本段有 ${marks.length} 处半角标点应改为全角（${describe(found)}），第一处：${around(p, fix.offset)}`,
        fix,
        expected: marks.length === 1 ? to.get(fix.offset) : undefined,
        source,
        severity: onlyParentheses(found) ? 'info' : undefined,
      });
    }
  },
};
