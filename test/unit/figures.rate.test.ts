import { testRule } from '../helpers/ruleTester';
import { rate, rateAgrees } from '../../src/rules/figures/rate';
import * as assert from 'assert';

describe('figures/rate: rateAgrees', () => {
  it('accepts rounding and truncation to the stated precision', () => {
    assert.ok(rateAgrees(21.9, 1, 127, 581)); // 21.858…
    assert.ok(rateAgrees(21.8, 1, 127, 581)); // truncated
    assert.ok(rateAgrees(22, 0, 127, 581));
    assert.ok(!rateAgrees(31.9, 1, 127, 581));
    assert.ok(rateAgrees(96.6, 1, 1008, 1043)); // 96.644…
  });
});

testRule(rate, {
  valid: [
    // Ratios that may exceed 100% by their nature.
    '银行拨备覆盖率为183.2%。',
    '全年投资任务完成率达到112%，产值增长率为135%。',
    // Seed 004 and 001 as published.
    '全年收到提案1501件,立案1307件,并案交办的1085件提案已全部办结,提案办理满意率达97.9%。',
    '立案交办提案864件,办复率和委员满意率均为100%。',
    '提交提案1043件,经审查立案1008件,立案率96.6%。',
    '向全国政协报送581期,采用127期,采用率21.9%。',
    '组织委员培训300人次,其中常委培训120人次,占40%。',
    { name: 'a figure that is a multiple of another, not a share (相当于……的, 增长到……的)', text: '全年收入相当于去年的120%，投资增长到上年的105%。' },
    // Growth can exceed 100%.
    '跨境电商进出口额增长150%。',
    // Approximate figures are not computed.
    '组织委员培训300余人次,其中常委培训120人次,占50%。',
    // A subset named after 其中 is the base of the share.
    '全省贫困劳动力255.2万人，其中有就业意愿的187.4万人，已转移就业186.4万人，占比99.5%。',
  ],
  invalid: [
    { name: 'a satisfaction rate above 100%', text: '提案办理满意率达107.9%。', errors: [{ line: 1, column: 9, length: 6, message: '提案办理满意率107.9%超过100%' }] },
    { name: 'a share above 100%', text: '第一段。\n民营经济占比为120%。', errors: [{ line: 2, column: 8, length: 4, message: '民营经济占比120%超过100%' }] },
    {
      name: 'a share of a named whole above 100% (占……的N%)',
      text: '参加活动的委员达到1200人，占委员总数的120%。',
      errors: [{ line: 1, column: 22, length: 4, message: '占委员总数的120%超过100%：比率、占比不能大于100%，请核对' }],
    },
    {
      name: '立案率 disagrees with the two counts',
      text: '全年收到提案1000件,立案900件,立案率95%。',
      errors: [{ line: 1, column: 23, length: 3, message: '立案率95%与所给数字不符：900件÷1000件≈90.0%' }],
    },
    {
      name: '采用率 disagrees',
      text: '向全国政协报送581期,采用127期,采用率31.9%。',
      errors: [{ line: 1, column: 23, length: 5, message: '127期÷581期≈21.9%' }],
    },
    {
      name: '其中……占X%',
      text: '组织委员培训300人次,其中常委培训120人次,占45%。',
      errors: [{ line: 1, column: 26, length: 3, message: '占比45%与所给数字不符：120人次÷300人次≈40.0%' }],
    },
    {
      name: '其中 with a subset: a share that agrees with neither base',
      text: '全省贫困劳动力255.2万人，其中有就业意愿的187.4万人，已转移就业186.4万人，占比90.5%。',
      errors: [{ line: 1, column: 47, length: 5, message: '占比90.5%与所给数字不符：186.4万人÷255.2万人≈73.0%' }],
    },
  ],
});
