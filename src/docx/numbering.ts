// Word's automatic numbering and paragraph styles, so that a list paragraph reads as the reader sees it:
// a paragraph of list level 0 with lvlText "%1、" and numFmt chineseCounting, the third in its list → "三、".
import { child, childrenNamed, parseXml, XElement } from './xml';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
  /** 'tab' (default), 'space' or 'nothing'. */
  suff: string;
  /** Legal numbering: every level shown as decimal. */
  isLgl: boolean;
  /** The level after which this one restarts (w:lvlRestart), else any higher level. */
  restart?: number;
  pStyle?: string;
}

interface StyleInfo {
  id: string;
  name: string;
  basedOn?: string;
  numId?: string;
  ilvl?: number;
  outlineLvl?: number;
}

/** The paragraph styles of styles.xml: names, heading levels and the numbering they carry. */
export class Styles {
  private readonly byId = new Map<string, StyleInfo>();
  /** Numbering styles (list styles): style id → the numId their definition lives in. */
  readonly listStyles = new Map<string, string>();
  defaultParagraph?: string;

  constructor(xml: string | undefined) {
    if (!xml) return;
    const root = parseXml(xml, 'word/styles.xml');
    for (const s of childrenNamed(root, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      if (s.attrs['w:type'] === 'numbering') {
        const numId = child(child(child(s, 'w:pPr'), 'w:numPr'), 'w:numId')?.attrs['w:val'];
        if (numId !== undefined) this.listStyles.set(id, numId);
        continue;
      }
      if (s.attrs['w:type'] !== 'paragraph') continue;
      const pPr = child(s, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      const info: StyleInfo = {
        id,
        name: child(s, 'w:name')?.attrs['w:val'] ?? id,
        basedOn: child(s, 'w:basedOn')?.attrs['w:val'],
        numId: child(numPr, 'w:numId')?.attrs['w:val'],
        ilvl: intAttr(child(numPr, 'w:ilvl')),
        outlineLvl: intAttr(child(pPr, 'w:outlineLvl')),
      };
      this.byId.set(id, info);
      if (s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true') this.defaultParagraph = id;
    }
  }

  /** Follows w:basedOn until `pick` gives a value. */
  private inherited<T>(id: string | undefined, pick: (s: StyleInfo) => T | undefined): T | undefined {
    const seen = new Set<string>();
    for (let s = id ? this.byId.get(id) : undefined; s && !seen.has(s.id); s = s.basedOn ? this.byId.get(s.basedOn) : undefined) {
      seen.add(s.id);
      const v = pick(s);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  name(id: string | undefined): string | undefined {
    return id ? this.byId.get(id)?.name : undefined;
  }

  /** The numbering a style carries (numId, ilvl), through basedOn. */
  numbering(id: string | undefined): { numId: string; ilvl: number } | undefined {
    const numId = this.inherited(id, s => s.numId);
    if (numId === undefined) return undefined;
    return { numId, ilvl: this.inherited(id, s => s.ilvl) ?? 0 };
  }

  /** Heading level 1–9 of a style: its outline level, or a built-in name `heading N` / `标题 N` / `Title`. */
  headingLevel(id: string | undefined): number | undefined {
    const outline = this.inherited(id, s => s.outlineLvl);
    if (outline !== undefined && outline < 9) return outline + 1;
    const name = (this.name(id) ?? id ?? '').toLowerCase();
    const m = /^(?:heading|标题)\s*([1-9])$/.exec(name);
    if (m) return Number(m[1]);
    return undefined;
  }
}

function intAttr(el: XElement | undefined): number | undefined {
  const v = el?.attrs['w:val'];
  return v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/** The list definitions of numbering.xml and the running counters of one reading pass. */
export class Numbering {
  private readonly abstract = new Map<string, Level[]>();
  /** numId → abstractNumId and its level start overrides. */
  private readonly nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly seenNums = new Set<string>();

  /** abstractNumId → the list style whose definition it uses (w:numStyleLink). */
  private readonly styleLinks = new Map<string, string>();

  constructor(
    xml: string | undefined,
    private readonly listStyles: Map<string, string> = new Map(),
  ) {
    if (!xml) return;
    const root = parseXml(xml, 'word/numbering.xml');
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      const levels: Level[] = [];
      for (const l of childrenNamed(a, 'w:lvl')) {
        const ilvl = Number(l.attrs['w:ilvl'] ?? 0);
        levels[ilvl] = {
          start: intAttr(child(l, 'w:start')) ?? 0,
          numFmt: child(l, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
          lvlText: child(l, 'w:lvlText')?.attrs['w:val'] ?? '',
          suff: child(l, 'w:suff')?.attrs['w:val'] ?? 'tab',
          isLgl: !!child(l, 'w:isLgl') && child(l, 'w:isLgl')!.attrs['w:val'] !== '0' && child(l, 'w:isLgl')!.attrs['w:val'] !== 'false',
          restart: intAttr(child(l, 'w:lvlRestart')),
          pStyle: child(l, 'w:pStyle')?.attrs['w:val'],
        };
      }
      this.abstract.set(a.attrs['w:abstractNumId'], levels);
      const link = child(a, 'w:numStyleLink')?.attrs['w:val'];
      if (link) this.styleLinks.set(a.attrs['w:abstractNumId'], link);
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const overrides = new Map<number, number>();
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const start = intAttr(child(o, 'w:startOverride'));
        if (start !== undefined) overrides.set(Number(o.attrs['w:ilvl'] ?? 0), start);
      }
      const abstractId = child(n, 'w:abstractNumId')?.attrs['w:val'];
      if (abstractId !== undefined) this.nums.set(n.attrs['w:numId'], { abstractId, overrides });
    }
  }

  /** Advances the list of `numId` at level `ilvl` and returns the label a reader sees (e.g. `（二）`), with its
   *  separator; undefined for numId 0 (numbering switched off) or an unknown list. */
  next(numId: string, ilvl: number): string | undefined {
    if (numId === '0') return undefined;
    const num = this.nums.get(numId);
    // A list that uses a list style takes its levels (and counters) from the style's own list.
    const linked = num && this.styleLinks.get(num.abstractId);
    const target = linked ? this.nums.get(this.listStyles.get(linked) ?? '') : undefined;
    const abstractId = target?.abstractId ?? num?.abstractId;
    const levels = abstractId !== undefined ? this.abstract.get(abstractId) : undefined;
    const lvl = levels?.[ilvl];
    if (!num || !levels || !lvl) return undefined;
    // Counters run per abstract list (lists sharing a definition continue), restarted by a start override.
    let c = this.counters.get(abstractId!);
    if (!c) this.counters.set(abstractId!, (c = []));
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [l, start] of num.overrides) {
        // The first paragraph of this instance at level l starts from `start`.
        c[l] = start - 1;
      }
    }
    c[ilvl] = (c[ilvl] ?? (levels[ilvl]?.start ?? 1) - 1) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const d = levels[deeper];
      if (!d || d.restart === undefined || d.restart === 0 || d.restart > ilvl) c[deeper] = undefined;
    }
    // A bullet is a symbol-font glyph, not text a rule should read.
    if (lvl.numFmt === 'bullet') return undefined;
    if (lvl.numFmt === 'none') return lvl.lvlText.replace(/%[1-9]/g, '');
    const label = lvl.lvlText.replace(/%([1-9])/g, (_m, k: string) => {
      const li = Number(k) - 1;
      const value = c![li] ?? levels[li]?.start ?? 1;
      return formatNumber(value, lvl.isLgl && li !== ilvl ? 'decimal' : levels[li]?.numFmt ?? 'decimal');
    });
    return label + separator(label, lvl.suff);
  }
}

/** What follows the label: nothing after Chinese punctuation (一、 （一）), else a space for tab/space. */
function separator(label: string, suff: string): string {
  if (suff === 'nothing' || !label) return '';
  return /[^\x00-\x7f]$/.test(label) ? '' : ' ';
}

const CN_DIGITS = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五. */
export function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN_DIGITS[Math.floor(n / 100)] + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN_DIGITS[rest] : rest < 20 ? '一' + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}

function letters(n: number, upper: boolean): string {
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of table) while (n >= v) (s += r), (n -= v);
  return s;
}

/** A counter in one of Word's number formats (ST_NumberFormat). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return fmt === 'ideographDigital' ? [...String(n)].map(d => CN_DIGITS[Number(d)]).join('') : chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n).replace(/[一二三四五六七八九十百〇零]/g, c => '壹贰叁肆伍陆柒捌玖拾佰零零'['一二三四五六七八九十百〇零'.indexOf(c)]);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return '子丑寅卯辰巳午未申酉戌亥'[(n - 1) % 12] ?? String(n);
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return [...String(n)].map(d => String.fromCharCode(0xff10 + Number(d))).join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}
