// Document-type detection: the seeds, the structure fixtures, overrides, confidence, and office templates.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { DocumentModel } from '../../src/core/document';
import { builtinPackSet, PackSet, Pack } from '../../src/core/packs';
import { validatePack } from '../../src/host/packs';
import { detectDocType, matchTemplate, selectTemplate, templatesOf } from '../../src/core/template-match';
import { lint } from '../../src/lint';
import { defaultConfig, DraftLintError } from '../../src/core/types';
import { STRUCTURE_RULES } from '../../src/rules/structure';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const SEEDS = 'test/fixtures/seeds/';
const seed = (n: string) => read(SEEDS + fs.readdirSync(path.join(ROOT, SEEDS)).find(f => f.startsWith(n + '_'))!);
const detect = (text: string, opts: { path?: string; languageId?: string } = {}) => detectDocType(new DocumentModel(text, opts), builtinPackSet());

describe('detectDocType', () => {
  it('recognises seeds 000 and 004 as 常委会工作报告', () => {
    for (const n of ['000', '004']) {
      const g = detect(seed(n), { path: `${n}.txt` });
      assert.strictEqual(g.type, 'report', n);
      assert.strictEqual(g.template, 'cppcc-report', n);
      assert.ok(g.confidence >= 0.8, `${n} confidence ${g.confidence}`);
    }
  });

  it('recognises seed 003 as a work plan', () => {
    const g = detect(seed('003'), { path: '003.txt' });
    assert.strictEqual(g.type, 'plan');
    assert.strictEqual(g.template, 'work-plan');
    assert.ok(g.confidence >= 0.6 && g.confidence <= 1, String(g.confidence));
  });

  it('treats seeds 001 (web article) and 002 (feature, Markdown) as other', () => {
    assert.strictEqual(detect(seed('001'), { path: '001.txt' }).type, 'other');
    assert.strictEqual(detect(seed('002'), { languageId: 'markdown' }).type, 'other');
    assert.strictEqual(detect(seed('002'), { path: '002.txt' }).type, 'other');
  });

  it('recognises the structure fixtures by type and template', () => {
    const cases: [string, string, string][] = [
      ['report.txt', 'report', 'cppcc-report'],
      ['proposal.txt', 'proposal', 'proposal'],
      ['plan.txt', 'plan', 'work-plan'],
      ['sqmy.txt', 'sqmy', 'sqmy'],
    ];
    for (const [file, type, template] of cases) {
      const g = detect(read('test/fixtures/structure/' + file));
      assert.deepStrictEqual([g.type, g.template], [type, template], file);
    }
  });

  it('recognises a government work report by its own template (各位代表, 我代表……人民政府)', () => {
    const text = ['各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、2024年工作回顾', '过去一年，全市生产总值增长5.1%。', '二、2025年重点工作', '（一）扩大有效需求。', '让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设现代化城市而努力奋斗！'].join('\n');
    const g = detect(text);
    assert.deepStrictEqual([g.type, g.template], ['report', 'gov-report']);
  });

  it('takes a report on proposal work (“提案工作情况的报告”) for a review report, not a 常委会工作报告 or a proposal', () => {
    const text = [
      '中国人民政治协商会议××市委员会常务委员会关于十届二次会议以来提案工作情况的报告',
      '各位委员：',
      '我代表政协××市委员会常务委员会，向大会报告十届二次会议以来的提案工作情况，请予审议。',
      '一',
      '委员们围绕全市中心工作提出提案。',
    ].join('\n');
    const g = detect(text);
    assert.deepStrictEqual([g.type, g.template], ['review-report', 'proposal-work-report']);
  });

  it('news items about a report, a plan or 社情民意 work are other', () => {
    const news = [
      '政协委员热议常委会工作报告\n本报讯 3日下午，政协委员分组讨论常委会工作报告。委员们认为，报告实事求是。\n我们也清醒认识到，还存在不足。',
      '政协委员热议常委会工作报告\n新华社北京3月5日电（记者 张三）政协委员分组讨论常委会工作报告。\n各位委员：',
      '市政协召开社情民意信息工作会议\n会议总结了去年社情民意信息工作，部署今年任务。',
      '市政协主席会议审议2025年工作要点\n会议审议了工作要点，研究了有关事项。',
    ];
    for (const t of news) assert.strictEqual(detect(t).type, 'other', t.slice(0, 20));
  });

  it('accepts the opening “受……常务委员会委托，我向大会报告工作”', () => {
    const text = ['各位委员：', '受政协第十四届××市委员会常务委员会委托，我向大会报告工作，请予审议。', '一、2024年主要工作', '全年召开协商会12次。'].join('\n');
    assert.strictEqual(detect(text).template, 'cppcc-report');
  });

  it('calls a short unrelated text other, with a confidence', () => {
    const g = detect('今天天气很好。\n我们去公园散步。');
    assert.strictEqual(g.type, 'other');
    assert.ok(g.confidence > 0 && g.confidence <= 1);
    assert.strictEqual(detect('').type, 'other');
  });

  it('reports a score for every built-in template', () => {
    const g = detect(seed('000'));
    assert.deepStrictEqual(Object.keys(g.scores!).sort(), ['cppcc-report', 'gov-report', 'proposal', 'proposal-review-report', 'proposal-work-report', 'sqmy', 'work-plan']);
    assert.ok(g.scores!['cppcc-report'] > g.scores!['gov-report']);
  });
});

