import { testRule } from '../helpers/ruleTester';
import { announcedItems } from '../../src/rules/consistency/announced-items';

testRule(announcedItems, {
  valid: [
    '在“学、思、践、悟”上下功夫。\n\n在“学”上下功夫，读原著。\n\n在“思”上下功夫，深思考。\n\n在“践”上下功夫，抓落实。\n\n在“悟”上下功夫，悟原理。',
    { name: 'one item taken up is no series', text: '在“学、思、践、悟”上下功夫，尤其在“践”上用力。' },
    { name: 'a counted formulation whose items agree', text: '实现“三个转变”：从注重数量向注重质量转变，从单向发力向双向发力转变，从被动应对向主动作为转变。' },
    { name: 'items numbered 一是 are counted elsewhere', text: '实现“三个转变”：一是从注重数量向注重质量转变，二是从单向发力向双向发力转变。' },
    { name: '即 with a 、 list is figures/count-mismatch’s', text: '实现“三个转变”，即由重数量向重质量转变、由重形式向重实效转变。' },
    { name: 'other clauses without the key word are not items', text: '坚持“四个注重”，即注重分类指导，力戒形式主义、官僚主义，注重减轻基层负担，注重开门抓教育，注重解决群众急难愁盼问题。' },
    { name: 'quoted items far away belong elsewhere', text: '在“学、思、践、悟”上下功夫。\n\n甲。\n\n乙。\n\n丙。\n\n丁。\n\n戊。\n\n己。\n\n庚。\n\n辛。\n\n壬。\n\n“思”与“学”并重。' },
  ],
  invalid: [
    {
      name: 'items taken up in another order',
      text: '在“学、思、践、悟”上下功夫。\n\n在“学”上下功夫，读原著。\n\n在“践”上下功夫，抓落实。\n\n在“思”上下功夫，深思考。',
      errors: [{ line: 7, column: 3, length: 1, message: '“思”出现在“践”之后' }],
    },
    {
      name: 'an item one character away from the announced one',
      text: '做到“懂政协、会协商、善议政”。\n\n一是“懂政协”，加强学习。\n\n二是“会协调”，提高能力。\n\n三是“善议政”，建真言。',
      errors: [{ line: 5, column: 4, length: 3, message: '“会协调”疑为“会协商”' }],
    },
    {
      name: '实现“三个转变” followed by two items: a note',
      text: '推动实现“三个转变”：从注重数量向注重质量转变，从单向发力向双向发力转变。',
      errors: [{ line: 1, column: 6, length: 4, severity: 'info', message: '含“转变”的2项' }],
    },
    {
      name: 'more items than the count: a warning',
      text: '坚持“两个统一”：坚持政治性与专业性统一，坚持协商与监督统一，坚持建言与凝聚共识统一。',
      errors: [{ line: 1, column: 4, length: 4, severity: 'warning', message: '含“统一”的3项' }],
    },
  ],
});
