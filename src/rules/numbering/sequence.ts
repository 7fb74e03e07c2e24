// 二、…三、… (no 一、) → starts at 二; 一、二、四、 → 三、 is missing; （一）（二）（二） → repeated: numbering per level and parent.
import type { Fix, Rule } from '../../core/types';
import type { DocumentModel } from '../../core/document';
import { SeqItem, markerShape, markerWithValue, numberingSequences } from './_lib/numbered-sequences';
import { trimEndChars } from '../../core/trim';

/** The heading's title for messages: the marker and a few characters. */
function label(doc: DocumentModel, it: SeqItem): string {
  const h = it.heading;
  const end = Math.min(h.offset + h.length, it.numbering.offset + it.numbering.length + 10);
  const line = doc.text.slice(it.numbering.offset, end).split(/\r?\n|\r/)[0];
  return line + (end < h.offset + h.length && !line.endsWith('。') ? '…' : '');
}

/** True when the marker before `marker` (第一，before 第二，) stands inline in the 300 characters before `offset`:
 *  the list began inside the running text and goes on as paragraphs. */
function previousInline(text: string, offset: number, marker: string): boolean {
  // Only markers that cannot be ordinary words (第一，/一是/其一): 一、 also ends 统一、.
  if (!/^第|是$|^其/.test(trimEndChars(marker, '，,、：:．.', true))) return false;
  return text.slice(Math.max(0, offset - 300), offset).includes(marker);
}

/**
 * True when the ordinal `第N，` at `offset` goes on from a list whose first items were written 首先，/其次， at the
 * start of paragraphs since `from` (首先，…… 其次，…… 第三，……): 首先 stands for 第一 and 其次 for 第二.
 */
function ledByFirstly(text: string, from: number, offset: number, raw: string, value: number): boolean {
  if (!/^第/.test(raw) || value < 2 || value > 3) return false;
  const between = text.slice(Math.max(0, from), offset);
  const firstly = between.search(/(?:^|\n)[ \t\u3000]*首先[，,：:]/);
  if (firstly < 0) return false;
  return value === 2 || /(?:^|\n)[ \t\u3000]*其次[，,：:]/.test(between.slice(firstly + 1));
}

