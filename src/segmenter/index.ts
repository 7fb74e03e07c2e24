// Word segmentation (nodejieba) behind the Segmenter interface, loaded lazily and never on the editor's
// critical path. `loadSegmenter()` → { segmenter, loadMs } or { error } (never throws).
// Dictionaries: the compact one (src/segmenter/dict/compact.dict.utf8, built by scripts/build-dict.ts) by
// default, or nodejieba's stock one ({ dict: 'full' }); the 政协 user dictionary is loaded with either.
import * as fs from 'fs';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';
import type { Segmenter } from '../core/types';
import { runBreakTable } from '../core/run-break';
import { ownString } from '../core/memo';

/** The typo lexicon's module, loaded when first asked for: not in the segmenter's worker thread, which never uses it
 *  (it would load node:crypto and some twenty other internal modules there, ≈19 M instructions on every CLI run). */
export function lexiconModule(): typeof import('./lexicon') {
  return require('./lexicon') as typeof import('./lexicon');
}

export interface SegmenterLoad {
  segmenter?: Segmenter;
  /** Why it could not be loaded. */
  error?: string;
  /** Milliseconds the load took. */
  loadMs: number;
  /** Which segmenter was loaded: nodejieba (native), or jieba-wasm (WebAssembly) when nodejieba cannot load here. */
  engine?: SegmenterEngine;
  /** Why nodejieba was not used (it failed to load, or DRAFT_LINT_SEGMENTER=wasm forced the fallback). */
  fallbackReason?: string;
}

export type SegmenterEngine = 'nodejieba' | 'jieba-wasm';

export type DictVariant = 'compact' | 'full';

export interface SegmenterOptions {
  /** 'compact' (default, ≈43k words) or 'full' (nodejieba's stock ≈349k words). */
  dict?: DictVariant;
  /** Extra words to keep whole (an office's own terms), added on top of the 政协 user dictionary. */
  userWords?: string[];
  /** Folder with compact.dict.utf8, zhengxie.user.utf8, idf.min.utf8, stop_words.min.utf8 (default: the shipped one). */
  dictDir?: string;
  /** Do not read the dictionary's word list (`isWord` then knows only added words): for the CLI's worker
   *  thread, where `isWord` is answered on the main thread. Saves ≈15 ms of the load. */
  noWordList?: boolean;
  /** Force one engine (default: DRAFT_LINT_SEGMENTER, else nodejieba with jieba-wasm as the fallback). */
  engine?: SegmenterEngine;
}

/** The segmenter with what it was loaded from (for the benchmark and tests). */
export interface JiebaSegmenter extends Segmenter {
  readonly variant: DictVariant;
  /** Number of dictionary words `isWord` knows. */
  readonly dictionarySize: number;
  /** Adds words that must stay whole (also known to `isWord`). */
  addWords(words: string[]): void;
}

interface NodeJieba {
  load(opts: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): unknown;
  cut(text: string, hmm?: boolean): string[];
  insertWord(word: string, tag?: string): boolean;
}

/** Where the shipped dictionaries live, from src/ (ts-node), out/src/ (compiled) or an installed .vsix. */
export function dictDir(): string {
  const candidates = [path.join(__dirname, 'dict'), path.join(__dirname, '../../../src/segmenter/dict'), path.join(__dirname, '../../src/segmenter/dict')];
  for (const d of candidates) if (fs.existsSync(path.join(d, 'compact.dict.utf8'))) return d;
  return candidates[1];
}

/** The first field of each line of a dictionary (after leading spaces; a line whose first field starts with `#` is a
 *  comment). One regular-expression scan over the text, without splitting it into lines (half the memory). */
const DICT_WORD = /(?<=^|\n)[ \t\r]*([^ \t\r\n#][^ \t\r\n]*)/g;

/** Adds the words of a jieba dictionary file (first field of each line; `#` starts a comment line) to `into`. */
export function readDictWords(file: string, into: Set<string> = new Set()): Set<string> {
  const t = readTextInChunks(file);
  DICT_WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DICT_WORD.exec(t))) into.add(m[1]);
  return into;
}

/** A UTF-8 file's text (as fs.readFileSync(file, 'utf8')), read 64 KiB at a time: the read buffer stays below glibc's
 *  mmap threshold and is reused, instead of a whole-file buffer that, read after nodejieba has raised that threshold,
 *  would leave a hole in a malloc arena (docs/performance.md, 第十一轮). */
export function readTextInChunks(file: string): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(64 * 1024);
    const decoder = new StringDecoder('utf8');
    const parts: string[] = [];
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) parts.push(decoder.write(buf.subarray(0, n)));
    parts.push(decoder.end());
    return parts.join('');
  } finally {
    fs.closeSync(fd);
  }
}

