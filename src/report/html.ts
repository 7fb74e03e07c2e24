// The review report as one self-contained HTML file (no network: inline style and script), readable on screen
// and printable on A4: per document a header (type, counts by category and severity), every finding with its
// sentence in context and the span highlighted, the suggested fix and a link to the rule's page, the figure
// ledger as a sortable table, and the outline of sections against the template.
import { CATEGORIES, Severity } from '../core/types';
import { displaySubject, LEDGER_KIND_LABEL, type LedgerEntry } from '../core/ledger';
import { CATEGORY_LABEL, DOC_TYPE_LABEL, OutlineItem, ReportDocument, SEVERITY_LABEL } from './data';

export interface HtmlOptions {
  /** The link of a rule's page (default `docs/rules/<id>.md`). */
  ruleHref?: (ruleId: string) => string;
  /** Report title (default: 审校报告). */
  title?: string;
  /** Generated-at text shown in the header. */
  generated?: string;
  version?: string;
  /** For a VS Code webview: a CSP nonce for the inline style and script, and the webview's CSP source. */
  nonce?: string;
  /** Extra script appended inside the report's script (the webview's message bridge). */
  extraScript?: string;
}


export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Shows tabs and line breaks inside highlighted text. */
function visible(s: string): string {
  return esc(s).replace(/\n/g, '<span class="ws">↵</span>').replace(/\t/g, '<span class="ws">⇥</span>');
}

const STYLE = `
:root{--err:#b3261e;--warn:#8a5a00;--info:#1f5fa8;--line:#d5d8dc;--muted:#5f6368;--mark:#ffe08a;--ins:#1e7b34;--bg:#fff;--fg:#1b1b1b}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.65 "Noto Serif CJK SC","Source Han Serif SC","SimSun","Songti SC",serif}
main{max-width:60rem;margin:0 auto;padding:1.2rem 1.4rem 3rem}
h1{font-size:1.45rem;margin:.2rem 0 .4rem} h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:2px solid var(--fg);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.sans,table,nav,.meta,.badge,.controls{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif}
.meta{color:var(--muted);font-size:.85rem}
.doc{break-before:page} .doc:first-of-type{break-before:auto}
.summary{display:flex;flex-wrap:wrap;align-items:flex-start;gap:1.2rem;margin:.6rem 0}
table{border-collapse:collapse;font-size:.85rem}
th,td{border:1px solid var(--line);padding:.2rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;font-size:.75rem;padding:0 .45rem;border-radius:.6rem;border:1px solid currentColor;white-space:nowrap}
.error{color:var(--err)} .warning{color:var(--warn)} .info{color:var(--info)}
ol.findings{list-style:none;padding:0;margin:0}
li.finding{border:1px solid var(--line);border-left:4px solid var(--info);border-radius:4px;padding:.5rem .7rem;margin:.55rem 0;break-inside:avoid}
li.finding.sev-error{border-left-color:var(--err)} li.finding.sev-warning{border-left-color:var(--warn)}
.fhead{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.msg{font-weight:600}
.ctx{margin:.35rem 0 .2rem;padding:.3rem .5rem;background:#f8f8f6;border-radius:3px}
mark{background:var(--mark);color:inherit;padding:0 1px;border-bottom:2px solid var(--warn)}
mark.empty::after{content:"‸";color:var(--err)}
.fix{font-size:.9rem} .fix del{color:var(--err)} .fix ins{color:var(--ins);text-decoration:underline}
.ws{color:var(--muted)}
a.rule{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.8rem;color:var(--muted)}
.outline ul{margin:.2rem 0;padding-left:1.3rem} .outline li{margin:.1rem 0}
.missing{color:var(--err);font-weight:600} .found{color:var(--ins)}
table.ledger th[data-sort]{cursor:pointer;user-select:none} table.ledger th[data-sort]::after{content:" ⇅";color:var(--muted)}
table.ledger th.asc::after{content:" ▲"} table.ledger th.desc::after{content:" ▼"}
.controls{margin:.4rem 0;font-size:.85rem} .controls label{margin-right:.8rem;white-space:nowrap}
nav.toc{font-size:.9rem} .none{color:var(--muted)}
@page{size:A4;margin:16mm 15mm 18mm}
@media print{
  body{font-size:10.5pt} main{max-width:none;padding:0}
  .controls,.noprint{display:none!important}
  a{color:inherit;text-decoration:none}
  li.finding,table tr{break-inside:avoid}
  th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}
  mark{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}`;

