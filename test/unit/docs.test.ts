// Generated docs are up to date, and every rule has a doc page and a unit test that names it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../src/rules';
import { renderRuleDoc, ruleDocPath, withRuleTable } from '../../scripts/gen-docs';

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
  it('rule ids are unique', () => {
    const ids = RULES.map(r => r.meta.id);
    assert.deepStrictEqual(ids.length, new Set(ids).size);
  });
  it('README lists every rule (npm run docs)', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.strictEqual(readme, withRuleTable(readme, RULES), 'README rule table is stale: run npm run docs');
  });
});
