// “办复率从92%提高到98%，提高了8个百分点” → 相差6个百分点；“由4次增加到6次，增长80%” → 增长50%.
import type { Fix, Rule, RuleContext } from '../../core/types';
import { figureText } from '../../core/ledger';
import { bySentence, CHANGE_DOWN as DOWN, CHANGE_UP as UP, isExact, LedgerEntry, ledger, relatedAt } from './_lib/figure-helpers';
import { rateAgrees } from './rate';
/** A year (and 末/底/的) that dates B: 由2022年的1200亿元增加到2023年的1300亿元. */
const YEAR = '(?:19|20)\\d{2}年(?:末|底|年末|年底)?(?:的)?';
/** From A … to B: 由/从 before A (in its clause), a change verb with 到/至 between A and B. */
const TO = new RegExp(`^(?:的)?[^，,；;。：:\\d“”]{0,6}?(${UP}|${DOWN})(到|至)(?:了)?(?:${YEAR})?[^，,；;。：:\\d]{0,4}$`);
const FROM = /(?:^|[^理])(?:由|从)[^，,；;。：:]{0,14}$/;
/** The change stated right after B: 增长了50%, 提高6个百分点, 增加2次, 增幅为30%. */
const BY = new RegExp(`^[^，,；;。：:\\d]{0,2}[，,、]?[^，,；;。：:\\d]{0,6}?(${UP}|${DOWN}|增幅|降幅|减幅|涨幅)(?:了|为|达|约)?$`);
/** B then its base A: 组织视察调研23次，比上年的18次增长了35% (比/较 and the year or 上年 that A belongs to). */
const BASE = new RegExp(`^[^，,；;。：:\\d“”]{0,4}?[，,]?(?:比|较)(?:上年|去年|上一年|前一年|上届|${YEAR})(?:同期)?(?:的)?$`);
/** The change right after the base: 增长了35%, 增加5次, 下降10%. */
const BASE_BY = new RegExp(`^(${UP}|${DOWN})(?:了)?$`);
/** Words that make the stated change something else than B against A: a yearly average, a comparison with another
 *  base (同比, 比上年), a figure at constant prices, the highest of several. */
const OTHER_BASE = /年均|平均|同比|环比|比|按|可比|不变价|实际|扣除|最高|最多|最低|分别|每年|累计|折合|名义/;

/** Units that may count places in a ranking (第96位, 31名, 前10位次). */
const RANK_UNITS = /^(?:位|名|位次|名次|级)/;

const UP_WORD = new RegExp(`^(?:${UP}|增幅|涨幅)$`);
const isUp = (verb: string) => UP_WORD.test(verb);

/** Half the last written unit of a figure, in the figure's base units (1.2亿 → 0.05亿); 0 for Chinese numerals and
 *  whole counts. */
function halfUnit(e: LedgerEntry): number {
  if (e.style !== 'arabic') return 0;
  const digits = Number(/^[0-9.]+/.exec(e.numberText)?.[0] ?? NaN);
  if (!Number.isFinite(digits) || digits === 0) return 0;
  const scale = e.value / digits;
  // A whole count as written (6次, 1200人次) is exact; 1.2亿, 1598万 and percentages are rounded.
  if (e.kind !== 'percent' && e.decimals === 0 && Math.abs(scale - 1) < 1e-9) return 0;
  return 0.5 * 10 ** -e.decimals * scale;
}

/** The text right after a count's number (what it counts when the ledger found no unit: 1860万千瓦 → 千瓦). */
function unitOf(ctx: RuleContext, e: LedgerEntry): string {
  if (e.unit) return e.unit;
  return /^[^\d\s，,；;。：:、（）()“”]?/.exec(ctx.doc.text.slice(e.offset + e.length))?.[0] ?? '';
}

/** A figure as written, with the measure word the ledger did not take as its unit (20起). */
function shown(ctx: RuleContext, e: LedgerEntry, other: LedgerEntry): string {
  if (e.unit || e.kind === 'percent') return figureText(e);
  // The measure words both figures share (1860万千瓦 … 1.2亿千瓦 → 千瓦; 20起减少到15起 → 起).
  const after = (x: LedgerEntry) => /^[^\d\s，,；;。：:、（）()“”]{0,2}/.exec(ctx.doc.text.slice(x.offset + x.length))?.[0] ?? '';
  let u = after(e);
  const v = after(other);
  while (u && !v.startsWith(u)) u = u.slice(0, -1);
  return figureText(e) + u;
}

const exact = (e: LedgerEntry) => isExact(e) && !e.quoted;

/** Two figures one change can join: both exact, of one kind, and percentages or counts of one unit that is not a time
 *  span (3年, 5天: durations and dates, not amounts). */
