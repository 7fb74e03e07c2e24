// The HTML review report in a real browser (headless Chromium through playwright-core): no console errors and no
// network requests, the counts shown equal the JSON report, every finding is present with its span highlighted, the
// ledger sorts, the filters hide, it prints on A4; a screenshot is written to out/test-output/. Skipped, with the
// reason printed, where no Chromium is installed (apt-get install chromium).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { cli, tmpDir } from '../helpers/cliInProcess';
import { docxBytes, proposalDocument } from '../helpers/docxFixtures';

/** What the page functions touch of a DOM element (the project compiles without the DOM library). */
interface DomNode {
  textContent: string | null;
  offsetParent: unknown;
  getAttribute(name: string): string | null;
  querySelector(sel: string): DomNode | null;
  querySelectorAll(sel: string): DomNode[];
}

const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUTPUT = path.join(ROOT, 'out', 'test-output');

/** A Chromium executable, if installed (DRAFT_LINT_CHROMIUM names another; `none` skips). */
export function findChromium(): string | undefined {
  if (process.env.DRAFT_LINT_CHROMIUM === 'none') return undefined;
  const candidates = [process.env.DRAFT_LINT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

const WORK_REPORT = `政协××市委员会常务委员会工作报告
——2025年1月10日在政协××市第五届委员会第四次会议上
××

各位委员：
现在，我代表政协××市委员会常务委员会，向大会报告工作，请予审议。
一、2024年主要工作
（一）坚持政治引领,凝聚思想共识
全年共收到提案512件，经审查立案468件，立案率91.4%。已办复468件，办复率100%。
（三）聚焦中心工作，积极建言资政
围绕经济社会发展召开专题协商会6次，形成协商报告6篇。
二、2025年工作安排
2025年是“十四五”规划收官之年。我们要紧扣目标任务，，扎实做好各项工作。
各位委员，让我们团结一心，为全面建设社会主义现代化国家作出新的更大贡献！
`;

describe('report: the HTML review report in headless Chromium', function () {
  const exe = findChromium();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let browser: any;
  before(async function () {
    if (!exe) {
      console.log('    (skipped: no Chromium found; apt-get install chromium, or set DRAFT_LINT_CHROMIUM)');
      this.skip();
    }
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    browser = await chromium.launch({ executablePath: exe, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  });
  after(async () => {
    await browser?.close();
  });

  it('shows the JSON’s counts and every finding; no console errors, no network; sorts, filters, prints on A4', async () => {
    const dir = tmpDir('draft-lint-report-');
    fs.writeFileSync(path.join(dir, '提案.docx'), await docxBytes(proposalDocument()));
    fs.writeFileSync(path.join(dir, '工作报告.txt'), WORK_REPORT);
    const json = await cli(['--format', 'json', '提案.docx', '工作报告.txt'], dir);
    const html = await cli(['--format', 'html', '-o', 'report.html', '提案.docx', '工作报告.txt'], dir);
    assert.strictEqual(html.code, json.code, html.err);
    const files = JSON.parse(json.out).files as { path: string; docType: string; errorCount: number; warningCount: number; infoCount: number; fixableCount: number; diagnostics: { ruleId: string; category: string; message: string; offset: number; length: number; severity: string }[] }[];
    assert.ok(files.every(f => f.diagnostics.length > 0));

    const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    const problems: string[] = [];
    page.on('console', (m: { type(): string; text(): string }) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e: Error) => problems.push(`page error: ${e.message}`));
    page.on('request', (r: { url(): string }) => {
      if (!/^(file|data|about):/.test(r.url())) problems.push(`network request: ${r.url()}`);
    });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);

    const shown = await page.$$eval('section.doc', (secs: DomNode[]) =>
      secs.map(s => ({
        path: s.getAttribute('data-path'),
        docType: s.querySelector('[data-doc-type]')?.getAttribute('data-doc-type'),
        error: Number(s.querySelector('[data-count-severity=error]')!.textContent),
        warning: Number(s.querySelector('[data-count-severity=warning]')!.textContent),
        info: Number(s.querySelector('[data-count-severity=info]')!.textContent),
        total: Number(s.querySelector('[data-count-total]')!.textContent),
        fixable: Number(s.querySelector('[data-count-fixable]')!.textContent),
        categories: Object.fromEntries([...s.querySelectorAll('[data-count-category]')].map((td: DomNode) => [td.getAttribute('data-count-category'), Number(td.textContent)])),
        findings: [...s.querySelectorAll('li.finding')].map((li: DomNode) => ({
          ruleId: li.getAttribute('data-rule'),
          offset: Number(li.getAttribute('data-offset')),
          length: Number(li.getAttribute('data-length')),
          message: li.querySelector('.msg')!.textContent,
          mark: li.querySelector('mark')!.textContent,
          visible: li.offsetParent !== null,
          link: li.querySelector('a.rule')!.getAttribute('href'),
        })),
      })),
    );
    assert.deepStrictEqual(shown.map((s: { path: string }) => s.path), files.map(f => f.path));
    files.forEach((f, i) => {
      const s = shown[i];
      assert.strictEqual(s.docType, f.docType);
      assert.deepStrictEqual([s.error, s.warning, s.info, s.total, s.fixable], [f.errorCount, f.warningCount, f.infoCount, f.diagnostics.length, f.fixableCount], f.path);
      const byCategory: Record<string, number> = {};
      for (const d of f.diagnostics) byCategory[d.category] = (byCategory[d.category] ?? 0) + 1;
      for (const [c, n] of Object.entries(s.categories)) assert.strictEqual(n, byCategory[c] ?? 0, `${f.path} ${c}`);
      assert.deepStrictEqual(
        s.findings.map((x: { ruleId: string; offset: number; length: number; message: string }) => [x.ruleId, x.offset, x.length, x.message]),
        f.diagnostics.map(d => [d.ruleId, d.offset, d.length, d.message]),
      );
      for (const x of s.findings) {
        assert.ok(x.visible, `${x.ruleId} is visible`);
        assert.ok(x.link.startsWith('file://') && x.link.endsWith(`/docs/rules/${x.ruleId}.md`), x.link);
        assert.ok(fs.existsSync(new URL(x.link)), `rule page ${x.link} exists`);
      }
    });
    // The highlighted span is the finding's text (the proposal's half-width comma).
    assert.strictEqual(shown[0].findings.find((x: { ruleId: string }) => x.ruleId === 'punctuation/half-width').mark, ',');

    // The ledger sorts by value (click: ascending; again: descending).
    const ledger = 'section.doc:nth-of-type(2) table.ledger';
    const values = () => page.$$eval(`${ledger} tbody tr td:nth-child(4)`, (tds: DomNode[]) => tds.map(td => Number(td.getAttribute('data-v'))));
    const before = await values();
    assert.ok(before.length >= 5);
    await page.click(`${ledger} th:nth-child(4)`);
    const asc = await values();
    assert.deepStrictEqual(asc, [...before].sort((a, b) => a - b));
    await page.click(`${ledger} th:nth-child(4)`);
    assert.deepStrictEqual(await values(), [...before].sort((a, b) => b - a));

    // Unticking 错误 hides the errors of that document only.
    await page.click('section.doc:nth-of-type(2) .controls input[value=error]');
    const hidden = await page.$$eval('section.doc:nth-of-type(2) li.finding', (lis: DomNode[]) => lis.map(li => [li.getAttribute('data-severity'), li.offsetParent === null]));
    assert.ok(hidden.length && hidden.every(([sev, h]: [string, boolean]) => h === (sev === 'error')));
    await page.click('section.doc:nth-of-type(2) .controls input[value=error]');

    fs.mkdirSync(OUTPUT, { recursive: true });
    await page.screenshot({ path: path.join(OUTPUT, 'report.png'), fullPage: true });
    assert.ok(fs.statSync(path.join(OUTPUT, 'report.png')).size > 10000);
    // Printing: A4 pages, each document starting on a new page, controls hidden.
    await page.emulateMedia({ media: 'print' });
    assert.strictEqual(await page.$eval('.controls', (e: DomNode) => (globalThis as unknown as { getComputedStyle(x: DomNode): { display: string } }).getComputedStyle(e).display), 'none');
    const pdf: Buffer = await page.pdf({ format: 'A4', preferCSSPageSize: true, path: path.join(OUTPUT, 'report.pdf') });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 2, `${pages} pages`);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))!;
    assert.deepStrictEqual([Math.round(Number(box[1])), Math.round(Number(box[2]))], [595, 842]);

    assert.deepStrictEqual(problems, []);
    await page.close();
  });
});
