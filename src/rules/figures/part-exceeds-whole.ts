// “提交提案1043件,经审查立案1060件” → 立案1060件多于提交提案1043件（部分不能大于整体）.
import type { Rule, RuleContext } from '../../core/types';
import { isLowerBound, isRough, isUpperBound } from '../../core/ledger';
import { bySentence, chains, CHANGE_DOWN, CHANGE_UP, isAmount, ledger, LedgerEntry, named, packWords, relatedAt, stageOf } from './_lib/figure-helpers';


/** Two figures joined by a change (从27万平方米增至33万平方米): one thing at two times. */
const JOINED_BY_CHANGE = new RegExp(`(?:${CHANGE_UP}|${CHANGE_DOWN}|变)[^，,；;。]{0,3}(?:到|至|为)$`);

/** True when `part` > `whole` certainly, given their qualifiers. */
function certainlyExceeds(part: LedgerEntry, whole: LedgerEntry): boolean {
  if (isRough(part) || isRough(whole) || isUpperBound(part) || isLowerBound(whole)) return false;
  return part.value > whole.value;
}

/** The noun a figure counts: the Han characters right after it (11个县, 721位导师), else the end of its subject
 *  (立案交办提案1043件). */
function nounOf(ctx: RuleContext, e: LedgerEntry): string {
  const after = /^[\u4e00-\u9fff]{1,4}/.exec(ctx.doc.text.slice(e.offset + e.length))?.[0];
  return after ?? e.subject.slice(-2);
}

/** True when two figures may count the same kind of thing: their nouns share a character. */
function sameKind(ctx: RuleContext, a: LedgerEntry, b: LedgerEntry): boolean {
  // A part named by what befell it, not by a noun (其中被采纳的172条, 其中172条被采纳, 其中已办结的): a subset of the
  // whole counted in the same unit.
  if (/^被/.test(a.subject) || ctx.doc.text[a.offset - 1] === '的' || ctx.doc.text[a.offset + a.length] === '被') return true;
  const na = nounOf(ctx, a);
  // The whole's noun, or the end of what it counts (共组织委员视察调研45次, 其中视察20次: 视察 is part of it).
  const nb = nounOf(ctx, b) + b.subject.slice(-6);
  if (!na || !nb) return true;
  return [...na].some(ch => nb.includes(ch));
}

/** The thing a figure counts, as its subject ends (召开座谈会 → 座谈会): the last two Han characters, or none. */
function headOf(e: LedgerEntry): string {
  return /[\u4e00-\u9fff]{2}$/.exec(e.subject)?.[0] ?? '';
}

/** True when `part`'s subject names what `whole` counts and what none of `rivals` counts (其中专题座谈会: 座谈会, not 调研). */
function namesOnly(part: LedgerEntry, whole: LedgerEntry, rivals: LedgerEntry[]): boolean {
  const head = headOf(whole);
  if (!head || !part.subject.includes(head)) return false;
  return rivals.every(r => {
    const h = headOf(r);
    return h !== '' && h !== head && !part.subject.includes(h);
  });
}

