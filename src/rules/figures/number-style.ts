// “建立13个联络站……设立十三个工作室” → 同一文稿计数应统一写法；“约30个左右” → 删去“左右”；“3,500” → 3500.
import { proseRegister } from '../../core/register';
import type { Rule, RuleContext } from '../../core/types';
import { toChineseInt } from '../../core/numbers';
import { isLabelNumber, LedgerEntry, ledger } from './_lib/figure-helpers';

const SKIP_UNITS = new Set(['年', '月', '周', '天', '周年', '届', '岁']);

/** True when the qualifier `q` written at `offset` is the end of a word of the pack's figures.qualifierWords (签约, 附近). */
function closesWord(ctx: RuleContext, offset: number, q: string): boolean {
  const words = ctx.packs.memo('figures-qualifier-words', () => ctx.packs.field<string>('figures', 'qualifierWords').map(String));
  const t = ctx.doc.text;
  return words.some(w => w.endsWith(q) && t.startsWith(w, offset + q.length - w.length));
}

function fixedPhrases(ctx: RuleContext): string[] {
  return ctx.packs.memo('figures-fixed', () => ctx.packs.field<string>('figures', 'fixedPhrases').map(String));
}

/** A headline or subhead: a short line with no sentence mark (一百九十项创新举措推出 / 共七百六十二处，含一百三十八处革命文物). */
function headlineLike(ctx: RuleContext, e: LedgerEntry): boolean {
  const t = ctx.doc.paragraphs[e.paragraphIndex]?.text.trim() ?? '';
  return t.length <= 40 && !/[。！？!?；;：:]/.test(t);
}

/** Counts whose style matters: plain integers ≥ 10 in prose, outside quotes, titles and fixed phrases. In news and
 *  features the headlines keep their own style (汉字 in 二十条稳外资措施将出台 over a body that writes 20条). */
function styleCandidate(ctx: RuleContext, e: LedgerEntry, fixed: string[], informal: boolean): boolean {
  if (e.kind !== 'count' || e.quoted || e.inTitle || e.qualifiers.length || e.value < 10 || !Number.isInteger(e.value)) return false;
  if (informal && headlineLike(ctx, e)) return false;
  if (!e.unit || SKIP_UNITS.has(e.unit)) return false;
  // A span of months (前十一个月) is a duration, like the 年 and 月 above.
  if (e.unit === '个' && ctx.doc.text[e.numberOffset + e.numberText.length + 1] === '月') return false;
  if (e.style === 'chinese' && (!/^[一二三四五六七八九十百零两]+$/.test(e.numberText) || e.numberText === '十')) return false;
  // Lunar dates (正月十五期间) and ordinals (第十三期, 中央军校十三期) are names, not counts.
  if (isLabelNumber(ctx, e)) return false;
  const around = ctx.doc.text.slice(Math.max(0, e.offset - 6), e.offset + e.length + 6);
  return !fixed.some(f => around.includes(f) && f.includes(e.numberText));
}

