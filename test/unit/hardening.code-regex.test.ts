// The regexes written in the code (rules and core) get the same catastrophic-backtracking check as pack
// regexes: every regex literal and every `new RegExp('…')` with a constant pattern in src/ is parsed out with
// the TypeScript compiler and checked by src/host/regex-safety.ts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { checkRegexSafety } from '../../src/host/regex-safety';

const SRC = path.resolve(__dirname, '../../../src');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

interface CodeRegex {
  where: string;
  source: string;
  flags: string;
}

/** Regex literals and `new RegExp(constant, constant?)` in one file. */
function regexesIn(file: string): CodeRegex[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const out: CodeRegex[] = [];
  const where = (n: ts.Node) => `${path.relative(path.dirname(SRC), file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  const constant = (n: ts.Node | undefined): string | undefined =>
    n && (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) ? n.text : undefined;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = (n as ts.RegularExpressionLiteral).text;
      const slash = lit.lastIndexOf('/');
      out.push({ where: where(n), source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    } else if ((ts.isNewExpression(n) || ts.isCallExpression(n)) && ts.isIdentifier(n.expression) && n.expression.text === 'RegExp') {
      const src = constant(n.arguments?.[0]);
      const flags = n.arguments && n.arguments.length > 1 ? constant(n.arguments[1]) : '';
      if (src !== undefined && flags !== undefined) out.push({ where: where(n), source: src, flags });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

describe('hardening: regexes in the code', function () {
  this.timeout(60000);
  const all = tsFiles(SRC)
    .filter(f => !f.endsWith('regex-safety.ts'))
    .flatMap(regexesIn);

  it('finds the regexes in src/ (the scan works)', () => {
    assert.ok(all.length > 50, `only ${all.length} regexes found`);
    assert.ok(all.some(r => r.where.startsWith('src/core/engine.ts')));
  });

  // The same trial as office packs (issue 17): exponential backtracking and quadratic searches (a run such as
  // [\s]+$ or <!--[\s\S]*?--> tried from every start on a long line). Trims of the end are written with
  // src/core/trim.ts, scans without a closing mark as indexOf loops.
  it('no regex in src/ can backtrack catastrophically or search in quadratic time', () => {
    const unsafe = all
      .map(r => ({ r, v: checkRegexSafety(r.source, r.flags.replace(/[gy]/g, '')) }))
      .filter(x => !x.v.safe && x.v.check !== 'syntax')
      .map(x => `${x.r.where} /${x.r.source}/${x.r.flags}: ${x.v.reason}`);
    assert.deepStrictEqual(unsafe, []);
  });
});
