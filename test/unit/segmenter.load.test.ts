// The segmenter: loads the compact dictionary, keeps 政协 terms whole, gives UTF-16 offsets, knows its words,
// reports a missing dictionary as an error instead of throwing, and the committed compact dictionary is what
// scripts/build-dict.ts builds.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadSegmenter, JiebaSegmenter, dictDir } from '../../src/segmenter';
import { buildCompact, readWordList, stockDictPath } from '../../scripts/build-dict';

describe('segmenter', () => {
  let seg: JiebaSegmenter;
  before(() => {
    const r = loadSegmenter();
    assert.strictEqual(r.error, undefined);
    seg = r.segmenter as JiebaSegmenter;
    assert.ok(seg);
  });

  it('loads the compact dictionary by default', () => {
    assert.strictEqual(seg.variant, 'compact');
    assert.ok(seg.dictionarySize > 30000 && seg.dictionarySize < 60000, `size ${seg.dictionarySize}`);
  });

  it('returns the same segmenter on a second call', () => {
    assert.strictEqual(loadSegmenter().segmenter, seg);
  });

  it('keeps 政协 terms whole', () => {
    const text = '发挥专门协商机构作用，做好社情民意信息工作，加强界别协商和提案办理，推动建言资政和凝聚共识双向发力，提升委员履职能力，深化协商议政。';
    const words = seg.cut(text).map(t => t.word);
    for (const term of ['专门协商机构', '社情民意信息', '界别协商', '提案办理', '建言资政', '凝聚共识', '双向发力', '委员履职', '协商议政']) {
      assert.ok(words.includes(term), `${term} should be one token: ${words.join('|')}`);
    }
    assert.ok(seg.cut('委员履职').map(t => t.word).includes('委员履职'));
    assert.ok(seg.cut('各界别群众').some(t => t.word === '界别群众'));
  });

  it('cuts each run between punctuation on its own (cppjieba falls back to single characters after 、 and ideographic spaces)', () => {
    assert.deepStrictEqual(
      seg.cut('社会、打好三大攻坚战').map(t => t.word),
      ['社会', '、', '打好', '三大', '攻坚', '战'],
    );
    assert.deepStrictEqual(
      seg.cut('\u3000\u3000一是认真学习').map(t => [t.word, t.offset]),
      [['\u3000', 0], ['\u3000', 1], ['一是', 2], ['认真', 4], ['学习', 6]],
    );
    // The same run gives the same tokens wherever it stands (runs are cached).
    assert.deepStrictEqual(seg.cut('，打好三大攻坚战').map(t => t.offset), [0, 1, 3, 5, 7]);
  });

  it('gives offsets in UTF-16 code units that cover the text', () => {
    const text = '围绕𠀀生态文明 建设，GDP增长5.2%😀。';
    const toks = seg.cut(text);
    let pos = 0;
    for (const t of toks) {
      assert.strictEqual(text.slice(t.offset, t.offset + t.word.length), t.word);
      assert.ok(t.offset >= pos);
      pos = t.offset + t.word.length;
    }
    assert.strictEqual(toks.map(t => t.word).join(''), text);
    assert.deepStrictEqual(seg.cut('建设建设').map(t => [t.word, t.offset]), [['建设', 0], ['建设', 2]]);
  });

  it('survives lone surrogates and empty text', () => {
    assert.deepStrictEqual(seg.cut(''), []);
    const text = '建设\ud800发展';
    for (const t of seg.cut(text)) assert.strictEqual(text.slice(t.offset, t.offset + t.word.length), t.word);
  });

  it('knows dictionary words and 政协 terms', () => {
    assert.strictEqual(seg.isWord('未成年人'), true);
    assert.strictEqual(seg.isWord('建设'), true);
    assert.strictEqual(seg.isWord('专门协商机构'), true);
    assert.strictEqual(seg.isWord('委委'), false);
    assert.strictEqual(seg.isWord('未成年入'), false);
  });

  it('adds words at run time', () => {
    assert.strictEqual(seg.isWord('滨海新区政协'), false);
    seg.addWords(['滨海新区政协']);
    assert.strictEqual(seg.isWord('滨海新区政协'), true);
    assert.ok(seg.cut('滨海新区政协坚持').some(t => t.word === '滨海新区政协'));
  });

  it('returns an error, not an exception, when a dictionary file is missing or empty', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dl-dict-'));
    try {
      const r = loadSegmenter({ dictDir: dir });
      assert.strictEqual(r.segmenter, undefined);
      assert.match(r.error!, /无法加载分词器 nodejieba：分词词典文件缺失/);
      for (const f of ['compact.dict.utf8', 'zhengxie.user.utf8', 'stop_words.min.utf8']) fs.copyFileSync(path.join(dictDir(), f), path.join(dir, f));
      fs.writeFileSync(path.join(dir, 'idf.min.utf8'), '');
      const r2 = loadSegmenter({ dictDir: dir });
      assert.match(r2.error!, /分词词典文件为空（idfDict）/);
      // The shipped segmenter still works afterwards.
      assert.deepStrictEqual(seg.cut('提案办理').map(t => t.word), ['提案办理']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the committed compact dictionary is what scripts/build-dict builds', () => {
    const dir = dictDir();
    const built = buildCompact(fs.readFileSync(stockDictPath(), 'utf8'), readWordList(path.join(dir, 'zhengxie.user.utf8')));
    const committed = fs.readFileSync(path.join(dir, 'compact.dict.utf8'), 'utf8');
    assert.ok(built.text === committed, 'compact.dict.utf8 is stale: run node out/scripts/build-dict.js');
    assert.strictEqual(built.words, committed.split('\n').filter(Boolean).length);
    // Every 政协 term is in the compact dictionary.
    for (const w of readWordList(path.join(dir, 'zhengxie.user.utf8'))) assert.ok(committed.includes('\n' + w + ' ') || committed.startsWith(w + ' '), w);
  });
});