const SCRIPT = `
(function(){
  function key(td, type){var v=td.getAttribute('data-v'); if(v===null) v=td.textContent; if(type==='num'){var n=parseFloat(v); return isNaN(n)?-Infinity:n;} return v;}
  document.querySelectorAll('table.ledger').forEach(function(table){
    table.querySelectorAll('th[data-sort]').forEach(function(th, col){
      th.addEventListener('click', function(){
        var idx = Array.prototype.indexOf.call(th.parentNode.children, th);
        var type = th.getAttribute('data-sort');
        var asc = !th.classList.contains('asc');
        table.querySelectorAll('th').forEach(function(h){h.classList.remove('asc','desc');});
        th.classList.add(asc?'asc':'desc');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function(a,b){var x=key(a.cells[idx],type), y=key(b.cells[idx],type); var c = x<y?-1:x>y?1:0; if(!c) c=Number(a.getAttribute('data-i'))-Number(b.getAttribute('data-i')); return asc?c:-c;});
        rows.forEach(function(r){body.appendChild(r);});
      });
    });
  });
  document.querySelectorAll('.controls').forEach(function(box){
    var doc = box.closest('section.doc');
    function apply(){
      var off = {};
      box.querySelectorAll('input[type=checkbox]').forEach(function(cb){ if(!cb.checked) off[cb.value]=true; });
      doc.querySelectorAll('li.finding').forEach(function(li){ li.hidden = !!(off[li.getAttribute('data-severity')] || off[li.getAttribute('data-category')]); });
    }
    box.addEventListener('change', apply);
  });
})();`;

function countsTable(d: ReportDocument): string {
  const sev = (['error', 'warning', 'info'] as Severity[]).map(s => `<tr><th class="${s}">${SEVERITY_LABEL[s]}</th><td class="n" data-count-severity="${s}">${d.counts.severity[s]}</td></tr>`).join('');
  const cats = CATEGORIES.map(c => `<tr><th>${CATEGORY_LABEL[c]}</th><td class="n" data-count-category="${c}">${d.counts.category[c]}</td></tr>`).join('');
  return `<div class="summary">
<table><caption class="sans">按级别</caption>${sev}<tr><th>合计</th><td class="n" data-count-total>${d.counts.total}</td></tr><tr><th>可自动修复</th><td class="n" data-count-fixable>${d.counts.fixable}</td></tr></table>
<table><caption class="sans">按类别</caption>${cats}</table>
</div>`;
}

