// The per-paragraph memo of the phrase-hit search (formulation/canonical-phrase, formulation/phrase-word) changes no
// finding: a document edited keystroke by keystroke (insertions and deletions across paragraphs, line breaks, quotation
// marks, a type marker and dates changed) gives, after each edit, exactly the findings of a lint without the memo.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { lint, allRules } from '../../src/lint';
import { defaultConfig } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';
import { setPhraseParagraphMemo } from '../../src/rules/formulation/_lib/phrase-matcher';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');

describe('phrase-hit paragraph memo', () => {
  after(() => setPhraseParagraphMemo(true));

  it('after every edit, the findings equal those of a lint without the memo', function () {
    this.timeout(120000);
    const config = defaultConfig();
    for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
    const opts = { config, segmenter: loadSegmenter().segmenter, ruleBudgetMs: 1e9 };
    let x = 20261207;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    // Insertions that make or break canonical phrases, quotations and paragraphs, and change the dates.
    const bits = ['的', '\n', '“', '”', '、', '和', '新时代', '新时期', '政协', '2017年', '2023年', '，', '协商民主', '双重积极作用'];
    let edits = 0;
    let withHits = 0;
    for (const f of fs.readdirSync(SEEDS).filter(n => n.endsWith('.txt')).slice(0, 3)) {
      let text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
      for (let k = 0; k < 25; k++) {
        const at = Math.floor(rnd() * text.length);
        const r = rnd();
        if (k === 10) text = '<!-- draft-lint-type: proposal -->\n' + text; // the document type changed
        else if (k === 20) text = text.replace(/\n/, '\n2016年3月1日\n'); // a dateline added
        else if (r < 0.3) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 4));
        else text = text.slice(0, at) + bits[Math.floor(rnd() * bits.length)] + text.slice(at);
        setPhraseParagraphMemo(true);
        const a = lint(text, opts).diagnostics;
        setPhraseParagraphMemo(false);
        const b = lint(text, opts).diagnostics;
        setPhraseParagraphMemo(true);
        assert.deepStrictEqual(a, b, `${f}, edit ${k}`);
        edits++;
        if (b.some(d => d.ruleId.startsWith('formulation/'))) withHits++;
      }
    }
    assert.strictEqual(edits, 75);
    assert.ok(withHits >= 40, `edits with formulation findings: ${withHits}`);
  });
});
