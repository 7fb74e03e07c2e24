// Regex safety for rule packs: a pattern that could backtrack catastrophically (ReDoS) would freeze the
// editor, so every regex in a pack is checked when the pack loads and refused with a message naming the
// file and JSON path. Two checks: a static one over the parsed pattern (nested quantifiers whose bodies can
// hand characters to each other, alternatives under a repetition that can match the same text), then a
// trial match on built adversarial strings inside a `vm` context with a hard timeout (V8 interrupts a
// running regex at the timeout, so the trial itself can never hang).
//   /(\s*\w+)*$/  → refused: 嵌套量词 …      /[^，。]+，/ → accepted
import * as vm from 'vm';
import { DraftLintError } from '../core/types';
import { expandHeadingWords } from '../core/heading-words';
import packSchema from '../../schemas/pack.schema.json';
import formulationsSchema from '../../schemas/formulations.schema.json';
import wordingSchema from '../../schemas/wording.schema.json';
import templatesSchema from '../../schemas/templates.schema.json';
import figuresSchema from '../../schemas/figures.schema.json';

/** The pack schema first, then the section schemas it refers to. */
export const PACK_SCHEMAS: object[] = [packSchema, formulationsSchema, wordingSchema, templatesSchema, figuresSchema];

export interface RegexVerdict {
  safe: boolean;
  /** Chinese, why the pattern is refused (or invalid). */
  reason?: string;
  /** Which check refused it. */
  check?: 'syntax' | 'static' | 'trial';
}

export interface RegexSafetyOptions {
  /** A pattern is refused when one adversarial string takes longer than this, in ms (default 150). */
  perStringMs?: number;
  /** Hard limit of the whole trial match, in ms (default 1000). */
  trialTimeoutMs?: number;
  /** Length of the long adversarial strings (default 2000). */
  longLength?: number;
  /** Skip the trial (static check only). */
  skipTrial?: boolean;
  /** Length of the texts that show quadratic searches (default 30000; 0: no quadratic trial). */
  quadLength?: number;
}

// ---------------------------------------------------------------------------------------------------
// A small parser for JavaScript regex syntax, enough to find quantifiers, groups and alternatives.

type Node =
  | { t: 'char'; src: string }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'group'; body: Node; look: boolean }
  | { t: 'quant'; body: Node; min: number; max: number; src: string }
  | { t: 'assert' }
  | { t: 'backref' };

class ParseError extends Error {}

