import * as assert from 'assert';
import { testRule, onlyRule } from '../helpers/ruleTester';
import { doubledMark } from '../../src/rules/punctuation/doubled-mark';
import { lint, fixAll } from '../../src/lint';

testRule(doubledMark, {
  valid: [
    // A word that begins with 等 after a 顿号 is a list item, not the list's closing 等.
    '要跑腿、垫资、等待报销款。文物数量之多、等级之高，前所未有。停一停、等一等。',
    '全年开展调研、视察、协商等活动80余次。',
    '立题、蹲点、座谈、走访、撰写、论证……一份份调研报告',
    '强化“六个工作机制”——',
    '这是为什么？！',
    '真的吗！？',
    '以下四个省略号表示段落省略：…………',
    '版本 1.2.3 已发布',
    'wait... what',
    '“商”出特色。”',
  ],
  invalid: [
    {
      name: 'a 顿号 before the list-closing 等',
      text: '全年开展调研、视察、协商、等活动80余次，涉及教育、医疗、等6个方面。',
      errors: [
        { line: 1, column: 13, length: 2, message: '“等”前多了顿号' },
        { line: 1, column: 29, length: 2, message: '“等”前多了顿号' },
      ],
      output: '全年开展调研、视察、协商等活动80余次，涉及教育、医疗等6个方面。',
    },
    {
      name: 'a 顿号 before 等 at the end of a clause',
      text: '助学、助医、助老、等。',
      errors: [{ line: 1, column: 9, length: 2, message: '“等”前多了顿号' }],
      output: '助学、助医、助老等。',
    },
    { name: 'doubled full stop', text: '推动专门协商机构“商”出特色。。', errors: [{ line: 1, column: 16, length: 1, message: '句号重复' }], output: '推动专门协商机构“商”出特色。' },
    { name: 'tripled commas', text: '协商议政，，，建言资政', errors: [{ line: 1, column: 6, length: 2, message: '逗号重复' }], output: '协商议政，建言资政' },
    { name: 'doubled 顿号', text: '助学、、助医', errors: [{ line: 1, column: 4, length: 1 }], output: '助学、助医' },
    { name: 'doubled exclamation', text: '政协在行动！！', errors: [{ line: 1, column: 7, length: 1, message: '叹号重复' }], output: '政协在行动！' },
    { name: 'half-width twins after Chinese count too', text: '协商议政,,建言资政', errors: [{ line: 1, column: 6, length: 1 }], output: '协商议政,建言资政' },
    { name: 'comma then full stop: conflict, no automatic fix', text: '助学、助医、助老等，。', errors: [{ line: 1, column: 10, length: 2, message: '逗号和句号连用' }] },
    { name: '顿号 then comma', text: '港口、，区位', errors: [{ line: 2 - 1, column: 3, length: 2, message: '顿号和逗号' }] },
    { name: 'single ellipsis', text: '座谈…一份份调研报告', errors: [{ line: 1, column: 3, length: 1, message: '此处为 1 个' }], output: '座谈……一份份调研报告' },
    { name: 'three ellipses', text: '座谈………一份份', errors: [{ line: 1, column: 3, length: 3 }], output: '座谈……一份份' },
    { name: '。。。 as an ellipsis', text: '调研、座谈。。。等', errors: [{ line: 1, column: 6, length: 3, message: '不是规范的省略号' }], output: '调研、座谈……等' },
    { name: 'ASCII dots after Chinese', text: '调研、座谈...等', errors: [{ line: 1, column: 6, length: 3 }], output: '调研、座谈……等' },
    { name: 'second line', text: '第一行。\n第二行；；', errors: [{ line: 2, column: 5, length: 1, message: '分号重复' }], output: '第一行。\n第二行；' },
  ],
});

describe('punctuation/doubled-mark suggestions', () => {
  it('offers each of two conflicting marks as the one to keep', () => {
    const r = lint('助学、助医、助老等，。', onlyRule(doubledMark));
    assert.deepStrictEqual(r.diagnostics[0].suggestions, [
      { offset: 9, length: 2, text: '，' },
      { offset: 9, length: 2, text: '。' },
    ]);
  });
  it('fixing a long run of ellipses is stable in one pass', () => {
    const text = '省略' + '…'.repeat(51) + '结束';
    const r = fixAll(text, onlyRule(doubledMark));
    assert.strictEqual(r.output, '省略……结束');
    assert.strictEqual(r.passes, 1);
  });
});
