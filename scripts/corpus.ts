// `npm run corpus -- <dir…>`: the precision check. Lints every .txt/.md file under the given folders with the default
// config (every default rule, the segmenter loaded), and prints per rule the number of findings and their rate per
// 10,000 characters, a reproducible random sample of findings with their context (for a person to judge), and a JSON
// summary. It is the tool to run before and after every rule change, on edited text where nearly every finding is a
// false alarm (People's Daily: `tar xJf ../shared/corpus/peoples-daily/2020-01.tar.xz`).
//
// Options:
//   --sample N          findings shown per rule (default 5; 0 shows none)
//   --seed N            seed of the sample (default 1)
//   --rule ID           only these rules in the sample (repeatable; `wording/*` works); the table shows every rule
//   --severity LEVEL    lowest severity sampled: info | warning (default warning)
//   --json FILE         write the summary (and the sample) as JSON
//   --per-folder        a table row per given folder as well as the total
//   --update-docs       write the per-rule table into docs/precision.md and a per-folder summary into README.md
//                       (between the precision markers)
//   --note TEXT         with --update-docs: a line saying what the corpus was (provenance)
// Characters are counted as code points that are not white space. Nothing of the corpus text is written anywhere
// except the sample printed on the terminal (and in --json, which is for your own disk, never for the repository).
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { lint } from '../src/lint';
import type { Diagnostic, Segmenter, Severity } from '../src/core/types';
import { loadSegmenter } from '../src/segmenter';
import { prng } from '../src/core/prng';

const ROOT = path.resolve(__dirname, '../..');

interface RuleCount {
  error: number;
  warning: number;
  info: number;
}

interface SampleItem {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  message: string;
  context: string;
}

export interface CorpusSummary {
  folders: { folder: string; files: number; chars: number; counts: Record<string, RuleCount> }[];
  files: number;
  chars: number;
  /** Findings per rule over every folder. */
  counts: Record<string, RuleCount>;
  /** Warnings + errors per 10k characters, and info per 10k. */
  rate: { warnErr: number; info: number };
  notices: Record<string, number>;
  seconds: number;
}

/** Every .txt/.md file below `dir`, sorted (so the sample is reproducible). */
function walk(dir: string, out: string[] = []): string[] {
  const st = fs.statSync(dir);
  if (st.isFile()) {
    out.push(dir);
    return out;
  }
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = path.join(dir, name);
    const s = fs.lstatSync(p);
    if (s.isDirectory()) walk(p, out);
    else if (s.isFile() && /\.(txt|md)$/i.test(name)) out.push(p);
  }
  return out;
}

