// `node out/scripts/format-invariance.js <dir…>`: the same text in another container must give the same findings.
// Writes every .txt document under the given folders into a temp folder as the plain UTF-8 LF .txt and as variants
// (CRLF, BOM, GB18030, .md, full-width paragraph indent, hard-wrapped at ~40 characters, blank line between
// paragraphs / none, trailing spaces, .docx), runs the CLI (`node bin/draft-lint.js --format json`) once per variant
// folder, maps each finding's offset back onto the plain text (the variants only add or drop white space) and
// counts the findings (rule id, line, column, message) that appear in one form and not the other, per variant and
// rule. For the hard-wrapped variant only warnings and errors that appear in the variant alone count (a wrapped
// line is a broken paragraph, and some findings need the whole paragraph).
//
// Options:
//   --limit N        at most N documents per folder (spread evenly over the folder's files, sorted by path)
//   --min-chars N    leave out documents shorter than N characters (default 200)
//   --only a,b       run these variants only (names below)
//   --show N         print up to N differing findings per variant (default 5)
//   --json FILE      write the counts (and every difference) as JSON (for your own disk: it quotes the text)
//   --keep           keep the temp folder
//   --cli FILE       the command to run (default bin/draft-lint.js of this checkout; another checkout's for a
//                    before/after comparison)
// Nothing of the corpus text is written into the repository.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { parseArgs } from 'util';
import { strToU8, zipSync } from 'fflate';
import { displayWidth } from '../src/core/document';

const ROOT = path.resolve(__dirname, '../..');

interface Doc {
  name: string;
  text: string;
}

interface Variant {
  name: string;
  label: string;
  ext: string;
  /** The variant's text as the CLI decodes it (no BOM; the .docx reader's text for .docx). */
  make: (text: string) => string;
  bytes?: (text: string) => Uint8Array;
  /** Count only warnings and errors that appear in the variant alone. */
  extraOnly?: boolean;
}

const PARA_SEP = /\n/;

/** Lines of a text (LF). */
const lines = (t: string) => t.split(PARA_SEP);

/** Wraps every line wider than `width` columns (a wide character takes two, as on a PDF page) into lines of at
 *  most `width` columns. */
function hardWrap(t: string, width: number): string {
  return lines(t)
    .map(l => {
      if (displayWidth(l) <= width) return l;
      const out: string[] = [];
      let cur = '';
      for (const ch of l) {
        if (displayWidth(cur + ch) > width) {
          out.push(cur);
          cur = '';
        }
        cur += ch;
      }
      out.push(cur);
      return out.join('\n');
    })
    .join('\n');
}

/** Every paragraph indented with two full-width spaces (its own leading blanks replaced). */
const indent = (t: string) =>
  lines(t)
    .map(l => (l.trim() ? '\u3000\u3000' + l.replace(/^[\s\u3000]+/, '') : l))
    .join('\n');

/** One blank line between paragraphs. */
const blankBetween = (t: string) =>
  lines(t)
    .filter(l => l.trim())
    .join('\n\n');

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A minimal .docx: one w:p per line (an empty line an empty paragraph), one run each. */
export function minimalDocx(text: string): Uint8Array {
  const body = lines(text)
    .map(l => (l ? `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(l)}</w:t></w:r></w:p>` : '<w:p/>'))
    .join('');
  const files = {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '</Relationships>',
    ),
    'word/document.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
        body +
        '<w:sectPr/></w:body></w:document>',
    ),
  };
  return zipSync(files);
}

