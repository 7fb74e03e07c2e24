// 坚持以人民为中心的发展理念 → …发展思想 (a formulation that edited text writes often and always alike, written one
// edit away: a phrase of the mined lexicon, src/segmenter/dict/mined.phrases.utf8, not of the hand-made pack).
import type { MinedPhraseHit, RuleContext, Rule, Segmenter } from '../../core/types';
import type { Paragraph } from '../../core/document';
import { findPhraseHits } from './_lib/phrase-matcher';
import { smallestFix } from './_lib/pack-entries';
import { findWordSlipsByLine } from './_lib/word-matcher';
import { Lru, paragraphMemosOn } from './_lib/para-memo';
import { ownString } from '../../core/memo';
import { oneEdit } from '../../segmenter/phrases';

/** Characters whose change alone is grammar or style, not a misquote (的/之, 和/与/及, 了, 并, 等). */
const FUNCTION = /^[的之地得和与及同跟了并是等者所而且也都为以于其这那个些]*$/;
/** A warning needs a phrase found in at least this many files of the reference corpus … */
const WARN_DOCS = 20;
/** … at least this long. */
const WARN_LEN = 8;
const LINE_MEMO_MAX = 4000;
/** Particles and conjunctions: a swap or transposition that moves one is a rewording, not a slip. */
const PARTICLE = /[的之地得和与及了并是等]/;

/** True when the change of `h` falls on a slot of its phrase that the reference corpus fills in other ways too
 *  (支持民营/实体经济发展, 有关部门/方面负责人), or on a position where it writes a one-edit variant. */
function onOpenSlot(h: MinedPhraseHit): boolean {
  const p = h.phrase;
  const open = new Set(p.open ?? []);
  const a = h.from;
  const m = h.to - h.from;
  let hit: boolean;
  // Two characters transposed into no word (际国 for 国际) is a slip whatever else the corpus writes there.
  if (h.kind === 'swapped' && m === 2) hit = false;
  // The first or last character: no slot data (the rule asks for a homophone that makes no word).
  else if (h.kind === 'replaced' && (a === 0 || h.to === p.text.length)) hit = false;
  else if (h.kind === 'added') hit = open.has(`g${a}`);
  else if (h.kind === 'dropped') hit = open.has(`s${a}`) || open.has(`w${a - 1}`) || open.has(`w${a}`);
  else if (m === 1) hit = open.has(`s${a}`) || open.has(`w${a - 1}`) || open.has(`w${a}`);
  else if (m === 2) hit = open.has(`w${a}`) || open.has(`s${a}`) || open.has(`s${a + 1}`);
  else hit = open.has(`x${a}`);
  if (hit) return true;
  for (const v of p.variants) {
    const e = oneEdit(p.text, v);
    if (e && e.kind === h.kind && e.from < Math.max(h.to, h.from + 1) && h.from < Math.max(e.to, e.from + 1)) return true;
  }
  return false;
}

/** Token boundaries of `text` (1 where a token starts or ends). */
function boundaries(text: string, seg: Segmenter): Uint8Array {
  const b = new Uint8Array(text.length + 1);
  for (const t of seg.cut(text)) {
    b[t.offset] = 1;
    b[t.offset + t.word.length] = 1;
  }
  return b;
}

