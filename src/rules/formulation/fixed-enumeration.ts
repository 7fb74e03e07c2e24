// 促进政关系、民族关系、宗教关系、阶层关系、海内外同胞关系 → 政党关系 (a fixed enumeration with a damaged, missing or misplaced item).
import { Lru, paragraphMemosOn } from './_lib/para-memo';
import type { Fix, Rule } from '../../core/types';
import { docMonthRange } from '../../core/docdate';
import { coveredByAllow, editDistance, entriesOf, EnumerationEntry, monthRange, normalize, normalizedText, smallestFix } from './_lib/pack-entries';

interface Member {
  idx: number;
  offset: number;
  length: number;
  /** Set when the item is written wrongly (the text as written). */
  damaged?: string;
  /** The damaged item is another word in the item's place (民主协商 for 民主监督, 善建言 for 善议政), not a
   *  misspelling: reported only when every other item of the entry is there. */
  replaced?: boolean;
}

const SEP_GAP = /^[、\s“”‘’「」『』]*(?:(?:和|及|与|以及|同)[\s“”‘’「」『』]*)?$/;
const CLAUSE_END = /[。！？：；\n]/;
const HAN_ONLY = /^[\u3400-\u9fff]+$/;

/** Edits tolerated in a damaged item of this length. */
function itemTolerance(len: number): number {
  return len < 3 ? 0 : len < 7 ? 1 : 2;
}

/** Joins item occurrences into chains of neighbouring items. */
function chains(t: string, base: number, e: EnumerationEntry, items: string[]): Member[][] {
  const occ: Member[] = [];
  items.forEach((it, idx) => {
    for (let i = t.indexOf(it); i >= 0; i = t.indexOf(it, i + 1)) occ.push({ idx, offset: i, length: it.length });
  });
  if (occ.length < 2) return [];
  occ.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const clean: Member[] = [];
  for (const o of occ) if (!clean.length || o.offset >= clean[clean.length - 1].offset + clean[clean.length - 1].length) clean.push(o);
  const suffix = e.itemMatch === 'suffix';
  const out: Member[][] = [];
  let cur: Member[] = [clean[0]];
  for (let k = 1; k < clean.length; k++) {
    const a = cur[cur.length - 1];
    const b = clean[k];
    const gap = t.slice(a.offset + a.length, b.offset);
    let linked = false;
    if (suffix) {
      linked = gap.length <= 45 && !CLAUSE_END.test(gap) && (gap.match(/[、]/g) ?? []).length <= 1;
    } else if (gap.length <= 6 && SEP_GAP.test(gap)) {
      linked = true;
    } else {
      // A damaged item between two good ones: 、X、
      const m = /^([、\s“”‘’]*)([^、，。；：！？\s“”‘’]{2,12})([、\s“”‘’]*(?:(?:和|及|与)[\s“”‘’]*)?)$/.exec(gap);
      if (m && m[1].includes('、')) {
        const present = new Set(cur.map(c => c.idx));
        const d = bestDamaged(m[2], items, present, 'whole') ?? replacedItem(m[2], items, new Set([...present, b.idx]));
        if (d) {
          cur.push({ idx: d.idx, offset: a.offset + a.length + m[1].length + d.start, length: d.len, damaged: m[2].slice(d.start, d.start + d.len), replaced: d.replaced });
          linked = true;
        }
      }
    }
    if (linked) cur.push(b);
    else {
      out.push(cur);
      cur = [b];
    }
  }
  out.push(cur);
  // “政协协商同政党协商、人大协商、政府协商”: a conjunction before the second item and 、 after it joins one thing to a
  // list (X 同 A、B、C 衔接), not the list's own items; a list's conjunction comes before its last item.
  const gapAt = (c: Member[], k: number) => t.slice(c[k].offset + c[k].length, c[k + 1].offset);
  const trimmed = out.map(c => (c.length >= 3 && !gapAt(c, 0).includes('、') && /和|及|与|同/.test(gapAt(c, 0)) && gapAt(c, 1).includes('、') ? c.slice(1) : c));
  return trimmed.filter(c => c.length >= 2).map(c => c.map(m => ({ ...m, offset: m.offset + base })));
}

