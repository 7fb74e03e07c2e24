// 认真布署各项工作 → 认真部署各项工作; 截止2021年底 → 截至2021年底; 做出重要贡献 → 作出重要贡献.
import type { Rule } from '../../core/types';
import type { PackSet } from '../../core/packs';
import type { RuleContext } from '../../core/types';
import type { Paragraph } from '../../core/document';
import { compiled, knownWord, Misspelling, runsOf, runTokens, stringList, Token } from './_lib/word-helpers';
import { proseRegister } from '../../core/register';
import { Lru, ownString, paragraphMemosOn } from '../../core/memo';

const KIND_LABEL: Record<string, string> = { typo: '错别字', variant: '非推荐词形', usage: '用字不当' };

/** Entries by their first character, longest first (so 截止到 wins over 截止). */
function index(packs: PackSet): Map<string, Misspelling[]> {
  return packs.memo('wording.misspellings.index', () => {
    const m = new Map<string, Misspelling[]>();
    for (const e of packs.field<Omit<Misspelling, 'pack'>>('wording', 'misspellings')) {
      const k = e.wrong[0];
      if (!m.has(k)) m.set(k, []);
      m.get(k)!.push(e);
    }
    for (const list of m.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
    return m;
  });
}

/** True when the entry's context conditions hold around text[start, end). */
export function contextMatches(packs: PackSet, e: Misspelling, text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 40);
  const before = text.slice(Math.max(0, start - 40), start);
  const fb = compiled(packs, e.followedBy);
  if (fb && !fb.test(after)) return false;
  const nfb = compiled(packs, e.notFollowedBy);
  if (nfb && nfb.test(after)) return false;
  const pb = compiled(packs, e.precededBy);
  if (pb && !pb.test(before)) return false;
  const npb = compiled(packs, e.notPrecededBy);
  if (npb && npb.test(before)) return false;
  return true;
}

/** The pack's misspellings in `text` (longest entry first at each position; matches do not overlap). */
export function findMisspellings(packs: PackSet, text: string): { start: number; entry: Misspelling }[] {
  const idx = index(packs);
  const out: { start: number; entry: Misspelling }[] = [];
  if (!idx.size) return out;
  for (let i = 0; i < text.length; i++) {
    const list = idx.get(text[i]);
    if (!list) continue;
    for (const e of list) {
      if (!text.startsWith(e.wrong, i) || !contextMatches(packs, e, text, i, i + e.wrong.length)) continue;
      out.push({ start: i, entry: e });
      i += e.wrong.length - 1;
      break;
    }
  }
  return out;
}

/** Paragraphs kept per pack set by paragraphMisspellings (a 32 KB report has about 200). */
const PARA_MEMO_MAX = 2000;

/** findMisspellings of one paragraph's text, remembered per pack set: it reads nothing but the text and the packs,
 *  so a keystroke searches only the paragraph it changed. The matches are shared: read them, do not change them. */
export function paragraphMisspellings(packs: PackSet, text: string): { start: number; entry: Misspelling }[] {
  if (!paragraphMemosOn()) return findMisspellings(packs, text);
  const memo = packs.memo('wording.misspellings.paragraphs', () => new Lru<{ start: number; entry: Misspelling }[]>(PARA_MEMO_MAX));
  let hit = memo.get(text);
  if (!hit) memo.set(ownString(text), (hit = findMisspellings(packs, text)));
  return hit;
}

/** True when the segmenter reads the match at [start, end) (document offsets) as parts of other words. Its characters
 *  fall in exactly two tokens, one reaching before it and one after it, where
 *  - both have two or more characters and one is a word of the dictionary or the typo lexicon (全家|俱欢颜 is no 家俱;
 *    乌兰|图雅 no 兰图), or
 *  - one is such a word and the other a lone function character of the pack's standaloneChars (竟|选择 is no 竟选;
 *    看做|为 no 做为);
 *  or one known word holds it (a name or term the dictionary knows). A slip reads otherwise: it leaves a lone
 *  character that is no word by itself (大部|份, 瞻|养老) or takes one from its neighbour (入场|卷入|场), so it is
 *  still reported. `tokens`: the match's run. */
function acrossWords(ctx: RuleContext, tokens: Token[], start: number, end: number): boolean {
  const known = (w: string): boolean => w.length >= 2 && (knownWord(ctx, w) || !!ctx.segmenter?.lexicon?.()?.known(w));
  const over = tokens.filter(t => t.offset < end && t.offset + t.word.length > start);
  if (over.length === 1) {
    const t = over[0];
    return t.word.length > end - start && known(t.word);
  }
  if (over.length !== 2) return false;
  const [a, b] = over;
  const aOut = a.offset < start;
  const bOut = b.offset + b.word.length > end;
  if (aOut && bOut && a.word.length >= 2 && b.word.length >= 2) return known(a.word) || known(b.word);
  const lone = (t: Token): boolean => t.word.length === 1 && ctx.packs.chars('wording', 'standaloneChars').has(t.word);
  return (lone(a) && bOut && known(b.word)) || (aOut && known(a.word) && lone(b));
}

