import { testRule } from '../helpers/ruleTester';
import { repeatedParallelItem } from '../../src/rules/figures/repeated-parallel-item';

const SEED_002 = [
  '### 突出“三个紧扣” 广泛凝聚共识',
  '',
  '和平区政协坚持把加强思想政治引领、广泛凝聚共识作为履职工作中心环节。',
  '',
  '紧扣政治引领,在团结统战中凝聚共识。区政协注重理论学习,构建多层次常态化学习制度体系。',
  '',
  '紧扣民生福祉,在践行初心凝聚共识。坚持“人民政协为人民”,区政协搭建为民服务平台。',
  '',
  '紧扣政治引领,在建言资政中凝聚共识。区政协坚持把增进共识贯穿履职始终。',
].join('\n');

testRule(repeatedParallelItem, {
  valid: [
    { name: 'a table of contents and its body: the same number and title again', text: '目录\n一、粮食安全成就\n二、粮食安全之路\n\n一、粮食安全成就\n正文。\n二、粮食安全之路\n正文。' },
    { name: 'numbered lists that start again at (一) are other lists', text: '第一条 有下列情形之一的，予以处罚：\n（一）未经许可擅自开展经营活动\n（二）伪造许可证件\n第二条 有下列情形之一的，从重处罚：\n（一）拒不改正\n（二）未经许可擅自开展经营活动' },
    { name: 'the same title under two parents', text: '一、存在问题\n（一）资金不足\n（二）人才短缺\n二、建议\n（一）资金不足\n（二）加强培训' },
    // Figures repeat in a list of results.,
    '一至四季度，经济增速分别为6.4%、6.2%、6.0%、6.0%。',
    // Repetition on purpose: every item the same, speech attribution as a lead, two lists joined by a long item.
    '雨点落下来，滴答、滴答，敲在窗台上。',
    '市长说，要抓好春耕备耕。各地迅速行动。\n市长强调，要保障农资供应。农资企业加紧生产。\n市长说，要做好防汛准备。各地提前部署。',
    '从经济建设、政治建设、文化建设三位一体发展为经济建设、政治建设、文化建设、社会建设四位一体。',
    SEED_002.replace('紧扣政治引领,在建言资政中', '紧扣履职尽责,在建言资政中'),
    // Anaphora repeats on purpose (政府工作报告 2018, 政治决议 2020).
    '五年来，经济结构出现重大变革。\n五年来，创新驱动发展成果丰硕。\n五年来，改革开放迈出重大步伐。',
    '会议认为，一年来成绩显著。\n会议强调，要坚持党的领导。\n会议强调，要加强团结。\n会议号召，各方共同努力。',
    '重点做好三方面工作：一是加强理论学习，提高能力；二是深化协商议政，提高质量；三是强化民主监督。',
    '关注教育、医疗、养老、就业等问题。',
  ],
  invalid: [
    {
      name: 'two numbered headings under one parent with the same title',
      text: '三、意见建议\n（一）加强预付费资金监管。\n（二）畅通投诉渠道。\n（三）加强预付费资金监管。',
      errors: [{ line: 4, column: 1, length: 12, message: '同级标题“（三）加强预付费资金监管”与前面的“（一）加强预付费资金监管”重复' }],
    },
    {
      name: 'seed 002: the third 紧扣 repeats the first',
      text: SEED_002,
      errors: [{ line: 9, column: 1, length: 17, message: '第3项“紧扣政治引领”与第1项重复' }],
    },
    {
      name: '一是 and 三是 open alike',
      text: '重点做好三方面工作：一是加强理论学习，提高能力；二是深化协商议政，提高质量；三是加强理论学习，增强本领。',
      errors: [{ line: 1, column: 39, length: 8, message: '“三是加强理论学习”与“一是加强理论学习”重复' }],
    },
    { name: 'the same item twice in a 、-list', text: '关注教育、医疗、养老、医疗等问题。', errors: [{ line: 1, column: 12, length: 2, message: '列举项“医疗”重复出现（第2项与第4项）' }] },
  ],
});
