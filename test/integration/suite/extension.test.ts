// The extension inside a real VS Code extension host: diagnostics, fixes, commands, outline, settings, config.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import * as vscode from 'vscode';
import { api, closeAll, EXPECTED_ENGINE, EXTENSION_ID, fixture, open, ours, ruleOf, setSetting, sleep, summary, waitFor, waitForDiagnostics, writeFile } from './helpers';

const SAMPLE_FINDINGS = [
  'format/full-width-alnum@6:23+4',
  'punctuation/doubled-mark@6:16+1',
  'punctuation/dun-between-quotes@4:12+1',
  'punctuation/dun-between-quotes@4:19+1',
  'punctuation/empty-pair@8:8+2',
];
const SAMPLE_RULES = new Set(SAMPLE_FINDINGS.map(s => s.split('@')[0]));
const only = (ds: vscode.Diagnostic[], rules: Set<string>) => ds.filter(d => rules.has(ruleOf(d)));

async function untitled(content: string, language = 'markdown'): Promise<vscode.TextEditor> {
  await api(); // every test can run alone (DRAFT_LINT_IT_GREP): make sure the extension is active
  const doc = await vscode.workspace.openTextDocument({ language, content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * The first code action matching `pred`, retried for a few seconds: the diagnostics reach the workbench's marker
 * service (which fills the code action context) a moment after the extension host sees them.
 */
async function findAction(uri: vscode.Uri, range: vscode.Range, pred: (a: vscode.CodeAction) => boolean, kind?: string): Promise<vscode.CodeAction | undefined> {
  const t0 = Date.now();
  let actions: vscode.CodeAction[] = [];
  while (Date.now() - t0 < 5000) {
    actions = await codeActions(uri, range, kind);
    const a = actions.find(pred);
    if (a) return a;
    await sleep(100);
  }
  console.log(`no matching code action among: ${actions.map(a => a.title).join(' | ')}`);
  return undefined;
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  // Resolve the actions (fix-all edits are computed lazily, on the lint worker).
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind, 50)) ?? [];
}

describe('draft-lint extension', function () {
  this.timeout(60000);

  it('activates on a Markdown document quickly, without loading the segmenter first', async () => {
    const t0 = Date.now();
    await open('sample.md');
    const a = await api();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(ext.isActive, 'active after opening Markdown');
    console.log(`integration-metric: activation_ms=${a.activationMs.toFixed(1)}`);
    console.log(`integration-metric: open_to_active_ms=${Date.now() - t0}`);
    assert.ok(a.activationMs < 1000, `activation took ${a.activationMs} ms`);
  });

  it('shows the first diagnostics of a ~32 KB draft promptly, and the segmenter rules after them', async () => {
    // A writer opens a report once the extension runs (segmenter ready): the rules that need no segmenter are
    // published first, then every rule (two phases). The figures are printed, not asserted (the machine is shared).
    const uri = fixture('large.txt');
    const size = fs.statSync(uri.fsPath).size;
    assert.ok(size > 30000 && size < 40000, `large.txt is ~32 KB (${size})`);
    const a = await api();
    await Promise.race([a.segmenterSettled, sleep(60000)]);
    assert.strictEqual(a.segmenter().state, 'ready', `segmenter: ${a.segmenter().error ?? ''}`);
    let openedAt = 0;
    const events: { partial: boolean; at: number; count: number; ms: number }[] = [];
    const subOpen = vscode.workspace.onDidOpenTextDocument(d => {
      if (!openedAt && d.uri.toString() === uri.toString()) openedAt = Date.now();
    });
    const sub = a.onDidLint(e => {
      if (e.uri.toString() === uri.toString() && e.version >= 0 && !e.skipped) events.push({ partial: !!e.partial, at: Date.now(), count: e.count, ms: e.ms });
    });
    const t0 = Date.now();
    await open('large.txt');
    const opened = Date.now() - t0;
    const ds = await waitForDiagnostics(uri);
    await waitFor('the lint with every rule', () => events.find(e => !e.partial));
    subOpen.dispose();
    sub.dispose();
    const from = openedAt || t0;
    const first = events[0];
    const complete = events.find(e => !e.partial)!;
    console.log(
      `integration-metric: first_diagnostics_ms=${first.at - from} all_diagnostics_ms=${complete.at - from} segmenter=${a.segmenter().engine} bytes=${size} ` +
        `findings_first=${first.count} findings_all=${complete.count} core_first_ms=${first.ms.toFixed(1)} core_all_ms=${complete.ms.toFixed(1)} open_call_ms=${opened}`,
    );
    assert.ok(first.partial, `the first publish is the rules that need no segmenter: ${JSON.stringify(events)}`);
    assert.ok(first.count > 0, 'the first phase has findings');
    assert.ok(events.indexOf(complete) > 0 && complete.at >= first.at, 'the lint with every rule follows');
    assert.ok(ds.some(d => ruleOf(d) === 'punctuation/half-width'), 'the seed has half-width punctuation');
    assert.ok(complete.at - from < 20000, `all diagnostics after ${complete.at - from} ms`);
  });

  it('re-lints a ~32 KB draft after an edit without blocking the extension host', async () => {
    const uri = fixture('large.txt');
    const ed = await open('large.txt');
    await waitForDiagnostics(uri);
    const a = await api();
    await a.segmenterSettled; // measure the steady state, with the segmenter rules running
    await sleep(300);
    const before = ours(uri).filter(d => ruleOf(d) === 'punctuation/empty-pair').length;
    const h = monitorEventLoopDelay({ resolution: 10 });
    h.enable();
    const t0 = Date.now();
    await ed.edit(b => b.insert(new vscode.Position(0, 0), '（）'));
    await waitForDiagnostics(uri, d => d.filter(x => ruleOf(x) === 'punctuation/empty-pair').length === before + 1);
    const ms = Date.now() - t0;
    h.disable();
    const maxBlock = h.max / 1e6;
    console.log(`integration-metric: edit_to_diagnostics_ms=${ms} ext_host_max_block_ms=${maxBlock.toFixed(1)} core_lint_ms=${(a.lastLintMs(uri) ?? -1).toFixed(1)}`);
    assert.ok(maxBlock < 150, `the extension host was blocked for ${maxBlock} ms`);
    await vscode.commands.executeCommand('undo');
  });

  it('publishes diagnostics on open with exact rule ids and ranges', async () => {
    const uri = fixture('sample.md');
    await open('sample.md');
    const ds = await waitForDiagnostics(uri, d => only(d, SAMPLE_RULES).length >= SAMPLE_FINDINGS.length);
    assert.deepStrictEqual(summary(only(ds, SAMPLE_RULES)), SAMPLE_FINDINGS);
  });

  it('gives each diagnostic source, severity, a rule-doc link and a Chinese message', async () => {
    const uri = fixture('sample.md');
    await open('sample.md');
    const ds = await waitForDiagnostics(uri, d => only(d, SAMPLE_RULES).length >= SAMPLE_FINDINGS.length);
    const empty = ds.find(d => ruleOf(d) === 'punctuation/empty-pair')!;
    assert.strictEqual(empty.source, 'draft-lint');
    assert.strictEqual(empty.severity, vscode.DiagnosticSeverity.Error);
    assert.match(empty.message, /空括号（）/);
    const code = empty.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'punctuation/empty-pair');
    assert.ok(code.target.path.endsWith('/docs/rules/punctuation/empty-pair.md'), code.target.toString());
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.ok(fs.existsSync(path.join(ext.extensionPath, 'docs', 'rules', 'punctuation', 'empty-pair.md')), 'the linked rule page exists');
    const dun = ds.find(d => ruleOf(d) === 'punctuation/dun-between-quotes')!;
    assert.strictEqual(dun.severity, vscode.DiagnosticSeverity.Information);
  });

  it('counts errors and warnings of the active document in the status bar', async () => {
    const a = await api();
    const uri = fixture('sample.md');
    await open('sample.md');
    const ds = await waitForDiagnostics(uri, d => only(d, SAMPLE_RULES).length >= SAMPLE_FINDINGS.length);
    const n = (sev: vscode.DiagnosticSeverity) => ds.filter(d => d.severity === sev).length;
    const infos = n(vscode.DiagnosticSeverity.Information);
    const want = `审校 $(error) ${n(vscode.DiagnosticSeverity.Error)} $(warning) ${n(vscode.DiagnosticSeverity.Warning)}${infos ? ` $(info) ${infos}` : ''}`;
    const st = await waitFor('status bar text', () => (a.status().text.startsWith(want) ? a.status() : undefined));
    assert.ok(st.visible);
    assert.match(st.tooltip, /错误 \d+ 个，警告 \d+ 个，提示 \d+ 个/);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('status bar hidden without a draft', () => !a.status().visible);
  });

  it('turns fixes into the smallest edits (never touching text outside them)', async () => {
    const { minimalEdits } = await import('../../../src/vscode/convert');
    assert.deepStrictEqual(minimalEdits('甲乙丙。。\n丁戊\n', '甲乙丙。\n丁戊\n'), [{ offset: 4, length: 1, text: '' }]);
    assert.deepStrictEqual(minimalEdits('a，b\nc\nd，e\n', 'a,b\nc\nd,e\n'), [
      { offset: 1, length: 1, text: ',' },
      { offset: 7, length: 1, text: ',' },
    ]);
    // A fix that adds a line: one edit, trimmed to what differs.
    assert.deepStrictEqual(minimalEdits('一\n二\n', '一\n<!-- x -->\n二\n'), [{ offset: 2, length: 0, text: '<!-- x -->\n' }]);
    const { fillYears, defaultPlanYear } = await import('../../../src/vscode/commands');
    assert.strictEqual(fillYears('一、${2:2024}年 二、${11:2025}年 ${2}', 2031), '一、${2:2030}年 二、${11:2031}年 ${2}');
    assert.strictEqual(fillYears('{{lastYear}}—{{year}}—{{nextYear}}', 2031), '2030—2031—2032');
    assert.strictEqual(defaultPlanYear(new Date(2026, 10, 23)), 2027);
    assert.strictEqual(defaultPlanYear(new Date(2026, 2, 1)), 2026);
  });

  it('re-lints as you type, debounced (a burst of keystrokes gives one run)', async () => {
    const a = await api();
    await a.segmenterSettled; // its arrival re-lints every open document, which would be a second run
    const ed = await untitled('委员们深入调研。\n');
    const uri = ed.document.uri;
    await sleep(600);
    assert.deepStrictEqual(summary(ours(uri)), []);
    let runs = 0;
    const sub = a.onDidLint(e => {
      if (e.uri.toString() === uri.toString() && e.version > 0) runs++;
    });
    try {
      const chars = ['形', '成', '（', '）'];
      for (let i = 0; i < chars.length; i++) {
        await ed.edit(b => b.insert(new vscode.Position(0, 7 + i), chars[i]));
        await sleep(30);
      }
      const ds = await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
      assert.deepStrictEqual(summary(ds.filter(d => ruleOf(d) === 'punctuation/empty-pair')), ['punctuation/empty-pair@1:10+2']);
      await sleep(500);
      assert.strictEqual(runs, 1, `lint runs after a burst of 4 edits: ${runs}`);
    } finally {
      sub.dispose();
    }
  });

  it('applies the quick fix of one finding and changes nothing else', async () => {
    const ed = await untitled('推动专门协商机构“商”出特色。。全年收到提案１５０１件。\n');
    const uri = ed.document.uri;
    const ds = await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/doubled-mark'));
    const doubled = ds.find(d => ruleOf(d) === 'punctuation/doubled-mark')!;
    const fix = await findAction(uri, doubled.range, a => !!a.isPreferred && a.kind?.value === 'quickfix');
    assert.ok(fix?.edit, 'a preferred quick fix');
    assert.match(fix.title, /删除“。”/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(ed.document.getText(), '推动专门协商机构“商”出特色。全年收到提案１５０１件。\n');
    await waitForDiagnostics(uri, d => !d.some(x => ruleOf(x) === 'punctuation/doubled-mark') && d.some(x => ruleOf(x) === 'format/full-width-alnum'));
  });

  it('fixes all findings of one rule, then everything with the fix-all command', async () => {
    const text = '全年收到提案１５０１件，经审查立案１３２０件。。\n';
    const ed = await untitled(text);
    const uri = ed.document.uri;
    const ds = await waitForDiagnostics(uri, d => d.filter(x => ruleOf(x) === 'format/full-width-alnum').length === 2);
    const first = ds.find(d => ruleOf(d) === 'format/full-width-alnum')!;
    const ruleAll = await findAction(uri, first.range, a => a.title.startsWith('修复本文稿中全部 format/full-width-alnum'));
    assert.ok(ruleAll?.edit, 'fix-all-of-rule action');
    assert.match(ruleAll.title, /（2 处）/);
    assert.ok(await vscode.workspace.applyEdit(ruleAll.edit));
    assert.strictEqual(ed.document.getText(), '全年收到提案1501件，经审查立案1320件。。\n');
    await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/doubled-mark') && !d.some(x => ruleOf(x) === 'format/full-width-alnum'));
    const fixed = await vscode.commands.executeCommand<number>('draftLint.fixAll');
    assert.strictEqual(fixed, 1);
    assert.strictEqual(ed.document.getText(), '全年收到提案1501件，经审查立案1320件。\n');
    await waitForDiagnostics(uri, d => d.length === 0);
  });

  it('offers source.fixAll.draftLint for editor.codeActionsOnSave', async () => {
    const ed = await untitled('第一段。。\n\n坚持“一国两制”、“港人治港”。\n');
    const uri = ed.document.uri;
    await waitForDiagnostics(uri, d => d.length >= 2);
    const all = new vscode.Range(0, 0, ed.document.lineCount, 0);
    const actions = await codeActions(uri, all, 'source.fixAll.draftLint');
    assert.strictEqual(actions.length, 1, actions.map(a => a.title).join(' | '));
    assert.strictEqual(actions[0].kind?.value, 'source.fixAll.draftLint');
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    // The 顿号 between quotes is a hint with a suggestion only: source.fixAll leaves it (both styles are accepted).
    assert.strictEqual(ed.document.getText(), '第一段。\n\n坚持“一国两制”、“港人治港”。\n');
  });

  it('disables a rule for one line by inserting the disable comment above it', async () => {
    const ed = await untitled('# 标题\n\n  委员们深入调研（），形成建言成果。\n');
    const uri = ed.document.uri;
    const ds = await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
    const empty = ds.find(d => ruleOf(d) === 'punctuation/empty-pair')!;
    const disable = await findAction(uri, empty.range, a => a.title.includes('停用 punctuation/empty-pair'));
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.strictEqual(ed.document.getText(), '# 标题\n\n  <!-- draft-lint-disable-next-line punctuation/empty-pair -->\n  委员们深入调研（），形成建言成果。\n');
    await waitForDiagnostics(uri, d => !d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
  });

  it('handles CRLF documents (positions, fixes and the disable comment keep CRLF)', async () => {
    const ed = await untitled('第一行。。\r\n委员们深入调研（），形成建言。\r\n', 'plaintext');
    assert.strictEqual(ed.document.eol, vscode.EndOfLine.CRLF);
    const uri = ed.document.uri;
    const ds = await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
    assert.deepStrictEqual(summary(ds), ['punctuation/doubled-mark@1:5+1', 'punctuation/empty-pair@2:8+2']);
    const disable = await findAction(uri, ds.find(x => ruleOf(x) === 'punctuation/empty-pair')!.range, a => a.title.includes('停用'));
    assert.ok(await vscode.workspace.applyEdit(disable!.edit!));
    const fixed = await vscode.commands.executeCommand<number>('draftLint.fixAll');
    assert.strictEqual(fixed, 1, `fixed ${fixed}; text ${JSON.stringify(ed.document.getText())}; diags ${summary(ours(uri))}`);
    assert.strictEqual(ed.document.getText(), '第一行。\r\n<!-- draft-lint-disable-next-line punctuation/empty-pair -->\r\n委员们深入调研（），形成建言。\r\n');
    await waitForDiagnostics(uri, d => d.length === 0);
  });

  it('explains a finding on hover (rule, standard form, source, link)', async () => {
    const uri = fixture('sample.md');
    await open('sample.md');
    const ds = await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'format/full-width-alnum'));
    const d = ds.find(x => ruleOf(x) === 'format/full-width-alnum')!;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, d.range.start.translate(0, 1));
    const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text, /format\/full-width-alnum/);
    assert.match(text, /\*\*标准表述\*\*：1501/);
    assert.match(text, /\*\*依据\*\*：GB\/T 15835/);
    // VS Code's own hover shows the message; ours does not repeat it.
    assert.doesNotMatch(text, /使用了全角数字/);
    // The standard form and where it comes from.
    const uri2 = fixture('all-categories.md');
    await open('all-categories.md');
    const d2 = (await waitForDiagnostics(uri2, ds => ds.some(x => ruleOf(x) === 'formulation/collocation'))).find(x => ruleOf(x) === 'formulation/collocation')!;
    const h2 = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri2, d2.range.start.translate(0, 1));
    const text2 = h2.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(text2, /\*\*标准表述\*\*：做到“两个维护”/);
    assert.match(text2, /\*\*依据\*\*：中共中央政治局/);
  });

  it('lints every draft in the workspace into the Problems panel', async () => {
    const s = await vscode.commands.executeCommand<{ files: number; linted: number; errors: number; warnings: number; byFile: Record<string, number> }>('draftLint.lintWorkspace', { quiet: true });
    assert.ok(s.files >= 6, `files: ${s.files}`);
    assert.strictEqual(s.linted, s.files);
    const other = fixture('notes/other.txt');
    assert.deepStrictEqual(summary(ours(other)), ['punctuation/half-width@1:6+1']);
    assert.strictEqual(s.byFile['notes/other.txt'], 1);
  });

  it('clears a document\'s diagnostics when it is closed', async () => {
    const uri = fixture('cfg/doc.md');
    await open('cfg/doc.md');
    await waitForDiagnostics(uri);
    await closeAll();
    await waitFor('diagnostics cleared on close', () => ours(uri).length === 0);
  });

  it('shows the section tree in the outline and folds sections', async () => {
    await open('report.txt');
    const uri = fixture('report.txt');
    const symbols = await waitFor('symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s?.length ? s : undefined;
    });
    const flat: { name: string; detail: string; depth: number; line: number }[] = [];
    const walk = (xs: vscode.DocumentSymbol[], depth: number) => xs.forEach(x => (flat.push({ name: x.name, detail: x.detail, depth, line: x.range.start.line + 1 }), walk(x.children, depth + 1)));
    walk(symbols, 0);
    const find = (re: RegExp) => flat.find(f => re.test(f.name));
    const review = find(/^一、2024年主要工作/);
    const sub = find(/^（一）坚持政治引领/);
    const plan = find(/^二、2025年工作安排/);
    assert.ok(review && sub && plan, JSON.stringify(flat));
    assert.ok(sub.depth > review.depth, 'the (一) heading is nested under 一、');
    assert.strictEqual(review.line, 7);
    assert.strictEqual(review.detail, '工作回顾', 'the template part in Chinese, not its id');
    assert.ok(flat.every(f => !/^[a-z]+$/.test(f.detail)), JSON.stringify(flat.map(f => f.detail)));
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', uri);
    assert.ok(folds.some(f => f.start === 6 && f.end >= 16), `folding ranges: ${JSON.stringify(folds)}`);
  });

  it('shows the detected type first in the outline; setDocType writes, replaces and removes the first-line marker', async () => {
    const ed = await untitled('关于加快老旧小区加装电梯的建议\n提案者：李华\n我市老旧小区多，加装电梯难。\n建议：由市住建局制定费用分摊标准。\n', 'plaintext');
    const uri = ed.document.uri;
    const symbols = await waitFor('type symbol', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s?.length && /^文种：/.test(s[0].name) ? s : undefined;
    });
    assert.strictEqual(symbols[0].name, '文种：提案');
    await vscode.commands.executeCommand('draftLint.setDocType', 'sqmy');
    assert.strictEqual(ed.document.lineAt(0).text, '<!-- draft-lint-type: sqmy -->');
    await waitFor('type symbol after the override', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s?.[0]?.name === '文种：社情民意信息' ? s : undefined;
    });
    await vscode.commands.executeCommand('draftLint.setDocType', 'auto');
    assert.strictEqual(ed.document.lineAt(0).text, '关于加快老旧小区加装电梯的建议');
  });

  it('contributes snippets for Markdown and plain text and inserts a template with the year filled in', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON.contributes.snippets as { language: string; path: string }[]).map(s => s.language).sort();
    assert.deepStrictEqual(contributed, ['markdown', 'plaintext']);
    for (const s of ext.packageJSON.contributes.snippets as { path: string }[]) {
      const file = path.join(ext.extensionPath, s.path);
      assert.ok(fs.existsSync(file), `${s.path} exists`);
      const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { prefix: unknown; body: unknown }>;
      assert.ok(Object.keys(json).length >= 4, `${s.path} has the document types`);
    }
    const ed = await untitled('', 'plaintext');
    const ok = await vscode.commands.executeCommand<boolean>('draftLint.insertTemplate', { label: '常委会工作报告模板', year: 2031 });
    assert.ok(ok, 'inserted the work report template');
    const lines = ed.document.getText().split('\n');
    // The report reviews the year before the one it plans.
    assert.ok(lines.includes('一、2030年主要工作'), lines.slice(0, 6).join(' / '));
    assert.ok(lines.some(l => l.startsWith('二、2031年工作安排')), lines.join(' / '));
    assert.ok(lines.some(l => l.startsWith('2031年政协工作的总体要求是：')));
    assert.doesNotMatch(ed.document.getText(), /\$\{|2024|2025/);
  });

  it('turning a rule off in the settings removes its findings (and back on restores them)', async () => {
    const uri = fixture('sample.md');
    await open('sample.md');
    await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
    await setSetting('rules', { 'punctuation/empty-pair': 'off', 'punctuation/doubled-mark': 'info' });
    try {
      const ds = await waitForDiagnostics(uri, d => !d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
      assert.ok(ds.some(x => ruleOf(x) === 'format/full-width-alnum'), 'other rules still run');
      assert.strictEqual(ds.find(x => ruleOf(x) === 'punctuation/doubled-mark')?.severity, vscode.DiagnosticSeverity.Information);
    } finally {
      await setSetting('rules', undefined);
    }
    await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
  });

  it('draftLint.enable = false clears the findings; true brings them back', async () => {
    const uri = fixture('sample.md');
    await open('sample.md');
    await waitForDiagnostics(uri);
    await setSetting('enable', false);
    try {
      await waitForDiagnostics(uri, d => d.length === 0);
      await sleep(500);
      assert.deepStrictEqual(ours(uri), [], 'stays quiet');
    } finally {
      await setSetting('enable', undefined);
    }
    await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
  });

  it('draftLint.docType overrides the detected document type', async () => {
    const uri = fixture('report.txt');
    await open('report.txt');
    await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'structure/missing-section'));
    await setSetting('docType', 'other');
    try {
      await waitForDiagnostics(uri, d => !d.some(x => ruleOf(x).startsWith('structure/')), 15000);
    } finally {
      await setSetting('docType', undefined);
    }
    await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'structure/missing-section'));
  });

  it('does not lint the rule pages it links to', async () => {
    await open('sample.md');
    const ds = await waitForDiagnostics(fixture('sample.md'), d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
    // This page shows bad examples (“”), which the rules would flag in a draft.
    const target = (ds.find(x => ruleOf(x) === 'punctuation/empty-pair')!.code as { target: vscode.Uri }).target;
    const doc = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(doc);
    await sleep(800);
    assert.deepStrictEqual(ours(target), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('skips files above draftLint.maxFileSize and lints them again when the limit is raised', async () => {
    const uri = fixture('large.txt');
    await open('large.txt');
    await waitForDiagnostics(uri);
    await setSetting('maxFileSize', 10000);
    try {
      await waitForDiagnostics(uri, d => d.length === 0);
    } finally {
      await setSetting('maxFileSize', undefined);
    }
    await waitForDiagnostics(uri);
  });

  it('finds .draftlintrc.json like the CLI, re-lints on change, and keeps the last good config when it breaks', async () => {
    const a = await api();
    const doc = fixture('cfg/doc.md');
    await open('cfg/doc.md');
    await waitForDiagnostics(doc, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
    const rc = await writeFile('cfg/.draftlintrc.json', JSON.stringify({ rules: { 'punctuation/empty-pair': 'off' } }, null, 2) + '\n');
    await waitForDiagnostics(doc, d => !d.some(x => ruleOf(x) === 'punctuation/empty-pair') && d.some(x => ruleOf(x) === 'punctuation/doubled-mark'));
    await writeFile('cfg/.draftlintrc.json', '{\n  "rules": {\n    "punctuation/empty-pair": "off",\n  }\n}\n');
    const bad = await waitFor('config diagnostic', () => {
      const ds = vscode.languages.getDiagnostics(rc).filter(d => d.source === 'draft-lint');
      return ds.length ? ds : undefined;
    });
    assert.strictEqual(bad.length, 1);
    // The comma after the last item is named, at the comma (line 3, column 36), in Chinese.
    assert.match(bad[0].message, /配置文件 .*\.draftlintrc\.json 不是有效的 JSON（第 3 行第 36 列）：最后一项后面多了一个逗号/);
    assert.deepStrictEqual([bad[0].range.start.line, bad[0].range.start.character], [2, 35]);
    assert.match(a.configError() ?? '', /不是有效的 JSON/);
    await waitFor('the status bar tells about the broken config', () => /配置有误/.test(a.status().tooltip));
    await vscode.commands.executeCommand('draftLint.lintDocument');
    assert.ok(!ours(doc).some(x => ruleOf(x) === 'punctuation/empty-pair'), 'the last good config (rule off) still applies');
    await writeFile('cfg/.draftlintrc.json', '{ "rules": { "punctuation/doubled-mark": "off" } }\n');
    await waitForDiagnostics(doc, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair') && !d.some(x => ruleOf(x) === 'punctuation/doubled-mark'));
    await waitFor('config diagnostic cleared', () => vscode.languages.getDiagnostics(rc).filter(d => d.source === 'draft-lint').length === 0);
    assert.strictEqual(a.configError(), undefined);
    await waitFor('status bar without the config warning', () => !/配置有误/.test(a.status().tooltip));
  });

  it('applies the config\'s ignore like the CLI (.gitignore semantics: a folder name, a pattern at any depth)', async () => {
    const a = await api();
    const text = '委员们深入调研（），形成高质量建言成果。。\n';
    await vscode.workspace.fs.createDirectory(fixture('ign/drafts'));
    await vscode.workspace.fs.createDirectory(fixture('ign/sub'));
    const rc = await writeFile('ign/.draftlintrc.json', JSON.stringify({ ignore: ['drafts', '*.bak.txt'] }) + '\n');
    const ignored = [await writeFile('ign/drafts/a.txt', text), await writeFile('ign/sub/x.bak.txt', text)];
    const kept = await writeFile('ign/sub/keep.txt', text);
    try {
      await open('ign/sub/keep.txt');
      await waitForDiagnostics(kept, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
      for (const uri of ignored) {
        const skipped = new Promise<string | undefined>(resolve => {
          const sub = a.onDidLint(e => {
            if (e.uri.toString() === uri.toString() && e.skipped !== 'cleared') {
              sub.dispose();
              resolve(e.skipped);
            }
          });
        });
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
        assert.strictEqual(await skipped, `按配置文件 ${rc.fsPath} 的 ignore 设置忽略`, uri.fsPath);
        await sleep(300);
        assert.deepStrictEqual(ours(uri), [], uri.fsPath);
      }
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(fixture('ign'), { recursive: true });
    }
  });

  it('validates .draftlintrc.json against the schema while it is edited (jsonValidation)', async () => {
    await vscode.workspace.fs.createDirectory(fixture('jsonv'));
    const rc = await writeFile('jsonv/.draftlintrc.json', '{\n  "rules": { "punctuation/empty-pair": "warn" },\n  "docTyp": "report"\n}\n');
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(rc));
      const json = await waitFor('JSON schema diagnostics', () => {
        const ds = vscode.languages.getDiagnostics(rc).filter(d => d.source !== 'draft-lint');
        return ds.length >= 2 ? ds : undefined;
      }, 30000);
      const lines = json.map(d => d.range.start.line).sort();
      assert.deepStrictEqual(lines, [1, 2], json.map(d => `${d.range.start.line}: ${d.message}`).join(' | '));
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(fixture('jsonv'), { recursive: true });
    }
  });

  it('loads an office rule pack from draftLint.packs, but not in an untrusted workspace', async () => {
    const a = await api();
    const uri = fixture('notes/pack.txt');
    await open('notes/pack.txt');
    const has = (rule: string) => (d: vscode.Diagnostic[]) => d.some(x => ruleOf(x) === rule);
    await waitForDiagnostics(uri, has('punctuation/doubled-mark'));
    assert.ok(!has('wording/misspelling')(ours(uri)), 'the built-in packs do not know 政协委会');
    await setSetting('packs', ['packs/office.draftlint-pack.json']);
    try {
      const ds = await waitForDiagnostics(uri, has('wording/misspelling'));
      assert.deepStrictEqual(summary(ds), ['punctuation/doubled-mark@1:13+1', 'wording/misspelling@1:2+4']);
      assert.match(ds.find(x => ruleOf(x) === 'wording/misspelling')!.message, /“政协委会”应为“政协委员会”/);
      a.overrideTrustForTesting(false);
      await waitForDiagnostics(uri, d => !has('wording/misspelling')(d) && has('punctuation/doubled-mark')(d));
      a.overrideTrustForTesting(undefined);
      await waitForDiagnostics(uri, has('wording/misspelling'));
    } finally {
      a.overrideTrustForTesting(undefined);
      await setSetting('packs', undefined);
    }
    await waitForDiagnostics(uri, d => !has('wording/misspelling')(d) && has('punctuation/doubled-mark')(d));
  });

  it('with draftLint.run = onSave, lints on save and not while typing', async () => {
    const uri = fixture('notes/other.txt');
    const ed = await open('notes/other.txt');
    await waitForDiagnostics(uri, d => d.length === 1);
    await setSetting('run', 'onSave');
    try {
      await ed.edit(b => b.insert(new vscode.Position(0, 0), '（）'));
      await sleep(900);
      assert.deepStrictEqual(summary(ours(uri)), ['punctuation/half-width@1:6+1'], 'not re-linted while typing');
      assert.ok(await ed.document.save());
      await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'punctuation/empty-pair'));
      assert.deepStrictEqual(summary(ours(uri)), ['punctuation/empty-pair@1:1+2', 'punctuation/half-width@1:8+1']);
    } finally {
      await setSetting('run', undefined);
      await ed.edit(b => b.delete(new vscode.Range(0, 0, 0, 2)));
      await ed.document.save();
    }
    await waitForDiagnostics(uri, d => summary(d).join() === 'punctuation/half-width@1:6+1');
  });

  it('links the related place of a finding (the two figures that disagree)', async () => {
    const ed = await untitled('全年共收到提案1501件，经审查立案1620件。\n', 'plaintext');
    const uri = ed.document.uri;
    const ds = await waitForDiagnostics(uri, d => d.some(x => ruleOf(x) === 'figures/part-exceeds-whole'));
    const d = ds.find(x => ruleOf(x) === 'figures/part-exceeds-whole')!;
    assert.deepStrictEqual(summary([d]), ['figures/part-exceeds-whole@1:19+5']);
    assert.strictEqual(d.relatedInformation?.length, 1);
    const rel = d.relatedInformation[0];
    assert.strictEqual(rel.location.uri.toString(), uri.toString());
    assert.deepStrictEqual([rel.location.range.start.character, rel.location.range.end.character], [7, 12]);
    assert.strictEqual(ed.document.getText(rel.location.range), '1501件');
  });

  it('shows the figure ledger of the current document', async () => {
    await untitled('全年共收到提案1501件，经审查立案1320件，立案率88%。\n', 'plaintext');
    const entries = await vscode.commands.executeCommand<{ subject: string; raw: string; value: number; line: number; column: number }[]>('draftLint.showLedger');
    assert.deepStrictEqual(
      entries.map(e => `${e.subject}|${e.raw}|${e.value}|${e.line}:${e.column}`),
      ['共收到提案|1501件|1501|1:8', '立案|1320件|1320|1:19', '立案率|88%|88|1:28'],
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('shows one finding of every category in a draft, and each quick fix works', async () => {
    const uri = fixture('all-categories.md');
    const ed = await open('all-categories.md');
    const expected = [
      'figures/part-exceeds-whole@11:19+5',
      'format/full-width-alnum@11:30+3',
      'formulation/collocation@9:11+2',
      'numbering/consistent-marker@14:1+2',
      'punctuation/doubled-mark@11:25+1',
      'structure/missing-section@20:4+11',
      'wording/misspelling@9:22+2',
    ];
    const ds = await waitForDiagnostics(uri, d => d.length >= expected.length);
    assert.deepStrictEqual(summary(ds), expected);
    assert.deepStrictEqual([...new Set(ds.map(d => ruleOf(d).split('/')[0]))].sort(), ['figures', 'format', 'formulation', 'numbering', 'punctuation', 'structure', 'wording']);
    for (const d of ds) {
      const target = (d.code as { target: vscode.Uri }).target;
      assert.ok(fs.existsSync(target.fsPath), `rule page ${target.fsPath} exists`);
    }
    // Apply the preferred fix of each fixable finding (re-reading the diagnostics after every edit).
    for (const rule of ['formulation/collocation', 'wording/misspelling', 'punctuation/doubled-mark', 'format/full-width-alnum', 'numbering/consistent-marker']) {
      const d = (await waitForDiagnostics(uri, x => x.some(y => ruleOf(y) === rule))).find(y => ruleOf(y) === rule)!;
      const fix = await findAction(uri, d.range, a => !!a.isPreferred && a.title.endsWith(`（${rule}）`));
      assert.ok(fix?.edit, `a quick fix for ${rule}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), `applied the fix for ${rule}`);
      await waitForDiagnostics(uri, x => !x.some(y => ruleOf(y) === rule));
    }
    const lines = ed.document.getText().split('\n');
    assert.strictEqual(lines[8], '过去一年，市政协坚决做到“两个维护”，认真部署各项工作。');
    assert.strictEqual(lines[10], '全年共收到提案1501件，经审查立案1620件。助推全市GDP稳步增长。');
    assert.strictEqual(lines[13], '2.深化专题协商，提高议政质量。');
    // The two findings without an automatic fix can still be silenced for their line.
    for (const rule of ['figures/part-exceeds-whole', 'structure/missing-section']) {
      const d = ours(uri).find(y => ruleOf(y) === rule)!;
      const disable = await findAction(uri, d.range, a => a.title.includes(`停用 ${rule}`));
      assert.ok(disable?.edit, `disable action for ${rule}`);
      assert.ok(await vscode.workspace.applyEdit(disable.edit));
      await waitForDiagnostics(uri, x => !x.some(y => ruleOf(y) === rule));
    }
    assert.deepStrictEqual(summary(ours(uri)), []);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it(`loads ${EXPECTED_ENGINE} in the extension host (on the lint worker thread) after activation`, async () => {
    const a = await api();
    await Promise.race([a.segmenterSettled, sleep(30000)]);
    const s = a.segmenter();
    console.log(`integration-metric: segmenter_load_ms=${s.loadMs ?? -1} state=${s.state} where=${s.where} engine=${s.engine}`);
    assert.strictEqual(a.backend(), 'worker');
    assert.strictEqual(s.where, 'worker');
    assert.strictEqual(s.state, 'ready', `segmenter: ${s.state} ${s.error ?? ''}`);
    assert.strictEqual(s.engine, EXPECTED_ENGINE);
    if (EXPECTED_ENGINE === 'nodejieba') assert.ok(s.nativeModule && /nodejieba\.node$/.test(s.nativeModule), `native module: ${s.nativeModule}`);
    else assert.strictEqual(s.nativeModule, undefined, 'no native module loaded');
  });

  it('says once which segmenter runs and, when it fell back, why (an information message and the status bar)', async () => {
    const a = await api();
    await Promise.race([a.segmenterSettled, sleep(30000)]);
    await open('sample.md');
    await waitFor('the status bar', () => a.status().visible);
    const messages = a.segmenterMessages();
    if (EXPECTED_ENGINE === 'nodejieba') {
      assert.deepStrictEqual(messages, [], 'no message while nodejieba runs');
      assert.match(a.status().tooltip, /分词器 nodejieba/);
    } else {
      // Many lints and re-lints have run by now (this test comes last): still one message.
      assert.strictEqual(messages.length, 1, JSON.stringify(messages));
      assert.match(messages[0], /已改用 jieba-wasm.*原因：无法加载分词器 nodejieba：Cannot find module 'nodejieba'.*通用版扩展包不含它的本地模块/);
      assert.match(a.status().tooltip, /分词器 jieba-wasm（备用；无法加载分词器 nodejieba/);
    }
  });
});
