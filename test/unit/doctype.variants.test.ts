// Document types as they really come (issue 12): short proposals in their many shapes, 社情民意信息 as published on
// the web, reports on proposal work, excerpts and news stories about a report. Every text here is written for this
// test (none is copied from a published document). A complete document gets its type and no structure finding.
import * as assert from 'assert';
import { DocumentModel } from '../../src/core/document';
import { builtinPackSet } from '../../src/core/packs';
import { detectDocType } from '../../src/core/template-match';
import { lint } from '../../src/lint';
import { STRUCTURE_RULES } from '../../src/rules/structure';
import { numberingSequence } from '../../src/rules/numbering/sequence';

const detect = (text: string) => detectDocType(new DocumentModel(text), builtinPackSet());
const structure = (text: string) => lint(text, { rules: STRUCTURE_RULES });
const show = (text: string) => structure(text).diagnostics.map(d => `${d.line}:${d.column} ${d.ruleId} ${d.message}`);
const j = (...lines: string[]) => lines.join('\n');

// ---- Proposals ----
const PROPOSALS: [string, string][] = [
  [
    '关于……的建议 + 提案者 + 案由／办法 with 1、2、',
    j(
      '关于加快老旧小区加装电梯的建议',
      '提案者：李华（市政协委员，市建筑设计院副院长）',
      '案由：',
      '我市2000年以前建成的多层住宅约1800栋，居住着大量老年人。加装电梯需要同一单元全体业主协商一致，低层住户担心采光和噪声，许多项目停在了征求意见阶段。',
      '办法：',
      '1、由市住建局制定加装电梯费用分摊指导标准，按楼层给出分摊比例的参考区间。',
      '2、对加装电梯项目给予每台15万元的财政补贴，并允许提取住房公积金支付个人分摊部分。',
      '3、街道设立协调专员，组织业主协商，协商不成的由社区调解委员会出具调解意见。',
    ),
  ],
  [
    'a number line (八届一次 第25号), a quoted title, 提案人, 理由／建议 run in',
    j(
      '八届一次 第25号',
      '关于“修整盲人道”的建议',
      '提案人：王芳',
      '理由：城区主干道的盲道被共享单车、店铺招牌和窨井盖占用的情况十分普遍，部分路段盲道直通树池和电线杆，视障人士出行存在安全隐患。',
      '建议：一是由市城管局牵头，今年6月底前对主城区盲道开展一次全面排查，建立问题台账；二是对占用盲道的共享单车企业按次处罚；三是新建道路的盲道须经残联组织视障人士参与验收。',
    ),
  ],
  [
    '第0123号, 关于……的提案, a party as proposer (领衔人：九三学社××市委), 问题／建议 headings',
    j(
      '第0123号',
      '关于规范校外托管机构管理的提案',
      '领衔人：九三学社××市委',
      '一、问题',
      '全市现有校外托管机构约600家，其中取得营业执照的不足四成。部分机构场地狭小、消防通道不畅，从业人员没有健康证明。',
      '二、建议',
      '（一）由市教育局会同市市场监管局出台托管机构设置标准，明确场地面积、消防设施和人员资质要求。',
      '（二）建立托管机构备案和“红黑名单”制度，名单在教育部门网站公开。',
    ),
  ],
  [
    '联名人 + 现状／存在问题／对策建议 numbered 一、二、三、',
    j(
      '关于推进农村生活污水治理的提案',
      '联名人：张强、刘敏、陈静',
      '一、现状',
      '我县已建成农村污水处理站86座，覆盖行政村的41%。',
      '二、存在问题',
      '部分处理站建成后缺少运维经费，设备停运；管网建设滞后，污水收集率偏低。',
      '三、对策建议',
      '（一）将运维经费列入县级财政预算，按每座每年3万元的标准保障。',
      '（二）2026年底前完成12个中心村的管网改造。',
    ),
  ],
  [
    'no headings: name and title line, a situation paragraph, 建议： then 1、 2、',
    j(
      '关于在中心城区增设电动自行车充电设施的建议',
      '市政协委员、市交通运输局办公室主任 赵磊',
      '我市电动自行车保有量已超过60万辆，但小区内的集中充电设施只能满足约两成需求，“飞线”充电、楼道充电屡禁不止，去年因此引发的火灾有23起。',
      '建议：',
      '1、由市住建局牵头，将集中充电设施纳入老旧小区改造必改内容。',
      '2、对建设充电设施的物业企业按每个充电端口200元给予一次性补助。',
      '3、消防部门每季度对楼道充电开展一次联合检查。',
    ),
  ],
  [
    'a group as proposer on its own line, 案由 and 办法 as headings, 建议 in one paragraph',
    j(
      '关于加强中小学生近视防控的提案',
      '民进××市委',
      '案由',
      '全市中小学生近视率达到52.6%，且呈低龄化趋势。课外作业多、户外活动少、电子产品使用时间长是主要原因。',
      '办法',
      '建议教育部门落实每天校内外各1小时体育活动的要求，卫生健康部门为每所学校配备视力筛查设备，每学期筛查一次并建立屈光发育档案。',
    ),
  ],
  [
    'the proposer line at the end, situation then 为此建议： and （一）（二）',
    j(
      '关于提升社区养老服务中心运营水平的建议',
      '我区已建成社区养老服务中心42个，但日均服务人次不足20人的占一半以上。主要原因是服务项目单一、收费偏高，老年人认可度不高。为此建议：',
      '（一）由区民政局制定服务项目清单，引入助餐、助浴、康复等服务，并对困难老人按每人每月300元发放服务券。',
      '（二）建立服务质量第三方评估制度，评估结果与运营补贴挂钩。',
      '提案人：孙丽（区政协委员，区人民医院护理部主任）',
    ),
  ],
  [
    'suggestions listed 1、2、 with no “建议：” before them',
    j(
      '关于加强城区古树名木保护的建议',
      '提案人：何静（市政协委员，市林业科学研究所高级工程师）',
      '城区现有登记在册的古树名木416株，近年来因道路施工、硬化铺装等原因死亡9株，部分古树长势衰弱。',
      '1、由市园林局对416株古树逐株建立健康档案，每年体检一次。',
      '2、市政工程涉及古树的，须在开工前报园林部门审查保护方案。',
      '3、设立古树保护专项资金，鼓励企业和市民认养古树。',
    ),
  ],
  [
    'situation, then “现提出以下建议：” and （一）（二）',
    j(
      '关于完善社区嵌入式托育服务的提案',
      '提案人：郑洁',
      '我市0至3岁婴幼儿约5.2万人，托育机构提供的托位仅能满足约12%的需求。现提出以下建议：',
      '（一）在新建住宅小区按每千人不少于4.5个托位的标准配建托育设施。',
      '（二）对普惠托位按每个每月500元给予运营补贴。',
    ),
  ],
  [
    'a suggestion paragraph that starts “建议……” without a colon',
    j(
      '关于规范城区户外广告设置的建议',
      '提案人：林峰（市政协委员）',
      '城区部分主干道户外广告牌设置杂乱，有的遮挡交通标志，有的年久失修存在坠落隐患。',
      '建议市城管局牵头编制户外广告设置专项规划，今年年底前对全市户外广告牌开展一次安全检测，对存在隐患的限期整改或拆除。',
    ),
  ],
  [
    'pasted with ASCII punctuation (提案人: / 建议: / ;)',
    j(
      '关于加快建设社区食堂的提案',
      '提案人:吴倩',
      '我市60岁以上老年人口已超过80万;不少独居老人吃饭难',
      '建议:',
      '1、由市民政局牵头,2026年底前每个街道至少建成1个社区食堂.',
      '2、对社区食堂按每餐2元的标准给予老年人就餐补贴.',
    ),
  ],
];

