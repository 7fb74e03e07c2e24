// One parser for the numbers of Chinese official prose: Arabic and Chinese numerals, 万/亿 multipliers,
// percentages, qualifiers (余 多 以上 约 近 左右), years, dates and units.
import { figuresPack } from '../packs';

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG_UNIT: Record<string, number> = { 万: 1e4, 亿: 1e8 };
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/** Parses a Chinese numeral: 十四 → 14, 一百零三 → 103, 两 → 2, 九千九百九十九亿 → 999900000000, 二〇二〇 → 2020. NaN if not a numeral. */
export function parseChineseInt(s: string): number {
  if (!s) return NaN;
  // Digit-by-digit form (years: 二〇二〇).
  // (Two or three digits in a row without 〇 are an approximation — 三四个, 五六十 — not a number.)
  if (s.length > 1 && [...s].every(ch => ch in CN_DIGIT) && !s.includes('两') && (s.length >= 4 || /[〇零]/.test(s))) {
    return Number([...s].map(ch => CN_DIGIT[ch]).join(''));
  }
  let total = 0; // completed 万/亿 sections
  let section = 0; // current section below 万
  let digit = -1; // pending digit
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit >= 0 && digit !== 0) return NaN; // two digits in a row (not digit-by-digit form)
      digit = CN_DIGIT[ch];
    } else if (ch in CN_SMALL_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_SMALL_UNIT[ch];
      digit = -1;
    } else if (ch in CN_BIG_UNIT) {
      const unit = CN_BIG_UNIT[ch];
      const value = section + (digit > 0 ? digit : 0);
      if (value === 0 && total === 0) return NaN;
      // 亿 after 万 (一万亿): multiply everything so far.
      if (unit === 1e8) total = (total + value) * unit;
      else total = total + value * unit;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + (digit > 0 ? digit : 0);
}