function checkQizhong(ctx: RuleContext, entries: LedgerEntry[], prevSentence: LedgerEntry[] | undefined, reported: Set<number>) {
  const sen = ctx.doc.sentences[entries[0]?.sentenceIndex ?? -1];
  if (!sen) return;
  const re = /其中/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(sen.text))) {
    const at = sen.offset + m.index;
    // The whole: the last amount before 其中 (in the previous sentence when 其中 opens this one).
    const before = entries.filter(e => isAmount(e) && e.offset < at && !e.quoted);
    const pool = before.length ? before : m.index < 2 && prevSentence ? prevSentence.filter(e => isAmount(e) && !e.quoted) : [];
    let whole = pool[pool.length - 1];
    // A change (比去年增加5600亿元) is not a whole.
    const isChange = (e: LedgerEntry) => packWords(ctx, 'changeWords', 'anywhere').test(e.subject) || /比[^，,；;]{0,8}$/.test(e.subject);
    if (!whole || isChange(whole)) continue;
    // The parts: amounts with the same unit up to the next 其中 / ；/ end of sentence.
    const rest = sen.text.slice(m.index + 2);
    const stop = rest.search(/其中|[；;]/);
    const end = at + 2 + (stop < 0 ? rest.length : stop);
    // Several figures of the same unit before 其中 (重点调研21项、监督性视察2项,其中……): the whole is unclear, unless they
    // count the same kind of thing at successive stages (收到提案520件，立案486件。其中……): then the largest is the widest
    // whole a part can belong to.
    const clauseStart = Math.max(sen.text.lastIndexOf('；', m.index), sen.text.lastIndexOf(';', m.index), sen.text.lastIndexOf('其中', m.index - 1));
    const rivals = pool.filter(e => e !== whole && e.unit === whole.unit && (pool !== before || e.offset > sen.offset + clauseStart));
    if (rivals.length) {
      const all = [whole, ...rivals];
      if (all.some(e => isChange(e) || isRough(e) || isLowerBound(e)) || !all.every(x => all.every(y => x === y || sameKind(ctx, x, y)))) {
        // Figures of different kinds before 其中: the whole is still clear when the first part names the last of them
        // and none of the others (视察调研36次，召开座谈会12次，其中专题座谈会15次).
        const first = entries.find(e => e.offset > at && e.offset < end && isAmount(e) && e.unit === whole.unit && !e.quoted);
        if (!first || !namesOnly(first, whole, rivals)) continue;
      } else whole = all.reduce((x, y) => (y.value > x.value ? y : x));
    }
    const parts: LedgerEntry[] = [];
    for (const part of entries) {
      if (part.offset <= at || part.offset >= end || !isAmount(part) || !whole.unit || part.unit !== whole.unit || part.quoted) continue;
      // Part and whole must count the same kind of thing (立案1008件 of 提案1043件; not 贫困村259个 of 11个县).
      if (!sameKind(ctx, part, whole)) continue;
      parts.push(part);
      if (!certainlyExceeds(part, whole)) continue;
      reported.add(part.offset);
      ctx.report({
        offset: part.offset,
        length: part.length,
        message: `“其中”所列部分${named(part)}大于整体${named(whole)}：部分不能多于整体，请核对两个数字`,
        related: [relatedAt(whole, `整体：${named(whole)}`)],
      });
    }
    checkQizhongSum(ctx, whole, parts, reported);
  }
}

/**
 * The parts listed after 其中 add up to more than the whole (召开协商会6次，其中专题协商会4次、对口协商会3次).
 * Only parts of one kind of thing that do not overlap: counts of events, documents or items, not of people (其中女委员
 * 25人、党外委员20人 count the same people twice), each part exact, none of them a total or a change itself.
 */
function checkQizhongSum(ctx: RuleContext, whole: LedgerEntry, parts: LedgerEntry[], reported: Set<number>) {
  if (parts.length < 2 || isRough(whole) || isLowerBound(whole) || parts.some(p => reported.has(p.offset))) return;
  if (ctx.packs.words('figures', 'overlappingUnits').includes(whole.unit ?? '')) return;
  if (parts.some(p => isRough(p) || isLowerBound(p) || isUpperBound(p))) return;
  // Two parts named alike are one thing at two times (全长22.87公里，后延长到……全长23.6公里), not two parts.
  const names = parts.map(p => p.subject);
  if (new Set(names).size < names.length) return;
  // … or joined by a change (其中企业展从27万平方米增至33万平方米).
  for (let i = 1; i < parts.length; i++)
    if (JOINED_BY_CHANGE.test(ctx.doc.text.slice(parts[i - 1].offset + parts[i - 1].length, parts[i].offset))) return;
  const sum = parts.reduce((a, p) => a + p.value, 0);
  if (!(sum > whole.value + 1e-9)) return;
  const last = parts[parts.length - 1];
  // The sum as written (2.7亿元 = 1.5+1.2) when every figure is arabic with the same written unit; else in base units.
  const digits = (e: LedgerEntry) => /^[\d.]+/.exec(e.raw)?.[0] ?? '';
  const suffix = (e: LedgerEntry) => e.raw.slice(digits(e).length);
  const asWritten = [whole, ...parts].every(e => e.style === 'arabic' && digits(e) && !isNaN(Number(digits(e))) && suffix(e) === suffix(whole));
  const decimals = Math.max(...parts.map(p => p.decimals));
  const total = asWritten ? `${Number(parts.reduce((a, p) => a + Number(digits(p)), 0).toFixed(decimals))}${suffix(whole)}` : `${sum}${whole.unit ?? ''}`;
  const terms = asWritten ? parts.map(digits).join('+') : parts.map(p => p.raw).join('+');
  ctx.report({
    offset: last.offset,
    length: last.length,
    message: `“其中”所列各部分合计${total}（${terms}），多于整体${named(whole)}：部分之和不能大于整体，请核对数字`,
    related: [relatedAt(whole, `整体：${named(whole)}`), ...parts.slice(0, -1).map(p => relatedAt(p, `部分：${named(p)}`))],
  });
}

