// “2021年1月召开的市政协五届四次会议……2021年市政协五届三次会议” → 同一年份对应不同的会议次数.
import type { Rule } from '../../core/types';
import { parseNumber, toChineseInt as cn } from '../../core/numbers';

const CN = '[一二三四五六七八九十]{1,3}';
/** 市政协五届四次会议, 政协第十三届全国委员会第三次会议, 第十四届全国人民代表大会第三次会议, 十六届人大二次会议. */
const SESSION_RE = new RegExp(
  `(全国政协|全国人大|[省市区县州旗]政协|[省市区县州旗]人大|政协|人大)?第?(${CN})届(全国委员会|委员会|全国人民代表大会|人民代表大会|全国人大|人大|政协)?第?(${CN})次(?:全体)?会议`,
  'g',
);

/** The body a session belongs to: 全国政协, 政协 (level not said), 全国人大, 人大, 市政协 …; undefined when not said. */
function bodyOf(before: string | undefined, after: string | undefined, context: string): string | undefined {
  const b = before ?? '';
  const a = after ?? '';
  const kind = /人大|人民代表大会/.test(b + a) ? '人大' : /政协|委员会/.test(b + a) ? '政协' : undefined;
  if (!kind) return undefined;
  const national = /^全国/.test(b) || /^全国/.test(a);
  const local = /^[省市区县州旗]/.test(b) ? b[0] : '';
  // 河南省第十四届人民代表大会: the level comes from the place before it.
  const place = !b && !national && /[省市区县州]$/.test(context) ? context.slice(-1) : '';
  return (national ? '全国' : local || place) + kind;
}
const YEAR_BEFORE = /((?:19|20)\d{2})年(?:\d{1,2}月)?(?:\d{1,2}日)?[^，,。；;]{0,12}$/;

interface Mention {
  body: string;
  term: number;
  session: number;
  year?: number;
  offset: number;
  length: number;
  termOffset: number;
  termText: string;
}

/** 市政协十五届, 政协第十三届, 第十四届全国委员会: a term of a body (any mention, with or without a session). */
const TERM_RE = new RegExp(`(全国政协|[省市区县州旗]政协|政协|全国人大|[省市区县州旗]人大)第?(${CN})届(?!${CN}中全会)|第?(${CN})届(全国委员会|全国人民代表大会|人民代表大会)`, 'g');
const OTHER_TERM_NEAR = /上一?届|历届|前一?届|本届|换届|届满|新一届|往届|各届/;

interface TermMention {
  body: string;
  term: number;
  offset: number;
  length: number;
}

/** 市政协十五届 ×4 and one 市政协十四届: the lone term that differs by one is probably a typo. */
function checkLoneTerm(report: (f: { offset: number; length: number; message: string; related: { offset: number; length: number; message: string }[] }) => void, text: string) {
  const mentions: TermMention[] = [];
  TERM_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TERM_RE.exec(text))) {
    const body = m[1] ? bodyOf(m[1], undefined, '') : bodyOf(undefined, m[4], text.slice(Math.max(0, m.index - 12), m.index));
    const cn = m[2] ?? m[3];
    if (!body || !cn) continue;
    const termAt = m.index + m[0].indexOf(cn + '届');
    mentions.push({ body, term: parseNumber(cn), offset: termAt, length: cn.length + 1 });
  }
  const byBody = new Map<string, TermMention[]>();
  for (const t of mentions) {
    let a = byBody.get(t.body);
    if (!a) byBody.set(t.body, (a = []));
    a.push(t);
  }
  for (const [body, list] of byBody) {
    const counts = new Map<number, TermMention[]>();
    for (const t of list) counts.set(t.term, [...(counts.get(t.term) ?? []), t]);
    if (counts.size !== 2) continue;
    const [[ta, la], [tb, lb]] = [...counts.entries()];
    const [major, minor] = la.length >= lb.length ? [la, lb] : [lb, la];
    const [tMajor, tMinor] = la.length >= lb.length ? [ta, tb] : [tb, ta];
    if (major.length < 3 || minor.length !== 1 || Math.abs(tMajor - tMinor) !== 1) continue;
    const lone = minor[0];
    if (OTHER_TERM_NEAR.test(text.slice(Math.max(0, lone.offset - 20), lone.offset + 20))) continue;
    report({
      offset: lone.offset,
      length: lone.length,
      message: `${body}届次前后不一：此处为“${text.slice(lone.offset, lone.offset + lone.length)}”，文中其余${major.length}处均为${toChineseCn(tMajor)}届，请核对`,
      related: major.slice(0, 3).map(t => ({ offset: t.offset, length: t.length, message: `${toChineseCn(tMajor)}届` })),
    });
  }
}

const toChineseCn = (n: number) => cn(n);