describe('document types: proposals as they come', () => {
  for (const [name, text] of PROPOSALS) {
    it(`${name}: proposal, no structure finding`, () => {
      const g = detect(text);
      assert.deepStrictEqual([g.type, g.template], ['proposal', 'proposal'], JSON.stringify(g.signals));
      assert.ok(g.signals.length > 0 && g.signals.every(s => /[\u4e00-\u9fff]/.test(s)), 'the signals are named in Chinese');
      assert.deepStrictEqual(show(text), []);
    });
  }

  it('names the signals it used, with their weights', () => {
    const g = detect(PROPOSALS[0][1]);
    assert.ok(g.signals.includes('标题：关于……的建议 +3'), JSON.stringify(g.signals));
    assert.ok(g.signals.includes('提案人行（提案人、提案者、领衔人、联名人） +3'), JSON.stringify(g.signals));
    assert.ok(g.confidence >= 0.75 && g.confidence <= 1, String(g.confidence));
    assert.strictEqual(g.excerpt, false);
  });

  it('a proposal with no 建议 at all still gets a finding, placed on its situation paragraph', () => {
    const text = j(
      '关于加快老旧小区加装电梯的建议',
      '提案者：李华（市政协委员，市建筑设计院副院长）',
      '我市2000年以前建成的多层住宅约1800栋。加装电梯需要同一单元全体业主协商一致，许多项目停在了征求意见阶段。',
      '低层住户担心采光和噪声，是协商不成的主要原因。',
    );
    assert.strictEqual(detect(text).type, 'proposal');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(
      d.map(x => [x.ruleId, x.line, x.column, x.message]),
      [['structure/missing-section', 3, 1, '提案缺少「建议」部分（如“建议：（一）……（二）……”）：应位于「案由／现状」之后']],
    );
  });

  it('problems listed 1、2、 are not taken for suggestions: the missing 建议 is still reported', () => {
    const text = j(
      '关于加强城区古树名木保护的建议',
      '提案人：何静（市政协委员）',
      '城区古树名木保护存在以下问题：',
      '1、部分古树因道路施工根系受损，长势衰弱。',
      '2、古树周边地面硬化，透气性差。',
      '3、日常养护经费没有保障。',
    );
    assert.strictEqual(detect(text).type, 'proposal');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line]), [['structure/missing-section', 3]]);
    assert.match(d[0].message, /^提案缺少「建议」部分/);
  });

  it('a “建议……” paragraph that is only slogans gets a finding', () => {
    const text = j('关于规范城区户外广告设置的建议', '提案人：林峰（市政协委员）', '城区部分主干道户外广告牌设置杂乱。', '建议进一步提高认识，切实加强领导，形成工作合力。');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line, x.column]), [['structure/vague-suggestion', 4, 1]]);
  });

  it('a 建议 that is only slogans gets a finding (paragraph form)', () => {
    const text = j(
      '关于加强农村人居环境整治的建议',
      '提案人：周涛（县政协委员）',
      '部分村庄垃圾收运不及时，河塘淤积，群众反映较多。',
      '建议：提高认识，加强领导，加大力度，形成合力，营造良好氛围。',
    );
    assert.strictEqual(detect(text).type, 'proposal');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line, x.column]), [['structure/vague-suggestion', 4, 1]]);
    assert.match(d[0].message, /^「建议」中的这条建议空泛：“提高认识，加强领导，加大力度，形成合力，营造良好氛围”只有口号/);
  });

  it('a “建议：” line whose items are all slogans: one finding per item', () => {
    const text = j(
      '关于加强农村人居环境整治的建议',
      '提案人：周涛（县政协委员）',
      '部分村庄垃圾收运不及时，河塘淤积，群众反映较多。',
      '建议：',
      '1、高度重视，加强组织领导。',
      '2、加大宣传力度，营造良好氛围。',
    );
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line, x.column]), [
      ['structure/vague-suggestion', 5, 1],
      ['structure/vague-suggestion', 6, 1],
    ]);
  });

  it('a 建议 paragraph under a “建议：” line that is only slogans gets a finding', () => {
    const text = j('关于加强农村人居环境整治的建议', '提案人：周涛（县政协委员）', '部分村庄垃圾收运不及时，群众反映较多。', '建议：', '要进一步提高认识，切实加强领导，形成工作合力。');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line]), [['structure/vague-suggestion', 5]]);
  });

  it('a proposal with only a title and a suggestion lacks its 案由', () => {
    const text = j('关于规范校外托管机构管理的提案', '提案人：王芳', '建议：', '（一）出台托管机构设置标准。', '（二）建立托管机构备案制度。');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line, x.message]), [['structure/missing-section', 3, '提案缺少「案由／现状」部分（如“案由：……（或一段情况说明）”）：应位于「标题」之后、「建议」之前']]);
  });

  it('a plan proposed by the Party (中共中央关于……的建议) is not a proposal', () => {
    const text = j('中共中央关于制定××发展规划的建议', '一、总体要求', '建议：坚持稳中求进工作总基调。', '二、主要任务', '（一）加快建设现代化产业体系。');
    assert.notStrictEqual(detect(text).type, 'proposal');
  });
});

