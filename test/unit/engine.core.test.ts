import * as assert from 'assert';
import { applyFixes, findingSeverity, fixAll, fixAllFilter, lint, lintInPhases, readDirectives, ruleSetting } from '../../src/lint';
import { DocumentModel } from '../../src/core/document';
import { defaultConfig, Diagnostic, Fix, ResolvedConfig, Rule, Segmenter } from '../../src/core/types';

/** A fixable test rule: every ASCII comma after a Han character → full-width comma. */
const commaRule: Rule = {
  meta: { id: 'punctuation/test-comma', category: 'punctuation', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: true },
  check(ctx) {
    const t = ctx.doc.masked;
    for (let i = 1; i < t.length; i++) if (t[i] === ',' && /[\u4e00-\u9fff]/.test(t[i - 1])) ctx.report({ offset: i, length: 1, message: '半角逗号', fix: { offset: i, length: 1, text: '，' } });
  },
};

/** Reports every 甲 (not fixable), in another category. */
const jiaRule: Rule = {
  meta: { id: 'wording/test-jia', category: 'wording', defaultSeverity: 'error', description: '测试', docs: '测试', fixable: false },
  check(ctx) {
    const t = ctx.doc.masked;
    for (let i = t.indexOf('甲'); i >= 0; i = t.indexOf('甲', i + 1)) ctx.report({ offset: i, length: 1, message: '甲' });
  },
};

/** A fix that enables another fix: 。。。 → 。。 → 。 (one character per pass). */
const dotRule: Rule = {
  meta: { id: 'punctuation/test-dots', category: 'punctuation', defaultSeverity: 'error', description: '测试', docs: '测试', fixable: true },
  check(ctx) {
    const i = ctx.doc.text.indexOf('。。');
    if (i >= 0) ctx.report({ offset: i, length: 2, message: '重复句号', fix: { offset: i, length: 2, text: '。' } });
  },
};

const throwingRule: Rule = {
  meta: { id: 'format/test-throws', category: 'format', defaultSeverity: 'error', description: '测试', docs: '测试', fixable: false },
  check() {
    throw new Error('boom');
  },
};

const rules = [commaRule, jiaRule];
const ids = (text: string, cfg: ResolvedConfig = defaultConfig()) => lint(text, { rules, config: cfg }).diagnostics.map(d => `${d.line}:${d.column} ${d.ruleId}`);

describe('engine: applyFixes', () => {
  const cases: { name: string; text: string; fixes: Fix[]; output: string; skipped: number }[] = [
    { name: 'non-overlapping, applied right to left safely', text: 'a,b,c', fixes: [{ offset: 3, length: 1, text: '，' }, { offset: 1, length: 1, text: '，' }], output: 'a，b，c', skipped: 0 },
    { name: 'overlap: the earlier fix wins', text: 'abcdef', fixes: [{ offset: 1, length: 3, text: 'X' }, { offset: 2, length: 2, text: 'Y' }], output: 'aXef', skipped: 1 },
    { name: 'adjacent ranges both apply', text: 'abcd', fixes: [{ offset: 0, length: 2, text: 'X' }, { offset: 2, length: 2, text: 'Y' }], output: 'XY', skipped: 0 },
    { name: 'two inserts at one point conflict', text: 'ab', fixes: [{ offset: 1, length: 0, text: 'X' }, { offset: 1, length: 0, text: 'Y' }], output: 'aXb', skipped: 1 },
    { name: 'out of range is skipped', text: 'ab', fixes: [{ offset: 1, length: 5, text: 'X' }], output: 'ab', skipped: 1 },
    { name: 'deletion', text: '。。', fixes: [{ offset: 1, length: 1, text: '' }], output: '。', skipped: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = applyFixes(c.text, c.fixes);
      assert.strictEqual(r.output, c.output);
      assert.strictEqual(r.skipped.length, c.skipped);
    });
  }

  it('never touches text outside the fixed ranges (CRLF, surrogate pairs)', () => {
    const text = '𠀀甲,乙\r\n丙,丁\r\n';
    const r = applyFixes(text, [{ offset: 3, length: 1, text: '，' }, { offset: 8, length: 1, text: '，' }]);
    assert.strictEqual(r.output, '𠀀甲，乙\r\n丙，丁\r\n');
  });
});

