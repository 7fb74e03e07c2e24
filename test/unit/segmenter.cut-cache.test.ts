import * as assert from 'assert';
import { cutByRuns, remember } from '../../src/segmenter';

describe('segmenter: the cache of recent cuts is bounded by characters too (docs/performance.md, 第十五轮)', () => {
  it('drops the oldest entries once the keys pass 64,000 characters, keeping the newest', () => {
    const cache = new Map<string, number>();
    for (let i = 0; i < 200; i++) remember(cache, String(i).padStart(4, '0') + '字'.repeat(996), i);
    assert.strictEqual(cache.size, 64);
    assert.deepStrictEqual([...cache.values()].slice(0, 2), [136, 137]);
    assert.strictEqual([...cache.values()].pop(), 199);
  });

  it('still keeps up to 10,000 short entries, and starts counting again after clear()', () => {
    const cache = new Map<string, number>();
    for (let i = 0; i < 10050; i++) remember(cache, String(i), i);
    assert.strictEqual(cache.size, 10000);
    cache.clear();
    for (let i = 0; i < 60; i++) remember(cache, 'x'.repeat(1000) + i, i);
    assert.strictEqual(cache.size, 60);
  });

  it('a hit moves the run to the newest end without counting it twice', () => {
    const cache = new Map<string, { word: string; offset: number }[]>();
    let cuts = 0;
    const cut = (run: string) => {
      cuts++;
      return [run];
    };
    const long = '甲'.repeat(30000);
    cutByRuns(long + '。' + '乙'.repeat(30000), cut, cache);
    for (let i = 0; i < 20; i++) cutByRuns(long, cut, cache);
    assert.strictEqual(cuts, 2);
    assert.strictEqual(cache.size, 2);
    cutByRuns('丙'.repeat(5000), cut, cache);
    // 65,000 characters: the oldest (乙…) goes, the run hit last (甲…) stays.
    assert.deepStrictEqual([...cache.keys()].map(k => k[0]), ['甲', '丙']);
  });
});
