// Every entry of the built-in wording pack carries test cases: each example must be found and fixed to its
// `good` text, each quiet text must stay quiet. Also: the pack schema refuses malformed entries with a JSON path.
import * as assert from 'assert';
import { lint, fixAll } from '../../src/lint';
import { builtinPackSet } from '../../src/core/packs';
import { validatePack } from '../../src/host/packs';
import { DraftLintError } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';
import { onlyRule } from '../helpers/ruleTester';
import { misspelling } from '../../src/rules/wording/misspelling';
import { confusableChar } from '../../src/rules/wording/confusable-char';
import { repeatedKeyNoun } from '../../src/rules/wording/repeated-key-noun';
import type { Misspelling, ConfusableGroup, KeyNoun } from '../../src/rules/wording/_lib/word-helpers';
import type { Rule } from '../../src/core/types';

const segmenter = loadSegmenter().segmenter!;
const packs = builtinPackSet();

function checkExample(rule: Rule, bad: string, good: string, label: string): void {
  const opts = { ...onlyRule(rule), segmenter };
  const r = lint(bad, opts);
  assert.ok(r.diagnostics.length > 0, `${label}: “${bad}” should be reported`);
  assert.strictEqual(fixAll(bad, opts).output, good, `${label}: fixing “${bad}”`);
}

function checkQuiet(rule: Rule, text: string, label: string): void {
  const r = lint(text, { ...onlyRule(rule), segmenter });
  assert.deepStrictEqual(r.diagnostics.map(d => d.message), [], `${label}: “${text}” should be quiet`);
}

describe('wording pack', () => {
  const mis = packs.field<Misspelling>('wording', 'misspellings');
  const groups = packs.field<ConfusableGroup>('wording', 'confusables');
  const nouns = packs.field<KeyNoun>('wording', 'keyNouns');

  it('has at least 150 misspellings, unique, none flagging its own correction', () => {
    assert.ok(mis.length >= 150, `${mis.length} entries`);
    const seen = new Set<string>();
    for (const e of mis) {
      assert.ok(!seen.has(e.wrong), `duplicate ${e.wrong}`);
      seen.add(e.wrong);
      checkQuiet(misspelling, e.right, `correction of ${e.wrong}`);
    }
  });

  describe('misspellings: examples and quiet texts', () => {
    for (const e of mis) {
      it(`${e.wrong} → ${e.right}`, () => {
        assert.ok(e.examples.length > 0);
        for (const ex of e.examples) checkExample(misspelling, ex.bad, ex.good, e.wrong);
        for (const q of e.quiet ?? []) checkQuiet(misspelling, q, e.wrong);
      });
    }
  });

  describe('confusables: examples and quiet texts', () => {
    for (const g of groups) {
      it(g.chars, () => {
        for (const ex of g.examples ?? []) checkExample(confusableChar, ex.bad, ex.good, g.chars);
        for (const q of g.quiet ?? []) checkQuiet(confusableChar, q, g.chars);
      });
    }
  });

  describe('key nouns: examples and quiet texts', () => {
    for (const n of nouns) {
      it(n.phrase, () => {
        for (const ex of n.examples ?? []) checkExample(repeatedKeyNoun, ex.bad, ex.good, n.phrase);
        for (const q of n.quiet ?? []) checkQuiet(repeatedKeyNoun, q, n.phrase);
      });
    }
  });

  it('the schema refuses a misspelling without examples, naming the JSON path', () => {
    assert.throws(
      () => validatePack({ name: 'office', wording: { misspellings: [{ wrong: '布署', right: '部署' }] } }, 'office.json'),
      (e: unknown) => e instanceof DraftLintError && /misspellings\[0\]/.test(e.message) && /examples/.test(e.message),
    );
  });

  it('an office pack with a catastrophic-backtracking context pattern is refused with its JSON path', () => {
    assert.throws(
      () =>
        validatePack(
          { name: 'office', wording: { misspellings: [{ wrong: '布署', right: '部署', followedBy: '^(a+)+$', examples: [{ bad: '布署', good: '部署' }] }] } },
          'office.json',
        ),
      (e: unknown) => e instanceof DraftLintError && /misspellings\[0\]\.followedBy/.test(e.message) && /回溯/.test(e.message),
    );
  });

  it('the schema refuses unknown fields in the wording section', () => {
    assert.throws(
      () => validatePack({ name: 'office', wording: { misspelling: [] } }, 'office.json'),
      (e: unknown) => e instanceof DraftLintError && /misspelling/.test(e.message),
    );
  });

  it('an office pack adds its own misspelling, user word and Latin allowlist entry', () => {
    const office = validatePack(
      {
        name: 'office',
        wording: {
          misspellings: [{ wrong: '政协委会', right: '政协委员会', examples: [{ bad: '召开政协委会会议', good: '召开政协委员会会议' }] }],
          latinAllowlist: ['smart'],
          userWords: ['钟楼区政协'],
        },
      },
      'office.json',
    );
    const { PackSet } = require('../../src/core/packs') as typeof import('../../src/core/packs');
    const set = new PackSet([...packs.packs, office]);
    const r = lint('召开政协委会会议，推动smart城市建设。', { packs: set, segmenter });
    assert.deepStrictEqual(
      r.diagnostics.filter(d => d.category === 'wording').map(d => [d.ruleId, d.column, d.length]),
      [['wording/misspelling', 3, 4]],
    );
  });
});