/** Hits of one line of text (offsets within the line) that the corpus does not explain. */
function lineHits(line: string, ctx: RuleContext): MinedPhraseHit[] {
  const seg = ctx.segmenter;
  const idx = seg?.minedPhrases?.();
  if (!seg || !idx) return [];
  const out: MinedPhraseHit[] = [];
  let bounds: Uint8Array | undefined;
  for (const h of idx.near(line)) {
    const p = h.phrase;
    if (p.variants.includes(h.written)) continue;
    // Only function characters changed (的 added, 和 for 与).
    const removed = p.text.slice(h.from, h.to);
    const added = h.written.slice(h.qFrom, h.qTo);
    if (h.kind !== 'swapped' && FUNCTION.test(removed) && FUNCTION.test(added)) continue;
    // Two parts moved: only two two-character words of content (协商民主 → 民主协商) or two characters (现代化 → 现化代).
    if (h.kind === 'swapped' && h.to - h.from !== 2 && (h.to - h.from !== 4 || PARTICLE.test(removed))) continue;
    if (onOpenSlot(h)) continue;
    // The written span itself is a phrase of the lexicon.
    if (idx.get(h.written)) continue;
    // The span starts and ends on word boundaries of the text (国家长治久安 is not in 中国长治久安), and a
    // two-character block replaced is a word of the phrase (全党全国人民 has no word 党全).
    bounds ??= boundaries(line, seg);
    if (!bounds[h.offset] || !bounds[h.offset + h.length]) continue;
    if (!slipLike(h, seg)) continue;
    out.push(h);
  }
  // Overlapping hits: the longest phrase (then the most frequent) speaks for the span.
  out.sort((a, b) => b.phrase.text.length - a.phrase.text.length || b.phrase.count - a.phrase.count || a.offset - b.offset);
  const kept: MinedPhraseHit[] = [];
  for (const h of out) if (!kept.some(k => h.offset < k.offset + k.length && k.offset < h.offset + h.length)) kept.push(h);
  return kept.sort((a, b) => a.offset - b.offset);
}

/** Whether the change looks like a slip rather than another wording (edited text rewrites a formulation's words
 *  freely: 创新社会/城市治理, 主旋律（更）高昂, 经济社会/社会经济发展):
 *  - a character replaced by a homophone (资政 → 咨政), or so that its word is no word (现代化 → 现代华);
 *  - a two-character word of the phrase replaced by a word that keeps one of its characters (凝聚 → 汇聚) or reads
 *    alike;
 *  - a character dropped from or added inside a word of the phrase, leaving no word (价值观 → 价观);
 *  - two characters transposed so that they make no word (现代化 → 现化代); two two-character words swapped in a
 *    phrase of ten characters or more (协商民主 → 民主协商). */
function slipLike(h: MinedPhraseHit, seg: Segmenter): boolean {
  const lex = seg.lexicon?.();
  const known = (w: string) => (lex ? lex.known(w) : seg.isWord(w));
  const homophone = (a: string, b: string) => !!lex && lex.homophones(a).includes(b);
  const p = h.phrase.text;
  const pb = phraseBounds(p, seg);
  /** The phrase's word around position i: [start, end). */
  const wordAt = (i: number): [number, number] => {
    let a = i;
    while (a > 0 && !pb[a]) a--;
    let b = i + 1;
    while (b < p.length && !pb[b]) b++;
    return [a, b];
  };
  const m = h.to - h.from;
  if (h.kind === 'replaced' && m === 1) {
    const was = p[h.from];
    const got = h.written[h.qFrom];
    const [a, b] = wordAt(h.from);
    const noWord = b - a >= 2 && !known(h.written.slice(a, b));
    // At an edge of the phrase: a homophone that makes no word (共建共治共享的社会治里).
    if (h.from === 0 || h.to === p.length) return homophone(was, got) && noWord;
    if (homophone(was, got)) return true;
    // A particle for a character (制造的增加值 for 制造业增加值) is another construction, not a slip.
    if (/[的之地得]/.test(got) || !noWord) return false;
    // Nor does the new character make a word with a neighbour inside that word (固定资本投资: 资本).
    for (let i = Math.max(a, h.from - 1); i <= h.from && i + 2 <= b; i++) if (known(h.written.slice(i, i + 2))) return false;
    return true;
  }
  if (h.kind === 'replaced' && m === 2) {
    if (!pb[h.from] || !pb[h.to]) return false;
    const was = p.slice(h.from, h.to);
    const got = h.written.slice(h.qFrom, h.qTo);
    if (was[0] === got[0] || was[1] === got[1]) return true;
    return homophone(was[0], got[0]) && homophone(was[1], got[1]);
  }
  if (h.kind === 'dropped') {
    const [a, b] = wordAt(h.from);
    if (b - a < 2 || !known(p.slice(a, b))) return false;
    const rest = p.slice(a, h.from) + p.slice(h.from + 1, b);
    if (rest.length >= 2 && known(rest)) return false;
    // What is left joins a neighbour into a word (污染物排放总量 → 排放量).
    const q = h.written;
    const at = h.qFrom;
    for (const [x, y] of [[at - 1, at + 1], [at - 2, at + 1], [at - 1, at + 2]])
      if (x >= 0 && y <= q.length && known(q.slice(x, y))) return false;
    return true;
  }
  if (h.kind === 'added') {
    // Inside a word of the phrase (not between two of its words).
    if (pb[h.from]) return false;
    const [a, b] = wordAt(h.from);
    return known(p.slice(a, b)) && !known(h.written.slice(a, b + 1));
  }
  // Swapped.
  // Two characters transposed so that they make no word (现代化 → 现化代, 改革 → 革改).
  if (m === 2) return !known(h.written.slice(h.qFrom, h.qTo)) && !PARTICLE.test(h.written.slice(h.qFrom, h.qTo));
  // Two two-character words (or the halves of a four-character one: 集中统一 → 统一集中) swapped.
  const halves = known(p.slice(h.from, h.from + 2)) && known(p.slice(h.from + 2, h.to));
  return p.length >= 8 && pb[h.from] === 1 && pb[h.to] === 1 && (pb[h.from + 2] === 1 || halves) && !PARTICLE.test(p.slice(h.from, h.to));
}