// ---- 社情民意信息 ----
const SQMY: [string, string][] = [
  [
    'a question title and “据×××委员反映：”',
    j(
      '农村客运班线为何“开不下去”？',
      '据市政协委员陈某反映：',
      '近年来，我市部分农村客运班线因客源减少、运营亏损而停运，全市已有17条线路停开，偏远村组群众赶集、就医只能搭乘无营运资质的面包车，安全隐患突出。',
      '为此建议：',
      '一、对保留的农村客运班线按里程给予运营补贴，由市、县两级财政各承担一半。',
      '二、推行“预约响应”客运模式，由乡镇统一收集出行需求，客运企业按需发车。',
    ),
  ],
  [
    '关于……的建议 with a “××委员提供” source line',
    j(
      '关于加强电动自行车充电安全管理的建议',
      '民革××市委会 刘洋委员提供',
      '今年以来，我市因电动自行车充电引发的火灾已有11起，多发生在老旧小区楼道和出租屋内。',
      '建议由应急管理部门牵头，在老旧小区集中建设智能充电车棚，并对出租屋业主落实消防安全告知责任，对屡次违规充电的住户由社区约谈。',
    ),
  ],
  [
    "a leader's instruction first, then the title and “×××反映：”",
    j(
      '××副主席批示：呈送市应急管理局参阅。',
      '关于整治城郊违规燃放烟花爆竹的建议',
      '王某某反映：',
      '春节期间，城郊接合部违规销售、燃放烟花爆竹现象较多，部分摊点紧邻加油站和居民区，监管力量明显不足。',
      '建议：在城郊接合部设立临时执法点，节前开展联合执法，对违规摊点依法取缔。',
    ),
  ],
  [
    'with a 期号 and the signature at the end',
    j(
      '社情民意信息',
      '2025年第12期',
      '关于规范小区快递驿站经营的建议',
      '不少小区快递驿站占用消防通道和公共绿地，包裹堆放杂乱，居民取件排长队，投诉较多。',
      '建议市邮政管理局会同住建部门制定小区驿站设置规范，明确面积、消防和营业时间要求。',
      '反映人：黄敏（市政协委员，市律师协会副会长）',
    ),
  ],
];

