// 以助推……行动为主线,以提升协商效能为主线 → “为主线”在一句中出现两次 (info).
import type { Rule } from '../../core/types';
import { stringList, type KeyNoun } from './_lib/word-helpers';

/** Sentence ends (semicolons too), ASCII forms included for pasted text; a soft line break in Markdown does not end a sentence. */
const SENTENCE_END = /[。！？!?；;]/;

/** What follows a key phrase that describes a noun: 的 at once or after a short verb (为核心的体系, 为主题建设的大桥),
 *  or after a coordinated 以……为…… of the same noun (以联合国为核心、以国际法为基础的国际体系). */
const ATTRIBUTIVE = /^(?:[^，,；;。！？!?：:、]{0,3}的|、以[^，,；;。！？!?：:]{1,30}?为[^，,；;。！？!?：:、]{1,5}的)/;

export const repeatedKeyNoun: Rule = {
  meta: {
    id: 'wording/repeated-key-noun',
    category: 'wording',
    defaultSeverity: 'info',
    description: '一句中重复出现只应有一个的关键词组（如两个“为主线”）',
    docs:
      '“以……为主线”“以……为统领”“以……为核心”等词组在一句中只应出现一次；同一句中出现两次，往往是改稿时新旧表述并存或笔误，' +
      '例如“以助推实施滨海新区高质量发展支撑引领行动为主线,以提升协商效能为主线”。只检查规则包 wording.keyNouns 中列出的词组，普通的重复不报；修饰名词的（后接“的”：“以爱国主义为核心的民族精神和以改革创新为核心的时代精神”“以规则为主题建设的大桥”“以联合国为核心、以国际法为基础的国际体系”）各有各的中心语，不计。不自动修复。选项：phrases（另外要检查的词组，如 ["为总基调"]）。',
    examples: [{ bad: '以助推高质量发展为主线，以提升协商效能为主线，强化机制。' }],
    schema: { type: 'object', additionalProperties: false, properties: { phrases: { type: 'array', items: { type: 'string', minLength: 1 }, description: '另外要检查的关键词' } } },
    fixable: false,
    paragraphLocal: true,
  },
  check(ctx) {
    const nouns: { phrase: string; note?: string }[] = [
      ...ctx.packs.field<Omit<KeyNoun, 'pack'>>('wording', 'keyNouns'),
      ...stringList(ctx.options.phrases).map(phrase => ({ phrase })),
    ];
    if (!nouns.length) return;
    for (const p of ctx.doc.paragraphs) {
      let start = 0;
      const t = p.text;
      for (let i = 0; i <= t.length; i++) {
        if (i < t.length && !SENTENCE_END.test(t[i])) continue;
        const sentence = t.slice(start, i);
        for (const n of nouns) {
          if (sentence.indexOf(n.phrase) < 0) continue;
          // Only the phrase as the predicate of the sentence counts: describing a noun it stands in the noun's modifier,
          // and two such nouns each have their core (以爱国主义为核心的民族精神和以改革创新为核心的时代精神).
          let first = -1;
          // A longer key phrase that contains this one (为根本遵循 ⊃ 为根本) is checked on its own.
          for (let at = sentence.indexOf(n.phrase); at >= 0; at = sentence.indexOf(n.phrase, at + n.phrase.length)) {
            if (ATTRIBUTIVE.test(sentence.slice(at + n.phrase.length, at + n.phrase.length + 40))) continue;
            if (first < 0) {
              first = at;
              continue;
            }
            ctx.report({
              offset: p.offset + start + at,
              length: n.phrase.length,
              message: `同一句中“${n.phrase}”出现两次${n.note ? `（${n.note}）` : ''}，请核对是否为笔误或新旧表述并存`,
              related: [{ offset: p.offset + start + first, length: n.phrase.length, message: `第一处“${n.phrase}”` }],
            });
          }
        }
        start = i + 1;
      }
    }
  },
};
