import * as assert from 'assert';
import { blankSpans, DocumentModel, displayWidth, parseNumbering, splitLines, isHan, isCjkPunct } from '../../src/core/document';

describe('document: lines and positions', () => {
  it('keeps each line ending (LF, CRLF, CR) and maps offsets to 1-based line/column both ways', () => {
    const d = new DocumentModel('甲\r乙\r\n丙');
    assert.deepStrictEqual(
      d.lines.map(l => [l.offset, l.text, l.eol]),
      [
        [0, '甲', '\r'],
        [2, '乙', '\r\n'],
        [5, '丙', ''],
      ],
    );
    assert.deepStrictEqual([0, 2, 4, 5, 6].map(o => d.position(o)), [
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 3, column: 2 },
    ]);
    assert.deepStrictEqual([d.offsetAt(2, 1), d.offsetAt(3, 2), d.offsetAt(9, 9)], [2, 6, 6]);
  });

  it('counts UTF-16 code units (a supplementary character is two columns)', () => {
    const d = new DocumentModel('𠀀甲\n');
    assert.deepStrictEqual(d.position(2), { line: 1, column: 3 });
  });

  it('an empty text has one empty line and no paragraphs', () => {
    const d = new DocumentModel('');
    assert.deepStrictEqual([d.lines.length, d.paragraphs.length, d.position(0)], [1, 0, { line: 1, column: 1 }]);
    assert.deepStrictEqual(splitLines('a\n').map(l => l.text), ['a', '']);
  });
});

describe('document: numbering markers', () => {
  const cases: [string, string | undefined, number?, string?][] = [
    ['一、总体要求', 'cn-dun', 1, '一、'],
    ['十一、加强自身建设', 'cn-dun', 11, '十一、'],
    ['（三）坚持团结民主', 'cn-paren', 3, '（三）'],
    ['(二)坚持', 'cn-paren', 2, '(二)'],
    ['第一，坚持党的领导', 'cn-ordinal', 1, '第一，'],
    ['1. 开展调研', 'arabic-dot', 1, '1.'],
    ['2．开展调研', 'arabic-dot', 2, '2．'],
    ['3、开展调研', 'arabic-dot', 3, '3、'],
    ['（4）组织视察', 'arabic-paren', 4, '（4）'],
    ['⑤ 第五项', 'circled', 5, '⑤'],
    ['1.5亿元', undefined],
    ['2020年，', undefined],
    ['一是加强', undefined],
    ['第一次全体会议', undefined],
  ];
  for (const [text, style, value, raw] of cases) {
    it(`${text} → ${style ?? 'none'}`, () => {
      const n = parseNumbering(text);
      if (!style) return assert.strictEqual(n, undefined);
      assert.deepStrictEqual([n?.style, n?.value, n?.raw, n?.offset], [style, value, raw, 0]);
    });
  }
  it('skips leading spaces and ideographic spaces and keeps the offset', () => {
    assert.deepStrictEqual(parseNumbering('　　二、', 10), { style: 'cn-dun', value: 2, raw: '二、', offset: 12, length: 2 });
  });
});