function parse(source: string, unicode: boolean, vMode: boolean): Node {
  let i = 0;
  const peek = () => source[i];
  const parseAlt = (): Node => {
    const alts: Node[] = [parseSeq()];
    while (peek() === '|') {
      i++;
      alts.push(parseSeq());
    }
    return alts.length === 1 ? alts[0] : { t: 'alt', alts };
  };
  const parseSeq = (): Node => {
    const items: Node[] = [];
    while (i < source.length && peek() !== '|' && peek() !== ')') {
      const start = i;
      let atom = parseAtom();
      const q = parseQuantifier();
      if (q) atom = { t: 'quant', body: atom, min: q.min, max: q.max, src: source.slice(start, i) };
      items.push(atom);
    }
    return items.length === 1 ? items[0] : { t: 'seq', items };
  };
  const parseQuantifier = (): { min: number; max: number } | undefined => {
    const c = peek();
    let q: { min: number; max: number } | undefined;
    if (c === '*') q = { min: 0, max: Infinity };
    else if (c === '+') q = { min: 1, max: Infinity };
    else if (c === '?') q = { min: 0, max: 1 };
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
      if (!m) return undefined; // a literal `{` (Annex B)
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      i += m[0].length - 1;
      q = { min, max };
    }
    if (!q) return undefined;
    i++;
    if (peek() === '?') i++; // lazy
    return q;
  };
  const parseAtom = (): Node => {
    const c = source[i];
    if (c === '^' || c === '$') {
      i++;
      return { t: 'assert' };
    }
    if (c === '(') {
      i++;
      let look = false;
      if (source.startsWith('?:', i)) i += 2;
      else if (source.startsWith('?=', i) || source.startsWith('?!', i)) {
        i += 2;
        look = true;
      } else if (source.startsWith('?<=', i) || source.startsWith('?<!', i)) {
        i += 3;
        look = true;
      } else if (source.startsWith('?<', i)) {
        const end = source.indexOf('>', i);
        if (end < 0) throw new ParseError('group name');
        i = end + 1;
      } else if (source[i] === '?') {
        // Modifiers `(?i:…)` and anything newer: skip to the colon.
        const m = /^\?[a-z-]*:/.exec(source.slice(i));
        if (!m) throw new ParseError('group');
        i += m[0].length;
      }
      const body = parseAlt();
      if (source[i] !== ')') throw new ParseError('unclosed group');
      i++;
      return { t: 'group', body, look };
    }
    if (c === '[') {
      const start = i;
      i++;
      let depth = 1;
      while (i < source.length && depth > 0) {
        const d = source[i];
        if (d === '\\') i += 2;
        else {
          if (d === '[' && vMode) depth++;
          else if (d === ']') depth--;
          i++;
        }
      }
      if (depth > 0) throw new ParseError('unclosed class');
      return { t: 'char', src: source.slice(start, i) };
    }
    if (c === '\\') {
      const start = i;
      const d = source[i + 1];
      if (d === undefined) throw new ParseError('trailing backslash');
      if (d === 'b' || d === 'B') {
        i += 2;
        return { t: 'assert' };
      }
      if (/[1-9]/.test(d)) {
        i += 2;
        while (/\d/.test(source[i] ?? '')) i++;
        return { t: 'backref' };
      }
      if (d === 'k' && source[i + 2] === '<') {
        const end = source.indexOf('>', i);
        i = end < 0 ? i + 2 : end + 1;
        return { t: 'backref' };
      }
      if ((d === 'p' || d === 'P') && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        i = end < 0 ? i + 2 : end + 1;
      } else if (d === 'u' && source[i + 2] === '{') {
        const end = source.indexOf('}', i);
        i = end < 0 ? i + 2 : end + 1;
      } else if (d === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(i + 2, i + 6))) i += 6;
      else if (d === 'x' && /^[0-9a-fA-F]{2}$/.test(source.slice(i + 2, i + 4))) i += 4;
      else if (d === 'c' && /[A-Za-z]/.test(source[i + 2] ?? '')) i += 3;
      else i += 2;
      return { t: 'char', src: source.slice(start, i) };
    }
    if (c === ')' || c === '|') throw new ParseError('unexpected');
    // A literal (a whole code point in unicode mode).
    const cp = unicode ? String.fromCodePoint(source.codePointAt(i)!) : c;
    i += cp.length;
    return { t: 'char', src: cp };
  };
  const node = parseAlt();
  if (i < source.length) throw new ParseError('unbalanced )');
  return node;
}

// ---------------------------------------------------------------------------------------------------
// Character sets as bitmasks over a small universe of representative characters (plus the pattern's own
// literal characters), computed by matching each single-character atom against each universe character.

const BASE_UNIVERSE = [
  ' ', '\t', '\n', '\r', '\u3000', '\u00a0', 'a', 'b', 'x', 'A', 'Z', '0', '1', '5', '9', '_', '-', '.', ',', ';', ':',
  '!', '?', '(', ')', '[', ']', '"', "'", '/', '\\', '+', '*', '#', '%', '，', '。', '、', '；', '：', '？', '！', '“', '”',
  '‘', '’', '（', '）', '《', '》', '【', '】', '—', '…', '·', '〇', '一', '二', '三', '十', '百', '千', '万', '亿', '零',
  '两', '第', '政', '协', '委', '员', '会', '的', '了', '和', '年', '月', '日', '是', '在', '％', '０', '１', 'Ａ', 'é', 'α',
  '\u0000', '\ue000', '\ufffd',
];

interface Universe {
  chars: string[];
  full: bigint;
}

function buildUniverse(source: string, unicode: boolean): Universe {
  const set = new Set(BASE_UNIVERSE);
  for (const ch of unicode ? Array.from(source) : source.split('')) set.add(ch);
  set.add(unicode ? '😀' : '\ud83d');
  const chars = [...set];
  return { chars, full: (1n << BigInt(chars.length)) - 1n };
}

interface Info {
  nullable: boolean;
  first: bigint;
  /** A short string the node matches (its minimal repetition), or undefined when unknown. */
  sample: string;
}