function findingsList(d: ReportDocument, ruleHref: (id: string) => string): string {
  if (!d.findings.length) return '<p class="none">没有发现问题。</p>';
  const controls = `<div class="controls noprint">显示：${(['error', 'warning', 'info'] as Severity[]).map(s => `<label><input type="checkbox" value="${s}" checked> ${SEVERITY_LABEL[s]}</label>`).join('')}｜${CATEGORIES.filter(c => d.counts.category[c]).map(c => `<label><input type="checkbox" value="${c}" checked> ${CATEGORY_LABEL[c]}</label>`).join('')}</div>`;
  const items = d.findings
    .map((f, i) => {
      const x = f.diagnostic;
      const fix = f.fix ? `<div class="fix">建议：${esc(f.fix.describe)}${f.fix.old || f.fix.text ? `　<span class="noprint">（${f.fix.old ? `<del>${visible(f.fix.old)}</del>` : ''}${f.fix.text ? `<ins>${visible(f.fix.text)}</ins>` : ''}）</span>` : ''}</div>` : x.expected ? `<div class="fix">标准表述：${esc(x.expected)}</div>` : '';
      const alt = x.suggestions?.length && !x.fix ? `<div class="fix">可选修改：${x.suggestions.map(s => esc(d.text.slice(s.offset, s.offset + s.length) + ' → ' + s.text)).join('；')}</div>` : '';
      const source = x.source ? `<div class="meta">依据：${esc(x.source)}</div>` : '';
      return `<li class="finding sev-${x.severity}" id="${esc(anchorId(d, i))}" data-rule="${esc(x.ruleId)}" data-severity="${x.severity}" data-category="${x.category}" data-offset="${x.offset}" data-length="${x.length}">
<div class="fhead"><span class="badge ${x.severity}">${SEVERITY_LABEL[x.severity]}</span><span class="badge">${CATEGORY_LABEL[x.category]}</span><span class="meta">第 ${x.line} 行第 ${x.column} 列</span><span class="msg">${esc(x.message)}</span></div>
<div class="ctx">${visible(f.before)}<mark${f.span ? '' : ' class="empty"'}>${visible(f.span)}</mark>${visible(f.after)}</div>
${fix}${alt}${source}<div><a class="rule" href="${esc(ruleHref(x.ruleId))}" data-rule-link="${esc(x.ruleId)}">${esc(x.ruleId)}</a></div>
</li>`;
    })
    .join('\n');
  return `${controls}<ol class="findings">${items}</ol>`;
}

function anchorId(d: ReportDocument, i: number): string {
  return `f-${d.path.replace(/[^A-Za-z0-9\u4e00-\u9fff]+/g, '-')}-${i + 1}`;
}

