// The code's own regexes that searched in quadratic time (issue 17) were rewritten as linear scans or linear
// regexes. Each rewrite must give what the old regex gave: compared here on many random short strings over the
// characters that matter (where the old regex is still fast), plus the long inputs that made the old ones slow.
import * as assert from 'assert';
import { prng } from '../helpers/prng';
import { trimEndChars } from '../../src/core/trim';
import { cutTrail } from '../../src/core/ledger';
import { DocumentModel } from '../../src/core/document';
import { readDirectives } from '../../src/core/engine';

function randomStrings(alphabet: string[], count: number, maxLen: number, seed: number): string[] {
  const r = prng(seed);
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = '';
    const n = Math.floor(r() * (maxLen + 1));
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
    out.push(s);
  }
  return out;
}

/** Old and new regex give the same match (index and groups, undefined read as ''). */
function sameExec(oldRe: RegExp, newRe: RegExp, inputs: string[]): void {
  for (const s of inputs) {
    const a = oldRe.exec(s);
    const b = newRe.exec(s);
    const norm = (m: RegExpExecArray | null) => m && { index: m.index, groups: [...m].map(g => g ?? '') };
    assert.deepStrictEqual(norm(b), norm(a), JSON.stringify(s));
  }
}

function sameMatchAll(oldRe: RegExp, newRe: RegExp, inputs: string[]): void {
  for (const s of inputs) assert.deepStrictEqual([...s.matchAll(newRe)].map(m => [m.index, m[0]]), [...s.matchAll(oldRe)].map(m => [m.index, m[0]]), JSON.stringify(s));
}

