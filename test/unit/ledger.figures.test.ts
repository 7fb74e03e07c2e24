// The figure ledger: subject, value, unit, qualifiers, year and place of every stated quantity.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentModel } from '../../src/core/document';
import { figureLedger } from '../../src/core/ledger';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');

function rows(text: string) {
  return figureLedger(new DocumentModel(text)).map(e => [e.subject, e.value, e.unit ?? '', e.qualifiers.join('|'), e.year ?? null, `${e.line}:${e.column}`]);
}

describe('ledger: figureLedger', () => {
  it('subjects before and after the figure, with the section year', () => {
    const text = '一、2019年主要工作\n全年700余名市政协委员参加政协活动10171人次,提交提案1043件,经审查立案1008件。召开11次座谈会。\n三、2020年工作安排\n举办2期常委培训班。';
    assert.deepStrictEqual(rows(text), [
      ['', 2019, '年', '', 2019, '1:3'],
      ['市政协委员', 700, '名', '余', 2019, '2:3'],
      ['市政协委员参加政协活动', 10171, '人次', '', 2019, '2:19'],
      ['提交提案', 1043, '件', '', 2019, '2:31'],
      ['立案', 1008, '件', '', 2019, '2:42'],
      ['召开座谈会', 11, '次', '', 2019, '2:50'],
      ['', 2020, '年', '', 2020, '3:3'],
      ['举办常委培训班', 2, '期', '', 2020, '4:3'],
    ]);
  });
  it('the year stated in the sentence wins over the section year', () => {
    const r = figureLedger(new DocumentModel('一、2019年主要工作\n2018年立案交办提案864件。'));
    const e = r.find(x => x.value === 864)!;
    assert.strictEqual(e.subject, '立案交办提案');
    assert.strictEqual(e.year, 2018);
    assert.strictEqual(e.yearSource, 'sentence');
  });
  it('立案交办提案864件 twice in seed 001, after 以来 and after ;', () => {
    const text = fs.readFileSync(path.join(SEEDS, '001_76cb290b9bbe94ad.txt'), 'utf8');
    const hits = figureLedger(new DocumentModel(text, { path: '001.txt' })).filter(e => e.value === 864);
    assert.deepStrictEqual(
      hits.map(e => [e.subject, e.raw, e.line]),
      [
        ['立案交办提案', '864件', 51],
        ['立案交办提案', '864件', 70],
      ],
    );
  });
  it('marks figures inside quotations and titles', () => {
    const r = figureLedger(new DocumentModel('增强“四个意识”,学习《关于2019年的13个问题》,建立28个党支部。'));
    assert.deepStrictEqual(
      r.map(e => [e.raw, e.quoted, e.inTitle]),
      [
        ['四个', true, false],
        ['2019年', false, true],
        ['13个', false, true],
        ['28个', false, false],
      ],
    );
  });
  it('prints every figure of seed 000 with a line and column', () => {
    const text = fs.readFileSync(path.join(SEEDS, '000_1656f37454b725e0.txt'), 'utf8');
    const r = figureLedger(new DocumentModel(text, { path: '000.txt' }));
    assert.ok(r.length > 80, `only ${r.length} entries`);
    const e = r.find(x => x.raw === '1043件')!;
    assert.deepStrictEqual([e.subject, e.line, e.year], ['提交提案', 38, 2019]);
    for (const x of r) assert.strictEqual(text.slice(x.offset, x.offset + x.length), x.raw);
  });
});
