// 生态文明建设建设和绿色发展 → 生态文明建设和绿色发展; 的的 → 的; 落市委委提出 → “委”字重复 (suggest deleting one).
// Legitimate reduplication stays quiet: 常常, 人人, 天天, 层层, 认认真真, 一个一个, “研究研究” in quoted speech.
import type { RuleContext, Rule, Fix } from '../../core/types';
import { isHan } from '../../core/document';
import { isFormalType, proseRegister } from '../../core/register';
import { allHan, enclosingQuote, knownWord, reduplication, runsOf, runTokens, stringList, Token } from './_lib/word-helpers';
import { Lru, ownString, paragraphMemosOn } from '../../core/memo';
import { paragraphTermSlips } from './_lib/term-slips';

/** True when the doubled character at i, i+1 is part of an AABB reduplication (认认真真, 和和美美, 的的确确) or of a
 *  dictionary word the segmenter did not choose (洋洋洒洒|地). The AABB shape alone is enough: slips do not take it. */
function inAabb(ctx: RuleContext, t: string, i: number): boolean {
  if (t[i + 2] && t[i + 2] === t[i + 3] && isHan(t[i + 2])) return true;
  if (i >= 2 && t[i - 2] === t[i - 1] && isHan(t[i - 2])) return true;
  for (let len = 3; len <= 4; len++)
    for (let s = i + 2 - len; s <= i; s++) if (s >= 0 && s + len <= t.length && (knownWord(ctx, t.slice(s, s + len)) || attestedReduplication(ctx, t.slice(s, s + len)) || fullDictionary(ctx, t.slice(s, s + len)))) return true;
  return false;
}

/** A three- or four-character word holding the doubled character that edited text writes (咬咬牙, 眨眨眼: AAB verb
 *  reduplications the compact dictionary lacks), by the typo lexicon's corpus counts. Only words the corpus attests
 *  count, so a rare dictionary entry cannot hide a slip. */
function attestedReduplication(ctx: RuleContext, w: string): boolean {
  const e = ctx.segmenter?.lexicon?.()?.word(w);
  return !!e && e.corpus >= 2;
}

/** A three- or four-character word of the full segmenter dictionary (窝窝头, 油汪汪, 毛毛雨): a reduplicated word is
 *  specific enough at that length that a slip does not spell one by chance (市委委, 委委提 are no words). */
function fullDictionary(ctx: RuleContext, w: string): boolean {
  return !!ctx.segmenter?.lexicon?.()?.known(w);
}

/** True when text[start, end) repeats a character or a word of up to four characters (建设建设, 委委): only such
 *  runs need segmenting. */
function hasRepeat(t: string, start: number, end: number): boolean {
  for (let i = start; i + 1 < end; i++) {
    for (let k = 1; k <= 4 && i + 2 * k <= end; k++) {
      if (t.charCodeAt(i) !== t.charCodeAt(i + k)) continue;
      let same = true;
      for (let j = 1; j < k && same; j++) same = t.charCodeAt(i + j) === t.charCodeAt(i + k + j);
      if (same) return true;
    }
  }
  return false;
}

function isPunctOrEdge(tok: Token | undefined): boolean {
  return !tok || !allHan(tok.word);
}

const NUMERALS = new Set('零〇一二两三四五六七八九十百千万亿'.split(''));

/** A one-character function word doubled by grammar at `start`: a whole clause (“对对，”), 过过 before a count
 *  (过过3个新年, 过过一次生日) or at a clause end (我也过过。), 了了 after 不/得 (飞不了了), 再再 in 一而再再而三,
 *  and a quoted phrase that ends in the doubled character (“钟鼓喤喤，磬莞将将”: a reduplicated description). */
function grammaticalDouble(t: string, start: number, w: string): boolean {
  const after = t[start + 2] ?? '';
  // A doubled character that is a whole clause (“对对，好酒” / 是是。): an echo or interjection of speech.
  if (!isHan(t[start - 1] ?? '') && !isHan(after)) return true;
  // A verb then its aspect 过 before a count (过过3个新年) or closing the clause (我也过过。).
  if (w === '过') return /[0-9一二两三四五六七八九十几]/.test(after) || !isHan(after) || '的了'.includes(after);
  if (w === '了') return /[不得]/.test(t[start - 1] ?? '');
  if (w === '再') return t[start - 1] === '而';
  return false;
}

