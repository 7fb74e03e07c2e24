// The extension's lint worker (src/vscode/lintWorker.ts, no vscode import) stops cleanly on 'shutdown': between two
// pieces of work, never inside nodejieba's native code. Worker.terminate() during the segmenter's load or a cut
// aborts the whole process ('terminate called after throwing … Napi::Error'), which in VS Code is the extension host.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { defaultConfig } from '../../src/core/types';
import type { WorkerReply } from '../../src/vscode/protocol';

const WORKER = path.join(__dirname, '../../src/vscode/lintWorker.js');

describe('vscode lint worker: shutdown', function () {
  this.timeout(120000);

  it('answers lints, then exits with code 0 on shutdown; work still queued then is dropped (the host has rejected it)', async () => {
    const w = new Worker(WORKER);
    const replies: WorkerReply[] = [];
    w.on('message', (m: WorkerReply) => replies.push(m));
    const text = '各位委员：\n推动专门协商机构“”出特色。\n'.repeat(50);
    const lintOnce = (id: number) => w.postMessage({ type: 'lint', id, key: 'a', text, config: defaultConfig(), packsId: 0 });
    lintOnce(1);
    await new Promise<void>(resolve => w.on('message', (m: WorkerReply) => m.type === 'lint' && resolve()));
    const lint = replies.find(r => r.type === 'lint') as Extract<WorkerReply, { type: 'lint' }>;
    assert.strictEqual(lint.diagnostics.filter(d => d.ruleId === 'punctuation/empty-pair').length, 50);
    w.postMessage({ type: 'shutdown', id: 0 });
    lintOnce(2);
    const code = await new Promise<number>(resolve => w.once('exit', resolve));
    assert.strictEqual(code, 0);
    assert.deepStrictEqual(
      replies.filter(r => r.type !== 'segmenter').map(r => r.type + ':' + (r as { id: number }).id),
      ['lint:1'],
    );
  });

  it('a host that stops the worker around the segmenter load never aborts and always exits 0 (12 processes)', () => {
    const script = `const { Worker } = require('worker_threads');
      const w = new Worker(${JSON.stringify(WORKER)});
      w.postMessage({ type: 'loadSegmenter', id: 0 });
      setTimeout(() => w.postMessage({ type: 'shutdown', id: 0 }), Number(process.argv[1]));
      w.on('exit', code => { process.exitCode = code; });`;
    const failures: string[] = [];
    for (let i = 0; i < 12; i++) {
      const ms = i * 12;
      const r = spawnSync(process.execPath, ['-e', script, String(ms)], { encoding: 'utf8', timeout: 60000 });
      if (r.status !== 0) failures.push(`${ms} ms: exit ${r.status} ${r.signal ?? ''} ${r.stderr.slice(0, 200)}`);
    }
    assert.deepStrictEqual(failures, []);
  });
});
