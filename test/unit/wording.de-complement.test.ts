import { testRule } from '../helpers/ruleTester';
import { deComplement } from '../../src/rules/wording/de-complement';
import { loadSegmenter } from '../../src/segmenter';

const cases = {
  valid: [
    '全市经济发展得很快，日子过得越来越好。',
    { name: 'quantities: a 的 phrase (what can be done is limited; those who go are few)', text: '我们能做的很有限。当年上学的很少。' },
    { name: 'words that end in 的', text: '目的很明确，真的很好，有的很大。' },
    { name: 'a noun after the predicate: 的 opens a noun phrase', text: '取得的很大成绩，发展的更大优势。' },
    { name: 'a head the pack does not list', text: '这件事考虑的很扎实。' },
    { name: 'a predicate that does not close the clause', text: '发展的很快速度令人惊叹。' },
  ],
  invalid: [
    {
      name: 'a verb and 很 + predicate closing the clause',
      text: '一年来，各项工作落实的很好。',
      errors: [{ line: 1, column: 9, length: 5, message: '“落实的很好”中“的”应为“得”：动词、形容词后接程度补语（很好）用“得”，即“落实得很好”' }],
      output: '一年来，各项工作落实得很好。',
    },
    {
      name: 'two in one sentence, with 越来越 and 更加',
      text: '日子过的越来越好，乡村变的更加美丽。',
      errors: [
        { line: 1, column: 3, length: 6, message: '即“过得越来越好”' },
        { line: 1, column: 12, length: 6, message: '即“变得更加美丽”' },
      ],
      output: '日子过得越来越好，乡村变得更加美丽。',
    },
    {
      name: 'a curated head and complement (推进, 扎实) with 非常',
      text: '各项工作推进的非常扎实，成效明显。',
      errors: [{ line: 1, column: 5, length: 7, message: '即“推进得非常扎实”' }],
      output: '各项工作推进得非常扎实，成效明显。',
    },
    {
      name: 'a single-character head before the end of the paragraph',
      text: '委员们履职尽责，做的很好',
      errors: [{ line: 1, column: 9, length: 4, message: '即“做得很好”' }],
      output: '委员们履职尽责，做得很好',
    },
  ],
};

describe('wording/de-complement without the segmenter', () => testRule(deComplement, cases));
describe('wording/de-complement with the segmenter', () => testRule(deComplement, cases, { segmenter: loadSegmenter().segmenter }));
