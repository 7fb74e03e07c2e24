// The review report's data and HTML (pure), and the CLI's --format html (one file, or one per document in a folder).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { reportDocument } from '../../src/report/data';
import { renderHtml } from '../../src/report/html';
import { lint } from '../../src/lint';
import { builtinPackSet } from '../../src/core/packs';
import { Diagnostic } from '../../src/core/types';
import { cli, tmpDir } from '../helpers/cliInProcess';
import { docxBytes, proposalDocument } from '../helpers/docxFixtures';

const SQMY = `社情民意信息（第12期）
关于农村养老服务短板问题的反映
近年来,我省农村老年人口比重持续上升。据调查，全省农村养老机构床位使用率不足40%，护理人员缺口约1.2万人。
一、存在的问题
（一）设施分布不均衡
部分乡镇敬老院设施老化，，服务功能单一。
（三）专业人才短缺
护理人员平均年龄超过55岁。
二、意见建议
建议加大投入。
反映人：李某某（市政协委员）
`;

function count(html: string, re: RegExp): number {
  return (html.match(re) ?? []).length;
}

describe('report: data and HTML', () => {
  const result = lint(SQMY, { path: 'sqmy.txt' });
  const data = reportDocument({ path: 'sqmy.txt', text: SQMY, diagnostics: result.diagnostics, docType: result.docType, packs: builtinPackSet() });

  it('counts by severity and category equal the diagnostics', () => {
    assert.ok(result.diagnostics.length >= 3);
    const bySeverity = { error: 0, warning: 0, info: 0 };
    for (const d of result.diagnostics) bySeverity[d.severity]++;
    assert.deepStrictEqual(data.counts.severity, bySeverity);
    assert.strictEqual(Object.values(data.counts.category).reduce((a, b) => a + b, 0), result.diagnostics.length);
    assert.strictEqual(data.counts.fixable, result.diagnostics.filter(d => d.fix).length);
  });

  it('gives each finding its sentence in context with the span cut out exactly', () => {
    for (const f of data.findings) {
      const d = f.diagnostic;
      assert.strictEqual(f.span, SQMY.slice(d.offset, d.offset + d.length));
      const line = SQMY.split('\n')[d.line - 1];
      // before + span + after is a piece of the finding's line (ellipses mark clipped ends).
      assert.ok(line.includes((f.before + f.span + f.after).replace(/^…|…$/g, '')), d.ruleId);
    }
    const comma = data.findings.find(f => f.diagnostic.ruleId === 'punctuation/half-width')!;
    assert.deepStrictEqual([comma.before, comma.span, comma.after.slice(0, 6)], ['近年来', ',', '我省农村老年']);
    assert.deepStrictEqual(comma.fix, { old: ',', text: '，', describe: '将“,”改为“，”' });
  });

  it('renders every finding, the counts, the ledger, the outline and the template checklist; escapes text', () => {
    const evil: Diagnostic = { ...result.diagnostics[0], message: '<script>alert(1)</script>“引号”' };
    const html = renderHtml([{ ...data, findings: [...data.findings, { ...data.findings[0], diagnostic: evil }] }], { ruleHref: id => `rules/${id}.md` });
    assert.strictEqual(count(html, /<li class="finding /g), data.findings.length + 1);
    for (const f of data.findings) assert.ok(html.includes(`data-rule="${f.diagnostic.ruleId}" data-severity="${f.diagnostic.severity}" data-category="${f.diagnostic.category}" data-offset="${f.diagnostic.offset}"`));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;“引号”'));
    assert.ok(!html.includes('<script>alert(1)'));
    assert.ok(html.includes(`<td class="n" data-count-total>${data.counts.total}</td>`));
    assert.strictEqual(count(html, /<tr data-i="/g), data.ledger.length);
    assert.ok(data.ledger.some(e => e.raw === '不足40%') && html.includes('<td>不足40%</td><td class="n" data-v="40">40%</td><td>%</td><td>不足</td>'));
    assert.ok(html.includes('<mark>,</mark>'));
    assert.ok(html.includes('href="rules/punctuation/half-width.md"'));
    // Self-contained: no external resources, and A4 print rules.
    assert.ok(!/<(link|img|iframe)\b|\bsrc=|https?:\/\//.test(html));
    assert.ok(html.includes('@page{size:A4'));
    assert.strictEqual(data.docType, 'sqmy');
    assert.ok(data.template && html.includes(`对照模板：${data.template.name}`));
    assert.ok(data.outline.length > 0 && html.includes('一、存在的问题'));
  });

  it('a webview gets a nonce on its style and script and a CSP without unsafe-inline', () => {
    const html = renderHtml([data], { nonce: 'abc123' });
    assert.ok(html.includes(`<style nonce="abc123">`) && html.includes(`<script nonce="abc123">`));
    assert.ok(html.includes("script-src 'nonce-abc123'") && !html.includes('unsafe-inline'));
  });
});

describe('report: --format html', () => {
  it('writes one self-contained file with -o file.html, and one report per document plus index.html with -o dir/', async function () {
    this.timeout(60000);
    const dir = tmpDir('draft-lint-html-');
    fs.mkdirSync(path.join(dir, '来稿'));
    fs.writeFileSync(path.join(dir, '来稿', '提案.docx'), await docxBytes(proposalDocument()));
    fs.writeFileSync(path.join(dir, '来稿', '社情民意.txt'), SQMY);
    const one = await cli(['--format', 'html', '-o', 'report.html', '来稿'], dir);
    assert.strictEqual(one.code, 1, one.err);
    const html = fs.readFileSync(path.join(dir, 'report.html'), 'utf8');
    assert.strictEqual(count(html, /<section class="doc"/g), 2);
    assert.ok(html.includes('data-path="来稿/提案.docx"') && html.includes('data-doc-type="proposal"'));
    const many = await cli(['--format', 'html', '-o', '报告/', '来稿'], dir);
    assert.strictEqual(many.code, 1);
    assert.deepStrictEqual(fs.readdirSync(path.join(dir, '报告')).sort(), ['index.html', '提案.html', '社情民意.html']);
    assert.match(many.err, /已写入审校报告 3 份/);
    assert.strictEqual(count(fs.readFileSync(path.join(dir, '报告', '提案.html'), 'utf8'), /<section class="doc"/g), 1);
    // The list of problems still goes to the terminal.
    assert.match(many.out, /来稿\/提案\.docx\n  4:4 +警告  \[可修复\] 中文中使用了半角标点/);
    assert.match(many.out, /✖ \d+ 个问题/);
  });
});