describe('document: paragraphs and headings', () => {
  it('plain text: every non-blank line is a paragraph; numbered lines are headings with levels', () => {
    const d = new DocumentModel('　　一、总体要求\n\n　　（一）坚持党的领导。要加强。\n正文。\n1.开展调研');
    assert.deepStrictEqual(
      d.paragraphs.map(p => [p.offset, p.text, p.kind, p.startLine]),
      [
        [2, '一、总体要求', 'heading', 0],
        [12, '（一）坚持党的领导。要加强。', 'heading', 2],
        [27, '正文。', 'paragraph', 3],
        [31, '1.开展调研', 'heading', 4],
      ],
    );
    assert.deepStrictEqual(
      d.headings.map(h => [h.level, h.title, h.numbering?.style]),
      [
        [1, '总体要求', 'cn-dun'],
        [2, '坚持党的领导', 'cn-paren'],
        [3, '开展调研', 'arabic-dot'],
      ],
    );
  });

  it('Markdown: # headings, one paragraph per line (as in plain text), list items; markers, comments, code and front matter masked', () => {
    const text = '---\ntitle: x\n---\n# 标题\n\n## 一、总体要求\n\n正文第一行\n接续第二行。\n\n- 列表项一\n- 列表项二\n\n<!-- 注释 -->\n```\n代码,\n```\n';
    const d = new DocumentModel(text, { path: 'a.md' });
    assert.ok(d.isMarkdown);
    assert.strictEqual(d.masked.length, text.length);
    assert.deepStrictEqual(
      d.paragraphs.map(p => [p.kind, p.text, p.startLine, p.endLine]),
      [
        ['heading', '标题', 3, 3],
        ['heading', '一、总体要求', 5, 5],
        ['paragraph', '正文第一行', 7, 7],
        ['paragraph', '接续第二行。', 8, 8],
        ['list', '列表项一', 10, 10],
        ['list', '列表项二', 11, 11],
      ],
    );
    assert.deepStrictEqual(
      d.headings.map(h => [h.level, h.markdownLevel, h.title, h.numbering?.raw]),
      [
        [1, 1, '标题', undefined],
        [2, 2, '总体要求', '一、'],
      ],
    );
    assert.ok(!d.masked.includes('代码') && !d.masked.includes('注释') && !d.masked.includes('title'));
    assert.strictEqual(d.comments[0].body, '注释');
    assert.strictEqual(d.isProse(text.indexOf('正文')), true);
    assert.strictEqual(d.isProse(text.indexOf('代码')), false);
  });

  it('Markdown inline: link targets, emphasis and code spans are masked, link text kept; bare URLs masked everywhere', () => {
    const d = new DocumentModel('[链接文字](http://a.b/c,d)和**粗体**,以及`code,`。', { path: 'a.md' });
    assert.strictEqual(d.masked, ' 链接文字' + ' '.repeat('](http://a.b/c,d)'.length) + '和  粗体  ,以及' + ' '.repeat('`code,`'.length) + '。');
    const url = 'http://www.cppcc.gov.cn/zxww/index.shtml';
    const cases: [string, string][] = [
      [`详见${url}网站。`, `详见${' '.repeat(url.length)}网站。`],
      [`网址:${url},请查阅。`, `网址:${' '.repeat(url.length)},请查阅。`],
      [`见${url}.`, `见${' '.repeat(url.length)}.`],
      [`见${url}?b=1,2 网站`, `见${' '.repeat(url.length + 6)} 网站`],
      [`（${url}）`, `（${' '.repeat(url.length)}）`],
    ];
    for (const [text, masked] of cases) assert.strictEqual(new DocumentModel(text, { path: 'a.txt' }).masked, masked, text);
  });

  it('Markdown list items get inline masking too (code spans, emphasis)', () => {
    const d = new DocumentModel('- 有问题：`机构“”出特色`\n1. **要点**,说明', { path: 'a.md' });
    assert.strictEqual(d.masked, '  有问题：' + ' '.repeat('`机构“”出特色`'.length) + '\n1.   要点  ,说明');
  });

  it('Markdown written as plain text (most line breaks after the end of a sentence): each line is a paragraph', () => {
    const text = '# 政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n一、2024年工作回顾\n　　过去一年，经济运行稳中有进。\n一是创新动能增强。二是改革深化。\n\n　　这些成绩来之不易。\n';
    const d = new DocumentModel(text, { path: 'a.md' });
    assert.deepStrictEqual(
      d.paragraphs.map(p => [p.kind, p.text]),
      [
        ['heading', '政府工作报告'],
        ['paragraph', '各位代表：'],
        ['paragraph', '现在，我代表省人民政府向大会报告工作。'],
        ['heading', '一、2024年工作回顾'],
        ['paragraph', '过去一年，经济运行稳中有进。'],
        ['paragraph', '一是创新动能增强。二是改革深化。'],
        ['paragraph', '这些成绩来之不易。'],
      ],
    );
    // Short lines that stop mid-sentence are not a wrapped paragraph: each is a paragraph, as in the same .txt.
    const text2 = '# 报告\n\n我们坚持以人民为中心，\n不断推进高质量发展，\n努力提高人民生活水平，\n取得了显著成效。\n';
    const lines = (d: DocumentModel) => d.paragraphs.map(p => p.startLine + '-' + p.endLine);
    assert.deepStrictEqual(lines(new DocumentModel(text2, { path: 'b.md' })), ['0-0', '2-2', '3-3', '4-4', '5-5']);
    assert.deepStrictEqual(lines(new DocumentModel(text2.slice(2), { path: 'b.txt' })), ['0-0', '2-2', '3-3', '4-4', '5-5']);
  });

  it('plain .txt is not Markdown even with # lines; a path-less text with a # heading is', () => {
    assert.strictEqual(new DocumentModel('# 一\n', { path: 'a.txt' }).isMarkdown, false);
    assert.strictEqual(new DocumentModel('# 一\n').isMarkdown, true);
    assert.strictEqual(new DocumentModel('一\n', { languageId: 'markdown' }).isMarkdown, true);
  });
});

