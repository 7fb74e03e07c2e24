import { testRule } from '../helpers/ruleTester';
import { sumMismatch } from '../../src/rules/figures/sum-mismatch';

const SEED_001 =
  '市政协认真落实经中共天津市委常委会同意的《政协天津市委员会2023年协商计划》,确定10个重点协商议题:2次专题议政性常委会会议,以“推动制造业高端化智能化绿色化发展”“全面推进法治天津建设,提升治理体系和治理能力现代化水平”为议题,组织调研、视察、座谈20余场,形成调研报告237篇、大会发言49篇;8次专题协商会议题涉及建设智慧城市、建设天开高教科创园、促进津港澳合作等,形成协商成果204篇,凝炼提出有针对性的具体建议39条。';

testRule(sumMismatch, {
  valid: [
    // A total of one, numbered phases and days of the month are no sums.,
    '我们交出了一份成绩单：经济增长6.6%；就业增加1361万人。',
    '工程分两期实施：一期工程已建成；二期工程正在建设。',
    '学校迎来两件大事：27日，20多名教授获颁纪念章；26日，新校区启用。',
    SEED_001,
    '确定十个重点协商议题：两次专题议政性常委会会议；八次专题协商会。',
    // Approximate parts are not added up.
    '全年开展协商活动40余次:专题协商20余次;对口协商10次。',
    { name: 'a list and its total that agree', text: '全年安排专题协商会3次、对口协商会4次、提案办理协商会5次，共计协商活动12次。' },
    { name: 'an open list (等) or a wider class (各类) in the total', text: '全年安排专题协商会3次、对口协商会4次等，共计协商活动11次。召开全体会议1次、常委会议4次，共召开各类会议20次。' },
    { name: 'parts in another unit than the total', text: '组织视察3次、调研4项，共计形成报告11篇。' },
    // A colon without a list of figures.
    '确定10个重点协商议题:涉及经济、社会等领域。',
  ],
  invalid: [
    {
      name: 'parts listed with 、 and then a total that is not their sum',
      text: '全年安排专题协商会3次、对口协商会4次、提案办理协商会5次，共计协商活动11次。',
      errors: [{ line: 1, column: 37, length: 3, message: '所列各项合计12次（3+4+5），与总数“11次”不符，请核对总数或分项' }],
    },
    {
      name: 'seed 001 with 7 instead of 8',
      text: SEED_001.replace('8次专题协商会', '7次专题协商会'),
      errors: [{ line: 1, column: 43, length: 3, message: '分项合计9（2+7），与总数“10个”不符' }],
    },
    {
      name: 'Chinese numerals',
      text: '第一段。\n确定十个重点协商议题：两次专题议政性常委会会议；九次专题协商会。',
      errors: [{ line: 2, column: 3, length: 2, message: '分项合计11（2+9）' }],
    },
  ],
});
