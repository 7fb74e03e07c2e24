// Builds the typo lexicon: node out/scripts/build-typo-lexicon.js <People's Daily folders…> → src/segmenter/dict/typo.lexicon.utf8.
// What wording/typo needs beyond the compact segmenter dictionary: (1) the words a slip is corrected *to* — words of
// 2–4 Han characters from nodejieba's stock dictionary (≈349k words) that are attested in edited text, the 政协
// vocabulary, and the dictionary's set phrases (POS tag i/l) — each with its count in the reference corpus and its
// jieba frequency; (2) the one-character homophone/look-alike variants of those words that the reference corpus
// itself uses (counts only), so that a rare but real spelling is not reported. Only counts are stored, no text.
// Homophones come from pinyin-pro (toneless readings, every reading of a polyphone); look-alikes from the pack
// groups wording.confusables. Usage: npx tsc -p . && node out/scripts/build-typo-lexicon.js /work/pd/2019年2月 …
import * as fs from 'fs';
import * as path from 'path';
import { pinyin } from 'pinyin-pro';
import { dictDir, readWordList, stockDictPath } from './build-dict';
import { loadSegmenter } from '../src/segmenter';
import type { Segmenter } from '../src/core/types';
import { buildLexiconIndex, nearReadings } from '../src/segmenter/lexicon';

const HAN = /^[\u4e00-\u9fff]+$/;
/** A stock-dictionary word is a correction target when the corpus has it this often … */
const MIN_CORPUS = 3;
/** … or jieba rates it at least this frequent … */
const MIN_JIEBA = 100;
/** Near-reading variants are counted for words of three or four characters at least this frequent in the corpus, and
 *  for two-character words at least NEAR_VARIANT_CORPUS_PAIR (the rule proposes a near reading for words of 100
 *  occurrences or more, and for longer words of 50 or more as a weak guess: 第十一轮). */
const NEAR_VARIANT_CORPUS = 50;
const NEAR_VARIANT_CORPUS_PAIR = 100;
/** … or it is a four-character set phrase (tag i) at least this frequent in jieba. */
const MIN_IDIOM_JIEBA = 20;
/** Characters considered as homophone replacements: jieba frequency of the single character at least this. */
const MIN_CHAR_FREQ = 30;
/** Dictionary words at least this frequent in jieba are known (not reported as written), though not proposed. */
const MIN_KNOWN_JIEBA = 4;
/** A word pair is evidence against a homophone pair never written when edited text writes it at least this often. */
const REAL_PAIR = 5;
/** … and it is at least this share of the pairs edited text writes with the other word … */
const REAL_SHARE = 0.05;
/** … and the pair written would be expected at least this often if its words were independent. */
const REAL_EXPECTED = 0.3;
/** Word pairs (two words of 2–4 Han characters side by side, as the shipped segmenter cuts) are kept with their count
 *  when the corpus writes them at least this often: wording/typo's pairLift (环境|整治 over 环境|政治). At 5, 45k pairs
 *  (≈0.8 MB); at 3 (第十四轮), 91k pairs (≈1.6 MB): held out, 4 more slips found of 900 (奉献|社会, 日益|清晰). */
const PAIR_MIN = 3;
/** `--pair-min=N` overrides PAIR_MIN (for measuring other thresholds on a lexicon written with --out). */
let pairMin = PAIR_MIN;
/** Contexts are kept for a variant the corpus writes only across words and at most once per this many occurrences of
 *  the word it varies … */
const SPLIT_RATIO = 30;
/** … up to this many distinct characters on each side. */
const CONTEXT_CHARS = 8;

export function* textFiles(dir: string): Generator<string> {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* textFiles(p);
    else if (e.name.endsWith('.txt')) yield p;
  }
}

/** Counts every occurrence of the keys of `counts` (2–4 characters) in the corpus files, as substrings. */
function countSubstrings(files: string[], counts: Map<string, number>): void {
  for (const f of files) {
    const t = fs.readFileSync(f, 'utf8');
    for (let i = 0; i < t.length; i++) {
      for (let n = 2; n <= 4 && i + n <= t.length; n++) {
        const c = counts.get(t.slice(i, i + n));
        if (c !== undefined) counts.set(t.slice(i, i + n), c + 1);
      }
    }
  }
}

