// A worker of the CLI's pool (see pool.ts): takes the next file index from the shared counter, lints the file with
// the rules that need no segmenter, exactly as the main thread would (same config search, ignore, size limit and
// decoding: lintTarget), and posts the result back. Ends with { op: 'end' } when no file is left.
import { parentPort, workerData } from 'worker_threads';
import { allRules } from '../lint';
import { setVerdictStore } from '../host/regex-safety';
import { CliConfigs, lintTarget, SegmenterHolder } from './main';
import { NodeFileSystem } from '../host/nodefs';
import { POOL_KIND, PoolMessage, PoolWorkerData } from './pool';
import { VerdictCache } from './verdict-cache';
import { setParagraphMemos } from '../core/memo';

async function serve(data: PoolWorkerData): Promise<void> {
  const port = parentPort!;
  setParagraphMemos(data.memos);
  const ids = new Set(data.ruleIds);
  const all = allRules();
  const rules = all.filter(r => ids.has(r.meta.id));
  // Pack-regex verdicts from the cache (read only: the main thread saves it).
  setVerdictStore(VerdictCache.open(process.env));
  const resolver = new CliConfigs(new NodeFileSystem(), data.explicitConfig, data.overrides, all.map(r => r.meta.id));
  const seg = new SegmenterHolder(() => ({ error: 'no segmenter in a pool worker', loadMs: 0 }));
  const io = { cwd: data.cwd } as Parameters<typeof lintTarget>[1];
  for (;;) {
    const index = Atomics.add(data.next, 0, 1);
    if (index >= data.targets.length) break;
    let msg: PoolMessage;
    try {
      const linted = await lintTarget(data.targets[index], io, data.opts, resolver, seg, rules);
      if (linted?.complete) linted.complete();
      msg = {
        op: 'file',
        index,
        linted: linted && { result: linted.result, notices: linted.notices, timings: linted.timings, setupMs: linted.setupMs, chars: linted.chars },
      };
    } catch (e) {
      msg = { op: 'file', index, error: (e as Error).message };
    }
    port.postMessage(msg);
  }
  port.postMessage({ op: 'end' } satisfies PoolMessage);
}

const data = workerData as PoolWorkerData | null;
if (data?.kind === POOL_KIND && parentPort) void serve(data);