describe('document types: 社情民意信息 as published', () => {
  for (const [name, text] of SQMY) {
    it(`${name}: sqmy, no structure finding`, () => {
      const g = detect(text);
      assert.deepStrictEqual([g.type, g.template], ['sqmy', 'sqmy'], JSON.stringify(g.signals));
      assert.deepStrictEqual(show(text), []);
    });
  }
  it('a source line outweighs the 关于……的建议 title a proposal also has', () => {
    const g = detect(SQMY[1][1]);
    assert.ok(g.signals.includes('来源行（据……反映、××委员提供、反映人） +4'), JSON.stringify(g.signals));
    assert.ok(g.scores!.sqmy > g.scores!.proposal);
  });
  it('a 社情民意 without any suggestion still gets a finding', () => {
    const text = SQMY[0][1].split('\n').slice(0, 3).join('\n');
    assert.strictEqual(detect(text).type, 'sqmy');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line]), [['structure/missing-section', 3]]);
    assert.match(d[0].message, /^社情民意信息缺少「建议」部分/);
  });
});

// ---- Reports on proposal work ----
const WORK_REPORT = j(
  '政协××市委员会常务委员会关于十届二次会议以来提案工作情况的报告',
  '——在政协××市第十届委员会第三次会议上',
  '（2025年1月10日）',
  '各位委员：',
  '我代表政协××市委员会常务委员会，向大会报告十届二次会议以来的提案工作情况，请予审议。',
  '一、提案提出和办理情况',
  '十届二次会议以来，共收到提案612件，经审查立案548件。截至2024年12月底，立案提案已全部办复，委员对办理结果满意和基本满意的占98.2%。',
  '二、主要工作',
  '（一）加强重点提案督办。主席会议确定重点提案15件，由主席、副主席领衔督办。',
  '（二）完善提案办理协商。全年召开提案办理协商会21场。',
  '在肯定成绩的同时，我们也清醒看到，提案工作还存在一些不足：有的提案调研不够深入，个别承办单位重答复、轻落实。',
  '三、2025年提案工作',
  '（一）提高提案质量。完善提案审查标准，推动提案精准聚焦。',
  '（二）深化办理协商。推广提案办理“回头看”。',
  '各位委员，让我们更加紧密地团结在以习近平同志为核心的中共中央周围，为谱写××高质量发展新篇章作出新的贡献！',
);
const REVIEW_REPORT = j(
  '政协××市第十届委员会提案委员会关于十届三次会议提案审查情况的报告',
  '（2025年1月12日政协××市第十届委员会第三次会议通过）',
  '十届三次会议期间，政协委员、政协各参加单位和各专门委员会围绕全市中心工作提出提案。',
  '截至1月11日18时，共收到提案487件。经审查，立案421件，并案23件，转为意见建议43件。',
  '本次会议提案有以下特点：一是聚焦发展大局；二是关注民生热点；三是集体提案数量增加。',
  '大会闭幕后，立案提案将交由承办单位办理。',
  '以上报告，请予审议。',
);

