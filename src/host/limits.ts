// The size limit of a draft (`maxFileSize` in the config, `draftLint.maxFileSize` in the editor): one check and one
// message for the CLI and the editor.
//   oversizeMessage(2048, 1024) → '文件大小 2048 字节，超过 maxFileSize（1024 字节），已跳过'

/** The smallest of the limits that are set (0 or absent: no limit); 0 when none is set. */
export function effectiveLimit(...limits: (number | undefined)[]): number {
  const set = limits.filter((n): n is number => typeof n === 'number' && n > 0);
  return set.length ? Math.min(...set) : 0;
}

/** Why a draft of `bytes` bytes is skipped under `limit` (named `setting`), or undefined when it is within it. */
export function oversizeMessage(bytes: number, limit: number, setting = 'maxFileSize', what = '文件大小'): string | undefined {
  if (!limit || bytes <= limit) return undefined;
  return `${what} ${bytes} 字节，超过 ${setting}（${limit} 字节），已跳过`;
}

/** The UTF-8 size of a text, cheaply bounded first (a UTF-16 unit is at most 3 UTF-8 bytes). */
export function textExceeds(text: string, limit: number): number | undefined {
  if (!limit || text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}
