// 开展“制度落实年”工作……深化“制度建设年”成果 → the same campaign named two ways in one document.
import type { Rule, RuleContext, Segmenter } from '../../core/types';
import { proseRegister } from '../../core/register';
import { editDistance, entriesOf, normalize } from '../formulation/_lib/pack-entries';

interface Name {
  text: string;
  offset: number;
  paragraph: number;
}

const HAN = /^[\u3400-\u9fff]+$/;
const NUMERAL = /[一二三四五六七八九十百千两0-9]/;

/** Where two names of the same length differ: the positions of the differing characters. */
/** True when two characters read alike (the same or a near syllable: 光/关, 师/士, 制/智), by the typo lexicon's
 *  readings. Without the lexicon nothing is known to sound alike. */
function soundAlike(ctx: RuleContext, x: string, y: string): boolean {
  const lex = ctx.segmenter?.lexicon?.();
  if (!lex) return false;
  return lex.homophones(x).includes(y) || lex.homophones(y).includes(x) || lex.nearHomophones(x).includes(y) || lex.nearHomophones(y).includes(x);
}

function diffPositions(a: string, b: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) out.push(i);
  return out;
}

/** Endings of named campaigns: a theme year, month, week or campaign (“制度落实年”“服务提升月”). */
const CAMPAIGN_END = /[年月周]$/;

/**
 * The word two campaign names share when one is the other reworded (制度落实年 / 落实成果年: 落实 stands elsewhere):
 * both end alike with a campaign ending and nothing more in common at the end (博物馆里过大年 / 宫里过大年 share
 * 过大年, a family of names), and a two-character word of one stands at another place in the other.
 */
function reworded(a: string, b: string): string | undefined {
  if (a.length > 7 || b.length > 7 || !CAMPAIGN_END.test(a) || a[a.length - 1] !== b[b.length - 1]) return undefined;
  if (a[a.length - 2] === b[b.length - 2]) return undefined;
  for (let i = 0; i + 2 < a.length; i++) {
    const w = a.slice(i, i + 2);
    const j = b.indexOf(w);
    if (j >= 0 && j + 2 < b.length && a.length - i !== b.length - j) return w;
  }
  return undefined;
}

/** True when the character at `i` makes a two-character dictionary word with the same neighbour in both names. */
function bothWords(seg: Segmenter, a: string, b: string, i: number): boolean {
  for (const s of [i - 1, i]) {
    if (s < 0 || s + 2 > a.length) continue;
    if (seg.isWord(a.slice(s, s + 2)) && seg.isWord(b.slice(s, s + 2))) return true;
  }
  return false;
}