describe('engine: fixAll', () => {
  it('repeats until stable and leaves nothing fixable', () => {
    const r = fixAll('好。。。。\n', { rules: [dotRule] });
    assert.strictEqual(r.output, '好。\n');
    assert.strictEqual(r.fixed, 3);
    assert.deepStrictEqual(r.remaining, []);
    // Running again is a no-op.
    const again = fixAll(r.output, { rules: [dotRule] });
    assert.deepStrictEqual([again.output, again.fixed, again.passes], [r.output, 0, 0]);
  });

  it('applies only the fixes the filter accepts and reports what remains', () => {
    const r = fixAll('甲,乙,丙\n', { rules }, d => d.ruleId === 'punctuation/test-comma');
    assert.strictEqual(r.output, '甲，乙，丙\n');
    assert.deepStrictEqual(r.remaining.map(d => `${d.line}:${d.column} ${d.ruleId}`), ['1:1 wording/test-jia']);
  });
});

describe('engine: rule settings and disable comments', () => {
  const text = '甲,乙\n<!-- draft-lint-disable-next-line punctuation/test-comma -->\n甲,乙\n甲,乙\n';

  it('disable-next-line silences only the named rule on the next non-blank line', () => {
    assert.deepStrictEqual(ids(text), ['1:1 wording/test-jia', '1:2 punctuation/test-comma', '3:1 wording/test-jia', '4:1 wording/test-jia', '4:2 punctuation/test-comma']);
  });

  it('disable … enable, with a category wildcard', () => {
    const t = '甲,\n<!-- draft-lint-disable punctuation -->\n甲,\n甲,\n<!-- draft-lint-enable punctuation -->\n甲,\n';
    assert.deepStrictEqual(ids(t), ['1:1 wording/test-jia', '1:2 punctuation/test-comma', '3:1 wording/test-jia', '4:1 wording/test-jia', '6:1 wording/test-jia', '6:2 punctuation/test-comma']);
  });

  it('disable without rules silences everything until enable; disable-line and disable-file', () => {
    assert.deepStrictEqual(ids('<!-- draft-lint-disable -->\n甲,\n<!-- draft-lint-enable -->\n甲,\n'), ['4:1 wording/test-jia', '4:2 punctuation/test-comma']);
    assert.deepStrictEqual(ids('甲, <!-- draft-lint-disable-line wording/test-jia -->\n甲,\n'), ['1:2 punctuation/test-comma', '2:1 wording/test-jia', '2:2 punctuation/test-comma']);
    assert.deepStrictEqual(ids('甲,\n<!-- draft-lint-disable-file wording/* -->\n甲,\n'), ['1:2 punctuation/test-comma', '3:2 punctuation/test-comma']);
  });

  it('enable naming one rule inside a broader disable re-enables just that rule', () => {
    // disable (all) … enable one rule: the others stay off.
    assert.deepStrictEqual(ids('<!-- draft-lint-disable -->\n甲,\n<!-- draft-lint-enable wording/test-jia -->\n甲,\n<!-- draft-lint-enable -->\n甲,\n'), [
      '4:1 wording/test-jia',
      '6:1 wording/test-jia',
      '6:2 punctuation/test-comma',
    ]);
    // disable a category … enable one of its rules.
    assert.deepStrictEqual(ids('<!-- draft-lint-disable punctuation wording -->\n甲,\n<!-- draft-lint-enable punctuation/test-comma -->\n甲,\n'), ['4:2 punctuation/test-comma']);
    // disable a rule … enable its category.
    assert.deepStrictEqual(ids('<!-- draft-lint-disable punctuation/test-comma -->\n甲,\n<!-- draft-lint-enable punctuation -->\n甲,\n'), ['2:1 wording/test-jia', '4:1 wording/test-jia', '4:2 punctuation/test-comma']);
    // enable of a rule that was never disabled changes nothing.
    assert.deepStrictEqual(ids('<!-- draft-lint-disable wording -->\n甲,\n<!-- draft-lint-enable format/x -->\n甲,\n'), ['2:2 punctuation/test-comma', '4:2 punctuation/test-comma']);
  });

  it('an unclosed disable runs to the end of the document', () => {
    assert.deepStrictEqual(ids('甲\n<!-- draft-lint-disable wording/test-jia -->\n甲\n甲\n'), ['1:1 wording/test-jia']);
  });

  it('a draft-lint-type comment sets the document type', () => {
    const doc = new DocumentModel('<!-- draft-lint-type: proposal -->\n正文。\n');
    assert.strictEqual(readDirectives(doc).docType, 'proposal');
    assert.strictEqual(lint('<!-- draft-lint-type: proposal -->\n正文。\n', { rules: [] }).docType, 'proposal');
  });

  it('config: off, severity override, category wildcard, rule id beats wildcard', () => {
    const cfg = defaultConfig();
    cfg.rules = { 'wording/*': { severity: 'off' } };
    assert.deepStrictEqual(ids('甲,\n', cfg), ['1:2 punctuation/test-comma']);
    cfg.rules = { 'wording/*': { severity: 'off' }, 'wording/test-jia': { severity: 'info' } };
    assert.deepStrictEqual(lint('甲,\n', { rules, config: cfg }).diagnostics.map(d => d.severity), ['info', 'warning']);
    cfg.rules = { 'punctuation/*': { severity: 'error', options: { a: 1 } }, 'punctuation/test-comma': { options: { b: 2 } } };
    assert.deepStrictEqual(ruleSetting(commaRule, cfg), { severity: 'error', options: { a: 1, b: 2 }, userSet: true });
    assert.deepStrictEqual(ruleSetting(commaRule, defaultConfig()), { severity: 'warning', options: {}, userSet: false });
  });

  it('a level the user sets wins over a finding\'s own level, but a hint (info) stays a hint', () => {
    // A rule that reports one finding at its own level `error` and one weak one at `info`.
    const levelled: Rule = {
      meta: { ...jiaRule.meta, id: 'wording/test-levels', defaultSeverity: 'warning' },
      check(ctx) {
        ctx.report({ offset: 0, length: 1, message: 'strong', severity: 'error' });
        ctx.report({ offset: 1, length: 1, message: 'weak', severity: 'info' });
        ctx.report({ offset: 2, length: 1, message: 'plain' });
      },
    };
    const levels = (cfg = defaultConfig()) => lint('甲乙丙\n', { rules: [levelled], config: cfg }).diagnostics.map(d => `${d.message}:${d.severity}`);
    assert.deepStrictEqual(levels(), ['strong:error', 'weak:info', 'plain:warning']);
    const cfg = defaultConfig();
    cfg.rules = { 'wording/test-levels': { severity: 'info' } };
    assert.deepStrictEqual(levels(cfg), ['strong:info', 'weak:info', 'plain:info']);
    cfg.rules = { 'wording/*': { severity: 'error' } };
    assert.deepStrictEqual(levels(cfg), ['strong:error', 'weak:info', 'plain:error']);
    assert.strictEqual(findingSeverity(undefined, 'warning', false), 'warning');
    assert.strictEqual(findingSeverity('error', 'info', true), 'info');
  });

  it('fix-all applies warnings and errors; hints only when asked, or when their rule is named', () => {
    const d = (severity: Diagnostic['severity'], ruleId = 'a/b') => ({ severity, ruleId, fix: { offset: 0, length: 0, text: '' } }) as Diagnostic;
    assert.deepStrictEqual([d('error'), d('warning'), d('info')].map(fixAllFilter()), [true, true, false]);
    assert.deepStrictEqual([d('error'), d('warning'), d('info')].map(fixAllFilter(undefined, true)), [true, true, true]);
    assert.deepStrictEqual([d('info', 'a/b'), d('error', 'c/d')].map(fixAllFilter('a/b')), [true, false]);
    assert.strictEqual(fixAllFilter()({ ...d('error'), fix: undefined }), false);
  });

  it('a defaultOff rule stays off under a category wildcard and runs when named', () => {
    const houseRule: Rule = { ...jiaRule, meta: { ...jiaRule.meta, id: 'wording/test-house', defaultOff: true } };
    const cfg = defaultConfig();
    cfg.rules = { 'wording/*': { severity: 'error' } };
    assert.strictEqual(ruleSetting(houseRule, cfg).severity, 'off');
    cfg.rules = { 'wording/test-house': { severity: 'warning' } };
    assert.strictEqual(ruleSetting(houseRule, cfg).severity, 'warning');
  });

  it('a rule that throws becomes a notice and the others still run', () => {
    const r = lint('甲\n', { rules: [throwingRule, jiaRule] });
    assert.deepStrictEqual(r.diagnostics.map(d => d.ruleId), ['wording/test-jia']);
    assert.deepStrictEqual(r.notices.map(n => [n.kind, n.ruleIds[0]]), [['rule-error', 'format/test-throws']]);
    assert.ok(r.notices[0].message.includes('boom'));
  });

  it('refuses the fix of a rule that does not declare meta.fixable: the finding stays, the fix is dropped, one notice', () => {
    const sneaky: Rule = { ...commaRule, meta: { ...commaRule.meta, id: 'punctuation/test-sneaky', fixable: false } };
    const r = lint('甲,乙,丙\n', { rules: [sneaky] });
    assert.deepStrictEqual(r.diagnostics.map(d => [d.column, d.ruleId, d.fix]), [[2, 'punctuation/test-sneaky', undefined], [4, 'punctuation/test-sneaky', undefined]]);
    assert.deepStrictEqual(r.notices.map(n => [n.kind, n.ruleIds[0]]), [['rule-error', 'punctuation/test-sneaky']]);
    assert.strictEqual(fixAll('甲,乙,丙\n', { rules: [sneaky] }).output, '甲,乙,丙\n');
    assert.strictEqual(fixAll('甲,乙,丙\n', { rules: [commaRule] }).output, '甲，乙，丙\n');
  });

  it('rules that need the segmenter are skipped with one notice when it is absent', () => {
    const segRule: Rule = { ...jiaRule, meta: { ...jiaRule.meta, id: 'wording/test-seg', needsSegmenter: true } };
    const r = lint('甲\n', { rules: [segRule, jiaRule], segmenterState: 'failed', segmenterError: 'no nodejieba' });
    assert.deepStrictEqual(r.diagnostics.map(d => d.ruleId), ['wording/test-jia']);
    assert.strictEqual(r.notices.length, 1);
    assert.ok(r.notices[0].message.includes('加载失败：no nodejieba') && r.notices[0].message.includes('wording/test-seg'));
  });

  it('positions are 1-based UTF-16 line/column with end positions', () => {
    const d = lint('第一行\r\n𠀀甲,\n', { rules }).diagnostics;
    assert.deepStrictEqual(
      d.map(x => [x.ruleId, x.offset, x.length, x.line, x.column, x.endLine, x.endColumn]),
      [
        ['wording/test-jia', 7, 1, 2, 3, 2, 4],
        ['punctuation/test-comma', 8, 1, 2, 4, 2, 5],
      ],
    );
  });
});

