// 防迅抗旱 → 防汛抗旱; 打赢脱贫功坚战 → 打赢脱贫攻坚战; 一如往地 → 一如既往地 (slips no list knows, found by their shape).
import type { Rule, Lexicon } from '../../core/types';
import { ConfusableGroup, enclosingQuote, ensureUserWords, functionChars, reduplication, runsOf, stringList, userWordSet } from './_lib/word-helpers';
import { paragraphMisspellings } from './misspelling';
import { proseRegister } from '../../core/register';
import { isHan } from '../../core/document';
import { occursTwice, textIndexFor } from '../../core/text-index';
import { Lru, ownString, paragraphMemosOn } from '../../core/memo';
import { findSlips, mayHaveSlip, Slip, SlipLookups, trace } from './_lib/typo-candidates';
import { paragraphTermSlips } from './_lib/term-slips';
import { HintGateDoc, hintGate, hintGateTrace } from './_lib/typo-hint-gate';

/** Keeps `slips` for `run`, dropping the whole cache beyond a bound (a long batch run). */
function remember(cache: Map<string, Slip[]>, run: string, slips: Slip[]): void {
  if (cache.size > 20000) cache.clear();
  cache.set(run, slips);
}

/** Look-alikes of each character from the pack groups, as one string per character. */
function lookAlikeMap(groups: Omit<ConfusableGroup, 'pack'>[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const g of groups) for (const c of g.chars) for (const d of g.chars) if (c !== d && !(m.get(c) ?? '').includes(d)) m.set(c, (m.get(c) ?? '') + d);
  return m;
}

/** The look-alike function of each look-alike map (SlipLookups.lookAlikes). */
const lookAlikeFns = new WeakMap<Map<string, string>, (ch: string) => string>();

/** The answer for a run without slips (shared; frozen). */
const NO_SLIPS = Object.freeze([]) as unknown as Slip[];

/** Slips found per run text (bounded): re-linting after an edit re-examines only the edited run. */
const byRun = new WeakMap<object, Map<string, Slip[]>>();

/** A run whose search asked for the document's evidence (SlipLookups.inDocument): its slips, and each word asked
 *  with the answer it got, in order. The search reads nothing else of the document, so in a document that gives
 *  every one of these words the same answer it takes the same path and finds the same slips. */
interface AskedRun {
  slips: Slip[];
  asks: [string, number][];
}
const byRunAsked = new WeakMap<object, Map<string, AskedRun>>();

/** A paragraph's runs and their slips, with every question the search asked (see AskedRun). */
interface ParagraphSlips {
  runs: [number, number][];
  slipsOf: Slip[][];
  asks: [string, number][];
}
/** Paragraphs kept per pack set (a 32 KB report has about 200): an unchanged paragraph is not even split into runs. */
const PARA_MEMO_MAX = 2000;
const byParagraph = new WeakMap<object, Lru<ParagraphSlips>>();

function describe(s: Slip, written: string): string {
  switch (s.kind) {
    case '漏字':
      return `疑为漏字：“${written}”应为“${s.expected}”（漏了“${s.fix.text}”）`;
    case '多字':
      return `疑为多字：“${written}”应为“${s.expected}”（多了“${written[s.fix.offset - s.start]}”）`;
    case '成语误写':
      return `疑为成语误写：“${written}”应为“${s.expected}”（“${s.wrong}”应为“${s.right}”）`;
    case '同音字':
      return `疑为同音字误用：“${written}”应为“${s.expected}”（“${s.wrong}”“${s.right}”同音）`;
    case '叠字':
      return `疑为重复输入：“${written}”中“${s.fix.text || written[s.fix.offset - s.start]}”写了两次（“${written.slice(0, s.fix.offset - s.start)}”与“${written.slice(s.fix.offset - s.start)}”共用一字），是否应为“${s.expected}”`;
    case '同音词':
      return `疑为同音词误用：“${written}”中“${s.wrong}”应为“${s.right}”（同音；报刊常写“${s.expected}”，未见“${written}”）`;
    case '近音字':
      return `疑为近音字误用：“${written}”应为“${s.expected}”（“${s.wrong}”“${s.right}”音近）`;
    default:
      return `疑为形近字误用：“${written}”应为“${s.expected}”（“${s.wrong}”“${s.right}”形近）`;
  }
}

