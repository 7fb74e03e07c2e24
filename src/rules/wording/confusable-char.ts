// 未成年入权益司法保护 → 未成年人权益司法保护 (a lone 入 that, read as its look-alike 人, completes 未成年人).
import type { Rule } from '../../core/types';
import type { RuleContext } from '../../core/types';
import { isHan } from '../../core/document';
import { allHan, ConfusableGroup, functionChars, knownWord, runsOf, runTokens, stringField, stringList, userWordSet } from './_lib/word-helpers';
import { paragraphMisspellings } from './misspelling';

/** Look-alikes of each character from all groups. */
function lookAlikes(groups: ConfusableGroup[]): Map<string, { alt: string; note?: string }[]> {
  const m = new Map<string, { alt: string; note?: string }[]>();
  for (const g of groups) {
    const chars = [...g.chars];
    for (const c of chars) for (const d of chars) if (c !== d) {
      if (!m.has(c)) m.set(c, []);
      m.get(c)!.push({ alt: d, note: g.note });
    }
  }
  return m;
}

/** Runs already judged by mayConfuse, per pack set (bounded; re-linting after an edit re-judges only the edited run). */
const judged = new WeakMap<object, Map<string, boolean>>();

/** True when some character of text[start, end), swapped for a look-alike, could make a word of three or more
 *  characters with the text next to it: only such runs need segmenting. */
function mayConfuse(ctx: RuleContext, alikes: Map<string, { alt: string }[]>, t: string, start: number, end: number): boolean {
  // A run with no character that has a look-alike has no candidate (scan would say so too).
  const codes = codesOf(alikes);
  let any = false;
  for (let i = start; i < end && !any; i++) any = codes[t.charCodeAt(i)] === 1;
  if (!any) return false;
  let cache = judged.get(alikes);
  if (!cache) judged.set(alikes, (cache = new Map()));
  const run = t.slice(start, end);
  let v = cache.get(run);
  if (v === undefined) {
    v = scan(ctx, alikes, run);
    if (cache.size > 20000) cache.clear();
    cache.set(run, v);
  }
  return v;
}

/** The first and the last two characters of every known word (dictionary and userWords), rebuilt when either grows. */
interface WordEnds {
  dict: ReadonlySet<string>;
  dictSize: number;
  user: Set<string>;
  userSize: number;
  /** By a character's code: the codes of the characters that follow it at the start of a known word (before it at
   *  the end of one), so that scan asks about a pair without making a two-character string (speed only). Built from
   *  the words' codes directly: making the two-character heads and tails of the ≈43k words as strings first was
   *  most of this rule's first-run cost. */
  after: Map<number, Set<number>>;
  before: Map<number, Set<number>>;
}
const wordEndsCache = new WeakMap<object, WordEnds>();

function addPair(m: Map<number, Set<number>>, key: number, code: number): void {
  let s = m.get(key);
  if (!s) m.set(key, (s = new Set()));
  s.add(code);
}

function wordEnds(ctx: RuleContext): WordEnds | undefined {
  const dict = ctx.segmenter?.words?.();
  if (!dict) return undefined;
  const user = userWordSet(ctx);
  const hit = wordEndsCache.get(dict);
  if (hit && hit.dictSize === dict.size && hit.user === user && hit.userSize === user.size) return hit;
  const after = new Map<number, Set<number>>();
  const before = new Map<number, Set<number>>();
  for (const set of [dict, user])
    for (const w of set) {
      const n = w.length;
      if (n < 2) continue;
      addPair(after, w.charCodeAt(0), w.charCodeAt(1));
      addPair(before, w.charCodeAt(n - 1), w.charCodeAt(n - 2));
    }
  const ends = { dict, dictSize: dict.size, user, userSize: user.size, after, before };
  wordEndsCache.set(dict, ends);
  return ends;
}

/** Per look-alike map: 1 for each UTF-16 code unit that has look-alikes (so that scan skips the others without making
 *  a one-character string and a map look-up per character). */
const alikeCodes = new WeakMap<object, Uint8Array>();

function codesOf(alikes: Map<string, unknown>): Uint8Array {
  let t = alikeCodes.get(alikes);
  if (!t) {
    t = new Uint8Array(65536);
    for (const k of alikes.keys()) if (k.length === 1) t[k.charCodeAt(0)] = 1;
    alikeCodes.set(alikes, t);
  }
  return t;
}