describe('engine: lintInPhases (rules that need the segmenter wait for it)', () => {
  const seg: Segmenter = {
    cut: text => [...text].map((word, offset) => ({ word, offset })),
    isWord: () => false,
  };
  const mk = (id: string, needsSegmenter: boolean, at: number, log: string[]): Rule => ({
    meta: { id, category: 'wording', defaultSeverity: 'warning', description: id, docs: id, fixable: false, needsSegmenter },
    check(ctx) {
      log.push(id);
      if (needsSegmenter && !ctx.segmenter) throw new Error('no segmenter');
      ctx.report({ offset: at, length: 1, message: id });
      if (id === 'wording/b-seg') throw new Error('boom');
    },
  });
  const text = '甲乙丙丁戊己庚辛\n';

  it('runs the other rules first, resolves the segmenter in finish(), and gives what lint() gives', () => {
    const log: string[] = [];
    const rules = [mk('wording/a-seg', true, 5, log), mk('wording/b-seg', true, 1, log), mk('wording/c-plain', false, 5, log), mk('wording/d-plain', false, 0, log)];
    let resolved = 0;
    const phased = lintInPhases(text, {
      rules,
      resolveSegmenter: () => {
        resolved++;
        return { segmenter: seg, state: 'ready' };
      },
    });
    assert.deepStrictEqual(log, ['wording/c-plain', 'wording/d-plain']);
    assert.strictEqual(resolved, 0);
    assert.strictEqual(phased.deferred, true);
    const r = phased.finish();
    assert.strictEqual(resolved, 1);
    assert.strictEqual(phased.deferred, false);
    assert.strictEqual(phased.finish(), r, 'memoised');
    assert.deepStrictEqual(log, ['wording/c-plain', 'wording/d-plain', 'wording/a-seg', 'wording/b-seg']);
    // The same result as one phase with the segmenter given: order of diagnostics, notices and timings by rule.
    const one = lint(text, { rules: rules.map(x => ({ ...x })), segmenter: seg });
    const strip = (res: typeof r) => ({ d: res.diagnostics.map(d => `${d.offset}:${d.ruleId}`), n: res.notices.map(n => n.message), t: Object.keys(res.timings) });
    assert.deepStrictEqual(strip(r), strip(one));
    assert.deepStrictEqual(strip(r).d, ['0:wording/d-plain', '5:wording/a-seg', '5:wording/c-plain']);
    assert.deepStrictEqual(strip(r).t, ['wording/a-seg', 'wording/c-plain', 'wording/d-plain']);
    assert.deepStrictEqual(strip(r).n, ['规则 wording/b-seg 运行出错，已跳过：boom']);
  });

  it('defers nothing without resolveSegmenter, and reports a failed load once for the rules that needed it', () => {
    const log: string[] = [];
    const rules = [mk('wording/a-seg', true, 5, log), mk('wording/c-plain', false, 5, log)];
    assert.strictEqual(lintInPhases(text, { rules, segmenter: seg }).deferred, false);
    const failed = lintInPhases(text, { rules, resolveSegmenter: () => ({ state: 'failed', error: '没有 nodejieba' }) }).finish();
    assert.deepStrictEqual(
      failed.notices.map(n => n.message),
      ['分词器（nodejieba）加载失败：没有 nodejieba，以下规则本次未运行：wording/a-seg'],
    );
    assert.deepStrictEqual(failed.diagnostics.map(d => d.ruleId), ['wording/c-plain']);
  });

  it('a rule that uses the segmenter when loaded waits for it, and runs without it when the load failed', () => {
    const seen: (Segmenter | undefined)[] = [];
    const opt: Rule = {
      meta: { id: 'wording/e-opt', category: 'wording', defaultSeverity: 'warning', description: 'e', docs: 'e', fixable: false, usesSegmenter: true },
      check(ctx) {
        seen.push(ctx.segmenter);
        ctx.report({ offset: 2, length: 1, message: 'e' });
      },
    };
    const log: string[] = [];
    const rules = [opt, mk('wording/c-plain', false, 5, log)];
    const phased = lintInPhases(text, { rules, resolveSegmenter: () => ({ segmenter: seg, state: 'ready' }) });
    assert.deepStrictEqual(seen, [], 'waits for the segmenter');
    assert.deepStrictEqual(phased.finish().diagnostics.map(d => `${d.offset}:${d.ruleId}`), ['2:wording/e-opt', '5:wording/c-plain']);
    assert.deepStrictEqual(seen, [seg]);
    const failed = lintInPhases(text, { rules, resolveSegmenter: () => ({ state: 'failed', error: '没有 nodejieba' }) }).finish();
    assert.deepStrictEqual(failed.diagnostics.map(d => `${d.offset}:${d.ruleId}`), ['2:wording/e-opt', '5:wording/c-plain']);
    assert.deepStrictEqual(failed.notices, [], 'no rule was skipped');
    assert.deepStrictEqual(seen, [seg, undefined]);
    assert.deepStrictEqual(lint(text, { rules }).diagnostics.length, 2);
  });

  it('partial() gives the first phase (the editor publishes it first), without resolving the segmenter', () => {
    const log: string[] = [];
    const rules = [mk('wording/a-seg', true, 5, log), mk('wording/c-plain', false, 5, log), mk('wording/d-plain', false, 0, log)];
    let resolved = 0;
    const phased = lintInPhases(text, {
      rules,
      resolveSegmenter: () => {
        resolved++;
        return { segmenter: seg, state: 'ready' };
      },
    });
    const p = phased.partial();
    assert.strictEqual(resolved, 0);
    assert.strictEqual(phased.deferred, true);
    assert.deepStrictEqual(
      p.diagnostics.map(d => `${d.offset}:${d.ruleId}`),
      ['0:wording/d-plain', '5:wording/c-plain'],
    );
    assert.deepStrictEqual(Object.keys(p.timings), ['wording/c-plain', 'wording/d-plain']);
    assert.deepStrictEqual(
      p.notices.map(n => [n.kind, n.message]),
      [['segmenter', '依赖分词的规则随后运行，以下规则本次未运行：wording/a-seg']],
    );
    const r = phased.finish();
    assert.deepStrictEqual(
      r.diagnostics.map(d => `${d.offset}:${d.ruleId}`),
      ['0:wording/d-plain', '5:wording/a-seg', '5:wording/c-plain'],
    );
    assert.deepStrictEqual(r.notices, []);
    assert.strictEqual(phased.partial(), r, 'after finish(), partial() is the whole result');
    assert.deepStrictEqual(log, ['wording/c-plain', 'wording/d-plain', 'wording/a-seg']);
  });
});

