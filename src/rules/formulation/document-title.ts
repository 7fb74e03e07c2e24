// 认真学习《中共中央关于新时代加强和改善人民政协工作的意见》 → 《……加强和改进人民政协工作的意见》 (a misquoted title in 《》).
import type { Rule } from '../../core/types';
import { editDistance, entriesOf, normalize, sameContent, smallestFix, TitleEntry } from './_lib/pack-entries';
import { findPhraseHits } from './_lib/phrase-matcher';

/** Issuers and prefixes shared by many titles; the rest of a title is what tells it from the others. */
const GENERIC_PREFIX = /^(中华人民共和国|中共中央办公厅\s*国务院办公厅|中共中央\s*国务院|中共中央|中国共产党|国务院|习近平)/;

interface TitleForm {
  entry: TitleEntry;
  text: string;
  norm: string;
  /** The distinctive part (without the issuer prefix). */
  core: string;
}

/** Character bigrams of a text (as a multiset in a map). */
function bigrams(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

/** Dice similarity of two texts' bigrams (1 = the same bigrams). */
function dice(a: string, b: string): number {
  const A = bigrams(a);
  const B = bigrams(b);
  let common = 0;
  for (const [k, v] of A) common += Math.min(v, B.get(k) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * common) / total;
}

/** Edits tolerated in a title's distinctive part of this length. */
function tolerance(len: number): number {
  return len < 5 ? 1 : len <= 10 ? 1 : len <= 18 ? 2 : 3;
}

export const documentTitle: Rule = {
  meta: {
    id: 'formulation/document-title',
    category: 'formulation',
    defaultSeverity: 'warning',
    description: '书名号内的文件、法规、书籍名称与原名不符',
    docs:
      '对照规则包中的名称清单（kind 为 title 的条目：中央文件、党内法规、法律、常被引用的著作），检查书名号《》内的名称：与清单中某个名称几乎相同但有出入（错字、漏字、多字、词序颠倒）时报告，并给出原名。' +
      '比较时先去掉“中华人民共和国”“中共中央”“中国共产党”等发文机关前缀，只比较名称中有区分作用的部分；这部分很短时（如“监察法”）只接受末字不同的笔误，以免把另一部法律（“立法法”）当成误写。' +
      '与清单中任何一个名称完全相同的不报告；书名号后面的“第三卷”等不在比较范围内。',
    examples: [
      { bad: '认真学习《中共中央关于加强人民政协协商民主建设的实施办法》', good: '认真学习《中共中央关于加强人民政协协商民主建设的实施意见》' },
      { bad: '学习《习近平谈治国理政》第四卷和《中国人民政治协商会议章则》', good: '学习《习近平谈治国理政》第四卷和《中国人民政治协商会议章程》' },
    ],
    fixable: true,
  },
  check(ctx) {
    const entries = entriesOf(ctx.packs, 'title');
    if (!entries.length) return;
    const forms = ctx.packs.memo('formulation:titles', () => {
      const out: TitleForm[] = [];
      for (const e of entries)
        for (const t of [e.text, ...(e.variants ?? [])]) {
          const norm = normalize(t).replace(/\s+/g, '');
          out.push({ entry: e, text: t, norm, core: norm.replace(GENERIC_PREFIX, '') });
        }
      return out;
    });
    const exact = ctx.packs.memo('formulation:title-set', () => new Set(forms.map(f => f.norm)));
    let phraseHits: ReturnType<typeof findPhraseHits> | undefined;
    for (const q of ctx.doc.quotes) {
      if (q.openMark !== '《' || q.closeMark !== '》') continue;
      const raw = ctx.doc.masked.slice(q.open + 1, q.close);
      const inner = normalize(raw).replace(/\s+/g, '');
      if (inner.length < 3 || exact.has(inner) || /[。！？\n]/.test(inner)) continue;
      const core = inner.replace(GENERIC_PREFIX, '');
      let best: { f: TitleForm; d: number } | undefined;
      for (const f of forms) {
        if (Math.abs(f.norm.length - inner.length) > 4) continue;
        const k = tolerance(f.core.length);
        let d = editDistance(core, f.core, k);
        if (d > k) {
          // Words moved about: nearly the same bigrams and the same length.
          if (f.core.length >= 10 && core.length === f.core.length && dice(core, f.core) >= 0.8 && [...core].sort().join('') === [...f.core].sort().join('')) d = k;
          else continue;
        }
        if (d === 0) {
          // Only the issuer differs (中共中央 / 中国共产党): another document or an abbreviation, not a slip.
          continue;
        }
        // A short name (监察法, 民法典): only a slip in its last character (宪去 for 宪法); the same last character
        // with another name before it is another law (立法法).
        if (f.core.length < 5 && (core[core.length - 1] === f.core[f.core.length - 1] || core.length !== f.core.length)) continue;
        if (f.core.length >= 5) {
          let head = 0;
          while (head < core.length && core[head] === f.core[head]) head++;
          let tail = 0;
          while (tail < core.length - head && core[core.length - 1 - tail] === f.core[f.core.length - 1 - tail]) tail++;
          if (head + tail < Math.ceil(f.core.length / 2)) continue;
        }
        if (!best || d < best.d) best = { f, d };
      }
      if (!best) continue;
      // A title that is also a canonical phrase (中国人民政治协商会议章程) is reported once, by canonical-phrase.
      phraseHits ??= findPhraseHits(ctx.doc, ctx.packs);
      if (phraseHits.some(h => h.offset < q.close && q.open + 1 < h.offset + h.length)) continue;
      const want = best.f.entry.text;
      const grammatical = sameContent(inner, best.f.norm);
      const fixable = raw === inner || raw.replace(/\s+/g, '') === inner;
      ctx.report({
        offset: q.open + 1,
        length: raw.length,
        message:
          best.f.entry.message ??
          (grammatical ? `《${raw}》与原名只差虚词，文件名称宜照原文书写：《${want}》` : `《${raw}》与原名不符，应为《${want}》`),
        fix: fixable && !/\s/.test(raw) ? smallestFix(raw, want, q.open + 1) : undefined,
        expected: want,
        source: best.f.entry.source ?? best.f.entry.note,
        severity: grammatical ? 'info' : best.f.entry.severity,
      });
    }
  },
};