class Analyzer {
  private charMemo = new Map<string, bigint>();
  private infoMemo = new Map<Node, Info>();
  constructor(
    private readonly uni: Universe,
    private readonly flags: string,
  ) {}

  charSet(src: string): bigint {
    let m = this.charMemo.get(src);
    if (m !== undefined) return m;
    m = 0n;
    let re: RegExp | undefined;
    try {
      re = new RegExp(`^(?:${src})$`, this.flags);
    } catch {
      re = undefined;
    }
    this.uni.chars.forEach((ch, k) => {
      if (!re || re.test(ch)) m! |= 1n << BigInt(k);
    });
    this.charMemo.set(src, m);
    return m;
  }

  /** A character of the set (the common characters of the base universe first, then the pattern's own). */
  pick(mask: bigint): string {
    for (let k = 0; k < this.uni.chars.length; k++) if (mask & (1n << BigInt(k))) return this.uni.chars[k];
    return '';
  }

  info(n: Node): Info {
    let r = this.infoMemo.get(n);
    if (r) return r;
    switch (n.t) {
      case 'char': {
        const s = this.charSet(n.src);
        r = { nullable: false, first: s, sample: this.pick(s) };
        break;
      }
      case 'assert':
      case 'backref':
        r = { nullable: true, first: 0n, sample: '' };
        break;
      case 'group':
        r = n.look ? { nullable: true, first: 0n, sample: '' } : this.info(n.body);
        break;
      case 'alt': {
        const parts = n.alts.map(a => this.info(a));
        r = { nullable: parts.some(p => p.nullable), first: parts.reduce((a, p) => a | p.first, 0n), sample: parts[0].sample };
        break;
      }
      case 'seq': {
        let nullable = true;
        let first = 0n;
        let sample = '';
        for (const it of n.items) {
          const p = this.info(it);
          if (nullable) first |= p.first;
          nullable = nullable && p.nullable;
          sample += p.sample;
        }
        r = { nullable, first, sample };
        break;
      }
      case 'quant': {
        const p = this.info(n.body);
        // The whole minimum (\d{4} → 0000), so that an attack's prefix really reaches what follows it.
        r = { nullable: n.min === 0 || p.nullable, first: p.first, sample: p.sample.repeat(Math.min(n.min, 64)) };
        break;
      }
    }
    this.infoMemo.set(n, r);
    return r;
  }

  /** Fixed-length alternatives as per-position sets (undefined when not a plain fixed string/class sequence). */
  positions(n: Node): bigint[] | undefined {
    switch (n.t) {
      case 'char':
        return [this.charSet(n.src)];
      case 'group':
        return n.look ? undefined : this.positions(n.body);
      case 'seq': {
        const out: bigint[] = [];
        for (const it of n.items) {
          if (it.t === 'assert') continue;
          const p = this.positions(it);
          if (!p) return undefined;
          out.push(...p);
        }
        return out;
      }
      case 'quant': {
        if (n.min !== n.max || n.min > 8) return undefined;
        const p = this.positions(n.body);
        if (!p) return undefined;
        const out: bigint[] = [];
        for (let k = 0; k < n.min; k++) out.push(...p);
        return out;
      }
      default:
        return undefined;
    }
  }
}

/** An enclosing repetition: the quantifier and the first-character sets of its body's mandatory parts. */
interface Outer {
  q: Node & { t: 'quant' };
  mandatory: bigint[];
}

