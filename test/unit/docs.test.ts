// Generated docs are up to date, every rule has a doc page and a unit test that names it, and the relative links in
// README.md, CONTRIBUTING.md and docs/*.md point at files that exist.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src/rules';
import { CONFIG_SCHEMA_PATH, renderConfigSchema, renderRuleDoc, ruleDocPath, withRuleTable } from '../../scripts/gen-docs';

const ROOT = path.resolve(__dirname, '../../..');

describe('generated rule docs', () => {
  const testSources = fs
    .readdirSync(path.join(ROOT, 'test/unit'))
    .filter(f => f.endsWith('.ts'))
    .map(f => fs.readFileSync(path.join(ROOT, 'test/unit', f), 'utf8'))
    .join('\n');
  for (const rule of RULES) {
    it(`${rule.meta.id} has an up-to-date doc page (npm run docs)`, () => {
      const file = path.join(ROOT, ruleDocPath(rule.meta.id));
      assert.ok(fs.existsSync(file), `${ruleDocPath(rule.meta.id)} is missing: run npm run docs`);
      assert.strictEqual(fs.readFileSync(file, 'utf8'), renderRuleDoc(rule), `${ruleDocPath(rule.meta.id)} is stale: run npm run docs`);
    });
    it(`${rule.meta.id} has a unit test`, () => {
      const [cat, name] = rule.meta.id.split('/');
      assert.ok(testSources.includes(rule.meta.id) || testSources.includes(`rules/${cat}/${name}'`), `no test mentions ${rule.meta.id}`);
    });
    it(`${rule.meta.id} has well-formed meta`, () => {
      assert.match(rule.meta.id, /^(formulation|structure|figures|numbering|punctuation|wording|format|consistency)\/[a-z0-9-]+$/);
      assert.strictEqual(rule.meta.id.split('/')[0], rule.meta.category);
      assert.match(rule.meta.description, /[\u4e00-\u9fff]/, 'description is Chinese');
      assert.ok(rule.meta.docs.length >= 20, 'docs text present');
    });
  }
  it('the config schema has each rule\'s options from its meta.schema (npm run docs)', () => {
    const current = fs.readFileSync(path.join(ROOT, CONFIG_SCHEMA_PATH), 'utf8');
    assert.strictEqual(current, renderConfigSchema(current, RULES), `${CONFIG_SCHEMA_PATH} is stale: run npm run docs`);
  });
  it('an option a rule reads is declared in its meta.schema', () => {
    for (const rule of RULES) {
      const [cat, name] = rule.meta.id.split('/');
      const src = fs.readFileSync(path.join(ROOT, 'src/rules', cat, `${name}.ts`), 'utf8');
      const read = [...src.matchAll(/ctx\.options\.(\w+)/g)].map(m => m[1]);
      assert.deepStrictEqual([...new Set(read)].filter(o => !rule.meta.schema?.properties[o]), [], `${rule.meta.id} reads options it does not declare`);
    }
  });
  it('rule ids are unique', () => {
    const ids = RULES.map(r => r.meta.id);
    assert.deepStrictEqual(ids.length, new Set(ids).size);
  });
  it('README lists every rule (npm run docs)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.strictEqual(readme, withRuleTable(readme, RULES), 'README rule table is stale: run npm run docs');
  });
});

/** Targets of the Markdown links and images in `text` (outside code blocks and code spans). */
export function markdownLinks(text: string): string[] {
  const prose = text
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
    .replace(/`+[^`\n]*`+/g, '')
    .replace(/<!--[\s\S]*?-->/g, '');
  const out: string[] = [];
  for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push(m[1]);
  for (const m of prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)) out.push(m[1]);
  return out;
}

/** Relative link targets in the Markdown file `file` (repository-relative) that point at no file or folder. */
export function brokenLinks(file: string, text: string, exists: (p: string) => boolean): string[] {
  return markdownLinks(text).filter(target => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return false; // http:, mailto:, same page
    const bare = decodeURI(target.replace(/[?#].*$/, ''));
    return !exists(path.posix.normalize(path.posix.join(path.posix.dirname(file), bare)));
  });
}

// Pages written on other branches at the same time as this one; the README links them already.
const PAGES_FROM_OTHER_BRANCHES = new Set(['docs/word.md', 'docs/precision.md']);

describe('documentation links', () => {
  const exists = (p: string) => PAGES_FROM_OTHER_BRANCHES.has(p) || fs.existsSync(path.join(ROOT, p));
  it('finds a broken link (self-check)', () => {
    const text = '见 [配置](configuration.md)、[没有的页](nowhere.md#a)、[外链](https://example.com)、[本页](#x)\n\n```\n[代码里](missing.md)\n```\n`[行内](missing2.md)`\n[ref]: ../LICENSE\n';
    assert.deepStrictEqual(brokenLinks('docs/x.md', text, exists), ['nowhere.md#a']);
    assert.deepStrictEqual(brokenLinks('docs/x.md', '[r]: ../NOPE.md\n', exists), ['../NOPE.md']);
  });
  const files = ['README.md', 'CONTRIBUTING.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md')).map(f => `docs/${f}`)];
  for (const file of files) {
    it(`${file}: every relative link points at a file that exists`, () => {
      assert.deepStrictEqual(brokenLinks(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), exists), []);
    });
  }
  it('README.md links every page under docs/', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const linked = new Set(markdownLinks(readme).map(t => t.replace(/[?#].*$/, '')));
    for (const f of fs.readdirSync(path.join(ROOT, 'docs')).filter(f => f.endsWith('.md'))) {
      assert.ok(linked.has(`docs/${f}`), `README.md does not link docs/${f}`);
    }
  });
});