export const VARIANTS: Variant[] = [
  { name: 'crlf', label: '(1) CRLF 换行', ext: '.txt', make: t => t.replace(/\n/g, '\r\n') },
  {
    name: 'bom',
    label: '(2) UTF-8 带 BOM',
    ext: '.txt',
    make: t => t,
    bytes: t => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
  },
  {
    name: 'gb18030',
    label: '(3) GB18030 编码',
    ext: '.txt',
    make: t => t,
    bytes: t => (require('iconv-lite') as typeof import('iconv-lite')).encode(t, 'gb18030'),
  },
  { name: 'md', label: '(4) .md 扩展名', ext: '.md', make: t => t },
  {
    name: 'indent',
    label: '(5) 段首两个全角空格',
    ext: '.txt',
    make: t => indent(t),
  },
  { name: 'wrap40', label: '(6) 每 40 字硬换行', ext: '.txt', make: t => hardWrap(t, 80), extraOnly: true },
  {
    name: 'blank',
    label: '(7a) 段间空一行',
    ext: '.txt',
    make: t => blankBetween(t),
  },
  {
    name: 'noblank',
    label: '(7b) 段间不空行',
    ext: '.txt',
    make: t =>
      lines(t)
        .filter(l => l.trim())
        .join('\n'),
  },
  {
    name: 'trailing',
    label: '(8) 行尾空格',
    ext: '.txt',
    make: t =>
      lines(t)
        .map(l => (l.trim() ? l + '  ' : l))
        .join('\n'),
  },
  { name: 'docx', label: '(9) .docx', ext: '.docx', make: t => t, bytes: t => minimalDocx(t) },
  // Combinations that editors write: Word's "plain text" (UTF-16 LE with a BOM, CRLF), WPS's (GB18030, CRLF,
  // full-width indents), a Markdown file with indents and blank lines, a wrapped .md.
  {
    name: 'utf16',
    label: '(10) UTF-16LE+BOM+CRLF',
    ext: '.txt',
    make: t => t.replace(/\n/g, '\r\n'),
    bytes: t => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
  },
  {
    name: 'wps',
    label: '(11) GB18030+CRLF+缩进',
    ext: '.txt',
    make: t => indent(t).replace(/\n/g, '\r\n'),
    bytes: t => (require('iconv-lite') as typeof import('iconv-lite')).encode(t, 'gb18030'),
  },
  { name: 'md-indent', label: '(12) .md+缩进+空行', ext: '.md', make: t => blankBetween(indent(t)) },
  { name: 'wrap28', label: '(6b) 每 28 字硬换行（公文版心）', ext: '.txt', make: t => hardWrap(t, 56), extraOnly: true },
  {
    name: 'indent-sp',
    label: '(5b) 段首四个半角空格',
    ext: '.txt',
    make: t =>
      lines(t)
        .map(l => (l.trim() ? '    ' + l.replace(/^[\s\u3000]+/, '') : l))
        .join('\n'),
  },
  { name: 'docx-wrap', label: '(14) .docx 且硬换行（每行一段）', ext: '.docx', make: t => hardWrap(t, 80), bytes: t => minimalDocx(t), extraOnly: true },
  { name: 'md-wrap', label: '(13) .md+硬换行', ext: '.md', make: t => hardWrap(t, 80), extraOnly: true },
];

/** For each offset of `variant`, the offset of the same character in `base` (the variant differs from the base
 *  only by white space added or removed): aligned greedily. An added character maps to the next base character. */
export function alignOffsets(base: string, variant: string): Int32Array {
  const map = new Int32Array(variant.length + 1);
  const ws = (c: string) => /\s/.test(c);
  let i = 0;
  let j = 0;
  while (j < variant.length) {
    if (i < base.length && base[i] === variant[j]) {
      map[j++] = i++;
    } else if (ws(variant[j])) {
      map[j++] = i;
    } else if (i < base.length && ws(base[i])) {
      i++;
    } else {
      // Not a white-space difference: map the rest as far as it goes.
      map[j++] = Math.min(i, base.length);
      if (i < base.length) i++;
    }
  }
  map[variant.length] = base.length;
  return map;
}

function lineStarts(t: string): number[] {
  const out = [0];
  for (let i = 0; i < t.length; i++) if (t[i] === '\n') out.push(i + 1);
  return out;
}

function position(starts: number[], o: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: o - starts[lo] + 1 };
}

