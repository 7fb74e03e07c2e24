import { testRule } from '../helpers/ruleTester';
import { timeBound } from '../../src/rules/formulation/time-bound';
import { defaultConfig } from '../../src/core/types';

const dated = (d: string) => ({ config: { ...defaultConfig(), documentDate: d } });

testRule(timeBound, {
  valid: [
    { text: '深入学习贯彻中共十九届六中全会精神', lint: dated('2022-01') },
    { name: 'no date known: quiet', text: '学习贯彻中共十九届七中全会精神' },
    { name: 'the reform era is still 新时期', text: '开辟了改革开放和社会主义现代化建设新时期中国特色社会主义的道路', lint: dated('2021') },
    { name: '新时期 in its general sense is not a formulation', text: '就做好新时期城市民族工作开展协商，新时期的安徽人正在奋进。', lint: dated('2020-05') },
    { name: '新时代“枫桥经验” written right', text: '在社会基层坚持和发展新时代“枫桥经验”。', lint: dated('2020-05') },
    { name: 'a congress can be anticipated', text: '以优异成绩迎接中共二十大胜利召开', lint: dated('2022-01') },
    { name: 'a plan is drafted before it starts', text: '为科学编制“十四五”规划建言献策', lint: dated('2019') },
    { text: '为全面建成小康社会作出新的贡献', lint: dated('2020-01') },
    { name: 'combined plenums, all held', text: '全面贯彻中共十九大和十九届二中、三中、四中全会精神', lint: dated('2020-01') },
    // A date estimated from the plan or review year is early in the year, up to March (government work reports).
    { name: 'a plan-year date: a plenum held in February of that year', text: '二、2018年工作安排\n深入贯彻中共十九届三中全会精神。' },
    { name: 'a first-half review is written within its year', text: '区政协2024年上半年工作总结\n\n学习贯彻中共二十届三中全会精神。' },
    { name: 'a chronicle of past years gives no plan year', text: '2012年，党的十八大将生态文明建设纳入总体布局。2015年，生态文明建设首次写进五年规划。2020年是“十三五”规划收官之年。' },
    { name: 'a review-year date: a session held in March of the next year', text: '一、2017年工作回顾\n学习贯彻中共十九届三中全会精神。' },
  ],
  invalid: [
    {
      name: '新时期中国特色社会主义 after the 19th congress',
      text: '夺取新时期中国特色社会主义伟大胜利。',
      lint: dated('2020-05'),
      errors: [{ line: 1, column: 3, length: 11, message: '现应为“新时代中国特色社会主义”' }],
      output: '夺取新时代中国特色社会主义伟大胜利。',
    },
    {
      name: '新时期加强和改进人民政协工作 after the 19th congress',
      text: '贯彻中共中央关于新时期加强和改进人民政协工作的意见。',
      lint: dated('2020'),
      errors: [{ line: 1, column: 9, length: 8, message: '现应为“新时代加强和改进”' }],
      output: '贯彻中共中央关于新时代加强和改进人民政协工作的意见。',
    },
    {
      name: '新时期 inside the exact context of a new-era formulation (枫桥经验)',
      text: '在社会基层坚持和发展新时期“枫桥经验”。',
      lint: dated('2020-05'),
      errors: [{ line: 1, column: 11, length: 9, message: '现应为“新时代“枫桥经验””' }],
      output: '在社会基层坚持和发展新时代“枫桥经验”。',
    },
    {
      name: '党在新时期的强军目标 after the 19th congress',
      text: '确立党在新时期的强军目标。',
      lint: dated('2020-05'),
      errors: [{ line: 1, column: 3, length: 10, message: '现应为“党在新时代的强军目标”' }],
      output: '确立党在新时代的强军目标。',
    },
    {
      name: 'a plenum after the document date',
      text: '学习贯彻中共十九届七中全会精神。',
      lint: dated('2022-01'),
      errors: [{ line: 1, column: 7, length: 7, message: '2022年10月召开' }],
    },
    {
      name: 'one plenum of a combined list',
      text: '全面贯彻中共十九大和十九届二中、三中、四中全会精神',
      lint: dated('2019-06'),
      errors: [{ line: 1, column: 20, length: 2, message: '十九届四中全会' }],
    },
    {
      name: 'date inferred from the review heading (2019年主要工作 → 2020)',
      text: '一、2019年主要工作\n为“十五五”开好局。',
      errors: [{ line: 2, column: 3, length: 3, message: '依据工作回顾的年份' }],
    },
    {
      name: 'a plan-year date: a plenum held after March of that year',
      text: '二、2018年工作安排\n深入贯彻中共十九届三中全会精神，学习十九届四中全会精神。',
      errors: [{ line: 2, column: 19, length: 7, message: '文稿日期为2018年初（依据标题），而中共十九届四中全会于2019年10月召开' }],
    },
    {
      name: 'a first-half review: a plenum of the next year',
      text: '区政协2024年上半年工作总结\n\n学习贯彻中共二十届四中全会精神。',
      errors: [{ line: 3, column: 7, length: 7, message: '文稿日期为2024年（依据工作回顾的年份）' }],
    },
    {
      name: 'an explicit dateline is precise to the month',
      text: '2018年1月5日\n深入贯彻中共十九届三中全会精神。',
      errors: [{ line: 2, column: 7, length: 7, message: '文稿日期为2018年1月（依据文中日期）' }],
    },
    {
      name: 'an outdated formulation with its successor',
      text: '为全面建设小康社会而奋斗',
      lint: dated('2015'),
      errors: [{ line: 1, column: 2, length: 8, message: '全面建成小康社会' }],
      output: '为全面建成小康社会而奋斗',
    },
    {
      name: 'a reached goal written as still ahead',
      text: '为决胜全面建成小康社会作出新贡献',
      lint: dated('2022-01'),
      errors: [{ line: 1, column: 2, length: 10 }],
    },
  ],
});
