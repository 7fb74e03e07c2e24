// Mines the words that take a complement of degree with 得 (发展得很快, 做得十分扎实) and the predicates that follow
// (快, 扎实, 出色), from a reference corpus of edited text, for wording/de-complement: the wording pack's
// complementHeads and complementPredicates. In edited text the complement is written with 得; a draft that writes
// 的 there (发展的很快。) has typed the wrong particle.
//   - a head: the segmenter's token right before 得, itself followed by an adverb of degree (很, 非常, 十分 …) and a
//     predicate, used so at least MIN_HEAD times; never written with 的 in the same frame more than a tenth as often;
//   - a predicate: the token after 得 + adverb that ends the clause, at least MIN_PRED times; quantities (多, 少,
//     有限) are left out: “能做的很有限” / “上学的很少” say how many, with 的 as a noun phrase (what can be done).
// Only words and counts are written, no running text. Usage:
//   npx tsc -p . && node out/scripts/mine-de-complements.js /work/pd/2019年2月 /work/pd/2019年10月 /work/pd/2020年1月 [--json]
import * as fs from 'fs';
import { loadSegmenter } from '../src/segmenter';
import { textFiles } from './typo-recall';
import { builtinPackSet } from '../src/core/packs';
import { stringField } from '../src/rules/wording/_lib/word-helpers';

/** Adverbs of degree that open the complement: the rule's own list (wording pack complementAdverbs), longest first. */
const DEGREE = stringField(builtinPackSet(), 'complementAdverbs').sort((a, b) => b.length - a.length);
const MIN_HEAD = 2;
const MIN_PRED = 3;
/** Uses of a head before a 得 of its own with any complement (推进得扎实有效). */
const MIN_LOOSE = 3;
/** Words before the modal 得 (děi: 还得努力, 必须得): not heads. */
const MODAL = new Set(['还', '必须', '就', '总', '都', '又', '可', '非', '只', '也', '不', '才', '会', '要', '你', '我', '他', '她', '它', '我们', '你们', '他们', '大家', '谁', '这', '那', '怎么', '这么', '那么', '多么']);
/** Quantities: X的很少 is a noun phrase (those who X are few), not a complement. */
const QUANTITY = new Set(['多', '少', '有限', '不多', '不少', '多样', '复杂']);
/** Function words the segmenter sometimes leaves before 得 (也得很…, 把得很…), and interjections after the predicate
 *  (好得很呐): not heads or predicates. */
const FUNCTION = new Set(['也', '把', '在', '是', '就', '都', '还', '又', '才', '呐', '呢', '啊', '吧', '了']);

function main(): void {
  const dirs = process.argv.slice(2).filter(a => !a.startsWith('--'));
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('分词器不可用');
  const frame = new RegExp(`([\\u4e00-\\u9fff]{1,4})([得的])(${DEGREE.join('|')})([\\u4e00-\\u9fff]{1,3})(?=[，。；！？、,;!?]|$)`, 'gm');
  const heads = new Map<string, { de: number; dei: number }>();
  const preds = new Map<string, number>();
  const loose = new Map<string, number>();
  let files = 0;
  for (const dir of dirs) {
    for (const f of textFiles(dir)) {
      files++;
      const text = fs.readFileSync(f, 'utf8');
      frame.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = frame.exec(text))) {
        const [, before, particle, adv, pred] = m;
        // The token before the particle, and the particle a token of its own (目的, 真的, 取得 are words).
        const toks = seg.cut(before + particle + adv + pred);
        const pi = toks.findIndex(t => t.offset === before.length);
        // … or a word that ends with it (做得, 变得, 过得: the head is the verb before it).
        const joined = toks.find(t => t.offset < before.length && t.offset + t.word.length === before.length + 1 && t.word.length === 2);
        const head = pi >= 1 && toks[pi].word === particle ? toks[pi - 1].word : joined ? joined.word[0] : undefined;
        if (!head) {
          frame.lastIndex = m.index + 1;
          continue;
        }
        // The predicate: what follows the adverb, as one token.
        const rest = toks.filter(t => t.offset >= before.length + 1 + adv.length);
        // The frame the rule reports: the predicate one token that closes the clause, no quantity.
        const strict = rest.length === 1 && rest[0].word === pred && !QUANTITY.has(pred);
        if (strict) {
          const h = heads.get(head) ?? { de: 0, dei: 0 };
          if (particle === '得') h.de++;
          else h.dei++;
          heads.set(head, h);
        }
        if (particle === '得' && strict) preds.set(pred, (preds.get(pred) ?? 0) + 1);
        frame.lastIndex = m.index + 1;
      }
      // Any complement with 得 (推进得扎实有效, 发展得越来越好): the word before a 得 of its own, followed by a Han
      // character, is a head too.
      for (let i = text.indexOf('得'); i >= 0; i = text.indexOf('得', i + 1)) {
        if (!/[\u4e00-\u9fff]/.test(text[i + 1] ?? '') || !/[\u4e00-\u9fff]/.test(text[i - 1] ?? '')) continue;
        const from = Math.max(0, i - 4);
        const toks = seg.cut(text.slice(from, i + 3));
        const k = toks.findIndex(t => from + t.offset === i);
        if (k < 1 || toks[k].word !== '得') continue;
        const w = toks[k - 1].word;
        loose.set(w, (loose.get(w) ?? 0) + 1);
      }
    }
  }
  for (const [w, n] of loose) {
    const h = heads.get(w) ?? { de: 0, dei: 0 };
    if (n >= MIN_LOOSE && h.de < MIN_HEAD) heads.set(w, { de: MIN_HEAD, dei: h.dei });
  }
  const headList = [...heads]
    .filter(([w, c]) => !FUNCTION.has(w) && !MODAL.has(w) && c.de >= MIN_HEAD && c.dei * 10 <= c.de && w.length <= 3 && /^[\u4e00-\u9fff]+$/.test(w) && (w.length === 1 || seg.isWord(w)))
    .sort((a, b) => b[1].de - a[1].de || (a[0] < b[0] ? -1 : 1));
  const predList = [...preds].filter(([w, c]) => !FUNCTION.has(w) && c >= MIN_PRED).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (process.argv.includes('--json')) {
    process.stdout.write(JSON.stringify({ complementHeads: headList.map(x => x[0]).sort(), complementPredicates: predList.map(x => x[0]).sort() }) + '\n');
    return;
  }
  process.stdout.write(`${files} files; heads ${headList.length}, predicates ${predList.length}\n`);
  process.stdout.write(headList.map(([w, c]) => `${w}:${c.de}/${c.dei}`).join(' ') + '\n\n');
  process.stdout.write(predList.map(([w, c]) => `${w}:${c}`).join(' ') + '\n');
}

if (require.main === module) main();