describe('document types: reports on proposal work (review-report)', () => {
  it('提案工作情况的报告: review-report with its own template, no structure finding', () => {
    const g = detect(WORK_REPORT);
    assert.deepStrictEqual([g.type, g.template], ['review-report', 'proposal-work-report'], JSON.stringify(g.signals));
    assert.deepStrictEqual(show(WORK_REPORT), []);
  });
  it('提案审查情况的报告: review-report with its own template, no structure finding', () => {
    const g = detect(REVIEW_REPORT);
    assert.deepStrictEqual([g.type, g.template], ['review-report', 'proposal-review-report'], JSON.stringify(g.signals));
    assert.deepStrictEqual(show(REVIEW_REPORT), []);
  });
  it('a work report without its shortcomings gets the finding, not the 常委会工作报告 template', () => {
    const text = WORK_REPORT.split('\n').filter(l => !l.startsWith('在肯定成绩的同时')).join('\n');
    const d = structure(text).diagnostics;
    assert.deepStrictEqual(d.map(x => [x.ruleId, x.line]), [['structure/missing-section', 11]]);
    assert.match(d[0].message, /^提案工作情况报告缺少「不足」部分/);
  });
});

// ---- Excerpts and news stories ----
const REPORT_PART = j(
  '二、2024年主要工作',
  '（一）围绕中心建言献策。召开专题协商会8次，形成协商报告8份。',
  '（二）聚焦民生开展监督。组织委员视察23次。',
  '这些成绩的取得，是中共××市委坚强领导的结果。',
);

describe('document types: excerpts and news stories', () => {
  const withNumbering = [...STRUCTURE_RULES, numberingSequence];
  const startFinding = (text: string) => lint(text, { rules: withNumbering }).diagnostics.filter(d => d.ruleId === 'numbering/sequence' && /开始，缺少/.test(d.message));

  it('a report marked （摘要） is an excerpt: no missing part, numbering may start at 二', () => {
    const text = j('政协××市委员会常务委员会工作报告（摘要）', REPORT_PART);
    const g = detect(text);
    assert.deepStrictEqual([g.type, g.excerpt, g.excerptKind], ['report', true, 'excerpt']);
    assert.ok(g.signals.includes('节选：（节选）（摘要）（摘编）（提要）'), JSON.stringify(g.signals));
    const r = lint(text, { rules: withNumbering });
    assert.deepStrictEqual(r.diagnostics, []);
    assert.strictEqual(r.docTypeInfo.excerpt, true);
  });
  it('a title ending 节选 or 摘编, and an editor’s note, mark an excerpt', () => {
    for (const head of ['常委会工作报告节选', '常委会工作报告摘编', '编者按：本文根据××市政协常委会工作报告摘编。'])
      assert.strictEqual(detect(j('政协××市委员会常务委员会工作报告', head, REPORT_PART)).excerpt, true, head);
  });
  it('without a marker, a text that starts at 二 is not an excerpt and gets both findings', () => {
    const text = j('政协××市委员会常务委员会工作报告', REPORT_PART);
    assert.strictEqual(detect(text).excerpt, false);
    assert.deepStrictEqual(startFinding(text).map(d => [d.line, d.column, d.length]), [[2, 1, 2]]);
    assert.ok(lint(text, { rules: STRUCTURE_RULES }).diagnostics.some(d => d.ruleId === 'structure/missing-section'));
  });
  it('a newspaper page (上接1版 / 下转3版) is an excerpt for the structure rules, but its numbering is still checked', () => {
    for (const text of [j('（上接1版）', REPORT_PART), j('政协××市委员会常务委员会工作报告', REPORT_PART, '（下转3版）')]) {
      const g = detect(text);
      assert.deepStrictEqual([g.excerpt, g.excerptKind], [true, 'page'], text.slice(0, 12));
      assert.deepStrictEqual(lint(text, { rules: STRUCTURE_RULES }).diagnostics, []);
      assert.strictEqual(startFinding(text).length, 1);
    }
  });
  it('a news story about a report is other and an excerpt: no structure finding, no numbering-start finding', () => {
    const text = j(
      '市政协十届三次会议开幕',
      '本报讯（记者 李明）1月10日上午，政协××市第十届委员会第三次会议开幕。会议听取并审议了常委会工作报告。',
      '报告回顾了过去一年的工作。',
      '二、2024年主要工作',
      '（一）围绕中心建言献策。',
    );
    const g = detect(text);
    assert.deepStrictEqual([g.type, g.excerpt, g.excerptKind, g.news], ['other', true, 'news', true]);
    assert.deepStrictEqual(lint(text, { rules: withNumbering }).diagnostics, []);
  });
  it('a full report released after an agency dateline keeps its type (a story about it does not)', () => {
    const text = j(
      '政协××市委员会常务委员会工作报告',
      '新华社××1月10日电',
      '各位委员：',
      '我代表政协××市委员会常务委员会，向大会报告工作，请予审议。',
      '一、2024年主要工作',
      '（一）召开专题协商会8次。',
      '这些成绩的取得，是中共××市委坚强领导的结果。',
      '我们也清醒认识到，工作中还存在一些不足。',
      '二、2025年工作安排',
      '2025年政协工作的总体要求是：服务全市中心工作。',
      '（一）强化理论武装。',
      '各位委员，让我们为建设美丽××而努力奋斗！',
    );
    const g = detect(text);
    assert.deepStrictEqual([g.type, g.template, g.excerptKind], ['report', 'cppcc-report', 'news']);
  });
  it('a news story that quotes a 社情民意 or a proposal is not one', () => {
    const text = j('农村客运班线为何“开不下去”？', '新华社××1月5日电（记者 王芳）据市政协委员陈某反映，我市部分农村客运班线停运。', '为此建议：对农村客运班线给予运营补贴。');
    assert.strictEqual(detect(text).type, 'other');
  });
  it('a 提案提要 as a newspaper prints it is a proposal and an excerpt', () => {
    const text = j('推进中小学课后服务提质（提案提要）', '提案人：全国政协委员×××', '案由：课后服务内容单一，教师负担较重。', '建议：引入经过审核的社会机构参与课后服务。');
    const g = detect(text);
    assert.deepStrictEqual([g.type, g.excerpt], ['proposal', true]);
    assert.deepStrictEqual(show(text), []);
  });
  it('<!-- draft-lint-type: report excerpt --> marks an excerpt by hand', () => {
    const text = j('<!-- draft-lint-type: report excerpt -->', REPORT_PART);
    const r = lint(text, { rules: withNumbering });
    assert.deepStrictEqual([r.docType, r.docTypeInfo.excerpt, r.docTypeInfo.source], ['report', true, 'marker']);
    assert.deepStrictEqual(r.diagnostics, []);
  });
});

