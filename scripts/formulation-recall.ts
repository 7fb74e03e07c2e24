// `node out/scripts/formulation-recall.js [file …] [--seed N] [--per N] [--show CLASS]`: the injected-slip self-check of
// the formulation and consistency rules. Each document (default: the 全国政协 2020 reports and the three party-congress
// reports in ../shared/corpus/real/) is linted once as written; then, one at a time, a slip of a known class is put
// into a copy (a word of a canonical phrase replaced by a near-synonym, dropped, doubled with a modifier or moved; two
// items of a fixed enumeration swapped, one left out, or their verbs exchanged; a 《》 title damaged; a date-bound
// term of another period; an inline ordinal repeated or skipped) and the copy is linted again. A slip counts as found
// when a finding that the original did not have overlaps the changed text. Prints recall per class and, with --show,
// the slips missed. Edits that give a correct alternative rather than a slip (a leading verb exchanged for its
// usual alternative, an adverb put before a verb in running prose, a droppable modifier left out, 新时期 in its
// general sense) are generated all the same and reported under classes ending in `~ok`, outside the recall total.
// Nothing of the documents is written anywhere.
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { lint } from '../src/lint';
import type { Segmenter } from '../src/core/types';
import { loadSegmenter } from '../src/segmenter';
import { prng } from '../src/core/prng';
import { builtinPackSet } from '../src/core/packs';
import { entriesOf, normalize } from '../src/rules/formulation/_lib/pack-entries';

const ROOT = path.resolve(__dirname, '../..');
const REAL = path.resolve(ROOT, '../shared/corpus/real');
const DEFAULT_DOCS = [
  '001_cppcc-national-standing-committee-report-2020.txt',
  '002_cppcc-national-proposal-work-report-2020.txt',
  '004_cppcc-national-political-resolution-2020.txt',
  '111_cpc_18th_congress_report_2012.txt',
  '112_cpc_19th_congress_report_2017.txt',
  '113_cpc_20th_congress_report_2022.txt',
];

/** Near-synonyms a writer puts in place of the canonical word (both directions). */
export const SYNONYMS: [string, string][] = [
  ['渠道', '途径'], ['制度', '体制'], ['体系', '系统'], ['机构', '机关'], ['作用', '功能'], ['重要', '主要'],
  ['推进', '推动'], ['加强', '强化'], ['完善', '健全'], ['发展', '进步'], ['建设', '建立'], ['提高', '提升'],
  ['增强', '加强'], ['能力', '水平'], ['领导', '指导'], ['思想', '理念'], ['优势', '长处'], ['特色', '特点'],
  ['共识', '认识'], ['团结', '联合'], ['统一', '一致'], ['深化', '深入'], ['治理', '管理'], ['实践', '实际'],
  ['方针', '方向'], ['伟大', '重大'], ['复兴', '振兴'], ['根本', '基本'], ['原则', '准则'], ['目标', '任务'],
  ['保障', '保证'], ['凝聚', '汇聚'], ['形式', '方式'], ['效能', '效率'], ['群众', '民众'], ['协商', '商量'],
  ['监督', '督促'], ['坚持', '坚定'], ['道路', '路线'], ['政治', '政府'], ['人民', '群众'], ['事业', '工作'],
  ['战略', '策略'], ['创新', '革新'], ['安全', '稳定'], ['全面', '全部'], ['历史', '时代'], ['力量', '能量'],
  ['意识', '观念'], ['精神', '思想'], ['现代', '当代'], ['主义', '理论'], ['国家', '政府'], ['社会', '民间'],
];
const SYN = new Map<string, string>();
for (const [a, b] of SYNONYMS) {
  if (!SYN.has(a)) SYN.set(a, b);
  if (!SYN.has(b)) SYN.set(b, a);
}
const MODIFIERS = ['全面', '重要', '积极', '广泛', '深入'];
/** Fairness: edits that give a correct alternative, not a slip. They are generated and reported under a class
 *  ending in `~ok` (so the figure is not shrunk silently) but are left out of the recall total. */
