// “立案交办提案864件……立案交办提案865件” → 同一数字前后不一致.
import { proseRegister } from '../../core/register';
import type { Rule, RuleContext } from '../../core/types';
import { isLowerBound, isRough, isUpperBound } from '../../core/ledger';
import { isAmount, isLabelNumber, LedgerEntry, ledger, named, relatedAt } from './_lib/figure-helpers';

/** Words that say a figure is a total (共提交, 全年开展……共计): they do not change what is counted. */
const TOTAL = '(?:共计|累计|总计|合计|一共|共)';
const TOTAL_AT_END = new RegExp(`${TOTAL}$`);
const TOTAL_AT_START = new RegExp(`^${TOTAL}`);
const TOTAL_ANYWHERE = new RegExp(TOTAL);
/** A clause opened by a total and a verb (共召开……、……): each figure of its 、-list is a total of its kind. */
const LIST_TOTAL = new RegExp(`${TOTAL}(?:召开|组织|开展|举办|举行|进行|提交|收到|完成|办理|报送|编发)`);

/** The canonical subject (synonym groups from the packs: 收到提案 = 提交提案), and whether the packs name it (a
 *  known quantity of a report: 提交提案, 立案). */
function canonicalOf(ctx: RuleContext, subject: string): { subject: string; known: boolean } {
  const map = ctx.packs.memo('figures-synonyms', () => {
    const m = new Map<string, string>();
    for (const group of ctx.packs.field<string[]>('figures', 'subjectSynonyms')) {
      const g = Object.values(group).filter((x): x is string => typeof x === 'string');
      for (const s of g) m.set(s, g[0]);
    }
    return m;
  });
  // 市政协立案交办提案 = 立案交办提案: the agent before the subject does not change the figure (常委会会议 is a meeting,
  // not 常委会's 会议).
  const bare = subject.replace(/^(?:全国政协|[省市区县州]政协|政协|常委会(?!会议)|各级政协|我们|我[省市区县]|全[省市区县])+/, '');
  let known = map.get(bare);
  if (known === undefined) {
    let best = 0;
    // 全市政协委员共提交提案 = 共收到提案 = 提交提案: who submitted, and 共/累计, do not change the figure either; the
    // longest named form that ends the subject counts when what precedes it is such an agent (not 不予立案).
    for (const [form, canon] of map) {
      if (!bare.endsWith(form) || form.length === bare.length) continue;
      const lead = bare.slice(0, -form.length).replace(/全年$/, '').replace(TOTAL_AT_END, '');
      if (lead && !/(?:委员们?|政协|年来|以来|全年|今年|去年|本年|年度|一年|[省市区县]|各民主党派|党派团体|工商联|界别|专门委员会|专委会)$/.test(lead)) continue;
      if (form.length > best) {
        best = form.length;
        known = canon;
      }
    }
  }
  if (known !== undefined) return { subject: known, known: true };
  // 市政协共组织视察调研 = 全年开展视察调研共计: when, 共/共计, and a verb that only says the thing was done (pack
  // figures.activityVerbs) do not change what is counted.
  const verbs = ctx.packs.memo('figures-activity-verbs', () => ctx.packs.words('figures', 'activityVerbs'));
  let core = bare.replace(/^(?:全年|过去一年|一年来|今年|去年|本年度)+/, '').replace(TOTAL_AT_START, '').replace(TOTAL_AT_END, '');
  const verb = verbs.find(v => core.startsWith(v) && core.length - v.length >= 4);
  if (verb) core = core.slice(verb.length);
  // … or after it, with or without 共 (常委会会议共召开5次 = 召开常委会会议4次).
  else {
    const tail = verbs.find(v => core.endsWith(v) && core.length - v.length >= 4);
    if (tail) core = core.slice(0, -tail.length).replace(TOTAL_AT_END, '');
  }
  return { subject: core.length >= 4 ? core : bare, known: false };
}

const RATE = /(率|比例|比重|占比)$/;

/** The figure's digits as a string (16.3万 → 163000, 97.9 → 97.9). */
function digits(e: LedgerEntry): string {
  return e.style === 'arabic' && /^[\d.]+$/.test(e.numberText) ? e.numberText : String(e.value);
}

/** True when two figures of two or more digits differ as a slip of one digit does: one digit changed (864/865),
 *  added or dropped (45/450), or two neighbours swapped (36/63). */
export function oneDigitApart(a: LedgerEntry, b: LedgerEntry): boolean {
  const x = digits(a);
  const y = digits(b);
  if (x === y || x.replace('.', '').length < 2 || y.replace('.', '').length < 2) return false;
  if (x.length === y.length) {
    const diff: number[] = [];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0] + 1 && x[diff[0]] === y[diff[1]] && x[diff[1]] === y[diff[0]];
  }
  const [short, long] = x.length < y.length ? [x, y] : [y, x];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** The dates and periods written in the figure's sentence before it (1月21日, 春运, 同期), as a key. */
function scopeOf(ctx: RuleContext, e: LedgerEntry): string {
  const sen = ctx.doc.sentences[e.sentenceIndex];
  const before = sen.text.slice(0, Math.max(0, e.offset - sen.offset));
  return (before.match(/\d{1,2}[月日]|(?<![一二三四五六七八九十])[一二三四五六七八九十]+月|同期|春运|上半年|下半年|前三季度|当天|当日|首日|去年|上年/g) ?? []).join(',');
}

