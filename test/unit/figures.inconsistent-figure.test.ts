import { testRule } from '../helpers/ruleTester';
import { inconsistentFigure } from '../../src/rules/figures/inconsistent-figure';

// Seed 001 states 立案交办提案864件 twice.
const SEED_001 =
  '市区两级政协委员齐上阵,积极开展委员履职“服务为民”活动100余项;立案交办提案864件,办复率和委员满意率均为100%;向全国政协和市委、市政府报送社情民意信息229期。\n' +
  '写好提案,让提案接上地气。市政协十五届一次会议以来立案交办提案864件,广泛涉及关乎天津发展的重大问题和群众关心的现实问题,办复率和委员满意率均为100%。';

testRule(inconsistentFigure, {
  valid: [
    {
      name: 'not totals: figures beside others of the same unit in their sentences, or one stage of the work (完成) against another (开展)',
      text: '市政协组织视察调研28次，召开协商会议12次。\n各专委会开展视察调研26次，召开座谈会8次。\n全年共开展调研课题15项，共完成调研课题12项。',
      lint: { docType: 'report' },
    },
    // The same named quantity stated alike; 不予立案 is not 立案.
    '一年来，全市政协委员共提交提案612件，经审查立案568件。\n全年共收到提案612件，立案568件。',
    '全年共收到提案612件，立案568件，不予立案44件。\n其中不予立案40件转为意见建议。',
    // A list of cases or people, each with its own figure; two periods; cohort labels.
    '一是侦破甲案，抓获涉案犯罪嫌疑人144名。\n二是侦破乙案，抓获涉案犯罪嫌疑人104名。\n三是侦破丙案，抓获涉案犯罪嫌疑人37名。',
    '1月1日至10日，全国邮政行业投递包裹5293万件。\n1月21日至2月10日，全国邮政行业投递包裹16.1亿件。',
    '王某是城市规划学院2015级本科生。\n李某是城市规划学院2017级本科生。',
    SEED_001,
    // Different years are different figures.
    '一、2019年主要工作\n立案交办提案864件。\n三、2020年工作安排\n力争立案交办提案900件。',
    // Parts of different wholes (政府工作报告 2012): several figures of one unit in a sentence.
    '实施城镇居民社会养老保险试点，1334万人参保，641万人领取养老金。开展新型农村社会养老保险试点，3.58亿人参保，9880万人领取养老金。',
    // A scope (在……方面) makes it a part (全国政协提案工作报告 2020).
    '在经济建设方面，围绕贯彻新发展理念等，提出提案1756件。\n在社会建设方面，围绕精准脱贫等，提出提案1185件。',
    // Approximate figures are not compared.
    '组织各类协商会议40余次。\n全年组织各类协商会议45次。',
    // 一 with a measure word is an article; 90年代 is a decade.
    '全国人大常委会办公厅确定了20项重点督办建议。\n“减轻中小学生课外负担”是教育部牵头承办的一项重点督办建议。',
    '自上世纪80年代中后期起，我们开始研究两系法杂交稻。\n自上世纪90年代中后期起，我们开始超级杂交稻攻关。',
    {
      name: 'a news story: the same phrase counting different things (figures more than one digit apart)',
      text: '本报讯 公安机关共捣毁境内诈骗窝点5126个，抓获犯罪嫌疑人16.3万名。同时，协调当地警方捣毁境外诈骗窝点70个，抓获犯罪嫌疑人4276名。\n党的委员会由党员代表大会选举产生，每届任期一般为5年。党的总支部委员会由党员大会选举产生，每届任期一般为3年。',
    },
    {
      name: 'list items without a total before them, in a report, are parts (not compared)',
      text: '一年来，召开全体会议1次、常委会会议4次、主席会议12次。\n专题协商中，常委会会议召开2次。',
      lint: { docType: 'report' },
    },
  ],
  invalid: [
    {
      name: 'the year named before the subject (本年度, 全年) does not change what is counted',
      text: '全年共收到提案420件，立案398件。\n\n其他说明。\n\n本年度共收到提案410件。',
      errors: [{ line: 5, column: 9, length: 4, message: '“本年度共收到提案410件”与前文“共收到提案420件”不一致' }],
    },
    {
      name: 'an item of a list a total opens (共召开……、常委会会议4次) against the same meeting counted with 共召开 after it',
      text: '一年来，共召开全体会议1次、常委会会议4次、主席会议12次。\n常委会会议共召开5次，审议通过各项报告。',
      lint: { docType: 'report' },
      errors: [{ line: 2, column: 9, length: 2, message: '“常委会会议共召开5次”与前文“常委会会议4次”不一致' }],
    },
    {
      name: 'a total stated twice in a report with another verb for doing it (组织 / 开展), other figures in its sentence',
      text: '过去一年，市政协共组织视察调研28次，召开协商会议12次。\n全年开展视察调研共计26次，形成调研报告18篇。',
      lint: { docType: 'report' },
      errors: [{ line: 2, column: 9, length: 5, message: '“开展视察调研共计26次”与前文“市政协共组织视察调研28次”不一致' }],
    },
    {
      name: 'a named quantity stated twice, each time beside the next stage (提交 612, 收到 621)',
      text: '一年来，全市政协委员共提交提案612件，经审查立案568件。\n提案工作扎实推进。全年共收到提案621件，立案568件。',
      errors: [{ line: 2, column: 17, length: 4, message: '“共收到提案621件”与前文“全市政协委员共提交提案612件”不一致' }],
    },
    {
      name: 'seed 001 with 865 the second time',
      text: SEED_001.replace('以来立案交办提案864件', '以来立案交办提案865件'),
      errors: [{ line: 2, column: 32, length: 4, message: '“立案交办提案865件”与前文“立案交办提案864件”不一致' }],
    },
    {
      name: 'a news story: figures one digit apart are a hint',
      text: '本报讯 信阳依托450个驻外党组织，推动党员找组织。\n光山县将会议精神通过微信等方式向45个驻外党组织及时传达。',
      errors: [{ line: 2, column: 17, length: 3, severity: 'info', message: '“驻外党组织45个”与前文“驻外党组织450个”不一致' }],
    },
    {
      name: 'the same figures in a report are compared',
      text: '党的委员会由党员代表大会选举产生，每届任期一般为5年。党的总支部委员会由党员大会选举产生，每届任期一般为3年。',
      lint: { docType: 'report' },
      errors: [{ line: 1, column: 53, length: 2, severity: 'warning', message: '“每届任期一般3年”与前文“每届任期一般5年”不一致' }],
    },
    {
      name: 'a rate stated twice',
      text: '提案办理委员满意率为97.9%。\n全年提案办理委员满意率为98.9%。',
      errors: [{ line: 2, column: 13, length: 5, message: '“提案办理委员满意率98.9%”与前文“提案办理委员满意率97.9%”不一致' }],
    },
  ],
});
