// wording/typo's fill index (built once a process has tried FILL_INDEX_AFTER positions) must find exactly the slips
// the plain search finds: compared run by run on the seeds and on sentences with slips of every kind.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findSlips, setFillIndexAfter, SlipLookups } from '../../src/rules/wording/_lib/typo-candidates';
import { loadSegmenter } from '../../src/segmenter';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');

describe('wording/typo: the fill index finds what the plain search finds', function () {
  this.timeout(120000);
  after(() => setFillIndexAfter(3000));

  it('on the seeds and on sentences with slips', () => {
    const seg = loadSegmenter().segmenter!;
    const lexicon = seg.lexicon!()!;
    const lookups: SlipLookups = { lexicon, isWord: w => seg.isWord!(w), lookAlikes: ch => ({ 具: '俱', 谢: '懈', 问: '间' })[ch] ?? '', ignore: new Set(), functionChars: '的地得了着过是在有和与及以已之其' };
    const texts = [
      ...fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt')).map(f => fs.readFileSync(path.join(SEEDS, f), 'utf8')),
      '可能会撞上垃圾筒，做好防迅抗旱工作，抓好役情防控工作，坚决打赢脱贫功坚战，大力支持民营企叶发展，完善基础设失建设。',
      '及时向市委汇抱工作，推进城乡一体话发展，我们要与时具进，委员们坚持不谢地履职尽责，一如往地，一如既既往。',
    ];
    const runs = texts.flatMap(t => t.split(/[^\u3400-\u9fff]+/)).filter(r => r.length >= 2);
    const slipsOf = () => runs.map(r => JSON.stringify(findSlips(r, seg.cut(r), lookups)));
    setFillIndexAfter(Infinity);
    const plain = slipsOf();
    setFillIndexAfter(0);
    const indexed = slipsOf();
    assert.ok(plain.filter(s => s !== '[]').length >= 8, 'the sentences have slips');
    for (let i = 0; i < runs.length; i++) assert.strictEqual(indexed[i], plain[i], runs[i]);
  });
});