function comparable(ctx: RuleContext, a: LedgerEntry, b: LedgerEntry): boolean {
  if (!exact(a) || !exact(b) || a.kind !== b.kind) return false;
  if (a.kind === 'percent') return true;
  const u = unitOf(ctx, a);
  return !!u && u === unitOf(ctx, b) && !/^[年月日天时分秒岁]/.test(u);
}

/** Shortest decimal form of x with at most `d` places (6, 6.5, 6.25). */
function show(x: number, d: number): string {
  return String(Number(x.toFixed(Math.max(d, 1))));
}

export const changeMismatch: Rule = {
  meta: {
    id: 'figures/change-mismatch',
    category: 'figures',
    defaultSeverity: 'error',
    description: '“由A增加到B”“比A增长”后的幅度或方向与两数不符',
    docs:
      '“由（从）A 增加（提高、下降……）到 B”之后紧接着写出变化幅度时，幅度应与 A、B 相符：\n\n' +
      '- 两个百分比之差用“个百分点”：“办复率从92%提高到98%”应为“提高6个百分点”；写成“提高了6%”时提示改为“6个百分点”（可自动修正），写成其他数字时报告不符；\n' +
      '- 增长（下降）的百分数按 (B−A)÷A 计算：“由4次增加到6次”应为“增长50%”；\n' +
      '- 增加（减少）的数量与 A、B 单位相同时应等于两数之差：“由4次增加到6次，增加3次”不符；\n' +
      '- 用“增加、提高”而 B 小于 A，或用“下降、减少”而 B 大于 A：数字或用词有误。\n\n' +
      '“B，比上年（去年、2022年）的A增长（下降）C”同样核对（B 是今年的数，A 是比较的基数）。\n\n' +
      '比较时按所写精度放宽（A、B、幅度各自四舍五入或截尾均可）。数字带概数（约、近、余、多、超过）、幅度是年均、同比、按可比价或“最高”的数字、用“倍”表示时不核对。',
    examples: [
      { bad: '提案办复率从2023年的92%提高到98%，提高了8个百分点。', good: '提案办复率从2023年的92%提高到98%，提高了6个百分点。' },
      { bad: '议政性常委会会议由4次增加到6次，增长了80%。', good: '议政性常委会会议由4次增加到6次，增长了50%。' },
      { bad: '委员履职参与率由85%提高到93%，提高了8%。', good: '委员履职参与率由85%提高到93%，提高了8个百分点。' },
    ],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const text = ctx.doc.text;
    for (const [si, entries] of bySentence(ledger(ctx))) {
      const sen = ctx.doc.sentences[si];
      const figs = entries.filter(e => e.kind === 'count' || e.kind === 'percent' || e.kind === 'money');
      for (let i = 0; i + 1 < figs.length; i++) {
        const a = figs[i];
        const b = figs[i + 1];
        const to = TO.exec(text.slice(a.offset + a.length, b.offset));
        if (!to) continue;
        if (!FROM.test(text.slice(Math.max(sen.offset, a.offset - 16), a.offset))) continue;
        if (!comparable(ctx, a, b)) continue;
        const up = isUp(to[1]);
        // The direction: 由6次增加到4次. Not for places in a ranking (从96位上升到31位), where less is better.
        if (a.value !== b.value && up !== b.value > a.value && !RANK_UNITS.test(unitOf(ctx, a))) {
          ctx.report({
            offset: b.offset,
            length: b.length,
            message: `由${shown(ctx, a, b)}“${to[1]}”到${shown(ctx, b, a)}：数字${b.value > a.value ? '变大' : '变小'}了，与“${to[1]}”相反，请核对数字或用词`,
            related: [relatedAt(a, `变化前：${figureText(a)}`)],
          });
          continue;
        }
        const c = figs[i + 2];
        if (!c) continue;
        const by = BY.exec(text.slice(b.offset + b.length, c.offset));
        if (!by || OTHER_BASE.test(text.slice(b.offset + b.length, c.offset))) continue;
        // The stated change must be the same way round as the figures (增长 after 增加到; 下降 after 降至).
        if (!/幅$/.test(by[1]) && isUp(by[1]) !== up) continue;
        judge(ctx, a, b, c, up, `由${shown(ctx, a, b)}${to[1]}${to[2]}${shown(ctx, b, a)}`);
      }
      // B, then its base A and the change: 组织视察调研23次，比上年的18次增长了35%.
      for (let i = 0; i + 2 < figs.length; i++) {
        const [b, a, c] = [figs[i], figs[i + 1], figs[i + 2]];
        if (!BASE.test(text.slice(b.offset + b.length, a.offset))) continue;
        const by = BASE_BY.exec(text.slice(a.offset + a.length, c.offset));
        if (!by) continue;
        // Places in a ranking are better when fewer: not checked here.
        if (!comparable(ctx, a, b) || a.value === b.value || RANK_UNITS.test(unitOf(ctx, a))) continue;
        const verb = by[1];
        const up = isUp(verb);
        const span = `${shown(ctx, b, a)}比${shown(ctx, a, b)}`;
        if (up !== b.value > a.value) {
          ctx.report({
            offset: c.offset,
            length: c.length,
            message: `${span}${b.value > a.value ? '多' : '少'}，与“${verb}”相反，请核对数字或用词`,
            related: [relatedAt(a, `比较的基数：${figureText(a)}`)],
          });
          continue;
        }
        judge(ctx, a, b, c, up, span);
      }
    }
  },
};

