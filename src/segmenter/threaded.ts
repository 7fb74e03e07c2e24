// The segmenter loaded on a worker thread, for the CLI: nodejieba's dictionary load (≈85 ms of native code)
// runs on another core while the main thread loads the rules and runs the rules that need no segmenter.
// The rules call `cut` synchronously, so each call is a blocking round trip (postMessage + Atomics.notify both ways,
// receiveMessageOnPort); there are few of them (one per run of text that a rule wants cut; the main thread keeps
// the tokens, so a second rule cutting the same run does not ask again).
// `isWord` stays on the main thread (the same dictionary words, read from the same files).
// Anything unexpected (no worker support, the worker fails or does not answer) falls back to loading
// nodejieba on the main thread, so the findings never depend on which way it was loaded.
import * as fs from 'fs';
import * as path from 'path';
import { isMainThread, MessageChannel, MessagePort, receiveMessageOnPort, Worker, workerData } from 'worker_threads';
import type { Segmenter } from '../core/types';
import { dictDir, lexiconModule, loadSegmenter, readDictWords, remember, SegmenterEngine, SegmenterLoad } from './index';

const KIND = 'draft-lint-segmenter';
/** How long the main thread waits for the worker (load or one cut) before giving up on it. */
const WAIT_MS = 20000;

type Request = { op: 'cut'; text: string } | { op: 'add'; words: string[] } | { op: 'sync' };
type Reply =
  | { op: 'ready'; ok: boolean; error?: string; loadMs: number; engine?: SegmenterEngine; fallbackReason?: string }
  /** A cut's tokens as (offset, length) pairs in the text sent (each word is that slice of it: see placeWords); a flat
   *  Int32Array moves between threads far more cheaply than an array of objects. */
  | { op: 'cut'; packed?: Int32Array; error?: string }
  | { op: 'sync' };

/** A segmenter load started on a worker thread; `finish()` blocks until it is ready (or falls back). */
export interface ThreadedLoad {
  finish(): SegmenterLoad;
  /** True once the worker has answered (loaded or failed), without waiting: finish() will not block then. */
  poll(): boolean;
  /** Stops the worker (the segmenter must not be used afterwards). It first waits (bounded) until the worker is
   *  out of nodejieba's native code: a worker terminated — or a process exiting — while nodejieba loads its
   *  dictionary or adds words aborts the whole process ('terminate called after throwing … Napi::Error').
   *  Says how the worker was stopped: 'idle' (it had answered every request), 'unresponsive' (it did not answer
   *  in time), or 'already' (it had been stopped before). */
  dispose(): 'idle' | 'unresponsive' | 'already';
}

/** Loads whose worker may still be running (for quiesceSegmenterWorkers before a forced exit). */
const live = new Set<ThreadedLoad>();

/** Disposes every worker still running (waiting until each is out of native code); for process.exit paths. */
export function quiesceSegmenterWorkers(): void {
  for (const l of [...live]) l.dispose();
}