/** Leading verbs a writer exchanges freely (加强/强化思想政治引领, 推进/推动). */
const FREE_LEADING = new Set(['加强', '强化', '推进', '推动', '提高', '提升', '增强', '完善', '健全']);
/** Verbs an adverb (全面/积极/广泛/深入) may precede in running prose: 统筹全面推进, 把制度优势深入转化为. */
const VERBS = /^(推进|推动|加强|强化|转化|发展|建设|实施|贯彻|落实|完善|健全|提高|提升|增强|维护|实现|促进|参与|开展|履行|发挥|构建|深化|坚持|贯穿|打赢|凝聚|化解|引领|团结|引导|保障|推出|形成|服务|围绕|加快|建成|夺取|决胜)$/;
/** Modifiers a writer leaves out at will (不断提高 → 提高). */
const DROPPABLE = new Set(['不断', '全面', '深入', '积极', '进一步', '广泛', '切实']);
/** 新时代 as part of a name of the era (新时代中国特色社会主义, 党在新时代, 奋进新时代); elsewhere 新时期 is still
 *  written in a general sense (改革开放新时期, 新时期城市民族工作) and the change is not counted. */
const NEW_ERA_BEFORE = /(进入|奋进|迈进|迈入|党在|步入)$/;
const NEW_ERA_AFTER = /^(中国特色社会主义|党的|人民政协|政协|统一战线|爱国统一战线|的伟大|十年|“|加强和改进|坚持和发展|文明实践|爱国主义|军事战略)/;
const HAN = /^[\u3400-\u9fff]+$/;

interface Slip {
  cls: string;
  /** The new text and where the change lies in it. */
  text: string;
  start: number;
  end: number;
  what: string;
}

