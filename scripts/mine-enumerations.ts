// Mines fixed enumerations (src/packs/mined-enumerations.json) from a reference corpus of edited text: lists of three
// or more items joined by 、 (获得感、幸福感、安全感; 质量变革、效率变革、动力变革) that
//   - occur at least MIN_COUNT times in at least MIN_DOCS files, always with the same items;
//   - are never written with the same items in another order (every list of the corpus with exactly these items is
//     compared, any order): a fixed order, not a writer's choice;
//   - are not lists of names (persons, places, organisations, posts: 香港、澳门、广州) or of numbered things (二中、
//     三中、四中);
//   - are not reported by formulation/fixed-enumeration anywhere in the corpus (the rule itself is run with the
//     candidates: a list written elsewhere with 和 and in another order, 整体性、系统性和协同性, is no fixed order).
// The first and last items are cut from their clause where every use of the list agrees (the longest common end of
// the uses), at a word boundary of the shipped segmenter in most uses, as long as the middle items where those are all
// alike. formulation/fixed-enumeration reports a mined list (orderOnly) only whole: in another order, or with the heads
// of two items or more exchanged; no damaged or missing items are guessed. Only the items and counts are written, no
// running text.
// Usage:
//   npx tsc -p . && node out/scripts/mine-enumerations.js /work/pd/2019年2月 /work/pd/2019年10月 /work/pd/2020年1月 [--out=FILE] [--check]
import * as fs from 'fs';
import * as path from 'path';
import * as crypto from 'crypto';
import { loadSegmenter } from '../src/segmenter';
import { textFiles } from './typo-recall';
import { allRules, lint } from '../src/lint';
import { PackSet } from '../src/core/packs';
import { validatePack } from '../src/host/packs';

const MIN_COUNT = 6;
const MIN_DOCS = 4;
/** Uses from which a mined list is a warning, not a hint. */
const WARN_COUNT = 12;
const WARN_DOCS = 8;
const ITEM = '[\\u4e00-\\u9fff]{2,10}';
const LIST = new RegExp(`${ITEM}(?:、${ITEM}){2,}`, 'g');
/** Items that number or date things (二中、三中、四中; 1月、2月) are ordered by their numbers, not by a formulation. */
const POST = /(书记|主任|主席|委员|总理|常委|部长|省长|市长|县长|局长|厅长|院长|代表)$/;
const EDGE_START = new Set([...'的了是在和与及同向对把从为以将被让使给到要由']);
const EDGE_END = new Set([...'的了是在和与及同等地得着上中下里']);
const NUMBERED = /^[一二三四五六七八九十两百千万第]|[年月日号届次]$/;

interface Use {
  first: string;
  mid: string[];
  last: string;
  file: number;
}

function lcsSuffix(a: string[]): string {
  let s = a[0];
  for (const x of a) {
    let k = 0;
    while (k < s.length && k < x.length && s[s.length - 1 - k] === x[x.length - 1 - k]) k++;
    s = s.slice(s.length - k);
  }
  return s;
}

function lcpPrefix(a: string[]): string {
  let s = a[0];
  for (const x of a) {
    let k = 0;
    while (k < s.length && k < x.length && s[k] === x[k]) k++;
    s = s.slice(0, k);
  }
  return s;
}