export const numberStyle: Rule = {
  meta: {
    id: 'figures/number-style',
    category: 'figures',
    defaultSeverity: 'warning',
    description: '数字用法不统一或不规范（GB/T 15835—2011）：计数混用汉字和阿拉伯数字、概数词重复、千分撇',
    docs:
      '依据 GB/T 15835—2011《出版物上数字用法》：\n\n' +
      '- 同一文稿中十以上的计数应统一写法，不要此处“13个”、彼处“十三个”；以多数写法为准提示少数写法，可自动改写。引号内的固定说法（“四个意识”“两个维护”）、届次、“第N次会议”、书名号内的文字、年数、月数（十一个月）、以数字命名的单位（十二支队）和规则包 figures.fixedPhrases 中的说法不检查；十以下的数字习惯上可用汉字，也不检查；新闻、特写的标题和副题（没有句末标点的短行）有自己的写法（“二十条稳外资措施将出台”），不与正文比较。\n' +
      '- 概数词重复：“约……左右”“近……左右”“超过……以上”“超过……余/多”，意思重复，删去后一个（可自动修复）。\n' +
      '- 中文行文中的千分撇“3,500”（提示，可改为 3500）。全角数字由 format/full-width-alnum 检查。',
    examples: [
      { bad: '建立13个委员工作室……设立十三个联络站', good: '建立13个委员工作室……设立13个联络站' },
      { bad: '约30个左右', good: '约30个' },
      { bad: '超过3,500件以上', good: '超过3500件' },
    ],
    fixable: true,
  },
  check(ctx) {
    const entries = ledger(ctx);
    const fixed = fixedPhrases(ctx);
    // (1) Mixed styles for counts.
    const informal = proseRegister(ctx) === 'informal';
    const cands = entries.filter(e => styleCandidate(ctx, e, fixed, informal));
    const arabic = cands.filter(e => e.style === 'arabic');
    const chinese = cands.filter(e => e.style === 'chinese');
    if (arabic.length && chinese.length) {
      const useArabic = arabic.length >= chinese.length;
      const minority = useArabic ? chinese : arabic;
      const majority = useArabic ? arabic : chinese;
      const example = majority[0];
      const formal = proseRegister(ctx) === 'formal';
      const sameUnit = (e: LedgerEntry) => majority.some(m => m.unit === e.unit);
      for (const e of minority) {
        const text = useArabic ? String(e.value) : toChineseInt(e.value);
        const canFix = useArabic || /^[一二三四五六七八九十百零]+$/.test(text);
        ctx.report({
          offset: e.numberOffset,
          length: e.numberText.length,
          message: `计数写法不统一：此处用${useArabic ? '汉字' : '阿拉伯数字'}“${e.raw}”，文中多数用${useArabic ? '阿拉伯数字' : '汉字'}（如“${example.raw}”），建议写作“${text}”`,
          expected: text,
          fix: canFix ? { offset: e.numberOffset, length: e.numberText.length, text } : undefined,
          related: [{ offset: example.offset, length: example.length, message: '多数写法' }],
          // The same thing counted both ways (13个委员工作室 … 十三个联络站) in a formal document is a slip; a count
          // of another kind written the other way, or mixed styles in news and features, is a style hint.
          severity: formal && sameUnit(e) ? undefined : 'info',
        });
      }
    }
    // A draft that uses the ASCII comma as Chinese punctuation (“1043件,经审查”) cannot tell 12,300 from “12, 300”.
    const asciiCommaProse = /,[\u4e00-\u9fff]/.test(ctx.doc.masked);
    for (const e of entries) {
      if (e.inTitle) continue;
      const q = e.qualifiers;
      // (2) Redundant qualifiers: drop the trailing one.
      const pairs: [string, string][] = [
        ['约', '左右'],
        ['约', '上下'],
        ['近', '左右'],
        ['超过', '以上'],
        ['超过', '余'],
        ['超过', '多'],
        ['逾', '以上'],
      ];
      const pair = pairs.find(([a, b]) => q.includes(a as never) && q.includes(b as never));
      // The leading qualifier closes a word with the character before it (签约10户左右, 附近20家左右): no qualifier.
      if (pair && !closesWord(ctx, e.offset, pair[0])) {
        const rel = e.raw.lastIndexOf(pair[1]);
        if (rel > 0) {
          ctx.report({
            offset: e.offset + rel,
            length: pair[1].length,
            message: `“${pair[0]}”与“${pair[1]}”重复表示概数：“${e.raw}”应删去“${pair[1]}”（或“${pair[0]}”）`,
            fix: { offset: e.offset + rel, length: pair[1].length, text: '' },
            related: [{ offset: e.offset, length: pair[0].length, message: pair[0] }],
          });
        }
      }
      // (3) Thousands separators in prose (full-width digits: format/full-width-alnum).
      const t = e.numberText;
      const rel = e.numberOffset;
      if (!asciiCommaProse && /^\d{1,3}(,\d{3})+(\.\d+)?/.test(t) && !/\d/.test(ctx.doc.text[rel + t.length] ?? '')) {
        const plain = t.replace(/,/g, '');
        ctx.report({
          offset: rel,
          length: t.length,
          severity: 'info',
          message: `中文行文中的数字一般不用千分撇：“${t}”可写作“${plain}”`,
          expected: plain,
          fix: { offset: rel, length: t.length, text: plain },
        });
      }
    }
  },
};
