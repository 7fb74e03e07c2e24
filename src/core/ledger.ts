// The figure ledger: every stated quantity with its subject, number, unit, qualifier, year and place.
// “全年收到提案1501件,立案1307件” → [{subject: 收到提案, value: 1501, unit: 件, year: 2021 …}, {subject: 立案, value: 1307 …}]
import type { DocumentModel } from './document';
import { figuresPack } from '../packs';
import { findQuantities, Quantity } from './numbers';
import { Lru, OwnerCache, ownString, paragraphMemosOn } from './memo';

export interface LedgerEntry {
  /** The phrase the number counts (立案交办提案, 专题协商会, 委员参与率). */
  subject: string;
  value: number;
  /** As written, e.g. 1.24万件. */
  raw: string;
  unit?: string;
  qualifiers: string[];
  /** The year the figure belongs to, when known. */
  year?: number;
  /** Where the year came from: the sentence itself, or the heading of the section it is in. */
  yearSource?: 'sentence' | 'section';
  kind: 'count' | 'percent' | 'money' | 'year' | 'date' | 'ordinal';
  offset: number;
  length: number;
  line: number;
  column: number;
  /** The number as written (digits or Chinese numerals), its offset and length. */
  numberText: string;
  numberOffset: number;
  style: 'arabic' | 'chinese';
  /** Decimal places written (for rate precision). */
  decimals: number;
  /** Date parts for kind date/year. */
  date?: { year?: number; month?: number; day?: number };
  /** Inside “…” (a quoted fixed phrase such as “四个意识”) or 《…》 (a title). */
  quoted: boolean;
  inTitle: boolean;
  /** The sentence and paragraph it is in. */
  sentenceIndex: number;
  paragraphIndex: number;
}

/** Words before a figure that belong to the time or manner, not to what is counted. */
// The word lists are in the built-in figures pack (subjectLeadWords, subjectTrailWords, subjectStopWords), in the
// order written there (regex alternatives are tried in that order).
const F = figuresPack.figures;
const LEAD_CUT = new RegExp(`^.*(?:${F.subjectLeadWords.join('|')}|截至[^，,]*?|分别)`);
/** Words cut from the end of a label (共, 达到, 分别为 …), as many as end it. */
const TRAIL_WORDS: string[] = F.subjectTrailWords;
const TRAIL_MAX = Math.max(1, ...TRAIL_WORDS.map(w => w.length));

/** `s` without its longest suffix made of TRAIL_WORDS (what /(?:共|共计|…)+$/ removed; that regex was quadratic on a
 *  long run of such characters that does not reach the end): which suffixes split into the words, from the end. */
export function cutTrail(s: string): string {
  const n = s.length;
  const ok = new Uint8Array(TRAIL_MAX + 1);
  ok[0] = 1; // ok[k]: the suffix from i + k splits into words (a window of the last TRAIL_MAX + 1 positions)
  let cut = n;
  let misses = 0;
  for (let i = n - 1; i >= 0 && misses < TRAIL_MAX; i--) {
    for (let k = TRAIL_MAX; k > 0; k--) ok[k] = ok[k - 1];
    let split = false;
    for (const w of TRAIL_WORDS) if (w.length <= n - i && ok[w.length] && s.startsWith(w, i)) split = true;
    ok[0] = split ? 1 : 0;
    if (split) {
      cut = i;
      misses = 0;
    } else misses++;
  }
  return s.slice(0, cut);
}
/** Where a following noun phrase stops. */
const FOLLOW_STOP = new RegExp(`[的和与及、，。；：,;:！？!?（）()“”《》\\s]|${F.subjectStopWords.join('|')}`);
const SUBJECT_CLAUSE_START = /[，,；;：:。！？!?、（）()“”《》\n]/;

/** What each kind of figure is called in the ledger (the CLI table, the editor's ledger view, the HTML report). */
export const LEDGER_KIND_LABEL: Record<LedgerEntry['kind'], string> = { count: '计数', percent: '百分比', money: '金额', year: '年份', date: '日期', ordinal: '序数' };

/** Words that are never the subject of a figure on their own (a range's 至, a preposition left over). */
const NOT_A_SUBJECT = /^(?:[至到从自由于在对向为与和及或等约近超逾达共计增减比占同较上下前后内外中间每各其该本此这那第届次年月日])+$/;

/** The subject as shown to a writer: a noun phrase of at least two Han characters, without stray symbols
 *  (收入+ → 收入); empty when nothing of the kind is left (至, +). The rules compare the raw subject. */
