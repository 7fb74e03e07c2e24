import { testRule } from '../helpers/ruleTester';
import { collocation } from '../../src/rules/formulation/collocation';

testRule(collocation, {
  valid: [
    '增强“四个意识”、坚定“四个自信”、做到“两个维护”',
    '深刻领会“两个确立”的决定性意义，坚决做到“两个维护”',
    '增强做到“两个维护”的政治自觉',
    '切实将“两个确立”的政治成果转化做到“两个维护”的政治自觉',
    '统筹推进“五位一体”总体布局、协调推进“四个全面”战略布局',
  ],
  invalid: [
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