/** Starts loading the compact-dictionary segmenter on a worker thread; undefined when that is not possible. */
export function startThreadedSegmenter(): ThreadedLoad | undefined {
  const script = workerScript();
  if (!script) return undefined;
  let worker: Worker;
  let port: MessagePort;
  // flag[0]: the worker has replied; flag[1]: the main thread has sent a request.
  const flag = new Int32Array(new SharedArrayBuffer(8));
  try {
    const channel = new MessageChannel();
    port = channel.port1;
    worker = new Worker(script, { workerData: { kind: KIND, flag, port: channel.port2 }, transferList: [channel.port2], stdout: false, stderr: false });
    worker.unref();
    port.unref();
    // An error event after a fallback must not crash the process.
    worker.on('error', () => undefined);
  } catch {
    return undefined;
  }

  /** Sends a request and wakes the worker (which waits on flag[1], not in its event loop: a faster round trip). */
  const send = (m: Request) => {
    port.postMessage(m);
    Atomics.store(flag, 1, 1);
    Atomics.notify(flag, 1);
  };

  /** The next reply, or undefined when the worker does not answer in time. */
  const receive = (): Reply | undefined => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const m = receiveMessageOnPort(port);
      if (m) {
        Atomics.store(flag, 0, 0);
        return m.message as Reply;
      }
      const left = deadline - Date.now();
      if (left <= 0) return undefined;
      // Sleep until the worker signals; if it has signalled but the message is not visible yet, retry in 1 ms.
      if (Atomics.load(flag, 0) === 0) Atomics.wait(flag, 0, 0, Math.min(left, 1000));
      else Atomics.wait(flag, 0, 1, 1);
    }
  };

  let result: SegmenterLoad | undefined;
  /** The worker's 'ready' reply, once received (undefined: not yet, or it never came). */
  let ready: Reply | undefined;
  let stopped = false;
  /** Words posted since the worker last answered: it may still be adding them. */
  let unsyncedAdds = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    live.delete(load);
    void worker.terminate().catch(() => undefined);
  };
  const load: ThreadedLoad = {
    poll() {
      if (ready || stopped) return true;
      const m = receiveMessageOnPort(port);
      if (!m) return false;
      Atomics.store(flag, 0, 0);
      ready = m.message as Reply;
      return true;
    },
    dispose() {
      if (stopped) return 'already';
      if (!ready) ready = receive();
      let answered = !!ready;
      if (ready && ready.op === 'ready' && ready.ok && unsyncedAdds) {
        send({ op: 'sync' });
        answered = receive()?.op === 'sync';
      }
      stop();
      return answered ? 'idle' : 'unresponsive';
    },
    finish() {
      if (result) return result;
      const t0 = performance.now();
      // The main thread's copy of the dictionary words (for isWord), read while the worker loads.
      let words: Set<string> | undefined;
      try {
        const own = dictDir();
        words = readDictWords(path.join(own, 'zhengxie.user.utf8'), readDictWords(path.join(own, 'compact.dict.utf8')));
        // The typo lexicon too, while the worker is still loading nodejieba.
        lexiconModule().loadLexicon(own);
      } catch {
        words = undefined;
      }
      if (!ready) ready = receive();
      if (!ready || ready.op !== 'ready' || !words) {
        stop();
        return (result = loadSegmenter());
      }
      if (!ready.ok) {
        stop();
        return (result = { error: ready.error, loadMs: ready.loadMs });
      }
      const loadMs = ready.loadMs;
      let fallback: Segmenter | undefined;
      const known = words;
      /** Texts cut recently, with their tokens (cleared when words are added). */
      const recent = new Map<string, { word: string; offset: number }[]>();
      const seg: Segmenter & { addWords(list: string[]): void; readonly dictionarySize: number; readonly variant: 'compact' } = {
        variant: 'compact',
        get dictionarySize() {
          return known.size;
        },
        cut(text) {
          if (fallback) return fallback.cut(text);
          // Two rules cut the same runs: the second asks this cache, not the worker (a round trip each).
          const hit = recent.get(text);
          if (hit) return hit.map(t => ({ ...t }));
          send({ op: 'cut', text });
          const r = receive();
          unsyncedAdds = false;
          if (r && r.op === 'cut' && r.packed) {
            const tokens = unpack(text, r.packed);
            remember(recent, text, tokens);
            return tokens.map(t => ({ ...t }));
          }
          // The worker failed: continue on the main thread with the same dictionary and words.
          stop();
          const l = loadSegmenter();
          if (!l.segmenter) throw new Error(l.error ?? '分词器加载失败');
          fallback = l.segmenter;
          const extra = [...known].filter(w => !l.segmenter!.isWord(w));
          if (extra.length) (fallback as Segmenter & { addWords(list: string[]): void }).addWords(extra);
          return fallback.cut(text);
        },
        isWord: word => known.has(word),
        words: () => known,
        lexicon: () => lexiconModule().loadLexicon(dictDir()),
        minedPhrases: () => (require('./phrases') as typeof import('./phrases')).loadPhrases(dictDir()),
        termSlips: () => (require('./term-slips') as typeof import('./term-slips')).loadTermSlips(dictDir()),
        addWords(list) {
          const added: string[] = [];
          for (const w of list) {
            const t = w.trim();
            if (!t || /\s/.test(t) || known.has(t)) continue;
            known.add(t);
            added.push(t);
          }
          if (!added.length) return;
          recent.clear();
          if (fallback) (fallback as Segmenter & { addWords(list: string[]): void }).addWords(added);
          else {
            send({ op: 'add', words: added });
            unsyncedAdds = true;
          }
        },
      };
      return (result = { segmenter: seg, loadMs: loadMs + (performance.now() - t0), engine: ready.engine, fallbackReason: ready.fallbackReason });
    },
  };
  live.add(load);
  return load;
}

