// The fallback word segmenter: jieba-wasm (jieba-rs compiled to WebAssembly; pure JS + .wasm, runs on every platform
// without a native build and without any download). It is made to cut like nodejieba (cppjieba's MixSegment) with our
// dictionaries, so that the findings do not depend on which segmenter runs:
//  - Dictionary: jieba-wasm cannot drop its built-in dictionary, only add to it (`with_dict` loads more words and
//    overwrites frequencies). So it is loaded with our compact dictionary (same frequencies), the 政协 user words
//    (cppjieba gives user words without a frequency the median weight of the main dictionary: the median frequency
//    here), and every word of jieba's stock dictionary that the compact one lacks set to frequency 0 (never chosen;
//    single characters to the compact dictionary's lowest frequency, cppjieba's weight for an unknown character).
//    After that the dictionary total (which sets each word's log-probability) is the compact dictionary's.
//  - Cutting: jieba-wasm gives the maximum-probability route only (`cut(text, false)`); the unknown-word step (HMM)
//    is cppjieba's, done here: runs of single characters go through the same rules for ASCII letters and digits and
//    the same Viterbi over the same model (hmm_model.utf8). jieba-rs's own HMM step differs (it skips runs that are
//    dictionary entries, zeroed ones included, and splits digits differently).
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { cutByRuns, readDictWords, type JiebaSegmenter, type SegmenterLoad } from './index';
import { loadLexicon } from './lexicon';

interface JiebaWasm {
  cut(text: string, hmm?: boolean | null): string[];
  add_word(word: string, freq?: number | null, tag?: string | null): number;
  with_dict(dict: string): void;
}

const MIN_DOUBLE = -3.14e100;
/** HMM states in cppjieba's order. */
const B = 0,
  E = 1,
  M = 2,
  S = 3;

interface HmmModel {
  start: number[];
  trans: number[][];
  emit: Map<string, number>[];
}

/** Reads cppjieba's hmm_model.utf8 (comment lines start with #: start probabilities, 4×4 transitions, 4 emission lines). */
export function readHmmModel(file: string): HmmModel {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map(l => l.trim())
    .filter(l => l && !l.startsWith('#'));
  if (lines.length < 9) throw new Error(`HMM 模型文件格式不对：${file}`);
  const nums = (l: string) => l.split(/\s+/).map(Number);
  const emit = lines.slice(5, 9).map(l => {
    const m = new Map<string, number>();
    for (const kv of l.split(',')) {
      const i = kv.lastIndexOf(':');
      if (i > 0) m.set(kv.slice(0, i), Number(kv.slice(i + 1)));
    }
    return m;
  });
  return { start: nums(lines[0]), trans: lines.slice(1, 5).map(nums), emit };
}

/** cppjieba HMMSegment::Viterbi + InternalCut over the characters `chars` (no ASCII among them). */
function viterbiCut(chars: string[], model: HmmModel, out: string[]): void {
  const X = chars.length;
  const Y = 4;
  const weight = new Float64Array(X * Y);
  const pathArr = new Int8Array(X * Y);
  const em = (y: number, c: string) => model.emit[y].get(c) ?? MIN_DOUBLE;
  for (let y = 0; y < Y; y++) {
    weight[y * X] = model.start[y] + em(y, chars[0]);
    pathArr[y * X] = -1;
  }
  for (let x = 1; x < X; x++) {
    for (let y = 0; y < Y; y++) {
      const now = x + y * X;
      weight[now] = MIN_DOUBLE;
      pathArr[now] = E;
      const e = em(y, chars[x]);
      for (let py = 0; py < Y; py++) {
        const tmp = weight[x - 1 + py * X] + model.trans[py][y] + e;
        if (tmp > weight[now]) {
          weight[now] = tmp;
          pathArr[now] = py;
        }
      }
    }
  }
  let stat = weight[X - 1 + E * X] >= weight[X - 1 + S * X] ? E : S;
  const status = new Array<number>(X);
  for (let x = X - 1; x >= 0; x--) {
    status[x] = stat;
    stat = pathArr[x + stat * X];
  }
  let left = 0;
  for (let i = 0; i < X; i++) {
    if (status[i] % 2) {
      out.push(chars.slice(left, i + 1).join(''));
      left = i + 1;
    }
  }
  // (cppjieba drops a trailing B/M run; Viterbi always ends in E or S, so there is none.)
  void B;
  void M;
}

const isLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
const isDigit = (c: string) => c >= '0' && c <= '9';

/** cppjieba HMMSegment::Cut: ASCII letters (then letters/digits), digits (then digits/dots) and other ASCII
 *  characters become words by rule; the text between them goes through the Viterbi. */
