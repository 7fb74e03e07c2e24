// 一是……二是……二是…… → the second 二是 should be 三是 (ordinals written inside running text: gaps, repeats, a wrong start).
import type { Rule, RuleContext } from '../../core/types';
import { parseChineseInt } from '../../core/numbers';
import { Lru, ownString, paragraphMemosOn } from '../../core/memo';

/** The kinds of inline ordinal series; each is numbered on its own. */
type Kind = 'shi' | 'yao' | 'di' | 'qi' | 'adverb' | 'paren' | 'digit' | 'circled';

interface Marker {
  kind: Kind;
  value: number;
  /** The marker as written (二是, 第三, 其次) and where (the ordinal part only, without what follows). */
  raw: string;
  offset: number;
  length: number;
  /** Numeral part (for fixes): offset and length inside the document. */
  numOffset: number;
  numLength: number;
  paragraph: number;
  /** The marker is a heading's own numbering (第一， at the start of a paragraph): numbering/sequence reports it. */
  heading: boolean;
}

const NUM = '一二三四五六七八九十';
const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
/** A clause boundary: the start of a paragraph or a mark that ends a clause. */
const BOUNDARY = '(?<=^|[，,。；;：:！？!?（(“”"\\s\\u3000]|……)';
const PATTERNS: { kind: Kind; re: RegExp }[] = [
  { kind: 'shi', re: new RegExp(`${BOUNDARY}([${NUM}]{1,3})是(?![的否])`, 'g') },
  { kind: 'yao', re: new RegExp(`${BOUNDARY}([${NUM}]{1,3})要(?=[\\u3400-\\u9fff])`, 'g') },
  // 第一，/第一：/第一、 (not 第一、二批 or 第一、第二名, where the 顿号 joins numbers).
  { kind: 'di', re: new RegExp(`${BOUNDARY}第([${NUM}]{1,3})(?=[，,：:]|、(?![第${NUM}]))`, 'g') },
  { kind: 'qi', re: new RegExp(`${BOUNDARY}其([${NUM}])(?=[，,：:是])`, 'g') },
  // 首先，/其次要/再次是: the adverb then a comma, or the modal or copula that opens the item's clause.
  { kind: 'adverb', re: new RegExp(`${BOUNDARY}(首先|其次|再次|最后)(?=[，,：:]|要|是|应|必须|需要)`, 'g') },
];
const ADVERB: Record<string, number> = { 首先: 1, 其次: 2, 再次: 3, 最后: 99 };
/** （一）加强学习。（二）深化协商。（四）强化监督。: bracketed numbers that open the items of one paragraph (after the
 *  paragraph's start or a clause's end; 第三条（一）项 is a reference, not an item). Only numbered within a paragraph:
 *  numbers that open paragraphs are headings, numbering/sequence's. */
const PAREN = new RegExp(`(?<=^|[。；;：:！？!?\\s\\u3000])[（(]([${NUM}]{1,3}|[1-9][0-9]?)[）)]`, 'g');
/** 1.加强领导。2.强化落实。4.注重宣传。/ 1、…；2、…: digits then a full stop or 顿号 opening the items of one paragraph
 *  (after the paragraph's start or a clause's end, and before a word: not 2.5亿, 2、3月). Checked as the
 *  bracketed numbers are: inside one paragraph, from 1. */
