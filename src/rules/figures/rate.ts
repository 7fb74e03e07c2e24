// “满意率达105%” → 比率不能超过100%；“提交1000件,立案900件,立案率95%” → 按两数计算应为90%.
import type { Rule, RuleContext } from '../../core/types';
import { figureText, isLowerBound, isRough, isUpperBound } from '../../core/ledger';
import { bySentence, chains, isAmount, isExact, ledger, LedgerEntry, named, packRegex, packWords, relatedAt, stageOf } from './_lib/figure-helpers';


interface RateDef {
  match: string;
  chain: string;
  part: number;
  whole: number;
}

/** True when `stated` agrees with part/whole to the precision written (rounded or truncated). */
export function rateAgrees(stated: number, decimals: number, part: number, whole: number): boolean {
  const exact = (part / whole) * 100;
  const f = 10 ** decimals;
  const rounded = Math.round(exact * f) / f;
  const truncated = Math.floor(exact * f + 1e-9) / f;
  return Math.abs(rounded - stated) < 1e-9 || Math.abs(truncated - stated) < 1e-9;
}

function report(ctx: RuleContext, rate: LedgerEntry, part: LedgerEntry, whole: LedgerEntry, what: string) {
  if (isRough(rate) || isLowerBound(rate) || isUpperBound(rate) || isRough(part) || isRough(whole) || isLowerBound(part) || isLowerBound(whole)) return;
  if (whole.value <= 0 || rateAgrees(rate.value, rate.decimals, part.value, whole.value)) return;
  const exact = ((part.value / whole.value) * 100).toFixed(Math.max(rate.decimals, 1));
  ctx.report({
    offset: rate.offset,
    length: rate.length,
    message: `${what}${figureText(rate)}与所给数字不符：${figureText(part)}÷${figureText(whole)}≈${exact}%，请核对`,
    related: [relatedAt(part, `分子：${named(part)}`), relatedAt(whole, `分母：${named(whole)}`)],
  });
}

/** The packs' ratios that may exceed 100% (figures.uncappedRates). */
function uncapped(ctx: RuleContext): string[] {
  return ctx.packs.memo('figures-uncapped-rates', () => ctx.packs.field<string>('figures', 'uncappedRates').map(String));
}

/** Labels of one partition: a class suffix all share (经济类、社会类; 第一产业、第二产业), or a pair and its complement
 *  (中共党员 / 非中共人士, 城镇 / 农村, 男 / 女). People counted by a trait (女委员, 党外委员) may overlap: not a partition. */
const PAIRS: [RegExp, RegExp][] = [
  [/^男/, /^女/],
  [/^城镇|^城市/, /^农村|^乡村/],
  [/^党内/, /^党外/],
  [/^境内/, /^境外/],
  [/^国内/, /^国外|^境外/],
  [/^公办/, /^民办/],
];
const CLASS_SUFFIX = /(类|型|产业|行业|领域|方面|档次|等级|级)$/;

function partition(labels: string[]): boolean {
  if (labels.some(l => l.length < 2)) return false;
  const last = (l: string) => CLASS_SUFFIX.exec(l)?.[1];
  if (labels.every(l => last(l) && last(l) === last(labels[0]))) return true;
  if (labels.length !== 2) return false;
  const [a, b] = labels;
  // 非中共人士 after 中共党员: the complement.
  for (const [x, y] of [[a, b], [b, a]]) if (/^非/.test(y) && y.slice(1, 3) === x.slice(0, 2)) return true;
  return PAIRS.some(([p, q]) => (p.test(a) && q.test(b)) || (p.test(b) && q.test(a)));
}

/**
 * Shares of one whole listed in one sentence (经济类占38.5%、社会类占35.2%、文化类占18.6%、其他类占12.3%; 中共党员占40%，
 * 非中共人士占65%) that add up to more than 100%, allowing for each share's rounding. Only shares written 占X% right
 * after their label, of labels that split one whole (a common class suffix, or a pair and its complement).
 */
function checkShareSums(ctx: RuleContext, groups: Map<number, LedgerEntry[]>) {
  const text = ctx.doc.text;
  for (const [si, entries] of groups) {
    const sen = ctx.doc.sentences[si];
    const shares: { e: LedgerEntry; label: string }[] = [];
    for (const e of entries) {
      if (e.kind !== 'percent' || e.quoted || !isExact(e)) continue;
      // 经济类占38.5%: the label is the Han characters between the previous mark and 占.
      const m = /(?:^|[，,、；;：:])([\u4e00-\u9fff]{2,8}?)(?:的)?(?:约)?占(?:比)?(?:为|达)?$/.exec(text.slice(Math.max(sen.offset, e.offset - 14), e.offset));
      if (!m) continue;
      shares.push({ e, label: m[1].replace(/^(?:其中|以及|和|及)/, '') });
    }
    if (shares.length < 2) continue;
    // 分别占, 同比, a share of a change: not parts of one whole.
    if (/分别占|同比|比上年|提高|下降/.test(sen.text)) continue;
    const labels = shares.map(x => x.label);
    if (new Set(labels).size < labels.length || !partition(labels)) continue;
    const sum = shares.reduce((a, x) => a + x.e.value, 0);
    const slack = shares.reduce((a, x) => a + 0.5 * 10 ** -x.e.decimals, 0);
    if (sum <= 100 + slack + 1e-9) continue;
    const last = shares[shares.length - 1].e;
    const decimals = Math.max(...shares.map(x => x.e.decimals));
    ctx.report({
      offset: last.numberOffset,
      length: last.offset + last.length - last.numberOffset,
      message: `${labels.join('、')}所占比例合计${Number(sum.toFixed(decimals))}%（${shares.map(x => x.e.numberText + '%').join('+')}），超过100%：同一整体的各部分占比之和不能大于100%，请核对`,
      related: shares.slice(0, -1).map(x => relatedAt(x.e, `${x.label}：${figureText(x.e)}`)),
    });
  }
}