// ---- Reports of other bodies ----
describe('document types: reports of other bodies', () => {
  it('a party congress report is not a 政协 report', () => {
    const text = j(
      '同志们：',
      '现在，我代表中共××市第十三届委员会向大会作报告。',
      '一、过去五年的工作',
      '五年来，我们坚持稳中求进工作总基调，全市经济总量迈上新台阶。',
      '我们也清醒看到，发展不平衡不充分的问题仍然突出。',
      '二、今后五年的目标任务',
      '（一）加快建设现代化产业体系。',
      '同志们！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设现代化××而努力奋斗！',
    );
    assert.strictEqual(detect(text).type, 'other');
    assert.deepStrictEqual(show(text), []);
  });
});

// ---- As copied from a 政协 website: page furniture (发布时间, 来源, 浏览次数), form fields (提 案 人, 类别, 主办单位),
// a label before the title (提案名称：, 社情民意｜), a source in parentheses at the end. ----
const WEB: [string, string][] = [
['proposal', j('关于加快县域冷链物流建设的提案','发布时间：2024-03-12 来源：县政协提案委 浏览次数：126','提 案 人：刘建国','类    别：经济建设','主办单位：县发展和改革局','案由：我县果蔬年产量超过40万吨，但冷库容量不足2万吨，采摘旺季损耗率高达20%以上。','办法：1.将冷链设施纳入县重点项目库，优先安排用地指标。2.引导供销社与合作社共建产地冷库。3.对新建冷库按每立方米100元给予补助。')],
['proposal', j('提案名称：关于规范城区共享单车停放的提案','提案人：市政协委员 王丽','共享单车在方便群众出行的同时，乱停乱放问题日益突出，占用盲道、堵塞消防通道的现象时有发生。','建议：一是划定停放区域，二是建立企业考核机制，三是对违规停放用户实行信用扣分。')],
['proposal', j('关于加强乡村医生队伍建设的建议','张晓梅','县政协委员，县人民医院副院长','全县现有乡村医生312人，60岁以上的占38%，后继乏人问题突出。乡村医生收入偏低，养老保障不足，年轻人不愿意从事这一职业。','对此建议：','（一）落实乡村医生基本公共卫生服务补助，确保人均年收入不低于当地农村居民人均可支配收入的2倍。','（二）实施定向培养计划，每年为全县定向培养医学生20名。')],
['proposal', j('第168号','关于支持老字号企业传承发展的建议','农工党××区委','老字号是城市的文化名片。我区现有中华老字号7家、省级老字号23家，但普遍存在经营规模小、传承人断档、品牌老化等问题。','建议','1．设立老字号发展专项资金，支持老字号企业技术改造和品牌推广。','2．在历史文化街区为老字号企业提供租金减免。')],
['proposal', j('关于进一步优化营商环境的提案','提案人：工商联界别','一、存在的问题','（一）审批环节仍然较多。','（二）涉企检查频次偏高。','二、几点建议','（一）推行“一件事一次办”，将开办企业时间压缩到1个工作日以内。','（二）建立涉企检查统筹机制，同一部门一年内对同一企业的检查不超过2次。')],
['proposal', j('关于推进城乡供水一体化的提案','领衔提案人：赵明','附议人：钱红 孙伟 李娜','问题：部分农村地区仍依靠小型集中供水工程，水质不稳定，枯水期常出现断水。','建议：将城乡供水一体化纳入“十五五”规划，分三年实现城市管网向乡镇延伸。')],
['sqmy', j('社情民意｜关于加强校园周边交通安全管理的建议','发布时间：2023-09-15','来源：市政协信息中心','开学以来，部分中小学校门口上下学时段车辆乱停乱放，接送学生的电动车逆行、闯红灯现象突出，存在较大安全隐患。','建议：公安交警部门在校门口增设护学岗，规划临时停车区，上下学时段实行交通管制。','（民盟××市委 张某）')],
['sqmy', j('建议尽快解决农村危桥改造资金缺口','据县政协委员李某反映，我县目前仍有危桥27座，其中四类、五类危桥11座，因资金缺口较大，改造进度缓慢。','为此建议：','一、积极争取上级交通专项资金。','二、县财政设立危桥改造配套资金。')],
['sqmy', j('老年人使用智能手机难问题亟待关注','九三学社××市委会反映：','随着各类服务转向线上，不少老年人因不会使用智能手机，在就医挂号、出行乘车等方面遇到困难。','建议在社区开设智能手机使用培训班，公共服务场所保留人工窗口和现金支付方式。')],
['sqmy', j('关于在高速公路服务区增设充电桩的建议','社情民意信息第36期','××市政协办公室编　2024年5月20日','××委员反映：节假日期间高速公路服务区充电桩排队现象严重，部分服务区等候时间超过2小时。','建议：交通运输部门会同电网企业，在节假日前对服务区充电需求开展评估，增设临时移动充电设施。')],
['review-report', j('政协××县委员会常务委员会关于提案工作情况的报告','各位委员：','我受政协××县委员会常务委员会委托，向大会报告十一届二次会议以来的提案工作情况，请予审议。','十一届二次会议以来，共收到提案198件，经审查立案176件，已全部办复。','提案工作还存在一些不足，主要是部分提案质量有待提高。','新的一年，我们将进一步提高提案质量。','让我们为谱写××新篇章作出新的贡献！')],
['review-report', j('关于政协××市第九届委员会第四次会议提案审查情况的报告','（2025年2月20日政协××市第九届委员会第四次会议主席团会议通过）','本次会议共收到提案356件，经审查，立案312件。','以上报告，请予审议。')],
['other', j('市政协召开提案办理工作座谈会','本报讯（通讯员 张力）3月12日，市政协召开提案办理工作座谈会。','会议通报了去年提案办理情况，共立案提案486件。')],
['other', j('委员建言：加快发展银发经济','今年两会上，全国政协委员张某带来了关于发展银发经济的提案。','他建议：完善养老服务体系。','记者 王某')],
];