describe('engine: one slip, one finding', () => {
  /** Both rules see 规距 and propose 矩 (a formulation rule and a homophone rule); a third proposes something else. */
  const mk = (id: string, sev: 'error' | 'warning' | 'info', text: string, start = 1): Rule => ({
    meta: { id, category: 'wording', defaultSeverity: sev, description: '测试', docs: '测试', fixable: true },
    check(ctx) {
      const i = ctx.doc.text.indexOf('规距');
      if (i >= 0) ctx.report({ offset: i + start - 1, length: 3 - start, message: id, fix: { offset: i + 1, length: 1, text } });
    },
  });
  const text = '讲规距。';
  it('keeps the stronger of two findings with the same fix, whatever the rule order', () => {
    for (const order of [
      [mk('wording/test-a', 'info', '矩'), mk('wording/test-b', 'warning', '矩', 0)],
      [mk('wording/test-b', 'warning', '矩', 0), mk('wording/test-a', 'info', '矩')],
    ]) {
      const r = lint(text, { rules: order });
      assert.deepStrictEqual(
        r.diagnostics.map(d => [d.ruleId, d.severity, d.offset, d.length]),
        [['wording/test-b', 'warning', 0, 3]],
      );
    }
  });
  it('compares the edits fixes make, not their ranges (统筹推动→统筹推进 is 动→进)', () => {
    const wide: Rule = {
      meta: { id: 'wording/test-wide', category: 'wording', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: true },
      check(ctx) {
        ctx.report({ offset: 0, length: 3, message: 'wide', fix: { offset: 0, length: 3, text: '讲规矩' } });
      },
    };
    const r = lint(text, { rules: [mk('wording/test-a', 'info', '矩'), wide] });
    assert.deepStrictEqual(r.diagnostics.map(d => d.ruleId), ['wording/test-wide']);
    const other: Rule = { ...wide, check: ctx => ctx.report({ offset: 0, length: 3, message: 'other', fix: { offset: 0, length: 3, text: '讲规则' } }) };
    assert.deepStrictEqual(lint(text, { rules: [mk('wording/test-a', 'info', '矩'), other] }).diagnostics.map(d => d.ruleId), ['wording/test-wide', 'wording/test-a']);
  });
  it('keeps the earlier rule on a tie, and keeps findings whose fixes differ', () => {
    const r = lint(text, { rules: [mk('wording/test-a', 'info', '矩'), mk('wording/test-b', 'info', '矩'), mk('wording/test-c', 'info', '巨')] });
    assert.deepStrictEqual(r.diagnostics.map(d => d.ruleId), ['wording/test-a', 'wording/test-c']);
  });
});