/** The tokens of the run of `p` that holds paragraph offset `at` (cut on demand, once per run). */
function tokensAt(ctx: RuleContext, p: Paragraph, at: number, cache: Map<number, Token[]>): Token[] {
  for (const [rs, re] of runsOf(p.text)) {
    if (at < rs || at >= re) continue;
    let toks = cache.get(rs);
    if (!toks) cache.set(rs, (toks = runTokens(ctx, p, rs, re)));
    return toks;
  }
  return [];
}

export const misspelling: Rule = {
  meta: {
    id: 'wording/misspelling',
    category: 'wording',
    defaultSeverity: 'error',
    description: '错别字与非规范词形（如“布署”应为“部署”、“其它”应为“其他”）',
    docs:
      '按规则包 wording.misspellings 中的词表查找常见错别字、异形词的非推荐词形，以及随语境而定的用字（后接时间的“截止”应为“截至”，后接“贡献、决定、部署、批示”等的“做出”应为“作出”）。' +
      '词条可用 followedBy / notFollowedBy / precededBy / notPrecededBy 限定前后文，以免误报（如“按排名”不是“按排”）。' +
      '经过编辑的新闻、特写中两种写法都在用的词条（houseStyle：做出贡献、其它、惟一）在非正式文稿中只在同一篇也写了规范写法（作出、其他、唯一）时提示“请统一”，正式文稿（报告、提案等）照报警告。' +
      '有分词器时，跨词边界的匹配不报（“全家俱欢颜”是“全家|俱欢颜”，不是“家俱”；人名“乌兰图雅”不是“兰图”）；没有分词器时照常按词表查找。可自动修复：替换为规范写法。办公室可在自己的规则包中增补词条。' +
      '选项：ignore（不检查的错词，如 ["其它"]）、kinds（只检查这些类别：typo 错别字、variant 异形词、usage 随语境用字）。',
    examples: [
      { bad: '认真布署各项工作', good: '认真部署各项工作' },
      { bad: '截止2021年底，全市共有', good: '截至2021年底，全市共有' },
      { bad: '为国家发展做出了重要贡献', good: '为国家发展作出了重要贡献' },
    ],
    schema: { type: 'object', additionalProperties: false, properties: { ignore: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不检查的错词，如 ["其它"]' }, kinds: { type: 'array', items: { enum: ['typo', 'variant', 'usage'] }, description: '只检查这些类别：typo 错别字、variant 异形词、usage 随语境用字' } } },
    fixable: true,
    usesSegmenter: true,
  },
  check(ctx) {
    const ignore = new Set(stringList(ctx.options.ignore));
    const kinds = ctx.options.kinds === undefined ? undefined : new Set(stringList(ctx.options.kinds));
    const informal = proseRegister(ctx) === 'informal';
    for (const p of ctx.doc.paragraphs) {
      const runs = new Map<number, Token[]>();
      for (const { start, entry: e } of paragraphMisspellings(ctx.packs, p.text)) {
        if (ignore.has(e.wrong) || (kinds && !kinds.has(e.kind ?? 'typo'))) continue;
        // A form that edited news writes too (做出贡献, 其它, 惟一: the pack's houseStyle) is the text's own style in a
        // news story or feature that keeps to it; only a document that also writes the recommended form mixes the two.
        const mixed = informal && e.houseStyle;
        if (mixed && !ctx.doc.text.includes(e.right)) continue;
        if (ctx.segmenter && acrossWords(ctx, tokensAt(ctx, p, start, runs), p.offset + start, p.offset + start + e.wrong.length)) continue;
        const label = KIND_LABEL[e.kind ?? 'typo'] ?? '错别字';
        ctx.report({
          offset: p.offset + start,
          length: e.wrong.length,
          message: `${label}：“${e.wrong}”应为“${e.right}”${e.note ? `（${e.note}）` : ''}${mixed ? `；文中别处写作“${e.right}”，请统一` : ''}`,
          fix: { offset: p.offset + start, length: e.wrong.length, text: e.right },
          expected: e.right,
          source: e.source ?? `规则包 ${e.pack}`,
          // A non-recommended form or a usage preference (其它, 惟一, 做出贡献) is a slip in a formal document; news
          // and features use both forms, so there it is a hint. A wrong character (布署) is an error everywhere.
          severity: e.kind === 'variant' || e.kind === 'usage' ? (informal ? 'info' : 'warning') : undefined,
        });
      }
    }
  },
};