describe('document types: as copied from a website', () => {
  for (const [want, text] of WEB) {
    it(`${want}: ${text.split('\n')[0]}`, () => {
      const g = detect(text);
      assert.strictEqual(g.type, want, JSON.stringify(g.signals));
      assert.deepStrictEqual(show(text), []);
    });
  }
});

// More page furniture (当前位置, 发布日期), a number after the title, a party on its own line, a government report on
// handling proposals, a 社情民意 signed “——民盟××市委”. The suggestions are written to be concrete where the
// structure rules should stay quiet.
const WEB2: [string, string][] = [
['proposal', j('当前位置：首页 > 提案工作 > 提案选登','发布日期：2024-01-05','关于加强城市内涝治理的提案（第123号）','提案人：陈伟','近年来我市汛期内涝频发，主城区有易涝点37处。','建议：','1、加快雨污分流改造，2026年底前完成老城区主干管网改造。','2、建设海绵城市示范片区。')],
['proposal', j('关于推动预制菜产业健康发展的建议','民建××市委会','预制菜产业发展迅速，但标准缺失、监管滞后。','一、制定地方标准。由市市场监管局牵头制定预制菜生产地方标准。','二、在高新区规划建设预制菜产业园，对入园企业前三年减免租金。','三、支持企业申报“××预制菜”区域公用品牌，给予每家20万元奖励。')],
['proposal', j('关于加强中小学心理健康教育的提案','提案者：九三学社市委','一、存在问题','1、专职心理教师配备不足，全市中小学专职心理教师仅126人。','2、心理健康课程开课率偏低。','二、建议','1、按师生比1:1000配齐专职心理教师。','2、将心理健康课纳入课程表，每两周不少于1课时。')],
['review-report', j('关于2024年市政协提案办理情况的报告','市政府办公室','2024年，市政府共承办市政协提案386件，已全部办结，办复率100%。','一、主要做法','（一）强化责任落实。','二、存在问题','个别承办单位沟通协商不够充分。','三、下一步打算','进一步提高提案办理质量。')],
['sqmy', j('关于尽快修复××路破损路面的建议','××区政协委员李某反映，××路部分路段路面破损严重，坑洼处积水，雨天车辆通行困难。','建议区住建局尽快组织修复，并在雨季前完成排水设施疏通。')],
['sqmy', j('社区团购“最后一公里”配送乱象亟待规范','——民盟××市委','近期，社区团购自提点数量快速增长，部分自提点设在居民楼道内，食品存放不符合卫生要求。','建议市场监管部门出台社区团购自提点管理办法，明确食品贮存条件。')],
];