describe('hardening: linear rewrites of the code\'s quadratic regexes', () => {
  it('trimEndChars strips what [set]+$ stripped', () => {
    for (const [set, space] of [['。.！!', false], ['，,、：:．.', true], ["。！？!?”’）)", true], ["/", false]] as [string, boolean][]) {
      const cls = new RegExp(`[${set.replace(/[\\\]\-^/]/g, c => '\\' + c)}${space ? '\\s' : ''}]+$`);
      for (const s of randomStrings([...set, ' ', '\u3000', '\n', 'a', '中'], 400, 8, set.length)) assert.strictEqual(trimEndChars(s, set, space), s.replace(cls, ''), JSON.stringify(s));
    }
  });

  it('cutTrail removes what /(?:共|共计|…)+$/ removed', () => {
    const old = /(?:共|共计|总计|合计|累计|达到|达|为|均为|分别为|分别|约|近|超过|逾|不足|已|有|是|的|了)+$/;
    const alphabet = ['共', '计', '总', '合', '累', '达', '到', '为', '均', '分', '别', '约', '近', '超', '过', '逾', '不', '足', '已', '有', '是', '的', '了', '人', '3'];
    for (const s of randomStrings(alphabet, 3000, 9, 7)) assert.strictEqual(cutTrail(s), s.replace(old, ''), JSON.stringify(s));
    assert.strictEqual(cutTrail('共'.repeat(50000) + '人'), '共'.repeat(50000) + '人');
    assert.strictEqual(cutTrail('提案' + '分别为'.repeat(3)), '提案');
  });

  it('HTML comments are found as /<!--([\\s\\S]*?)-->/g found them', () => {
    const old = /<!--([\s\S]*?)-->/g;
    for (const s of randomStrings(['<!--', '-->', '<', '-', '>', '!', 'a', '\n'], 600, 8, 3)) {
      const doc = new DocumentModel(s, { path: 'a.txt' });
      assert.deepStrictEqual(
        doc.comments.map(c => [c.offset, c.length, c.body]),
        [...s.matchAll(old)].map(m => [m.index, m[0].length, m[1].trim()]),
        JSON.stringify(s),
      );
    }
  });

  it('a long unclosed comment, a long run of blanks before a letter and a long link target stay fast', () => {
    const t0 = performance.now();
    new DocumentModel('<!-- '.repeat(40000), { path: 'a.txt' });
    new DocumentModel('# 标题' + ' '.repeat(80000) + '#x\n' + '](a'.repeat(40000), { path: 'a.md' });
    assert.ok(performance.now() - t0 < 2000, `${performance.now() - t0} ms`);
  });

  it('Markdown closing #s and link targets are blanked as before', () => {
    const doc = new DocumentModel('## 标题 ##  \n见[文件](a.txt)和](b c)。\n', { path: 'a.md' });
    assert.strictEqual(doc.masked, '   标题     \n见[文件        和](b c)。\n'.replace('见[', '见 '));
  });

  it('the type directive and marker regexes match as before', () => {
    const alphabet = ['draft-lint-type', ' ', ':', '：', 'report', '-', 'excerpt', '节选', ',', '，', '、', '!'];
    const inputs = randomStrings(alphabet, 3000, 6, 11).map(s => (s.startsWith('draft-lint-type') ? s : 'draft-lint-type' + s));
    sameExec(/^draft-lint-type\s*[:：]?\s*([\w-]+)(?:[\s,，、]+(excerpt|节选))?/, /^draft-lint-type\s*(?:[:：]\s*)?([\w-]+)(?:[\s,，、]+(excerpt|节选))?/, inputs);
    sameExec(
      /^draft-lint-type(?![\w-])[:：\s]*([\w-]*)[\s,，、]*(excerpt|节选)?$/,
      /^draft-lint-type(?![\w-])[:：\s]*(?:([\w-]+)[\s,，、]*|[,，、][\s,，、]*)?(excerpt|节选)?$/,
      inputs,
    );
    assert.strictEqual(readDirectives(new DocumentModel('<!-- draft-lint-type ：proposal 节选 -->\n正文\n')).docType, 'proposal');
  });

  it('the enumeration-gap, count, month and path regexes match as before', () => {
    const gaps = randomStrings(['、', ' ', '“', '”', '和', '及', '与', '以及', '同', '甲', '，'], 3000, 6, 5);
    sameExec(/^[、\s“”‘’「」『』]*(?:和|及|与|以及|同)?[\s“”‘’「」『』]*$/, /^[、\s“”‘’「」『』]*(?:(?:和|及|与|以及|同)[\s“”‘’「」『』]*)?$/, gaps);
    sameExec(
      /^([、\s“”‘’]*)([^、，。；：！？\s“”‘’]{2,12})([、\s“”‘’]*(?:和|及|与)?[\s“”‘’]*)$/,
      /^([、\s“”‘’]*)([^、，。；：！？\s“”‘’]{2,12})([、\s“”‘’]*(?:(?:和|及|与)[\s“”‘’]*)?)$/,
      gaps,
    );
    const counts = randomStrings(['3', '三', '十', '万', '个', '项', '人', '，'], 3000, 7, 9);
    sameExec(/[0-9０-９一二三四五六七八九十百千万亿两]+[个名项件家位次条篇批户处所座]$/, /(?<![0-9０-９一二三四五六七八九十百千万亿两])[0-9０-９一二三四五六七八九十百千万亿两]+[个名项件家位次条篇批户处所座]$/, counts);
    const months = randomStrings(['1', '2', '一', '十', '月', '日', '同期', '前三季度', '去年', '人'], 3000, 7, 13);
    sameMatchAll(
      /\d{1,2}[月日]|[一二三四五六七八九十]+月|同期|春运|上半年|下半年|前三季度|当天|当日|首日|去年|上年/g,
      /\d{1,2}[月日]|(?<![一二三四五六七八九十])[一二三四五六七八九十]+月|同期|春运|上半年|下半年|前三季度|当天|当日|首日|去年|上年/g,
      months,
    );
    const paths = randomStrings(['a', '/', '..', '../', '.', 'b'], 3000, 7, 17).map(s => 'word/' + s);
    for (const s of paths) assert.strictEqual(s.replace(/(?<![^/])[^/]+\/\.\.\//g, ''), s.replace(/[^/]+\/\.\.\//g, ''), JSON.stringify(s));
  });
});
