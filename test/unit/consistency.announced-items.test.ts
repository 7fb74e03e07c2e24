import { testRule } from '../helpers/ruleTester';
import { announcedItems } from '../../src/rules/consistency/announced-items';

testRule(announcedItems, {
  valid: [
    '在“学、思、践、悟”上下功夫。\n\n在“学”上下功夫，读原著。\n\n在“思”上下功夫，深思考。\n\n在“践”上下功夫，抓落实。\n\n在“悟”上下功夫，悟原理。',
    { name: 'one item taken up is no series', text: '在“学、思、践、悟”上下功夫，尤其在“践”上用力。' },
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
  ],
});