/** Static check: nested quantifiers that can trade characters, and ambiguous alternatives under a repetition. */
function staticCheck(root: Node, an: Analyzer): string | undefined {
  let problem: string | undefined;
  // The repetition can re-split a run of `chars` between its iterations only if every mandatory part of its
  // body can itself match such a character (a required delimiter like 、 prevents it).
  const canPump = (outer: Outer, chars: bigint) => outer.mandatory.every(m => (m & chars) !== 0n);
  const outerOf = (q: Node & { t: 'quant' }): Outer => {
    const body = q.body.t === 'group' && !q.body.look ? q.body.body : q.body;
    const items = body.t === 'seq' ? body.items : [body];
    return { q, mandatory: items.filter(it => !an.info(it).nullable).map(it => an.info(it).first) };
  };
  const walk = (n: Node, follow: bigint, outer: Outer | undefined): void => {
    if (problem) return;
    switch (n.t) {
      case 'seq': {
        // follow of item k: what its successors can start with, plus the outer follow if they can be empty.
        const follows: bigint[] = new Array(n.items.length);
        let acc = follow;
        for (let k = n.items.length - 1; k >= 0; k--) {
          follows[k] = acc;
          const p = an.info(n.items[k]);
          acc = p.nullable ? acc | p.first : p.first;
        }
        n.items.forEach((it, k) => walk(it, follows[k], outer));
        break;
      }
      case 'alt':
        if (outer && (outer.q.max === Infinity || outer.q.max >= 16)) {
          const pos = n.alts.map(a => an.positions(a));
          for (let x = 0; x < pos.length && !problem; x++)
            for (let y = x + 1; y < pos.length && !problem; y++) {
              const a = pos[x];
              const b = pos[y];
              if (a && b && a.length === b.length && a.length > 0 && a.every((m, k) => (m & b[k]) !== 0n))
                problem = `重复结构 ${outer.q.src} 中的分支可以匹配同一段文字（如“${a.map((m, k) => an.pick(m & b[k])).join('')}”），不匹配时回溯次数随长度指数增长`;
              else if (!(a && b)) {
                // Variable-length branches (a|a?, \d+|\d): branches that can start with the same character may
                // match the same text; the repetition then tries every way of splitting it.
                const common = an.info(n.alts[x]).first & an.info(n.alts[y]).first;
                if (common !== 0n) problem = `重复结构 ${outer.q.src} 中的分支都能以“${an.pick(common)}”开头、长度不定，可能匹配同一段文字，不匹配时回溯次数随长度指数增长`;
              }
            }
        }
        n.alts.forEach(a => walk(a, follow, outer));
        break;
      case 'group':
        if (n.look) walk(n.body, 0n, undefined);
        else walk(n.body, follow, outer);
        break;
      case 'quant': {
        const body = an.info(n.body);
        const overlap = body.first & follow;
        if (outer && n.max >= 2 && n.min !== n.max && overlap !== 0n && canPump(outer, overlap)) {
          const o = outer.q;
          const risky = o.max === Infinity || o.max >= 16 || (o.max >= 3 && n.max === Infinity);
          if (risky)
            problem = `嵌套量词：${n.src} 位于重复结构 ${o.src} 之内，二者都能匹配“${an.pick(overlap)}”，不匹配时回溯次数随长度${o.max === Infinity || o.max >= 16 ? '指数' : '高次幂'}增长`;
        }
        const inner = n.max >= 3 && n.min !== n.max ? outerOf(n) : n.max >= 3 && !outer ? outerOf(n) : outer;
        walk(n.body, n.max >= 2 ? follow | body.first : follow, inner);
        break;
      }
      default:
        break;
    }
  };
  walk(root, 0n, undefined);
  return problem;
}

// ---------------------------------------------------------------------------------------------------
// Trial match: adversarial strings (a prefix that reaches a quantifier, its body pumped many times, then a
// character that makes the match fail), run in a vm context whose timeout interrupts a runaway regex.

interface Attack {
  prefix: string;
  pumps: string[];
}

function attacks(root: Node, an: Analyzer): Attack[] {
  const out: Attack[] = [];
  const walk = (n: Node, prefix: string): void => {
    switch (n.t) {
      case 'seq': {
        let p = prefix;
        for (const it of n.items) {
          walk(it, p);
          p += an.info(it).sample;
        }
        break;
      }
      case 'alt':
        n.alts.forEach(a => walk(a, prefix));
        break;
      case 'group':
        walk(n.body, prefix);
        break;
      case 'quant': {
        if (n.max >= 2) {
          const pumps = new Set<string>();
          const body = n.body.t === 'group' ? n.body.body : n.body;
          const alts = body.t === 'alt' ? body.alts : [body];
          for (const a of alts.slice(0, 4)) {
            const s = an.info(a).sample;
            if (s) pumps.add(s);
          }
          const whole = an.info(n.body).sample;
          if (whole) pumps.add(whole);
          if (alts.length > 1) pumps.add(alts.slice(0, 4).map(a => an.info(a).sample).join(''));
          if (pumps.size) out.push({ prefix, pumps: [...pumps] });
        }
        walk(n.body, prefix);
        break;
      }
      default:
        break;
    }
  };
  walk(root, '');
  return out.slice(0, 24);
}