export const partExceedsWhole: Rule = {
  meta: {
    id: 'figures/part-exceeds-whole',
    category: 'figures',
    defaultSeverity: 'error',
    description: '部分大于整体（“其中”的分项、提交≥立案≥办结、报送≥采用等环节）',
    docs:
      '核对同一句中有包含关系的两个数字：“其中”之后的分项不能大于“其中”之前的总数，同类的几个分项（次、件、项、亿元……）相加也不能大于总数（按人、家、户计的分项常可重叠，如“其中女委员25人、党外委员20人”，不相加；单位表见规则包 figures.overlappingUnits）；按规则包中的环节链条，后一环节的数不能大于前一环节，例如提案“收到（提交）≥ 立案 ≥ 办结”，社情民意信息“报送 ≥ 采用”，会议“参加 ≥ 发言”。两个数字单位必须相同，分项的名词要与总数的名词有相同的字（“贫困村259个”不是“11个县”的一部分），以事件或性质限定的分项（“其中被采纳的172条”“其中52篇被批示”）算作总数的一部分；“其中”之前有同类事物的几个环节（“收到提案520件，立案486件。其中……”）时以最大的数为整体，不同类的几个数（“调研21项、视察12项，其中……”）不核对，除非“其中”之后的分项点明是最后那一个数所计的事物、又不涉及其余的数（“视察调研36次，召开座谈会12次，其中专题座谈会15次”）；“从27万平方米增至33万平方米”是同一事物的两个时点，不相加；带“余、多、以上、约、左右”等的概数只在结论确定时才报告。链条可在规则包 figures.chains 中增补。',
    examples: [
      { bad: '全年提交提案1043件,经审查立案1060件', good: '全年提交提案1043件,经审查立案1008件' },
      { bad: '组织委员培训300人次,其中常委培训320人次', good: '组织委员培训300人次,其中常委培训120人次' },
    ],
    fixable: false,
  },
  check(ctx) {
    const groups = bySentence(ledger(ctx));
    const chainList = chains(ctx);
    let prev: LedgerEntry[] | undefined;
    let prevPara = -1;
    const ordered = [...groups.entries()].sort((a, b) => a[0] - b[0]);
    // A figure already reported as a “其中” part larger than its whole is not reported again by a chain (one slip, one finding).
    const reported = new Set<number>();
    const usable = (list: LedgerEntry[]) => list.filter(e => isAmount(e) && !e.quoted && !e.inTitle && e.subject);
    for (let gi = 0; gi < ordered.length; gi++) {
      const entries = ordered[gi][1];
      checkQizhong(ctx, entries, prev && prevPara === entries[0].paragraphIndex ? prev : undefined, reported);
      prev = entries;
      prevPara = entries[0].paragraphIndex;
      const own = usable(entries);
      // Wholes may be stated in the sentence before (提交提案5488件。……经审查，立案4089件), within the paragraph.
      const before = gi > 0 && ordered[gi - 1][1][0].paragraphIndex === entries[0].paragraphIndex ? usable(ordered[gi - 1][1]) : [];
      const amounts = [...before, ...own];
      for (const chain of chainList) {
        const staged = amounts
          .map(e => ({ e, stage: chain.units && !chain.units.includes(e.unit ?? '') ? -1 : stageOf(ctx, chain, e.subject) }))
          .filter(x => x.stage >= 0);
        for (let j = 0; j < staged.length; j++) {
          const part = staged[j];
          if (!own.includes(part.e)) continue;
          // The nearest figure of an earlier stage with the same unit.
          let whole: (typeof staged)[number] | undefined;
          let best = Infinity;
          for (const w of staged) {
            if (w.stage >= part.stage || w.e.unit !== part.e.unit) continue;
            // A whole in the sentence before counts only when this sentence has none of its own.
            if (!own.includes(w.e) && staged.some(x => own.includes(x.e) && x.stage < part.stage && x.e.unit === part.e.unit)) continue;
            const d = Math.abs(w.e.offset - part.e.offset);
            if (d < best) {
              best = d;
              whole = w;
            }
          }
          if (!whole || reported.has(part.e.offset) || !certainlyExceeds(part.e, whole.e)) continue;
          const pl = chain.stages[part.stage].label;
          const wl = chain.stages[whole.stage].label;
          ctx.report({
            offset: part.e.offset,
            length: part.e.length,
            message: `${named(part.e)}多于${named(whole.e)}：${chain.name}的“${pl}”数不能大于“${wl}”数，请核对`,
            related: [relatedAt(whole.e, `${wl}：${named(whole.e)}`)],
          });
        }
      }
    }
  },
};