/** Tokens as (offset, length) pairs. */
export function pack(tokens: { word: string; offset: number }[]): Int32Array {
  const out = new Int32Array(tokens.length * 2);
  for (let k = 0; k < tokens.length; k++) {
    out[2 * k] = tokens[k].offset;
    out[2 * k + 1] = tokens[k].word.length;
  }
  return out;
}

/** The tokens of `pack` again, their words sliced from the text that was cut. */
export function unpack(text: string, packed: Int32Array): { word: string; offset: number }[] {
  const out: { word: string; offset: number }[] = new Array(packed.length >> 1);
  for (let k = 0; k < out.length; k++) {
    const offset = packed[2 * k];
    out[k] = { word: text.slice(offset, offset + packed[2 * k + 1]), offset };
  }
  return out;
}

/** The worker side: load, say so, then cut on request. */
function serve(): void {
  const { flag, port } = workerData as { flag: Int32Array; port: MessagePort };
  const reply = (m: Reply) => {
    port.postMessage(m, m.op === 'cut' && m.packed ? [m.packed.buffer as ArrayBuffer] : []);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  };
  let seg: (Segmenter & { addWords?(list: string[]): void }) | undefined;
  try {
    const r = loadSegmenter({ noWordList: true });
    seg = r.segmenter;
    reply({ op: 'ready', ok: !!seg, error: r.error, loadMs: r.loadMs, engine: r.engine, fallbackReason: r.fallbackReason });
  } catch (e) {
    reply({ op: 'ready', ok: false, error: (e as Error).message, loadMs: 0 });
    return;
  }
  if (!seg) return;
  // Serve requests in a loop that sleeps on flag[1] rather than in the event loop: a cut is a blocking round trip for
  // the main thread, and waking through Atomics is several times quicker than through the event loop. The wait is
  // bounded so that the thread still notices when it is terminated.
  const handle = (m: Request) => {
    try {
      if (m.op === 'add') seg!.addWords?.(m.words);
      else if (m.op === 'sync') reply({ op: 'sync' });
      else reply({ op: 'cut', packed: pack(seg!.cut(m.text)) });
    } catch (e) {
      if (m.op === 'cut') reply({ op: 'cut', error: (e as Error).message });
      else if (m.op === 'sync') reply({ op: 'sync' });
    }
  };
  for (;;) {
    Atomics.store(flag, 1, 0);
    const m = receiveMessageOnPort(port);
    if (m) handle(m.message as Request);
    else Atomics.wait(flag, 1, 0, 100);
  }
}

if (!isMainThread && (workerData as { kind?: string } | null)?.kind === KIND) serve();

/** The compiled worker script: this file, or out/src/segmenter/threaded.js when this code runs from the CLI's bundle
 *  (out/src/cli/main.bundle.js); undefined under ts-node (a worker cannot run the .ts source). */
function workerScript(): string | undefined {
  if (path.basename(__filename) === 'threaded.js') return __filename;
  const compiled = path.join(__dirname, '../segmenter/threaded.js');
  return __filename.endsWith('.js') && fs.existsSync(compiled) ? compiled : undefined;
}