const DIGIT = /(?<=^|[。；;：:！？!?\s\u3000])([1-9][0-9]?)[.．、](?=[\u3400-\u9fff“《（(A-Za-z])/g;
/** ①加强领导；②强化落实；④注重宣传: circled numbers opening items (after a clause's end or a comma). */
const CIRCLED = /(?<=^|[。；;：:！？!?，,\s\u3000])([\u2460-\u2473])/g;
/** The markers that number the items of one paragraph (the whole marker is their length). */
const ITEM_PATTERNS: { kind: Kind; re: RegExp }[] = [
  { kind: 'paren', re: PAREN },
  { kind: 'digit', re: DIGIT },
  { kind: 'circled', re: CIRCLED },
];
const inParagraphKind = (kind: Kind) => kind === 'paren' || kind === 'digit' || kind === 'circled';

/** Paragraphs further apart than this do not belong to one series. */
const MAX_PARAGRAPH_GAP = 3;

/** A match of one of the PATTERNS in a paragraph's masked text: its kind, where (in the paragraph) and the numeral. */
interface RawMarker {
  kind: Kind;
  index: number;
  word: string;
  /** The whole marker's length, for a bracketed number ((三) or （3）). */
  length?: number;
}

/** Paragraphs remembered by rawMarkers (a 32 KB report has about 200). */
const PARA_MEMO_MAX = 2000;
const paraMemo = new Lru<RawMarker[]>(PARA_MEMO_MAX);

/** The PATTERNS' matches in one paragraph's masked text, in pattern order; they depend on that text alone (a pattern's
 *  lookbehind reads at most the paragraph's start), so they are remembered per text: a keystroke searches only the
 *  paragraph it changed. */
function rawMarkers(t: string): RawMarker[] {
  const memo = paragraphMemosOn();
  const hit = memo ? paraMemo.get(t) : undefined;
  if (hit) return hit;
  const out: RawMarker[] = [];
  for (const { kind, re } of PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) out.push({ kind, index: m.index, word: m[1] });
  }
  for (const { kind, re } of ITEM_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t))) out.push({ kind, index: m.index, word: m[1], length: m[0].length });
  }
  if (memo) paraMemo.set(ownString(t), out);
  return out;
}

