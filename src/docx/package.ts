// The .docx package (an OPC ZIP): its parts in archive order, read with fflate; written back with every part the
// annotator did not touch carrying its original bytes (and its original compression method).
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from 'fflate';
import { DraftLintError } from '../core/types';

export interface DocxPackage {
  /** Part names in archive order (no leading slash), e.g. `word/document.xml`. */
  names: string[];
  parts: Map<string, Uint8Array>;
  /** ZIP compression method of each part as stored (0 stored, 8 deflated). */
  methods: Map<string, number>;
}

/** The largest uncompressed part read (a guard against ZIP bombs). */
const MAX_PART_BYTES = 256 * 1024 * 1024;

/** Opens a .docx. Throws DraftLintError with a reader-facing message when the bytes are not a Word package. */
export function openPackage(bytes: Uint8Array, file: string): DocxPackage {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new DraftLintError(
      `${file} 不是 Word（.docx）文档：文件不是 ZIP 格式${looksLikeOle(bytes) ? '，看起来是旧版 Word（.doc）或 WPS（.wps）二进制文档，或设了打开密码的文档（请先在“文件 → 信息 → 保护文档”中删除密码）' + SAVE_AS_DOCX : ''}`,
      file,
    );
  }
  const names: string[] = [];
  const methods = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: f => {
        if (f.originalSize > MAX_PART_BYTES) throw new DraftLintError(`${file} 中的部件 ${f.name} 解压后超过 ${MAX_PART_BYTES >> 20} MB，已跳过`, file);
        names.push(f.name);
        methods.set(f.name, f.compression);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DraftLintError) throw e;
    throw new DraftLintError(`${file} 无法解压（文档可能已损坏或加密）：${(e as Error).message}`, file);
  }
  const parts = new Map<string, Uint8Array>();
  for (const n of names) parts.set(n, files[n]);
  if (!parts.has('[Content_Types].xml') || !parts.has('word/document.xml')) {
    throw new DraftLintError(`${file} 不是 Word 文档：压缩包中没有 word/document.xml${parts.has('content.xml') ? '（看起来是 OpenDocument .odt，请在 WPS 或 LibreOffice 中另存为 .docx）' : ''}`, file);
  }
  return { names, parts, methods };
}

/** A part as a UTF-8 string (BOM dropped), or undefined when the package has no such part. */
export function partText(pkg: DocxPackage, name: string): string | undefined {
  const b = pkg.parts.get(name);
  if (!b) return undefined;
  const s = strFromU8(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/** Writes the package with `changed` parts replaced (new parts appended at the end); other parts keep their bytes. */
export function writePackage(pkg: DocxPackage, changed: Map<string, string>): Uint8Array {
  const out: Zippable = {};
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  const names = [...pkg.names, ...[...changed.keys()].filter(n => !pkg.parts.has(n))];
  for (const n of names) {
    const replaced = changed.get(n);
    const data = replaced !== undefined ? strToU8(replaced) : pkg.parts.get(n)!;
    const method = replaced !== undefined ? 8 : pkg.methods.get(n) ?? 8;
    out[n] = [data, { level: method === 0 ? 0 : 6, mtime }];
  }
  return zipSync(out);
}

/** Word's menu steps for saving a binary document as .docx (for messages about .doc / .wps). */
export const SAVE_AS_DOCX = '。请在 Word 中打开，选择“文件 → 另存为”，“保存类型”选“Word 文档 (*.docx)”；或在 WPS 文字中选择“文件 → 另存为”，“文件类型”选“Microsoft Word 文件 (*.docx)”，再检查另存的 .docx 文件';

/** The message for a legacy .doc / .wps file: what it is and the Word (and WPS) menu steps to save it as .docx. */
export function binaryWordMessage(shown: string): string {
  return `${shown} 是旧版 Word（.doc）或 WPS（.wps）二进制文档，不能直接检查${SAVE_AS_DOCX}`;
}

/** True for an OLE2 compound file (legacy .doc, .wps, .xls …). */
export function looksLikeOle(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && sig.every((b, i) => bytes[i] === b);
}
