// Fault injection, part 1 (issue 17, items 1–7 and 11): no draft is lost and no file is written where it should not be.
// Each case attacks the real CLI (spawned bin/draft-lint.js); privilege cases run as an ordinary user via setpriv.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { cli, FIXABLE, FIXED, leftovers, needUser, preload, tmpDir } from './helpers';

describe('fault: --fix never writes outside the roots it was given (item 1)', function () {
  this.timeout(60000);

  it('a file symlink found by a directory walk is linted but not written through; named explicitly it is', () => {
    const outside = tmpDir({ 'victim.txt': FIXABLE });
    const repo = tmpDir({ 'own.txt': FIXABLE, '.draftlintrc.json': { rules: {} } });
    fs.symlinkSync(path.join(outside, 'victim.txt'), path.join(repo, 'notes.txt'));
    const r = cli(['--fix', '.'], { cwd: repo });
    assert.strictEqual(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8'), FIXABLE, 'the file outside the project must stay as it was');
    assert.strictEqual(fs.readFileSync(path.join(repo, 'own.txt'), 'utf8'), FIXED, 'the project file is fixed');
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /notes\.txt[^\n]*(项目|目录)之外/);
    assert.ok(fs.lstatSync(path.join(repo, 'notes.txt')).isSymbolicLink());
    // Named on the command line, the link is the user's choice: fixed through it.
    const e = cli(['--fix', 'notes.txt'], { cwd: repo });
    assert.strictEqual(e.code, 0, e.stdout + e.stderr);
    assert.strictEqual(fs.readFileSync(path.join(outside, 'victim.txt'), 'utf8'), FIXED);
    assert.ok(fs.lstatSync(path.join(repo, 'notes.txt')).isSymbolicLink(), 'the link stays a link');
  });

  it('a .draftlintrc.json in a folder anyone can write (a shared temporary folder) is not used', () => {
    const shared = tmpDir({ '.draftlintrc.json': { rules: { 'punctuation/*': 'off' } } });
    fs.chmodSync(shared, 0o1777);
    fs.mkdirSync(path.join(shared, 'me'));
    fs.writeFileSync(path.join(shared, 'me', 'a.txt'), FIXABLE);
    const r = cli(['me/a.txt'], { cwd: shared });
    assert.match(r.stdout, /punctuation\/half-width/, 'the built-in rule still runs: ' + r.stdout + r.stderr);
    assert.match(r.stderr, /任何人都可写[^\n]*\.draftlintrc\.json|\.draftlintrc\.json[^\n]*任何人都可写/);
  });

  it('a .draftlintrc.json owned by another user is not used (like git safe.directory)', function () {
    const u = needUser(this);
    const proj = tmpDir({ '.draftlintrc.json': { rules: { 'punctuation/*': 'off' } }, 'a.txt': FIXABLE });
    fs.chownSync(path.join(proj, '.draftlintrc.json'), u.uid, u.gid);
    const r = cli(['a.txt'], { cwd: proj });
    assert.match(r.stdout, /punctuation\/half-width/, r.stdout + r.stderr);
    assert.match(r.stderr, /不属于当前用户/);
  });
});