let jieba: NodeJieba | undefined;
/** The dictionary nodejieba currently holds (it is process-global). */
let active: string | undefined;
const cache = new Map<string, JiebaSegmenter>();
/** Words added at run time; re-inserted whenever nodejieba reloads. */
const addedWords = new Set<string>();

/** nodejieba's package folder (its stock dictionary; not shipped in the .vsix, which has only our compact one). */
function jiebaPackageDir(): string {
  return path.dirname(require.resolve('nodejieba/package.json'));
}

/** nodejieba's native module copied next to the extension bundle (a platform-specific .vsix: dist/native/), if any. */
export function bundledNative(): string | undefined {
  const f = path.join(__dirname, 'native', 'nodejieba.node');
  return fs.existsSync(f) ? f : undefined;
}

/** The path of nodejieba's native module as it would load: next to the bundle, else in node_modules (throws when
 *  nodejieba is not installed — it is an optional dependency). */
function nativePath(): string {
  return bundledNative() ?? path.join(jiebaPackageDir(), 'build/Release/nodejieba.node');
}

/** nodejieba: its package from node_modules, or (in a bundle without node_modules) the native module next to the
 *  bundle behind the same three calls its index.js makes. */
function requireNodejieba(): NodeJieba {
  const bundled = bundledNative();
  if (!bundled) return require('nodejieba') as NodeJieba;
  const b = require(bundled) as {
    load(dict: string, hmm: string, user: string, idf: string, stop: string): unknown;
    cut(text: string, hmm?: boolean): string[];
    insertWord(word: string, tag?: string): boolean;
  };
  return {
    load: o => b.load(o.dict!, o.hmmDict!, o.userDict!, o.idfDict!, o.stopWordDict!),
    cut: (text, hmm) => b.cut(text, hmm),
    insertWord: (word, tag) => (tag === undefined ? b.insertWord(word) : b.insertWord(word, tag)),
  };
}

function files(variant: DictVariant, own: string) {
  // The HMM model ships in our dictionary folder (the same file as nodejieba's); older checkouts read nodejieba's.
  const hmm = path.join(own, 'hmm_model.utf8');
  return {
    dict: variant === 'full' ? path.join(jiebaPackageDir(), 'submodules/cppjieba/dict/jieba.dict.utf8') : path.join(own, 'compact.dict.utf8'),
    hmmDict: fs.existsSync(hmm) ? hmm : path.join(jiebaPackageDir(), 'submodules/cppjieba/dict/hmm_model.utf8'),
    userDict: path.join(own, 'zhengxie.user.utf8'),
    // Keyword extraction is not used: one-line files keep its tables (≈20 MB for the stock idf) out of memory.
    idfDict: path.join(own, 'idf.min.utf8'),
    stopWordDict: path.join(own, 'stop_words.min.utf8'),
  };
}

/** Loads nodejieba with `variant`'s dictionary (cppjieba aborts the process on a missing or empty file, so check first). */
function activate(variant: DictVariant, own: string): void {
  const key = variant + '\0' + own;
  if (active === key) return;
  const f = files(variant, own);
  for (const [k, file] of Object.entries(f)) {
    let size = 0;
    try {
      size = fs.statSync(file).size;
    } catch {
      throw new Error(`分词词典文件缺失（${k}）：${file}`);
    }
    if (size === 0) throw new Error(`分词词典文件为空（${k}）：${file}`);
  }
  if (!jieba) jieba = requireNodejieba();
  jieba.load(f);
  active = key;
  for (const w of addedWords) jieba.insertWord(w);
}

type Token = { word: string; offset: number };

/** Places the words of a cut of `run` (in order) at their UTF-16 offsets plus `base`. A cutter returns every character,
 *  spaces included; a word it could not round-trip (lone surrogates, invalid UTF-16) is found again further on. */
function placeWords(run: string, words: Iterable<string>, base: number, out: Token[]): void {
  let pos = 0;
  for (const word of words) {
    if (!word) continue;
    const at = run.startsWith(word, pos) ? pos : run.indexOf(word, pos);
    if (at < 0) continue;
    out.push({ word, offset: base + at });
    pos = at + word.length;
  }
}

/** Characters that end a run of words (src/core/run-break.ts). cppjieba mis-segments the text after some of them
 *  (after “、” or an ideographic space it falls back to single characters: 社会、打|好|三|大), so each run is cut on its
 *  own. */