/** Characters of the reference corpus (People's Daily, three months) the lexicon counts come from. */
const REFERENCE_CHARS = 8.1e6;

/** How much more often (natural log) the document writes the word `w` (the word a weak guess means) than edited text
 *  at large does for its length: 0 when it does not write it at all (so that 发展 in every report is little evidence,
 *  防汛 written three times in a 2,000-character draft much). */
function writesElsewhere(text: string, w: string, corpus: number): number {
  let n = 0;
  for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + w.length)) n++;
  if (!n) return 0;
  return Math.log(n / Math.max(1e-3, (corpus * text.length) / REFERENCE_CHARS));
}


/** A quotation or title of at most this many characters is a name, slogan or coined term: guesses in it are not
 *  reported (in a longer one, only weak guesses are not) (measured on generated slips, clean sentences and published reports, docs/typo-detection.md 第八轮). */
const SHORT_QUOTE = 6;

/** A quotation's words as a whole (3–4 characters) are a slip of a phrase edited text writes at least this often. */
const QUOTED_PHRASE_CORPUS = 20;

/** The reference-corpus count of the word meant by a guess that is a whole 、-item, for it to be reported (as
 *  PAIR_WARN_CORPUS of typo-candidates: 500 found no more generated slips). */
const COMMON_ITEM_CORPUS = 1000;

/**
 * True when the whole of the quotation q, with the slip's fix, is a phrase edited text writes often (“五位一踢” →
 * 五位一体, 《北京共兘》 → 北京共识, “人敏楷模” → 人民楷模), while as written it is no word and edited text never writes it:
 * the quotation then names that phrase misspelt, not a slogan or name of the writer's own (第十五轮). `base` is the
 * document offset of the run the slip's offsets count from.
 */
function quotedPhraseFixed(text: string, q: { open: number; close: number }, base: number, s: Slip, lexicon: Lexicon, isWord: (w: string) => boolean): boolean {
  if (s.fix.length !== 1 || s.fix.text.length !== 1) return false;
  const inner = text.slice(q.open + 1, q.close);
  if (inner.length < 3 || inner.length > 4) return false;
  const k = base + s.fix.offset - (q.open + 1);
  if (k < 0 || k >= inner.length) return false;
  if (isWord(inner) || lexicon.known(inner) || lexicon.attested(inner) > 0 || lexicon.seen(inner) > 0) return false;
  const fixed = inner.slice(0, k) + s.fix.text + inner.slice(k + 1);
  return (lexicon.word(fixed)?.corpus ?? 0) >= QUOTED_PHRASE_CORPUS;
}

/** Punctuation that ends a 、-enumeration (its items are between these and 、). */
const ITEM_END = /[，。；：！？,;:!?“”‘’《》（）()\n]/;

/**
 * True when another item of the 、-enumeration holding text[a, b), as long as the item holding it, writes `word` at the
 * same place: the items of a list are parallel (政治认同、思想认同、理论认同), so the word meant written so by a sibling
 * is evidence for the slip that an enumeration otherwise takes as terse on purpose (津港、津澳、津台). Only the same
 * shape counts, and not where a sibling is the written item but for the character the fix changes (北医一院、北医三院
 * beside 北京大学人民医院 are names).
 */
export function inSiblingItem(text: string, a: number, b: number, word: string): boolean {
  return siblingVerdict(text, a, b, word) === 'support';
}

/**
 * What the other items of the 、-enumeration holding text[a, b) say of the fix to `word` (see inSiblingItem):
 * 'support' when one writes the word at the same place, 'pattern' when one is the written item but for the character
 * the fix would change (一山、一湖、一阁; 不脏、不湿; 更优、更佳、更美; 北医一院、北医三院: the slot the list varies),
 * 'alone' when the enumeration has no other item with text (“品质”更优、“气质”更佳: the quotation marks end the items),
 * otherwise 'none'.
 */