/** Counts the keys of `counts` where the corpus writes them as a unit: the occurrence starts and ends on token
 *  boundaries of the shipped segmenter (国家|大力 does not count for 家大, 入|厕 counts for 入厕). */
function countAligned(files: string[], counts: Map<string, number>, seg: Segmenter, within = false): void {
  for (const f of files) {
    const t = fs.readFileSync(f, 'utf8');
    const boundary = new Uint8Array(t.length + 1);
    for (const tok of seg.cut(t)) {
      boundary[tok.offset] = 1;
      boundary[tok.offset + tok.word.length] = 1;
    }
    for (let i = 0; i < t.length; i++) {
      if (within) {
        // Occurrences that no token boundary cuts (the word is a token or inside one): 会服 in 协会|服务 does not count.
        for (let n = 1; n <= 4 && i + n <= t.length; n++) {
          if (n > 1 && boundary[i + n - 1]) break;
          const s = t.slice(i, i + n);
          const c = counts.get(s);
          if (c !== undefined) counts.set(s, c + 1);
        }
        continue;
      }
      if (!boundary[i]) continue;
      for (let n = 2; n <= 5 && i + n <= t.length; n++) {
        if (!boundary[i + n]) continue;
        const s = t.slice(i, i + n);
        const c = counts.get(s);
        if (c !== undefined) counts.set(s, c + 1);
      }
    }
  }
}

function readings(ch: string): string[] {
  return pinyin(ch, { toneType: 'none', type: 'array', multiple: true }).filter(p => /^[a-zü]+$/.test(p));
}

