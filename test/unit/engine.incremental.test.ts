// The editor's incremental lint (IncrementalState): the rules marked meta.paragraphLocal re-run only on the lines
// that changed; their findings must equal a fresh lint's after every edit. The fresh lint runs without the paragraph
// memos (src/core/memo.ts: the figure ledger's sentences, misspellings, inline ordinals, phrase hits …), so the test
// checks them too.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { allRules, IncrementalState, lint, shiftFinding } from '../../src/lint';
import { defaultConfig, Finding, Rule } from '../../src/core/types';
import { loadSegmenter } from '../../src/segmenter';
import { setParagraphMemos } from '../../src/core/memo';

const SEEDS = path.resolve(__dirname, '../../../test/fixtures/seeds');

/** The rules audited as paragraph-local (see docs/performance.md, round 6): a rule added here must be audited. */
const PARAGRAPH_LOCAL = [
  'figures/change-mismatch',
  'figures/plan-period',
  'figures/sum-mismatch',
  'format/full-width-alnum',
  'formulation/collocation',
  'formulation/fixed-enumeration',
  'formulation/time-bound',
  'punctuation/doubled-mark',
  'punctuation/dun-between-quotes',
  'punctuation/empty-pair',
  'punctuation/nonstandard-dash',
  'wording/confusable-char',
  'wording/de-complement',
  'wording/repeated-key-noun',
  'wording/stray-latin',
];

