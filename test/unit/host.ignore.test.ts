// The CLI and the editor make the same `ignore` decision: both ask the host layer (src/host/ignore.ts, .gitignore
// semantics through the `ignore` package) with the config the host resolver found. Before the host layer, the CLI
// skipped drafts/a.txt for "ignore": ["drafts"] and the editor did not; "*.bak.txt" skipped sub/x.bak.txt only in
// the CLI.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli, tmpDir } from '../helpers/cliInProcess';
import { ConfigResolver } from '../../src/host/configs';
import { ignoredBy, isIgnored } from '../../src/host/ignore';
import { NodeFileSystem } from '../../src/host/nodefs';

const cases: { globs: string[]; file: string; ignored: boolean }[] = [
  { globs: ['drafts'], file: 'drafts/a.txt', ignored: true },
  { globs: ['drafts'], file: 'sub/drafts/a.txt', ignored: true },
  { globs: ['drafts/'], file: 'drafts/deep/a.txt', ignored: true },
  { globs: ['*.bak.txt'], file: 'sub/x.bak.txt', ignored: true },
  { globs: ['*.bak.txt'], file: 'sub/x.txt', ignored: false },
  { globs: ['drafts'], file: 'drafts2/a.txt', ignored: false },
  { globs: ['/top.txt'], file: 'top.txt', ignored: true },
  { globs: ['/top.txt'], file: 'sub/top.txt', ignored: false },
  { globs: ['old/**'], file: 'old/a/b.md', ignored: true },
  { globs: ['*.txt', '!keep.txt'], file: 'keep.txt', ignored: false },
  { globs: ['*.txt', '!keep.txt'], file: 'drop.txt', ignored: true },
  { globs: ['./归档'], file: '归档/旧稿.txt', ignored: true },
];

describe('host: one ignore decision for the CLI and the editor', () => {
  for (const c of cases) {
    it(`${JSON.stringify(c.globs)} ${c.ignored ? 'ignores' : 'keeps'} ${c.file}`, async () => {
      const dir = tmpDir('draft-lint-ignore-');
      const cfgPath = path.join(dir, '.draftlintrc.json');
      fs.writeFileSync(cfgPath, JSON.stringify({ rules: { 'punctuation/*': 'off' }, ignore: c.globs }));
      const file = path.join(dir, c.file);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, '政协委员围绕中心工作建言资政。\n');

      // The editor: its ConfigManager loads the config through the host resolver, its LintService asks ignoredBy.
      const resolver = new ConfigResolver({ fs: new NodeFileSystem(), knownRules: [] });
      const cfg = await resolver.forFile(file);
      assert.strictEqual(cfg.configPath, cfgPath);
      const editorSkip = ignoredBy(file, cfg);
      assert.strictEqual(editorSkip, c.ignored ? `按配置文件 ${cfgPath} 的 ignore 设置忽略` : undefined);
      assert.strictEqual(isIgnored(file, c.globs, dir), c.ignored);

      // The CLI, naming the file: reported as skipped with the same message, or linted.
      const named = await cli(['--format', 'json', c.file], dir);
      const entry = (JSON.parse(named.out) as { files: { path: string; skipped?: string }[] }).files[0];
      assert.strictEqual(entry.path, c.file);
      assert.strictEqual(entry.skipped, editorSkip);
      // The CLI, searching the folder: an ignored file is left out of the report.
      const searched = await cli(['--format', 'json', '.'], dir);
      const paths = searched.out ? (JSON.parse(searched.out) as { files: { path: string }[] }).files.map(f => f.path) : [];
      assert.strictEqual(paths.includes(c.file), !c.ignored, searched.out + searched.err);
    });
  }
});