/** The missing item that `seg` (or its tail / head) is a damaged spelling of. */
function bestDamaged(seg: string, items: string[], present: Set<number>, mode: 'whole' | 'tail' | 'head'): { idx: number; start: number; len: number; dist: number; replaced?: boolean } | undefined {
  let best: { idx: number; start: number; len: number; dist: number; score: number } | undefined;
  items.forEach((it, idx) => {
    if (present.has(idx)) return;
    const k = itemTolerance(it.length);
    if (!k) return;
    for (let len = it.length - k; len <= it.length + k; len++) {
      if (len < 2 || len > seg.length) continue;
      const starts = mode === 'whole' ? (len === seg.length ? [0] : []) : mode === 'tail' ? [seg.length - len] : [0];
      for (const start of starts) {
        const cand = seg.slice(start, start + len);
        if (!HAN_ONLY.test(cand)) continue;
        if (cand[0] !== it[0] && cand[cand.length - 1] !== it[it.length - 1]) continue;
        const dist = editDistance(cand, it, k);
        if (dist === 0 || dist > k) continue;
        // Prefer fewer edits, then a matching first character, then a length closer to the item.
        const score = dist * 10 + (cand[0] === it[0] ? 0 : 5) + Math.abs(len - it.length);
        if (!best || score < best.score) best = { idx, start, len, dist, score };
      }
    }
  });
  return best;
}

/**
 * The item that `seg`, a whole item of the writer's list, stands in place of as another word: the entry has three
 * items or more, `seg` has the missing item's length and keeps its first or last character, one that no
 * other item has there (民主协商 for 民主监督, 善建言 for 善议政). Not a misspelling (bestDamaged finds those): whether it is a slip depends
 * on the rest of the list (see report).
 */
function replacedItem(seg: string, items: string[], present: Set<number>): { idx: number; start: number; len: number; dist: number; replaced: true } | undefined {
  if (items.length < 3 || !HAN_ONLY.test(seg) || items.includes(seg)) return undefined;
  // The kept character must tell the item from the others: every item of 获得感、幸福感、安全感 ends in 感, so
  // 光荣感 is the writer's own item, not a slip of 安全感.
  const at = (w: string, first: boolean) => (first ? w[0] : w[w.length - 1]);
  const keeps = (it: string, x: string, first: boolean) => at(x, first) === at(it, first) && items.filter(o => at(o, first) === at(it, first)).length === 1;
  const cands = items
    .map((it, idx) => ({ it, idx }))
    .filter(({ it, idx }) => !present.has(idx) && it.length === seg.length && it.length >= 3 && (keeps(it, seg, true) || keeps(it, seg, false)));
  if (cands.length !== 1) return undefined;
  return { idx: cands[0].idx, start: 0, len: seg.length, dist: seg.length, replaced: true };
}

/** Tries to extend a chain with a damaged item right before its first or after its last member. */
function extendEnds(chain: Member[], t: string, base: number, items: string[], raw: string = t): Member[] {
  const present = new Set(chain.map(m => m.idx));
  const out = [...chain];
  const first = out[0];
  let pos = first.offset - base;
  if (pos > 0 && t[pos - 1] === '、') {
    let s = pos - 1;
    while (s > 0 && pos - 1 - s < 14 && !/[、，。；：！？\s“”‘’（）]/.test(t[s - 1])) s--;
    const seg = t.slice(s, pos - 1);
    const d = bestDamaged(seg, items, present, 'tail') ?? replacedItem(seg, items, present);
    if (d) {
      out.unshift({ idx: d.idx, offset: base + s + d.start, length: d.len, damaged: seg.slice(d.start, d.start + d.len), replaced: d.replaced });
      present.add(d.idx);
    }
  }
  const last = out[out.length - 1];
  pos = last.offset - base + last.length;
  const sepM = /^(、|和|及|与)/.exec(t.slice(pos));
  if (sepM) {
    const s = pos + sepM[0].length;
    let e = s;
    while (e < t.length && e - s < 14 && !/[、，。；：！？\s“”‘’（）]/.test(t[e])) e++;
    const seg = t.slice(s, e);
    // Another word as the last item only where the list ends with it (懂政协、会协商、善建言。), not a longer run.
    const d = bestDamaged(seg, items, present, 'head') ?? (e >= t.length || /[，,。；;：:！？\s”’）)]/.test(raw[e]) ? replacedItem(seg, items, present) : undefined);
    if (d) out.push({ idx: d.idx, offset: base + s, length: d.len, damaged: seg.slice(0, d.len), replaced: d.replaced });
  }
  return out;
}

