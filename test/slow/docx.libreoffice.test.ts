// The annotated copy opened by a second, independent implementation: LibreOffice converts it headlessly and must
// see the same text, our comments on the exact spans and our tracked changes. Skipped, with the reason printed,
// where LibreOffice is not installed (apt-get install libreoffice-writer-nogui).
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { annotateDocx } from '../../src/docx/annotate';
import { readDocx } from '../../src/docx/reader';
import { lint } from '../../src/lint';
import { loadSegmenter } from '../../src/segmenter';
import { docxBytes, proposalDocument, withBody, WORD_LIKE_BODY } from '../helpers/docxFixtures';
import { tmpDir } from '../helpers/cliInProcess';

/** The soffice executable, if LibreOffice is installed (DRAFT_LINT_SOFFICE names another; `none` skips). */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.DRAFT_LINT_SOFFICE;
  if (fromEnv === 'none') return undefined;
  const candidates = [fromEnv, '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

/** Converts files with LibreOffice (a private profile, so that it never touches the user's). */
function convert(soffice: string, files: string[], to: string, outDir: string): void {
  const profile = tmpDir('draft-lint-lo-profile-');
  const r = cp.spawnSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files], { encoding: 'utf8', timeout: 150000, env: { ...process.env, HOME: profile } });
  assert.strictEqual(r.status, 0, `soffice failed: ${r.stderr}`);
}

const strip = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

describe('docx: the annotated copy in LibreOffice (headless)', function () {
  const soffice = findSoffice();
  before(function () {
    if (!soffice) {
      console.log('    (skipped: LibreOffice (soffice) not found; apt-get install libreoffice-writer-nogui to run this check)');
      this.skip();
    }
  });

  it('converts; same text as the original; our comments on the exact spans; our revisions recognised', async () => {
    const dir = tmpDir('draft-lint-lo-');
    const original = await docxBytes(proposalDocument());
    const doc = readDocx(original);
    const diagnostics = lint(doc.text, { path: 'p.docx', segmenter: loadSegmenter().segmenter }).diagnostics;
    assert.strictEqual(diagnostics.length, 3);
    const files = {
      original: path.join(dir, 'original.docx'),
      comments: path.join(dir, 'comments.docx'),
      both: path.join(dir, 'both.docx'),
    };
    fs.writeFileSync(files.original, original);
    fs.writeFileSync(files.comments, annotateDocx(doc, diagnostics, { mode: 'comments', date: '2025-03-02T10:00:00Z' }).bytes);
    fs.writeFileSync(files.both, annotateDocx(doc, diagnostics, { mode: 'both', date: '2025-03-02T10:00:00Z' }).bytes);
    convert(soffice!, Object.values(files), 'txt:Text (encoded):UTF8', dir);
    convert(soffice!, [files.comments, files.both], 'fodt', dir);
    const txt = (n: string) => fs.readFileSync(path.join(dir, n + '.txt'), 'utf8').replace(/^\uFEFF/, '');

    // 1. Comments change nothing in the text LibreOffice sees.
    assert.strictEqual(txt('comments'), txt('original'));

    // 2. LibreOffice's own numbering and table reading agree with ours (its text puts indentation before list labels
    //    and a space after them; fields are recomputed, tracked deletions shown, so those lines are left out).
    const lo = txt('original').split(/\r?\n/).map(l => l.replace(/^\s+/, '').replace(/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)[ \t]/, '$1'));
    const ours = doc.text.split('\n');
    const skip = new Set([3, 17, 18]);
    assert.deepStrictEqual(lo.slice(0, ours.length).filter((_l, i) => !skip.has(i)), ours.filter((_l, i) => !skip.has(i)));

    // 3. Each of our comments is anchored on exactly its finding's text.
    const fodt = fs.readFileSync(path.join(dir, 'comments.fodt'), 'utf8');
    const anchored: [string, string][] = [];
    for (const m of fodt.matchAll(/<office:annotation office:name="([^"]+)"[^>]*>([\s\S]*?)<\/office:annotation>([\s\S]*?)<office:annotation-end office:name="\1"\/>/g)) {
      if (!m[2].includes('<dc:creator>draft-lint 审校</dc:creator>')) continue;
      anchored.push([strip(m[3]), /<text:p[^>]*>([\s\S]*?)<\/text:p>/.exec(m[2])![1]]);
    }
    assert.deepStrictEqual(
      anchored,
      diagnostics.map(d => [doc.text.slice(d.offset, d.offset + d.length), strip((d.severity === 'error' ? '【错误】' : '【警告】') + d.message)]),
    );

    // 4. Our tracked changes are tracked changes for LibreOffice too: 3 deletions and 1 insertion by our author.
    const both = fs.readFileSync(path.join(dir, 'both.fodt'), 'utf8');
    const regions = [...both.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)].map(m => m[0]).filter(r => r.includes('<dc:creator>draft-lint 审校</dc:creator>'));
    assert.deepStrictEqual(
      [regions.filter(r => r.includes('<text:deletion>')).length, regions.filter(r => r.includes('<text:insertion>')).length],
      [3, 1],
    );
  });

  it('a body as Word writes it (bookmarks, fields, smart tags, text boxes): every comment and revision survives', async () => {
    const dir = tmpDir('draft-lint-lo-');
    const doc = readDocx(await withBody(WORD_LIKE_BODY));
    const diagnostics = lint(doc.text, { path: 'w.docx', segmenter: loadSegmenter().segmenter }).diagnostics;
    const out = annotateDocx(doc, diagnostics, { mode: 'both', date: '2025-03-02T10:00:00Z' });
    const file = path.join(dir, 'word-like.docx');
    fs.writeFileSync(file, out.bytes);
    convert(soffice!, [file], 'fodt', dir);
    const fodt = fs.readFileSync(path.join(dir, 'word-like.fodt'), 'utf8');
    const ours = (re: RegExp) => [...fodt.matchAll(re)].filter(m => m[0].includes('<dc:creator>draft-lint 审校</dc:creator>')).length;
    assert.strictEqual(ours(/<office:annotation [\s\S]*?<\/office:annotation>/g), out.comments);
    assert.strictEqual(ours(/<text:changed-region[\s\S]*?<\/text:changed-region>/g), out.revisions + diagnostics.filter(d => d.fix && d.fix.text && d.fix.length).length);
  });
});