/** True when `w` (two or more characters) stands elsewhere in the document, not followed by its own last character
 *  again: a word the writer uses (道班 … 道班班长, 梭梭林 … 梭梭树, 常抓不懈 … 常抓抓出), so a doubled character where it
 *  meets the next word is two words meeting, not a slip. A slip does not recur with other neighbours. */
function usedElsewhere(t: string, w: string, at: number, notAfter = '', notBefore = '', splits?: (i: number) => boolean): boolean {
  if (!splits) {
    // Without a caller's own test the answer depends only on the text, the word and the two contexts: the first two
    // places that qualify are remembered per text, so a text that repeats one phrase thousands of times is still
    // scanned once per phrase (not once per doubled place: hardening.pathological).
    if (elsewhereText !== t) {
      elsewhereText = t;
      elsewhereMemo.clear();
    }
    const key = `${w}\u0000${notAfter}\u0000${notBefore}`;
    let first = elsewhereMemo.get(key);
    if (!first) {
      first = [];
      for (let i = t.indexOf(w); i >= 0 && first.length < 2; i = t.indexOf(w, i + 1)) if (qualifies(t, w, i, notAfter, notBefore)) first.push(i);
      elsewhereMemo.set(key, first);
    }
    return first.some(i => i !== at);
  }
  for (let i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + 1)) {
    if (i === at || splits(i)) continue;
    if (qualifies(t, w, i, notAfter, notBefore)) return true;
  }
  return false;
}

let elsewhereText: string | undefined;
const elsewhereMemo = new Map<string, number[]>();

/** Whether the occurrence of `w` at `i` is evidence of the word (see usedElsewhere). */
function qualifies(t: string, w: string, i: number, notAfter: string, notBefore: string): boolean {
  if (t[i + w.length] === w[w.length - 1]) return false;
  // The text without the doubled character (区域发展 for 区域|域|发展, 道班长 for 道|班|班长) is the slip's own
  // phrase written correctly: no evidence of a word.
  return !((notAfter && t.slice(i - notAfter.length, i) === notAfter) || (notBefore && t.startsWith(notBefore, i + w.length)));
}

/** A word of the segmenter's dictionary or of the wider typo lexicon (对冲, 公开赛, 众议院): used only to see that two
 *  words meet, never to excuse the doubled form itself (a rare dictionary entry such as 委委 must not hide 市委委). */
/** A word edited text writes at least this often (per the typo lexicon) is common enough that its last character
 *  typed again at a clause's end is a slip, not an ABB form. */
const COMMON_WORD = 100;

function wideKnown(ctx: RuleContext, w: string): boolean {
  return knownWord(ctx, w) || !!ctx.segmenter?.lexicon?.()?.known(w);
}

/** True when the doubled `w` at `start` is two words meeting: the first copy ends a longer word with the character
 *  before it (众议院|议院), or a lone character's second copy begins a word (对|对冲). */
function overlappingWords(ctx: RuleContext, start: number, w: string): boolean {
  const t = ctx.doc.text;
  const second = start + w.length;
  const startsWord = [1, 2, 3].some(n => second + w.length + n <= t.length && wideKnown(ctx, t.slice(second, second + w.length + n)));
  if (w.length === 1) return startsWord;
  // One character before the first copy makes a longer word with it (众|议院|议院, 公|开赛|开赛, 党|组织|组织力).
  if (start >= 1 && wideKnown(ctx, t.slice(start - 1, start + w.length))) return true;
  // The first copy ends a compound and the second begins one, both written elsewhere in the document with other
  // neighbours (集体经济组织|组织开展: 经济组织成员 … 组织开展造林): a noun and a verb that meet.
  const left = t.slice(Math.max(0, start - 2), start + w.length);
  const right = t.slice(second, second + w.length + 2);
  return (
    left.length === w.length + 2 &&
    right.length === w.length + 2 &&
    isHan(left[0]) &&
    isHan(left[1]) &&
    isHan(right[right.length - 2]) &&
    isHan(right[right.length - 1]) &&
    usedElsewhere(t, left, start - 2, '', w) &&
    usedElsewhere(t, right, second, w, '')
  );
}