function countQuantifiers(n: Node): { repeats: number; groupRepeat: boolean } {
  let repeats = 0;
  let groupRepeat = false;
  const walk = (m: Node) => {
    if (m.t === 'quant') {
      if (m.max >= 2) {
        repeats++;
        if (m.body.t !== 'char') groupRepeat = true;
      }
      walk(m.body);
    } else if (m.t === 'seq') m.items.forEach(walk);
    else if (m.t === 'alt') m.alts.forEach(walk);
    else if (m.t === 'group') walk(m.body);
  };
  walk(n);
  return { repeats, groupRepeat };
}

// Runs every string, timing each; stops at the first one over the per-string limit.
const TRIAL_SCRIPT = `
  let slow = -1;
  let slowMs = 0;
  for (let k = 0; k < strings.length; k++) {
    const t0 = Date.now();
    re.lastIndex = 0;
    re.test(strings[k]);
    slowMs = Date.now() - t0;
    if (slowMs > perString) { slow = k; break; }
  }
  [slow, slowMs];
`;

/** Times one search of `s` (milliseconds). */
function timeSearch(re: RegExp, s: string): number {
  const r = new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
  const t0 = performance.now();
  r.test(s);
  return performance.now() - t0;
}

/**
 * The growth test for quadratic searches, which does not depend on how fast the machine is: a search of the whole
 * string that takes clearly longer than 3× the search of its first half (linear: 2×, quadratic: 4×) and at least
 * 50 ms. The absolute limit alone let a quadratic pattern through on a fast, idle machine.
 */
function quadraticGrowth(re: RegExp, s: string): string | undefined {
  const end = s.slice(-1);
  const half = s.slice(0, s.length >> 1) + end;
  timeSearch(re, s.slice(0, 200) + end); // compile and warm up
  const full = Math.min(timeSearch(re, s), timeSearch(re, s));
  // Below 50 ms a linear or bounded search (我代表.{0,60}向大会报告) can show any ratio through timer and JIT noise.
  if (full < 50) return undefined;
  const part = Math.max(5, Math.min(timeSearch(re, half), timeSearch(re, half)));
  return full / part > 3 ? `在构造的文本“${describeString(s)}”上，文本加倍时匹配用时增至 ${(full / part).toFixed(1)} 倍（回溯失控）` : undefined;
}

function describeString(s: string): string {
  return s.length > 24 ? `${JSON.stringify(s.slice(0, 12)).slice(1, -1)}…（共 ${s.length} 字符）` : JSON.stringify(s).slice(1, -1);
}

/**
 * Tries the strings; a string that takes longer than `perStringMs` (quadratic matching of a 2000-character
 * string takes a few ms, cubic or exponential ones take seconds) or a run over `totalMs` (a hard stop by
 * the vm timeout, so the trial itself never hangs) refuses the pattern.
 */
function trial(re: RegExp, strings: string[], perStringMs: number, totalMs: number): string | undefined {
  const ctx = vm.createContext({ re, strings, perString: perStringMs });
  try {
    const [slow, ms] = vm.runInContext(TRIAL_SCRIPT, ctx, { timeout: totalMs }) as [number, number];
    if (slow < 0) return undefined;
    // Confirm once (a busy machine can stall any single run): refuse only when it is slow again. Three times over
    // the limit is no stall.
    const again = ms > 3 * perStringMs ? [slow] : (vm.runInContext(TRIAL_SCRIPT, vm.createContext({ re, strings: [strings[slow]], perString: perStringMs }), { timeout: totalMs }) as [number, number]);
    return again[0] < 0 ? undefined : `在构造的文本“${describeString(strings[slow])}”上匹配超过 ${perStringMs} ms（回溯失控）`;
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return `在构造的文本上匹配超过 ${totalMs} ms（回溯失控）`;
    return undefined;
  }
}

const verdictCache = new Map<string, RegexVerdict>();

/** Bumped whenever the checks change, so that a persistent store never answers for an older checker. */
export const REGEX_CHECKER_VERSION = 3;

/** A persistent memory of verdicts across runs (the CLI keeps one in the user's cache folder): the trial costs
 *  milliseconds per pattern, and an office pack with many patterns is checked at every start. */