export const inconsistentFigure: Rule = {
  meta: {
    id: 'figures/inconsistent-figure',
    category: 'figures',
    defaultSeverity: 'warning',
    description: '同一事项的数字前后不一致',
    docs:
      '同一文稿中，同一年份、同一事项（数字所计量的短语相同，或规则包 figures.subjectSynonyms 中列为同义）、同一单位的数字出现两次以上时，数值应当相同。例如前文“立案交办提案864件”、后文“立案交办提案865件”。规则包列出的事项前面写明由谁、共计多少（“全市政协委员共提交提案”“全年共收到提案”）仍是同一事项；其他事项前的时间、“共、共计”和只表示“做了”的动词（组织、开展、举办……，规则包 figures.activityVerbs）也不改变事项（“市政协共组织视察调研28次”与“全年开展视察调研共计26次”比较；“完成”不在其列）；正式文稿中写明“共、累计”的总数（含“共召开全体会议1次、常委会会议4次”这样由总数领起的各项，以及“常委会会议共召开5次”），同句另有同单位的数字也照样比较；这类事项与同一句中的其他数字（“提交提案612件，立案568件”）各自比较。概数（余、多、约、左右）、引号或书名号内的数字、年份不同的数字不比较；“一项重点督办建议”的“一”是数量词作冠词，“90年代”是年代，也不比较。' +
      '新闻、特写中同一短语常计量不同的对象（两个机构的任期3年和5年、一个案件和全部案件的抓获人数），只有两个数只差一位数字（45个与450个、864件与865件，像是打错）时才提示。',
    examples: [{ bad: '立案交办提案864件……市政协十五届一次会议以来立案交办提案865件', good: '两处统一为核实后的数字' }],
    fixable: false,
  },
  check(ctx) {
    const groups = new Map<string, LedgerEntry[]>();
    const formal = proseRegister(ctx) === 'formal';
    for (const e of ledger(ctx)) {
      const rate = e.kind === 'percent' && RATE.test(e.subject);
      if (!(isAmount(e) || rate) || e.quoted || e.inTitle) continue;
      if (isRough(e) || isLowerBound(e) || isUpperBound(e) || isLabelNumber(ctx, e)) continue;
      // “一项重点督办建议”“一位美术工作者”: 一 with a measure word is an article, not a count; 90年代 is a decade.
      if (e.style === 'chinese' && e.numberText === '一') continue;
      if (e.unit === '年' && ctx.doc.text[e.offset + e.length] === '代') continue;
      const named_ = canonicalOf(ctx, e.subject);
      const subject = named_.subject;
      // Short or generic subjects (增长, 达到) say too little to identify a figure.
      if ([...subject].filter(ch => /[\u4e00-\u9fff]/.test(ch)).length < 5 && [...e.subject].filter(ch => /[\u4e00-\u9fff]/.test(ch)).length < 5) continue;
      // A sentence with other figures of the same unit (1334万人参保，641万人领取养老金) or a scope (在……方面) counts a part.
      const sen = ctx.doc.sentences[e.sentenceIndex];
      if (/方面|领域|其中|分别/.test(sen.text.slice(0, e.offset - sen.offset))) continue;
      // A quantity the packs name (提交提案612件，立案568件) is itself however many others the sentence counts.
      // In a report a figure stated as a total (共组织视察调研28次, 全年开展视察调研共计26次) is one however many others
      // its sentence counts.
      // So is each item of a list a total opens (共召开全体会议1次、常委会会议4次、主席会议12次).
      const clause = sen.text.slice(0, e.offset - sen.offset).split(/[，,；;：:]/).pop() ?? '';
      const total = formal && (TOTAL_ANYWHERE.test(e.subject) || LIST_TOTAL.test(clause));
      if (!named_.known && !total && ledger(ctx).some(o => o !== e && o.sentenceIndex === e.sentenceIndex && o.unit === e.unit && o.kind === e.kind)) continue;
      if (/^(其中|分别|同比|比上年|增长|下降|提高|减少|新增)/.test(subject) || /(增长|下降|提高|减少|增加)$/.test(subject)) continue;
      const key = `${subject}|${e.unit ?? ''}|${e.year ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = []));
      g.push(e);
    }
    for (const g of groups.values()) {
      if (g.length < 2) continue;
      // Three values or more for one subject: a list of cases, people or places (抓获嫌疑人144名 … 104名 … 37名),
      // each with its own figure, not one figure stated twice.
      if (new Set(g.map(e => e.value)).size >= 3) continue;
      const first = g[0];
      for (const e of g.slice(1)) {
        if (e.value === first.value || e.sentenceIndex === first.sentenceIndex) continue;
        // Each sentence dated differently (春运以来 … 1月21日至2月10日; 2018年 … 2019年): two periods.
        if (scopeOf(ctx, first) !== scopeOf(ctx, e)) continue;
        // Outside a report, proposal or plan (news, features) the same phrase often counts different things (任期3年
        // and 5年 for two bodies, 抓获嫌疑人4276名 in one case and 16.3万名 in all): only figures one digit apart
        // (45个/450个, 864件/865件) look like one figure mistyped.
        if (!formal && !oneDigitApart(first, e)) continue;
        ctx.report({
          offset: e.offset,
          length: e.length,
          message: `“${named(e)}”与前文“${named(first)}”不一致：同一事项的数字应前后相同，请核对`,
          related: [relatedAt(first, `前文：${named(first)}`)],
          // Outside a report, proposal or plan (news, features) the same phrase often counts different things.
          severity: formal ? undefined : 'info',
        });
      }
    }
  },
};
