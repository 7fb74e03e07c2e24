import { testRule } from '../helpers/ruleTester';
import { countMismatch } from '../../src/rules/figures/count-mismatch';

const SEED_004 =
  '形成65份调研报告,提出加快制造业高质量发展、提升服务业发展水平、推动数字经济和实体经济深度融合、参与国内国际双循环、全面促进消费等6个方面意见建议。';

const SIX = [
  '### 强化“六个工作机制” 展示新气象新作为',
  '',
  '滨海新区政协坚持以党的二十大精神为统领,强化“六个工作机制”——',
  '',
  '强化党建引领机制,以政治自觉催生新干劲。发挥政协党组作用。',
  '',
  '强化学习提升机制,以思想淬炼焕发新气象。构建学习制度体系。',
  '',
  '强化调研协商机制,以履职质效体现新作为。完善协商工作格局。',
  '',
  '成高质量建言成果;增强提案工作实效。',
  '',
  '强化凝聚共识机制,以创建载体汇聚新合力。筑牢凝聚共识机制。',
  '',
  '强化服务民生机制,以为民情彰显新担当。践行人民政协为人民理念。',
  '',
  '强化自身建设机制,以过硬作风展示新面貌。加强自身建设。',
  '',
  '## 和平区政协',
  '',
  '### 突出“三个紧扣” 广泛凝聚共识',
  '',
  '紧扣政治引领,在团结统战中凝聚共识。区政协注重理论学习。',
  '',
  '紧扣民生福祉,在践行初心凝聚共识。坚持人民政协为人民。',
  '',
  '紧扣政治引领,在建言资政中凝聚共识。区政协坚持把增进共识贯穿履职始终。',
].join('\n');

const FIVE_ONES = '深入实施履职“五个一”行动,即年度内至少撰写一份学习心得、参与一次协商、开展一次调研、提交一件提案、助推办好一件民生实事,委员们在政协工作中积极作为。';

testRule(countMismatch, {
  valid: [
    { name: 'a number and a verb with the right count, or items not led by the verb, or followed by 一是……', text: '开展“三送”活动，即送政策、送技术、送健康。\n落实“三保”，即保基本民生、保工资、保运转。\n关于“三农”工作，当前应抓好以下工作。一是稳产保供；二是深化改革；三是强化科技；四是促进增收。' },
    // A list that modifies the noun; groups joined by 和.,
    '明确提出了推动全党不忘初心、牢记使命的六个方面要求。',
    '要兼顾好先进性、高端化和能复制、可推广两个方面。',
    // One is no count (等一大批, 每一个环节); a number after 这/上述 refers back; 数十 is approximate.
    '引进了特斯拉、通用电气、宝马等一大批外资企业。',
    '执法部门应将监管覆盖生产、流通、销售的每一个环节。',
    '它们最有价值、最具标志性意义，就是这三个方面。',
    '实现其在航空航天、气候气象等数十个领域的广泛应用。',
    SEED_004.replace('等6个方面', '等5个方面'),
    { name: 'one short after 等 in a news story: examples of a total', text: '本报讯 ' + SEED_004, lint: { docType: 'other' } },
    { name: 'news: two parks named of three protected areas', text: '本报讯 这里是体制试点区之一，包括古田山国家级自然保护区、钱江源国家森林公园等3个保护地，以及连接以上自然保护地的生态区域。' },
    SIX,
    FIVE_ONES,
    // 等 with a larger total is a non-exhaustive list.
    '聚焦群众关心的教育、文化、医疗等10个方面问题。',
    '从政治、经济、文化、社会四个方面提出建议。',
    '重点做好四方面工作：一是加强学习；二是深化协商；三是强化监督；四是改进作风。',
    // A number inside the last item is not an announcement (中央八项规定).
    '健全完善加强理论学习、落实中央八项规定精神等方面制度机制。',
    // An announcement at the end of a paragraph, then four numbered headings (政府工作报告 style).
    '今年要重点做好四个方面工作：\n（一）加强学习。\n（二）深化协商。\n（三）强化监督。\n（四）改进作风。\n二、其他工作',
    '主要做了四项工作。\n一是加强学习。\n学习的具体做法。\n二是深化协商。\n三是强化监督。\n四是改进作风。',
    // “十二五” is a plan, not a count.
    '“十二五”时期,经济发展、民生改善、生态保护、改革开放、科技创新、社会治理取得成就。',
  ],
  invalid: [
    { name: 'seed 004: five listed, 等6个方面 (a report: 等N closes the list)', text: SEED_004, lint: { docType: 'report' }, errors: [{ line: 1, column: 66, length: 5, message: '列举5项，与“6个方面”不符', severity: 'warning' }] },

    { name: 'more items than announced', text: '围绕教育、医疗、养老、就业等3个方面提出建议。', errors: [{ line: 1, column: 14, length: 5, message: '列举4项，与“3个方面”不符，列举项多于总数', severity: 'error' }] },
    { name: 'no 等: must be equal', text: '从政治、经济、文化、社会三个方面提出建议。', errors: [{ line: 1, column: 13, length: 4, message: '列举4项，与“三个方面”不符' }] },
    { name: 'a number and the verb each item begins with (“三送”: 送政策、送技术)', text: '组织委员开展“三送”活动，即送政策、送技术。', errors: [{ line: 1, column: 7, length: 4, message: '列举2项，与“三送”不符' }] },
    { name: '“五个一” with four items', text: FIVE_ONES.replace('、助推办好一件民生实事', ''), errors: [{ line: 1, column: 7, length: 5, message: '列举4项，与“五个一”不符' }] },
    {
      name: '“六个工作机制” with five paragraphs',
      text: SIX.replace('强化自身建设机制,以过硬作风展示新面貌。加强自身建设。', '以过硬作风展示新面貌。'),
      errors: [{ line: 3, column: 23, length: 8, message: '下文列出5项，与“六个工作机制”不符' }],
    },
    { name: '一是……四是 after 三方面', text: '重点做好三方面工作：一是加强学习；二是深化协商；三是强化监督；四是改进作风。', errors: [{ line: 1, column: 5, length: 3, message: '列出4项，与“三方面”不符' }] },
    {
      name: 'eight 方面 announced, four numbered headings follow',
      text: '今年要重点做好三个方面工作：\n（一）加强学习。\n（二）深化协商。\n（三）强化监督。\n（四）改进作风。\n二、其他工作',
      errors: [{ line: 1, column: 8, length: 4, message: '下文列出4项，与“三个方面”不符，列举项多于总数' }],
    },
    { name: '四项 announced, 一是……三是 follow', text: '主要做了四项工作。\n一是加强学习。\n二是深化协商。\n三是强化监督。\n四、其他', errors: [{ line: 1, column: 5, length: 2, message: '下文列出3项，与“四项”不符' }] },
    {
      name: '一是 in the same paragraph after 。 (政府工作报告 2016, broken)',
      text: '努力改善产品和服务供给。突出抓好四个方面。一是提升消费品品质。二是促进制造业升级。三是加快服务业发展。',
      errors: [{ line: 1, column: 17, length: 4, message: '列出3项，与“四个方面”不符' }],
    },
    { name: '—— paragraphs', text: '突出了以下三个方面。\n——保持经济中高速增长。\n——创新驱动发展。\n正文。', errors: [{ line: 1, column: 6, length: 4, message: '下文列出2项' }] },
    { name: 'juxtaposed quotations', text: '开展“送医下基层”“文化进社区”等三项活动。', errors: [{ line: 1, column: 17, length: 3, message: '列举2项，与“三项”不符' }] },
  ],
});