export interface VerdictStore {
  get(key: string): RegexVerdict | undefined;
  set(key: string, v: RegexVerdict): void;
}
let verdictStore: VerdictStore | undefined;

/** Installs (or removes) the persistent verdict store. */
export function setVerdictStore(store: VerdictStore | undefined): void {
  verdictStore = store;
}

/** Checks one pattern: valid syntax, the static check, then (when it has repetitions) the trial match. */
export function checkRegexSafety(source: string, flags = '', opts: RegexSafetyOptions = {}): RegexVerdict {
  const key = `v${REGEX_CHECKER_VERSION}:${flags}/${source}/${opts.skipTrial ? 's' : ''}${opts.perStringMs ?? ''}:${opts.trialTimeoutMs ?? ''}:${opts.longLength ?? ''}:${opts.quadLength ?? ''}`;
  const hit = verdictCache.get(key) ?? verdictStore?.get(key);
  if (hit) return hit;
  const v = checkUncached(source, flags, opts);
  if (verdictCache.size > 5000) verdictCache.clear();
  verdictCache.set(key, v);
  verdictStore?.set(key, v);
  return v;
}

function checkUncached(source: string, flags: string, opts: RegexSafetyOptions): RegexVerdict {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (e) {
    return { safe: false, check: 'syntax', reason: `不是有效的正则表达式（${(e as Error).message}）` };
  }
  // Some rules compile pack patterns in Unicode mode (house-style, templates), which is stricter (`\-`,
  // a lone `{`): a pack pattern must be valid in both modes, so no rule meets a SyntaxError at run time.
  if (!/[uv]/.test(flags))
    try {
      new RegExp(source, flags + 'u');
    } catch (e) {
      return { safe: false, check: 'syntax', reason: `在 Unicode（u）模式下不是有效的正则表达式（${(e as Error).message}；有的规则以该模式编译，请去掉多余的转义，如把 \\- 写成 -）` };
    }
  const unicode = /[uv]/.test(flags);
  let root: Node | undefined;
  try {
    root = parse(source, unicode, flags.includes('v'));
  } catch {
    root = undefined; // unusual syntax: rely on the trial alone
  }
  const testFlags = flags.replace(/[gyd]/g, '');
  const uni = buildUniverse(source, unicode);
  const an = new Analyzer(uni, testFlags);
  if (root) {
    const problem = staticCheck(root, an);
    if (problem) return { safe: false, check: 'static', reason: problem };
  }
  if (opts.skipTrial) return { safe: true };
  // A pattern without repetitions is linear. Every other one is tried, also one repetition of a single character:
  // “[^”]*” is quadratic when a search starts at each of many “ (10 s on 500 KB of unbalanced quotes).
  if (root && countQuantifiers(root).repeats === 0) return { safe: true };
  const long = opts.longLength ?? 2000;
  const strings: string[] = [];
  const suffixes = ['\ue000', '\n', '!', '。'];
  const list = root ? attacks(root, an) : [];
  if (!list.length) list.push({ prefix: '', pumps: [' ', 'a', '1', '政', '，'] });
  for (const a of list) {
    for (const pump of a.pumps) {
      for (const n of [Math.ceil(48 / pump.length), Math.ceil(long / pump.length)]) {
        const body = a.prefix + pump.repeat(n);
        for (const s of suffixes) strings.push(body + s);
      }
    }
  }
  // Quadratic searches: what starts a match, repeated over a long text (each start scans to the end and fails).
  const quad = opts.quadLength ?? 30000;
  const quadStrings: string[] = [];
  for (const a of quad > 0 ? list.slice(0, 6) : [])
    for (const pump of a.pumps.slice(0, 2)) {
      const unit = a.prefix + pump;
      if (unit) quadStrings.push(unit.repeat(Math.ceil(quad / unit.length)) + '\ue000', a.prefix + pump.repeat(Math.ceil(quad / pump.length)) + '\ue000');
    }
  const testRe = new RegExp(source, testFlags);
  const why = trial(testRe, strings, opts.perStringMs ?? 150, opts.trialTimeoutMs ?? 1000);
  if (why) return { safe: false, check: 'trial', reason: why };
  // One string at a time, each with its own time limit (a linear pattern takes about a millisecond on each).
  let slow: string | undefined;
  for (const q of quadStrings) if ((slow = trial(testRe, [q], opts.perStringMs ?? 150, opts.trialTimeoutMs ?? 1000) ?? quadraticGrowth(testRe, q))) break;
  if (slow)
    return {
      safe: false,
      check: 'trial',
      reason: `${slow.replace(/（回溯失控）$/, '')}：在 ${quad} 字符的文本上已很慢，用时随文本长度平方增长（每个起点都回溯到文末）；请给重复加上上限，如把 [^”]* 写成 [^”]{0,200}、.* 写成 .{0,50}`,
    };
  return { safe: true };
}