export const nameVariant: Rule = {
  meta: {
    id: 'consistency/name-variant',
    category: 'consistency',
    defaultSeverity: 'warning',
    description: '同一文稿中加引号的活动、工作、品牌名称前后写法不一',
    docs:
      '政协文稿常把活动、工作品牌、机制的名称加引号（“委员会客厅”“有事好商量”“制度落实年”）。同一文稿不同段落中两个加引号的名称只差一个字（或两个字前后颠倒）时，多半是同一个名称写错了，报告出现次数较少（次数相同时为后出现）的写法，并给出另一种写法；另一种写法出现两次以上、且不同的那个字在两种写法中不都与相邻的字组成词典中的词（“欧盟价值观”“欧洲价值观”）时为警告并可修正，否则为提示（有分词器时才能判断成词）。同一段里并举的两个名称（从“零和博弈”到“正和博弈”）是对比，不报告；' +
      '只差名称中间的一个完整的词、首尾相同（“制度建设年”“制度落实年”）时也可能是两项不同的工作，作为提示（info）报告，请核对；首词或末词不同的（“山西精品”“山西之夜”，“数字丝绸之路”“空中丝绸之路”）是同一地方或同一类的不同名称，不报告；新闻、特写中的提示只留下读音相同或相近的一个字之差（“阳关监督”“阳光监督”，像是输入法打错），换了一个词（“市场监督管理部门”“药品监督管理部门”）或换了读音不同的字（“舍己为人”“舍己从人”）是不同的名称，不报告；两个以“年”“月”“周”结尾的活动名称共用一个词、但这个词的位置不同（“制度落实年”“落实成果年”）时，多半是同一项年度工作换了说法，也作为提示报告。' +
      '只差一个字而其中一方是否定字（“为官不为”“为官乱为”，“有协议脱欧”“无协议脱欧”，规则包 wording.negationChars）的是意思相反的两个名称，不报告。' +
      '不比较：少于 4 个字的名称、含数字的名称（“三个转变”“四个转变”是不同的提法）、有一方是规则包中的规范提法的名称。',
    examples: [
      { bad: '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。\n\n今年“委员会客听”走进社区。', good: '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。\n\n今年“委员会客厅”走进社区。' },
      { bad: '打造“有事好商量”协商品牌。\n\n深化“有事好商议”平台建设。' },
    ],
    fixable: true,
    usesSegmenter: true,
  },
  check(ctx) {
    const doc = ctx.doc;
    const informal = proseRegister(ctx) === 'informal';
    const names: Name[] = [];
    for (const q of doc.quotes) {
      if (!'“「『"'.includes(q.openMark)) continue;
      // The length before the slice (normalize keeps it): nested quotations would make this quadratic.
      if (q.close - q.open - 1 < 4 || q.close - q.open - 1 > 12) continue;
      const inner = normalize(doc.masked.slice(q.open + 1, q.close));
      if (!HAN.test(inner) || NUMERAL.test(inner)) continue;
      const para = doc.paragraphAt(q.open)?.index ?? -1;
      names.push({ text: inner, offset: q.open + 1, paragraph: para });
    }
    if (names.length < 2) return;
    const canonical = ctx.packs.memo('consistency:canonical-names', () => new Set(entriesOf(ctx.packs, 'phrase').flatMap(e => [e.text, ...(e.variants ?? [])].map(normalize))));
    const negation = ctx.packs.chars('wording', 'negationChars');
    const count = new Map<string, number>();
    for (const n of names) count.set(n.text, (count.get(n.text) ?? 0) + 1);
    const distinct = [...count.keys()];
    const reported = new Set<string>();
    /** The pair as [suspect, other]: the minority spelling (then the later one) is the suspect. Undefined when the two
     *  stand in one paragraph (a contrast: 从“零和博弈”到“正和博弈”, 变“要我脱贫”为“我要脱贫”) or the suspect is
     *  already reported. */
    const suspect = (a: string, b: string): [string, string] | undefined => {
      const paraA = new Set(names.filter(n => n.text === a).map(n => n.paragraph));
      if (names.some(n => n.text === b && paraA.has(n.paragraph))) return undefined;
      const ca = count.get(a)!;
      const cb = count.get(b)!;
      const firstA = names.find(n => n.text === a)!.offset;
      const firstB = names.find(n => n.text === b)!.offset;
      const pair: [string, string] = ca < cb || (ca === cb && firstA > firstB) ? [a, b] : [b, a];
      if (reported.has(pair[0])) return undefined;
      reported.add(pair[0]);
      return pair;
    };
    for (let i = 0; i < distinct.length; i++)
      for (let j = i + 1; j < distinct.length; j++) {
        const a = distinct[i];
        const b = distinct[j];
        if (canonical.has(a) || canonical.has(b)) continue;
        if (a.length !== b.length || editDistance(a, b, 2) > 2) {
          const shared = reworded(a, b);
          if (!shared) continue;
          // Two names of one campaign year (开展“制度落实年”工作 … 深化“落实成果年”工作成果).
          const pair = suspect(a, b);
          if (!pair) continue;
          const [bad, good] = pair;
          for (const n of names.filter(x => x.text === bad))
            ctx.report({
              offset: n.offset,
              length: bad.length,
              message: `文中另有“${good}”，与“${bad}”都以“${shared}”命名${bad.endsWith('年') ? '年度工作' : '活动'}，是否指同一项工作？如是，请统一名称`,
              severity: 'info',
            });
          continue;
        }
        const pos = diffPositions(a, b);
        const swapped = pos.length === 2 && pos[1] === pos[0] + 1 && a[pos[0]] === b[pos[1]] && a[pos[1]] === b[pos[0]];
        const oneChar = pos.length === 1;
        // A whole two-character word replaced inside the name, its qualifier and its head shared (制度建设年 /
        // 制度落实年): possibly one campaign renamed. A different first or last word is a different name (“山西精品”
        // and “山西之夜”, “绿色发展” and “绿色未来”, “数字丝绸之路” and “空中丝绸之路”): another thing of one place
        // or kind, not a variant.
        const word = pos.length === 2 && pos[1] === pos[0] + 1 && !swapped && pos[0] > 0 && pos[1] < a.length - 1;
        if (!oneChar && !swapped && !word) continue;
        // A negation on one side (为官不为 / 为官乱为, 有协议脱欧 / 无协议脱欧) names the opposite: two names, not a slip.
        if (oneChar && (negation.has(a[pos[0]]) || negation.has(b[pos[0]]))) continue;
        const pair = suspect(a, b);
        if (!pair) continue;
        const [bad, good] = pair;
        // The character that differs makes a dictionary word with the same neighbour in both names (欧盟|价值观 and
        // 欧洲|价值观, 商议 and 商量): two words, so possibly two names; a hint only.
        const twoWords = oneChar && !!ctx.segmenter && bothWords(ctx.segmenter, bad, good, pos[0]);
        const hint = word || twoWords || count.get(good)! < 2;
        // In news and features a hint needs a slip's signature: one character that sounds like the other (阳关/阳光
        // 监督, 医士/医师班, the input method's slip). Another word in its place (市场/药品监督管理部门, 舍己为人/舍己从人,
        // 凤桥老窖/凤桥老酒) is another name.
        if (hint && informal && !(oneChar && soundAlike(ctx, a[pos[0]], b[pos[0]]))) continue;
        for (const n of names.filter(x => x.text === bad)) {
          const at = pos[0];
          const len = pos[pos.length - 1] - pos[0] + 1;
          ctx.report({
            offset: n.offset,
            length: bad.length,
            message: word
              ? `文中另有“${good}”，与“${bad}”只差一个词，是否指同一项工作？如是，请统一写法`
              : `文中另有“${good}”，“${bad}”疑为同一名称的误写，请统一写法`,
            fix: hint ? undefined : { offset: n.offset + at, length: len, text: good.slice(at, at + len) },
            // Strong evidence: the other spelling is used at least twice, and the differing character makes no word.
            severity: hint ? 'info' : undefined,
          });
        }
      }
  },
};