export const rate: Rule = {
  meta: {
    id: 'figures/rate',
    category: 'figures',
    defaultSeverity: 'error',
    description: '比率超过100%，或与文中给出的两个数字算出的比率不符',
    docs:
      '满意率、参与率、办复率、占比（含“占……的N%”）等比率不能超过100%（增长率、完成率、拨备覆盖率等可以超过100%的比率不在此列，见规则包 figures.uncappedRates）。文中同时给出分子、分母和比率时，比率应与计算结果在所写精度上一致（四舍五入或截尾均可）：\n\n' +
      '- “其中……N件，占X%”：N 除以“其中”之前的总数（“其中”后先列出一个子集时，也可以是 N 除以这个子集，“劳动力255.2万人，其中有就业意愿的187.4万人，已转移就业186.4万人，占比99.5%”）；\n' +
      '- 规则包 figures.rates 中的比率，如 立案率 = 立案数 ÷ 提交（收到）提案数，采用率 = 采用数 ÷ 报送数。\n\n' +
      '同一句中把一个整体分成几部分、各写“占X%”时（“经济类占38.5%、社会类占35.2%……”，以同一类名结尾；或一对互补的部分，如“中共党员”与“非中共人士”、城镇与农村），各部分占比之和（按所写精度放宽）不能超过100%。按人的特征计的占比（“女委员占30%、党外委员占75%”）可以重叠，不相加。',
    examples: [
      { bad: '提案办理满意率达107.9%', good: '提案办理满意率达97.9%' },
      { bad: '全年收到提案1000件,立案900件,立案率95%', good: '全年收到提案1000件,立案900件,立案率90%' },
    ],
    fixable: false,
  },
  check(ctx) {
    const all = ledger(ctx);
    for (const e of all) {
      if (e.kind !== 'percent' || e.quoted || e.value <= 100) continue;
      const sen = ctx.doc.sentences[e.sentenceIndex];
      const before = ctx.doc.text.slice(Math.max(sen.offset, e.offset - 16), e.offset);
      // 占X%, or a share of a named whole: 占委员总数的120%, 占到全市的105%.
      const share = /占(?:到|了)?(?:[^，。；、,;\d%％]{1,12}的)?$/.exec(before);
      const rateWord = packWords(ctx, 'rateWords', 'end').test(e.subject);
      if (!rateWord && !share) continue;
      if (/(增长|增速|提高|上升|下降|增幅|降幅)/.test(e.subject)) continue;
      // Ratios that may exceed 100% by their nature (拨备覆盖率183.2%, 完成率112%), from the packs.
      if (uncapped(ctx).some(w => e.subject.endsWith(w))) continue;
      const shown = ctx.doc.text.slice(e.numberOffset, e.offset + e.length);
      const label = rateWord ? e.subject : share![0].length > 1 ? share![0] : e.subject || '占比';
      ctx.report({ offset: e.numberOffset, length: shown.length, message: `${label}${shown}超过100%：比率、占比不能大于100%，请核对` });
    }
    const groups = bySentence(all);
    checkShareSums(ctx, groups);
    const defs = ctx.packs.field<RateDef>('figures', 'rates');
    const chainList = chains(ctx);
    const paraEntries = new Map<number, LedgerEntry[]>();
    for (const e of all) {
      let a = paraEntries.get(e.paragraphIndex);
      if (!a) paraEntries.set(e.paragraphIndex, (a = []));
      a.push(e);
    }
    for (const [si, entries] of groups) {
      const sen = ctx.doc.sentences[si];
      for (const r of entries) {
        if (r.kind !== 'percent' || r.quoted) continue;
        // 其中……N件，占X%
        const rel = r.offset - sen.offset;
        const head = sen.text.slice(0, rel);
        const q = head.lastIndexOf('其中');
        if (/占(?:比)?(?:为|达)?$/.test(head) && q >= 0) {
          const part = [...entries].reverse().find(e => isAmount(e) && e.offset < r.offset && e.offset > sen.offset + q);
          const whole = [...entries].reverse().find(e => isAmount(e) && e.offset < sen.offset + q && part && e.unit === part.unit);
          if (part && whole && !/[；;]/.test(sen.text.slice(part.offset - sen.offset, rel))) {
            // A subset named between 其中 and the part (建档立卡劳动力255.2万人，其中有就业意愿的187.4万人，已转移
            // 就业186.4万人，占比99.5%) may be the base the share is of: the share agrees with one of them or is wrong.
            const inner = entries.filter(e => isAmount(e) && e.offset > sen.offset + q && e.offset < part.offset && e.unit === part.unit && e.value >= part.value);
            if (inner.some(b => b.value > 0 && rateAgrees(r.value, r.decimals, part.value, b.value))) continue;
            report(ctx, r, part, whole, '占比');
          }
          continue;
        }
        // Named rates from the packs, computed from the chain figures in the same paragraph.
        for (const d of defs) {
          if (!packRegex(ctx, d.match).test(r.subject)) continue;
          const chain = chainList.find(c => c.name === d.chain);
          if (!chain) continue;
          const near = (paraEntries.get(r.paragraphIndex) ?? []).filter(e => isAmount(e) && !e.quoted && e.offset < r.offset && (!chain.units || chain.units.includes(e.unit ?? '')));
          const pick = (stage: number) => [...near].reverse().find(e => stageOf(ctx, chain, e.subject) === stage);
          const part = pick(d.part);
          const whole = pick(d.whole);
          if (part && whole && part.unit === whole.unit) report(ctx, r, part, whole, r.subject);
          break;
        }
      }
    }
  },
};