describe('document: sentences, quotes and enumerations', () => {
  it('sentences end at 。！？… and keep closing quotes', () => {
    const d = new DocumentModel('他说：“好。”我们同意！还有吗？没有\n第二段……完');
    assert.deepStrictEqual(
      d.sentences.map(s => [s.offset, s.text, s.paragraphIndex]),
      [
        [0, '他说：“好。”', 0],
        [7, '我们同意！', 0],
        [12, '还有吗？', 0],
        [16, '没有', 0],
        [19, '第二段……', 1],
        [24, '完', 1],
      ],
    );
  });

  it('quotes: nesting respected; unclosed and unopened marks reported', () => {
    const d = new DocumentModel('他说：“我们要‘商’出特色”。《关于（修订）的意见》\n“未闭合\n多余”');
    assert.deepStrictEqual(
      d.quotes.map(q => [q.open, q.close, q.openMark, q.closeMark, q.text, q.depth]),
      [
        [3, 13, '“', '”', '我们要‘商’出特色', 0],
        [7, 9, '‘', '’', '商', 1],
        [15, 25, '《', '》', '关于（修订）的意见', 0],
        [18, 21, '（', '）', '修订', 1],
      ],
    );
    assert.deepStrictEqual(d.unbalanced, [
      { offset: 27, mark: '“', problem: 'unclosed' },
      { offset: 34, mark: '”', problem: 'unopened' },
    ]);
  });

  it('a closing mark of the wrong kind leaves the inner opener unclosed', () => {
    const d = new DocumentModel('“甲（乙”');
    assert.deepStrictEqual(d.quotes.map(q => [q.open, q.close]), [[0, 4]]);
    assert.deepStrictEqual(d.unbalanced, [{ offset: 2, mark: '（', problem: 'unclosed' }]);
  });

  it('、-enumerations within a clause, with item offsets', () => {
    const d = new DocumentModel('促进政党关系、民族关系、宗教关系，阶层关系和海内外同胞关系。');
    assert.deepStrictEqual(
      d.enumerations.map(e => [e.offset, e.length, e.items.map(i => [i.text, i.offset])]),
      [
        [
          0,
          16,
          [
            ['促进政党关系', 0],
            ['民族关系', 7],
            ['宗教关系', 12],
          ],
        ],
      ],
    );
  });

  it('、-enumerations end at every clause mark (，,；;：:。！？!?（）()“”‘’《》【】 and line breaks), not at other marks', () => {
    const items = (t: string) => new DocumentModel(t).enumerations.map(e => e.items.map(i => i.text).join('|'));
    for (const mark of '，,；;：:。！？!?（）()“”‘’《》【】') assert.deepStrictEqual(items(`甲、乙${mark}丙、丁`), ['甲|乙', '丙|丁'], mark);
    // Marks that end no clause: the enumeration runs on (a 、 item may hold them).
    for (const mark of '—…·-「」〔〕') assert.deepStrictEqual(items(`甲、乙${mark}丙、丁`), [`甲|乙${mark}丙|丁`], mark);
    assert.deepStrictEqual(items('甲、乙\n丙、丁'), ['甲|乙', '丙|丁']);
  });

  it('displayWidth: two columns for wide characters, by code point (a surrogate pair once, a lone surrogate as itself)', () => {
    assert.strictEqual(displayWidth(''), 0);
    assert.strictEqual(displayWidth('a委员，1'), 1 + 2 + 2 + 2 + 1);
    assert.strictEqual(displayWidth('\u{20000}x'), 3); // CJK extension B: one wide character, not two
    assert.strictEqual(displayWidth('\u{1F600}'), 1); // outside the wide ranges: one
    assert.strictEqual(displayWidth('\ud840'), 1); // a lone high surrogate
    assert.strictEqual(displayWidth('\udc00\ud840'), 2); // a low then a high surrogate: two characters
    assert.strictEqual(displayWidth('\ud840\udc00\ud840'), 3);
  });

  it('isHan / isCjkPunct', () => {
    assert.deepStrictEqual(['甲', '㐀', 'a', '，', undefined].map(isHan), [true, true, false, false, false]);
    assert.deepStrictEqual(['，', '“', '…', ',', '甲'].map(isCjkPunct), [true, true, true, false, false]);
  });
});

describe('document model: blankSpans (the mask of Markdown markup, comments and URLs)', () => {
  /** Reference: the array of one-character strings the mask was built with before. */
  function naive(text: string, spans: [number, number][]): string {
    const chars = text.split('');
    for (const [s, e] of spans) for (let i = s; i < e; i++) if (chars[i] !== '\n' && chars[i] !== '\r') chars[i] = ' ';
    return chars.join('');
  }

  it('blanks overlapping, nested and unsorted spans but keeps line breaks, as the array did', () => {
    const text = '# 标题\r\n正文<!-- 注释\n跨行 -->见 https://a.b/c 。\n**加粗**与`代码`';
    const cases: [number, number][][] = [
      [],
      [[0, 2]],
      [
        [8, 24],
        [10, 12],
      ],
      [
        [30, 40],
        [2, 9],
        [5, 12],
        [12, 12],
      ],
      [[0, text.length]],
    ];
    for (const spans of cases) assert.strictEqual(blankSpans(text, spans.map(s => [...s] as [number, number])), naive(text, spans), JSON.stringify(spans));
    assert.strictEqual(blankSpans('甲乙\n丙', [[0, 4]]), '  \n ');
  });

  it('returns the text itself when there is nothing to blank', () => {
    const text = '人民政协'.repeat(1000);
    assert.strictEqual(blankSpans(text, []), text);
  });
});