export function displaySubject(subject: string): string {
  const s = subject.replace(/^[^\u4e00-\u9fff]+|[^\u4e00-\u9fff]+$/g, '');
  if (/[+＋\-－×÷=＝<>≤≥%％]/.test(s)) return '';
  const han = s.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  if (han < 2 || NOT_A_SUBJECT.test(s)) return '';
  return s;
}

/** The figure as written from its number on (达120万人 → 120万人): a lead word is not part of the figure. */
export function figureText(e: Pick<LedgerEntry, 'raw' | 'offset' | 'numberOffset'>): string {
  const lead = e.numberOffset - e.offset;
  return lead > 0 && lead < e.raw.length ? e.raw.slice(lead) : e.raw;
}

/** The phrase a quantity counts: the noun right after its unit (召开11次座谈会), else the words before it (立案交办提案864件). */
export function quantitySubject(text: string, q: { offset: number; length: number; numberOffset: number; unit?: string; kind?: string }, base: number, prevEnd: number): string {
  const start = q.offset - base;
  const end = start + q.length;
  // Following noun phrase.
  const after = text.slice(end, end + 16);
  let follow = '';
  if (/^[\u4e00-\u9fff]/.test(after)) {
    const m = FOLLOW_STOP.exec(after);
    follow = (m ? after.slice(0, m.index) : after).slice(0, 10);
  }
  // Preceding phrase within the clause (and after the previous figure).
  let s = start;
  const floor = Math.max(prevEnd - base, start - 24, 0);
  while (s > floor && !SUBJECT_CLAUSE_START.test(text[s - 1])) s--;
  let before = text.slice(s, start).trim();
  // Ordinals (十九届, 五届四次) name the body before them: 中共, 市政协, 全国人大.
  if (q.kind === 'ordinal') return /(中共中央|中共|全国政协|全国人大|[省市区县州]政协|[省市区县州]委|[省市区县州]人大|政协|人大|党的)$/.exec(before)?.[0] ?? '';
  // 提出……等意见建议15条: what is counted follows the last 等.
  if (/等[^等]{2,}$/.test(before)) before = before.slice(before.lastIndexOf('等') + 1);
  before = cutTrail(before.replace(LEAD_CUT, '')).replace(/^(?:已|均|并|还|又|也|再)/, '').replace(/^(?:向|在|对|为|经|由|从)[^，,]{0,8}?(?=报送|提交|提出|反映|采用|立案|办结)/, '');
  // Bare numbers (70华诞) name what precedes them.
  if (!q.unit) return before.slice(-8);
  if (follow.length >= 2 && !/(?:率|比例|比重|占比)$/.test(before)) return before && before.length <= 4 && /^(?:召开|举办|开展|组织|建立|形成|提出|提交|报送|收到|完成|发布|出台|制定|修订|设立|走访|撰写|参加|培训)$/.test(before) ? before + follow : follow;
  return before.slice(-14);
}

/** The year each heading section belongs to: 一、2019年主要工作 → 2019 for what follows, until the next top heading. */
export function sectionYears(doc: DocumentModel): { offset: number; year?: number }[] {
  const out: { offset: number; year?: number }[] = [];
  const top = doc.headings.reduce((a, h) => Math.min(a, h.level), 99);
  for (const h of doc.headings) {
    if (h.level > top) continue;
    const m = /((?:19|20)\d{2})年/.exec(h.title);
    out.push({ offset: h.offset, year: m ? Number(m[1]) : undefined });
  }
  return out;
}

function yearOf(sectionList: { offset: number; year?: number }[], offset: number): number | undefined {
  let y: number | undefined;
  for (const s of sectionList) {
    if (s.offset > offset) break;
    y = s.year;
  }
  return y;
}

/** Masks of the offsets strictly inside quotation marks and inside 《》 titles (one pass; O(1) look-ups). */
function spans(doc: DocumentModel): { quoted: Uint8Array; titles: Uint8Array } {
  // Nested pairs cover each other: count openings minus closings (one pass) instead of filling each pair's span,
  // which was quadratic on a page of nested quotation marks.
  const n = doc.text.length + 1;
  const dq = new Int32Array(n + 1);
  const dt = new Int32Array(n + 1);
  for (const q of doc.quotes) {
    const d = q.openMark === '《' ? dt : q.openMark === '“' || q.openMark === '‘' || q.openMark === '「' ? dq : undefined;
    if (d && q.close > q.open + 1) {
      d[q.open + 1]++;
      d[q.close]--;
    }
  }
  const quoted = new Uint8Array(n);
  const titles = new Uint8Array(n);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    a += dq[i];
    b += dt[i];
    if (a > 0) quoted[i] = 1;
    if (b > 0) titles[i] = 1;
  }
  return { quoted, titles };
}

const inside = (mask: Uint8Array, o: number) => mask[o] === 1;