describe('fault: a concurrent save is never lost (item 2)', function () {
  this.timeout(60000);

  it('an append that lands after the last check is kept as a named copy and the run fails with exit 2', () => {
    const dir = tmpDir({ 'a.txt': FIXABLE });
    // Another writer appends to the draft just before draft-lint's rename (after every check it can do before it).
    const hook = preload(
      dir,
      'append-at-rename.js',
      `const fsp = require('fs').promises; const orig = fsp.rename;
       fsp.rename = async function (a, b) { if (String(b).endsWith('a.txt')) require('fs').appendFileSync(b, '他人追加的一段。\\n'); return orig.apply(this, arguments); };`,
    );
    const r = cli(['--fix', 'a.txt'], { cwd: dir, preload: [hook] });
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    const copies = fs.readdirSync(dir).filter(f => f !== 'a.txt' && f.startsWith('a.txt') && !f.endsWith('.js'));
    assert.strictEqual(copies.length, 1, `one copy of the other writer's version: ${fs.readdirSync(dir).join(', ')}`);
    assert.strictEqual(fs.readFileSync(path.join(dir, copies[0]), 'utf8'), FIXABLE + '他人追加的一段。\n');
    assert.match(r.stdout + r.stderr, new RegExp(copies[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });
});

describe('fault: NUL bytes and UTF-16 guesses (items 3, 13)', function () {
  this.timeout(60000);

  it('a stray NUL in a UTF-8 draft is not read as UTF-16, and --fix leaves the bytes alone', () => {
    const bytes = Buffer.concat([Buffer.from('各位委员,', 'utf8'), Buffer.from([0]), Buffer.from('好。', 'utf8')]);
    const dir = tmpDir({ 'a.txt': bytes });
    const r = cli(['--fix', 'a.txt'], { cwd: dir });
    assert.ok(fs.readFileSync(path.join(dir, 'a.txt')).equals(bytes), 'the file is unchanged');
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /NUL/);
  });

  it('a real draft in UTF-16 LE and BE without BOM (with 一 and the ideographic space) is read and fixed', () => {
    const text = '一、总体要求\n\u3000\u3000各位委员,一年来工作取得新进展。\n';
    for (const enc of ['le', 'be'] as const) {
      const le = Buffer.from(text, 'utf16le');
      const bytes = enc === 'le' ? le : Buffer.from(le).swap16();
      const dir = tmpDir({ 'a.txt': bytes });
      const r = cli(['--format', 'json', 'a.txt'], { cwd: dir });
      assert.strictEqual(r.code, 0, r.stdout + r.stderr);
      const j = JSON.parse(r.stdout);
      assert.strictEqual(j.files[0].encoding, `UTF-16${enc.toUpperCase()}`);
      assert.ok(j.files[0].diagnostics.some((d: { ruleId: string }) => d.ruleId === 'punctuation/half-width'));
      const f = cli(['--fix', 'a.txt'], { cwd: dir });
      assert.strictEqual(f.code, 0, f.stdout + f.stderr);
      const want = Buffer.from(text.replace(',', '，'), 'utf16le');
      assert.ok(fs.readFileSync(path.join(dir, 'a.txt')).equals(enc === 'le' ? want : Buffer.from(want).swap16()));
    }
  });
});

describe('fault: --stdin --fix never prints nothing (item 4)', function () {
  this.timeout(60000);

  it('over maxFileSize the input is passed through unchanged', () => {
    const dir = tmpDir({ '.draftlintrc.json': { maxFileSize: 10 } });
    const r = cli(['--stdin', '--fix'], { cwd: dir, input: FIXABLE });
    assert.strictEqual(r.stdoutBytes.toString('utf8'), FIXABLE);
    assert.match(r.stderr, /maxFileSize/);
  });

  it('input that cannot be decoded is passed through unchanged too', () => {
    const dir = tmpDir();
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const r = cli(['--stdin', '--fix'], { cwd: dir, input: bytes });
    assert.ok(r.stdoutBytes.equals(bytes), 'stdout: ' + r.stdoutBytes.toString('hex'));
    assert.strictEqual(r.code, 2);
  });
});

describe('fault: -o never replaces an input (item 5)', function () {
  this.timeout(60000);

  it('refuses -o naming a file being linted (also through another spelling of its path)', () => {
    const dir = tmpDir({ 'a.txt': FIXABLE, 'sub/b.txt': FIXABLE });
    for (const args of [['-o', 'a.txt', 'a.txt'], ['-o', './sub/../a.txt', '.'], ['--output-file=sub/b.txt', 'sub']]) {
      const r = cli(args, { cwd: dir });
      assert.strictEqual(r.code, 2, args.join(' ') + ': ' + r.stderr);
      assert.match(r.stderr, /-o|--output-file/);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), FIXABLE);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'sub/b.txt'), 'utf8'), FIXABLE);
    }
    // `draft-lint --stdin --stdin-filename a.txt -o a.txt < a.txt` would replace the draft with the report too.
    const s = cli(['--stdin', '--stdin-filename', 'a.txt', '-o', 'a.txt'], { cwd: dir, input: FIXABLE });
    assert.strictEqual(s.code, 2, s.stderr);
    assert.match(s.stderr, /-o\/--output-file/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), FIXABLE);
  });
});

