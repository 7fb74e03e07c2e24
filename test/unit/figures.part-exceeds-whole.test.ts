import { testRule } from '../helpers/ruleTester';
import { partExceedsWhole } from '../../src/rules/figures/part-exceeds-whole';

testRule(partExceedsWhole, {
  valid: [
    { name: 'parts joined by a change are one thing at two times', text: '首届展会总面积30万平方米，今年达到36万平方米。其中企业展从27万平方米增至33万平方米。' },
    { name: 'wholes of different kinds before 其中: the whole is unclear', text: '开展重点调研21项、监督性视察12项，其中重点调研15项、视察10项。' },
    { name: 'the part names the last whole and another figure before it: unclear', text: '开展专题调研活动20次、视察活动12次，其中调研视察活动15次。' },
    { name: 'the part names the last whole and is within it', text: '开展视察调研36次，召开座谈会12次，其中专题座谈会9次。' },
    { name: 'successive stages: parts within the largest whole', text: '全年共收到提案520件，经审查立案486件。其中，集体提案120件、委员个人提案380件。' },
    // Parts of another kind or without a unit.,
    '该市辖11个县（市、区），其中贫困县4个，贫困村259个。',
    '歹徒杀害一家5口，其中包括一名仅8岁的孩子。',
    // Seed 000 and 004 as published.
    '全年700余名市政协委员参加政协活动10171人次,提交提案1043件,经审查立案1008件,充分展现了政协委员为国履职的担当。',
    '全年收到提案1501件,立案1307件,并案交办的1085件提案已全部办结,督办重点提案78件。',
    '全年形成信息5536篇,向全国政协报送581期,采用127期。',
    '组织委员培训300人次,其中常委培训120人次,委员培训180人次。',
    // Several figures before 其中: the whole is unclear (seed 004).
    '全年开展重点协商16项,重点调研21项、监督性视察2项,其中川渝政协联合协商1项、联合调研10项。',
    // A change is not a whole (政府工作报告 2016).
    '今年拟安排财政赤字2.18万亿元，比去年增加5600亿元。其中，中央财政赤字1.4万亿元，地方财政赤字7800亿元。',
    // The whole in the sentence before (全国政协提案工作报告 2020).
    '委员们紧扣中心工作，提交二次会议提案5488件。提案审查严把质量关，经审查，立案4089件，交175家承办单位办理，均已按时办结。',
    // 其中 parts that add up to no more than the whole; parts counting people, who may be in several parts; one thing
    // at two times (a line extended), not two parts.
    '全年共召开专题协商会6次，其中常委会议3次、专题议政会3次。',
    '全市政协委员450人，其中女委员120人、少数民族委员50人、党外委员300人。',
    '一期工程全长30.5公里。其中运营线路从北京站到古城站，全长22.87公里，后延长到苹果园站，全长23.6公里。',
    '全年共召开专题协商会6次，其中常委会议4次、专题议政会3余次。',
    // Lower bounds cannot be compared; different units are not compared.
    '提交提案1000余件,立案1008件。',
    '参加视察调研773人次,会议发言231人次。',
    '收到提案300件,立案交办提案来自320名委员。',
  ],
  invalid: [
    {
      name: 'figures of different kinds before 其中: the part names the last one (座谈会), which it exceeds',
      text: '组织委员开展视察调研36次，召开座谈会12次，其中专题座谈会15次。',
      errors: [{ line: 1, column: 31, length: 3, message: '“其中”所列部分专题座谈会15次大于整体召开座谈会12次' }],
    },
    {
      name: 'figures of different kinds before 其中: the parts of the last one add up to more than it',
      text: '开展视察调研36次，召开协商座谈会12次，其中专题座谈会5次、对口座谈会9次。',
      errors: [{ line: 1, column: 37, length: 2, message: '“其中”所列各部分合计14次（5+9），多于整体召开协商座谈会12次' }],
    },
    {
      name: 'successive stages before 其中: parts add up to more than the largest whole',
      text: '全年共收到提案520件，经审查立案486件。其中，集体提案120件、委员个人提案380件、联名提案30件。',
      errors: [{ line: 1, column: 50, length: 3, message: '“其中”所列各部分合计530件（120+380+30），多于整体共收到提案520件' }],
    },
    {
      name: 'a part named by a word of the whole’s longer subject (视察 of 视察调研)',
      text: '共组织委员视察调研45次，其中视察20次、调研15次、专题调研12次。',
      errors: [{ line: 1, column: 32, length: 3, message: '“其中”所列各部分合计47次（20+15+12），多于整体共组织委员视察调研45次' }],
    },
    {
      name: 'a part named by what befell it (其中被采纳的, 其中……被采纳), in the whole’s unit',
      text: '委员们提出意见建议156条，其中被采纳的172条。\n\n组织调研报告40篇，其中52篇被批示。',
      errors: [
        { line: 1, column: 21, length: 4, message: '“其中”所列部分被采纳172条大于整体委员们提出意见建议156条' },
        { line: 3, column: 13, length: 3, message: '“其中”所列部分52篇大于整体组织调研报告40篇' },
      ],
    },
    {
      name: '立案 more than 提交',
      text: '全年700余名市政协委员参加政协活动10171人次,提交提案1043件,经审查立案1060件,充分展现了政协委员为国履职的担当。',
      errors: [{ line: 1, column: 42, length: 5, message: '立案1060件多于提交提案1043件' }],
    },
    {
      name: '立案 more than 收到 (seed 004 broken)',
      text: '全年收到提案1301件,立案1307件,并案交办的1085件提案已全部办结。',
      errors: [{ line: 1, column: 15, length: 5, message: '立案1307件多于收到提案1301件' }],
    },
    {
      name: '采用 more than 报送',
      text: '全年形成信息5536篇,向全国政协报送581期,采用627期。',
      errors: [{ line: 1, column: 27, length: 4, message: '采用627期多于报送581期' }],
    },
    {
      name: '其中 in the next sentence',
      text: '组织委员培训300人次。其中常委培训320人次,委员培训100人次。',
      errors: [{ line: 1, column: 19, length: 5, message: '常委培训320人次大于整体组织委员培训300人次' }],
    },
    {
      name: 'the whole in the sentence before',
      text: '委员们紧扣中心工作，提交二次会议提案5488件。提案审查严把质量关，经审查，立案5489件，均已按时办结。',
      errors: [{ line: 1, column: 41, length: 5, message: '立案5489件多于提交二次会议提案5488件' }],
    },
    {
      name: 'a 其中 part that is also a later stage of a chain: one finding, not two',
      text: '全年共收到提案520件，其中立案580件。',
      errors: [{ line: 1, column: 17, length: 4, message: '“其中”所列部分立案580件大于整体共收到提案520件' }],
    },
    {
      name: 'the 其中 parts add up to more than the whole',
      text: '全年共召开专题协商会6次，其中常委会议4次、专题议政会3次。',
      errors: [{ line: 1, column: 28, length: 2, message: '“其中”所列各部分合计7次（4+3），多于整体共召开专题协商会6次' }],
    },
    {
      name: 'the 其中 parts in the next sentence add up to more than the whole',
      text: '今年拟安排专项资金2.5亿元。其中，乡村道路专项资金1.5亿元，农田水利专项资金1.2亿元。',
      errors: [{ line: 1, column: 41, length: 5, message: '“其中”所列各部分合计2.7亿元（1.5+1.2），多于整体' }],
    },
    {
      name: '办结 more than 立案',
      text: '第一行\n经审查立案120件,已办结125件。',
      errors: [{ line: 2, column: 14, length: 4, message: '办结125件多于立案120件' }],
    },
  ],
});