function main(argv: string[]): void {
  const outArg = argv.find(a => a.startsWith('--out='));
  const out = outArg ? outArg.slice(6) : path.join(__dirname, '../../src/packs/mined-enumerations.json');
  const check = argv.includes('--check');
  const dirs = argv.filter(a => !a.startsWith('--'));
  if (!dirs.length) throw new Error('usage: mine-enumerations <corpus folders…> [--out=FILE] [--check]');
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('nodejieba could not be loaded');
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const jieba = require('nodejieba') as { tag(s: string): { word: string; tag: string }[] };
  const files = dirs.flatMap(d => textFiles(d)).sort();
  const uses: Use[] = [];
  files.forEach((f, fi) => {
    const t = fs.readFileSync(f, 'utf8');
    for (const m of t.matchAll(LIST)) {
      const segs = m[0].split('、');
      const mid = segs.slice(1, -1);
      if (mid.some(x => NUMBERED.test(x))) continue;
      uses.push({ first: segs[0], mid, last: segs[segs.length - 1], file: fi });
    }
  });
  // Group by the middle items and the two characters next to them.
  const groups = new Map<string, Use[]>();
  for (const u of uses) {
    const k = `${u.first.slice(-2)}|${u.mid.join('、')}|${u.last.slice(0, 2)}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(u);
  }
  const boundaries = (s: string): Set<number> => {
    const b = new Set<number>([0, s.length]);
    let p = 0;
    for (const tok of seg.cut(s)) b.add((p += tok.word.length));
    return b;
  };
  // Names of persons (丁薛祥、杨洁篪), places and bodies as a whole item, and posts (国务院副总理、市纪委书记): a
  // list of people and places is ordered by rank or custom, not a formulation.
  const isName = (item: string): boolean => {
    const tags = jieba.tag(item);
    return (tags.length === 1 && /^(ns|nt)/.test(tags[0].tag)) || tags.some(t => /^nr/.test(t.tag)) || POST.test(item);
  };
  const lists = new Map<string, { items: string[]; count: number; docs: Set<number> }>();
  for (const g of groups.values()) {
    if (g.length < MIN_COUNT) continue;
    const mids = g[0].mid.map(x => x.length);
    const sameLength = mids.every(x => x === mids[0]);
    const mean = mids.reduce((x, y) => x + y, 0) / mids.length;
    // An end item: the end all uses share (longest common suffix of the first clauses, prefix of the last), cut to
    // a word boundary of most uses, the middle items' length where they are all alike or else as close to their mean
    // length as may be; a function word at its outer edge is the clause's, not the item's (的基本理论, 向香港…).
    const pick = (common: string, clauses: string[], atEnd: boolean): string => {
      const cands: string[] = [];
      for (let len = 2; len <= common.length && len <= 10; len++) {
        const c = atEnd ? common.slice(common.length - len) : common.slice(0, len);
        const edge = atEnd ? c[0] : c[c.length - 1];
        if ((atEnd ? EDGE_START : EDGE_END).has(edge)) continue;
        if (clauses.filter(u => boundaries(u).has(atEnd ? u.length - len : len)).length * 2 > clauses.length) cands.push(c);
      }
      // Items all of one length: the end items have it too (理论创新、实践创新、制度创新, not 创新 where the uses
      // differ before it).
      if (sameLength) return cands.find(c => c.length === mids[0]) ?? '';
      const want = (x: string) => Math.abs(x.length - mean);
      cands.sort((x, y) => want(x) - want(y) || x.length - y.length);
      return cands[0] ?? '';
    };
    if (mids.some(x => Math.abs(x - mean) > 3)) continue;
    const first = pick(lcsSuffix(g.map(u => u.first)), g.map(u => u.first), true);
    const last = pick(lcpPrefix(g.map(u => u.last)), g.map(u => u.last), false);
    if (!first || !last) continue;
    const items = [first, ...g[0].mid, last];
    if (new Set(items).size !== items.length || items.some(isName) || jieba.tag(items.join('、')).some(t => /^nr/.test(t.tag)) || NUMBERED.test(first) || NUMBERED.test(last)) continue;
    const key = items.join('、');
    let l = lists.get(key);
    if (!l) lists.set(key, (l = { items, count: 0, docs: new Set() }));
    l.count += g.length;
    for (const u of g) l.docs.add(u.file);
  }
  // Every list of the corpus that has exactly a mined list's items, in any order.
  const otherOrder = new Map<string, number>();
  for (const u of uses) {
    const n = u.mid.length + 2;
    for (const l of lists.values()) {
      if (l.items.length !== n) continue;
      // The ends of a use are clauses; an item is there when the clause ends (first) or starts (last) with it.
      if (!u.mid.every(x => l.items.includes(x))) continue;
      const rest = l.items.filter(x => !u.mid.includes(x));
      if (rest.length !== 2) continue;
      const [a, b] = rest;
      if (!((u.first.endsWith(a) && u.last.startsWith(b)) || (u.first.endsWith(b) && u.last.startsWith(a)))) continue;
      const canonical = u.first.endsWith(l.items[0]) && u.mid.join('、') === l.items.slice(1, -1).join('、') && u.last.startsWith(l.items[n - 1]);
      if (!canonical) otherOrder.set(l.items.join('、'), (otherOrder.get(l.items.join('、')) ?? 0) + 1);
    }
  }
  const builtin = JSON.parse(fs.readFileSync(path.join(__dirname, '../../src/packs/formulations.json'), 'utf8')) as { formulations: { kind: string; items?: string[]; text?: string }[] };
  const handSets = builtin.formulations.filter(e => e.kind === 'enumeration' && e.items).map(e => new Set(e.items));
  const handPhrases = builtin.formulations.filter(e => e.kind === 'phrase' && e.text).map(e => e.text as string);
  const entries = [...lists.values()]
    .filter(l => l.docs.size >= MIN_DOCS && !otherOrder.get(l.items.join('、')))
    // A hand-written entry with the same items (or all of them) says more (damaged and missing items too).
    .filter(l => !handSets.some(h => l.items.every(x => h.has(x))))
    // … and so does a standard phrase that holds the first two items (不忘初心、牢记使命: its swap is reported there).
    .filter(l => !handPhrases.some(t => t.includes(`${l.items[0]}、${l.items[1]}`)))
    .sort((a, b) => b.count - a.count || (a.items.join('、') < b.items.join('、') ? -1 : 1))
    .map(l => {
      const [x, y, ...rest] = l.items;
      const swapped = [y, x, ...rest];
      const id = 'mined-enum-' + crypto.createHash('sha1').update(l.items.join('、')).digest('hex').slice(0, 8);
      return {
        id,
        kind: 'enumeration',
        items: l.items,
        orderOnly: true,
        severity: l.count >= WARN_COUNT && l.docs.size >= WARN_DOCS ? 'warning' : 'info',
        source: `参考语料中按此顺序并列 ${l.count} 次（${l.docs.size} 篇），未见其他顺序`,
        examples: [
          { text: `要${l.items.join('、')}。`, expect: [] },
          {
            text: `要${swapped.join('、')}。`,
            expect: [{ rule: 'formulation/fixed-enumeration', match: `${y}、${x}`, fix: `${x}、${y}` }],
          },
        ],
      };
    });
  // Last, the rule itself over the corpus: a list it reports anywhere there (written in another order with 和 or 及
  // between items, 整体性、系统性和协同性) is no fixed order.
  const flagged = reportedByTheRule(files, entries);
  const kept = entries.filter(e => !flagged.has(e.items.join('、')));
  const pack = {
    $schema: '../../schemas/pack.schema.json',
    name: 'builtin-mined-enumerations',
    version: 1,
    description:
      `内置规则包：从编辑过的文本中挖掘的固定排列（由 scripts/mine-enumerations.ts 生成，勿手改）：三项以上用顿号并列、至少 ${MIN_COUNT} 次（${MIN_DOCS} 篇）总是同样几项、` +
      `从未换过顺序的列举，不含人名地名和编号。只在各项齐全而顺序不同时报告（orderOnly）；用过 ${WARN_COUNT} 次（${WARN_DOCS} 篇）以上的为警告，其余为提示。`,
    source: `《人民日报》${dirs.map(d => path.basename(d)).join('、')}全部文章（${files.length} 篇；原文不入库，只记各项与次数）`,
    formulations: kept,
  };
  const json = JSON.stringify(pack, null, 2) + '\n';
  if (check) {
    const have = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (have !== json) {
      console.error(`${out} differs from a fresh mining run`);
      process.exit(1);
    }
    console.log(`${out} is up to date (${kept.length} lists)`);
    return;
  }
  fs.writeFileSync(out, json);
  console.log(`wrote ${kept.length} lists to ${out} (${kept.filter(e => e.severity === 'warning').length} warnings; ${flagged.size} dropped: the rule reports them in the corpus)`);
}

/** The lists (items joined by 、) that formulation/fixed-enumeration reports in the corpus with these entries alone. */
function reportedByTheRule(files: string[], entries: { items: string[] }[]): Set<string> {
  const pack = validatePack({ name: 'mined-candidates', formulations: entries }, 'mined-candidates.json');
  const packs = new PackSet([pack]);
  const rules = allRules().filter(r => r.meta.id === 'formulation/fixed-enumeration');
  const out = new Set<string>();
  for (const f of files) {
    const r = lint(fs.readFileSync(f, 'utf8'), { rules, packs });
    for (const d of r.diagnostics) if (d.expected) out.add(d.expected);
  }
  return out;
}

main(process.argv.slice(2));