const cache = new OwnerCache<DocumentModel, LedgerEntry[]>();

/** The quantities of one sentence and the subject of each, offsets relative to the sentence: they depend on the
 *  sentence's text alone (findQuantities and quantitySubject read nothing outside it). */
interface SentenceFigures {
  qs: Quantity[];
  subjects: string[];
}

/** Up to this many paragraphs are remembered (a 30 KB report has about 200; a keystroke changes one). */
const PARAGRAPH_MEMO_MAX = 2000;
/** The figures of each sentence of a paragraph (in order), by the paragraph's text: a paragraph's sentences depend on
 *  its text alone. Keyed by the paragraph's own text string (Paragraph.text, hashed once per document for all the
 *  paragraph memos), not by each sentence's text: some 200 freshly sliced sentences per keystroke were each hashed
 *  for this memo alone. */
const paragraphMemo = new Lru<SentenceFigures[]>(PARAGRAPH_MEMO_MAX);

function sentenceFigures(text: string): SentenceFigures {
  const qs = findQuantities(text, 0);
  const subjects: string[] = [];
  let prevEnd = 0;
  for (const q of qs) {
    subjects.push(q.kind === 'year' || q.kind === 'date' ? '' : quantitySubject(text, q, 0, prevEnd));
    // An ordinal (十五届一次会议) belongs to the subject of the next figure, so it does not end it.
    if (q.kind !== 'ordinal') prevEnd = q.offset + q.length;
  }
  return { qs, subjects };
}

/** Extracts the ledger of a document (memoised per document model; each sentence's figures per paragraph text, so
 *  that a keystroke re-reads only the paragraph it changed). */
export function figureLedger(doc: DocumentModel): LedgerEntry[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const out: LedgerEntry[] = [];
  const sections = sectionYears(doc);
  const { quoted, titles } = spans(doc);
  const memo = paragraphMemosOn();
  let para = -1;
  let inPara = 0;
  let figs: SentenceFigures[] | undefined;
  doc.sentences.forEach((sen, si) => {
    if (sen.paragraphIndex !== para) {
      para = sen.paragraphIndex;
      inPara = 0;
      if (memo) {
        const t = doc.paragraphs[para].text;
        figs = paragraphMemo.get(t);
        if (!figs) paragraphMemo.set(ownString(t), (figs = []));
      }
    }
    let sf = figs?.[inPara];
    if (!sf) {
      sf = sentenceFigures(sen.text);
      if (figs) figs[inPara] = sf;
    }
    inPara++;
    const { qs, subjects } = sf;
    const base = sen.offset;
    let sentenceYear: number | undefined;
    qs.forEach((q, qi) => {
      const offset = base + q.offset;
      if (q.kind === 'year' && q.value >= 1900 && q.value <= 2100 && !inside(titles, offset)) sentenceYear = q.value;
      else if (q.kind === 'date' && q.date?.year && !inside(titles, offset)) sentenceYear = q.date.year;
      const section = yearOf(sections, offset);
      const year = q.kind === 'year' || q.kind === 'date' ? q.date?.year : sentenceYear ?? section;
      const pos = doc.position(offset);
      out.push({
        subject: subjects[qi],
        value: q.value,
        raw: q.raw,
        unit: q.unit,
        // Copies: the memo's quantities are shared by every lint of the sentence.
        qualifiers: [...q.qualifiers],
        year,
        yearSource: year === undefined ? undefined : q.kind === 'year' || q.kind === 'date' || sentenceYear !== undefined ? 'sentence' : 'section',
        kind: q.kind,
        offset,
        length: q.length,
        line: pos.line,
        column: pos.column,
        numberText: q.numberText,
        numberOffset: base + q.numberOffset,
        style: q.style,
        decimals: q.decimals,
        date: q.date && { ...q.date },
        quoted: inside(quoted, offset),
        inTitle: inside(titles, offset),
        sentenceIndex: si,
        paragraphIndex: sen.paragraphIndex,
      });
    });
  });
  cache.set(doc, out);
  return out;
}

/** True when the figure is a lower bound (余 多 以上 超过 逾). */
export function isLowerBound(e: { qualifiers: string[] }): boolean {
  return e.qualifiers.some(q => ['余', '多', '以上', '超过', '逾'].includes(q));
}

/** True when the figure is an upper bound (近 不足 以下). */
export function isUpperBound(e: { qualifiers: string[] }): boolean {
  return e.qualifiers.some(q => ['近', '不足', '以下'].includes(q));
}

/** True when the figure is approximate in either direction (约 左右 上下). */
export function isRough(e: { qualifiers: string[] }): boolean {
  return e.qualifiers.some(q => ['约', '左右', '上下'].includes(q));
}

export type { Quantity };