describe('document-type overrides (engine)', () => {
  const report = read('test/fixtures/structure/report.txt');
  it('the first-line marker overrides detection', () => {
    const r = lint('<!-- draft-lint-type: other -->\n' + report, { rules: STRUCTURE_RULES });
    assert.strictEqual(r.docType, 'other');
    const p = lint('<!-- draft-lint-type: proposal -->\n' + report, { rules: STRUCTURE_RULES });
    assert.strictEqual(p.docType, 'proposal');
    // Checked against the proposal template, the report lacks the proposal's parts.
    assert.ok(p.diagnostics.some(d => d.ruleId === 'structure/missing-section' && d.message.includes('「标题」')));
  });
  it('config docType and the --type option override detection', () => {
    const cfg = { ...defaultConfig(), docType: 'plan' as const };
    assert.strictEqual(lint(report, { rules: STRUCTURE_RULES, config: cfg }).docType, 'plan');
    assert.strictEqual(lint(report, { rules: STRUCTURE_RULES, config: cfg, docType: 'report' }).docType, 'report');
    assert.strictEqual(lint(report, { rules: STRUCTURE_RULES }).docType, 'report');
  });
  it('an other document gets no structure findings even when it looks like nothing', () => {
    for (const n of ['001', '002']) assert.deepStrictEqual(lint(seed(n), { rules: STRUCTURE_RULES }).diagnostics, []);
  });
});

describe('templates pack (schema and office templates)', () => {
  const base = { name: 'office' };
  const template = {
    id: 'briefing',
    docType: 'report',
    name: '情况通报',
    detect: { threshold: 3, signals: [{ pattern: '情况通报$', where: 'title', weight: 5 }] },
    sections: [
      { id: 'title', name: '标题', required: true, match: [{ paragraph: '情况通报$', within: 'first' }] },
      { id: 'facts', name: '基本情况', required: true, hint: '一、基本情况', match: [{ heading: '^基本情况' }] },
      { id: 'next', name: '下一步工作', required: true, hint: '二、下一步工作', match: [{ heading: '^下一步' }] },
    ],
  };

  it('the templates schema is closed and described in Chinese', () => {
    const schema = JSON.parse(read('schemas/templates.schema.json'));
    const walk = (node: Record<string, unknown>, where: string) => {
      if (node.properties) {
        assert.strictEqual(node.additionalProperties, false, `${where}: additionalProperties`);
        for (const [k, v] of Object.entries(node.properties as Record<string, Record<string, unknown>>)) {
          assert.ok(/[\u4e00-\u9fff]/.test((v.description as string | undefined) ?? ''), `${where}.${k}: Chinese description`);
          walk(v, `${where}.${k}`);
        }
      }
      if (node.items && typeof node.items === 'object') walk(node.items as Record<string, unknown>, `${where}[]`);
    };
    for (const [name, def] of Object.entries(schema.definitions as Record<string, Record<string, unknown>>)) walk(def, name);
    assert.match(schema.description, /[\u4e00-\u9fff]/);
  });

  it('the built-in templates validate and cover every templated type', () => {
    const types = new Set(templatesOf(builtinPackSet()).map(t => t.docType));
    assert.deepStrictEqual([...types].sort(), ['plan', 'proposal', 'report', 'review-report', 'sqmy']);
  });

  it('rejects a template with an unknown property, a bad docType or a bad regex, naming the JSON path', () => {
    const bad = (t: object) => () => validatePack({ ...base, templates: [t] }, 'office.json');
    assert.throws(bad({ ...template, colour: 'red' }), (e: DraftLintError) => e instanceof DraftLintError && /colour/.test(e.message));
    assert.throws(bad({ ...template, docType: 'memo' }), (e: DraftLintError) => /\$\.templates\[0\]\.docType/.test(e.message));
    assert.throws(bad({ ...template, sections: [{ id: 'x', name: '甲', required: true, match: [{}] }] }), DraftLintError);
    assert.throws(bad({ ...template, sections: [{ id: 'x', name: '甲', required: true, match: [{ heading: '(' }] }] }), (e: DraftLintError) =>
      /sections\[0\]\.match\[0\]\.heading/.test(e.message),
    );
  });

  it('an office template is detected and checked without code', () => {
    const pack = validatePack({ ...base, templates: [template] }, 'office.json') as Pack;
    const packs = new PackSet([...builtinPackSet().packs, pack]);
    const text = '关于秸秆禁烧工作的情况通报\n一、基本情况\n全区共出动巡查人员300人次。\n';
    const doc = new DocumentModel(text);
    const g = detectDocType(doc, packs);
    assert.deepStrictEqual([g.type, g.template], ['report', 'briefing']);
    const t = selectTemplate(doc, 'report', packs)!;
    assert.strictEqual(t.id, 'briefing');
    assert.deepStrictEqual([...matchTemplate(doc, t, packs).hits.keys()].sort(), ['facts', 'title']);
    const r = lint(text, { rules: STRUCTURE_RULES, packs });
    assert.deepStrictEqual(
      r.diagnostics.map(d => [d.ruleId, d.line, d.column, d.message]),
      [['structure/missing-section', 2, 1, '情况通报缺少「下一步工作」部分（如“二、下一步工作”）：应位于「基本情况」之后']],
    );
  });

  it('a later template with the same id replaces the built-in one', () => {
    const mine = { ...template, id: 'proposal', docType: 'proposal', name: '本会提案' };
    const packs = new PackSet([...builtinPackSet().packs, validatePack({ ...base, templates: [mine] }, 'o.json')]);
    const t = templatesOf(packs).find(x => x.id === 'proposal')!;
    assert.strictEqual(t.name, '本会提案');
  });
});