/** An ABAB word double that closes its clause or is followed by a tentative particle (该进城进城，/ 热闹热闹。/
 *  归纳归纳看 / 参观参观去): colloquial verb, adjective and sound reduplication, so only a hint. Before more text
 *  (建设建设和绿色发展) it is a slip. */
function colloquialAbab(ctx: RuleContext, end: number): boolean {
  const next = ctx.doc.text[end];
  return (next === undefined || !isHan(next) || '看去吧呗呀啊'.includes(next) || ctx.doc.text.startsWith('一下', end));
}

/** Reduplication that is grammar, not a slip, judged from what stands around a doubled word at [start, end):
 *  quoted speech (“恭喜恭喜”), an adjective or verb reduplication before 的/地/着/了 (火红火红的) or after 得/给
 *  (痛得整晚整晚, 给打扮打扮). */
function reduplicationByContext(ctx: RuleContext, start: number, end: number): boolean {
  const t = ctx.doc.text;
  if ('的地着了'.includes(t[end] ?? '\0') || '得给'.includes(t[start - 1] ?? '\0')) return true;
  return !!enclosingQuote(ctx.doc, start, '“‘「『');
}

/** Paragraphs remembered by repeatRuns (a 32 KB report has about 200). */
const PARA_MEMO_MAX = 2000;
const paraMemo = new Lru<[number, number][]>(PARA_MEMO_MAX);

/** The runs of a paragraph's text that hold a repeat (hasRepeat), remembered per text (they depend on it alone): a
 *  keystroke scans only the paragraph it changed. Most paragraphs have none. */
function repeatRuns(t: string): [number, number][] {
  const memo = paragraphMemosOn();
  const hit = memo ? paraMemo.get(t) : undefined;
  if (hit) return hit;
  const out = runsOf(t).filter(([rs, re]) => hasRepeat(t, rs, re));
  if (memo) paraMemo.set(ownString(t), out);
  return out;
}