describe('engine: objects made at every lint keep no getter of their own', () => {
  // An object literal with a getter (`get register() {…}`) is a dictionary-mode object in V8 whose getter sits in an
  // AccessorPair in the old generation: it kept its closure, and through it the whole lint, alive through every
  // young-generation collection until a full one (docs/performance.md, 改字延迟（第十一轮）). The rule context and the
  // phased lint are class instances with the getter on the prototype; these tests fail if either becomes such a
  // literal again.
  it('gives every rule a context whose register is a prototype getter, worked out from the whole document', () => {
    const seen: { own: PropertyDescriptor | undefined; register: string | undefined; proto: object | null }[] = [];
    const probe = (id: string): Rule => ({
      meta: { id, category: 'wording', defaultSeverity: 'warning', description: '测试', docs: '测试', fixable: false },
      check(ctx) {
        seen.push({ own: Object.getOwnPropertyDescriptor(ctx, 'register'), register: ctx.register, proto: Object.getPrototypeOf(ctx) });
      },
    });
    lint('我代表政协第十三届委员会常务委员会，向大会报告工作，请予审议。\n', { rules: [probe('wording/test-p1'), probe('wording/test-p2')] });
    assert.strictEqual(seen.length, 2);
    for (const s of seen) {
      assert.strictEqual(s.own, undefined);
      assert.strictEqual(s.register, 'formal');
      assert.notStrictEqual(s.proto, Object.prototype);
    }
    assert.strictEqual(seen[0].proto, seen[1].proto);
  });

  it('returns a phased lint whose deferred is a prototype getter', () => {
    const p = lintInPhases('甲', { rules: [jiaRule] });
    assert.strictEqual(Object.getOwnPropertyDescriptor(p, 'deferred'), undefined);
    assert.strictEqual(p.deferred, false);
    assert.strictEqual(p.finish().diagnostics.length, 1);
  });
});
