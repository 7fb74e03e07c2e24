// `draft-lint --print-type` and the type fields of `--format json`: docType, confidence, template, signals, excerpt.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs, UsageError } from '../../src/cli/args';
import { run, CliIO } from '../../src/cli/main';
import type { Rule } from '../../src/core/types';

const PROPOSAL = ['关于加快老旧小区加装电梯的建议', '提案者：李华（市政协委员，市建筑设计院副院长）', '我市老旧多层住宅约1800栋，加装电梯协商难。', '建议：', '1、由市住建局制定费用分摊指导标准。', '2、对加装电梯项目每台补贴15万元。', ''].join('\n');
const EXCERPT = ['政协××市委员会常务委员会工作报告（摘要）', '二、2024年主要工作', '（一）召开专题协商会8次。', ''].join('\n');

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-lint-type-'));
  fs.writeFileSync(path.join(dir, 'proposal.txt'), PROPOSAL);
  fs.writeFileSync(path.join(dir, 'excerpt.txt'), EXCERPT);
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function memIo(cwd: string): CliIO & { out: string; err: string } {
  const io = {
    cwd,
    env: {},
    stdoutIsTTY: false,
    out: '',
    err: '',
    writeStdout(s: string | Uint8Array) {
      io.out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8');
    },
    writeStderr(s: string) {
      io.err += s;
    },
    readStdin: async () => new Uint8Array(),
  };
  return io;
}

/** A rule that would report on every file: --print-type must not run it. */
const noisy: Rule = {
  meta: { id: 'format/test-noisy', category: 'format', defaultSeverity: 'error', description: '测试', docs: '测试', fixable: false },
  check: ctx => ctx.report({ offset: 0, length: 1, message: '测试' }),
};

describe('cli: --print-type', () => {
  it('parses, and refuses to combine with --fix, --figures or sarif', () => {
    assert.strictEqual(parseArgs(['--print-type', 'a.txt']).printType, true);
    for (const args of [['--print-type', '--fix', 'a.txt'], ['--print-type', '--figures', 'a.txt'], ['--print-type', '-f', 'sarif', 'a.txt']])
      assert.throws(() => parseArgs(args), (e: unknown) => e instanceof UsageError && /--print-type/.test(e.message), args.join(' '));
  });

  it('JSON: type, confidence, template, signals and excerpt per file; no rule runs; exit 0', async () => {
    const io = memIo(dir);
    assert.strictEqual(await run(['--print-type', '--format', 'json', 'proposal.txt', 'excerpt.txt'], io, { rules: [noisy] }), 0);
    const files = JSON.parse(io.out).files as Record<string, unknown>[];
    assert.deepStrictEqual(files[0], {
      path: 'proposal.txt',
      docType: 'proposal',
      confidence: 0.94,
      template: 'proposal',
      signals: ['标题：关于……的建议 +3', '提案人行（提案人、提案者、领衔人、联名人） +3', '建议段（建议：／为此建议） +1'],
      excerpt: false,
    });
    assert.deepStrictEqual([files[1].docType, files[1].template, files[1].excerpt, files[1].excerptKind], ['report', 'cppcc-report', true, 'excerpt']);
  });

  it('stylish: the type in Chinese, the template, the confidence, the excerpt flag and the signals', async () => {
    const io = memIo(dir);
    await run(['--print-type', 'proposal.txt'], io, { rules: [noisy] });
    assert.strictEqual(
      io.out,
      [
        'proposal.txt',
        '  文种：提案（proposal）  模板：proposal  置信度：0.94  自动识别',
        '  节选：否',
        '  依据：标题：关于……的建议 +3；提案人行（提案人、提案者、领衔人、联名人） +3；建议段（建议：／为此建议） +1',
        '',
        '',
      ].join('\n'),
    );
  });

  it('--type overrides detection and says so', async () => {
    const io = memIo(dir);
    await run(['--print-type', '--format', 'json', '--type', 'sqmy', 'proposal.txt'], io, { rules: [noisy] });
    const f = JSON.parse(io.out).files[0];
    assert.deepStrictEqual([f.docType, f.template, f.confidence, f.docTypeSource], ['sqmy', 'sqmy', 1, 'option']);
  });

  it('--format json of a normal run carries the same type fields beside the diagnostics', async () => {
    const io = memIo(dir);
    assert.strictEqual(await run(['--format', 'json', 'excerpt.txt'], io, { rules: [noisy] }), 1);
    const f = JSON.parse(io.out).files[0];
    assert.deepStrictEqual([f.docType, f.template, f.excerpt, f.excerptKind, f.diagnostics.length], ['report', 'cppcc-report', true, 'excerpt', 1]);
    assert.ok(f.signals.includes('节选：（节选）（摘要）（摘编）（提要）'), JSON.stringify(f.signals));
  });
});
