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
    { name: 'shares of traits that may overlap (女委员, 党外委员) are not a partition', text: '全市共有政协委员450名，其中女委员占30%、党外委员占75%。' },
    { name: 'shares of a partition adding up to 100% within rounding', text: '提案中，经济类占33.4%、社会类占33.3%、文化类占33.4%。' },
    { name: 'shares of a partition under 100%', text: '第一产业占8.5%、第二产业占40.1%、第三产业占51.4%。' },
    { name: 'shares of different wholes (分别占)', text: '城镇和农村人口分别占60%和45%，城镇占60%，农村占45%。' },
    // Ratios that may exceed 100% by their nature.
    '银行拨备覆盖率为183.2%。',
    '全年投资任务完成率达到112%，产值增长率为135%。',
    { name: 'rates that may exceed the whole: self-sufficiency, contribution to growth, recovery', text: '全省粮食自给率达到105%，消费对经济增长的贡献率为112%，旅游客流恢复率达到103%。' },
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
    {
      name: 'shares of a partition by class (经济类、社会类……) adding up to more than 100%',
      text: '提案中，经济类占38.5%、社会类占35.2%、文化类占18.6%、其他类占12.3%。',
      errors: [{ line: 1, column: 39, length: 5, message: '经济类、社会类、文化类、其他类所占比例合计104.6%（38.5%+35.2%+18.6%+12.3%），超过100%' }],
    },
    {
      name: 'a share and its complement (中共党员 / 非中共人士) adding up to more than 100%',
      text: '全市共有政协委员450名，其中中共党员占40%，非中共人士占65%。',
      errors: [{ line: 1, column: 31, length: 3, message: '中共党员、非中共人士所占比例合计105%（40%+65%），超过100%' }],
    },
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
