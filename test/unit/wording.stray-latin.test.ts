import { testRule } from '../helpers/ruleTester';
import { strayLatin } from '../../src/rules/wording/stray-latin';

testRule(strayLatin, {
  valid: [
    { name: 'a screen name after the word that announces it; a programming language', text: '网友angela说：去了更远的地方。课程包括开源硬件基础、python程序设计等。' },
    '建成5G基站3万个，开发政务APP，GDP增长5.2%，PM2.5平均浓度下降，CPI上涨0.2%。',
    '发展AI产业，举办APEC会议，加入WTO，创建5A级景区，LED路灯全覆盖，A股上市，B超检查，N95口罩。',
    '推广iPhone手机和WeChat小程序，实现Wi-Fi全覆盖，设计logo。',
    '人工智能（artificial intelligence）正在改变生产方式。',
    '《The Economist》报道了这一进展。',
    '推进“smart city”建设。',
    'This is an English sentence and it stays quiet.',
    '详见 https://www.example.com/and/report 页面。',
    '联系邮箱 office@zhengxie.gov.cn 。',
    '会见了 Smith 先生。',
    { name: 'option allow', text: '推进smart城市建设', options: { allow: ['Smart'] } },
  ],
  invalid: [
    { name: 'a function word after 网友 is still stray', text: '网友 and 读者都参加了活动。', errors: [{ line: 1, column: 3, length: 5, message: '“and”' }], output: '网友和读者都参加了活动。' },
    {
      name: 'seed 004: 精神 and 中共',
      text: '以学习贯彻习近平总书记“七一”重要讲话精神 and 中共十九届六中全会精神为重点',
      errors: [{ line: 1, column: 22, length: 5, message: '英文单词“and”，应写作“和”' }],
      output: '以学习贯彻习近平总书记“七一”重要讲话精神和中共十九届六中全会精神为重点',
    },
    {
      name: 'an English content word: reported, no fix',
      text: '加强 management 工作',
      errors: [{ line: 1, column: 3, length: 12, message: '应改用中文表述' }],
    },
    { name: 'the is deleted', text: '二、工作要求\n推动the发展', errors: [{ line: 2, column: 3, length: 3, message: '应删去' }], output: '二、工作要求\n推动发展' },
    { name: 'capitalised function word', text: '精神And中共', errors: [{ line: 1, column: 3, length: 3 }], output: '精神和中共' },
    { name: 'after ASCII punctuation (pasted text)', text: '新时代, with 新作为', errors: [{ line: 1, column: 6, length: 5 }], output: '新时代, 与新作为' },
  ],
});