function words(seg: Segmenter, s: string): string[] {
  const out: string[] = [];
  for (const t of seg.cut(s)) {
    const w = t.word;
    // Split long words into two-character words when they are words (as phrase-word does).
    if (w.length >= 4 && w.length % 2 === 0 && HAN.test(w)) {
      const parts: string[] = [];
      for (let i = 0; i < w.length; i += 2) parts.push(w.slice(i, i + 2));
      if (parts.every(p => seg.isWord(p))) {
        out.push(...parts);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

/** Replaces text[a, b) with `rep`; the changed span is where `rep` lies (at least one character). */
function replace(doc: string, a: number, b: number, rep: string, cls: string, what: string): Slip {
  return { cls, text: doc.slice(0, a) + rep + doc.slice(b), start: Math.max(0, a - (rep ? 0 : 1)), end: a + Math.max(rep.length, 1), what };
}

function slipsOf(doc: string, seg: Segmenter, rand: () => number, per: number, newEra: boolean): Slip[] {
  const packs = builtinPackSet();
  const norm = normalize(doc);
  const out: Slip[] = [];
  const pick = <T>(xs: T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, per);
  };
  // Canonical phrases written exactly.
  const phraseSlips: Record<string, Slip[]> = { 'phrase:synonym': [], 'phrase:drop': [], 'phrase:insert': [], 'phrase:swap': [], 'phrase:coord': [] };
  for (const e of entriesOf(packs, 'phrase')) {
    const t = normalize(e.text);
    if (t.length < 8) continue;
    const at = norm.indexOf(t);
    if (at < 0) continue;
    const ws = words(seg, e.text);
    let pos = at;
    const spans = ws.map(w => {
      const s = pos;
      pos += w.length;
      return [s, pos] as const;
    });
    const quoted = /[“‘]/.test(doc.slice(Math.max(0, at - 2), at)) && /[”’]/.test(doc.slice(at + t.length, at + t.length + 2));
    ws.forEach((w, i) => {
      const [s, en] = spans[i];
      if (w.length !== 2 || !HAN.test(w)) return;
      const syn = SYN.get(w);
      const ok = (c: string, fine: boolean) => (fine && !quoted && !e.fixed ? c + '~ok' : c);
      if (syn) phraseSlips['phrase:synonym'].push(replace(doc, s, en, syn, ok('phrase:synonym', i === 0 && FREE_LEADING.has(w) && FREE_LEADING.has(syn)), `${e.text}: ${w}→${syn}`));
      if (i > 0 && i < ws.length - 1) phraseSlips['phrase:drop'].push(replace(doc, s, en, '', ok('phrase:drop', DROPPABLE.has(w)), `${e.text}: -${w}`));
      if (i > 0) {
        const m = MODIFIERS[Math.floor(rand() * MODIFIERS.length)];
        if (!e.text.includes(m)) phraseSlips['phrase:insert'].push(replace(doc, s, s, m, ok('phrase:insert', m !== '重要' && VERBS.test(w)), `${e.text}: +${m}`));
      }
      const nx = ws[i + 1];
      if (nx && nx.length === 2 && HAN.test(nx) && nx !== w) {
        const sl = replace(doc, s, spans[i + 1][1], nx + w, 'phrase:swap', `${e.text}: ${w}${nx}→${nx}${w}`);
        sl.end = spans[i + 1][1];
        phraseSlips['phrase:swap'].push(sl);
      }
    });
    // The two parts joined by 和 / 与 exchanged (多党合作和政治协商 → 政治协商和多党合作): parts of equal length that
    // end and begin at word boundaries.
    ws.forEach((w, i) => {
      if ((w !== '和' && w !== '与') || i === 0 || i === ws.length - 1) return;
      const [c0] = spans[i];
      const starts = new Set(spans.map(sp => sp[0]));
      const ends = new Set(spans.map(sp => sp[1]));
      // Each part one word (加强和改进, 多党合作和政治协商), else two (国家安全和社会稳定 if so cut).
      const oneWord = (a0: number, b1: number) => spans.some(sp => sp[0] === a0 && sp[1] === c0) && spans.some(sp => sp[0] === c0 + 1 && sp[1] === b1);
      const ks = [2, 3, 4].filter(k => oneWord(c0 - k, c0 + 1 + k)).concat([4, 3, 2]);
      for (const k of ks) {
        const a0 = c0 - k, b1 = c0 + 1 + k;
        if (!starts.has(a0) || !ends.has(b1)) continue;
        const a = doc.slice(a0, c0), b = doc.slice(c0 + 1, b1);
        if (a === b || !HAN.test(a) || !HAN.test(b)) continue;
        const sl = replace(doc, a0, b1, b + w + a, 'phrase:coord', `${e.text}: ${a}${w}${b}→${b}${w}${a}`);
        phraseSlips['phrase:coord'].push(sl);
        break;
      }
    });
  }
  for (const k of Object.keys(phraseSlips)) {
    // Drawn as before (the same slips for a seed); the ~ok ones are then counted apart.
    for (const sl of pick(phraseSlips[k])) out.push(sl);
  }
  // Fixed enumerations written in full.
  const enumSlips: Record<string, Slip[]> = { 'enum:swap': [], 'enum:drop': [], 'enum:verbs': [] };
  for (const e of entriesOf(packs, 'enumeration')) {
    if (e.ordered === false || e.itemMatch === 'suffix') continue;
    for (const sep of ['、', '，']) {
      const full = e.items.join(sep);
      const at = norm.indexOf(normalize(full));
      if (at < 0) continue;
      const n = e.items.length;
      const i = Math.floor(rand() * (n - 1));
      const items = [...e.items];
      [items[i], items[i + 1]] = [items[i + 1], items[i]];
      const off = e.items.slice(0, i).join(sep).length + (i ? 1 : 0);
      enumSlips['enum:swap'].push({ cls: 'enum:swap', text: doc.slice(0, at) + items.join(sep) + doc.slice(at + full.length), start: at + off, end: at + off + items[i].length + 1 + items[i + 1].length, what: `${full}: ${i}↔${i + 1}` });
      if (n >= 4) {
        const d = 1 + Math.floor(rand() * (n - 2));
        const dropped = e.items.filter((_, k) => k !== d).join(sep);
        const off2 = e.items.slice(0, d).join(sep).length;
        enumSlips['enum:drop'].push({ cls: 'enum:drop', text: doc.slice(0, at) + dropped + doc.slice(at + full.length), start: at, end: at + dropped.length, what: `${full}: -${e.items[d]} (${off2})` });
      }
      // Verb–object items (懂政协、会协商): the first characters of two items exchanged.
      if (e.items.every(x => x.length === 3) && new Set(e.items.map(x => x[0])).size === n) {
        const v = [...e.items];
        v[i] = e.items[i + 1][0] + e.items[i].slice(1);
        v[i + 1] = e.items[i][0] + e.items[i + 1].slice(1);
        enumSlips['enum:verbs'].push({ cls: 'enum:verbs', text: doc.slice(0, at) + v.join(sep) + doc.slice(at + full.length), start: at + off, end: at + off + 7, what: `${full}: ${v.join(sep)}` });
      }
    }
  }
  for (const k of Object.keys(enumSlips)) out.push(...pick(enumSlips[k]));
  // Titles inside 《》: one character replaced by a neighbour of the title, or one left out.
  const titleSlips: Slip[] = [];
  for (const e of entriesOf(packs, 'title')) {
    const t = `《${e.text}》`;
    const at = doc.indexOf(t);
    if (at < 0 || e.text.length < 6) continue;
    const k = 2 + Math.floor(rand() * (e.text.length - 3));
    titleSlips.push(replace(doc, at + 1 + k, at + 2 + k, '', 'title:drop', `${e.text}: -${e.text[k]}`));
  }
  out.push(...pick(titleSlips));
  // Date-bound: 新时代 written 新时期 in a document dated after October 2017 (the name of the new era).
  const tb: Slip[] = [];
  if (newEra)
    for (let i = doc.indexOf('新时代'); i >= 0; i = doc.indexOf('新时代', i + 1)) {
      const named = NEW_ERA_BEFORE.test(doc.slice(Math.max(0, i - 2), i)) || NEW_ERA_AFTER.test(doc.slice(i + 3, i + 12));
      tb.push(replace(doc, i + 2, i + 3, '期', named ? 'time:新时期' : 'time:新时期~ok', '新时代→新时期'));
    }
  out.push(...pick(tb));
  // Inline ordinals: 三是 written 二是 (repeat) or 四是 (gap).
  const ord: Slip[] = [];
  for (let i = doc.indexOf('二是'); i >= 0; i = doc.indexOf('二是', i + 1)) {
    const three = doc.indexOf('三是', i);
    if (three < 0 || three - i > 400 || !/[，。；：\s]/.test(doc[three - 1])) continue;
    ord.push(replace(doc, three, three + 1, '二', 'ordinal:repeat', '三是→二是'));
    ord.push(replace(doc, three, three + 1, '四', 'ordinal:gap', '三是→四是'));
  }
  out.push(...pick(ord));
  return out;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' }, per: { type: 'string', default: '12' }, show: { type: 'string', multiple: true, default: [] } },
  });
  const files = positionals.length ? positionals : DEFAULT_DOCS.map(f => path.join(REAL, f));
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('segmenter not loaded');
  const rand = prng(Number(values.seed));
  const per = Number(values.per);
  const stats = new Map<string, { found: number; total: number }>();
  const missed: string[] = [];
  for (const file of files) {
    const doc = fs.readFileSync(file, 'utf8');
    const base = lint(doc, { path: file, segmenter: seg });
    const baseKeys = new Set(base.diagnostics.map(d => `${d.ruleId}:${d.message}`));
    const d = base.documentDate;
    const newEra = !!d && d.year * 12 + (d.month ?? 1) - 1 > 2017 * 12 + 9;
    for (const s of slipsOf(doc, seg, rand, per, newEra)) {
      const res = lint(s.text, { path: file, segmenter: seg });
      const hit = res.diagnostics.find(d => d.offset < s.end && s.start < d.offset + Math.max(1, d.length) && !baseKeys.has(`${d.ruleId}:${d.message}`));
      const st = stats.get(s.cls) ?? { found: 0, total: 0 };
      st.total++;
      if (hit) st.found++;
      else if ((values.show as string[]).some(c => s.cls.startsWith(c))) missed.push(`${path.basename(file).slice(0, 3)} ${s.cls} ${s.what} | ${s.text.slice(Math.max(0, s.start - 12), s.end + 12).replace(/\n/g, '⏎')}`);
      stats.set(s.cls, st);
    }
  }
  let f = 0;
  let t = 0;
  let fa = 0;
  let ta = 0;
  for (const [cls, st] of [...stats].sort()) {
    console.log(`${cls.padEnd(20)} ${st.found}/${st.total}${cls.endsWith('~ok') ? '  (not a slip: not counted)' : ''}`);
    fa += st.found;
    ta += st.total;
    if (cls.endsWith('~ok')) continue;
    f += st.found;
    t += st.total;
  }
  console.log(`total (slips)        ${f}/${t} (${((100 * f) / Math.max(1, t)).toFixed(1)}%)`);
  console.log(`total (all edits)    ${fa}/${ta} (${((100 * fa) / Math.max(1, ta)).toFixed(1)}%)`);
  for (const m of missed) console.log('MISSED ' + m);
}

if (require.main === module) main();