function scan(ctx: RuleContext, alikes: Map<string, { alt: string }[]>, t: string): boolean {
  const start = 0;
  const end = t.length;
  // Every candidate below ends with t[i-1] + alt (or starts with alt + t[i+1]): when no known word does, none of the
  // eight lookups on that side can succeed. The lookups build a new string each; most runs have no candidate at all.
  const ends = wordEnds(ctx);
  const codes = codesOf(alikes);
  for (let i = start; i < end; i++) {
    if (codes[t.charCodeAt(i)] === 0) continue;
    const alts = alikes.get(t[i]);
    if (!alts) continue;
    for (const { alt } of alts) {
      // (ends.tails.has(t[i - 1] + alt) and ends.heads.has(alt + t[i + 1]), asked by code: a tail or head has two
      // code units, so a look-alike of two (outside the BMP) makes none.)
      const left = i - 1 >= start && (!ends || (alt.length === 1 && !!ends.before.get(alt.charCodeAt(0))?.has(t.charCodeAt(i - 1))));
      const right = i + 2 <= end && (!ends || (alt.length === 1 && !!ends.after.get(alt.charCodeAt(0))?.has(t.charCodeAt(i + 1))));
      for (let j = 1; j <= 8; j++) {
        if (left && i - j >= start && knownWord(ctx, t.slice(i - j, i) + alt)) return true;
        if (right && i + 1 + j <= end && knownWord(ctx, alt + t.slice(i + 1, i + 1 + j))) return true;
      }
    }
  }
  return false;
}

/** True when text[at, at + n) is the last of a run of 、-separated items of the same length (前高、中低、后扬): a
 *  compressed parallel phrase the writer coined item by item, not a word the segmenter split wrongly. */
function parallelItem(text: string, at: number, n: number): boolean {
  if (text[at - 1] !== '、' || text[at - n - 2] !== '、') return false;
  for (let i = at - n - 1; i < at - 1; i++) if (!isHan(text[i])) return false;
  return true;
}

/** True when edited text uses `s` as written: a dictionary word, or a variant the reference corpus writes (入脑, 没人,
 *  拆旧, 天蓝、地绿) — then the look-alike reading is not proposed. */
function inUse(ctx: RuleContext, s: string): boolean {
  const lex = ctx.segmenter?.lexicon?.();
  if (!lex) return false;
  if (lex.known(s)) return true;
  return lex.attested(s) >= 3 || lex.seen(s) > 0;
}

/** True when `w` may be proposed: a word of the typo lexicon (frequent, attested) when there is one — the segmenter's
 *  dictionary may be the full one, whose rare entries are no evidence — else a dictionary word. */
function proposable(ctx: RuleContext, w: string): boolean {
  const lex = ctx.segmenter?.lexicon?.();
  return lex ? !!lex.word(w) : knownWord(ctx, w);
}

/** True when the character at `offset` forms a word in use with the character before or after it. */
function pairsWithNeighbour(ctx: RuleContext, offset: number): boolean {
  const t = ctx.doc.text;
  const before = offset > 0 ? t.slice(offset - 1, offset + 1) : '';
  const after = t.slice(offset, offset + 2);
  return (before.length === 2 && inUse(ctx, before)) || (after.length === 2 && inUse(ctx, after));
}