/** The stated change c of a figure from `a` (before) to `b` (after), `up` as the verb says: reported when it does not
 *  fit the two figures as written (each rounded as its digits show). */
function judge(ctx: RuleContext, a: LedgerEntry, b: LedgerEntry, c: LedgerEntry, up: boolean, span: string): void {
  const text = ctx.doc.text;
  const pct = a.kind === 'percent';
  const [lo, hi] = [Math.min(a.value, b.value), Math.max(a.value, b.value)];
  if (!exact(c) || a.value === b.value) return;
  const cHalf = 0.5 * 10 ** -c.decimals;
  const cUnit = c.kind === 'percent' ? '%' : unitOf(ctx, c);
  const ha = halfUnit(a);
  const hb = halfUnit(b);
  const within = (stated: number, min: number, max: number) => stated + cHalf + 10 ** -c.decimals >= min - 1e-9 && stated - cHalf <= max + 1e-9;
  const diffMin = Math.max(0, hi - lo - ha - hb);
  const diffMax = hi - lo + ha + hb;
  const around = [relatedAt(a, `变化前：${figureText(a)}`), relatedAt(b, `变化后：${figureText(b)}`)];
  if (pct && cUnit === '个百分点') {
    if (within(c.value, diffMin, diffMax)) return;
    ctx.report({
      offset: c.offset,
      length: c.length,
      message: `${span}，相差${show(hi - lo, Math.max(a.decimals, b.decimals))}个百分点，文中写作“${figureText(c)}”，请核对`,
      related: around,
    });
    return;
  }
  if (cUnit === '%') {
    const base = a.value;
    if (base - ha <= 0) return;
    const rel = ((hi - lo) / base) * 100;
    // Between two percentages the difference itself, written with % (85% → 93%, 提高了8%): it should be 个百分点.
    if (pct && Math.abs(c.value - (hi - lo)) <= cHalf + 1e-9 && !rateAgrees(c.value, c.decimals, hi - lo, base)) {
      const pctSign = c.offset + c.length - 1;
      const fix: Fix | undefined = text[pctSign] === '%' || text[pctSign] === '％' ? { offset: pctSign, length: 1, text: '个百分点' } : undefined;
      ctx.report({
        offset: c.offset,
        length: c.length,
        message: `${span}，两个百分比之差应写作“${c.numberText}个百分点”，而不是“${figureText(c)}”（按${up ? '增长' : '下降'}幅度计算约为${show(rel, 1)}%）`,
        fix,
        expected: fix ? `${c.numberText}个百分点` : undefined,
        severity: 'warning',
        related: around,
      });
      return;
    }
    // Relative change (B − A) ÷ A, with A and B each rounded as written.
    const relMin = (diffMin / (base + ha)) * 100;
    const relMax = (diffMax / (base - ha)) * 100;
    if (within(c.value, relMin, relMax)) return;
    ctx.report({
      offset: c.offset,
      length: c.length,
      message: `${span}，${up ? '增长' : '下降'}约${show(rel, Math.max(c.decimals, 1))}%，文中写作“${figureText(c)}”，请核对${pct ? '（两个百分比之差为' + show(hi - lo, Math.max(a.decimals, b.decimals)) + '个百分点）' : ''}`,
      related: around,
    });
    return;
  }
  // An amount in the unit of A and B: their difference.
  if (!pct && cUnit === unitOf(ctx, a) && c.kind === a.kind && ![a, b, c].some(e => /[万亿千百]/.test(e.numberText))) {
    const hc = halfUnit(c) || cHalf;
    if (c.value + hc + 1e-9 >= diffMin && c.value - hc - 1e-9 <= diffMax) return;
    ctx.report({
      offset: c.offset,
      length: c.length,
      message: `${span}，${up ? '增加' : '减少'}${show(hi - lo, 0)}${cUnit}，文中写作“${figureText(c)}”，请核对`,
      related: around,
    });
  }
}