describe('incremental lint (paragraph-local rules)', () => {
  it('marks exactly the audited rules paragraph-local', () => {
    assert.deepStrictEqual(
      allRules()
        .filter(r => r.meta.paragraphLocal)
        .map(r => r.meta.id)
        .sort(),
      PARAGRAPH_LOCAL,
    );
  });

  after(() => setParagraphMemos(true));

  it('after each of 200 random edits of the seeds, the findings equal a fresh lint without memos', function () {
    this.timeout(300000);
    const config = defaultConfig();
    for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
    const opts = { config, segmenter: loadSegmenter().segmenter, ruleBudgetMs: 1e9 };
    let x = 20261207;
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)];
    // What is typed: characters of every kind the paragraph-local rules look at (marks, digits, Latin, quotes, list
    // items, dates, phrases of the packs).
    const bits = ['的', '，', '。', '、', '“', '”', '《', '》', '（', '）', ',', '...', '——', '--', '~', '１２', 'good', '其它', '协商民主', '2017年', '30%', '共5项：', '一是', '新时代', '发展的很快。', ' ', '\u3000'];
    // Edits the whole-text rules read across lines: figures (a part larger than its whole, counts, years), headings
    // (section years, numbering), inline ordinals, misspellings.
    const figures = ['提交提案1043件，经审查立案1060件', '召开协商会6次，其中专题协商会4次、对口协商会3次', '等5个方面', '2019年', '1,200万元', '增长12.5%', '十三届二次会议', '12人次'];
    const lines = ['\n三、2019年主要工作\n', '\n（二）加强协商\n', '\n第二章 总则\n', '\n1. 调研\n', '\n一是加强学习。二是加强调研。二是加强协商。\n'];
    const words = ['二是', '三是', '第三，', '其次，', '布署', '截止2021年底', '做出贡献', '其它', '首先，', '坚持大团结大联和', '重要思响', '实现大团结大联盟', '青年联盟'];
    let edits = 0;
    let reused = 0;
    let rerun = 0;
    let localFindings = 0;
    const kinds = new Set<string>();
    for (const f of fs.readdirSync(SEEDS).filter(n => n.endsWith('.txt'))) {
      let text = fs.readFileSync(path.join(SEEDS, f), 'utf8');
      const state = new IncrementalState();
      lint(text, { ...opts, incremental: state });
      for (let k = 0; k < 40; k++) {
        const at = Math.floor(rnd() * text.length);
        const r = rnd();
        let kind: string;
        if (k === 8) {
          kind = 'comment';
          // A comment over several lines masks them: they read otherwise than alone.
          const nl = text.indexOf('\n', at);
          const nl2 = nl >= 0 ? text.indexOf('\n', nl + 1) : -1;
          text = nl2 >= 0 ? text.slice(0, nl + 1) + '<!--\n' + text.slice(nl + 1, nl2) + '\n-->' + text.slice(nl2) : text + '\n<!-- 注 -->';
        } else if (k === 16) {
          kind = 'type';
          text = '<!-- draft-lint-type: other -->\n' + text;
        } else if (k === 20) {
          kind = 'date';
          text = text.replace(/\n/, '\n2016年3月1日\n');
        } else if (k >= 25 && r < 0.35) {
          kind = 'figure';
          text = text.slice(0, at) + pick(figures) + text.slice(at);
        } else if (k >= 25 && r < 0.55) {
          kind = 'line';
          text = text.slice(0, at) + pick(lines) + text.slice(at);
        } else if (k >= 25 && r < 0.75) {
          kind = 'word';
          text = text.slice(0, at) + pick(words) + text.slice(at);
        } else if (r < 0.3) {
          kind = 'insert';
          text = text.slice(0, at) + pick(bits) + text.slice(at);
        } else if (r < 0.5) {
          kind = 'delete';
          text = text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 4));
        } else if (r < 0.65) {
          kind = 'replace';
          text = text.slice(0, at) + pick(bits) + text.slice(at + 1 + Math.floor(rnd() * 3));
        } else if (r < 0.8) {
          kind = 'split';
          text = text.slice(0, at) + '\n' + text.slice(at);
        } else {
          kind = 'join';
          const nl = text.indexOf('\n', at);
          text = nl >= 0 ? text.slice(0, nl) + text.slice(nl + 1) : text.slice(0, at) + text.slice(at + 1);
        }
        kinds.add(kind);
        const a = lint(text, { ...opts, incremental: state }).diagnostics;
        reused += state.last.reused;
        rerun += state.last.rerun;
        setParagraphMemos(false);
        const b = lint(text, opts).diagnostics;
        setParagraphMemos(true);
        assert.deepStrictEqual(a, b, `${f}, edit ${k} (${kind})`);
        localFindings += b.filter(d => PARAGRAPH_LOCAL.includes(d.ruleId)).length;
        edits++;
      }
    }
    assert.strictEqual(edits, 200);
    assert.deepStrictEqual([...kinds].sort(), ['comment', 'date', 'delete', 'figure', 'insert', 'join', 'line', 'replace', 'split', 'type', 'word']);
    // The lines were mostly looked up, not re-run (an edit changes a line or two), and the rules found something.
    assert.ok(reused > 20 * rerun, `reused ${reused}, re-run ${rerun}`);
    assert.ok(localFindings >= 200, `findings of the paragraph-local rules: ${localFindings}`);
  });

  it('follows edits inside a paragraph of the rules that remember paragraphs and sentences (ledger, ordinals, misspellings, half-width marks, doubled words, quoted terms), and typo’s evidence from other lines', function () {
    this.timeout(60000);
    const config = defaultConfig();
    for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
    const opts = { config, segmenter: loadSegmenter().segmenter, ruleBudgetMs: 1e9 };
    const state = new IncrementalState();
    const head = '政协某某市委员会常务委员会工作报告\n\n一、2022年主要工作\n\n';
    // Each edit changes the end of one paragraph (its start, the first characters a bad memo key might use, stays).
    const steps: [string, string[]][] = [
      ['全年共提交提案1043件，经审查立案1008件。工作要求：一是加强学习，二是加强调研，三是加强协商。认真部署各项工作。', []],
      ['全年共提交提案1043件，经审查立案1060件。工作要求：一是加强学习，二是加强调研，三是加强协商。认真部署各项工作。', ['figures/part-exceeds-whole']],
      ['全年共提交提案1043件，经审查立案1060件。工作要求：一是加强学习，二是加强调研，二是加强协商。认真部署各项工作。', ['figures/part-exceeds-whole', 'numbering/inline-ordinal']],
      ['全年共提交提案1043件，经审查立案1060件。工作要求：一是加强学习，二是加强调研，二是加强协商。认真布署各项工作。', ['figures/part-exceeds-whole', 'numbering/inline-ordinal', 'wording/misspelling']],
      ['全年共提交提案1043件，经审查立案1008件。工作要求：一是加强学习，二是加强调研，三是加强协商。认真部署各项工作。', []],
    ];
    // wording/typo: a weak guess (公能) is a hint when another line writes the word meant (功能) often enough; the
    // guess's line stays the same while that line changes.
    const weak = '加快疏解非首都公能。\n';
    steps.push(
      ['有序疏解北京非首都功能，优化提升首都功能。\n' + weak, ['wording/typo']],
      ['有序疏解北京非首都事务，优化提升首都事务。\n' + weak, []],
      ['有序疏解北京非首都功能，优化提升首都功能。\n' + weak, ['wording/typo']],
    );
    // punctuation/half-width (a comma made half-width) and wording/doubled-word (a word typed twice), mid-paragraph.
    const plain = '全年共提交提案1043件，经审查立案1008件。工作要求：一是加强学习，二是加强调研，三是加强协商。认真部署各项工作。';
    steps.push(
      [plain.replace('经审查', ',经审查'), ['punctuation/half-width']],
      [plain.replace('认真部署', '认真部署部署'), ['wording/doubled-word']],
      [plain, []],
    );
    // formulation/canonical-phrase: a quoted term changed inside the quotation marks (the quotation's candidates are
    // remembered per quotation text).
    steps.push(
      [plain + '更好发挥港澳委员“双重积极作用”。', []],
      [plain + '更好发挥港澳委员“双重建构作用”。', ['formulation/canonical-phrase']],
      [plain + '更好发挥港澳委员“双重积极作用”。', []],
    );
    const ids = ['figures/part-exceeds-whole', 'numbering/inline-ordinal', 'wording/misspelling', 'wording/typo', 'punctuation/half-width', 'wording/doubled-word', 'formulation/canonical-phrase'];
    for (const [para, expected] of steps) {
      const text = head + para + '\n';
      const a = lint(text, { ...opts, incremental: state }).diagnostics;
      setParagraphMemos(false);
      const b = lint(text, opts).diagnostics;
      setParagraphMemos(true);
      assert.deepStrictEqual(a, b, para);
      assert.deepStrictEqual([...new Set(a.map(d => d.ruleId).filter(id => ids.includes(id)))].sort(), expected, para);
    }
  });

  it('follows edits of the paragraphs that decide the document type (detection signals and section matchers are remembered per paragraph text)', function () {
    this.timeout(60000);
    const config = defaultConfig();
    for (const r of allRules()) config.rules[r.meta.id] = { severity: r.meta.defaultSeverity };
    const opts = { config, segmenter: loadSegmenter().segmenter, ruleBudgetMs: 1e9 };
    const state = new IncrementalState();
    const head = '政协某某市委员会常务委员会工作报告\n\n';
    const rest = '\n\n一、加强学习\n\n全年共提交提案1043件，经审查立案1008件。\n\n二、加强调研\n\n一是深入基层。二是听取意见。\n';
    // The same paragraph, its start unchanged, with and without the report's opening sentence (a signal of the
    // report template in the first paragraphs: with the title it passes the threshold).
    const on = '现在，我代表政协某某市委员会常务委员会向大会报告工作，请予审议。';
    const off = '现在，我代表政协某某市委员会常务委员会向大家简要介绍工作，请予审议。';
    const steps: [string, string][] = [
      [off, 'other'],
      [on, 'report'],
      [on.replace('请予审议', '请各位委员审议'), 'report'],
      [off, 'other'],
      [on, 'report'],
    ];
    for (const [para, type] of steps) {
      const text = head + para + rest;
      const a = lint(text, { ...opts, incremental: state });
      setParagraphMemos(false);
      const b = lint(text, opts);
      setParagraphMemos(true);
      assert.strictEqual(a.docType, type, para);
      assert.strictEqual(b.docType, type, para);
      assert.deepStrictEqual(a.diagnostics, b.diagnostics, para);
    }
  });

  /** A paragraph-local rule that reports every “X” in the masked text, with a fix, a suggestion, a related place,
   *  the document type and register in its message; it counts the characters it was run on. */
  function probe(): Rule & { seen: number } {
    const rule = {
      seen: 0,
      meta: { id: 'wording/probe-x', category: 'wording' as const, defaultSeverity: 'warning' as const, description: 'x', docs: 'x', fixable: true, paragraphLocal: true },
      check(ctx: Parameters<Rule['check']>[0]) {
        rule.seen += ctx.doc.text.length;
        for (let i = ctx.doc.masked.indexOf('X'); i >= 0; i = ctx.doc.masked.indexOf('X', i + 1))
          ctx.report({
            offset: i,
            length: 1,
            message: `X（${ctx.docType}，${ctx.register}）`,
            fix: { offset: i, length: 1, text: 'Y' },
            suggestions: [{ offset: i, length: 1, text: 'Z' }],
            related: [{ offset: i, length: 0, message: 'here' }],
          });
      },
    };
    return rule;
  }
  const view = (text: string, rules: Rule[], state?: IncrementalState) =>
    lint(text, { rules, incremental: state }).diagnostics.map(d => [d.line, d.column, d.offset, d.fix?.offset, d.suggestions?.[0].offset, d.related?.[0].offset, d.message]);

  it('runs a paragraph-local rule on the changed lines only, and moves the findings of the others', () => {
    const rule = probe();
    const state = new IncrementalState();
    const text = '第一段X。\n第二段没有。\n第三段有X和X。\n';
    assert.deepStrictEqual(view(text, [rule], state), [
      [1, 4, 3, 3, 3, 3, 'X（other，formal）'],
      [3, 5, 17, 17, 17, 17, 'X（other，formal）'],
      [3, 7, 19, 19, 19, 19, 'X（other，formal）'],
    ]);
    assert.strictEqual(rule.seen, text.length); // the first lint runs on the whole text
    assert.deepStrictEqual(state.last, { reused: 0, rerun: 0, whole: 1 });
    rule.seen = 0;
    // A line put in above: only it is run; the findings below move by its length (ranges, fixes, suggestions, related).
    const edited = '新加的一行\n' + text;
    assert.deepStrictEqual(view(edited, [rule], state), [
      [2, 4, 9, 9, 9, 9, 'X（other，formal）'],
      [4, 5, 23, 23, 23, 23, 'X（other，formal）'],
      [4, 7, 25, 25, 25, 25, 'X（other，formal）'],
    ]);
    assert.strictEqual(rule.seen, '新加的一行\n'.length);
    assert.deepStrictEqual(state.last, { reused: 4, rerun: 1, whole: 0 });
    assert.deepStrictEqual(view(edited, [rule], state), view(edited, [probe()]));
    // Typing into a line re-runs that line alone.
    rule.seen = 0;
    view(edited.replace('第二段没有', '第二段X有'), [rule], state);
    assert.strictEqual(rule.seen, '第二段X有。\n'.length);
  });

  it('runs the rule whole again when a document-level fact changes (type), and when a comment masks other lines', () => {
    const rule = probe();
    const state = new IncrementalState();
    const text = '一段X。\n另一段X。\n第三段X。';
    view(text, [rule], state);
    rule.seen = 0;
    const typed = '<!-- draft-lint-type: proposal -->\n' + text;
    assert.deepStrictEqual(view(typed, [rule], state), view(typed, [probe()]));
    assert.strictEqual(rule.seen, typed.length);
    assert.match(String(view(typed, [rule], state)[0][6]), /proposal/);
    // A comment opened on the first line and closed on the third masks the line between: that line is not looked up.
    const commented = '一段X。<!--\n另一段X。\n-->第三段X。';
    const state2 = new IncrementalState();
    view(text, [probe()], state2);
    assert.deepStrictEqual(view(commented, [probe()], state2), view(commented, [probe()]));
    assert.deepStrictEqual(view(commented, [probe()], state2).map(d => d[0]), [1, 3]);
  });

  it('gives a rule run on one line the whole document’s register', () => {
    // News prose of no 政协 type, over 300 characters: informal. The line with the X, linted alone, is short (formal by
    // itself, see proseRegister): the register must come from the whole document.
    const para = '这家公司去年的销售额增长很快，员工人数也翻了一番，新厂房已经在城东开工建设，预计明年投入使用。';
    const text = Array.from({ length: 8 }, () => para).join('\n') + '\n其他方面也有X进展。';
    const state = new IncrementalState();
    const rule = probe();
    const messages = (t: string, s?: IncrementalState) => lint(t, { rules: [rule], docType: 'other', incremental: s }).diagnostics.map(d => d.message);
    assert.deepStrictEqual(messages(text, state), ['X（other，informal）']);
    const edited = text.replace('其他方面', '其他一些方面');
    assert.deepStrictEqual(messages(edited, state), ['X（other，informal）']);
    assert.deepStrictEqual(state.last, { reused: 8, rerun: 1, whole: 0 });
    assert.deepStrictEqual(messages(edited), ['X（other，informal）']);
  });

  it('keeps the findings of lines gone only up to a bound (typing line after line does not grow the state)', () => {
    const rule = probe();
    const state = new IncrementalState();
    const rest = '\n第二段X。\n第三段。\n';
    view('第一段。' + rest, [rule], state);
    for (let k = 0; k < 600; k++) {
      const text = `第一段第${k}次X。` + rest;
      assert.deepStrictEqual(view(text, [rule], state), view(text, [probe()]));
      assert.ok(state.rules.get('wording/probe-x')!.lines.size <= 2 * 4 + 256 + 1, `after edit ${k}`);
    }
    assert.deepStrictEqual(state.last, { reused: 3, rerun: 1, whole: 0 });
  });

  it('keeps a rule that is not paragraph-local running on the whole text', () => {
    const rule = probe();
    const whole = { ...rule, meta: { ...rule.meta, paragraphLocal: false }, check: rule.check };
    const state = new IncrementalState();
    const text = '一段X。\n另一段。';
    view(text, [whole], state);
    rule.seen = 0;
    view('新' + text, [whole], state);
    assert.strictEqual(rule.seen, text.length + 1);
  });

  describe('shiftFinding', () => {
    const f: Finding = {
      message: 'm',
      offset: 3,
      length: 2,
      fix: { offset: 4, length: 1, text: 'a' },
      suggestions: [
        { offset: 3, length: 2, text: 'b' },
        { offset: 5, length: 0, text: 'c' },
      ],
      related: [{ offset: 0, length: 1, message: 'r' }],
      expected: 'e',
    };

    it('moves the range, the fix, every suggestion and every related place, and nothing else', () => {
      assert.deepStrictEqual(shiftFinding(f, 10), {
        message: 'm',
        offset: 13,
        length: 2,
        fix: { offset: 14, length: 1, text: 'a' },
        suggestions: [
          { offset: 13, length: 2, text: 'b' },
          { offset: 15, length: 0, text: 'c' },
        ],
        related: [{ offset: 10, length: 1, message: 'r' }],
        expected: 'e',
      });
      assert.deepStrictEqual(shiftFinding(shiftFinding(f, 10), -10), f);
    });

    it('leaves the finding given unchanged, and adds no fields it lacks', () => {
      const before = JSON.stringify(f);
      shiftFinding(f, 7);
      assert.strictEqual(JSON.stringify(f), before);
      assert.deepStrictEqual(shiftFinding({ message: 'm', offset: 1, length: 1 }, 2), { message: 'm', offset: 3, length: 1 });
      assert.strictEqual(shiftFinding(f, 0), f);
    });
  });
});