/**
 * Items made of a verb and its object (懂政协、会协商、善议政; 守初心、担使命): the heads, and the tails, of the items
 * all differ, so a run whose items mix the head of one item with the tail of another (懂政协、善协商、会议政) has its
 * verbs exchanged. Returns the split point (1 for three-character items, 2 for four) or 0 when the entry is not of
 * that shape.
 */
function crossSplit(items: string[]): number {
  const L = items[0].length;
  if (items.length < 2 || (L !== 3 && L !== 4) || !items.every(i => i.length === L && HAN_ONLY.test(i))) return 0;
  const h = L - 2;
  const heads = new Set(items.map(i => i.slice(0, h)));
  const tails = new Set(items.map(i => i.slice(h)));
  return heads.size === items.length && tails.size === items.length ? h : 0;
}

/** Runs of the writer's list items (split at 、，和及与) whose items are the entry's items or crossings of two of them. */
function crossedRuns(t: string, raw: string, items: string[], h: number): { offset: number; text: string; want: number; crossed: boolean }[][] {
  const L = items[0].length;
  const out: { offset: number; text: string; want: number; crossed: boolean }[][] = [];
  let cur: { offset: number; text: string; want: number; crossed: boolean }[] = [];
  const re = /[^、，,和及与；;。！？：:\s“”‘’（）()]+|[、，,和及与；;。！？：:\s“”‘’（）()]+/g;
  let m: RegExpExecArray | null;
  const close = () => {
    if (cur.length >= 2 && cur.some(c => c.crossed)) {
      const start = cur[0].offset;
      const end = cur[cur.length - 1].offset + L;
      // Heads exchanged between items stay distinct (讲纪律、讲规矩 is a list of 讲…); a run that goes on with items
      // of the writer's own (讲党性、讲原则、讲纪律、讲规矩) is another list.
      const heads = new Set(cur.map(c => c.text.slice(0, h)));
      const foreign = (raw[start - 1] === '、' && /[\u3400-\u9fff]/.test(raw[start - 2] ?? '')) || (raw[end] === '、' && /[\u3400-\u9fff]/.test(raw[end + 1] ?? ''));
      if (heads.size === cur.length && !foreign) out.push(cur);
    }
    cur = [];
  };
  const member = (s: string, offset: number): boolean => {
    const exact = items.indexOf(s);
    if (exact >= 0) {
      cur.push({ offset, text: s, want: exact, crossed: false });
      return true;
    }
    const byTail = items.findIndex(i => i.slice(h) === s.slice(h));
    const byHead = items.findIndex(i => i.slice(0, h) === s.slice(0, h));
    if (byTail < 0 || byHead < 0) return false;
    cur.push({ offset, text: s, want: byTail, crossed: true });
    return true;
  };
  while ((m = re.exec(t))) {
    const s = m[0];
    if (/^[、，,和及与“”‘’\s]+$/.test(s) && s.replace(/[“”‘’\s]/g, '').length === 1) continue;
    if (!HAN_ONLY.test(s) || s.length < L) {
      close();
      continue;
    }
    // A longer segment can end the run with its first characters (善议政能力) and start one with its last (做到懂政协).
    if (s.length > L) {
      if (cur.length) member(s.slice(0, L), m.index);
      close();
      member(s.slice(-L), m.index + s.length - L);
      continue;
    }
    if (!member(s, m.index)) close();
  }
  close();
  // The writer's own list (two or more items of the run are not the entry's): leave it.
  return out.filter(r => new Set(r.map(c => c.want)).size === r.length);
}

/** By UTF-16 code unit: the stamp of the last paragraph that contains it (a new stamp per paragraph, so nothing is
 *  cleared between paragraphs). */
const inPara = new Int32Array(65536);
let stamps = 0;
function nextStamp(): number {
  if (stamps >= 0x7fffffff) {
    inPara.fill(0);
    stamps = 0;
  }
  return ++stamps;
}

/** Most paragraph texts whose entry gate is kept per pack set (an LRU). */
const ENUM_GATE_MAX = 2000;
type Gate = [number, number, ReturnType<typeof crossedRuns> | undefined][];

