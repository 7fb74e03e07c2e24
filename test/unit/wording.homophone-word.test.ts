import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { testRule } from '../helpers/ruleTester';
import { homophoneWord } from '../../src/rules/wording/homophone-word';
import { dictDir, loadSegmenter } from '../../src/segmenter';
import { HOMOPHONES_FILE, homophonesFileFor, LEXICON_FILE, parseHomophones } from '../../src/segmenter/lexicon';
import { homophoneFileText, homophoneLines } from '../../scripts/build-homophone-words';

const segmenter = loadSegmenter().segmenter!;

testRule(
  homophoneWord,
  {
    valid: [
      '深入开展专项整治行动。',
      '加快建立绿色技术创新体系。',
      { name: 'a name cut apart: a character alone before the word (韩正 + 副总理)', text: '同韩正副总理共同主持会议。' },
      { name: 'the document writes the word again: the writer means it', text: '深入开展专项争执行动。双方的争执由调解委员会处理。' },
      { name: 'option ignore (the written word)', text: '深入开展专项争执行动。', options: { ignore: ['争执'] } },
      { name: 'option ignore (the word meant)', text: '深入开展专项争执行动。', options: { ignore: ['整治'] } },
      { name: 'no neighbour of two characters or more', text: '争执。' },
      { name: 'a counted thing is no slip (numerals are not looked up)', text: '主要做了四项工作。' },
    ],
    invalid: [
      {
        name: 'both neighbours go with the homophone (专项整治, 整治行动): a warning',
        text: '深入开展专项争执行动。',
        errors: [{ line: 1, column: 7, length: 2, severity: 'warning', message: '疑为同音词误用：“争执”应为“整治”（报刊常写“专项整治”“整治行动”，“争执”少见）' }],
        output: '深入开展专项整治行动。',
      },
      {
        name: 'one neighbour only (技术创新): a hint; the fix changes both characters',
        text: '加快建立绿色疾书创新体系。',
        errors: [{ line: 1, column: 7, length: 2, severity: 'info', message: '“疾书”应为“技术”（报刊常写“技术创新”' }],
        output: '加快建立绿色技术创新体系。',
      },
      {
        name: 'one character differs: the fix replaces that character only',
        text: '不断推动高质量发展，更佳完善社会主义市场经济体制。',
        errors: [{ line: 1, column: 11, length: 2, message: '“更佳”应为“更加”（报刊常写“更加完善”' }],
        output: '不断推动高质量发展，更加完善社会主义市场经济体制。',
      },
    ],
  },
  { segmenter },
);

describe('wording/homophone-word data (typo.homophones.utf8)', () => {
  it('the shipped file is the one scripts/build-homophone-words.ts builds from the shipped lexicon', () => {
    const lexFile = path.join(dictDir(), LEXICON_FILE);
    const shipped = fs.readFileSync(path.join(dictDir(), HOMOPHONES_FILE), 'utf8');
    assert.strictEqual(shipped, homophoneFileText(fs.readFileSync(lexFile, 'utf8'), LEXICON_FILE));
    assert.strictEqual(homophonesFileFor(lexFile), path.join(dictDir(), HOMOPHONES_FILE));
  });

  it('lists a rare word with its frequent homophones only, and skips numerals', () => {
    const lex = [
      '=ji 技疾计',
      '=shu 术书数',
      '=si 四思',
      '=xiang 项想',
      '技术 5000 30000 n',
      '疾书 3 17 n',
      '计数 300 900 v',
      '四项 23 692 m',
      '思想 3000 15000 n',
    ].join('\n');
    assert.deepStrictEqual(homophoneLines(lex), ['疾书 技术 计数']);
    const at = parseHomophones(homophoneLines(lex).join('\n'));
    assert.deepStrictEqual(at('绿色疾书创新', 2), ['技术', '计数']);
    assert.strictEqual(at('绿色疾书创新', 0), undefined);
    assert.strictEqual(at('疾', 0), undefined);
  });
});
