import { testRule } from '../helpers/ruleTester';
import { sessionConsistency } from '../../src/rules/figures/session-consistency';

testRule(sessionConsistency, {
  valid: [
    { name: 'sessions since earlier ones of the report’s term, and a coming one without 以来', text: '政协某市委员会常务委员会工作报告\n——2024年1月15日在政协某市第十届委员会第三次会议上\n\n各位委员：\n\n市政协十届二次会议以来，共收到提案412件。十届一次会议以来，立案386件。市政协十届四次会议将于明年召开。' },
    '2021年1月召开的市政协五届四次会议期间,组织委员协商议政。2020年市政协五届三次会议上,委员提交提案。',
    // Seed 000: 市委 plenums and 中共 sessions are not annual plenary sessions of the same body.
    '学习市委十一届六次、七次全会和市委政协工作会议精神。全面贯彻中共十九大和十九届二中、三中、四中全会精神。',
    '政协五届四次会议期间,组织委员围绕科学制定“十四五”规划深入协商议政。',
    // Other forms (全国政协 2020, 省政府工作报告 2025).
    '（2020年5月27日政协第十三届全国委员会第三次会议通过）。政协十三届二次会议以来。',
    '2025年1月18日在河南省第十四届人民代表大会第三次会议上。2023年河南省第十四届人民代表大会第一次会议。',
    // The term before, named as such.
    '市政协十五届一次会议以来。市政协十五届常委会。市政协十五届委员。\n回顾上届市政协十四届的工作。',
    // Different years may belong to different terms.
    '2022年市政协十四届五次会议。2023年1月召开的市政协十五届一次会议。',
  ],
  invalid: [
    {
      name: 'a session “since” which comes after the one the report is given at',
      text: '政协某市委员会常务委员会工作报告\n——2024年1月15日在政协某市第十届委员会第三次会议上\n\n各位委员：\n\n过去一年，市政协十届二次会议以来，共收到提案412件。市政协十一届一次会议以来，立案386件。',
      errors: [{ line: 6, column: 31, length: 7, message: '本报告在十届三次会议上所作，“十一届一次会议以来”指的是尚未召开的会议，请核对届次、会次' }],
    },
    {
      name: 'the session does not follow the year',
      text: '2021年1月召开的市政协五届四次会议期间,组织委员协商议政。2020年市政协五届二次会议上,委员提交提案。',
      errors: [{ line: 1, column: 37, length: 9, message: '2020年应为五届三次会议' }],
    },
    {
      name: '第十四届人民代表大会 with the wrong session for its year',
      text: '2025年1月18日在河南省第十四届人民代表大会第三次会议上。2024年河南省第十四届人民代表大会第一次会议。',
      errors: [{ line: 1, column: 40, length: 15, message: '2024年应为十四届二次会议' }],
    },
    {
      name: 'one 十四届 among the 十五届 of seed 001',
      text: '市政协十五届一次会议以来。市政协十五届常委会。市政协十五届委员。\n市政协十四届一次会议以来立案交办提案864件。',
      errors: [{ line: 2, column: 4, length: 3, message: '市政协届次前后不一：此处为“十四届”，文中其余3处均为十五届' }],
    },
    {
      name: '十四届 and 十五届 in the same year',
      text: '2023年1月召开的市政协十五届一次会议。\n2023年市政协十四届一次会议选举产生新一届领导班子。',
      errors: [{ line: 2, column: 9, length: 3, message: '此处为十四届，前文为十五届' }],
    },
  ],
});
