// The VS Code snippet files: valid snippet JSON, well-formed bodies, Chinese and pinyin prefixes, every snippet documented,
// and every skeleton, expanded, detected as its type with no structure finding.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint } from '../../src/lint';
import { STRUCTURE_RULES } from '../../src/rules/structure';

const ROOT = path.resolve(__dirname, '../../..');
const FILES = { markdown: 'snippets/markdown.json', plaintext: 'snippets/plaintext.json' };

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

/**
 * Expands a VS Code snippet body the way the editor does when the user accepts every default: `${1:default}` gives
 * its default (which may nest), `${1|a,b|}` its chosen option, `$1`/`${1}` repeats what that tab stop holds,
 * `$0` and unknown variables give nothing, `\$` `\}` `\\` are literal. Throws on malformed bodies.
 * `choose` picks an option index per tab stop (default 0).
 */
export function expandSnippet(body: string, choose: Record<number, number> = {}): string {
  const values = new Map<number, string>();
  let i = 0;
  const parse = (stopAt: string | null): string => {
    let out = '';
    while (i < body.length) {
      const c = body[i];
      if (stopAt !== null && c === stopAt) return out;
      if (c === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1])) {
        out += body[i + 1];
        i += 2;
        continue;
      }
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      // $n, ${n}, ${n:…}, ${n|…|}, $VAR, ${VAR}, ${VAR:…}
      const simple = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(i));
      if (simple) {
        i += simple[0].length;
        out += /^\d+$/.test(simple[1]) ? (values.get(+simple[1]) ?? '') : '';
        continue;
      }
      if (body[i + 1] !== '{') throw new Error(`bare $ at ${i}`);
      const head = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)([:|}])/.exec(body.slice(i));
      if (!head) throw new Error(`malformed placeholder at ${i}: ${body.slice(i, i + 12)}`);
      i += head[0].length;
      const isStop = /^\d+$/.test(head[1]);
      const n = isStop ? +head[1] : -1;
      let value: string;
      if (head[2] === '}') value = isStop ? (values.get(n) ?? '') : '';
      else if (head[2] === ':') {
        value = parse('}');
        if (body[i] !== '}') throw new Error(`unclosed placeholder \${${head[1]}:`);
        i++;
      } else {
        const end = body.indexOf('|}', i);
        if (end < 0) throw new Error(`unclosed choice \${${head[1]}|`);
        const options = body.slice(i, end).split(',');
        if (options.some(o => !o)) throw new Error(`empty choice in \${${head[1]}|`);
        value = options[Math.min(choose[n] ?? 0, options.length - 1)];
        i = end + 2;
      }
      if (isStop && !values.has(n)) values.set(n, value);
      out += isStop && n !== 0 ? values.get(n)! : value;
    }
    if (stopAt !== null) throw new Error(`missing ${stopAt}`);
    return out;
  };
  return parse(null);
}

const load = (rel: string) => JSON.parse(fs.readFileSync(path.join(ROOT, rel), 'utf8')) as Record<string, Snippet>;
const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** The skeletons and the type each must be detected as. */
const SKELETONS: Record<string, { type: string; template: string }> = {
  常委会工作报告模板: { type: 'report', template: 'cppcc-report' },
  提案模板: { type: 'proposal', template: 'proposal' },
  工作要点模板: { type: 'plan', template: 'work-plan' },
  社情民意信息模板: { type: 'sqmy', template: 'sqmy' },
  短提案模板: { type: 'proposal', template: 'proposal' },
  案由办法提案模板: { type: 'proposal', template: 'proposal' },
  社情民意来源模板: { type: 'sqmy', template: 'sqmy' },
  提案工作情况报告模板: { type: 'review-report', template: 'proposal-work-report' },
  提案审查情况报告模板: { type: 'review-report', template: 'proposal-review-report' },
};

describe('snippet body expander', () => {
  it('expands defaults, mirrors, choices, nesting and escapes', () => {
    assert.strictEqual(expandSnippet('${1:甲}与$1，${2|工作安排,工作打算|}；${3:外${4:内}}$4\\$0$0'), '甲与甲，工作安排；外内内$0');
    assert.strictEqual(expandSnippet('${2|工作安排,工作打算|}', { 2: 1 }), '工作打算');
    assert.strictEqual(expandSnippet('${CURRENT_YEAR}年'), '年');
  });
  it('rejects malformed bodies', () => {
    assert.throws(() => expandSnippet('${1:甲'));
    assert.throws(() => expandSnippet('${1|甲,乙}'));
    assert.throws(() => expandSnippet('${:甲}'));
  });
});