export const sessionConsistency: Rule = {
  meta: {
    id: 'figures/session-consistency',
    category: 'figures',
    defaultSeverity: 'warning',
    description: '同一机构的届次、会次前后矛盾（十四届与十五届混写；年份与会次不对应）',
    docs:
      '政协、人大全体会议每年召开一次，同一届内“N次会议”与年份一一对应。检查：报告开头写明在哪次会议上所作（“在政协××市第十届委员会第三次会议上”）时，正文“××届××次会议以来”不能是这次会议之后的会议；同一机构同一届的各次会议，如写明年份，年份与会次之差应相同（2021年五届四次会议，则2020年为五届三次会议）；同一年份写了同一机构两个不同的届次（“2023年市政协十四届一次会议”与“2023年市政协十五届一次会议”）；同一机构文中至少三处为同一届次、只有一处相差一届（“市政协十五届”×3 与一处“市政协十四届”），且附近没有“上届、历届、换届、新一届”等说法。中共中央的届次（十八届、十九届）不检查。',
    examples: [{ bad: '2021年1月召开的市政协五届四次会议……2020年市政协五届二次会议', good: '2021年1月召开的市政协五届四次会议……2020年市政协五届三次会议' }],
    fixable: false,
  },
  check(ctx) {
    checkLoneTerm(f => ctx.report(f), ctx.doc.masked);
    const mentions: Mention[] = [];
    for (const sen of ctx.doc.sentences) {
      SESSION_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = SESSION_RE.exec(sen.text))) {
        const body = bodyOf(m[1], m[3], sen.text.slice(Math.max(0, m.index - 12), m.index));
        if (!body) continue;
        const y = YEAR_BEFORE.exec(sen.text.slice(Math.max(0, m.index - 24), m.index));
        const termIdx = m[0].indexOf(m[2] + '届', m[1]?.length ?? 0);
        mentions.push({
          body,
          term: parseNumber(m[2]),
          session: parseNumber(m[4]),
          year: y ? Number(y[1]) : undefined,
          offset: sen.offset + m.index,
          length: m[0].length,
          termOffset: sen.offset + m.index + termIdx,
          termText: m[2] + '届',
        });
      }
    }
    // The session the report is given at (——2024年1月15日在政协××市第十届委员会第三次会议上): a session of the same
    // kind of body “以来” (since) that comes after it has not been held yet.
    const text = ctx.doc.text;
    const firstParas = ctx.doc.paragraphs.slice(0, 4);
    const own = mentions.find(
      m => firstParas.some(p => p.offset <= m.offset && m.offset < p.offset + p.length) && /在[^。，]{0,30}$/.test(text.slice(Math.max(0, m.offset - 30), m.offset)) && text[m.offset + m.length] === '上',
    );
    if (own)
      for (const m of mentions) {
        if (m === own || m.body.slice(-2) !== own.body.slice(-2) || !text.startsWith('以来', m.offset + m.length)) continue;
        if (m.term < own.term || (m.term === own.term && m.session <= own.session)) continue;
        ctx.report({
          offset: m.termOffset,
          length: m.offset + m.length - m.termOffset,
          message: `本报告在${cn(own.term)}届${cn(own.session)}次会议上所作，“${cn(m.term)}届${cn(m.session)}次会议以来”指的是尚未召开的会议，请核对届次、会次`,
          related: [{ offset: own.offset, length: own.length, message: `本次会议：${cn(own.term)}届${cn(own.session)}次会议` }],
        });
      }
    const reported = new Set<Mention>();
    for (let i = 0; i < mentions.length; i++) {
      const a = mentions[i];
      if (a.year === undefined) continue;
      for (let j = i + 1; j < mentions.length; j++) {
        const b = mentions[j];
        if (b.body !== a.body || b.year === undefined || reported.has(b)) continue;
        if (b.term === a.term && b.year - b.session !== a.year - a.session) {
          reported.add(b);
          ctx.report({
            offset: b.offset,
            length: b.length,
            message: `${b.year}年的${b.body}${cn(b.term)}届${cn(b.session)}次会议与${a.year}年的${cn(a.term)}届${cn(a.session)}次会议不对应：全体会议每年一次，${b.year}年应为${cn(a.term)}届${cn(a.session + (b.year - a.year))}次会议`,
            related: [{ offset: a.offset, length: a.length, message: `${a.year}年：${cn(a.term)}届${cn(a.session)}次会议` }],
          });
        } else if (b.term !== a.term && b.year === a.year) {
          reported.add(b);
          ctx.report({
            offset: b.termOffset,
            length: b.termText.length,
            message: `同为${b.year}年，${b.body}届次前后不一：此处为${cn(b.term)}届，前文为${cn(a.term)}届`,
            related: [{ offset: a.offset, length: a.length, message: `前文：${cn(a.term)}届${cn(a.session)}次会议` }],
          });
        }
      }
    }
  },
};