describe('fault: owner, group, read-only files and hard links (item 6)', function () {
  this.timeout(60000);

  it('root fixing another user\'s 600 file keeps its owner, group and mode', function () {
    const u = needUser(this);
    const dir = tmpDir({ 'a.txt': FIXABLE });
    const f = path.join(dir, 'a.txt');
    fs.chownSync(f, u.uid, u.sharedGid);
    fs.chmodSync(f, 0o600);
    const r = cli(['--fix', 'a.txt'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    const st = fs.statSync(f);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), FIXED);
    assert.deepStrictEqual([st.uid, st.gid, st.mode & 0o7777], [u.uid, u.sharedGid, 0o600]);
  });

  it('an ordinary user keeps a shared group on a group-writable file', function () {
    const u = needUser(this);
    const dir = tmpDir({ 'a.txt': FIXABLE });
    fs.chownSync(dir, u.uid, u.gid);
    const f = path.join(dir, 'a.txt');
    fs.chownSync(f, u.uid, u.sharedGid);
    fs.chmodSync(f, 0o664);
    const r = cli(['--fix', 'a.txt'], { cwd: dir, user: u });
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    const st = fs.statSync(f);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), FIXED);
    assert.deepStrictEqual([st.uid, st.gid, st.mode & 0o7777], [u.uid, u.sharedGid, 0o664]);
  });

  it('a file with two hard links is fixed in place: both names see the fix, the link stays, nothing is left behind', () => {
    const dir = tmpDir({ 'a.txt': FIXABLE });
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const before = fs.statSync(path.join(dir, 'a.txt'));
    const r = cli(['--fix', 'a.txt'], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    const a = fs.statSync(path.join(dir, 'a.txt'));
    assert.strictEqual(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), FIXED);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), FIXED, 'the other link sees the fix');
    assert.deepStrictEqual([a.ino, a.nlink, a.mode, a.uid, a.gid], [before.ino, 2, before.mode, before.uid, before.gid]);
    assert.deepStrictEqual(leftovers(dir), []);
  });

  it('a hard-linked file whose in-place write fails (a full disk) gets its original text back', () => {
    const dir = tmpDir({ 'a.txt': FIXABLE });
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const hook = preload(
      dir,
      'enospc-in-place.js',
      `const fsp = require('fs').promises; const orig = fsp.open; let failed = false;
       fsp.open = async function (p, flags) { const h = await orig.apply(this, arguments);
         if (String(p).endsWith('a.txt') && flags === require('fs').constants.O_WRONLY) { const w = h.write.bind(h);
           h.write = async function (buf, off, len, pos) { if (!failed) { failed = true; await w(buf, off, Math.min(len, 5), pos); const e = new Error('ENOSPC: no space left on device'); e.code = 'ENOSPC'; throw e; } return w(buf, off, len, pos); }; }
         return h; };`,
    );
    const r = cli(['--fix', 'a.txt'], { cwd: dir, preload: [hook] });
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /已恢复原文/);
    assert.strictEqual(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8'), FIXABLE);
    assert.deepStrictEqual(leftovers(dir), []);
  });

  it('a write by another program during the in-place write is kept as a named copy (exit 2), with the original', () => {
    const dir = tmpDir({ 'a.txt': FIXABLE });
    fs.linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const hook = preload(
      dir,
      'append-in-place.js',
      `const fsp = require('fs').promises; const orig = fsp.open;
       fsp.open = async function (p, flags) { const h = await orig.apply(this, arguments);
         if (String(p).endsWith('a.txt') && flags === require('fs').constants.O_WRONLY) { const s = h.sync.bind(h);
           h.sync = async function () { await s(); require('fs').appendFileSync(String(p), '他人追加的一段。\\n'); }; }
         return h; };`,
    );
    const r = cli(['--fix', 'a.txt'], { cwd: dir, preload: [hook] });
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    const copies = fs.readdirSync(dir).filter(f => f.startsWith('a.txt.draft-lint-conflict'));
    assert.strictEqual(copies.length, 1, fs.readdirSync(dir).join(', '));
    assert.strictEqual(fs.readFileSync(path.join(dir, copies[0]), 'utf8'), FIXED + '他人追加的一段。\n');
    const backups = fs.readdirSync(dir).filter(f => f.endsWith('.bak'));
    assert.strictEqual(backups.length, 1, 'the original is kept too');
    assert.strictEqual(fs.readFileSync(path.join(dir, backups[0]), 'utf8'), FIXABLE);
    assert.match(r.stdout + r.stderr, new RegExp(copies[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  });

  it('a read-only file is not rewritten, by its owner or by root', function () {
    const dir = tmpDir({ 'a.txt': FIXABLE });
    const f = path.join(dir, 'a.txt');
    fs.chmodSync(f, 0o444);
    const root = cli(['--fix', 'a.txt'], { cwd: dir });
    assert.strictEqual(root.code, 2, root.stdout + root.stderr);
    assert.match(root.stdout + root.stderr, /只读/);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), FIXABLE);
    const u = needUser(this);
    fs.chownSync(dir, u.uid, u.gid);
    fs.chownSync(f, u.uid, u.gid);
    const r = cli(['--fix', 'a.txt'], { cwd: dir, user: u });
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /只读/);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), FIXABLE);
    assert.strictEqual(fs.statSync(f).mode & 0o777, 0o444);
  });

  it('a file the user cannot keep the owner of (another user\'s group-writable file) is not taken over', function () {
    const u = needUser(this);
    const dir = tmpDir({ 'a.txt': FIXABLE });
    fs.chmodSync(dir, 0o777);
    const f = path.join(dir, 'a.txt');
    fs.chownSync(f, 0, u.sharedGid);
    fs.chmodSync(f, 0o664);
    const r = cli(['--fix', 'a.txt'], { cwd: dir, user: u });
    const st = fs.statSync(f);
    assert.strictEqual(st.uid, 0, 'the owner stays root');
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stdout + r.stderr, /所有者/);
    assert.strictEqual(fs.readFileSync(f, 'utf8'), FIXABLE);
  });
});