describe('document types: more website shapes', () => {
  for (const [want, text] of WEB2) {
    it(`${want}: ${text.split('\n').find(l => /关于|亟待/.test(l))}`, () => {
      const g = detect(text);
      assert.strictEqual(g.type, want, JSON.stringify(g.signals));
      assert.deepStrictEqual(show(text), []);
    });
  }
});

describe('document types: Markdown drafts', () => {
  const md = (text: string) => lint(text, { rules: STRUCTURE_RULES, languageId: 'markdown' });
  it('a proposal with # title, **提案人**, ## 一、案由 / ## 二、建议 and a 1. list', () => {
    const text = j('# 关于加快县域冷链物流建设的提案', '', '**提案人**：刘建国（县政协委员）', '', '## 一、案由', '', '我县果蔬年产量超过40万吨，但冷库容量不足2万吨。', '', '## 二、建议', '', '1. 将冷链设施纳入县重点项目库，优先安排用地指标。', '2. 对新建冷库按每立方米100元给予补助。', '');
    const r = md(text);
    assert.deepStrictEqual([r.docType, r.docTypeInfo.template, r.diagnostics.length], ['proposal', 'proposal', 0]);
  });
  it('a 社情民意 with a question heading, the source line and a bold **建议**', () => {
    const text = j('# 农村客运班线为何“开不下去”？', '', '据市政协委员陈某反映：', '', '我市已有17条农村客运线路停开，群众出行困难。', '', '**建议**：对保留的农村客运班线按里程给予运营补贴，由市、县两级财政各承担一半。');
    const r = md(text);
    assert.deepStrictEqual([r.docType, r.docTypeInfo.template, r.diagnostics.length], ['sqmy', 'sqmy', 0]);
  });
});

// 对策： as the suggestion label, 联名委员, a “××区政协 供稿” source line, 现状／问题／建议 run-in labels.
const WEB3: [string, string][] = [
['proposal', j('关于加快发展银发经济的建议','联名委员：周敏、吴涛','我市60岁以上人口占比已达23.5%，但老年用品和服务供给不足。','对策：','1、制定银发经济发展三年行动计划，明确重点产业和扶持政策。','2、在市属国有企业中培育2至3家养老服务龙头企业。')],
['sqmy', j('关于加强老旧小区消防通道管理的建议','近期，部分老旧小区消防通道被私家车长期占用，一旦发生火情，消防车难以进入。','建议属地街道联合消防部门开展专项整治，施划消防通道标线，对占用车辆依法拖移。','××区政协 供稿')],
['proposal', j('关于推进城市更新中历史建筑保护的提案','提案人：民进××市委','现状：我市登记在册的历史建筑共218处，其中近三成处于闲置状态。','问题：部分历史建筑产权关系复杂，修缮资金难以落实。','建议：设立历史建筑保护利用专项资金，探索“认领保护”机制，2026年底前完成全部历史建筑的测绘建档。')],
];

describe('document types: more labels', () => {
  for (const [want, text] of WEB3) {
    it(`${want}: ${text.split('\n')[0]}`, () => {
      assert.strictEqual(detect(text).type, want);
      assert.deepStrictEqual(show(text), []);
    });
  }
});
