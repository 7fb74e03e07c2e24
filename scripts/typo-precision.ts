// Findings of wording/typo alone on edited text: node out/scripts/typo-precision.js <folders…> [--show=N] [--seed=S].
// Faster than `npm run corpus` (one rule and the two it defers to) for measuring on a held-out month: build a lexicon
// without that month (build-typo-lexicon.js <other months> --out=FILE) and run with DRAFT_LINT_TYPO_LEXICON=FILE.
// Prints counts per severity and per 10k characters, and a sample of findings with a little context (terminal only).
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../src/core/engine';
import { prng } from '../src/core/prng';
import { lintOptions } from './typo-recall';

function textFiles(p: string): string[] {
  if (fs.statSync(p).isDirectory()) return fs.readdirSync(p).sort().flatMap(e => textFiles(path.join(p, e)));
  return /\.(txt|md)$/.test(p) ? [p] : [];
}

function main(argv: string[]): number {
  const opt = (k: string, d: number) => Number(argv.find(a => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const files = argv.filter(a => !a.startsWith('--')).flatMap(textFiles);
  const options = lintOptions();
  let chars = 0;
  const found: { sev: string; text: string }[] = [];
  for (const f of files) {
    const t = fs.readFileSync(f, 'utf8');
    chars += t.replace(/\s/g, '').length;
    for (const d of lint(t, options).diagnostics) {
      if (d.ruleId !== 'wording/typo') continue;
      found.push({ sev: d.severity, text: `${t.slice(Math.max(0, d.offset - 6), d.offset)}[${t.slice(d.offset, d.offset + d.length)}→${d.expected ?? ''}]${t.slice(d.offset + d.length, d.offset + d.length + 6)}`.replace(/\s/g, ' ') });
    }
  }
  const per = (n: number) => ((n / chars) * 1e4).toFixed(3);
  const w = found.filter(x => x.sev !== 'info');
  console.log(`${files.length} files, ${chars} characters: warnings ${w.length} (${per(w.length)} per 10k), hints ${found.length - w.length} (${per(found.length - w.length)} per 10k)`);
  const rnd = prng(opt('seed', 1));
  const show = opt('show', 40);
  for (const x of w.slice(0, show)) console.log(`  W ${x.text}`);
  const hints = found.filter(x => x.sev === 'info').map(x => [rnd(), x] as const).sort((a, b) => a[0] - b[0]).slice(0, show);
  for (const [, x] of hints) console.log(`  i ${x.text}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