/** Code points that are not white space. */
export function countChars(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

/** The finding's line with 30 characters either side, the span in 【】. */
function contextOf(text: string, d: Diagnostic): string {
  const from = Math.max(0, d.offset - 30);
  const to = Math.min(text.length, d.offset + d.length + 30);
  const clean = (s: string) => s.replace(/\s+/g, ' ');
  return clean(text.slice(from, d.offset)) + '【' + clean(text.slice(d.offset, d.offset + d.length)) + '】' + clean(text.slice(d.offset + d.length, to));
}

function matchesRule(id: string, patterns: string[]): boolean {
  if (!patterns.length) return true;
  return patterns.some(p => (p.endsWith('/*') ? id.startsWith(p.slice(0, -1)) : id === p));
}

const per10k = (n: number, chars: number) => (chars ? (n * 10000) / chars : 0);

function emptyCount(): RuleCount {
  return { error: 0, warning: 0, info: 0 };
}

/** Lints the folders; `onFinding` sees every diagnostic with its text (for sampling). */
export function runCorpus(folders: string[], segmenter: Segmenter | undefined, onFinding?: (d: Diagnostic, text: string, file: string) => void): CorpusSummary {
  const t0 = Date.now();
  const summary: CorpusSummary = { folders: [], files: 0, chars: 0, counts: {}, rate: { warnErr: 0, info: 0 }, notices: {}, seconds: 0 };
  for (const folder of folders) {
    const row = { folder, files: 0, chars: 0, counts: {} as Record<string, RuleCount> };
    for (const file of walk(folder)) {
      const text = fs.readFileSync(file, 'utf8');
      row.files++;
      row.chars += countChars(text);
      const res = lint(text, { path: file, segmenter, segmenterState: segmenter ? 'ready' : 'unavailable' });
      for (const n of res.notices) summary.notices[n.kind] = (summary.notices[n.kind] ?? 0) + 1;
      for (const d of res.diagnostics) {
        (row.counts[d.ruleId] ??= emptyCount())[d.severity]++;
        (summary.counts[d.ruleId] ??= emptyCount())[d.severity]++;
        onFinding?.(d, text, file);
      }
    }
    summary.folders.push(row);
    summary.files += row.files;
    summary.chars += row.chars;
  }
  let we = 0;
  let info = 0;
  for (const c of Object.values(summary.counts)) {
    we += c.error + c.warning;
    info += c.info;
  }
  summary.rate = { warnErr: per10k(we, summary.chars), info: per10k(info, summary.chars) };
  summary.seconds = (Date.now() - t0) / 1000;
  return summary;
}

/** The per-rule table (Markdown), rules with most warnings+errors first. */
export function formatTable(s: CorpusSummary, perFolder: boolean): string {
  const rows: string[] = [];
  const head = ['规则 rule', '错误 error', '警告 warning', '提示 info', '警告+错误 /万字', '提示 /万字'];
  if (perFolder) for (const f of s.folders) head.push(`${path.basename(f.folder)} 警告+错误 /万字`);
  rows.push('| ' + head.join(' | ') + ' |');
  rows.push('|' + head.map((_, i) => (i ? ' ---: ' : ' --- ')).join('|') + '|');
  const ids = Object.keys(s.counts).sort((a, b) => {
    const ca = s.counts[a];
    const cb = s.counts[b];
    return cb.error + cb.warning - (ca.error + ca.warning) || cb.info - ca.info || a.localeCompare(b);
  });
  const cell = (c: RuleCount, chars: number) => per10k(c.error + c.warning, chars).toFixed(3);
  for (const id of ids) {
    const c = s.counts[id];
    const r = [`\`${id}\``, String(c.error), String(c.warning), String(c.info), cell(c, s.chars), per10k(c.info, s.chars).toFixed(3)];
    if (perFolder) for (const f of s.folders) r.push(cell(f.counts[id] ?? emptyCount(), f.chars));
    rows.push('| ' + r.join(' | ') + ' |');
  }
  const tot = emptyCount();
  for (const c of Object.values(s.counts)) {
    tot.error += c.error;
    tot.warning += c.warning;
    tot.info += c.info;
  }
  const t = ['**合计 total**', String(tot.error), String(tot.warning), String(tot.info), `**${s.rate.warnErr.toFixed(3)}**`, s.rate.info.toFixed(3)];
  if (perFolder)
    for (const f of s.folders) {
      const fc = emptyCount();
      for (const c of Object.values(f.counts)) {
        fc.error += c.error;
        fc.warning += c.warning;
      }
      t.push(`**${cell(fc, f.chars)}**`);
    }
  rows.push('| ' + t.join(' | ') + ' |');
  return rows.join('\n');
}

/** The short table for the README: warnings+errors and hints per 10k characters for each folder and in total. */
export function formatSummary(s: CorpusSummary): string {
  const rows = ['| 语料 corpus | 文件 files | 字数 chars | 警告+错误 /万字 | 提示 /万字 |', '| --- | ---: | ---: | ---: | ---: |'];
  const line = (name: string, files: number, chars: number, counts: Record<string, RuleCount>) => {
    let we = 0;
    let info = 0;
    for (const c of Object.values(counts)) {
      we += c.error + c.warning;
      info += c.info;
    }
    return `| ${name} | ${files} | ${chars} | ${per10k(we, chars).toFixed(3)} | ${per10k(info, chars).toFixed(3)} |`;
  };
  for (const f of s.folders) rows.push(line(path.basename(f.folder), f.files, f.chars, f.counts));
  if (s.folders.length > 1) rows.push(line('**合计 total**', s.files, s.chars, s.counts));
  return rows.join('\n');
}

/** Replaces the text between `<!-- precision:start -->` and `<!-- precision:end -->` in `file`. */
function writeBetweenMarkers(file: string, body: string): boolean {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- precision:start -->');
  const end = text.indexOf('<!-- precision:end -->');
  if (start < 0 || end < start) return false;
  fs.writeFileSync(file, text.slice(0, start) + '<!-- precision:start -->\n' + body + '\n' + text.slice(end));
  return true;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      sample: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      rule: { type: 'string', multiple: true, default: [] },
      severity: { type: 'string', default: 'warning' },
      json: { type: 'string' },
      'per-folder': { type: 'boolean', default: false },
      'update-docs': { type: 'boolean', default: false },
      note: { type: 'string' },
    },
  });
  if (!positionals.length) {
    console.error('用法: npm run corpus -- <目录…> [--sample N] [--seed N] [--rule ID] [--severity info|warning] [--json 文件] [--per-folder] [--update-docs --note 说明]');
    process.exit(2);
  }
  for (const p of positionals) {
    if (!fs.existsSync(p)) {
      console.error(`找不到目录：${p}`);
      process.exit(2);
    }
  }
  const sampleN = Number(values.sample);
  const minSeverity = values.severity === 'info' ? 0 : 1;
  const rank: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
  const load = loadSegmenter();
  if (!load.segmenter) console.error(`分词器未加载：${load.error}（需要分词的规则不会运行）`);
  // Reservoir sampling per rule with a seeded generator: the same corpus and seed give the same sample.
  const rand = prng(Number(values.seed));
  const seen: Record<string, number> = {};
  const sample: Record<string, SampleItem[]> = {};
  const summary = runCorpus(positionals, load.segmenter, (d, text, file) => {
    if (!sampleN || rank[d.severity] < minSeverity || !matchesRule(d.ruleId, values.rule as string[])) return;
    const n = (seen[d.ruleId] = (seen[d.ruleId] ?? 0) + 1);
    const bucket = (sample[d.ruleId] ??= []);
    const item = (): SampleItem => ({ ruleId: d.ruleId, severity: d.severity, file: path.relative(process.cwd(), file), line: d.line, column: d.column, message: d.message, context: contextOf(text, d) });
    if (bucket.length < sampleN) bucket.push(item());
    else {
      const j = Math.floor(rand() * n);
      if (j < sampleN) bucket[j] = item();
    }
  });
  const table = formatTable(summary, values['per-folder'] as boolean);
  console.log(`语料 corpus: ${summary.files} 个文件, ${summary.chars} 字 (${summary.seconds.toFixed(1)} s)`);
  console.log(`警告+错误 warnings+errors: ${summary.rate.warnErr.toFixed(3)} /万字; 提示 info: ${summary.rate.info.toFixed(3)} /万字`);
  if (Object.keys(summary.notices).length) console.log(`notices: ${JSON.stringify(summary.notices)}`);
  console.log('\n' + table + '\n');
  for (const id of Object.keys(sample).sort()) {
    console.log(`## ${id} (${seen[id]} sampled-eligible findings, ${sample[id].length} shown)`);
    for (const it of sample[id]) console.log(`- [${it.severity}] ${it.file}:${it.line}:${it.column} ${it.message}\n    ${it.context}`);
    console.log('');
  }
  if (values.json) fs.writeFileSync(values.json, JSON.stringify({ summary, sample }, null, 2));
  if (values['update-docs']) {
    const note = values.note ?? positionals.map(p => path.basename(p)).join(', ');
    const body =
      `语料：${note}；${summary.files} 个文件，${summary.chars} 字（不计空白）。` +
      `警告+错误 **${summary.rate.warnErr.toFixed(3)}** 条/万字，提示 ${summary.rate.info.toFixed(3)} 条/万字。` +
      `由 \`npm run corpus -- <目录…> --update-docs\` 生成（${new Date().toISOString().slice(0, 10)}）。\n\n` +
      table;
    const short =
      `语料：${note}。由 \`npm run corpus -- <目录…> --update-docs\` 生成（${new Date().toISOString().slice(0, 10)}）；每条规则的数字见 [docs/precision.md](docs/precision.md)。\n\n` +
      formatSummary(summary);
    const targets: [string, string][] = [
      [path.join(ROOT, 'docs/precision.md'), body],
      [path.join(ROOT, 'README.md'), short],
    ];
    for (const [f, text] of targets) {
      if (fs.existsSync(f) && writeBetweenMarkers(f, text)) console.error(`已写入 ${path.relative(ROOT, f)}`);
    }
  }
}

if (require.main === module) main();