export const fixedEnumeration: Rule = {
  meta: {
    id: 'formulation/fixed-enumeration',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '固定排列的并列提法顺序错、缺项或某一项写错',
    docs:
      '有些并列提法的各项有固定的顺序和数目，如“政治协商、民主监督、参政议政”“政党关系、民族关系、宗教关系、阶层关系、海内外同胞关系”“政治认同、思想认同、理论认同、情感认同”。' +
      '本规则在文中找到其中至少两项相邻列出的地方，检查：某一项写错（如“促进政关系、民族关系……”中的“政关系”应为“政党关系”）；三项以上的整列写全、顺序不错、到此结束，而其中一项换成了字数相同、保留该项独有的首字或末字的另一个词（“政治协商、民主协商、参政议政”中的“民主协商”应为“民主监督”，“懂政协、会协商、善建言”中的“善建言”应为“善议政”；各项共有的字不算，“获得感、幸福感、光荣感”是作者自己的列举）；顺序颠倒；列出了大部分项却缺了一项。' +
      '写错的项和唯一的缺项可以自动修正；顺序颠倒时按规范顺序重排各项，保留原有的标点。只列出其中一两项的正常引用不报告。' +
      '除手写的条目外，还有从《人民日报》三个月中挖掘的 88 个固定排列（内置规则包 builtin-mined-enumerations，由 scripts/mine-enumerations.ts 生成：三项以上、至少 6 次、从未换过顺序，如“质量变革、效率变革、动力变革”），这些只在各项齐全、紧挨着列出而顺序不同、或其中两项以上的首字互换（“积极性、创动性、主造性”）时报告（常用的为警告，其余为提示），不猜测写错或缺少的项。',
    examples: [
      { bad: '促进政关系、民族关系、宗教关系、阶层关系、海内外同胞关系和谐', good: '促进政党关系、民族关系、宗教关系、阶层关系、海内外同胞关系和谐' },
      { bad: '认真履行民主监督、政治协商、参政议政职能', good: '认真履行政治协商、民主监督、参政议政职能' },
    ],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const entries = entriesOf(ctx.packs, 'enumeration');
    if (!entries.length) return;
    const compiled = ctx.packs.memo('formulation:enum-items', () => entries.map(e => e.items.map(normalize)));
    // Looked up once per document, not once per paragraph and entry (the memo key is built each time).
    const cross = entries.map((e, ei) => ctx.packs.memo('formulation:enum-cross:' + e.id, () => crossSplit(compiled[ei])));
    // The items' tails after the cross split, made once (speed only).
    const tailsOf = ctx.packs.memo('formulation:enum-tails', () => entries.map((_, ei) => (cross[ei] ? compiled[ei].map(it => it.slice(cross[ei])) : [])));
    const crossedAt = new Set<number>();
    const gates = paragraphMemosOn() ? ctx.packs.memo('formulation:enum-gates', () => new Lru<Gate>(ENUM_GATE_MAX)) : undefined;
    for (const p of ctx.doc.paragraphs) {
      // The normalised text only when needed: most paragraphs' gates are looked up and empty.
      let t: string | undefined;
      // Which entries have two items (or two crossed tails) in the paragraph depends on its text alone: kept per pack
      // set for the paragraphs of the last lints (an edit changes one paragraph; the others are looked up).
      let gate = gates?.get(p.text);
      if (!gate) {
        gate = entryGate((t ??= normalize(p.text)), p.text);
        gates?.set(p.text, gate);
      }
      for (const [ei, present, runs] of gate) {
        const e = entries[ei];
        const items = compiled[ei];
        if (runs) {
          for (const run of runs) {
            // A mined list (orderOnly) counts as crossed only whole and with two items or more crossed (积极性、创动性、
            // 主造性): one item with another head alone (因势而谋、顺势而动、顺势而为) is often the writer's wording.
            if (e.orderOnly && (run.length !== items.length || run.filter(x => x.crossed).length < 2)) continue;
            for (const c of run.filter(x => x.crossed)) {
              crossedAt.add(p.offset + c.offset);
              const want = e.items[c.want];
              ctx.report({
                offset: p.offset + c.offset,
                length: c.text.length,
                message: e.message ?? `固定排列“${e.items.join('、')}”中的“${c.text}”搭配有误，应为“${want}”`,
                fix: smallestFix(c.text, want, p.offset + c.offset),
                expected: want,
                source: e.source ?? e.note,
                severity: e.severity,
              });
            }
          }
        }
        if (present < 2) continue;
        const tn = (t ??= normalize(p.text));
        for (let chain of chains(tn, p.offset, e, items)) {
          if (e.itemMatch !== 'suffix' && !e.orderOnly) chain = extendEnds(chain, tn, p.offset, items, p.text);
          report(chain, e, items);
        }
      }
    }

    /** The entries with two items, or two crossed tails, in a paragraph (`raw`, normalised `t`): [entry, items (≤ 2),
     *  the runs of crossed items when two tails are there]. A function of the paragraph's text and the pack set. */
    function entryGate(t: string, raw: string): Gate {
      // The characters of the paragraph: an item whose first character is not among them is not in it (most items
      // of most entries; answered without a search of the paragraph).
      const stamp = nextStamp();
      for (let k = 0; k < t.length; k++) inPara[t.charCodeAt(k)] = stamp;
      const has = (it: string) => (it.length === 0 || inPara[it.charCodeAt(0)] === stamp) && t.includes(it);
      const out: Gate = [];
      for (let ei = 0; ei < entries.length; ei++) {
        let present = 0;
        for (const it of compiled[ei]) if (has(it) && ++present >= 2) break;
        let tails = 0;
        if (cross[ei]) for (const it of tailsOf[ei]) if (has(it) && ++tails >= 2) break;
        if (present >= 2 || tails >= 2) out.push([ei, present, cross[ei] && tails >= 2 ? crossedRuns(t, raw, compiled[ei], cross[ei]) : undefined]);
      }
      return out;
    }

    function report(chain: Member[], e: EnumerationEntry, items: string[]) {
      // Items whose verbs were exchanged are reported as such, not again as damaged or misplaced.
      if (chain.some(m => crossedAt.has(m.offset))) return;
      const n = items.length;
      const ids = chain.map(m => m.idx);
      if (new Set(ids).size !== ids.length) return;
      // A mined list (orderOnly) is judged only whole and undamaged: the corpus shows its order, not its spelling.
      if (e.orderOnly && (chain.length !== n || chain.some(m => m.damaged !== undefined))) return;
      // Another word in an item's place is a misquote only in the whole list, in the fixed order, ending there (the
      // writer's own list, 政治协商、民主监督、协商式监督、凝聚共识, names other things).
      if (chain.some(m => m.replaced)) {
        const tx = ctx.doc.text;
        const s0 = chain[0].offset;
        const e0 = chain[chain.length - 1].offset + chain[chain.length - 1].length;
        const goesOn = (tx[e0] === '、' && /[\u3400-\u9fff]/.test(tx[e0 + 1] ?? '')) || (tx[s0 - 1] === '、' && /[\u3400-\u9fff]/.test(tx[s0 - 2] ?? ''));
        if (chain.length !== items.length || goesOn || ids.some((v, i) => v !== i)) return;
      }
      const full = e.items.join('、');
      const source = e.source ?? e.note;
      const start = chain[0].offset;
      const end = chain[chain.length - 1].offset + chain[chain.length - 1].length;
      if (coveredByAllow(normalizedText(ctx.doc), start, end, e.allow)) return;
      for (const m of chain) {
        if (m.damaged === undefined) continue;
        const want = e.items[m.idx];
        ctx.report({
          offset: m.offset,
          length: m.length,
          message: e.message ?? `固定排列“${full}”中的“${m.damaged}”有误，应为“${want}”`,
          fix: smallestFix(ctx.doc.text.slice(m.offset, m.offset + m.length), want, m.offset),
          expected: want,
          source,
          severity: e.severity,
        });
      }
      // The writer's list goes on with items of its own (政治立场、政治原则、政治方向、政治纪律): another list, whose
      // order and length are the writer's to choose.
      const t = ctx.doc.text;
      const foreign =
        (t[end] === '、' && /[\u3400-\u9fff]/.test(t[end + 1] ?? '')) || (t[start - 1] === '、' && /[\u3400-\u9fff]/.test(t[start - 2] ?? ''));
      const ordered = e.ordered !== false && !foreign;
      const sorted = [...ids].sort((a, b) => a - b);
      const inOrder = ids.every((v, i) => v === sorted[i]);
      if (ordered && !inOrder && (chain.length >= 3 || chain.length === n)) {
        // Report (and rewrite) only the stretch from the first to the last misplaced item, keeping the separators.
        const lo = chain.findIndex((m, k) => m.idx !== sorted[k]);
        let hi = chain.length - 1;
        while (hi > lo && chain[hi].idx === sorted[hi]) hi--;
        const s0 = chain[lo].offset;
        const e0 = chain[hi].offset + chain[hi].length;
        let fix: Fix | undefined;
        if (!chain.some(m => m.damaged !== undefined)) {
          let out = '';
          let pos = s0;
          for (let k = lo; k <= hi; k++) {
            out += ctx.doc.text.slice(pos, chain[k].offset) + e.items[sorted[k]];
            pos = chain[k].offset + chain[k].length;
          }
          fix = smallestFix(ctx.doc.text.slice(s0, e0), out, s0);
        }
        ctx.report({
          offset: s0,
          length: e0 - s0,
          message: e.message ?? `固定排列的顺序有误，规范顺序为“${sorted.map(i => e.items[i]).join('、')}”`,
          fix,
          expected: full,
          source,
          severity: e.severity,
        });
        return;
      }
      const minItems = e.minItems ?? (n === 2 ? 2 : Math.max(3, n - 1));
      // One item left out between the first and the last (创新、协调、开放、共享): the list is the fixed one, cut.
      const interior = n >= 4 && chain.length === n - 1 && ids.includes(0) && ids.includes(n - 1);
      if (e.complete === false || chain.length >= n || (chain.length < minItems && !interior) || !inOrder) return;
      // Completeness that applies only from a date (四个自信 since 2016) needs the document's date.
      if (e.from) {
        const d = ctx.documentDate;
        if (!d || docMonthRange(d).last < monthRange(e.from).first) return;
      }
      const missing = items.map((_, i) => i).filter(i => !ids.includes(i));
      // A missing item named elsewhere in the same sentence (“把生态文明建设……融入经济建设、政治建设……”) is not missing.
      const sentence = ctx.doc.sentences.find(x => x.offset <= start && end <= x.offset + x.length);
      if (sentence && missing.some(i => normalize(sentence.text).includes(items[i]))) return;
      // An unrecognised item where the missing one belongs (…、领导引领力、思想引领力…): point at it, no fix.
      if (missing.length === 1 && e.itemMatch !== 'suffix') {
        const mi = missing[0];
        const want = e.items[mi];
        let at: { offset: number; length: number } | undefined;
        if (mi === 0 && ctx.doc.text[start - 1] && /[、,，]/.test(ctx.doc.text[start - 1])) {
          let s = start - 1;
          while (s > 0 && start - 1 - s < want.length && /[\u3400-\u9fff]/.test(ctx.doc.text[s - 1])) s--;
          if (s < start - 1) at = { offset: s, length: start - 1 - s };
        } else if (mi === n - 1 && /^[、,，]/.test(ctx.doc.text.slice(end))) {
          let e2 = end + 1;
          while (e2 < ctx.doc.text.length && e2 - end - 1 < want.length && /[\u3400-\u9fff]/.test(ctx.doc.text[e2])) e2++;
          if (e2 > end + 1) at = { offset: end + 1, length: e2 - end - 1 };
        }
        if (at) {
          const actual = ctx.doc.text.slice(at.offset, at.offset + at.length);
          ctx.report({
            offset: at.offset,
            length: at.length,
            message: e.message ?? `固定排列“${full}”中此处应为“${want}”，写作“${actual}”，请核对`,
            expected: want,
            source,
            severity: e.severity,
          });
          return;
        }
      }
      let fix: Fix | undefined;
      if (missing.length === 1 && e.itemMatch !== 'suffix') {
        const mi = missing[0];
        const after = chain.filter(m => m.idx < mi).pop();
        const before = chain.find(m => m.idx > mi)!;
        if (after && before) {
          const gap = ctx.doc.text.slice(after.offset + after.length, before.offset);
          const sep = /^[、，,]$/.test(gap) ? gap : '、';
          fix = { offset: after.offset + after.length, length: 0, text: sep + e.items[mi] };
        } else if (after) fix = { offset: after.offset + after.length, length: 0, text: '、' + e.items[mi] };
        else fix = { offset: before.offset, length: 0, text: e.items[mi] + '、' };
      }
      ctx.report({
        offset: start,
        length: end - start,
        message: e.message ?? `固定排列缺少${missing.map(i => `“${e.items[i]}”`).join('、')}，完整表述为“${full}”`,
        fix,
        expected: full,
        source,
        severity: e.severity,
      });
    }
  },
};