function main(argv: string[]): number {
  const corpusDirs = argv.filter(a => !a.startsWith('--'));
  const pairArg = argv.find(a => a.startsWith('--pair-min='));
  pairMin = pairArg ? Number(pairArg.slice(11)) : PAIR_MIN;
  if (!corpusDirs.length) {
    console.error('usage: node out/scripts/build-typo-lexicon.js <corpus folder…>');
    return 2;
  }
  const files = corpusDirs.flatMap(d => [...textFiles(d)]);
  const dir = dictDir();
  const stock = new Map<string, { freq: number; tag: string }>();
  for (const line of fs.readFileSync(stockDictPath(), 'utf8').split('\n')) {
    const [w, f, tag] = line.trim().split(' ');
    if (w && f) stock.set(w, { freq: Number(f), tag: tag ?? 'x' });
  }
  const zhengxie = new Set(readWordList(path.join(dir, 'zhengxie.user.utf8')));
  // Words edited text writes that jieba's dictionaries lack (筑牢, 互鉴, 新业态: scripts/mine-attested-words.ts); kept,
  // like any other candidate, only when the corpus has them often enough.
  const attestedPath = path.join(dir, 'attested.words.utf8');
  const attested = fs.existsSync(attestedPath) ? readWordList(attestedPath) : [];
  const packs = JSON.parse(fs.readFileSync(path.join(dir, '../../packs/wording.json'), 'utf8')) as { wording: { confusables: { chars: string }[] } };

  // 1. Candidate words and their corpus counts.
  const counts = new Map<string, number>();
  for (const w of [...stock.keys(), ...zhengxie, ...attested]) if (w.length <= 4 && HAN.test(w)) counts.set(w, 0);
  const seg = loadSegmenter().segmenter;
  if (!seg) throw new Error('nodejieba could not be loaded');
  const chars = files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').length, 0);
  countAligned(files, counts, seg, true);
  // Words of three or four characters rarely arise across word boundaries, but the segmenter cuts those it does not
  // know (垃圾|桶): they count as substrings.
  const longer = new Map<string, number>([...counts.keys()].filter(w => w.length >= 3).map(w => [w, 0]));
  countSubstrings(files, longer);
  for (const [w, c] of longer) counts.set(w, c);
  const targets = new Map<string, { corpus: number; jieba: number; tag: string }>();
  for (const [w, c] of counts) {
    const s = stock.get(w);
    const jieba = s?.freq ?? 0;
    const tag = s?.tag ?? 'n';
    const idiom = w.length === 4 && (tag === 'i' || tag === 'l');
    if (w.length === 1 || zhengxie.has(w) || c >= MIN_CORPUS || jieba >= MIN_JIEBA || (idiom && jieba >= MIN_IDIOM_JIEBA)) targets.set(w, { corpus: c, jieba, tag });
  }

  // 2. Homophones (same toneless reading) among common characters, and look-alikes from the pack.
  const bySyllable = new Map<string, string[]>();
  const charReadings = new Map<string, string[]>();
  for (const [w, s] of stock) {
    if (w.length !== 1 || !HAN.test(w) || s.freq < MIN_CHAR_FREQ) continue;
    const rs = readings(w);
    charReadings.set(w, rs);
    for (const r of rs) {
      if (!bySyllable.has(r)) bySyllable.set(r, []);
      bySyllable.get(r)!.push(w);
    }
  }
  const alikes = new Map<string, Set<string>>();
  for (const g of packs.wording.confusables) {
    for (const a of g.chars) for (const b of g.chars) if (a !== b) (alikes.get(a) ?? alikes.set(a, new Set()).get(a)!).add(b);
  }
  const alternatives = (ch: string): Set<string> => {
    const out = new Set<string>(alikes.get(ch) ?? []);
    for (const r of charReadings.get(ch) ?? readings(ch)) for (const x of bySyllable.get(r) ?? []) if (x !== ch) out.add(x);
    return out;
  };

  // Near readings (zh/z, in/ing …, as the rule derives them): only for words frequent enough to be proposed so.
  const nearAlternatives = (ch: string): Set<string> => {
    const out = new Set<string>();
    for (const r of charReadings.get(ch) ?? readings(ch)) for (const y of nearReadings(r)) for (const x of bySyllable.get(y) ?? []) if (x !== ch) out.add(x);
    return out;
  };

  // 3. One-character variants of the targets that are not targets themselves; keep those the corpus uses. Near-reading
  // variants too, of words the rule may propose for one (in edited text 产品|等, 新签约, 思政课 are written: not slips).
  const variants = new Map<string, number>();
  // The corpus count of the most frequent word each variant is a variant of (for step 3b).
  const source = new Map<string, number>();
  const addVariant = (v: string, c: number) => {
    if (targets.has(v)) return;
    variants.set(v, 0);
    if (c > (source.get(v) ?? 0)) source.set(v, c);
  };
  for (const [w, t] of targets) {
    if (w.length < 2) continue;
    const near = t.corpus >= NEAR_VARIANT_CORPUS_PAIR || (w.length > 2 && t.corpus >= NEAR_VARIANT_CORPUS);
    for (let i = 0; i < w.length; i++) {
      for (const x of alternatives(w[i])) addVariant(w.slice(0, i) + x + w.slice(i + 1), t.corpus);
      if (near) for (const x of nearAlternatives(w[i])) addVariant(w.slice(0, i) + x + w.slice(i + 1), t.corpus);
    }
  }
  countAligned(files, variants, seg);
  const anywhere = new Map<string, number>([...variants.keys()].map(v => [v, 0]));
  countSubstrings(files, anywhere);

  // 3b. Where the corpus writes a variant only across words (政复 in 行政|复议, 城施 in 因城|施策: never as a unit), the
  // characters it writes right before and after it: wording/typo takes such a variant as a slip only in other
  // company (政复采购). Kept for variants seen rarely against the word they vary (at most once per SPLIT_RATIO of
  // its occurrences; the rule has no use for the others); more than CONTEXT_CHARS distinct characters is "*".
  const contexts = new Map<string, { left: Set<string>; right: Set<string> }>();
  for (const [v, c] of variants) {
    const s = anywhere.get(v) ?? 0;
    if (c === 0 && s > 0 && s * SPLIT_RATIO < (source.get(v) ?? 0)) contexts.set(v, { left: new Set(), right: new Set() });
  }
  for (const f of files) {
    const t = fs.readFileSync(f, 'utf8');
    for (let i = 0; i < t.length; i++) {
      for (let n = 2; n <= 4 && i + n <= t.length; n++) {
        const x = contexts.get(t.slice(i, i + n));
        if (!x) continue;
        x.left.add(i > 0 ? t[i - 1] : '');
        x.right.add(i + n < t.length ? t[i + n] : '');
      }
    }
  }
  const contextOf = (v: string): string => {
    const x = contexts.get(v);
    if (!x) return '';
    const side = (set: Set<string>) => {
      const han = [...set].filter(ch => HAN.test(ch));
      return han.length > CONTEXT_CHARS ? '*' : han.join('');
    };
    return ` ${side(x.left)}|${side(x.right)}`;
  };

  // 4. Idioms (tag i) missing one character (漏字), by the three characters left; a key the corpus writes as a unit
  // (各方面 of 各个方面, 不动摇 of 不可动摇) is ordinary text and left out. 一如往 inside 一如往常 is not a unit.
  const deletionKeys = new Map<string, string[]>();
  for (const [w, t] of targets) {
    if (w.length !== 4 || t.tag !== 'i') continue;
    for (let k = 1; k < 3; k++) {
      const key = w.slice(0, k) + w.slice(k + 1);
      if (targets.has(key)) continue;
      const list = deletionKeys.get(key) ?? deletionKeys.set(key, []).get(key)!;
      if (!list.includes(w)) list.push(w);
    }
  }
  // Kept only when every occurrence in the corpus lies inside a longer token (一如往 inside 一如往常): any other
  // occurrence (依法|治国, 坚持|去, 度假|地) shows the three characters in ordinary use.
  const fresh = () => new Map<string, number>([...deletionKeys.keys()].map(k => [k, 0]));
  const anywhereKeys = fresh();
  countSubstrings(files, anywhereKeys);
  const withinKeys = fresh();
  countAligned(files, withinKeys, seg, true);
  const exactKeys = fresh();
  countAligned(files, exactKeys, seg);
  const deletions: string[] = [];
  for (const [key, ws] of deletionKeys) {
    const insideLonger = (withinKeys.get(key) ?? 0) - (exactKeys.get(key) ?? 0);
    if ((anywhereKeys.get(key) ?? 0) - insideLonger > 0) continue;
    for (const w of ws) deletions.push(`-${key} ${w}`);
  }

  // 5. Pairs of words that share a character where they meet (学生|生活, 工作|作风): the stutter hint of wording/typo
  // (AB + BC) is silent for pairs the corpus writes.
  const stutters = new Map<string, number>();
  // Adjacent word pairs (both 2–4 Han characters), for the real-word slips of step 7.
  const wordPairs = new Map<string, number>();
  // Every pair of words of 2–4 Han characters side by side (any lengths), for the pair counts kept ("%L|R count").
  const anyPairs = new Map<string, number>();
  for (const f of files) {
    const toks = seg.cut(fs.readFileSync(f, 'utf8'));
    for (let i = 0; i + 1 < toks.length; i++) {
      const a = toks[i].word;
      const b = toks[i + 1].word;
      if (a.length >= 2 && b.length >= 2 && a.length <= 4 && b.length <= 4 && (a.length === 2 || b.length === 2) && toks[i].offset + a.length === toks[i + 1].offset && HAN.test(a) && HAN.test(b)) {
        const k = a + '|' + b;
        wordPairs.set(k, (wordPairs.get(k) ?? 0) + 1);
      }
      if (a.length >= 2 && b.length >= 2 && a.length <= 4 && b.length <= 4 && toks[i].offset + a.length === toks[i + 1].offset && HAN.test(a) && HAN.test(b)) {
        const k = a + '|' + b;
        anyPairs.set(k, (anyPairs.get(k) ?? 0) + 1);
      }
      if (a.length >= 2 && b.length >= 2 && a.length <= 4 && b.length <= 4 && a[a.length - 1] === b[0] && HAN.test(a) && HAN.test(b)) stutters.set(a + b, (stutters.get(a + b) ?? 0) + 1);
    }
  }

  // 7. Real-word slips (市政|实施 for 市政|设施 when the words are homophones): a two-character word W written next to
  // a word L where edited text writes L beside a homophone word W′ at least REAL_PAIR times and never L beside W,
  // not even as characters across other word boundaries. Stored per written pair: "^L|W 1W′ count" (the second word
  // is the slip) or "^W|R 0W′ count" (the first is).
  // Homophone words by the reading of the word as a whole (pinyin-pro reads a polyphone in its word: 抢救 is qiang jiu only).
  const byReading = new Map<string, string[]>();
  const wordReading = (w: string) => pinyin(w, { toneType: 'none', type: 'array' }).join(' ');
  for (const [w, t] of targets) {
    if (w.length !== 2 || !HAN.test(w) || (t.corpus < MIN_CORPUS && t.jieba < MIN_JIEBA)) continue;
    const k = wordReading(w);
    (byReading.get(k) ?? byReading.set(k, []).get(k)!).push(w);
  }
  const homophoneWords = (w: string): string[] => (byReading.get(wordReading(w)) ?? []).filter(x => x !== w);
  // Evidence: the pair meant is a good share of what edited text writes beside L (share), and L|W would be expected
  // (expected: L's pairs × W's share of all pairs on that side), yet never occurs.
  const leftTotal = new Map<string, number>();
  const rightTotal = new Map<string, number>();
  let totalPairs = 0;
  for (const [k, c] of wordPairs) {
    const [a, b] = k.split('|');
    leftTotal.set(a, (leftTotal.get(a) ?? 0) + c);
    rightTotal.set(b, (rightTotal.get(b) ?? 0) + c);
    totalPairs += c;
  }
  const realCandidates = new Map<string, { side: number; meant: string; count: number; expected: number; share: number }[]>();
  for (const [k, c] of wordPairs) {
    if (c < REAL_PAIR) continue;
    const [a, b] = k.split('|');
    for (const side of [0, 1]) {
      const meant = side ? b : a;
      const other = side ? a : b;
      if (meant.length !== 2 || !targets.has(meant)) continue;
      const otherTotal = (side ? leftTotal : rightTotal).get(other) ?? 0;
      const share = c / otherTotal;
      if (share < REAL_SHARE) continue;
      for (const w of homophoneWords(meant)) {
        const written = side ? a + '|' + w : w + '|' + b;
        if (wordPairs.has(written)) continue;
        const expected = (otherTotal * ((side ? rightTotal : leftTotal).get(w) ?? 0)) / totalPairs;
        if (expected < REAL_EXPECTED) continue;
        const list = realCandidates.get(written) ?? realCandidates.set(written, []).get(written)!;
        list.push({ side, meant, count: c, expected, share });
      }
    }
  }
  // Never written as characters either (across other word boundaries).
  const realSeen = new Map<string, number>([...realCandidates.keys()].map(k => [k.replace('|', ''), 0]));
  for (const f of files) {
    const t = fs.readFileSync(f, 'utf8');
    for (let i = 0; i < t.length; i++) for (let n = 4; n <= 6 && i + n <= t.length; n++) {
      const s = t.slice(i, i + n);
      const c = realSeen.get(s);
      if (c !== undefined) realSeen.set(s, c + 1);
    }
  }
  const real: string[] = [];
  for (const [k, list] of realCandidates) {
    if ((realSeen.get(k.replace('|', '')) ?? 0) > 0) continue;
    list.sort((x, y) => y.count - x.count);
    real.push(`^${k} ${list.slice(0, 2).map(x => `${x.side}${x.meant}:${x.count}:${Math.round(x.expected * 10) / 10}:${Math.round(x.share * 100)}`).join(' ')}`);
  }

  // 6. Other dictionary words (2–4 Han characters, jieba frequency at least MIN_KNOWN_JIEBA): never corrected *to*,
  // but text that writes them is not a slip (时艰, 亟需, 和衷共济). jieba's rarest entries (frequency 2–3) are left
  // out: they include misspellings (入厕, 垃圾筒).
  const known: string[] = [];
  for (const [w, s] of stock) if (w.length >= 2 && w.length <= 4 && HAN.test(w) && s.freq >= MIN_KNOWN_JIEBA && !targets.has(w)) known.push(`+${w}`);

  const lines: string[] = [...known];
  for (const [w, t] of targets) lines.push(`${w} ${t.corpus} ${t.jieba} ${t.tag}`);
  let kept = 0;
  for (const [v, c] of variants) {
    const s = anywhere.get(v) ?? 0;
    if (s < 1) continue;
    lines.push(`~${v} ${c} ${s}${contextOf(v)}`);
    kept++;
  }
  for (const [r, cs] of bySyllable) lines.push(`=${r} ${cs.join('')}`);
  lines.push(...deletions);
  for (const [k, c] of stutters) lines.push(`&${k} ${c}`);
  lines.push(...real);
  let pairsKept = 0;
  for (const [k, c] of anyPairs) if (c >= pairMin) (lines.push(`%${k} ${c}`), pairsKept++);
  // One code-unit order for all lines: the sections ("-", "=", "~", words) are contiguous and binary-searchable.
  lines.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const header = [
    `# typo lexicon for wording/typo, built by scripts/build-typo-lexicon.ts; counts only, no text.`,
    `# Words: nodejieba's stock dictionary (jieba.dict.utf8), zhengxie.user.utf8 and attested.words.utf8 (words the corpus writes that jieba lacks): every single character, and words of 2–4 Han characters kept when the`,
    `# reference corpus has them at least ${MIN_CORPUS} times, jieba rates them at least ${MIN_JIEBA}, or they are set phrases (i/l) rated at least ${MIN_IDIOM_JIEBA}.`,
    `# Reference corpus: People's Daily, Feb 2019, Oct 2019, Jan 2020 (${files.length} articles, ${chars} characters); a word of two characters counts where no token boundary of the shipped segmenter cuts it, a longer one anywhere.`,
    `# Lines, sorted by UTF-16 code units: "word corpusCount jiebaFreq tag"; "+word" (another dictionary word, jieba`,
    `# frequency at least ${MIN_KNOWN_JIEBA}: known, never proposed); "~variant aligned anywhere" (a one-character`,
    `# homophone/look-alike variant of a word that the corpus itself writes: as a unit, on token boundaries of the`,
    `# shipped segmenter, and anywhere; for one written only across words and rarely against the word it varies (at most`,
    `# once per ${SPLIT_RATIO} of its occurrences), " left|right": the Han characters the corpus writes right before and after it,`,
    `# "*" for more than ${CONTEXT_CHARS}); "=syllable characters" (toneless readings`,
    `# from pinyin-pro of the characters jieba rates at least ${MIN_CHAR_FREQ}); "-key word" (an idiom that loses one inner character;`,
    `# keys the corpus has other than inside a longer token are left out); "&pair count" (two words written side by side`,
    `# that share the character where they meet, 学生生活); "^L|W iW′:count" (a real-word slip: the corpus writes the`,
    `# pair with word i (0 first, 1 second) replaced by the homophone word W′ at least ${REAL_PAIR} times, at least ${REAL_SHARE * 100}% of the pairs`,
    `# with L, and L|W, expected at least ${REAL_EXPECTED} times from the words' own counts, never; ":expected:share%" follow);`,
    `# "%L|R count" (two words of 2–4 Han characters the corpus writes side by side at least ${pairMin} times, as the shipped segmenter cuts it).`,
  ];
  const outArg = argv.find(a => a.startsWith('--out='));
  const out = outArg ? outArg.slice(6) : path.join(dir, 'typo.lexicon.utf8');
  fs.writeFileSync(out, header.join('\n') + '\n' + lines.join('\n') + '\n');
  // Its index (npm run build makes it too; the loader ignores an index of another text). Only beside a file named
  // *.lexicon.utf8: for any other name the index's name would be the lexicon's own (it was overwritten).
  if (/\.lexicon\.utf8$/.test(out)) fs.writeFileSync(out.replace(/\.lexicon\.utf8$/, '.index.bin'), buildLexiconIndex(fs.readFileSync(out, 'utf8'), fs.readFileSync(out)));
  console.log(`wrote ${out}: ${targets.size} words, ${kept} attested variants of ${variants.size}, ${real.length} real-word pairs, ${pairsKept} word pairs; corpus ${files.length} files, ${chars} characters`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