export const numberingSequence: Rule = {
  meta: {
    id: 'numbering/sequence',
    category: 'numbering',
    defaultSeverity: 'error',
    description: '编号不连续：同一层级的编号应从一（1）开始逐个递增，不跳号、不重号',
    docs:
      '按层级检查标题和段落的序号（一、 （一） 1. （1） ① 第一，以及带编号的 Markdown 标题）：同一上级标题下的同级编号应从“一”或“1”开始，依次加一，' +
      '不能跳号（一、二、四、）、重号（（二）（二））或倒序；段首的“首先，”“其次，”算作“第一，”“第二，”（首先，……其次，……第三，……）。上一级编号改变时，下一级重新从一开始；某一级重新从一开始也视为新的一组编号（如“回顾”和“安排”两部分各自从“一、”编起），但同一标题下紧接着“（一）（二）”又只有一项“（一）”时，这一项不成其为一组，报告为顺序颠倒（应为“（三）”）。' +
      'Markdown 中，紧接上一行（中间没有空行）的编号行也算作编号；引用块和跨段引文里的编号、“三、四季度”“3、4月份”这类数字并列不算。' +
      '文稿第一个编号不是“一”（例如从“二、”开始）通常说明前面的内容丢失了，或者是节选；节选时可以用 <!-- draft-lint-disable-next-line numbering/sequence --> 关闭这一处。' +
      '重号时，如果后一个编号正好接上，编辑器中提供“改为正确编号”的建议；不自动修复，因为也可能是漏了一节。',
    examples: [
      { bad: '二、增强协商议政监督实效（文稿没有“一、”）', good: '一、…… 二、增强协商议政监督实效' },
      { bad: '（一）……\n（二）……\n（二）……\n（四）……', good: '（一）……\n（二）……\n（三）……\n（四）……' },
    ],
    fixable: false,
  },
  check(ctx) {
    const { doc } = ctx;
    // The last value of each marker shape seen so far: sub-items numbered on across sections (一、（一）（二）
    // 二、（三）…, as central documents do) continue the previous list instead of restarting.
    const lastOfShape = new Map<string, number>();
    for (const seq of numberingSequences(doc)) {
      const parent = seq.parent ? `“${label(doc, seq.parent)}”下的` : '';
      const first = seq.items[0];
      const shape = markerShape(first.numbering.raw) + (seq.markdownLevel ?? '');
      const continues = seq.parent !== undefined && lastOfShape.get(shape) === first.numbering.value - 1;
      lastOfShape.set(shape, seq.items[seq.items.length - 1].numbering.value);
      // A marked excerpt (节选, 摘要) or a news story may begin anywhere; a newspaper page (上接1版) is still reported.
      const excerpt = ctx.excerpt && ctx.excerptKind !== 'page';
      if (
        first.numbering.value !== 1 &&
        !continues &&
        !excerpt &&
        !previousInline(doc.text, first.numbering.offset, markerWithValue(first.numbering.raw, seq.style, first.numbering.value - 1)) &&
        !ledByFirstly(doc.text, first.numbering.offset - 3000, first.numbering.offset, first.numbering.raw, first.numbering.value)
      ) {
        const one = markerWithValue(first.numbering.raw, seq.style, 1);
        const missing = first.numbering.value === 2 ? `“${one}”` : `“${one}”至“${markerWithValue(first.numbering.raw, seq.style, first.numbering.value - 1)}”`;
        ctx.report({
          offset: first.numbering.offset,
          length: first.numbering.length,
          message: `${parent}编号从“${first.numbering.raw}”开始，缺少${missing}：同级编号应从“${one}”起依次递增（如为节选，可用 draft-lint-disable 注释关闭）`,
          expected: one,
          // A document whose outermost numbers are of a lower level ((十九)、3.、第三，) and start late is most often an
          // excerpt of a longer one: a hint. A report that starts at 二、 has lost its first part: an error.
          severity: !seq.parent && seq.style !== 'cn-dun' ? 'info' : undefined,
        });
      }
      // A lone item numbered 1 again right after a list of its level under the same heading (（一）（二）（一）) is
      // no new list (a list of one item has no number): the number is wrong. Where more items follow it (（一）（二）)
      // a new list begins, as a report's review and plan each number from 一.
      const before = seq.restartOf;
      if (before && seq.items.length === 1 && seq.parent) {
        const prev = before.items[before.items.length - 1].numbering;
        const want = prev.value + 1;
        const wantRaw = markerWithValue(first.numbering.raw, seq.style, want);
        ctx.report({
          offset: first.numbering.offset,
          length: first.numbering.length,
          message: `${parent}编号顺序颠倒：“${prev.raw}”之后又是“${first.numbering.raw}”，同级编号应依次递增，此处应为“${wantRaw}”`,
          expected: wantRaw,
          suggestions: [{ offset: first.numbering.offset, length: first.numbering.length, text: wantRaw }],
        });
      }
      // The value the previous item stands for (a single mistyped number counts as the one it should be).
      let prevValue = first.numbering.value;
      for (let i = 1; i < seq.items.length; i++) {
        const prev = seq.items[i - 1].numbering;
        const cur = seq.items[i].numbering;
        const want = prevValue + 1;
        prevValue = cur.value;
        if (cur.value === want) continue;
        // A new list begun with 首先，/其次， after the previous one (……第五，…… 首先，…… 其次，…… 第三，……).
        if (ledByFirstly(doc.text, seq.items[i - 1].heading.offset + 1, cur.offset, cur.raw, cur.value)) continue;
        const wantRaw = markerWithValue(cur.raw, seq.style, want);
        const next = seq.items[i + 1]?.numbering;
        const suggestions: Fix[] = [];
        // A single wrong number between two right ones (二、 二、 四、): renumbering it is the likely fix.
        if (next && next.value === want + 1) {
          suggestions.push({ offset: cur.offset, length: cur.length, text: wantRaw });
          prevValue = want;
        }
        let message: string;
        if (cur.value === prev.value) message = `${parent}编号“${cur.raw}”与上一个编号重复，应为“${wantRaw}”`;
        else if (cur.value > want)
          message = `${parent}编号从“${prev.raw}”跳到“${cur.raw}”，缺少“${wantRaw}”${cur.value > want + 1 ? '等' : ''}：同级编号应依次递增`;
        else message = `${parent}编号顺序颠倒：“${prev.raw}”之后是“${cur.raw}”，同级编号应依次递增${suggestions.length ? `，此处应为“${wantRaw}”` : ''}`;
        ctx.report({ offset: cur.offset, length: cur.length, message, expected: suggestions.length || cur.value >= want ? wantRaw : undefined, suggestions: suggestions.length ? suggestions : undefined });
      }
    }
  },
};