const phraseBoundCache = new Map<string, Uint8Array>();
function phraseBounds(text: string, seg: Segmenter): Uint8Array {
  let b = phraseBoundCache.get(text);
  if (!b) phraseBoundCache.set(text, (b = boundaries(text, seg)));
  return b;
}

/** Per phrase index: each line's hits, by the text of the paragraph the line holds (Paragraph.text, a string the
 *  paragraph memos share, so it is hashed once per document) and then by the blanks around it; a line that is not one
 *  whole paragraph by its own text and no blanks. (A freshly sliced key per line was hashed at every keystroke, and
 *  kept the whole document it was sliced from alive.) */
const memos = new WeakMap<object, Lru<Map<string, MinedPhraseHit[]>>>();
/** Most blank-contexts kept per paragraph text. */
const CONTEXTS_MAX = 4;

function describe(h: MinedPhraseHit): string {
  const want = h.phrase.text.slice(h.from, h.to);
  const got = h.written.slice(h.qFrom, h.qTo);
  switch (h.kind) {
    case 'added':
      return `多了“${got}”`;
    case 'dropped':
      return `漏了“${want}”`;
    case 'swapped':
      return `“${got}”前后颠倒，应为“${want}”`;
    default:
      return `“${got}”应为“${want}”`;
  }
}

