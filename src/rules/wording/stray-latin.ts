// 学习贯彻“七一”重要讲话精神 and 中共十九届六中全会精神 → …精神和中共十九届六中全会精神; 5G、APP、GDP、PM2.5 are fine.
import type { Rule } from '../../core/types';
import { isCjkPunct, isHan } from '../../core/document';
import { QuoteCursor, stringField, stringList } from './_lib/word-helpers';
import { trimEndChars } from '../../core/trim';

const LATIN_RUN = /[A-Za-z0-9][A-Za-z0-9.\-+&'’_]*/g;
const ASCII_PUNCT = ',;:!?.';

/** The nearest non-space character before `i` (index), or -1. */
function prevNonSpace(t: string, i: number): number {
  let k = i - 1;
  while (k >= 0 && (t[k] === ' ' || t[k] === '\u3000' || t[k] === '\t')) k--;
  return k;
}

function nextNonSpace(t: string, i: number): number {
  let k = i;
  while (k < t.length && (t[k] === ' ' || t[k] === '\u3000' || t[k] === '\t')) k++;
  return k < t.length ? k : -1;
}

/** A side of a Latin word counts as Chinese when it is a Han character or punctuation (CJK or ASCII). */
function chineseSide(ch: string | undefined): 'han' | 'punct' | undefined {
  if (!ch) return undefined;
  if (isHan(ch)) return 'han';
  if (isCjkPunct(ch) || ASCII_PUNCT.includes(ch)) return 'punct';
  return undefined;
}

export const strayLatin: Rule = {
  meta: {
    id: 'wording/stray-latin',
    category: 'wording',
    defaultSeverity: 'warning',
    description: '中文句子中夹杂英文单词（如“精神 and 中共”）',
    docs:
      '中文句子中出现的小写英文单词（两侧都是汉字或标点）通常是输入法或翻译残留，如“……讲话精神 and 中共十九届六中全会精神”。' +
      '全大写缩写（GDP、APEC、WTO）、含数字的词（5G、PM2.5、N95）、单个字母（A股、B超）、带内部大写的产品名（iPhone）、括号、书名号或引号内的外文，以及规则包 wording.latinAllowlist 中的词（APP、Wi-Fi、logo 等）不报；紧接在 wording.latinNameLeads 中的词（网友、用户、昵称）后的外文是网名或账号，也不报。' +
      '常见英文虚词（and、or、with、of 等，见 wording.latinReplacements）可自动改为中文。选项：allow（另外允许的外文词，不区分大小写）。',
    examples: [{ bad: '讲话精神 and 中共十九届六中全会精神', good: '讲话精神和中共十九届六中全会精神' }],
    schema: { type: 'object', additionalProperties: false, properties: { allow: { type: 'array', items: { type: 'string', minLength: 1 }, description: '允许出现的英文词（不区分大小写）' } } },
    fixable: true,
    paragraphLocal: true,
  },
  check(ctx) {
    const allow = ctx.packs.memo('wording.latinAllowlist', () => new Set(stringField(ctx.packs, 'latinAllowlist').map(s => s.toLowerCase())));
    const repl = ctx.packs.memo('wording.latinReplacements', () => {
      const m = new Map<string, string>();
      for (const r of ctx.packs.field<{ word: string; replacement: string }>('wording', 'latinReplacements')) m.set(r.word.toLowerCase(), r.replacement);
      return m;
    });
    const extra = new Set(stringList(ctx.options.allow).map(s => s.toLowerCase()));
    const nameLeads = ctx.packs.memo('wording.latinNameLeads', () => stringField(ctx.packs, 'latinNameLeads'));
    let quoted: QuoteCursor | undefined; // built on the first candidate: most documents have none
    for (const p of ctx.doc.paragraphs) {
      const t = p.text;
      if (!/[A-Za-z]/.test(t)) continue;
      LATIN_RUN.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LATIN_RUN.exec(t))) {
        const raw = trimEndChars(m[0], ".-+&'’_");
        const w = raw;
        if (!/[A-Za-z]/.test(w) || /\d/.test(w) || !/^[A-Za-z]+$/.test(w) || w.length < 2) continue;
        const lower = w.toLowerCase();
        if (allow.has(lower) || extra.has(lower)) continue;
        if (w === w.toUpperCase()) continue; // acronym
        if (/[A-Z]/.test(w.slice(1))) continue; // iPhone, WeChat
        if (/^[A-Z]/.test(w) && !repl.has(lower)) continue; // a capitalised name
        const before = prevNonSpace(t, m.index);
        const after = nextNonSpace(t, m.index + w.length);
        const sb = chineseSide(before >= 0 ? t[before] : undefined);
        const sa = chineseSide(after >= 0 ? t[after] : undefined);
        if (!sb || !sa || (sb !== 'han' && sa !== 'han')) continue;
        // A name, screen name or account after the word that announces it (网友angela说): not a stray word.
        if (!repl.has(lower) && nameLeads.some(l => t.slice(Math.max(0, before + 1 - l.length), before + 1) === l)) continue;
        const off = p.offset + m.index;
        if ((quoted ??= new QuoteCursor(ctx.doc, '（(《“‘「『【〔')).inside(off)) continue;
        const r = repl.get(lower);
        // The fix replaces the word and the spaces that set it off from the Chinese text around it.
        const fixStart = sb === 'han' ? before + 1 : m.index;
        const fixEnd = sa === 'han' ? after : m.index + w.length;
        // The finding covers the word with the spaces that set it off (they go too when it is fixed).
        ctx.report({
          offset: p.offset + fixStart,
          length: fixEnd - fixStart,
          message:
            r === undefined
              ? `中文句子中夹有英文单词“${w}”，应改用中文表述（专有名词可加入规则包 wording.latinAllowlist）`
              : r === ''
                ? `中文句子中夹有英文单词“${w}”，应删去`
                : `中文句子中夹有英文单词“${w}”，应写作“${r}”`,
          fix: r === undefined ? undefined : { offset: p.offset + fixStart, length: fixEnd - fixStart, text: r },
          expected: r,
        });
      }
    }
  },
};