/** The ordinal markers of the document, outside quotations and outside headings' own numbering. */
function markers(ctx: RuleContext): Marker[] {
  const doc = ctx.doc;
  const out: Marker[] = [];
  const quoted = (o: number) => doc.quotes.some(q => q.open < o && o < q.close);
  for (const p of doc.paragraphs) {
    if (p.kind === 'heading' && !p.heading?.title) continue;
    const t = doc.masked.slice(p.offset, p.offset + p.length);
    for (const { kind, index, word, length: whole } of rawMarkers(t)) {
      const off = p.offset + index;
      const num = p.heading?.numbering;
      const heading = !!num && off < num.offset + num.length && num.offset <= off;
      if (inParagraphKind(kind)) {
        // A paragraph's own heading number ((一) before its text) counts as the first item of its bracketed series.
        if (quoted(off)) continue;
        const value = kind === 'circled' ? word.charCodeAt(0) - 0x2460 + 1 : /^[0-9]/.test(word) ? Number(word) : parseChineseInt(word);
        if (!Number.isFinite(value) || value < 1) continue;
        const numOffset = kind === 'paren' ? off + 1 : off;
        out.push({ kind, value, raw: t.slice(index, index + whole!), offset: off, length: whole!, numOffset, numLength: word.length, paragraph: p.index, heading });
        continue;
      }
      if (heading && kind !== 'di') continue;
      if (quoted(off)) continue;
      const value = kind === 'adverb' ? ADVERB[word] : parseChineseInt(word);
      if (!Number.isFinite(value) || value < 1) continue;
      const numOffset = kind === 'di' || kind === 'qi' ? off + 1 : off;
      const length = kind === 'adverb' ? word.length : kind === 'shi' || kind === 'yao' ? word.length + 1 : word.length + 1;
      out.push({ kind, value, raw: t.slice(index, index + length), offset: off, length, numOffset, numLength: word.length, paragraph: p.index, heading });
    }
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/** Splits one kind's markers into series: a new series starts at 1 (一是 after a new head sentence) or after a gap of paragraphs. */
function series(ms: Marker[], gap = MAX_PARAGRAPH_GAP): Marker[][] {
  const out: Marker[][] = [];
  let cur: Marker[] = [];
  for (const m of ms) {
    const last = cur[cur.length - 1];
    // A number lower than the last one in a later paragraph begins another list (its first items written otherwise).
    const restart =
      !last || m.paragraph - last.paragraph > gap || m.value === 1 || (m.value < last.value && m.paragraph !== last.paragraph);
    if (restart) {
      if (cur.length) out.push(cur);
      cur = [m];
    } else cur.push(m);
  }
  if (cur.length) out.push(cur);
  return out;
}

/** A bracketed number written in digits ((3)), not numerals ((三)). */
function arabic(m: Marker): boolean {
  return (m.kind === 'paren' && /[0-9]/.test(m.raw[1])) || m.kind === 'digit';
}

/** The number `value` written as the marker `m` writes its number (三, 3 or ③). */
function numeral(m: Marker, value: number): string {
  if (m.kind === 'circled') return value >= 1 && value <= 20 ? String.fromCharCode(0x2460 + value - 1) : String(value);
  return arabic(m) ? String(value) : CN[value] ?? String(value);
}

/** The marker written with another number (二是 → 三是). */
function renumbered(m: Marker, value: number): string {
  const n = CN[value] ?? String(value);
  if (m.kind === 'shi') return n + '是';
  if (m.kind === 'yao') return n + '要';
  if (m.kind === 'di') return '第' + n;
  if (m.kind === 'paren') return m.raw[0] + (arabic(m) ? String(value) : n) + m.raw[m.raw.length - 1];
  if (m.kind === 'digit') return String(value) + m.raw[m.raw.length - 1];
  if (m.kind === 'circled') return numeral(m, value);
  return '其' + n;
}

export const inlineOrdinal: Rule = {
  meta: {
    id: 'numbering/inline-ordinal',
    category: 'numbering',
    defaultSeverity: 'warning',
    description: '正文中的序数词（一是、二是，第一、第二，其一、其二，首先、其次）不连续、重复或不从“一”开始',
    docs:
      '标题的编号由 numbering/sequence 检查；本规则检查写在段落正文中的序数：“一是……二是……三是……”“一要……二要……”“第一，……第二，……”“其一……其二……”“首先，……其次，……再次，……最后，……”，以及同一段里接连写的括号序号“（一）……。（二）……。（三）……”“(1)……；(2)……”、数字序号“1.……；2.……”“1、……；2、……”和圈码“①……；②……”（只在一段之内、从 1 开始的系列中检查；“2.5倍”“2、3月”不是序号；各段开头的括号编号是标题，由 numbering/sequence 检查；“第三条（一）项”这样的引用不算）。' +
      '同一段或相邻几段中的同类序数组成一个系列：序号跳过（一是、二是、四是）、重复（一是、二是、二是）或倒退时报告；新的“一是”开始一个新的系列（另起一个总括句后重新编号是正常的）。“首先、其次、再次、最后”也按这个顺序：“再次”之后又写“其次”（首先……其次……再次……其次）、“首先”之后直接写“再次”、“最后”之后还有序数时报告。' +
      '系列不从“一”开始（只有“二是、三是”）时提示，但文稿开头就是“二是”（节选）时，或前一项用另一种序数写在前面不远处时（“一要……二是……三是”“首先，……第二，……第三，”“其次，……其三，”）不提示。引号内的序数（引用别人的话）不检查。' +
      '能确定应有的序号时（前后序号都一致）提供修正。',
    examples: [
      { bad: '一是加强学习；二是深入调研；二是强化监督。', good: '一是加强学习；二是深入调研；三是强化监督。' },
      { bad: '第一，提高站位；第三，完善机制。', good: '第一，提高站位；第二，完善机制。' },
    ],
    fixable: true,
  },
  check(ctx) {
    const all = markers(ctx);
    if (all.length < 2) return;
    const firstPara = ctx.doc.paragraphs.find(p => p.text.trim())?.index ?? 0;
    for (const kind of ['shi', 'yao', 'di', 'qi', 'adverb', 'paren', 'digit', 'circled'] as Kind[]) {
      const ms = all.filter(m => m.kind === kind);
      if (!ms.length) continue;
      let before: Marker[] | undefined;
      // Bracketed numbers make a series only inside one paragraph, Chinese numerals and digits apart.
      const groups = kind === 'paren' ? [ms.filter(m => !arabic(m)), ms.filter(arabic)] : [ms];
      const inParagraph = inParagraphKind(kind);
      for (const s of groups.flatMap(g => series(g, inParagraph ? 0 : MAX_PARAGRAPH_GAP))) {
        if (inParagraph && (s.length < 2 || s[0].value !== 1)) continue;
        // A list right after another of the same kind, restarting lower, had its first items written otherwise.
        const afterList = !!before && s[0].paragraph - before[before.length - 1].paragraph <= MAX_PARAGRAPH_GAP;
        check(s, kind, firstPara, afterList);
        before = s;
      }
    }

    function check(s: Marker[], kind: Kind, firstPara: number, afterList: boolean) {
      if (kind === 'adverb') {
        // 首先 … 其次 … 其次: a repeated 其次 (should be 再次); 最后 followed by more items.
        for (let k = 1; k < s.length; k++) {
          const a = s[k - 1];
          const b = s[k];
          if (b.paragraph - a.paragraph > 1) return;
          if (a.raw === b.raw && b.value !== 1) {
            ctx.report({
              offset: b.offset,
              length: b.length,
              message: `序数重复：前面已有“${a.raw}”，此处${b.raw === '其次' ? '应为“再次”' : '请核对'}`,
              fix: b.raw === '其次' && s[0].value === 1 ? { offset: b.offset, length: 2, text: '再次' } : undefined,
            });
            return;
          }
          // 首先 … 其次 … 再次 … 其次: an earlier ordinal again after a later one (not a new list begun with 首先).
          if (b.value < a.value && b.value !== 1 && a.value !== 99) {
            const seen = s.slice(0, k).some(x => x.raw === b.raw);
            ctx.report({
              offset: b.offset,
              length: b.length,
              message: `序数${seen ? '重复' : '倒序'}：前面已有“${a.raw}”，此处又是“${b.raw}”，请核对（依次为首先、其次、再次、最后）`,
            });
            return;
          }
          // 首先 … 再次: the 其次 between them is missing (or 再次 was meant as 其次).
          if (a.value === 1 && b.value === 3) {
            ctx.report({ offset: b.offset, length: b.length, message: '序数不连续：“首先”之后直接是“再次”，中间缺少“其次”，请核对', expected: '其次' });
            return;
          }
          if (a.value === 99 && b.value !== 99) {
            ctx.report({ offset: b.offset, length: b.length, message: `“最后”之后又出现“${b.raw}”，序数顺序有误` });
            return;
          }
        }
        return;
      }
      // A series that does not start at 一 (二是、三是 without 一是): a note, unless the text is an excerpt, or the
      // items before it were numbered in another way close before it (一要……二是……, 首先，……第二，……, 其次，……其三，……).
      const startedOtherwise = all.some(m => m.kind !== kind && m.value === s[0].value - 1 && m.offset < s[0].offset && s[0].paragraph - m.paragraph <= MAX_PARAGRAPH_GAP);
      if (s[0].value !== 1 && !afterList && !startedOtherwise && !s[0].heading && s.length >= 2 && s[0].paragraph !== firstPara && s[1].value === s[0].value + 1) {
        ctx.report({
          offset: s[0].offset,
          length: s[0].length,
          message: `序数从“${s[0].raw}”开始，前面没有“${renumbered(s[0], 1)}”，请核对是否漏写`,
          severity: 'info',
        });
      }
      for (let k = 1; k < s.length; k++) {
        const prev = s[k - 1];
        const m = s[k];
        const want = prev.value + 1;
        if (m.value === want) continue;
        const next = s[k + 1];
        // The number that the following marker confirms (二是, 二是, 四是: the second 二是 is 三是).
        const sure = !next || next.value === want + 1;
        if (m.heading) return;
        const what = m.value === prev.value ? '重复' : m.value < prev.value ? '倒退' : '不连续';
        ctx.report({
          offset: m.offset,
          length: m.length,
          message: `序数${what}：前一项为“${prev.raw}”，此处为“${m.raw}”，应为“${renumbered(m, want)}”`,
          fix: sure ? { offset: m.numOffset, length: m.numLength, text: numeral(m, want) } : undefined,
          expected: renumbered(m, want),
        });
        return;
      }
    }
  },
};
