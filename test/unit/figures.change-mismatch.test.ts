import { testRule } from '../helpers/ruleTester';
import { changeMismatch } from '../../src/rules/figures/change-mismatch';

testRule(changeMismatch, {
  valid: [
    { name: 'now, then the base 比上年的…: a change that fits', text: '提案办复率达98%，比上年的92%提高6个百分点。全年接待来访群众1.2万人次，比2022年的1万人次增长20%。' },
    { name: '比上年增长 without the base figure: nothing to check', text: '参加培训的委员1200人次，比上年增长20%。' },
    { name: 'years that date A and B, the change fits', text: '全市GDP由2022年的1200亿元增加到2023年的1300亿元，增长8.3%。' },
    '提案办复率从2023年的92%提高到98%，提高了6个百分点。',
    '议政性常委会会议由4次增加到6次，增长了50%。',
    '贫困发生率从10.2%下降到0.6%，下降了9.6个百分点。',
    { name: 'rounded figures: each may be rounded as written (1860万, 1.2亿)', text: '装机从1860万千瓦增至1.2亿千瓦，增长545.2%。' },
    { name: 'a yearly average is not B against A', text: '游客从1100万人次增长到1598万人次，年均增长24.3%。' },
    { name: 'a change against another base (同比)', text: '收入由2.1万元提高到2.9万元，同比增长19%。' },
    { name: 'a relative change between percentages that is right', text: '委员履职参与率由80%提高到90%，提高了12.5%。' },
    { name: 'truncation to the precision written', text: '收入由3万元提高到4万元，增长33.3%。' },
    { name: 'rough figures are not computed', text: '活动由约40次增加到60次，增长了80%。' },
    { name: 'a rank: fewer places is better', text: '营商环境世界排名从2014年的96位上升到31位。' },
    { name: 'multiples (倍) are not checked', text: '产值由2亿元增加到6亿元，增长了2倍。' },
    { name: 'a decrease stated with a decrease', text: '事故由20起减少到15起，下降25%。' },
    '全市提案由300件增加到360件，增加了60件。',
  ],
  invalid: [
    {
      name: 'years that date A and B (由2022年的A增加到2023年的B), then a growth that does not fit',
      text: '全市GDP由2022年的1200亿元增加到2023年的1300亿元，增长10%。',
      errors: [{ line: 1, column: 37, length: 3, message: '由1200亿元增加到1300亿元，增长约8.3%，文中写作“10%”，请核对' }],
    },
    {
      name: 'now, then the base (比上年的A), then a growth that does not fit',
      text: '组织视察调研23次，比上年的18次增长了35%。',
      errors: [{ line: 1, column: 21, length: 3, message: '23次比18次，增长约27.8%，文中写作“35%”，请核对' }],
    },
    {
      name: 'now less than the base, written as growth',
      text: '组织视察调研23次，比上年的28次增长了22%。',
      errors: [{ line: 1, column: 21, length: 3, message: '23次比28次少，与“增长”相反，请核对数字或用词' }],
    },
    {
      name: 'percentage points that do not match',
      text: '提案办复率从2023年的92%提高到98%，提高了8个百分点。',
      errors: [{ line: 1, column: 26, length: 5, message: '由92%提高到98%，相差6个百分点，文中写作“8个百分点”，请核对' }],
    },
    {
      name: 'a growth rate that does not match',
      text: '议政性常委会会议由2023年的4次增加到6次，增长了80%。',
      errors: [{ line: 1, column: 27, length: 3, message: '由4次增加到6次，增长约50%，文中写作“80%”，请核对' }],
    },
    {
      name: 'the difference of two percentages written with %',
      text: '委员履职参与率由85%提高到93%，提高了8%。',
      errors: [{ line: 1, column: 22, length: 2, severity: 'warning', message: '由85%提高到93%，两个百分比之差应写作“8个百分点”，而不是“8%”（按增长幅度计算约为9.4%）' }],
      output: '委员履职参与率由85%提高到93%，提高了8个百分点。',
    },
    {
      name: 'a difference in the unit of the figures',
      text: '全市提案由300件增加到360件，增加了50件。',
      errors: [{ line: 1, column: 21, length: 3, message: '由300件增加到360件，增加60件，文中写作“50件”，请核对' }],
    },
    {
      name: 'the figures go the other way than the verb',
      text: '议政性常委会会议由6次增加到4次。',
      errors: [{ line: 1, column: 15, length: 2, message: '由6次“增加”到4次：数字变小了，与“增加”相反，请核对数字或用词' }],
    },
    {
      name: 'a decrease that does not match',
      text: '事故由20起减少到15起，下降了20%。',
      errors: [{ line: 1, column: 17, length: 3, message: '由20起减少到15起，下降约25%，文中写作“20%”，请核对' }],
    },
  ],
});