interface JsonDiag {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

interface Finding {
  key: string;
  ruleId: string;
  severity: string;
  line: number;
  column: number;
  message: string;
}

let CLI = path.join(ROOT, 'bin/draft-lint.js');

function runCli(dir: string): Map<string, JsonDiag[]> {
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', dir], {
    cwd: dir,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  let parsed: { files: { path: string; diagnostics?: JsonDiag[]; error?: string; skipped?: string }[] };
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    throw new Error(`CLI output is not JSON (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
  const out = new Map<string, JsonDiag[]>();
  for (const f of parsed.files) {
    if (f.error || f.skipped) console.error(`  ${f.path}: ${f.error ?? f.skipped}`);
    out.set(path.basename(f.path).replace(/\.[^.]+$/, ''), f.diagnostics ?? []);
  }
  return out;
}

function findings(base: string, variant: string, diags: JsonDiag[]): Finding[] {
  const map = variant === base ? undefined : alignOffsets(base, variant);
  const starts = lineStarts(base);
  return diags.map(d => {
    const o = map ? map[Math.min(d.offset, variant.length)] : d.offset;
    const p = position(starts, o);
    return { key: `${d.ruleId}|${p.line}|${p.column}|${d.message}`, ruleId: d.ruleId, severity: d.severity, line: p.line, column: p.column, message: d.message };
  });
}

/** Findings in `a` not matched in `b` (multiset difference by key). */
function minus(a: Finding[], b: Finding[]): Finding[] {
  const left = new Map<string, number>();
  for (const f of b) left.set(f.key, (left.get(f.key) ?? 0) + 1);
  const out: Finding[] = [];
  for (const f of a) {
    const n = left.get(f.key) ?? 0;
    if (n > 0) left.set(f.key, n - 1);
    else out.push(f);
  }
  return out;
}

function collect(dirs: string[], limit: number, minChars: number): Doc[] {
  const docs: Doc[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((x, y) => (x.name < y.name ? -1 : 1))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && /\.txt$/i.test(e.name)) files.push(p);
      }
    };
    walk(dir);
    const texts = files
      .map(f => ({ f, t: fs.readFileSync(f, 'utf8').replace(/^\ufeff/, '').replace(/\r\n?/g, '\n') }))
      .filter(x => [...x.t.replace(/\s/g, '')].length >= minChars);
    const step = limit > 0 && texts.length > limit ? texts.length / limit : 1;
    for (let k = 0; k < texts.length && (limit <= 0 || docs.filter(d => d.name.startsWith(path.basename(dir))).length < limit); k++) {
      const x = texts[Math.floor(k * step)];
      if (!x) break;
      let name = `${path.basename(dir)}__${path.basename(x.f, '.txt')}`;
      while (seen.has(name)) name += '_';
      seen.add(name);
      docs.push({ name, text: x.t });
    }
  }
  return docs;
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      limit: { type: 'string', default: '0' },
      'min-chars': { type: 'string', default: '200' },
      only: { type: 'string' },
      show: { type: 'string', default: '5' },
      json: { type: 'string' },
      keep: { type: 'boolean', default: false },
      cli: { type: 'string' },
    },
  });
  if (values.cli) CLI = path.resolve(values.cli);
  if (!positionals.length) {
    console.error('usage: node out/scripts/format-invariance.js <dir…> [--limit N] [--only crlf,md,…] [--show N] [--json FILE]');
    process.exit(2);
  }
  const docs = collect(positionals, Number(values.limit), Number(values['min-chars']));
  const only = values.only ? new Set(values.only.split(',')) : undefined;
  const variants = VARIANTS.filter(v => !only || only.has(v.name));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'format-invariance-'));
  const chars = docs.reduce((n, d) => n + d.text.length, 0);
  console.log(`${docs.length} documents, ${chars} characters; temp folder ${tmp}`);
  const write = (sub: string, ext: string, conv: (t: string) => string, bytes?: (t: string) => Uint8Array) => {
    const dir = path.join(tmp, sub);
    fs.mkdirSync(dir);
    for (const d of docs) {
      const t = conv(d.text);
      fs.writeFileSync(path.join(dir, d.name + ext), bytes ? bytes(t) : Buffer.from(t, 'utf8'));
    }
    return dir;
  };
  const baseRun = runCli(write('base', '.txt', t => t));
  const base = new Map(docs.map(d => [d.name, findings(d.text, d.text, baseRun.get(d.name) ?? [])]));
  const baseTotal = [...base.values()].reduce((n, f) => n + f.length, 0);
  console.log(`base (.txt UTF-8 LF): ${baseTotal} findings`);
  const show = Number(values.show);
  const summary: Record<string, { extra: number; missing: number; perRule: Record<string, { extra: number; missing: number }>; diffs: unknown[] }> = {};
  for (const v of variants) {
    const run = runCli(write(v.name, v.ext, v.make, v.bytes));
    const s = (summary[v.name] = { extra: 0, missing: 0, perRule: {} as Record<string, { extra: number; missing: number }>, diffs: [] as unknown[] });
    const shown: string[] = [];
    for (const d of docs) {
      const vt = v.make(d.text);
      const vf = findings(d.text, vt, run.get(d.name) ?? []);
      const b = base.get(d.name)!;
      let extra = minus(vf, b);
      let missing = minus(b, vf);
      if (v.extraOnly) {
        extra = extra.filter(f => f.severity === 'warning' || f.severity === 'error');
        missing = [];
      }
      for (const [kind, list] of [['extra', extra], ['missing', missing]] as const) {
        for (const f of list) {
          s[kind]++;
          const r = (s.perRule[f.ruleId] ??= { extra: 0, missing: 0 });
          r[kind]++;
          s.diffs.push({ doc: d.name, kind, ...f });
          if (shown.length < show) shown.push(`    ${kind === 'extra' ? '+' : '-'} ${d.name}:${f.line}:${f.column} ${f.ruleId} ${f.message}`);
        }
      }
    }
    const rules = Object.entries(s.perRule)
      .sort((a, b) => b[1].extra + b[1].missing - a[1].extra - a[1].missing)
      .map(([r, c]) => `${r} +${c.extra}/-${c.missing}`)
      .join(', ');
    console.log(`${v.label.padEnd(16)} ${v.name.padEnd(9)} +${s.extra} -${s.missing}${rules ? '  ' + rules : ''}`);
    for (const l of shown) console.log(l);
  }
  if (values.json) fs.writeFileSync(values.json, JSON.stringify({ documents: docs.length, characters: chars, baseFindings: baseTotal, variants: summary }, null, 1));
  if (!values.keep) fs.rmSync(tmp, { recursive: true, force: true });
}

if (require.main === module) main();