export function siblingVerdict(text: string, a: number, b: number, word: string): 'support' | 'pattern' | 'none' | 'alone' {
  let from = a;
  while (from > 0 && !ITEM_END.test(text[from - 1])) from--;
  let to = b;
  while (to < text.length && !ITEM_END.test(text[to])) to++;
  const items: [number, number][] = [];
  let start = from;
  for (let i = from; i <= to; i++) {
    if (i < to && text[i] !== '、') continue;
    items.push([start, i]);
    start = i + 1;
  }
  const k = items.findIndex(([s, e]) => s <= a && b <= e);
  if (k < 0) return 'none';
  const [os, oe] = items[k];
  const at = a - os;
  const len = oe - os;
  const written = text.slice(a, b);
  let support = false;
  let siblings = 0;
  for (let j = 0; j < items.length; j++) {
    if (j === k) continue;
    const [s, e] = items[j];
    if (e > s) siblings++;
    // The first item may start the clause (要加大对革命老区) and the last run on (边疆地区和贫困地区的): aligned at
    // their other end.
    const p = e - s === len || (j === items.length - 1 && e - s > len) ? s + at : j === 0 && e - s > len ? e - len + at : -1;
    if (p < 0) continue;
    const t = text.slice(p, p + word.length);
    if (t === word) support = true;
    else {
      // A sibling that is the written item but for the character the fix would change (北医一院、北医三院: a
      // numbered pattern of names) is the list's own pattern: taken as written.
      let differ = 0;
      let atFix = true;
      for (let i = 0; i < len; i++) {
        if (text[p - at + i] === text[os + i]) continue;
        differ++;
        const w = i - at;
        if (w < 0 || w >= word.length || written[w] === word[w]) atFix = false;
      }
      if (differ === 1 && atFix) return 'pattern';
    }
  }
  return support ? 'support' : siblings ? 'none' : 'alone';
}

/** A credit: names of two to four characters (separated by 、 or spaces) right before 摄, 提供, 供图, 制图 or 绘 that
 *  close the clause (龚献明摄（影像中国）; 分别由俞松、张旭阳、郑帅提供。). */
