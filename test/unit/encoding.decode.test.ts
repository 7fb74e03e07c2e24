import * as assert from 'assert';
import * as iconv from 'iconv-lite';
import { decodeText, detectEol, encodeLike, encodingLabel, TextEncodingName } from '../../src/host/encoding';
import { DraftLintError } from '../../src/core/types';

const TEXT = '各位委员：\r\n现在，我代表政协第十四届委员会常务委员会，向大会报告工作。\r\n立案交办提案1008件。\r\n';

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('encoding: decodeText and encodeLike', () => {
  const cases: { name: string; bytes: Buffer; encoding: TextEncodingName; bom: boolean; eol: string; text: string }[] = [
    { name: 'UTF-8 without BOM, CRLF', bytes: Buffer.from(TEXT, 'utf8'), encoding: 'utf-8', bom: false, eol: 'crlf', text: TEXT },
    { name: 'UTF-8 with BOM, LF', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT.replace(/\r\n/g, '\n'))]), encoding: 'utf-8', bom: true, eol: 'lf', text: TEXT.replace(/\r\n/g, '\n') },
    { name: 'UTF-16 LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]), encoding: 'utf-16le', bom: true, eol: 'crlf', text: TEXT },
    { name: 'UTF-16 BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]), encoding: 'utf-16be', bom: true, eol: 'crlf', text: TEXT },
    { name: 'UTF-16 LE without BOM', bytes: Buffer.from(TEXT, 'utf16le'), encoding: 'utf-16le', bom: false, eol: 'crlf', text: TEXT },
    { name: 'UTF-16 BE without BOM', bytes: utf16be(TEXT), encoding: 'utf-16be', bom: false, eol: 'crlf', text: TEXT },
    { name: 'GBK/GB18030, CRLF', bytes: iconv.encode(TEXT, 'gbk'), encoding: 'gb18030', bom: false, eol: 'crlf', text: TEXT },
    { name: 'GB18030 four-byte characters (㐀 and 𠀀)', bytes: iconv.encode('扩展字符㐀𠀀。\n', 'gb18030'), encoding: 'gb18030', bom: false, eol: 'lf', text: '扩展字符㐀𠀀。\n' },
    { name: 'pure ASCII is UTF-8', bytes: Buffer.from('abc\rdef'), encoding: 'utf-8', bom: false, eol: 'cr', text: 'abc\rdef' },
    { name: 'empty file', bytes: Buffer.alloc(0), encoding: 'utf-8', bom: false, eol: 'none', text: '' },
    { name: 'UTF-8 BOM only', bytes: Buffer.from([0xef, 0xbb, 0xbf]), encoding: 'utf-8', bom: true, eol: 'none', text: '' },
  ];
  for (const c of cases) {
    it(`decodes ${c.name} and encodes it back byte for byte`, () => {
      const d = decodeText(new Uint8Array(c.bytes), 'x.txt');
      assert.strictEqual(d.text, c.text);
      assert.deepStrictEqual([d.encoding, d.bom, d.eol, d.roundTrips], [c.encoding, c.bom, c.eol, true]);
      assert.deepStrictEqual(Buffer.from(encodeLike(d.text, d)), c.bytes);
    });
  }

  it('a fix changes only the bytes of the fixed range (GBK, CRLF)', () => {
    const bytes = iconv.encode('现在,我代表常委会报告工作。\r\n第二段。\r\n', 'gbk');
    const d = decodeText(new Uint8Array(bytes));
    const fixed = d.text.replace(',', '，');
    const out = Buffer.from(encodeLike(fixed, d));
    // 现在 = 4 bytes, then ',' (1 byte) becomes '，' (A3 AC).
    assert.deepStrictEqual(out.subarray(0, 4), bytes.subarray(0, 4));
    assert.deepStrictEqual(out.subarray(4, 6), Buffer.from([0xa3, 0xac]));
    assert.deepStrictEqual(out.subarray(6), bytes.subarray(5));
  });

  it('a fix keeps the UTF-8 BOM and CRLF line endings', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('甲,乙\r\n丙\r\n')]);
    const d = decodeText(new Uint8Array(bytes));
    const out = Buffer.from(encodeLike(d.text.replace(',', '，'), d));
    assert.deepStrictEqual(out, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('甲，乙\r\n丙\r\n')]));
  });

  it('marks GB18030 bytes that do not re-encode identically as not round-tripping', () => {
    // 0x80 decodes to € but € encodes as A2 E3: writing back would change bytes outside a fix.
    const d = decodeText(new Uint8Array([0xd5, 0xfe, 0x80, 0xd0, 0xad]));
    assert.strictEqual(d.encoding, 'gb18030');
    assert.strictEqual(d.roundTrips, false);
  });

  const binaries: { name: string; bytes: number[]; message: RegExp }[] = [
    { name: 'NUL bytes on both sides', bytes: [0x41, 0x00, 0x00, 0x42], message: /不是文本文件（含有 NUL 字节）/ },
    { name: 'NUL bytes on one side but control characters', bytes: [0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x04, 0x00], message: /不是文本文件（含有 NUL 字节）/ },
    { name: 'a .docx (ZIP)', bytes: [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], message: /Word（\.docx）/ },
    { name: 'a PDF', bytes: [...Buffer.from('%PDF-1.7\n')], message: /PDF 文件/ },
    { name: 'UTF-16 with an odd byte count', bytes: [0xff, 0xfe, 0x41, 0x00, 0x42], message: /字节数为奇数/ },
    { name: 'undecodable bytes', bytes: [0xff, 0xff, 0xff, 0x41], message: /既不是 UTF-8 也不是 GB18030/ },
    { name: 'control characters', bytes: [0x01, 0x02, 0x03, 0x04, 0x05, 0x41], message: /大量控制字符/ },
  ];
  for (const b of binaries) {
    it(`rejects ${b.name} with a DraftLintError naming the file`, () => {
      assert.throws(
        () => decodeText(new Uint8Array(b.bytes), 'drafts/a.txt'),
        (e: unknown) => e instanceof DraftLintError && e.file === 'drafts/a.txt' && e.message.startsWith('drafts/a.txt ') && b.message.test(e.message),
      );
    });
  }

  it('detectEol and encodingLabel', () => {
    assert.deepStrictEqual(['a\nb', 'a\r\nb', 'a\rb', 'a\nb\r\nc', 'ab'].map(detectEol), ['lf', 'crlf', 'cr', 'mixed', 'none']);
    assert.strictEqual(encodingLabel({ encoding: 'utf-8', bom: true }), 'UTF-8 (BOM)');
    assert.strictEqual(encodingLabel({ encoding: 'gb18030', bom: false }), 'GB18030');
  });
});