/** Pronouns: words by themselves, never half of a word the look-alike would make. */
const PRONOUNS = '他她它我你您咱';
export const confusableChar: Rule = {
  meta: {
    id: 'wording/confusable-char',
    category: 'wording',
    defaultSeverity: 'warning',
    description: '形近字误用（如“未成年入权益”应为“未成年人权益”）',
    docs:
      '分词后孤立成词的单字，如果换成规则包 wording.confusables 中与它形近的字（入/人、己/已、未/末、拨/拔、侯/候……）就能与相邻的词组成更长的常用词，而原字与相邻文字不成词，就很可能是形近字打错了。' +
      '例如“未成年入权益”分词为“未成年/入/权益”，把“入”换成“人”得到词典中的“未成年人”。为避免误报，只在相邻的是完整的多字词、换字后组成至少三个字的词时报出。' +
      '另外，分词器按字猜出的生词（词典里没有，如“安微省”“侯补”），换一个形近字就成为词典中的词时，也报出。可自动修复：替换为形近字。选项：ignore（不应提出的词）。',
    examples: [
      { bad: '未成年入权益司法保护', good: '未成年人权益司法保护' },
      { bad: '安微省合肥市', good: '安徽省合肥市' },
    ],
    schema: { type: 'object', additionalProperties: false, properties: { ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不报告的写法' } } },
    fixable: true,
    paragraphLocal: true,
    needsSegmenter: true,
  },
  check(ctx) {
    const alikes = ctx.packs.memo('wording.confusables.map', () => lookAlikes(ctx.packs.field<Omit<ConfusableGroup, 'pack'>>('wording', 'confusables')));
    if (!alikes.size) return;
    const ignore = new Set([...ctx.packs.memo('wording.confusableIgnore', () => stringField(ctx.packs, 'confusableIgnore')), ...stringList(ctx.options.ignore)]);
    for (const p of ctx.doc.paragraphs) {
      for (const [rs, re] of runsOf(p.text)) {
        if (!mayConfuse(ctx, alikes, p.text, rs, re)) continue;
        const toks = runTokens(ctx, p, rs, re);
        // wording/misspelling already reports these (侯选人): one finding per slip.
        let listed: { start: number; end: number }[] | undefined;
        const inListed = (offset: number) =>
          (listed ??= paragraphMisspellings(ctx.packs, p.text).map(m => ({ start: p.offset + m.start, end: p.offset + m.start + m.entry.wrong.length }))).some(
            r => offset >= r.start && offset < r.end,
          );
        for (let k = 0; k < toks.length; k++) {
          const t = toks[k];
          if (t.word.length >= 2 && t.word.length <= 4 && allHan(t.word) && !knownWord(ctx, t.word) && !parallelItem(ctx.doc.text, t.offset, t.word.length)) {
            // A word the dictionary does not know (the segmenter's HMM made it) that a look-alike turns into a known one: 提拨 → 提拔.
            let done = false;
            for (let i = 0; i < t.word.length && !done; i++) {
              const ch = t.word[i];
              if (ctx.doc.text[t.offset + i - 1] === ch || ctx.doc.text[t.offset + i + 1] === ch) continue; // 一幕|幕地
              for (const { alt, note } of alikes.get(ch) ?? []) {
                const formed = t.word.slice(0, i) + alt + t.word.slice(i + 1);
                if (!proposable(ctx, formed) || ignore.has(formed) || inListed(t.offset + i) || inUse(ctx, t.word)) continue;
                ctx.report({
                  offset: t.offset,
                  length: t.word.length,
                  message: `疑为形近字误用：“${t.word}”中“${t.word[i]}”应为“${alt}”，组成“${formed}”${note ? `（${note}）` : ''}`,
                  fix: { offset: t.offset + i, length: 1, text: alt },
                  expected: formed,
                });
                done = true;
                break;
              }
            }
            continue;
          }
          if (t.word.length !== 1) continue;
          const alts = alikes.get(t.word);
          if (!alts) continue;
          // A function character or pronoun stands alone by grammar (根据|他|的事迹, 政府|为|维护): not a slip.
          if (functionChars(ctx.packs).includes(t.word) || PRONOUNS.includes(t.word)) continue;
          // A reduplicated character (一幕幕, 一件件) is not a slip.
          if (ctx.doc.text[t.offset - 1] === t.word || ctx.doc.text[t.offset + 1] === t.word) continue;
          const left = toks[k - 1];
          const right = toks[k + 1];
          const l = left && left.offset + left.word.length === t.offset && allHan(left.word) && left.word.length >= 2 ? left.word : undefined;
          const r = right && t.offset + 1 === right.offset && allHan(right.word) && right.word.length >= 2 ? right.word : undefined;
          // The character as written must not already belong with a neighbour.
          if ((l && knownWord(ctx, l + t.word)) || (r && knownWord(ctx, t.word + r))) continue;
          if ((l && knownWord(ctx, l[l.length - 1] + t.word)) || (r && knownWord(ctx, t.word + r[0]))) continue;
          // Nor form a word in use with the character next to it (入脑入心, 引人注意, 没人承接, 拆旧房).
          if (pairsWithNeighbour(ctx, t.offset)) continue;
          // A standalone character (将, 会, 要, 可) before a whole word reads as that word's auxiliary or adverb
          // (竞赛|将|围绕, 文学|将|成为): the look-alike joined to the word before it (竞赛奖) is no better reading.
          // A numeral does not (有利千|我国 is 有利于).
          const standsBefore = !!r && ctx.packs.chars('wording', 'standaloneChars').has(t.word) && !/[零〇一二两三四五六七八九十百千万亿]/.test(t.word) && knownWord(ctx, r);
          for (const { alt, note } of alts) {
            const withLeft = !!(l && proposable(ctx, l + alt)) && !standsBefore;
            const formed = withLeft ? l! + alt : r && proposable(ctx, alt + r) ? alt + r : undefined;
            if (!formed || formed.length < 3 || ignore.has(formed) || inListed(t.offset)) continue;
            // The finding covers the word as written (未成年入); the fix replaces the one character.
            const start = withLeft ? left!.offset : t.offset;
            ctx.report({
              offset: start,
              length: formed.length,
              message: `疑为形近字误用：“${ctx.doc.text.slice(start, start + formed.length)}”中“${t.word}”应为“${alt}”，组成“${formed}”${note ? `（${note}）` : ''}`,
              fix: { offset: t.offset, length: 1, text: alt },
              expected: formed,
            });
            break;
          }
        }
      }
    }
  },
};
