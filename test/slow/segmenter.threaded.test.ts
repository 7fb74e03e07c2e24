// The CLI's worker-thread segmenter (src/segmenter/threaded.ts) cuts exactly like the one loaded on the main
// thread, knows the same words, forwards added words, and the CLI's findings do not depend on which is used.
// (The texts avoid the packs' userWords: other tests may have added them to the main-thread segmenter.)
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';
import { loadSegmenter } from '../../src/segmenter';
import { startThreadedSegmenter } from '../../src/segmenter/threaded';

const ROOT = path.join(__dirname, '../../..');

describe('segmenter on a worker thread (CLI)', function () {
  this.timeout(60000);

  it('cuts and knows words exactly like the main-thread segmenter, and takes added words', () => {
    const local = loadSegmenter();
    assert.ok(local.segmenter, local.error);
    const started = startThreadedSegmenter();
    assert.ok(started, 'the compiled worker script should start');
    try {
      const r = started!.finish();
      assert.ok(r.segmenter, r.error);
      assert.strictEqual(started!.finish(), r, 'finish() is memoised');
      const seg = r.segmenter!;
      for (const t of ['满足人民群众的的期盼，工作取得取得新进展', '认真落实市委委提出的要求', '未成年入权益司法保护', 'A股股票 and 政协委员', '']) {
        assert.deepStrictEqual(seg.cut(t), local.segmenter!.cut(t), t);
      }
      for (const w of ['人民群众', '期盼', '提拔', '提拨', '的的']) assert.strictEqual(seg.isWord(w), local.segmenter!.isWord(w), w);
      const add = (seg as typeof seg & { addWords(list: string[]): void }).addWords;
      add.call(seg, ['蓝莓果冻饮']);
      assert.ok(seg.isWord('蓝莓果冻饮'));
      assert.ok(seg.cut('喝蓝莓果冻饮吧').some(t => t.word === '蓝莓果冻饮'), 'the worker knows the added word');
    } finally {
      started!.dispose();
    }
  });

  it('dispose() right after the start, or right after adding words, waits until the worker is idle', () => {
    // A worker stopped (or a process exiting) while nodejieba is in native code aborts the whole process.
    const fresh = startThreadedSegmenter()!;
    assert.strictEqual(fresh.dispose(), 'idle');
    assert.strictEqual(fresh.dispose(), 'already');
    const used = startThreadedSegmenter()!;
    const seg = used.finish().segmenter as unknown as { addWords(list: string[]): void };
    seg.addWords(['青梅果冻饮', '白桃果冻饮']);
    assert.strictEqual(used.dispose(), 'idle');
  });

  it('a process that exits while the worker is still loading does not abort (run 40 times around the load)', () => {
    // Before dispose() waited, about 1 in 70 of these runs died with 'terminate called … Napi::Error'.
    const script = `const t = require(${JSON.stringify(path.join(ROOT, 'out/src/segmenter/threaded.js'))});
      const l = t.startThreadedSegmenter(); const end = Date.now() + Number(process.argv[1]); while (Date.now() < end); l.dispose();`;
    const failures: string[] = [];
    for (let i = 0; i < 40; i++) {
      const ms = 10 + (i % 20);
      const r = spawnSync(process.execPath, ['-e', script, String(ms)], { encoding: 'utf8', timeout: 30000 });
      if (r.status !== 0) failures.push(`${ms} ms: exit ${r.status} ${r.signal ?? ''} ${r.stderr.slice(0, 200)}`);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('the CLI gives the same JSON with and without the worker thread, from the bundle and from main.js', () => {
    // `npm run build` bundles the CLI (scripts/bundle-cli.ts); bin/draft-lint.js runs the bundle unless main.js is newer.
    const bundle = path.join(ROOT, 'out/src/cli/main.bundle.js');
    assert.ok(fs.existsSync(bundle), 'out/src/cli/main.bundle.js exists (npm run build)');
    assert.ok(fs.statSync(bundle).mtimeMs >= fs.statSync(path.join(ROOT, 'out/src/cli/main.js')).mtimeMs, 'the bundle is not older than main.js (npm run build)');
    const run = (env: Record<string, string>) =>
      execFileSync(process.execPath, [path.join(ROOT, 'bin/draft-lint.js'), '--format', 'json', path.join(ROOT, 'test/fixtures/seeds')], {
        env: { ...process.env, ...env },
        encoding: 'utf8',
        maxBuffer: 64 << 20,
      }).toString();
    const safe = (env: Record<string, string>) => {
      try {
        return run(env);
      } catch (e) {
        return String((e as { stdout?: string }).stdout);
      }
    };
    const threaded = safe({});
    const inline = safe({ DRAFT_LINT_SEGMENTER_THREAD: '0' });
    const unbundled = safe({ DRAFT_LINT_NO_BUNDLE: '1' });
    const unbundledInline = safe({ DRAFT_LINT_NO_BUNDLE: '1', DRAFT_LINT_SEGMENTER_THREAD: '0' });
    assert.ok(threaded.includes('wording/'), 'wording findings are present');
    assert.strictEqual(threaded, inline);
    assert.strictEqual(unbundled, inline);
    assert.strictEqual(unbundledInline, inline);
  });
});