function ledgerTable(d: ReportDocument): string {
  if (!d.ledger.length) return '<p class="none">文中没有识别到数字。</p>';
  const rows = d.ledger
    .map(
      (e, i) =>
        `<tr data-i="${i}"><td class="n" data-v="${e.line}">${e.line}:${e.column}</td><td>${esc(displaySubject(e.subject)) || '<span class="none">（未识别）</span>'}</td><td>${esc(e.raw)}</td><td class="n" data-v="${e.value}">${esc(e.kind === 'percent' ? `${e.value}%` : e.value)}</td><td>${esc(e.unit)}</td><td>${esc(e.qualifiers.join('、'))}</td><td class="n" data-v="${e.year ?? ''}">${esc(e.year)}</td><td>${esc(LEDGER_KIND_LABEL[e.kind] ?? e.kind)}</td></tr>`,
    )
    .join('\n');
  return `<table class="ledger"><thead><tr><th data-sort="num">位置</th><th data-sort="text">主体</th><th data-sort="text">原文</th><th data-sort="num">数值</th><th data-sort="text">单位</th><th data-sort="text">限定</th><th data-sort="num">年份</th><th data-sort="text">类型</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function outlineSection(d: ReportDocument): string {
  const parts: string[] = [];
  if (d.template) {
    const rows = d.template.sections
      .map(s => `<tr><td>${esc(s.name)}</td><td>${s.required ? '必备' : '可选'}</td><td class="${s.found ? 'found' : s.required ? 'missing' : 'none'}">${s.found ? `✓ 第 ${s.line} 行` : s.required ? '✗ 缺少' : '—'}</td></tr>`)
      .join('');
    parts.push(`<h3>对照模板：${esc(d.template.name)}</h3><table class="template"><thead><tr><th>部分</th><th>要求</th><th>本文</th></tr></thead><tbody>${rows}</tbody></table>`);
  }
  if (d.outline.length) {
    const list = (items: OutlineItem[]): string =>
      `<ul>${items
        .map(o => {
          const role = o.roleName && o.kind === 'heading' ? ` <span class="meta">〔${esc(o.roleName)}〕</span>` : o.kind === 'section' && o.detail ? ` <span class="meta">${esc(o.detail)}</span>` : '';
          return `<li><span class="meta">${o.line}</span> ${esc(o.name)}${role}${o.children.length ? list(o.children) : ''}</li>`;
        })
        .join('')}</ul>`;
    parts.push(`<h3>文稿结构</h3><div class="outline">${list(d.outline)}</div>`);
  } else parts.push('<p class="none">没有识别到标题或模板部分。</p>');
  return parts.join('\n');
}

function documentSection(d: ReportDocument, idx: number, ruleHref: (id: string) => string): string {
  const head = `<h1>${esc(d.path)}</h1>`;
  if (d.error || d.skipped) return `<section class="doc" id="doc-${idx}" data-path="${esc(d.path)}">${head}<p class="${d.error ? 'missing' : 'none'}">${esc(d.error ?? d.skipped)}</p></section>`;
  const meta = `<p class="meta">文稿类型：<strong data-doc-type="${d.docType}">${DOC_TYPE_LABEL[d.docType]}</strong>　格式：${esc(d.kind || '文本')}　共 ${d.text.split('\n').length} 行、${d.text.length} 字符${d.annotated ? `　批注副本：${esc(d.annotated)}` : ''}</p>`;
  return `<section class="doc" id="doc-${idx}" data-path="${esc(d.path)}">
${head}${meta}
${countsTable(d)}
<h2>问题（${d.counts.total}）</h2>
${findingsList(d, ruleHref)}
<h2>结构与模板</h2>
${outlineSection(d)}
<h2>数字台账（${d.ledger.length}）</h2>
<p class="meta noprint">点击表头排序。</p>
${ledgerTable(d)}
</section>`;
}

/** The whole report (one or more documents). */
export function renderHtml(docs: ReportDocument[], opts: HtmlOptions = {}): string {
  const ruleHref = opts.ruleHref ?? ((id: string) => `docs/rules/${id}.md`);
  const nonce = opts.nonce ? ` nonce="${esc(opts.nonce)}"` : '';
  const csp = opts.nonce
    ? `default-src 'none'; style-src 'nonce-${opts.nonce}'; script-src 'nonce-${opts.nonce}'; img-src data:;`
    : `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:;`;
  const title = opts.title ?? (docs.length === 1 ? `审校报告：${docs[0].path}` : `审校报告（${docs.length} 篇文稿）`);
  const toc =
    docs.length > 1
      ? `<nav class="toc"><h2>文稿</h2><table><thead><tr><th>文稿</th><th>类型</th><th>错误</th><th>警告</th><th>提示</th></tr></thead><tbody>${docs
          .map((d, i) => `<tr><td><a href="#doc-${i}">${esc(d.path)}</a></td><td>${d.error || d.skipped ? '—' : DOC_TYPE_LABEL[d.docType]}</td><td class="n">${d.error ? '—' : d.counts?.severity.error ?? 0}</td><td class="n">${d.error ? '—' : d.counts?.severity.warning ?? 0}</td><td class="n">${d.error ? '—' : d.counts?.severity.info ?? 0}</td></tr>`)
          .join('')}</tbody></table></nav>`
      : '';
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="draft-lint${opts.version ? ' ' + esc(opts.version) : ''}">
<title>${esc(title)}</title>
<style${nonce}>${STYLE}</style>
</head><body><main>
<p class="meta">draft-lint 政协文稿审校${opts.version ? ' ' + esc(opts.version) : ''}${opts.generated ? '　生成于 ' + esc(opts.generated) : ''}</p>
${toc}
${docs.map((d, i) => documentSection(d, i, ruleHref)).join('\n')}
</main>
<script${nonce}>${SCRIPT}${opts.extraScript ?? ''}</script>
</body></html>
`;
}
