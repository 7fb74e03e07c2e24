// Why generated slips are missed: node out/scripts/typo-why.js <text files or folders…> [--max=N] [--seed=S]
// [--show=K] [--doc]. Generates slips as typo-recall.js does (sentence mode, or document mode with --doc), lints each
// and, for each slip wording/typo misses, says where it was passed over: the character was inside a word the segmenter
// recognised, the quick test (mayHaveSlip) found nothing, a window-level guard, or the word meant was rejected (and why;
// trace hook of typo-candidates). Prints counts by reason and a sample of misses. Nothing of the text is written.
import * as fs from 'fs';
import { lint } from '../src/core/engine';
import { loadSegmenter } from '../src/segmenter';
import { trace } from '../src/rules/wording/_lib/typo-candidates';
import { finding, generate, generateInDocuments, GeneratedSlip, lintOptions, sentencesOf, textFiles } from './typo-recall';

function why(s: GeneratedSlip): { key: string; detail: string } {
  const seg = loadSegmenter().segmenter!;
  const lex = seg.lexicon!()!;
  const events: { phase: string; p: number; s: number; e: number; meant: string; why: string }[] = [];
  trace.on = (p, st, e, meant, w) => events.push({ phase: trace.phase ?? '', p, s: st, e, meant, why: w });
  const r = lint(s.text, lintOptions());
  trace.on = undefined;
  const other = r.diagnostics.find(d => d.offset <= s.offset && d.offset + d.length >= s.offset + s.length);
  // Events at the slip: the run holding it, the position matching.
  const at = events.filter(ev => {
    const run = ev.phase.slice(ev.phase.indexOf(':') + 1);
    const i = s.text.indexOf(run, Math.max(0, s.offset - run.length));
    return i >= 0 && i <= s.offset && s.offset < i + run.length && ev.p === s.offset - i && (ev.meant === '*' || ev.meant[ev.p - ev.s] === s.right);
  });
  const find = at.filter(e => e.phase.startsWith('find'));
  const pre = at.filter(e => e.phase.startsWith('pre'));
  const local = s.text.slice(Math.max(0, s.offset - 12), s.offset + 12);
  const tok = seg.cut(local).find(t => {
    const o = s.offset - Math.max(0, s.offset - 12);
    return t.offset <= o && o < t.offset + t.word.length;
  });
  const tokNote = tok ? `tok=${tok.word}` : '';
  if (other) return { key: `other-finding ${other.ruleId}`, detail: `${other.message} ${tokNote}` };
  const pick = find.length ? find : pre;
  if (!pick.length) {
    if (tok && tok.word.length >= 2 && (seg.isWord(tok.word) || lex.known(tok.word))) return { key: 'in-word', detail: tokNote };
    return { key: events.some(e => e.phase.startsWith('find')) ? 'no-trace(find)' : 'no-trace', detail: tokNote };
  }
  const main = pick.map(e => `${e.meant}@${e.s}-${e.e}:${e.why}`).join(' | ');
  const k = pick.map(e => e.why.replace(/ gain=.*/, '').replace(/\(.*\)/, m => m)).sort().join('+');
  return { key: (find.length ? '' : 'pre-only ') + k, detail: `${main} ${tokNote}` };
}

function main(argv: string[]): number {
  const opt = (k: string, d: number) => Number(argv.find(a => a.startsWith(`--${k}=`))?.split('=')[1] ?? d);
  const files = argv.filter(a => !a.startsWith('--')).flatMap(textFiles);
  const doc = argv.includes('--doc');
  const slips = doc
    ? generateInDocuments(files.map(f => fs.readFileSync(f, 'utf8')), opt('seed', 1), opt('max', 300), opt('per-doc', 12))
    : generate([...new Set(files.flatMap(f => sentencesOf(fs.readFileSync(f, 'utf8'))))], opt('seed', 1), opt('max', 300));
  const cls = argv.find(a => a.startsWith('--class='))?.split('=')[1];
  const byKey = new Map<string, number>();
  const lines: string[] = [];
  let missed = 0;
  for (const s of slips) {
    if (cls && s.cls !== cls) continue;
    if (finding(s)) continue;
    missed++;
    const w = why(s);
    const k = `${s.cls} ${w.key}`;
    byKey.set(k, (byKey.get(k) ?? 0) + 1);
    lines.push(`${s.cls} ${s.text.slice(Math.max(0, s.offset - 4), s.offset)}[${s.wrong}→${s.right}]${s.text.slice(s.offset + s.length, s.offset + s.length + 4)}  ${w.key} :: ${w.detail}`);
  }
  console.log(`missed ${missed}`);
  for (const [k, n] of [...byKey].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(4)} ${k}`);
  for (const l of lines.slice(0, opt('show', 60))) console.log(l);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
