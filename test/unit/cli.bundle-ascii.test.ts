// The CLI bundle is written in ASCII (scripts/bundle-cli.ts, asciiSource): V8 then keeps its source as one byte per
// character and reads it without decoding UTF-8. The escapes must not change what any code means.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';
import { asciiSource, BUNDLE } from '../../scripts/bundle-cli';

describe('CLI bundle in ASCII (asciiSource)', () => {
  const same: { name: string; code: string; ascii: string }[] = [
    { name: 'already ASCII', code: 'module.exports = "\\u201C" + /[a-z]/.source;', ascii: 'module.exports = "\\u201C" + /[a-z]/.source;' },
    { name: 'a regular expression with a class and a range', code: 'module.exports = [/[“”]/.test("”"), /[一-龥]+/.exec("ab中文c")[0]];', ascii: 'module.exports = [/[\\u201C\\u201D]/.test("\\u201D"), /[\\u4E00-\\u9FA5]+/.exec("ab\\u4E2D\\u6587c")[0]];' },
    { name: 'with the u flag and a lookbehind', code: 'module.exports = "甲乙丙".replace(/(?<=甲)乙/u, "—");', ascii: 'module.exports = "\\u7532\\u4E59\\u4E19".replace(/(?<=\\u7532)\\u4E59/u, "\\u2014");' },
    { name: 'comments', code: '// 注释\nmodule.exports = /* 说明 */ 1;', ascii: '// \\u6CE8\\u91CA\nmodule.exports = /* \\u8BF4\\u660E */ 1;' },
    { name: 'a template literal', code: 'const x = 2; module.exports = `第${x}条`;', ascii: 'const x = 2; module.exports = `\\u7B2C${x}\\u6761`;' },
  ];
  for (const t of same)
    it(`escaped: ${t.name}`, () => {
      const out = asciiSource(t.code);
      assert.strictEqual(out, t.ascii);
      assert.ok(/^[\x00-\x7f]*$/.test(out!));
      const run = (code: string) => {
        const m = { exports: undefined as unknown };
        vm.runInNewContext(code, { module: m });
        return JSON.stringify(m.exports);
      };
      assert.strictEqual(run(out!), run(t.code));
    });

  const kept: { name: string; code: string }[] = [
    { name: 'a backslash before a non-ASCII character', code: 'module.exports = /\\“/.test("“");' },
    { name: 'non-ASCII whitespace (not allowed as an escape)', code: 'module.exports =\u3000 1;' },
    { name: 'a line separator', code: '// a\u2028module.exports = 1;' },
    { name: 'a character outside the BMP', code: 'module.exports = /😀/u.test("😀");' },
  ];
  for (const t of kept) it(`left as it is: ${t.name}`, () => assert.strictEqual(asciiSource(t.code), undefined));

  it('the built bundle is ASCII', function () {
    if (!fs.existsSync(BUNDLE)) this.skip();
    const bytes = fs.readFileSync(BUNDLE);
    const at = bytes.findIndex(b => b > 0x7f);
    assert.strictEqual(at, -1, `non-ASCII at byte ${at} of ${path.basename(BUNDLE)}`);
  });
});