export const minedPhrase: Rule = {
  meta: {
    id: 'formulation/mined-phrase',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '常用固定表述错了一处',
    docs:
      '除了规则包中人工整理的规范提法，还对照从人民日报三个月（2019年2月、10月，2020年1月，约 770 万字）中统计出的常用固定表述（`src/segmenter/dict/mined.phrases.utf8`，约 1900 条，由 `scripts/mine-formulations.ts` 生成，只存表述、次数和统计结果）：' +
      '6 到 20 个汉字、不跨标点，出现 8 次以上且分布在 6 篇以上文章中；前后不总是连着同一个字，首尾落在分词的词边界上，不是两部分的偶然拼合；几乎总是一字不差地写（只差一处的写法不超过用例的 5%），如“全面从严治党永远在路上”“维护以联合国为核心的国际体系”“中国共产党纪律处分条例”。' +
      '文中一处文字与某条表述只差一处、而这种写法在统计文本中从未出现时报告，并给出常用写法：' +
      '一个字换成同音字（“永远再路上”应为“在路上”），或换成的字使所在的词不成词；一个两字词换成保留其中一字或读音相同的词；词内漏了一个字或多了一个字，剩下的不成词；相邻两个字颠倒而不成词（“革改”应为“改革”）；相邻两个两字词前后颠倒（“准则基本”应为“基本准则”）。' +
      '为避免误报，以下情况不报告：只改了虚词（的、和、与、及等），或把一个字换成“的”；改动落在统计文本中本来就有多种写法的位置（同样的前后两字之间出现过两次以上别的字，如“坚持从实际/国情出发”），或统计文本写过这两个词的另一种词序（“经济社会/社会经济”）；换上的是另一个常用词而不是同音字（“领导/倡导”）；漏字后剩下的字与前后组成词（“排放总量”写成“排放量”）；改后的文字本身是另一条常用表述；首尾两字以外的位置才查增删和换词（首字、末字只查同音字和颠倒）；文字的首尾不在词的边界上；同一处已由 formulation/canonical-phrase、formulation/phrase-word 报告。' +
      `表述出现在 ${WARN_DOCS} 篇以上文章中、长 ${WARN_LEN} 字以上、统计文本中没有任何只差一处的写法、且是换字或颠倒时为警告，其余为提示（info）。近义词替换（“重要渠道”写成“重要途径”）需要近义词知识，本规则不查，由规则包中的提法和 formulation/phrase-word 负责。`,
    examples: [
      { bad: '学习中国共产党律纪处分条例。', good: '学习中国共产党纪律处分条例。' },
      { bad: '全面从严治党永远再路上。', good: '全面从严治党永远在路上。' },
      { bad: '维护国际关系准则基本。', good: '维护国际关系基本准则。' },
    ],
    fixable: true,
    needsSegmenter: true,
  },
  check(ctx) {
    const idx = ctx.segmenter?.minedPhrases?.();
    if (!idx) return;
    const doc = ctx.doc;
    let memo: Lru<Map<string, MinedPhraseHit[]>> | undefined;
    if (paragraphMemosOn()) {
      memo = memos.get(idx);
      if (!memo) memos.set(idx, (memo = new Lru<Map<string, MinedPhraseHit[]>>(LINE_MEMO_MAX)));
    }
    // The paragraph that is the whole of each line (one-line paragraphs), by line index.
    const whole: (Paragraph | undefined)[] = [];
    if (memo) for (const p of doc.paragraphs) if (p.startLine === p.endLine) whole[p.startLine] = p;
    const hits: MinedPhraseHit[] = [];
    for (const line of doc.lines) {
      const lineEnd = line.offset + line.text.length;
      if (lineEnd - line.offset < 5) continue;
      let hs: MinedPhraseHit[] | undefined;
      let byCtx: Map<string, MinedPhraseHit[]> | undefined;
      let around = '';
      if (memo) {
        const p = whole[line.index];
        let core: string;
        if (p) {
          core = p.text;
          around = `${doc.masked.slice(line.offset, p.offset)}\u0000${doc.masked.slice(p.offset + p.length, lineEnd)}`;
        } else {
          core = doc.masked.slice(line.offset, lineEnd);
          around = '\u0000';
        }
        byCtx = memo.get(core);
        if (!byCtx) memo.set(ownString(core), (byCtx = new Map()));
        hs = byCtx.get(around);
      }
      if (!hs) {
        hs = lineHits(doc.masked.slice(line.offset, lineEnd), ctx);
        if (byCtx) {
          if (byCtx.size >= CONTEXTS_MAX) byCtx.clear();
          byCtx.set(around, hs);
        }
      }
      for (const h of hs) hits.push({ ...h, offset: h.offset + line.offset });
    }
    if (!hits.length) return;
    // The hand-made pack's rules speak for the phrases they know.
    const taken: { offset: number; length: number }[] = [...findPhraseHits(doc, ctx.packs)];
    if (ctx.segmenter) taken.push(...findWordSlipsByLine(doc, ctx.packs, ctx.segmenter));
    for (const h of hits) {
      if (taken.some(t => h.offset < t.offset + t.length && t.offset < h.offset + h.length)) continue;
      const p = h.phrase;
      const strong = p.docs >= WARN_DOCS && p.text.length >= WARN_LEN && !p.variants.length && (h.kind === 'replaced' || h.kind === 'swapped');
      ctx.report({
        offset: h.offset,
        length: h.length,
        message: `“${h.written}”与常用表述不符（${describe(h)}），常用写法为“${p.text}”（人民日报三个月中出现 ${p.count} 次，写法一致）`,
        fix: smallestFix(h.written, p.text, h.offset),
        expected: p.text,
        source: '人民日报 2019年2月、10月，2020年1月的常用表述（scripts/mine-formulations.ts）',
        severity: strong ? 'warning' : 'info',
      });
    }
  },
};