function hmmCut(chars: string[], model: HmmModel, out: string[]): void {
  let left = 0;
  let right = 0;
  while (right < chars.length) {
    if (chars[right].codePointAt(0)! < 0x80) {
      if (left !== right) viterbiCut(chars.slice(left, right), model, out);
      left = right;
      if (isLetter(chars[left])) {
        right = left + 1;
        while (right < chars.length && (isLetter(chars[right]) || isDigit(chars[right]))) right++;
      } else if (isDigit(chars[left])) {
        right = left + 1;
        while (right < chars.length && (isDigit(chars[right]) || chars[right] === '.')) right++;
      } else right = left + 1;
      out.push(chars.slice(left, right).join(''));
      left = right;
    } else right++;
  }
  if (left !== right) viterbiCut(chars.slice(left, right), model, out);
}

/** cppjieba's default weight for user words without a frequency is the main dictionary's median weight. */
function medianFreq(freqs: number[]): number {
  const s = [...freqs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 1;
}

/** Where cppjieba's HMM model is: our dictionary folder, else nodejieba's package (shipped in the .vsix). */
function hmmModelFile(own: string): string {
  const mine = path.join(own, 'hmm_model.utf8');
  if (fs.existsSync(mine)) return mine;
  return path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/hmm_model.utf8');
}

let wasm: JiebaWasm | undefined;
let wasmSeg: (JiebaSegmenter & { engine: 'jieba-wasm' }) | undefined;
/** The dictionary folder jieba-wasm was loaded from (its dictionary is process-global and can only grow). */
let wasmDir: string | undefined;

export interface WasmOptions {
  /** Folder with compact.dict.utf8, zhengxie.user.utf8, stock-only.words.gz (and hmm_model.utf8). */
  dictDir: string;
  userWords?: string[];
  /** Skip reading the word list for isWord (the CLI worker thread). */
  noWordList?: boolean;
}

/** Loads jieba-wasm with our dictionaries (once per process: its dictionary is global). Throws on failure. */
export function loadWasmSegmenter(opts: WasmOptions): SegmenterLoad & { segmenter: JiebaSegmenter } {
  const t0 = performance.now();
  if (wasmSeg && wasmDir !== opts.dictDir) throw new Error(`jieba-wasm 已用另一份词典加载（${wasmDir}），一个进程只能有一份`);
  if (!wasmSeg) {
    const own = opts.dictDir;
    wasmDir = own;
    const mainText = fs.readFileSync(path.join(own, 'compact.dict.utf8'), 'utf8');
    const freqs: number[] = [];
    let minFreq = Infinity;
    const mainWords = new Set<string>();
    for (const line of mainText.split('\n')) {
      const f = line.trim().split(/\s+/);
      if (!f[0] || f[0].startsWith('#')) continue;
      const n = Number(f[1]);
      if (!(n > 0)) continue;
      mainWords.add(f[0]);
      freqs.push(n);
      if (n < minFreq) minFreq = n;
    }
    const median = medianFreq(freqs);
    const userWords = [...readDictWords(path.join(own, 'zhengxie.user.utf8'))];
    // Words of jieba's stock dictionary that ours lacks (built by scripts/build-dict.ts from nodejieba's stock one).
    let stockOnly: string[] = [];
    const stockFile = path.join(own, 'stock-only.words.gz');
    if (fs.existsSync(stockFile)) stockOnly = zlib.gunzipSync(fs.readFileSync(stockFile)).toString('utf8').split('\n');
    const lines: string[] = [];
    /** Characters of dictionary words that are not words themselves: jieba-rs has no single-character path through a
     *  character that starts a (zeroed) word unless the character is in its dictionary, so each is added with the
     *  lowest frequency, cppjieba's weight for a character it does not know. */
    const chars = new Set<string>();
    for (const w of stockOnly) {
      if (!w || mainWords.has(w)) continue;
      for (const c of w) chars.add(c);
      if ([...w].length > 1) lines.push(w);
    }
    for (const w of mainWords) for (const c of w) chars.add(c);
    for (const w of userWords) for (const c of w) chars.add(c);
    for (const c of chars) if (!mainWords.has(c)) lines.push(`${c} ${minFreq}`);
    const model = readHmmModel(hmmModelFile(own));
    const j = (wasm ??= require('jieba-wasm') as JiebaWasm);
    // Order matters: zeroed stock words first, then our words (a word in both keeps our frequency).
    j.with_dict(lines.join('\n') + '\n' + mainText + '\n' + userWords.map(w => `${w} ${median}`).join('\n') + '\n');
    const words = opts.noWordList ? new Set<string>() : new Set<string>([...mainWords, ...userWords]);
    /** Words whose single character is a user word: cppjieba keeps them out of the HMM step. */
    const userSingles = new Set(userWords.filter(w => [...w].length === 1));
    const dictWords = new Set<string>([...mainWords, ...userWords]);
    const recent = new Map<string, { word: string; offset: number }[]>();

    // cppjieba's word weights (log of frequency over the main dictionary's total), for the route of a run where two
    // routes score exactly the same: that needs a repeated stretch (咚咚咚: 咚|咚咚 or 咚咚|咚), and cppjieba then takes
    // the shorter first word where jieba-rs takes the longer. Such runs (a stretch repeated right after itself) are
    // routed here with cppjieba's rule; every other run takes jieba-rs's route.
    const total = freqs.reduce((a, b) => a + b, 0);
    const weights = new Map<string, number>();
    for (const line of mainText.split('\n')) {
      const f = line.trim().split(/\s+/);
      const n = Number(f[1]);
      if (f[0] && n > 0 && !weights.has(f[0])) weights.set(f[0], Math.log(n / total));
    }
    const userWeight = Math.log(median / total);
    // A user word replaces a main-dictionary entry of the same word (cppjieba loads the user dictionary over it).
    for (const w of userWords) weights.set(w, userWeight);
    const minWeight = Math.log(minFreq / total);
    let longest = 1;
    for (const w of weights.keys()) longest = Math.max(longest, [...w].length);
    const cppRoute = (text: string): string[] => {
      const cs = [...text];
      const n = cs.length;
      const best = new Float64Array(n + 1);
      const next = new Int32Array(n);
      for (let i = n - 1; i >= 0; i--) {
        best[i] = MIN_DOUBLE;
        let piece = '';
        for (let k = i; k < n && k - i < longest; k++) {
          piece += cs[k];
          const w = weights.get(piece);
          if (w === undefined && k > i) continue;
          const val = (k + 1 < n ? best[k + 1] : 0) + (w ?? minWeight);
          if (val > best[i]) {
            best[i] = val;
            next[i] = k + 1;
          }
        }
      }
      const out: string[] = [];
      for (let i = 0; i < n; i = next[i]) out.push(cs.slice(i, next[i]).join(''));
      return out;
    };
    const REPEAT = /(.{1,8})\1/u;

    const cutRun = (text: string): string[] => {
      // Maximum-probability route; jieba-rs joins runs of single ASCII letters/digits, which are single
      // characters of the route here unless they form a dictionary word.
      const route: string[] = [];
      for (const w of REPEAT.test(text) ? cppRoute(text) : j.cut(text, false)) {
        if (w.length > 1 && /^[A-Za-z0-9]+$/.test(w) && !dictWords.has(w)) for (const c of w) route.push(c);
        else route.push(w);
      }
      const out: string[] = [];
      for (let i = 0; i < route.length; i++) {
        const w = route[i];
        if ([...w].length !== 1 || userSingles.has(w)) {
          out.push(w);
          continue;
        }
        let k = i;
        const chars: string[] = [];
        while (k < route.length && [...route[k]].length === 1 && !userSingles.has(route[k])) chars.push(route[k++]);
        hmmCut(chars, model, out);
        i = k - 1;
      }
      return out;
    };

    wasmSeg = {
      engine: 'jieba-wasm',
      variant: 'compact',
      get dictionarySize() {
        return words.size;
      },
      cut(text) {
        return cutByRuns(text, cutRun, recent);
      },
      isWord: word => words.has(word),
        words: () => words,
      // The same typo lexicon as nodejieba's segmenter (wording/typo and confusable-char need it to run alike).
      lexicon: () => loadLexicon(own),
      minedPhrases: () => (require('./phrases') as typeof import('./phrases')).loadPhrases(own),
      termSlips: () => (require('./term-slips') as typeof import('./term-slips')).loadTermSlips(own),
      addWords(list) {
        let changed = false;
        for (const w of list) {
          const t = w.trim();
          if (!t || /\s/.test(t) || dictWords.has(t)) continue;
          dictWords.add(t);
          words.add(t);
          if ([...t].length === 1) userSingles.add(t);
          j.add_word(t, median);
          weights.set(t, userWeight);
          longest = Math.max(longest, [...t].length);
          changed = true;
        }
        if (changed) recent.clear();
      },
    };
  }
  if (opts.userWords?.length) wasmSeg.addWords(opts.userWords);
  return { segmenter: wasmSeg, loadMs: performance.now() - t0, engine: 'jieba-wasm' };
}

