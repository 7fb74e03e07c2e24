// Characters that end a run of words (punctuation and spaces): the segmenters cut text run by run, and the word rules
// walk the same runs. Tested per UTF-16 code unit through a table built once from the regular expression (the same
// answer as RUN_BREAK.test(ch), without a regex call per character of a long document).

export const RUN_BREAK = /[\s\u3000，。、；：？！…—·“”‘’《》〈〉（）【】〔〕「」『』〖〗～｜,;:!?()[\]{}"]/;

let table: Uint8Array | undefined;

/** 1 for each code unit that RUN_BREAK matches. */
export function runBreakTable(): Uint8Array {
  if (!table) {
    const t = new Uint8Array(65536);
    // Every character of the class lies below U+3100 or above U+FE00 (a test checks the whole range).
    for (let c = 0; c < 0x3100; c++) if (RUN_BREAK.test(String.fromCharCode(c))) t[c] = 1;
    for (let c = 0xfe00; c < 0x10000; c++) if (RUN_BREAK.test(String.fromCharCode(c))) t[c] = 1;
    table = t;
  }
  return table;
}
