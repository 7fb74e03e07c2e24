// 紧扣政治引领，在团结统战中凝聚共识。/ 紧扣民生福祉，在践行初心凝聚共识。/ 紧扣……，在建言资政中凝聚共识。 → the second lost 中.
import type { Rule } from '../../core/types';
import { trimEndChars } from '../../core/trim';

interface Item {
  /** The lead clause (a heading's title, or a paragraph's text up to its first 。), its parts split at ，, and where each starts. */
  parts: string[];
  starts: number[];
}

const LEAD_MAX = 32;

/** Splits a lead into its comma-separated parts with their document offsets. */
function split(text: string, offset: number): Item {
  const parts: string[] = [];
  const starts: number[] = [];
  let s = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[，,；;：:\s]/.test(text[i])) {
      if (i > s) {
        parts.push(text.slice(s, i));
        starts.push(offset + s);
      }
      s = i + 1;
    }
  }
  return { parts, starts };
}

/** Runs of parallel items: sibling headings, and runs of three or more paragraphs that open with a short lead clause. */
function runs(ctx: Parameters<Rule['check']>[0]): { runs: Item[][]; headingRuns: number } {
  const doc = ctx.doc;
  const out: Item[][] = [];
  // Sibling headings: same level, consecutive among the headings of that level under one parent.
  const hs = doc.paragraphs.filter(p => p.heading && p.heading.title);
  const byKey = new Map<string, Item[]>();
  let parentKey = '';
  for (const p of hs) {
    const h = p.heading!;
    if (h.level === 1) parentKey = String(p.index);
    const key = `${h.level}:${h.level === 1 ? '' : parentKey}:${h.numbering?.style ?? h.markdownLevel ?? ''}`;
    const title = trimEndChars(h.title, '。.！!');
    if (title.length > LEAD_MAX) continue;
    const off = doc.text.indexOf(title, h.offset);
    const l = byKey.get(key) ?? [];
    l.push(split(title, off < 0 ? h.offset : off));
    byKey.set(key, l);
  }
  for (const l of byKey.values()) if (l.length >= 3) out.push(l);
  const headingRuns = out.length;
  // Paragraph leads: text up to the first 。, short, in consecutive body paragraphs.
  let cur: Item[] = [];
  for (const p of doc.paragraphs) {
    const t = p.text.trimEnd();
    const lead = /^[\s\u3000]*([^。！？\n]{4,40})。/.exec(t);
    if (p.kind === 'paragraph' && lead && lead[1].length <= LEAD_MAX && /[，,]/.test(lead[1])) {
      cur.push(split(lead[1], p.offset + lead[0].indexOf(lead[1])));
    } else if (p.text.trim()) {
      if (cur.length >= 3 && openAlike(cur)) out.push(cur);
      cur = [];
    }
  }
  if (cur.length >= 3 && openAlike(cur)) out.push(cur);
  return { runs: out, headingRuns };
}

/**
 * Sibling headings written as four-character pairs (聚焦中心，建言献策 / 履职尽责，服务大局 / 凝心聚力，共谋发展)
 * with one whose parts are not (聚焦中心工作，建言献策): a note. Only headings, three or more, the others all of
 * the same shape (two or more parts of four characters); the odd one has as many parts, one of 3, 5 or 6
 * characters, or is one part of eight (the comma left out).
 */
function fourCharPairs(ctx: Parameters<Rule['check']>[0], items: Item[]): void {
  const shape = (i: Item) => i.parts.map(p => (/^[\u3400-\u9fff]+$/.test(p) ? p.length : -1));
  const shapes = items.map(shape);
  const k = shapes.map(s => s.length).sort((a, b) => a - b)[Math.floor(items.length / 2)];
  if (k < 2) return;
  const fits = (s: number[]) => s.length === k && s.every(x => x === 4);
  const odd = shapes.map((s, i) => (fits(s) ? -1 : i)).filter(i => i >= 0);
  if (odd.length !== 1 || items.length - 1 < 2) return;
  const s = shapes[odd[0]];
  const item = items[odd[0]];
  const off = s.filter(x => x !== 4);
  const near = (s.length === k && off.length === 1 && [3, 5, 6].includes(off[0])) || (k === 2 && s.length === 1 && s[0] === 8);
  if (!near) return;
  const start = item.starts[0];
  const end = item.starts[item.parts.length - 1] + item.parts[item.parts.length - 1].length;
  const sample = items.find((_, i) => i !== odd[0])!.parts.join('，');
  ctx.report({
    offset: start,
    length: end - start,
    message: `并列的同级标题都是四字一组（如“${sample}”），此标题“${ctx.doc.text.slice(start, end)}”不同，请核对是否统一句式`,
    severity: 'info',
  });
}

