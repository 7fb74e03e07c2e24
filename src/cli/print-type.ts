// `--print-type`: the document type of each file, how sure the detection is, the template the structure rules use,
// the signals that decided, and whether the text is an excerpt (stylish table or JSON).
import type { DocTypeInfo } from '../lint';
import { DOC_TYPE_NAMES } from '../core/types';
import type { FileResult } from './formatters';
import type { Paint } from './formatters';

const SOURCE_NAMES: Record<DocTypeInfo['source'], string> = { detected: '自动识别', option: '--type 指定', marker: '文首标记指定', config: '配置文件指定' };
const EXCERPT_NAMES: Record<string, string> = { excerpt: '节选（摘要、摘编）', page: '报纸续版（上接／下转）', news: '新闻报道' };

/** The JSON fields that describe the document type (also added to each file of `--format json`). */
export function typeInfoJson(t: DocTypeInfo): Record<string, unknown> {
  const o: Record<string, unknown> = { docType: t.docType, confidence: t.confidence, template: t.template ?? null, signals: t.signals, excerpt: t.excerpt };
  if (t.excerptKind) o.excerptKind = t.excerptKind;
  if (t.source !== 'detected') o.docTypeSource = t.source;
  return o;
}

/** `draft-lint --print-type` for people. */
export function formatTypeTable(results: FileResult[], paint: Paint): string {
  const out: string[] = [];
  for (const r of results) {
    out.push(paint.underline(r.path));
    const t = r.typeInfo;
    if (r.error || r.skipped || !t) {
      out.push(`  ${r.error ? paint.red('error') : paint.dim('skipped')}  ${r.error ?? r.skipped ?? ''}`, '');
      continue;
    }
    out.push(`  文种：${paint.bold(DOC_TYPE_NAMES[t.docType])}（${t.docType}）  模板：${t.template ?? '无'}  置信度：${t.confidence.toFixed(2)}  ${paint.dim(SOURCE_NAMES[t.source])}`);
    out.push(`  节选：${t.excerpt ? EXCERPT_NAMES[t.excerptKind ?? 'excerpt'] : '否'}`);
    out.push(`  依据：${t.signals.length ? t.signals.join('；') : paint.dim('（没有命中任何识别线索）')}`, '');
  }
  return out.join('\n') + '\n';
}

/** `draft-lint --print-type --format json`: `{"version": 1, "files": [{"path", "docType", "confidence", …}]}`. */
export function formatTypeJson(results: FileResult[]): string {
  const files = results.map(r => (r.error ? { path: r.path, error: r.error } : r.skipped || !r.typeInfo ? { path: r.path, skipped: r.skipped ?? '' } : { path: r.path, ...typeInfoJson(r.typeInfo) }));
  return JSON.stringify({ version: 1, files }, null, 2) + '\n';
}