/** Cuts `text` run by run with `cutRun` (the words of one run); break characters become one-character tokens. Runs
 *  cut recently come from `recent` (both segmenters, nodejieba and jieba-wasm, split and cache alike). */
export function cutByRuns(text: string, cutRun: (run: string) => Iterable<string>, recent?: Map<string, Token[]>): Token[] {
  const out: Token[] = [];
  const breaks = runBreakTable();
  let start = 0;
  const flush = (end: number) => {
    const run = text.slice(start, end);
    let toks = recent?.get(run);
    if (toks) {
      touch(recent!, run, toks);
    } else {
      toks = [];
      placeWords(run, cutRun(run), 0, toks);
      if (recent) remember(recent, run, toks);
    }
    for (let k = 0; k < toks.length; k++) out.push({ word: toks[k].word, offset: start + toks[k].offset });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (breaks[text.charCodeAt(i)] === 0) continue;
    if (i > start) flush(i);
    out.push({ word: text[i], offset: i });
    start = i + 1;
  }
  if (n > start) flush(n);
  return out;
}

/** Cuts `text` with nodejieba, run by run. */
function cutWithOffsets(text: string, variant: DictVariant, own: string, recent?: Map<string, Token[]>): Token[] {
  activate(variant, own);
  return cutByRuns(text, run => jieba!.cut(run, true), recent);
}

/** Runs (text between punctuation) cut recently, per segmenter: re-linting after an edit re-cuts only the edited run.
 *  Bounded by entries and by the characters of their keys (the tokens kept grow with them): 10,000 entries of whole
 *  paragraphs held several MiB of tokens from drafts long done in a batch run (docs/performance.md, 第十五轮). */
const CACHE_ENTRIES = 10000;
const CACHE_CHARS = 64000;
const cachedChars = new WeakMap<Map<string, unknown>, number>();

/** Keeps `value` for `key` in a cache of recent cuts, dropping the oldest entries beyond CACHE_ENTRIES or
 *  CACHE_CHARS. */
export function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  // A copy of the key: it is sliced from the text cut (a paragraph or a whole draft), which a sliced key would keep
  // alive after the draft is done (第十五轮). V8 copies slices shorter than 13 characters anyway.
  const k = key.length >= 13 ? ownString(key) : key;
  // (A cache emptied by clear() starts again from nothing.)
  let chars = cache.size ? (cachedChars.get(cache) ?? 0) : 0;
  if (!cache.has(k)) chars += k.length;
  cache.set(k, value);
  while (cache.size > 1 && (cache.size > CACHE_ENTRIES || chars > CACHE_CHARS)) {
    const oldest = cache.keys().next().value as string;
    chars -= oldest.length;
    cache.delete(oldest);
  }
  cachedChars.set(cache, chars);
}

/** Moves `key` (found in the cache) to the newest end. */
function touch<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.delete(key)) cachedChars.set(cache, (cachedChars.get(cache) ?? 0) - key.length);
  remember(cache, key, value);
}

function makeSegmenter(variant: DictVariant, own: string, words: Set<string>): JiebaSegmenter {
  const recent = new Map<string, { word: string; offset: number }[]>();
  return {
    variant,
    get dictionarySize() {
      return words.size;
    },
    cut: text => cutWithOffsets(text, variant, own, recent),
    isWord: word => words.has(word),
        words: () => words,
    lexicon: () => lexiconModule().loadLexicon(own),
    minedPhrases: () => (require('./phrases') as typeof import('./phrases')).loadPhrases(own),
    termSlips: () => (require('./term-slips') as typeof import('./term-slips')).loadTermSlips(own),
    addWords(list) {
      const before = words.size;
      for (const w of list) {
        const t = w.trim();
        if (!t || /\s/.test(t) || words.has(t)) continue;
        words.add(t);
        addedWords.add(t);
        if (active) jieba!.insertWord(t);
      }
      if (words.size !== before) recent.clear();
    },
  };
}

/** Loads the segmenter (synchronous; call off the hot path). Never throws. nodejieba where it loads; else (or when
 *  DRAFT_LINT_SEGMENTER=wasm, or opts.engine) jieba-wasm with the same dictionaries, which cuts the same way (see
 *  ./wasm.ts). DRAFT_LINT_SEGMENTER=nodejieba forbids the fallback. The result says which engine runs and why. */
export function loadSegmenter(opts: SegmenterOptions = {}): SegmenterLoad {
  const forced = opts.engine ?? engineFromEnv();
  if (forced === 'jieba-wasm') return loadWasm(opts, 'DRAFT_LINT_SEGMENTER=wasm：按设置使用 jieba-wasm', 0);
  const r = loadNodejieba(opts);
  // No fallback when our own dictionary files are missing or empty (jieba-wasm would load the same ones).
  if (r.segmenter || forced === 'nodejieba' || (opts.dict ?? 'compact') !== 'compact' || /分词词典文件(缺失|为空)/.test(r.error ?? '')) return r;
  return loadWasm(opts, r.error ?? 'nodejieba 无法加载', r.loadMs);
}