describe('fault: signals, full disks and long names (items 7, 11)', function () {
  this.timeout(60000);

  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    it(`no temporary file is left after ${sig} during the write`, () => {
      const dir = tmpDir({ 'a.txt': FIXABLE });
      const hook = preload(
        dir,
        'signal-at-rename.js',
        `const fsp = require('fs').promises;
         fsp.rename = function () { process.kill(process.pid, '${sig}'); return new Promise(() => setTimeout(() => {}, 10000)); };`,
      );
      const r = cli(['--fix', 'a.txt'], { cwd: dir, preload: [hook] });
      assert.ok(r.code !== 0 || r.signal, `the run does not succeed: ${r.code} ${r.signal}`);
      assert.deepStrictEqual(leftovers(dir), []);
      assert.strictEqual(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), FIXABLE);
    });
  }

  it('a report that cannot be written completely (-o) leaves no partial file', () => {
    const dir = tmpDir({ 'a.txt': FIXABLE.repeat(2000) });
    // The disk fills up after 4 KiB of the report.
    const hook = preload(
      dir,
      'full-disk.js',
      `const fs = require('fs'); const fsp = fs.promises;
       const origOpen = fsp.open;
       fsp.open = async function (p, ...rest) {
         const h = await origOpen.call(this, p, ...rest);
         if (!String(p).includes('report')) return h;
         let written = 0; const w = h.write.bind(h); const wf = h.writeFile.bind(h);
         const fail = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
         h.write = async (buf, ...a) => { if (written + buf.length > 4096) { await w(buf.subarray(0, 4096 - written)); written = 4096; throw fail(); } written += buf.length; return w(buf, ...a); };
         h.writeFile = async (data) => { const b = Buffer.from(data); await w(b.subarray(0, 4096)); throw fail(); };
         return h;
       };
       const origWF = fsp.writeFile;
       fsp.writeFile = async function (p, data, ...rest) {
         if (!String(p).includes('report')) return origWF.call(this, p, data, ...rest);
         await origWF.call(this, p, Buffer.from(data).subarray(0, 4096)); throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
       };`,
    );
    const r = cli(['-o', 'report.txt', 'a.txt'], { cwd: dir, preload: [hook] });
    assert.strictEqual(r.code, 2, r.stdout + r.stderr);
    assert.match(r.stderr, /report\.txt/);
    assert.deepStrictEqual(fs.readdirSync(dir).filter(f => f.includes('report')), [], 'no partial report');
  });

  it('--fix works on a file whose name is 80 Chinese characters (240 bytes)', () => {
    const name = '关于'.repeat(40) + '.txt';
    assert.ok(Buffer.byteLength(name) <= 255 && Buffer.byteLength(name) > 225);
    const dir = tmpDir({ [name]: FIXABLE });
    const r = cli(['--fix', name], { cwd: dir });
    assert.strictEqual(r.code, 0, r.stdout + r.stderr);
    assert.strictEqual(fs.readFileSync(path.join(dir, name), 'utf8'), FIXED);
    assert.deepStrictEqual(leftovers(dir), []);
  });
});
