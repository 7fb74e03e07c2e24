import { testRule } from '../helpers/ruleTester';
import { collocation } from '../../src/rules/formulation/collocation';

testRule(collocation, {
  valid: [
    // Verbs that share no position with a standard verb, or terms outside a group, are not guessed at.
    '要强化“四个意识”。',
    '感悟初心使命，践行新发展理念，推进新发展理念落地。',
    '增强“四个意识”、树牢“四个意识”、牢固树立“四个意识”。',
    '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    '深刻领会“两个确立”的决定性意义，坚决做到“两个维护”',
    '增强做到“两个维护”的政治自觉',
    '切实将“两个确立”的政治成果转化做到“两个维护”的政治自觉',
    '统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局',
  ],
  invalid: [
    {
      name: 'a listed wrong verb that is another term’s standard verb names that term (牢固树立 of 四个意识)',
      text: '我们牢固树立“四个自信”。',
      errors: [{ line: 1, column: 3, length: 4, message: '搭配不当：“牢固树立”是“四个意识”的搭配，规范搭配为“坚定‘四个自信’”' }],
      output: '我们坚定“四个自信”。',
    },
    {
      name: 'a listed wrong verb of no other term says the term does not take it',
      text: '坚定中华民族共同体意识。',
      errors: [{ line: 1, column: 1, length: 2, message: '搭配不当：“中华民族共同体意识”前不用“坚定”，规范搭配为“铸牢‘中华民族共同体意识’”' }],
      output: '铸牢中华民族共同体意识。',
    },
    {
      name: 'a verb one character from the standard verb of a fixed requirement (not listed as wrong)',
      text: '要增进“四个意识”，坚定“四个自信”。',
      errors: [{ line: 1, column: 2, length: 2, message: '搭配不当：“增进”与规范动词“增强”差一个字，规范搭配为“增强‘四个意识’”' }],
      output: '要增强“四个意识”，坚定“四个自信”。',
    },
    {
      name: 'near verbs of 两个维护 and 四个自信',
      text: '切实做好“两个维护”，坚持“四个自信”。',
      errors: [
        { line: 1, column: 3, length: 2, message: '“做好”与规范动词“做到”差一个字' },
        { line: 1, column: 12, length: 2, message: '“坚持”与规范动词“坚定”差一个字' },
      ],
      output: '切实做到“两个维护”，坚定“四个自信”。',
    },
    {
      name: 'a near four-character verb of an overall layout',
      text: '统筹推动“五位一体”总体布局。',
      errors: [{ line: 1, column: 1, length: 4, message: '“统筹推动”与规范动词“统筹推进”差一个字' }],
      output: '统筹推进“五位一体”总体布局。',
    },
    {
      name: 'verbs of two terms swapped',
      text: '进一步坚定“四个意识”、增强“四个自信”',
      errors: [
        { line: 1, column: 4, length: 2, message: '增强‘四个意识’' },
        { line: 1, column: 13, length: 2, message: '坚定‘四个自信’' },
      ],
      output: '进一步增强“四个意识”、坚定“四个自信”',
    },
    {
      name: 'wrong verb for 两个确立',
      text: '第一行\n要做到“两个确立”',
      errors: [{ line: 2, column: 2, length: 2, message: '深刻领悟' }],
      output: '第一行\n要深刻领悟“两个确立”',
    },
    {
      name: 'layouts swapped',
      text: '统筹推进“四个全面”战略布局',
      errors: [{ line: 1, column: 1, length: 4 }],
      output: '协调推进“四个全面”战略布局',
    },
  ],
});
