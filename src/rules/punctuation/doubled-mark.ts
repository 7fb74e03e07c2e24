// 出特色。。 → 出特色。 ; 建议，。 → 建议。 (suggested): doubled or conflicting marks; …… and —— are correct.
import type { PackSet } from '../../core/packs';
import type { Fix, Rule, RuleContext } from '../../core/types';
import { alternatives } from '../../core/heading-words';
import { isZh, prevVisible } from './_lib/marks';

const FULL = '。，、；：！？';
const HALF_EQ: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？' };
const NAMES: Record<string, string> = { '。': '句号', '，': '逗号', '、': '顿号', '；': '分号', '：': '冒号', '！': '叹号', '？': '问号' };
/** 1 for the code unit of every mark in FULL and HALF_EQ (norm answers undefined for every other character at once). */
const MARK_CODES = new Uint8Array(65536);
for (const m of [...FULL, ...Object.keys(HALF_EQ)]) MARK_CODES[m.charCodeAt(0)] = 1;
/** Combinations GB/T 15834 allows: ？！ and ！？ (question with strong feeling). */
const ALLOWED = new Set(['？！', '！？']);

/** What follows a list-closing 等 (not a word that begins with 等: 等待, 等级, 等量): a mark, the end, 等 again, a count
 *  (等6个方面, 等多项) or a noun that sums up the list (等方面, 等活动, 等单位: the pack's wording.listClosingNouns). */
function dengTail(packs: PackSet): RegExp {
  return packs.memo('punctuation.doubled-mark.deng-tail', () => {
    const nouns = packs.words('wording', 'listClosingNouns');
    const count = '[\\d０-９一二三四五六七八九十两几多数百千万余]+(?:个|项|类|种|家|所|名|位|人|件|次|场|条|批|大|方面)';
    return new RegExp(`^(?:$|[，。；：、）)”’！？]|等|${count}${nouns.length ? `|(?:${alternatives(nouns)})` : ''})`);
  });
}

export const doubledMark: Rule = {
  meta: {
    id: 'punctuation/doubled-mark',
    category: 'punctuation',
    defaultSeverity: 'error',
    description: '标点重复或冲突（。。 ，。 ！！ 、、 等），以及不规范的省略号',
    docs:
      '同一位置连用两个点号，多是录入或修改时留下的：相同的标点重复（。。 ，， 、、 ！！）可自动删去多余的一个；' +
      '不同的标点冲突（，。 、， ；。 等）需要判断保留哪一个，编辑器中提供两个修改建议。问号和叹号连用（？！ ！？）是允许的。' +
      '列举后的“等”前面不用顿号（“调研、视察、协商、等活动”应为“调研、视察、协商等活动”；“等待”“等级”等以“等”开头的词前的顿号不报告）。' +
      '省略号应为两个“…”（……，六个点，标示段落省略时可用四个“…”），单个“…”、三个“…”或用“。。。”“...”代替省略号都会报告。破折号“——”不报告。',
    examples: [
      { bad: '推动专门协商机构“商”出特色。。', good: '推动专门协商机构“商”出特色。' },
      { bad: '助学、助医、助老等，。', good: '助学、助医、助老等。' },
      { bad: '立题、蹲点、座谈…一份份调研报告', good: '立题、蹲点、座谈……一份份调研报告' },
    ],
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const { doc } = ctx;
    for (const p of doc.paragraphs) {
      const t = p.text;
      // Normalised marks: half-width twins count when they follow Chinese text.
      const norm = (i: number): string | undefined => {
        if (MARK_CODES[t.charCodeAt(i)] === 0) return undefined;
        const ch = t[i];
        if (FULL.includes(ch)) return ch;
        if (HALF_EQ[ch] && isZh(prevVisible(t, i))) return HALF_EQ[ch];
        return undefined;
      };
      let i = 0;
      while (i < t.length) {
        // Ellipsis: runs of … (or 。。。 / ... standing for one).
        if (t[i] === '…') {
          let j = i;
          while (t[j] === '…') j++;
          const n = j - i;
          if (n !== 2 && n !== 4) {
            ctx.report({
              offset: p.offset + i,
              length: n,
              message: `省略号应为两个“…”连用（……），此处为 ${n} 个“…”`,
              fix: n === 1 ? { offset: p.offset + i + 1, length: 0, text: '…' } : { offset: p.offset + i + 2, length: n - 2, text: '' },
              expected: '……',
              source: 'GB/T 15834—2011 4.11',
            });
          }
          i = j;
          continue;
        }
        const dots = t[i] === '。' || t[i] === '.' ? /^(?:。{3,}|\.{3,})/.exec(t.slice(i, i + 12)) : null;
        if (dots && (dots[0][0] === '。' || isZh(prevVisible(t, i)))) {
          ctx.report({
            offset: p.offset + i,
            length: dots[0].length,
            message: `“${dots[0]}”不是规范的省略号，应改为“……”`,
            fix: { offset: p.offset + i, length: dots[0].length, text: '……' },
            expected: '……',
            source: 'GB/T 15834—2011 4.11',
          });
          i += dots[0].length;
          continue;
        }
        // 调研、视察、协商、等活动: 等 closes the list itself, the 顿号 before it is one mark too many (not 、等待, 、等级).
        if (t[i] === '、' && t[i + 1] === '等' && dengTail(ctx.packs).test(t.slice(i + 2, i + 8))) {
          ctx.report({
            offset: p.offset + i,
            length: 2,
            message: '“等”前多了顿号：列举后的“等”直接接在最后一项后面（“调研、视察、协商等活动”），应删去“、”',
            fix: { offset: p.offset + i, length: 1, text: '' },
            expected: '等',
            source: 'GB/T 15834—2011 4.5',
          });
          i += 2;
          continue;
        }
        const a = norm(i);
        if (!a) {
          i++;
          continue;
        }
        // Once a run has started, its half-width twins count without further context.
        const inRun = (k: number): string | undefined => (FULL.includes(t[k]) ? t[k] : HALF_EQ[t[k]]);
        let j = i + 1;
        while (j < t.length && inRun(j)) j++;
        if (j - i >= 2) {
          const run = t.slice(i, j);
          const normed = a + [...run.slice(1)].map((_, k) => inRun(i + 1 + k)!).join('');
          if (!ALLOWED.has(normed)) reportRun(ctx, p.offset + i, run, normed);
        }
        i = j;
      }
    }
  },
};

/** Reports a run of two or more marks: a repeated mark (fixable) or conflicting marks (suggestions). */
function reportRun(ctx: RuleContext, offset: number, run: string, normed: string): void {
  const distinct = [...new Set(normed)];
  if (distinct.length === 1) {
    const mark = distinct[0];
    ctx.report({
      offset: offset + 1,
      length: run.length - 1,
      message: `${NAMES[mark]}重复（“${run}”），应只用一个“${mark}”`,
      fix: { offset: offset + 1, length: run.length - 1, text: '' },
      expected: mark,
      source: 'GB/T 15834—2011',
    });
    return;
  }
  // Conflicting marks: offer each one as the mark to keep; no automatic fix.
  const suggestions: Fix[] = distinct.map(m => ({ offset, length: run.length, text: m }));
  ctx.report({
    offset,
    length: run.length,
    message: `标点冲突：“${run}”中${distinct.map(m => NAMES[m]).join('和')}连用，应只保留一个`,
    suggestions,
    source: 'GB/T 15834—2011',
  });
}
