// Compares the two segmenters (nodejieba and the jieba-wasm fallback, src/segmenter/wasm.ts) on folders of drafts:
// lints every .txt/.md file with the default config once with each, lists every finding that differs, and counts
// the runs of text (between punctuation) that they cut differently. Then loads each one in a fresh process and reports
// its load time and memory. Nothing of the corpus text is written anywhere; differing findings and runs are printed on
// the terminal only.
// Usage: npx tsc -p . && node out/scripts/compare-segmenters.js [--runs N] [--no-load] <dir…>
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { lint } from '../src/lint';
import type { Diagnostic, Segmenter } from '../src/core/types';
import { loadSegmenter, SegmenterEngine } from '../src/segmenter';

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(txt|md|markdown)$/i.test(e.name)) out.push(p);
  }
  return out;
}

const key = (d: Diagnostic) => `${d.ruleId}\t${d.line}:${d.column}-${d.endLine}:${d.endColumn}\t${d.severity}\t${d.message}`;
const BREAK = /[\s\u3000，。、；：？！…—·“”‘’《》〈〉（）【】〔〕「」『』〖〗～｜,;:!?()[\]{}"]/g;

/** Loads one engine in a fresh process: load time, and memory after the load minus before it. */
function measureLoad(engine: SegmenterEngine): { loadMs: number; rssMB: number; heapMB: number; externalMB: number } {
  const script = `const before = process.memoryUsage();
const s = require(${JSON.stringify(path.join(__dirname, '../src/segmenter'))});
const t0 = performance.now();
const r = s.loadSegmenter({ engine: ${JSON.stringify(engine)} });
const ms = performance.now() - t0;
if (!r.segmenter) { console.error(r.error); process.exit(1); }
r.segmenter.cut('政协委员围绕中心工作建言资政');
global.gc && global.gc();
const after = process.memoryUsage();
console.log(JSON.stringify({ loadMs: ms, rssMB: (after.rss - before.rss) / 1048576, heapMB: (after.heapUsed - before.heapUsed) / 1048576, externalMB: (after.external + after.arrayBuffers - before.external - before.arrayBuffers) / 1048576 }));`;
  const p = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`${engine}: ${p.stderr}`);
  return JSON.parse(p.stdout);
}

function main(): void {
  const args = process.argv.slice(2);
  const showRuns = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 10);
  const folders = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
  if (!folders.length) {
    console.error('usage: node out/scripts/compare-segmenters.js [--runs N] [--no-load] <dir…>');
    process.exit(2);
  }
  const a = loadSegmenter({ engine: 'nodejieba' });
  const b = loadSegmenter({ engine: 'jieba-wasm' });
  if (!a.segmenter || !b.segmenter) throw new Error(a.error ?? b.error);
  const segs: [string, Segmenter][] = [
    ['nodejieba', a.segmenter],
    ['jieba-wasm', b.segmenter],
  ];
  let totalDiff = 0;
  for (const folder of folders) {
    let files = 0;
    let chars = 0;
    const findings = [0, 0];
    const diffs: string[] = [];
    const runs = new Set<string>();
    for (const file of walk(folder)) {
      const text = fs.readFileSync(file, 'utf8');
      files++;
      chars += text.replace(/\s/g, '').length;
      const [ka, kb] = segs.map(([, segmenter], i) => {
        const res = lint(text, { path: file, segmenter, segmenterState: 'ready' });
        findings[i] += res.diagnostics.length;
        return res.diagnostics.map(key);
      });
      const sa = new Set(ka);
      const sb = new Set(kb);
      for (const k of ka) if (!sb.has(k)) diffs.push(`${path.relative(folder, file)}\tonly nodejieba\t${k}`);
      for (const k of kb) if (!sa.has(k)) diffs.push(`${path.relative(folder, file)}\tonly jieba-wasm\t${k}`);
      for (const r of text.split(BREAK)) if (r) runs.add(r);
    }
    let runDiff = 0;
    const shown: string[] = [];
    for (const r of runs) {
      const ta = a.segmenter.cut(r).map(t => t.word).join('|');
      const tb = b.segmenter.cut(r).map(t => t.word).join('|');
      if (ta === tb) continue;
      runDiff++;
      if (shown.length < showRuns) shown.push(`  nodejieba  ${ta}\n  jieba-wasm ${tb}`);
    }
    totalDiff += diffs.length;
    console.log(`${folder}: ${files} files, ${chars} characters; findings nodejieba ${findings[0]}, jieba-wasm ${findings[1]}; differing findings ${diffs.length}; runs cut differently ${runDiff} of ${runs.size}`);
    for (const d of diffs) console.log('  ' + d);
    if (shown.length) console.log(shown.join('\n'));
  }
  if (!args.includes('--no-load')) {
    for (const engine of ['nodejieba', 'jieba-wasm'] as const) {
      const m = measureLoad(engine);
      console.log(`load ${engine}: ${m.loadMs.toFixed(0)} ms, +${m.rssMB.toFixed(1)} MB RSS (JS heap +${m.heapMB.toFixed(1)} MB, external +${m.externalMB.toFixed(1)} MB)`);
    }
  }
  process.exitCode = totalDiff ? 1 : 0;
}

main();