/** Parses an Arabic or Chinese number with an optional 万/亿 multiplier: 1.24万 → 12400, 3,500 → 3500, 十四 → 14. */
export function parseNumber(s: string): number {
  const t = s.replace(/[，,]/g, '').replace(/[０-９．]/g, ch => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  const m = /^(\d+(?:\.\d+)?)([万亿]*)$/.exec(t);
  if (m) {
    let v = Number(m[1]);
    for (const u of m[2]) v *= CN_BIG_UNIT[u];
    return round(v);
  }
  return parseChineseInt(t);
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export type Qualifier = '余' | '多' | '以上' | '约' | '近' | '左右' | '超过' | '逾' | '不足' | '以下' | '上下';
export type QuantityKind = 'count' | 'percent' | 'year' | 'date' | 'ordinal' | 'money';

/** Units a count can carry, longest first for matching (the built-in figures pack, `figures.units`). */
export const UNITS: readonly string[] = figuresPack.figures.units;
const UNIT_RE = UNITS.join('|');

export interface Quantity {
  /** Offset of the whole match (qualifier before the number included). */
  offset: number;
  length: number;
  raw: string;
  value: number;
  /** The number as written (digits or Chinese numerals). */
  numberText: string;
  numberOffset: number;
  style: 'arabic' | 'chinese';
  unit?: string;
  /** Qualifiers before (约 近 超过 逾) and after (余 多 以上 左右) the number. */
  qualifiers: Qualifier[];
  kind: QuantityKind;
  /** For percentages: the value as a percentage (e.g. 95.5). For dates: the parts. */
  date?: { year?: number; month?: number; day?: number };
  /** Decimal places written (for rate precision checks). */
  decimals: number;
}

const PRE_QUAL = '(约|近|超过|逾|不足|达到|共计|共|达|累计|总计|合计)?';
const ARABIC = '\\d+(?:[.．]\\d+)?(?:,\\d{3})*(?:[.．]\\d+)?';
const CHINESE = `[${CN_NUMERAL_CHARS}]+`;
const NUM = `(${ARABIC}|[０-９]+(?:[．.][０-９]+)?|${CHINESE})`;

const QUANTITY_RE = new RegExp(
  `${PRE_QUAL}${NUM}(万|亿)?(余|多)?(?:(%|％)|(${UNIT_RE}))?(余|多)?(以上|左右|以下|上下)?`,
  'g',
);
/** After 次: the session it names (四次会议, 六次、七次全会), so the 次 is an ordinal. */
const ORDINAL_SESSION_AFTER = /^(?:[、和及至][〇零一二三四五六七八九十]+次)*(?:会议|全会|全体会议|常委会|主任会议|主席会议)/;
const DATE_RE = /(\d{4}|[一二三四五六七八九〇零]{4})年(?:(\d{1,2}|[一二三四五六七八九十]{1,3})月(?:(\d{1,2}|[一二三四五六七八九十]{1,3})日)?)?|(\d{1,2})月(\d{1,2})日/g;
const PERCENT_CN_RE = new RegExp(`百分之(${CHINESE}|${ARABIC})`, 'g');

/**
 * Finds the stated quantities in `text` (offsets relative to `base`). Chinese numerals count only when a
 * unit, 万/亿 or a percentage follows (so 一是, 统一, 一些 are not numbers).
 */
export function findQuantities(text: string, base = 0): Quantity[] {
  const out: Quantity[] = [];
  const taken: [number, number][] = [];
  let m: RegExpExecArray | null;
  DATE_RE.lastIndex = 0;
  while ((m = DATE_RE.exec(text))) {
    const year = m[1] ? parseNumber(m[1]) : undefined;
    const month = m[2] ? parseNumber(m[2]) : m[4] ? Number(m[4]) : undefined;
    const day = m[3] ? parseNumber(m[3]) : m[5] ? Number(m[5]) : undefined;
    const isYearOnly = year !== undefined && month === undefined;
    out.push({
      offset: base + m.index,
      length: m[0].length,
      raw: m[0],
      value: year ?? 0,
      numberText: m[1] ?? m[4],
      numberOffset: base + m.index,
      style: /\d/.test(m[0]) ? 'arabic' : 'chinese',
      unit: isYearOnly ? '年' : undefined,
      qualifiers: [],
      kind: isYearOnly ? 'year' : 'date',
      date: { year, month, day },
      decimals: 0,
    });
    taken.push([m.index, m.index + m[0].length]);
  }
  PERCENT_CN_RE.lastIndex = 0;
  while ((m = PERCENT_CN_RE.exec(text))) {
    const v = parseNumber(m[1]);
    if (!Number.isFinite(v)) continue;
    out.push({ offset: base + m.index, length: m[0].length, raw: m[0], value: v, numberText: m[1], numberOffset: base + m.index + 3, style: 'chinese', unit: '%', qualifiers: [], kind: 'percent', decimals: 0 });
    taken.push([m.index, m.index + m[0].length]);
  }
  QUANTITY_RE.lastIndex = 0;
  while ((m = QUANTITY_RE.exec(text))) {
    if (m[0].length === 0) {
      QUANTITY_RE.lastIndex++;
      continue;
    }
    let start = m.index;
    const end = start + m[0].length;
    let pre = m[1];
    // 中共十九届: the 共 belongs to 中共, not a qualifier.
    if (pre && /^共/.test(pre) && text[start - 1] === '中') {
      start += pre.length;
      pre = undefined as unknown as string;
    }
    // Clock times (10:44) and dotted dates (23.01.2020) are not quantities.
    if (/^\d/.test(m[0]) && (/[:：]\d/.test(text.slice(end, end + 2)) || /\d[:：]$/.test(text.slice(Math.max(0, start - 2), start)))) continue;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    const [, , num, big, post1, pct, unit, post2, post3] = m;
    const chinese = /^[零〇一二两三四五六七八九十百千万亿]+$/.test(num);
    // Chinese numerals need a unit, %, or 万/亿 after them; Arabic digits inside Latin words (5G, PM2.5) are skipped.
    if (chinese && !unit && !pct) continue;
    // 数十个, 几百家, 上百场, 成千: vague amounts; 百家争鸣, 千家万户: idioms.
    if (chinese && !pre && (/[数几上成好若]/.test(text[start - 1] ?? '') || /^[百千万]/.test(num))) continue;
    const before = text[start - 1];
    if (!pre && before && /[A-Za-z\d.．]/.test(before)) continue;
    const after = text[end];
    if (!unit && !pct && after && /[A-Za-z]/.test(after)) continue;
    let value = parseNumber(num + (big ?? ''));
    if (!Number.isFinite(value)) continue;
    // 五届四次 etc.: 届 and 次 after Chinese numerals are ordinals, not counts.
    let kind: QuantityKind = pct ? 'percent' : unit && /元$/.test(unit) ? 'money' : 'count';
    if (unit === '届' || (unit === '次' && (ORDINAL_SESSION_AFTER.test(text.slice(end, end + 40)) || /届$/.test(text.slice(0, start))))) kind = 'ordinal';
    if (text[start - 1] === '第' && !pre) kind = 'ordinal';
    const quals = [pre, post1, post2, post3].filter((q): q is string => !!q && isQualifier(q)) as Qualifier[];
    const numberOffset = start + (pre?.length ?? 0);
    const dec = /[.．](\d+)/.exec(num);
    value = round(value);
    out.push({
      offset: base + start,
      length: end - start,
      raw: text.slice(start, end),
      value,
      numberText: num + (big ?? ''),
      numberOffset: base + numberOffset,
      style: chinese ? 'chinese' : 'arabic',
      unit: pct ? '%' : unit,
      qualifiers: quals,
      kind,
      decimals: dec ? dec[1].length : 0,
    });
  }
  out.sort((a, b) => a.offset - b.offset);
  return out;
}

const QUALIFIERS = new Set(['余', '多', '以上', '约', '近', '左右', '超过', '逾', '不足', '以下', '上下']);
function isQualifier(q: string): boolean {
  return QUALIFIERS.has(q);
}

/** True when the quantity is approximate (余/多/以上/约/近/左右/超过/逾). */
export function isApproximate(q: Quantity): boolean {
  return q.qualifiers.length > 0;
}

/** Converts an integer to Chinese numerals (14 → 十四, 70 → 七十), for messages and fixes. */
export function toChineseInt(n: number): string {
  const d = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n < 0) return String(n);
  if (n < 10) return d[n];
  if (n < 20) return '十' + (n % 10 ? d[n % 10] : '');
  if (n < 100) return d[Math.floor(n / 10)] + '十' + (n % 10 ? d[n % 10] : '');
  if (n < 1000) {
    const h = Math.floor(n / 100);
    const r = n % 100;
    return d[h] + '百' + (r === 0 ? '' : r < 10 ? '零' + d[r] : r < 20 ? '一' + toChineseInt(r) : toChineseInt(r));
  }
  return String(n);
}