/** The engine DRAFT_LINT_SEGMENTER asks for ('wasm' / 'jieba-wasm', 'nodejieba' / 'native'), if any. */
export function engineFromEnv(env: NodeJS.ProcessEnv = process.env): SegmenterEngine | undefined {
  const v = (env.DRAFT_LINT_SEGMENTER ?? '').trim().toLowerCase();
  if (v === 'wasm' || v === 'jieba-wasm') return 'jieba-wasm';
  if (v === 'nodejieba' || v === 'native') return 'nodejieba';
  return undefined;
}

function loadWasm(opts: SegmenterOptions, reason: string, spentMs: number): SegmenterLoad {
  const t0 = performance.now();
  try {
    const { loadWasmSegmenter } = require('./wasm') as typeof import('./wasm');
    const r = loadWasmSegmenter({ dictDir: opts.dictDir ?? dictDir(), userWords: opts.userWords, noWordList: opts.noWordList });
    return { ...r, loadMs: spentMs + (performance.now() - t0), fallbackReason: reason };
  } catch (e) {
    return { error: `${reason}；备用分词器 jieba-wasm 也无法加载：${(e as Error).message ?? String(e)}`, loadMs: spentMs + (performance.now() - t0) };
  }
}

/** Loads nodejieba with the project's dictionaries. Never throws. */
function loadNodejieba(opts: SegmenterOptions): SegmenterLoad {
  const variant = opts.dict ?? 'compact';
  const own = opts.dictDir ?? dictDir();
  const t0 = performance.now();
  try {
    const key = variant + '\0' + own + (opts.noWordList ? '\0-' : '');
    let seg = cache.get(key);
    if (!seg) {
      activate(variant, own);
      const f = files(variant, own);
      const words = opts.noWordList ? new Set<string>() : readDictWords(f.userDict, readDictWords(f.dict));
      seg = makeSegmenter(variant, own, words);
      cache.set(key, seg);
    } else activate(variant, own);
    if (opts.userWords?.length) seg.addWords(opts.userWords);
    return { segmenter: seg, loadMs: performance.now() - t0, engine: 'nodejieba' };
  } catch (e) {
    const msg = firstLine((e as Error).message ?? String(e));
    const hint = /Cannot find module 'nodejieba'/.test(msg)
      ? '（未安装 nodejieba：通用版扩展包不含它的本地模块，或 npm install 未能编译它；命令行可运行 npm rebuild nodejieba）'
      : /Cannot find module|BINDING_NOT_FOUND|binding/.test(msg)
        ? '（nodejieba 未安装或其本地模块未编译，可运行 npm rebuild nodejieba）'
        : '';
    return { error: `无法加载分词器 nodejieba：${msg}${hint}`, loadMs: performance.now() - t0 };
  }
}

/** Which engine loadSegmenter() would use here, found cheaply (loads nodejieba's native module, not its dictionaries). */
export function probeSegmenter(env: NodeJS.ProcessEnv = process.env): { engine: SegmenterEngine; reason?: string } {
  const forced = engineFromEnv(env);
  if (forced === 'jieba-wasm') return { engine: 'jieba-wasm', reason: 'DRAFT_LINT_SEGMENTER=wasm' };
  try {
    require(nativePath());
    return { engine: 'nodejieba' };
  } catch (e) {
    const msg = firstLine((e as Error).message ?? String(e));
    const reason = /Cannot find module 'nodejieba/.test(msg) ? '未安装（可选依赖：npm 未能编译它，或这是通用版扩展包）' : msg;
    return forced === 'nodejieba' ? { engine: 'nodejieba', reason: `无法加载：${reason}` } : { engine: 'jieba-wasm', reason: `nodejieba 无法加载：${reason}` };
  }
}

/** One line naming the segmenter (for `draft-lint --version`): `分词器 segmenter: nodejieba` or `… jieba-wasm（原因）`. */
export function describeSegmenter(env: NodeJS.ProcessEnv = process.env): string {
  const p = probeSegmenter(env);
  return `分词器 segmenter: ${p.engine}${p.reason ? `（${p.reason}）` : ''}`;
}

function firstLine(s: string): string {
  const l = s.split('\n')[0].trim();
  return l.length > 160 ? l.slice(0, 157) + '…' : l;
}
