import { testRule } from '../helpers/ruleTester';
import { repeatedKeyNoun } from '../../src/rules/wording/repeated-key-noun';

/** One paragraph hard-wrapped at 20 characters (as copied from a PDF). */
const WRAPPED =
  '今年全区各项工作坚持以推动经济高质量发展\n为主线，以深化改革创新为主线，统筹推进经\n济建设、政治建设、文化建设、社会建设和生\n态文明建设，努力提高人民群众的生活水平。';

testRule(repeatedKeyNoun, {
  valid: [
    '滨海新区政协坚持以党的二十大精神为统领，以提升协商效能为主线，强化“六个工作机制”。',
    '以制造业为重点，以服务业为重点。',
    { name: 'two sentences, one 为主线 each', text: '以高质量发展为主线。以改革创新为主线。' },
    { name: 'two clauses split by a semicolon', text: '工业以A为主线；农业以B为主线。' },
    // Followed by 的, the phrase describes a noun of its own: two nouns, each with its core.
    { name: 'two attributive phrases', text: '弘扬以爱国主义为核心的民族精神和以改革创新为核心的时代精神。' },
    { name: 'an attributive phrase, then the predicate', text: '澳门唯一以民族雕塑为主题的展示园，通过以民族形象为主题创作的雕塑反映生活。' },
    { name: 'coordinated attributive phrases', text: '维护以联合国为核心、以国际法为基础的国际体系，维护以世界贸易组织为核心、以规则为基础的多边贸易体制。' },
    { name: 'a short verb before 的', text: '以“奥运之门”为主题建设的杏林堡大桥，以“冰雪五环”为主题建设的太子城大桥。' },
  ],
  invalid: [
    {
      name: 'seed 002 line 9',
      text: '滨海新区政协坚持以党的二十大精神为统领,以助推实施滨海新区高质量发展支撑引领行动为主线,以提升协商效能为主线,坚持发扬民主',
      errors: [{ line: 1, column: 52, length: 3, message: '同一句中“为主线”出现两次', severity: 'info' }],
    },
    {
      name: 'a hard-wrapped paragraph (.txt and .md alike): the wrap does not end the sentence',
      text: WRAPPED,
      errors: [{ line: 2, column: 12, length: 3 }],
    },
    { name: 'the same, as .md', text: WRAPPED, lint: { path: 'a.md' }, errors: [{ line: 2, column: 12, length: 3 }] },
    { name: 'option phrases', text: '以A为总基调，以B为总基调。', options: { phrases: ['为总基调'] }, errors: [{ line: 1, column: 10, length: 4 }] },
    { text: '第一行\n以A为核心，以B为核心，以C为核心。', errors: [{ line: 2, column: 9, length: 3 }, { line: 2, column: 15, length: 3 }] },
    {
      name: 'an attributive phrase does not hide two predicates',
      text: '以改革为核心的方案中，以A为核心，以B为核心。',
      errors: [{ line: 1, column: 20, length: 3, message: '同一句中“为核心”出现两次' }],
    },
  ],
});