export const doubledWord: Rule = {
  meta: {
    id: 'wording/doubled-word',
    category: 'wording',
    defaultSeverity: 'error',
    description: '词语或单字误重复（如“建设建设”“的的”“市委委”）',
    docs:
      '借助分词找出紧挨着重复的词语（“生态文明建设建设和绿色发展”）和重复的虚词（“的的”），以及重复后不成词的单字（“落市委委提出的”中的“委委”、数字前的“政协委员员500名”）；去掉重复的字后前后两个词合成报刊常写的词语时（“乡村村振兴”→“乡村振兴”），即使叠字本身成词（村村通）也报告；政协文稿等正式文体中，常用词的末字在句读前又打了一遍（“开展了调研研，”“乡村振兴兴。”）报为警告（“上海海、陆、空港”这样顿号前的不算；报刊写的 ABB 形容词如“热乎乎”不报）。' +
      '合法的叠用不报：词典中的叠词（常常、人人、渐渐）、规则包 wording.reduplication 中可重叠的单字（天天、层层、年年）、AABB 式（认认真真）、“一个一个”式，以及引号内口语中的 ABAB 式动词（“研究研究”）；新闻、特写中在分句末尾的 ABAB 叠用（“热闹热闹。”“参观参观去”）、规则包 wording.reduplication.verbs 中口语常叠用的动词（“打扫打扫屋子”“改善改善伙食”）和前后都是完整词语的单字重叠（眨眨眼、叙叙旧、呼哧哧）是正常写法，不报，前后文也残缺时（“落市委委”）照报；两个词相接时重复的部分分属前后两个词（“集体经济组织|组织开展”，“经济组织”“组织开展”在文中别处都出现过）也不报；落单的字与旁边的字是报刊常写而词典缺的字对（“卒中中心”的“卒中”）时也不报。' +
      '报刊常写的 3～6 字词语中间一个字重复、重复后的写法报刊从未写过时（“现代代化”→“现代化”，term.slips.utf8），即使分词没有切出重复，也报告（词语常用时为警告，否则为提示）。' +
      '可自动修复：删去重复的部分；单字重复而前后文另有可疑之处时只给出建议，不自动修改。选项：allow（允许重叠的词或单字，如 ["学习"]）。',
    examples: [
      { bad: '嘉陵江流域生态文明建设建设和绿色发展', good: '嘉陵江流域生态文明建设和绿色发展' },
      { bad: '人民群众的的期盼', good: '人民群众的期盼' },
      { bad: '落实市委委提出的要求', good: '落实市委提出的要求' },
    ],
    schema: { type: 'object', additionalProperties: false, properties: { allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: '允许重复的字词' } } },
    fixable: true,
    needsSegmenter: true,
  },
  check(ctx) {
    // Word lists from the wording pack (standaloneChars, institutionSuffixChars, loneWordChars).
    const STANDALONE = ctx.packs.chars('wording', 'standaloneChars');
    const INSTITUTION_SUFFIX = ctx.packs.chars('wording', 'institutionSuffixChars');
    const LONE_WORDS = ctx.packs.chars('wording', 'loneWordChars');
    const redup = reduplication(ctx.packs);
    const formal = proseRegister(ctx) === 'formal';
    const typed = isFormalType(ctx.docType);
    const allow = new Set(stringList(ctx.options.allow));
    const text = ctx.doc.text;
    /** This paragraph's findings, so that a term's doubled character is reported once. */
    let done: [number, number][] = [];
    const report = (d: Parameters<RuleContext['report']>[0]) => {
      done.push([d.offset, d.offset + (d.length ?? 0)]);
      ctx.report(d);
    };
    for (const p of ctx.doc.paragraphs) {
      done = [];
      const runs = repeatRuns(p.text);
      for (const [rs, re] of runs) {
        const toks = runTokens(ctx, p, rs, re);
        for (let k = 0; k + 1 < toks.length; k++) {
          const a = toks[k];
          const b = toks[k + 1];
          if (a.offset + a.word.length !== b.offset || !allHan(a.word) || !allHan(b.word)) continue;
          if (a.word === b.word) {
            const w = a.word;
            if (knownWord(ctx, w + w) || redup.words.has(w) || allow.has(w) || (w.length === 2 && w[0] === '一')) continue;
            // Lone single characters doubled: only function words are slips (的的); 涓涓, 熊熊 are literary reduplication.
            // Function words doubled by grammar: a verb then its aspect 过 (陪他过过3个新年), V不了了, 一而再再而三.
            if (w.length === 1 && grammaticalDouble(text, a.offset, w)) continue;
            if (w.length === 1 && !isHan(text[a.offset + 2] ?? '') && enclosingQuote(ctx.doc, a.offset, '“‘「『')) continue;
            // Numerals doubled are words or idioms (两两, 三三两两).
            if (w.length === 1 && (!STANDALONE.has(w) || NUMERALS.has(w) || redup.chars.has(w) || inAabb(ctx, text, a.offset))) continue;
            if (w.length > 1 && reduplicationByContext(ctx, a.offset, a.offset + 2 * w.length)) continue;
            // Two words that overlap in the doubled part: 党组织|组织力, 对|对冲, 的|的黎波里.
            if (overlappingWords(ctx, a.offset, w)) continue;
            // In news and features an ABAB double that closes its clause (热闹热闹。/ 危机危机，/ 参观参观去) is
            // reduplication the grammar shows: ordinary prose, not even a hint.
            if (w.length > 1 && !formal && colloquialAbab(ctx, a.offset + 2 * w.length)) continue;
            // … and so is a verb the pack lists as reduplicated in speech (打扫打扫屋子, 改善改善伙食: reduplication.verbs).
            if (!formal && redup.verbs.has(w)) continue;
            // The finding covers both copies; the fix deletes the second. A third copy (建设建设建设) gives a second finding.
            report({
              offset: a.offset,
              length: 2 * w.length,
              message: w.length > 1 ? `词语重复：“${w}${w}”中“${w}”重复，应删去一个` : `“${w}”字重复：“${w}${w}”应为“${w}”`,
              fix: { offset: b.offset, length: w.length, text: '' },
              expected: w,
              // In news and features ABAB reduplication of verbs, adjectives and sounds is ordinary (改善改善伙食,
              // 呼噜呼噜): a hint. In a formal document it is a slip, except where grammar shows it (该进城进城，).
              severity: w.length > 1 && (!formal || (!typed && colloquialAbab(ctx, a.offset + 2 * w.length))) ? 'info' : undefined,
            });
            continue;
          }
          // The first copy ends a longer word: 文明建设|建设 (the dictionary joined it to what came before).
          if (b.word.length >= 2 && a.word.length > b.word.length && a.word.endsWith(b.word) && !allow.has(b.word) && !redup.words.has(b.word)) {
            const w = b.word;
            // One character and the word make a dictionary word of their own (公开赛|开赛, 众议院|议院): two words meet.
            // Where the rest is a word too (文明建设|建设), the word is doubled.
            if (a.word.length === w.length + 1 && wideKnown(ctx, a.word)) continue;
            if (!knownWord(ctx, w + w) && !knownWord(ctx, a.word + w) && !reduplicationByContext(ctx, b.offset - w.length, b.offset + w.length)) {
              report({
                offset: b.offset - w.length,
                length: 2 * w.length,
                message: `词语重复：“${w}${w}”中“${w}”重复，应删去一个`,
                fix: { offset: b.offset, length: w.length, text: '' },
                expected: w,
              });
              continue;
            }
          }
          // A character doubled across the boundary where one copy stands alone and XX is no word: 市委|委|提出.
          const x = a.word[a.word.length - 1];
          if (b.word[0] !== x) continue;
          const loneIsB = b.word.length === 1 && a.word.length > 1;
          const loneIsA = a.word.length === 1 && b.word.length > 1;
          if (!loneIsA && !loneIsB) continue;
          // Without the lone copy the two words around it make a term edited text writes (乡村|村|振兴 → 乡村振兴):
          // a stutter, even where XX is a word elsewhere (村村通).
          const next = toks[k + 2];
          if (
            loneIsB &&
            next &&
            allHan(next.word) &&
            next.offset === b.offset + 1 &&
            a.word.length + next.word.length <= 6 &&
            wideKnown(ctx, a.word + next.word) &&
            !allow.has(x) &&
            !usedElsewhere(text, a.word + x + next.word, a.offset, '', '')
          ) {
            report({
              offset: b.offset - 1,
              length: 2,
              message: `“${a.word}${x}${next.word}”中“${x}”字重复，应为“${a.word}${next.word}”`,
              fix: { offset: b.offset, length: 1, text: '' },
              expected: a.word + next.word,
            });
            k++;
            continue;
          }
          // XX is a word edited text writes though the compact dictionary lacks it (梭梭 the desert shrub: 千万棵梭梭树).
          if (knownWord(ctx, x + x) || (ctx.segmenter?.lexicon?.()?.word(x + x)?.corpus ?? 0) >= 5) continue;
          if (STANDALONE.has(x) || redup.chars.has(x) || allow.has(x)) continue;
          const xAt = a.offset + a.word.length - 1;
          const prev = toks[k - 1];
          // A common word's last character typed again before a clause mark (调研研，), in a formal document.
          let typedAgain = false;
          if (loneIsA) {
            // A word ends in X and the next word begins with it (大理州|州长, 初级工|工作, 福利院|院长): the segmenter
            // only failed to join the first name or term; a doubled X here is two words meeting.
            if (prev && allHan(prev.word) && prev.offset + prev.word.length === a.offset && (prev.word.length > 1 || INSTITUTION_SUFFIX.has(x))) continue;
            // … or a one-character word that closes a name with a digit, letter or quotation mark (“雪龙2”号|船|船长):
            // the name ends there too.
            if (prev && prev.word.length === 1 && prev.offset + 1 === a.offset && /[0-9A-Za-z”’》]/.test(text[prev.offset - 1] ?? '')) continue;
            // AAB verb reduplication at the start of a clause (“洗洗澡”“上上网”) is colloquial prose; in a formal
            // document (report, proposal, plan) it is a slip.
            if (!formal && (!prev || !allHan(prev.word))) continue;
          } else {
            // ABB (响当当的, 石窝窝，, 上海海、陆、空港): the doubled X closes a phrase before punctuation or a particle.
            const after = text[b.offset + 1];
            // … but not before a figure (政协委员|员|500名): no phrase closes there. A lone character before the word
            // (尤|克里|里|6万把) marks a transliteration the dictionary cut apart.
            // In a report, proposal or plan a common word with its last character typed again before the clause ends
            // (建言献策策，调研研。) is a slip: ABB adjectives (热乎乎) are words edited text writes, or not of its register.
            const closes = after === undefined || (!isHan(after) && !/[0-9０-９]/.test(after)) || '的地了着'.includes(after);
            const uses = ctx.segmenter?.lexicon?.()?.word(a.word)?.corpus ?? 0;
            const common = a.word.length === 2 ? uses >= COMMON_WORD : uses >= COMMON_WORD / 4 || knownWord(ctx, a.word);
            // (Before 、 the copy may begin a list of one-character items: 上海海、陆、空港.)
            typedAgain = formal && closes && after !== undefined && /[，。；！？：,.;!?:]/.test(after) && common && !wideKnown(ctx, a.word + x);
            if (closes && !typedAgain) continue;
            // A lone character (not a function word) before the word: a transliteration the dictionary cut apart.
            if (!isHan(after) && prev && allHan(prev.word) && prev.word.length === 1 && prev.offset + 1 === a.offset && !(typedAgain && (STANDALONE.has(prev.word) || LONE_WORDS.has(prev.word)))) continue;
            // A name with a doubled given name: 刘亮|亮, 冯珊|珊.
            if (a.word.length === 2 && redup.surnames.has(a.word[0])) continue;
            // A long name or term, then a word or phrase that begins with its last character (中国人民解放军|军乐团,
            // 中国共产党|党和国家): the lone copy belongs to what follows.
            if (isHan(after) && (a.word.length >= 4 || STANDALONE.has(after))) continue;
          }
          if (inAabb(ctx, text, xAt) || text[xAt - 1] === '一') continue; // 认认真真, 一份份
          // The doubled pair itself is a word the document writes elsewhere with other neighbours (梭梭林 … 梭梭树).
          // Not where two words meet on it (人民|民主, 财政|政策).
          if (usedElsewhere(text, x + x, xAt, '', '', i => wideKnown(ctx, text.slice(i - 1, i + 1)) || wideKnown(ctx, text.slice(i + 1, i + 3)))) continue;
          const other = loneIsB ? toks[k + 2] : toks[k - 1];
          // The lone copy is attached to a Latin letter or digit (A股|股票): part of that term.
          // A figure after the lone copy (政协委员|员|500名) is a count, not a term the copy belongs to.
          if (other && !allHan(other.word) && (loneIsB ? /^[A-Za-z]/ : /[A-Za-z0-9]$/).test(other.word) && (loneIsB ? b.offset + 1 === other.offset : other.offset + other.word.length === a.offset)) continue;
          // The lone copy might belong with its other neighbour (委|员会 → 委员): then the split is only the segmenter's choice.
          if (other && allHan(other.word)) {
            const pair = loneIsB ? x + other.word[0] : other.word[other.word.length - 1] + x;
            // … or the document writes that pair elsewhere as a word (道班 … 道班|班长, 常抓不懈 … 常抓|抓出).
            const elsewhere = loneIsB
              ? usedElsewhere(text, pair, xAt + 1, a.word.slice(0, -1))
              : usedElsewhere(text, pair, xAt - 1, '', b.word.slice(1));
            // … or edited text writes the pair as a unit though no dictionary has it (卒|中|中心: 卒中, the medical
            // term; the term-slip index's collocated pairs).
            if (wideKnown(ctx, pair) || elsewhere || collocated(ctx, pair)) continue;
          }
          const lone = loneIsB ? b : a;
          const word = loneIsB ? a.word : b.word;
          const del: Fix = { offset: lone.offset, length: 1, text: '' };
          // Delete automatically only when the neighbours are whole words (or punctuation): otherwise more is garbled.
          const outer = loneIsB ? [toks[k - 1], other] : [other, toks[k + 2]];
          // A function character beside a word typed again at a clause's end (开展了|调研|研，) is whole too.
          const clean = outer.every(o => isPunctOrEdge(o) || o!.word.length > 1 || (typedAgain && STANDALONE.has(o!.word)));
          // Garbled: a neighbour is a lone character that is no word by itself (落|市委|委: 落 is half of 落实).
          // A lone function word, pronoun or common verb next to it (着|浓|浓, 他|叙|叙) is ordinary prose.
          const garbled = outer.some(o => !!o && allHan(o.word) && o.word.length === 1 && !STANDALONE.has(o.word) && !LONE_WORDS.has(o.word));
          // In news and features a doubled character with whole words around it is AAB/ABB prose (眨眨眼, 叙叙旧,
          // 呼哧哧, 喷喷香) or two words meeting (合作|作贡献): only a garbled neighbour (落|市委|委) makes it a slip.
          if (!formal && !garbled) continue;
          const shown = loneIsB ? word + x : x + word;
          // When the neighbours are garbled too (落|市委|委), the finding covers them: the whole span needs a look.
          let start = xAt;
          let end = xAt + 2;
          if (!clean) {
            const [o1, o2] = outer;
            if (o1 && allHan(o1.word) && o1.word.length === 1 && o1.offset + 1 === (loneIsB ? a.offset : lone.offset)) start = Math.min(start, o1.offset);
            if (o2 && allHan(o2.word) && o2.word.length === 1) end = Math.max(end, o2.offset + 1);
          }
          // Evidence: a doubled character alone is often two words meeting that the dictionary does not know
          // (图书馆|馆藏, 号船|船长) or an adjective reduplication (着|浓|浓|年味): a hint. With a garbled
          // neighbour too (落|市委|委) it is a slip.
          report({
            offset: start,
            length: end - start,
            message: `“${shown}”中“${x}”字重复，“${x}${x}”不成词，疑为多打了一个“${x}”${clean ? '' : `或附近有错漏字（“${text.slice(start, end)}”）`}，请核对`,
            fix: clean ? del : undefined,
            suggestions: [del],
            expected: word,
            // A common word's last character typed again at a clause's end in a formal document: none in three months
            // of 《人民日报》 read as a report, so a warning.
            severity: garbled ? undefined : typedAgain ? 'warning' : 'info',
          });
          k++;
        }
      }
      // A frequent term with an inner character typed twice (现代代化, 高质质量: the term-slip index) that the tokens
      // above did not show.
      if (!runs.length) continue;
      for (const h of paragraphTermSlips(ctx, p.text, 'double')) {
        const at = p.offset + h.start;
        if (done.some(([a, b]) => at < b && a < p.offset + h.end) || allow.has(h.char)) continue;
        if (inAabb(ctx, text, p.offset + h.at - 1) || enclosingQuote(ctx.doc, at, '“‘「『')) continue;
        const written = p.text.slice(h.start, h.end);
        report({
          offset: at,
          length: h.end - h.start,
          message: `“${written}”中“${h.char}”字重复，应为“${h.slip.term}”`,
          fix: { offset: p.offset + h.at, length: 1, text: '' },
          expected: h.slip.term,
          severity: h.strong ? 'warning' : 'info',
        });
      }
    }
  },
};

/** Two characters edited text writes as a unit that no dictionary has (卒中): the term-slip index's pairs. */
function collocated(ctx: RuleContext, pair: string): boolean {
  return (ctx.segmenter?.termSlips?.()?.pair(pair) ?? 0) > 0;
}