const CREDIT = /(?:^|[。，；：\s])(?:[^。，；：\s]{0,6}?由|本报记者|记者|通讯员)?((?:[\u4e00-\u9fff]{2,4}[、\s]){0,8}[\u4e00-\u9fff]{2,4})(?:摄|提供|供图|制图|绘)(?=[。；（(\s]|$)/g;

/** The spans [start, end) of the credited names in a paragraph's text. */
function creditNames(t: string): [number, number][] {
  const out: [number, number][] = [];
  if (!/摄|提供|供图|制图|绘/.test(t)) return out;
  for (const m of t.matchAll(CREDIT)) {
    const end = m.index! + m[0].length - (m[0].endsWith('提供') || m[0].endsWith('供图') || m[0].endsWith('制图') ? 2 : 1);
    out.push([end - m[1].length, end]);
  }
  return out;
}

/** True when text[start, end) lies inside a four-character frame 一X一Y (一链一策, 一村一品) and is not the whole frame. */
function inYiFrame(text: string, start: number, end: number): boolean {
  for (let a = Math.max(0, end - 4); a <= start; a++) {
    if (a === start && end === a + 4) continue;
    if (text[a] === '一' && text[a + 2] === '一' && isHan(text[a + 1]) && isHan(text[a + 3]) && text[a + 1] !== '一' && text[a + 3] !== '一') return true;
  }
  return false;
}

export const typo: Rule = {
  meta: {
    id: 'wording/typo',
    category: 'wording',
    defaultSeverity: 'warning',
    description: '输入法打错的字：同音字、同音词、近音字、成语误写、漏字、多字、重复输入（如“防迅抗旱”应为“防汛抗旱”）',
    docs:
      '不依赖错词表，按“形状”找错字：分词后落单的字（或分词器按字猜出、词典里没有的“词”），换成一个同音字（拼音相同，取自 pinyin-pro，含多音字的各个读音）' +
      '或近音字（zh/z、ch/c、sh/s、n/l、in/ing、en/eng、an/ang）就能与相邻的字组成常用词、成语或政协常用语，而原文本身不成词，就报出，并给出唯一的最佳改法。' +
      '例如“防迅抗旱”分词为“防迅/抗旱”，“迅”换成同音的“汛”得到“防汛”。成语还查形近字（“契而不舍”→“锲而不舍”）、中间漏掉的一个字（“一如往地”→“一如既往地”）' +
      '和重复的一个字（“一如既既往”）；报刊常写的 3～6 字词语中间漏掉一个字、而漏后的写法报刊几乎不写时（“基础设建设”→“基础设施建设”，term.slips.utf8），也报漏字；两个相邻的词共用交界的字而参考语料从未这样连写（“推进进一步”）时，提示可能是重复输入。' +
      '两个都成词的词相邻、参考语料从不这样连写，却常把其中一个换成它的同音词来写（“脱贫共建”→“脱贫攻坚”）时，报同音词误用；' +
      '两个两字词连写、换一个同音字就是常用的四字词而报刊从未这样写时（“体质改革”→“体制改革”），也提示同音词误用。' +
      '成语以外的形近字由 wording/confusable-char 报出，词表中的错词由 wording/misspelling 报出。' +
      '证据：改后的词在经过编辑的报刊文本中的出现次数（typo.lexicon.utf8，人民日报三个月语料的统计数，只存计数）；原文是词典中的词、与左右的字成词、' +
      '片段两端的字与片段外的字成词、是虚字，或报刊文本也这样写，一般都不报（其中一部分按下述弱证据办法处理）；短引号、书名号（6 个字以内）中的片段、任何引号中的弱猜测和文稿中写了两次的片段视为有意的写法；图片署名中的人名（“龚献明摄”“分别由俞松、张旭阳提供”）不查。' +
      '分词切开了的片段、保留的字常单用、片段端字与片段外的字成词、原文写法在报刊中也有、虚字换成实字（被京→北京）等证据较弱的情形，' +
      '只在改后整段读起来明显更通顺时（按报刊词频求最佳切分，改后比原文可能性高约 150 倍以上），且报刊中这几个字相邻出现的次数不到改后词的千分之一时，报为提示；报刊只在跨词处写过这几个字、且从不与原文前后的字相连时（医疗种心：报刊只有“各种心理”），要求高约 3,000 倍；' +
      '近音字走这条路时要求高约 3,000 倍；地名简称（吉、沪……）不这样替换，以姓开头的片段视为人名；常用词加上常单用的字（但|中央、基础|型）不当作错字。' +
      '文稿在别处写了改后的词、且写得比报刊中常见程度所应有的多时（文内证据），同音字的弱猜测门槛放宽（改后通顺约 20 倍以上，报刊中这几个字相邻的次数不到改后词的 1/30），也报为提示。' +
      '改后的词与左右的词在报刊中常连写（词对：人民日报三个月中相邻 5 次以上的两个词）时，它在同一处的几种改法中优先（环境争治→环境整治，而非“政治”），' +
      '报刊只在跨词处写过这两个字的弱猜测也可因此报出（过区一年→过去一年）；顿号列举中另一项在同一位置写了改后的词时（政治认同、思想仁同），其中的弱猜测照常报出。' +
      '只有证据强的报为警告：成语误写、多字、3～4 字的词中错一个同音字（基础设失），改后的词对占参考语料中该词相邻词对两成以上的同音词，' +
      '以及证据充分的两字同音字（役情→疫情、企叶→企业：报刊从未让这两个字相邻，改后的词在参考语料中出现 1,000 次以上，片段前后没有姓、也不夹在落单的字中间，两个字都不常单用，改后明显更通顺）；' +
      '常用词语漏字中词语在参考语料中 100 次以上、漏后的写法从未出现、漏字处两边各有两个字以上的（基础设建设）；其他两字片段、近音字、其余漏字、“词 + 边上一个字”的形状和重复输入都是提示（info）；提示只在政协文种和短文本中报告，300 字以上的其他长文（新闻、文章）只报告警告。' +
      '“一链一策”“一村一品”这类“一X一Y”格式中的字是格式临时造的简称，其中的弱猜测不报告。' +
      '在未参与统计的人民日报月份上，警告约为每万字 0.01 条。人名、地名、新造简称可能报出提示，可用选项 ignore（不应提出的词，改后的词或原文均可）排除。' +
      '可自动修复：替换、补上或删去一个字。',
    examples: [
      { bad: '完善基础设失建设', good: '完善基础设施建设' },
      { bad: '做好防迅抗旱工作', good: '做好防汛抗旱工作' },
      { bad: '打赢脱贫功坚战', good: '打赢脱贫攻坚战' },
      { bad: '推进城乡一体话发展', good: '推进城乡一体化发展' },
    ],
    schema: { type: 'object', additionalProperties: false, properties: { ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不报告的写法' } } },
    fixable: true,
    needsSegmenter: true,
  },
  check(ctx) {
    const seg = ctx.segmenter!;
    const lexicon: Lexicon | undefined = seg.lexicon?.();
    if (!lexicon) return;
    const alikes = ctx.packs.memo('wording.typo.lookAlikes', () => lookAlikeMap(ctx.packs.field<Omit<ConfusableGroup, 'pack'>>('wording', 'confusables')));
    // One function per map (and so per pack set): the candidate sets built from it are kept across documents.
    let lookAlikes = lookAlikeFns.get(alikes);
    if (!lookAlikes) lookAlikeFns.set(alikes, (lookAlikes = (ch: string) => alikes.get(ch) ?? ''));
    const ignore = new Set(stringList(ctx.options.ignore));
    const lenient = proseRegister(ctx) === 'informal';
    const abbreviations = ctx.packs.memo('wording.placeAbbreviations', () =>
      ctx.packs.packs.map(pk => String((pk.wording as { placeAbbreviations?: string } | undefined)?.placeAbbreviations ?? '')).join(''),
    );
    // Evidence from the document itself (a weak guess whose word the document writes elsewhere): answers that asked
    // for it hold for this document only, so they are kept out of the cache shared across documents.
    let asked = false;
    const inDoc = new Map<string, number>();
    // knownWord without building the memo key of the user words on every question (asked for most windows).
    let users: Set<string> | undefined;
    /** The document as the hint gate asks about it (built at the first hint). */
    let gateDoc: HintGateDoc | undefined;
    const lookups: SlipLookups = {
      lexicon,
      isWord: w => !!ctx.segmenter?.isWord(w) || (users ??= userWordSet(ctx)).has(w),
      lookAlikes,
      ignore: new Set(),
      functionChars: functionChars(ctx.packs),
      surnames: reduplication(ctx.packs).surnames,
      placeAbbreviations: abbreviations,
      inDocument: w => {
        asked = true;
        const r = evidence(w);
        asks?.push([w, r]);
        paraAsks.push([w, r]);
        return r;
      },
    };
    const evidence = (w: string): number => {
      let r = inDoc.get(w);
      if (r === undefined) inDoc.set(w, (r = writesElsewhere(ctx.doc.text, w, lexicon.word(w)?.corpus ?? 0)));
      return r;
    };
    /** The words the search of the current run asked about, with their answers (while one is searched). */
    let asks: [string, number][] | undefined;
    /** The same for the whole paragraph being searched (with those of the runs found in askedCache). */
    let paraAsks: [string, number][] = [];

    let cache = byRun.get(alikes);
    if (!cache) byRun.set(alikes, (cache = new Map()));
    let askedCache = byRunAsked.get(alikes);
    if (!askedCache) byRunAsked.set(alikes, (askedCache = new Map()));
    const memoOn = paragraphMemosOn() && !trace.on;
    /** The slips of a run that asked for evidence last time, when this document answers every question alike. */
    const askedBefore = (run: string): Slip[] | undefined => {
      const a = memoOn ? askedCache!.get(run) : undefined;
      if (!a || !a.asks.every(([w, v]) => evidence(w) === v)) return undefined;
      for (const x of a.asks) paraAsks.push(x);
      return a.slips;
    };
    let paraCache = byParagraph.get(alikes);
    if (!paraCache) byParagraph.set(alikes, (paraCache = new Lru(PARA_MEMO_MAX)));
    const keepAsked = (run: string, slips: Slip[], got: [string, number][]) => {
      if (!memoOn) return;
      if (askedCache!.size > 20000) askedCache!.clear();
      askedCache!.set(ownString(run), { slips, asks: got });
    };
    /** The runs of a paragraph's text (two characters or more) and the slips of each. Runs not seen before are first
     *  tested on their text alone (mayHaveSlip: most runs of clean text cannot hold a slip); those that may are cut
     *  together, in one call to the segmenter (in the CLI a round trip to its worker thread), joined by a break
     *  character, which ends a segment for the segmenter as for a run. */
    const searchParagraph = (text: string): ParagraphSlips => {
      paraAsks = [];
      const runs = runsOf(text).filter(([rs, re]) => re - rs >= 2);
      const slipsOf: Slip[][] = new Array(runs.length);
      const toCut: number[] = [];
      /** The questions mayHaveSlip asked for each run to be cut (findSlips's are added). */
      const askedOf: [string, number][][] = new Array(runs.length);
      for (let k = 0; k < runs.length; k++) {
        const run = text.slice(runs[k][0], runs[k][1]);
        // (Traced for analysis, typo-why.js: every run is searched again.)
        const known = trace.on ? undefined : cache.get(run) ?? askedBefore(run);
        asked = false;
        asks = [];
        if (known) slipsOf[k] = known;
        else if (mayHaveSlip(run, lookups)) {
          toCut.push(k);
          askedOf[k] = asks;
        }
        // Most runs have none: they share one empty answer (never changed).
        else if (asked) keepAsked(run, (slipsOf[k] = NO_SLIPS), asks);
        else remember(cache, run, (slipsOf[k] = NO_SLIPS));
        asks = undefined;
      }
      if (toCut.length) {
        ensureUserWords(seg, ctx.packs);
        const joined = toCut.map(k => text.slice(runs[k][0], runs[k][1])).join('。');
        const tokens = seg.cut(joined);
        let ti = 0;
        let base = 0;
        for (const k of toCut) {
          const run = text.slice(runs[k][0], runs[k][1]);
          const toks: { word: string; offset: number }[] = [];
          while (ti < tokens.length && tokens[ti].offset < base) ti++;
          for (; ti < tokens.length && tokens[ti].offset < base + run.length; ti++) {
            const t = tokens[ti];
            if (t.offset + t.word.length <= base + run.length) toks.push({ word: t.word, offset: t.offset - base });
          }
          // (A run whose own search does not ask is kept for every document, as before: mayHaveSlip only lets more
          // runs through than have a slip.)
          asked = false;
          asks = askedOf[k];
          slipsOf[k] = findSlips(run, toks, lookups);
          if (!asked) remember(cache!, run, slipsOf[k]);
          else keepAsked(run, slipsOf[k], asks);
          asks = undefined;
          base += run.length + 1;
        }
      }
      const out = { runs, slipsOf, asks: paraAsks };
      if (memoOn) paraCache!.set(ownString(text), out);
      return out;
    };

    for (const p of ctx.doc.paragraphs) {
      let listed: { start: number; end: number }[] | undefined;
      let credits: [number, number][] | undefined;
      /** This paragraph's findings (offsets in the paragraph), so a missing character in a term is not reported twice. */
      const shown: [number, number][] = [];
      // A paragraph searched before (its runs and their slips), when the document answers its questions alike.
      const seen = memoOn ? paraCache.get(p.text) : undefined;
      const { runs, slipsOf } = seen && seen.asks.every(([w, v]) => evidence(w) === v) ? seen : searchParagraph(p.text);
      for (let k = 0; k < runs.length; k++) {
        const slips = slipsOf[k];
        if (!slips.length) continue;
        const [rs] = runs[k];
        const run = p.text.slice(rs, runs[k][1]);
        const drop = (s: Slip, why: string) => {
          if (trace.on) (trace.phase = 'find:' + run), trace.on(s.fix.offset, s.start, s.end, s.expected, why);
        };
        for (const s of slips) {
          // Long prose that is not a 政协 document (a news story, an article) is edited text full of names, new coinages
          // and rare compounds: there only strong evidence is reported; the hints stay for drafts (core/register).
          if (!s.strong && lenient) {
            drop(s, 'rule-lenient');
            continue;
          }
          const written = run.slice(s.start, s.end);
          if (ignore.has(s.expected) || ignore.has(written)) continue;
          // A guess in a short quotation or title (a slogan, a name, a coined term: “与世偕行”, “津台”), a weak guess in
          // any (a coined slogan: “……为推进科技创新聚智汇力”), or one the document writes again (a name, an abbreviation:
          // 中厄关系 three times) is taken as meant. In a longer quotation (quoted speech, a document's title:
          // 《……合作伙伴关系写定》) the other guesses are taken as in any prose.
          const q = enclosingQuote(ctx.doc, p.offset + rs + s.start, '“‘《「『');
          if (q && (s.weak || q.close - q.open - 1 <= SHORT_QUOTE) && !quotedPhraseFixed(ctx.doc.text, q, p.offset + rs, s, lexicon, lookups.isWord)) {
            drop(s, 'rule-quote');
            continue;
          }
          // Inside the frame 一X一Y (一链一策, 一村一品, 一企一策) X and Y are one-character abbreviations the frame
          // makes up: no word is meant across them.
          // (An idiom's slip, 一心一义, is strong evidence and stays.)
          if (!s.strong && inYiFrame(p.text, rs + s.start, rs + s.end)) {
            drop(s, 'rule-yi-frame');
            continue;
          }
          // A weak guess on a window that keeps the numeral 一 or the particle 之 before the character replaced (时间一长,
          // 往地上一放, 这一待, 歇一歇; 夺人之食) reads as written: 一 + a verb or measure word, 之 + a noun. On People's
          // Daily read as reports these were the largest class of false hints (10 of 60 sampled, most let through by
          // the document writing 一道, 一代, 一张 elsewhere); no generated slip was lost (docs/typo-detection.md 第十一轮).
          if (s.weak && s.end - s.start === 2 && s.fix.offset === s.start + 1 && (written[0] === '一' || written[0] === '之')) {
            drop(s, 'rule-yi-zhi');
            continue;
          }
          if (occursTwice(ctx.doc.text, written)) {
            drop(s, 'rule-twice');
            continue;
          }
          if (s.end - s.start === 2 && s.kind !== '漏字') {
            // An item of a 、-enumeration (津港、津澳、津台; 立题、蹲点、座谈) is terse on purpose; two place
            // abbreviations side by side (津台) are a name.
            // A window that is part of a longer item (冰雪精济、, 、民族惯系) is taken as any other, unless the guess is weak.
            // … unless another item of the same enumeration writes the word meant (政治认同、思想仁同、理论认同;
            // 质量强国、航天强过): parallel items repeat their words, a slip breaks the pattern.
            // A whole item whose guess is no weak one and means a very common word (经贸、安圈、媒体 → 安全; 国家、社回、个人
            // → 社会) or is strong evidence is taken as any other, unless a sibling item is it but for the character
            // the fix changes (一山、一湖、一阁; 不脏、不湿: the slot the list varies) or none has text to compare (第十五轮).
            const dun = p.text[rs + s.start - 1] === '、' || p.text[rs + s.end] === '、';
            const verdict = dun ? siblingVerdict(p.text, rs + s.start, rs + s.end, s.expected) : 'none';
            const plainItem = !s.weak && (s.strong || (lexicon.word(s.expected)?.corpus ?? 0) >= COMMON_ITEM_CORPUS) && verdict === 'none';
            if (dun && (s.weak || (s.start === 0 && s.end === run.length && !plainItem)) && verdict !== 'support') {
              drop(s, s.weak ? 'rule-dun-weak' : 'rule-dun-item');
              continue;
            }
            if (abbreviations.includes(written[0]) && abbreviations.includes(written[1])) {
              drop(s, 'rule-abbr');
              continue;
            }
          }
          // The names of a photo or picture credit (龚献明摄, 分别由俞松、张旭阳、郑帅提供) are names, not words.
          credits ??= creditNames(p.text);
          if (credits.some(([a, b]) => rs + s.start < b && a < rs + s.end)) continue;
          // wording/misspelling already reports listed slips (按排): one finding per slip.
          listed ??= paragraphMisspellings(ctx.packs, p.text).map(m => ({ start: m.start, end: m.start + m.entry.wrong.length }));
          if (listed.some(r => rs + s.start < r.end && r.start < rs + s.end)) {
            drop(s, 'rule-listed');
            continue;
          }
          // A hint in a class of ordinary text that is almost never a slip (_lib/typo-hint-gate).
          if (!s.strong) {
            gateDoc ??= { length: ctx.doc.text.length, includes: (w: string) => textIndexFor(ctx.doc, ctx.doc.text).includes(w) };
            const why = hintGate(s, p.text, rs, lookups, gateDoc);
            if (hintGateTrace) hintGateTrace(s, p.text, rs, lookups, gateDoc);
            if (why) {
              drop(s, 'gate-' + why);
              continue;
            }
          }
          const offset = p.offset + rs;
          shown.push([rs + s.start, rs + s.end]);
          ctx.report({
            offset: offset + s.start,
            length: s.end - s.start,
            message: describe(s, written),
            fix: { offset: offset + s.fix.offset, length: s.fix.length, text: s.fix.text },
            expected: s.expected,
            // Weak evidence (a rare word meant, the written pair seen in edited text, a near homophone, two characters
            // that stand alone as words, a two-character window without the evidence of pairWarning) is a hint; see
            // docs/typo-detection.md for the held-out measurement.
            ...(s.strong ? {} : { severity: 'info' as const }),
          });
        }
      }
      // A frequent term with an inner character missing (高质发展, 基础设建设): the term-slip index.
      for (const h of paragraphTermSlips(ctx, p.text, 'omit')) {
        if (!h.strong && lenient) continue;
        const written = p.text.slice(h.start, h.end);
        if (ignore.has(written) || ignore.has(h.slip.term)) continue;
        if (shown.some(([a, b]) => h.start < b && a < h.end)) continue;
        const q = enclosingQuote(ctx.doc, p.offset + h.start, '“‘《「『');
        if (q && q.close - q.open - 1 <= SHORT_QUOTE) continue;
        if (occursTwice(ctx.doc.text, written)) continue;
        credits ??= creditNames(p.text);
        if (credits.some(([a, b]) => h.start < b && a < h.end)) continue;
        listed ??= paragraphMisspellings(ctx.packs, p.text).map(m => ({ start: m.start, end: m.start + m.entry.wrong.length }));
        if (listed.some(r => h.start < r.end && r.start < h.end)) continue;
        ctx.report({
          offset: p.offset + h.start,
          length: h.end - h.start,
          message: `疑为漏字：“${written}”应为“${h.slip.term}”（漏了“${h.char}”）`,
          fix: { offset: p.offset + h.at, length: 0, text: h.char },
          expected: h.slip.term,
          ...(h.strong ? {} : { severity: 'info' as const }),
        });
      }
    }
  },
};