/** Paragraph leads are parallel only when they all open alike (紧扣……，紧扣……，紧扣……). */
function openAlike(items: Item[]): boolean {
  const first = items.map(i => i.parts[0] ?? '');
  return first.every(f => f.length >= 2 && f.slice(0, 2) === first[0].slice(0, 2));
}

/** Characters that carry a template (在……中, 以……为, ……的……): the ones worth checking for a gap. */
const STRUCTURAL = /[中为的上下里和与之以在于]/;

/** Longest common suffix of a list of strings. */
function commonSuffix(list: string[]): string {
  let s = list[0];
  for (const x of list) while (s && !x.endsWith(s)) s = s.slice(1);
  return s;
}

export const parallelPattern: Rule = {
  meta: {
    id: 'consistency/parallel-pattern',
    category: 'consistency',
    defaultSeverity: 'warning',
    description: '并列的标题或段首句套用同一句式，其中一个缺了句式中的字',
    docs:
      '工作报告常用并列的标题或段首句（“在团结统战中凝聚共识”“在建言资政中凝聚共识”“在践行初心中凝聚共识”；“以……为……”）。同级标题或连续三段以上的段首短句中，其余各项都符合同一句式、只有一项缺了句式中的一个字时报告：' +
      '各项同一位置的分句有共同的结尾（如“中凝聚共识”），这一项只差结尾的第一个字（写成“凝聚共识”）；或其余各项都是“在……中……”“以……为……”而这一项有“在”“以”却没有“中”“为”。' +
      '能确定缺的字和位置时提供修正（插入该字）。' +
      '同级标题三个以上、其余都是四字一组（“聚焦中心，建言献策”“履职尽责，服务大局”）而只有一个不是（某一组多了或少了字，或两组之间漏了逗号）时，作为提示报告。',
    examples: [
      { bad: '紧扣政治引领，在团结统战中凝聚共识。\n\n紧扣民生福祉，在践行初心凝聚共识。\n\n紧扣中心大局，在建言资政中凝聚共识。', good: '紧扣政治引领，在团结统战中凝聚共识。\n\n紧扣民生福祉，在践行初心中凝聚共识。\n\n紧扣中心大局，在建言资政中凝聚共识。' },
      { bad: '（一）聚焦中心，建言献策\n（二）履职尽责，服务大局\n（三）凝心聚力工作，共谋发展', good: '（一）聚焦中心，建言献策\n（二）履职尽责，服务大局\n（三）凝心聚力，共谋发展' },
    ],
    fixable: true,
  },
  check(ctx) {
    const { runs: all, headingRuns } = runs(ctx);
    all.slice(0, headingRuns).forEach(items => fourCharPairs(ctx, items));
    for (const items of all) {
      const n = Math.min(...items.map(i => i.parts.length));
      if (items.some(i => i.parts.length !== n)) continue;
      for (let k = 0; k < n; k++) {
        const col = items.map(i => i.parts[k]);
        for (let odd = 0; odd < items.length; odd++) {
          const others = col.filter((_, x) => x !== odd);
          const me = col[odd];
          const suffix = commonSuffix(others);
          if (suffix.length >= 3 && STRUCTURAL.test(suffix[0]) && !me.endsWith(suffix) && me.endsWith(suffix.slice(1)) && others.every(o => o.length > suffix.length)) {
            const missing = suffix[0];
            const at = items[odd].starts[k] + me.length - (suffix.length - 1);
            ctx.report({
              offset: items[odd].starts[k],
              length: me.length,
              message: `并列的各项都是“……${suffix}”，此项写作“${me}”，疑漏了“${missing}”`,
              fix: { offset: at, length: 0, text: missing },
            });
            break;
          }
          for (const [head, mid] of [['在', '中'], ['以', '为']] as const) {
            if (others.length >= 2 && others.every(o => o.startsWith(head) && o.indexOf(mid, 2) > 0) && me.startsWith(head) && me.indexOf(mid, 2) < 0 && me.length >= 4) {
              ctx.report({
                offset: items[odd].starts[k],
                length: me.length,
                message: `并列的各项都是“${head}……${mid}……”句式，此项“${me}”缺少“${mid}”`,
              });
            }
          }
        }
      }
    }
  },
};