for (const [languageId, rel] of Object.entries(FILES)) {
  describe(`snippets: ${rel}`, () => {
    const snippets = load(rel);
    const entries = Object.entries(snippets);

    it('is a VS Code snippet file: name → {prefix, body, description}', () => {
      assert.ok(entries.length >= 20, `${entries.length} snippets`);
      for (const [name, s] of entries) {
        assert.deepStrictEqual(Object.keys(s).filter(k => !['prefix', 'body', 'description', 'scope'].includes(k)), [], name);
        assert.ok(prefixes(s).length && prefixes(s).every(p => typeof p === 'string' && p.length > 0), `${name} prefix`);
        assert.ok(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every(l => typeof l === 'string')), `${name} body`);
        assert.ok(typeof s.description === 'string' && /[\u4e00-\u9fff]/.test(s.description), `${name} description`);
        expandSnippet(bodyText(s));
      }
    });

    it('every snippet has a Chinese prefix and a pinyin-initials prefix; prefixes are unique', () => {
      const seen = new Map<string, string>();
      for (const [name, s] of entries) {
        assert.ok(prefixes(s).some(p => /^[\u4e00-\u9fff]/.test(p)), `${name}: no Chinese prefix`);
        assert.ok(prefixes(s).some(p => /^[a-z]{2,6}$/.test(p)), `${name}: no pinyin-initials prefix`);
        for (const p of prefixes(s)) {
          assert.ok(!seen.has(p), `prefix ${p} used by ${seen.get(p)} and ${name}`);
          seen.set(p, name);
        }
      }
      assert.strictEqual(seen.get('bgmb'), '常委会工作报告模板');
      assert.strictEqual(seen.get('tamb'), '提案模板');
      assert.strictEqual(seen.get('sgys'), '四个意识');
    });

    it('offers the same snippets and prefixes as the other file', () => {
      const other = load(languageId === 'markdown' ? FILES.plaintext : FILES.markdown);
      assert.deepStrictEqual(Object.keys(snippets), Object.keys(other));
      for (const [name, s] of entries) assert.deepStrictEqual(prefixes(s), prefixes(other[name]), name);
    });

    for (const [name, want] of Object.entries(SKELETONS)) {
      it(`${name}: expanded with every choice, it is detected as ${want.type} and has no structure finding`, () => {
        const s = snippets[name];
        assert.ok(s, `${name} missing`);
        const body = bodyText(s);
        const choiceStops = [...body.matchAll(/\$\{(\d+)\|([^|]*)\|\}/g)].map(m => ({ n: +m[1], count: m[2].split(',').length }));
        const variants = Math.max(1, ...choiceStops.map(c => c.count));
        for (let k = 0; k < variants; k++) {
          const choose = Object.fromEntries(choiceStops.map(c => [c.n, k]));
          const text = expandSnippet(body, choose);
          const r = lint(text, { rules: STRUCTURE_RULES, languageId });
          assert.strictEqual(r.docType, want.type, `${name} variant ${k}:\n${text}`);
          assert.strictEqual(r.docTypeInfo.template, want.template, `${name} variant ${k}`);
          assert.deepStrictEqual(r.diagnostics.map(d => `${d.line}:${d.column} ${d.ruleId} ${d.message}`), [], `${name} variant ${k}`);
        }
      });
    }

    it('the stock paragraphs fill the gaps the structure rules report', () => {
      const report = fs.readFileSync(path.join(ROOT, 'test/fixtures/structure/report.txt'), 'utf8').split('\n');
      const sep = languageId === 'markdown' ? '\n\n' : '\n';
      const missing = (lines: string[]) =>
        lint(lines.join(sep), { rules: STRUCTURE_RULES, languageId }).diagnostics.filter(d => d.ruleId === 'structure/missing-section').map(d => d.message);
      // Without shortcomings and closing, the report has two gaps; the 不足 and 结束语 snippets close them.
      const gap = [...report.slice(0, 7), ...report.slice(8, 12)];
      assert.strictEqual(missing(gap).length, 2);
      const fill = (name: string) => expandSnippet(bodyText(snippets[name]));
      assert.deepStrictEqual(missing([...report.slice(0, 7), fill('不足段'), ...report.slice(8, 12), fill('结束语')]), []);
      assert.deepStrictEqual(missing([...report.slice(0, 6), fill('成绩归因段'), ...report.slice(7)]), []);
    });

    it('every snippet and prefix is documented in docs/extension.md (or docs/document-types.md)', () => {
      const doc = ['docs/extension.md', 'docs/document-types.md'].map(f => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
      for (const [name, s] of entries) {
        assert.ok(doc.includes(`| ${name} |`), `${name} not in the snippet table`);
        for (const p of prefixes(s)) assert.ok(doc.includes('`' + p + '`'), `prefix ${p} of ${name} not documented`);
      }
    });
  });
}