// ---------------------------------------------------------------------------------------------------
// Finding the regexes in a pack. Two ways, combined (documented in docs/performance.md):
// 1. From the pack schemas: a string whose schema is a `$ref` to a definition named `regex`/`regexp`/`pattern`,
//    or whose schema description says 正则 (and not 不是正则), is a regex; it is compiled with the `u` flag
//    when that schema's description says Unicode (as the rules do).
// 2. By name, for fields the schemas do not describe: a string under a key named `pattern`, `regex`, `regexp`
//    (or ending in `Pattern`, `Regex`, `RegExp`), or each string of an array under `patterns`, `regexes`,
//    `regexps` (or ending in `Patterns`, `Regexes`). Flags: the sibling string `flags` when present.
// A string written `/source/flags` is read as source and flags.

const SINGLE_KEY = /^(pattern|regex|regexp)$|(Pattern|Regex|RegExp)$/;
const LIST_KEY = /^(patterns|regexes|regexps)$|(Patterns|Regexes|RegExps)$/;

export interface PackRegex {
  /** JSON path of the string, e.g. `$.wording.misspellings[3].followedBy`. */
  path: string;
  source: string;
  flags: string;
}

function pathSeg(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

function splitLiteral(s: string, siblingFlags: string): { source: string; flags: string } {
  const m = /^\/(.+)\/([dgimsuyv]*)$/s.exec(s);
  return m ? { source: m[1], flags: m[2] || siblingFlags } : { source: s, flags: siblingFlags };
}

/** A JSON Schema node, as far as the walk needs it. */
interface SchemaNode {
  $id?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode | boolean;
  items?: SchemaNode | SchemaNode[];
  definitions?: Record<string, SchemaNode>;
  allOf?: SchemaNode[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  then?: SchemaNode;
  else?: SchemaNode;
}

/** A schema node in the context of its root document, and whether the path to it marks a regex. */
interface Applied {
  node: SchemaNode;
  root: SchemaNode;
  regex: boolean;
  unicode: boolean;
}

const REGEX_DEF = /^(regex|regexp|pattern)$/i;
const says = (n: SchemaNode, re: RegExp) => typeof n.description === 'string' && re.test(n.description);
const saysRegex = (n: SchemaNode) => says(n, /正则/) && !says(n, /(不是|非|并非)正则/);

/** Expands $ref and the combinators into the nodes that apply (depth-limited). */
function expand(a: Applied, byId: Map<string, SchemaNode>, out: Applied[], depth = 0): void {
  if (depth > 32) return;
  const regex = a.regex || saysRegex(a.node);
  const unicode = a.unicode || says(a.node, /Unicode|unicode/);
  const here: Applied = { node: a.node, root: a.root, regex, unicode };
  out.push(here);
  const ref = a.node.$ref;
  if (ref) {
    const [file, frag] = ref.split('#');
    const root = file ? byId.get(file.replace(/^.*\//, '')) : a.root;
    if (root) {
      let target: SchemaNode | undefined = root;
      let defName = '';
      for (const seg of (frag ?? '').split('/').filter(Boolean)) {
        defName = seg;
        target = (target as Record<string, unknown> | undefined)?.[seg] as SchemaNode | undefined;
      }
      if (target) expand({ node: target, root, regex: regex || REGEX_DEF.test(defName), unicode }, byId, out, depth + 1);
    }
  }
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) for (const b of a.node[k] ?? []) expand({ ...here, node: b }, byId, out, depth + 1);
  for (const b of [a.node.then, a.node.else]) if (b) expand({ ...here, node: b }, byId, out, depth + 1);
}

/** Every regex source in a parsed pack (or any JSON value), with its JSON path. `schemas`: the pack schema first, then the schemas it refers to. */
export function findPackRegexes(data: unknown, schemas: object[] = []): PackRegex[] {
  const found = new Map<string, PackRegex>();
  const byId = new Map<string, SchemaNode>();
  for (const s of schemas as SchemaNode[]) if (s.$id) byId.set(s.$id.replace(/^.*\//, ''), s);
  const rootSchema = schemas[0] as SchemaNode | undefined;
  const add = (path: string, s: string, flags: string) => {
    if (!found.has(path)) found.set(path, { path, ...splitLiteral(s, flags) });
  };
  const walk = (v: unknown, path: string, applied: Applied[], depth: number): void => {
    if (depth > 64) return;
    const nodes: Applied[] = [];
    for (const a of applied) expand(a, byId, nodes);
    if (typeof v === 'string') {
      const r = nodes.find(n => n.regex);
      if (r) add(path, v, nodes.some(n => n.unicode) ? 'u' : '');
      return;
    }
    if (v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      const items: Applied[] = [];
      for (const n of nodes) if (n.node.items && !Array.isArray(n.node.items)) items.push({ ...n, node: n.node.items, regex: false, unicode: false });
      v.forEach((e, k) => walk(e, path + pathSeg(k), items, depth + 1));
      return;
    }
    const obj = v as Record<string, unknown>;
    const flags = typeof obj.flags === 'string' ? obj.flags : '';
    for (const [key, val] of Object.entries(obj)) {
      const p = path + pathSeg(key);
      const sub: Applied[] = [];
      for (const n of nodes) {
        const ps = n.node.properties?.[key];
        const ap = n.node.additionalProperties;
        if (ps) sub.push({ ...n, node: ps, regex: false, unicode: false });
        else if (ap && typeof ap === 'object') sub.push({ ...n, node: ap, regex: false, unicode: false });
      }
      walk(val, p, sub, depth + 1);
      if (typeof val === 'string' && SINGLE_KEY.test(key)) add(p, val, flags);
      else if (Array.isArray(val) && LIST_KEY.test(key))
        val.forEach((s, k) => {
          if (typeof s === 'string') add(p + pathSeg(k), s, flags);
        });
    }
  };
  walk(data, '$', rootSchema ? [{ node: rootSchema, root: rootSchema, regex: false, unicode: false }] : [], 0);
  return [...found.values()];
}

/** The pack validator: throws DraftLintError (file + JSON path) for the first invalid or unsafe regex. */
export function validatePackRegexes(pack: unknown, file: string, schemas: object[] = PACK_SCHEMAS, opts: RegexSafetyOptions = {}): void {
  for (const r of findPackRegexes(pack, schemas)) {
    // Rules combine the entries of all packs into one regex (figures/anniversary): two office entries with the same
    // group name would make it invalid and switch the built-in rule off. Named groups are not needed in packs.
    if (/\(\?<(?![=!])/.test(r.source.replace(/\\./g, '')))
      throw new DraftLintError(`规则包 ${file} 无效：${r.path} 正则表达式不能使用命名分组 (?<名称>…)（各规则包的条目会合并成一个正则，同名分组会使内置规则失效），请改用普通分组 (…)`, file, r.path);
    const v = checkRegexSafety(expandHeadingWords(r.source), r.flags, opts);
    if (v.safe) continue;
    const shown = r.source.length > 60 ? r.source.slice(0, 60) + '…' : r.source;
    const msg =
      v.check === 'syntax'
        ? `规则包 ${file} 无效：${r.path} ${v.reason}：/${shown}/${r.flags}`
        : /平方/.test(v.reason ?? '')
          ? `规则包 ${file} 无效：${r.path} 正则表达式 /${shown}/${r.flags} 在长文本上太慢（灾难性回溯），会使编辑器卡住，已拒绝加载：${v.reason}。`
          : `规则包 ${file} 无效：${r.path} 正则表达式 /${shown}/${r.flags} 可能导致灾难性回溯，会使编辑器卡住，已拒绝加载：${v.reason}。请去掉嵌套的重复（如把 (\\s*\\w+)* 改为 [\\s\\w]*）或让相邻的重复部分不能匹配同一字符。`;
    throw new DraftLintError(msg, file, r.path);
  }
}
