// (文稿日期 2022年1月) 学习贯彻中共十九届七中全会精神 → 十九届七中全会 2022年10月才召开 (a formulation outside its date window).
import type { Rule } from '../../core/types';
import { docMonthRange, isEstimatedDate, type DocDate } from '../../core/docdate';
import { cnDate, coveredByAllow, entriesOf, monthRange, normalize, normalizedText, smallestFix, TimeBoundEntry } from './_lib/pack-entries';
import { alternatives } from '../../core/heading-words';


/** Meetings written in combined or alternative forms, turned into the names the pack lists. */
function derivedMentions(text: string): { name: string; offset: number; length: number }[] {
  const out: { name: string; offset: number; length: number }[] = [];
  // 十九届二中、三中、四中全会 → 十九届二中全会, 十九届三中全会, 十九届四中全会
  const plenum = /(十[五六七八九]|二十[一二]?)届((?:[一二三四五六七八九]中(?:全会)?[、和及与]?)+)全会/g;
  let m: RegExpExecArray | null;
  while ((m = plenum.exec(text))) {
    const re = /([一二三四五六七八九])中/g;
    let k: RegExpExecArray | null;
    const list = m[2];
    if (!/[、和及与]/.test(list)) continue; // a single plenum is found by its own term
    const base = m.index + m[1].length + 1;
    while ((k = re.exec(list))) out.push({ name: `${m[1]}届${k[1]}中全会`, offset: base + k.index, length: 2 });
  }
  // 政协第十三届全国委员会第三次会议 / 十三届全国政协三次会议 → 全国政协十三届三次会议
  const cppcc = [
    /政协第(十[一二三四五六]?)届全国委员会第([一二三四五六七])次会议/g,
    /(十[一二三四五六]?)届全国政协([一二三四五六七])次会议/g,
  ];
  for (const re of cppcc) {
    while ((m = re.exec(text))) out.push({ name: `全国政协${m[1]}届${m[2]}次会议`, offset: m.index, length: m[0].length });
  }
  return out;
}


const SOURCE_LABEL: Record<DocDate['source'], string> = {
  config: '配置的 documentDate',
  dateline: '文中日期',
  title: '标题',
  'plan-year': '工作安排的年份',
  'review-year': '工作回顾的年份',
};

function dateText(d: DocDate): string {
  // A month estimated from a plan or review year is not the document's: say “early in the year”.
  if (isEstimatedDate(d)) return `${d.year}年${d.month ? '初' : ''}`;
  return `${d.year}年${d.month ? d.month + '月' : ''}`;
}

export const timeBound: Rule = {
  meta: {
    id: 'formulation/time-bound',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '表述与文稿日期不符（引用尚未召开的会议、尚未提出或已经过时的提法）',
    docs:
      '根据文稿日期（配置中的 documentDate，或从标题、文中落款日期、“××××年工作安排/打算”“××××年主要工作”推断）检查有时效的表述：' +
      '党的代表大会和历次全会（如 2022年1月的文稿不能引用 2022年10月召开的“十九届七中全会”；“十九届二中、三中、四中全会”这样的合并写法逐一核对）、全国政协历次会议、五年规划（2019年的文稿不应出现“十五五”）、' +
      '提出时间明确的提法（如“两个确立”2021年11月提出），以及已经实现或更改的目标（2021年7月以后不应再把“全面建成小康社会”作为将要实现的目标，如“决胜全面建成小康社会”）。' +
      '党代会可以提前“迎接”，工作安排中可以部署学习当年将召开的会议。只从工作安排、工作回顾的年份或标题推断出的日期只精确到“年初”：这类文稿在1月至3月间提交（政府工作报告在3月），该年3月以前召开的会议不报告；“2024年上半年工作总结”“第一季度工作总结”这类只写某一部分的，文稿写于当年，日期只精确到年。推断不出文稿日期时本规则不报告。',
    examples: [
      { bad: '深入学习贯彻中共十九届七中全会精神', documentDate: '2022-01' },
      { bad: '谋划“十五五”发展', good: '谋划“十四五”发展', documentDate: '2019' },
      { bad: '为决胜全面建成小康社会作出贡献', documentDate: '2022' },
    ],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const d = ctx.documentDate;
    if (!d) return;
    const entries = entriesOf(ctx.packs, 'time-bound');
    if (!entries.length) return;
    const { byTerm, re } = ctx.packs.memo('formulation:time-terms', () => {
      const m = new Map<string, TimeBoundEntry>();
      for (const e of entries) for (const t of e.terms) m.set(normalize(t), e);
      // One alternation of all terms, longest first, so the text is scanned once.
      return { byTerm: m, re: new RegExp(alternatives([...m.keys()]), 'g') };
    });
    const text = normalizedText(ctx.doc);
    const dm = docMonthRange(d);
    const mentions: { e: TimeBoundEntry; term: string; offset: number; length: number }[] = [];
    re.lastIndex = 0;
    let hit: RegExpExecArray | null;
    while ((hit = re.exec(text))) mentions.push({ e: byTerm.get(hit[0])!, term: hit[0], offset: hit.index, length: hit[0].length });
    for (const x of /届|政协/.test(text) ? derivedMentions(text) : []) {
      const e = byTerm.get(x.name);
      if (e && !mentions.some(m => m.offset === x.offset && m.e === e)) mentions.push({ e, term: x.name, offset: x.offset, length: x.length });
    }
    mentions.sort((a, b) => a.offset - b.offset || b.length - a.length);
    let lastEnd = -1;
    for (const m of mentions) {
      if (m.offset < lastEnd) continue;
      const e = m.e;
      if (coveredByAllow(text, m.offset, m.offset + m.length, e.allow)) continue;
      const source = e.source ?? e.note;
      const why = `文稿日期为${dateText(d)}（依据${SOURCE_LABEL[d.source]}）`;
      if (e.from) {
        const from = monthRange(e.from).first;
        const mentionFrom = e.mentionFrom ? monthRange(e.mentionFrom).first : from;
        // Before mentionFrom the document cannot know the name at all (a plenum's number, a plan period).
        const earliest = e.mentionFrom ? monthRange(e.mentionFrom).first : from;
        // A gap of many years means the inferred date is a historical one the text mentions (新中国成立于1949年10月),
        // not the document's date; only a configured date is trusted that far.
        const wrong = dm.last < earliest && (d.source === 'config' || earliest - dm.last <= 60);
        if (wrong) {
          lastEnd = m.offset + m.length;
          ctx.report({
            offset: m.offset,
            length: m.length,
            message: e.message ?? `${why}，而${e.what ?? `“${m.term}”${cnDate(e.from)}才出现`}，文稿不应出现“${ctx.doc.text.slice(m.offset, m.offset + m.length)}”，请核对文稿日期或表述`,
            source,
            severity: e.severity,
          });
          continue;
        }
      }
      if (e.until && dm.first > monthRange(e.until).last) {
        lastEnd = m.offset + m.length;
        const actual = ctx.doc.text.slice(m.offset, m.offset + m.length);
        ctx.report({
          offset: m.offset,
          length: m.length,
          message:
            e.message ??
            `${why}，“${actual}”是${cnDate(e.until)}以前的表述${e.what ? `（${e.what}）` : ''}${e.replacement ? `，现应为“${e.replacement}”` : '，已不适用'}`,
          fix: e.replacement !== undefined ? smallestFix(actual, e.replacement, m.offset) : undefined,
          expected: e.replacement,
          source,
          severity: e.severity,
        });
      }
    }
  },
};
