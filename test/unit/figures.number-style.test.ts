import { testRule } from '../helpers/ruleTester';
import { numberStyle } from '../../src/rules/figures/number-style';

testRule(numberStyle, {
  valid: [
    // Lunar dates and ordinals are names, not counts.
    '正月十五期间，全市举办演出13场、展览21个。',
    '他曾入中央军校十三期受训，带领15名队员、28名民兵。',
    // Fixed phrases, 届次, 次会议, small numbers and titles are not style-checked (seed 000).
    '不断增强“四个意识”、坚定“四个自信”、做到“两个维护”,建立28个党员委员履职党支部,召开两次会议,学习市委十一届六次、七次全会精神。',
    '举办2期常委培训班、2期委员培训班,召开2次专题议政性常委会会议;召开8次专题协商会。',
    '聚焦区委“十项工程”实施,学习《关于加强十三个方面工作的意见》,建立13个工作室。',
    '全年收到提案1501件,立案1307件。',
    // With the ASCII comma used as Chinese punctuation, 12,300 may be two numbers.
    '开展活动12,300人次参加,效果良好。',
    // Full-width digits are format/full-width-alnum's.
    '提交提案１０４３件。',
    // A qualifier character that closes a word (签约, 附近) is no qualifier: 签约10户左右 is not 约……左右.
    '力争年内再签约10户左右，在园区附近建设30个左右站点。',
    { name: 'a span of months and a unit named by its number', text: '前十一个月，全市新增12个项目、15个园区，经侦总队十二支队破获案件36起，组建三支队伍。' },
    {
      name: 'a news headline keeps its own style (一百九十项 over a body that writes 190项)',
      text: '一百九十项创新举措推出\n共七百六十二处，含一百三十八处革命文物\n本报北京1月11日电 去年以来，北京推出190项创新举措，涉及12个领域，公布762处文物保护单位。',
    },
  ],
  invalid: [
    { name: '约……左右 after a word that does not end in 约', text: '力争年内新增约10户左右。', errors: [{ line: 1, column: 11, length: 2, message: '“约”与“左右”重复表示概数' }], output: '力争年内新增约10户。' },
    {
      name: '13个 and 十三个 in one document',
      text: '建立13个委员工作室,设立十三个联络站,开展28次活动。',
      errors: [{ line: 1, column: 14, length: 2, severity: 'warning', message: '计数写法不统一：此处用汉字“十三个”，文中多数用阿拉伯数字' }],
      output: '建立13个委员工作室,设立13个联络站,开展28次活动。',
    },
    {
      name: 'mixed styles in a news story are a hint',
      text: '本报讯 建立13个委员工作室,设立十三个联络站,开展28次活动。',
      errors: [{ line: 1, column: 18, length: 2, severity: 'info' }],
      output: '本报讯 建立13个委员工作室,设立13个联络站,开展28次活动。',
    },
    {
      name: 'a heading in a report is compared with the body',
      text: '一、推出一百九十项创新举措\n去年以来，全市推出190项创新举措，涉及12个领域，落地首创项目35个。',
      lint: { docType: 'report' },
      errors: [{ line: 1, column: 5, length: 4, severity: 'warning', message: '计数写法不统一：此处用汉字“一百九十项”' }],
      output: '一、推出190项创新举措\n去年以来，全市推出190项创新举措，涉及12个领域，落地首创项目35个。',
    },
    {
      name: 'the same unit counted both ways in a report is a warning',
      text: '建立13个委员工作室,设立十三个联络站,开展28次活动。',
      lint: { docType: 'report' },
      errors: [{ line: 1, column: 14, length: 2, severity: 'warning' }],
      output: '建立13个委员工作室,设立13个联络站,开展28次活动。',
    },
    {
      name: 'another unit written the other way in a report is a hint',
      text: '建立13个委员工作室,开展二十次活动,走访28户群众。',
      lint: { docType: 'report' },
      errors: [{ line: 1, column: 14, length: 2, severity: 'info' }],
      output: '建立13个委员工作室,开展20次活动,走访28户群众。',
    },
    {
      name: 'the majority is Chinese',
      text: '建立十三个委员工作室,设立十五个联络站,开展28次活动。',
      errors: [{ line: 1, column: 23, length: 2, message: '建议写作“二十八”' }],
      output: '建立十三个委员工作室,设立十五个联络站,开展二十八次活动。',
    },
    {
      name: 'redundant qualifiers',
      text: '约30个左右,近50人左右,超过100余人。',
      errors: [
        { line: 1, column: 5, length: 2, message: '“约”与“左右”重复表示概数' },
        { line: 1, column: 12, length: 2, message: '“近”与“左右”' },
        { line: 1, column: 20, length: 1, message: '“超过”与“余”' },
      ],
      output: '约30个,近50人,超过100人。',
    },
    {
      name: 'thousands separator and redundant 以上',
      text: '超过3,500件以上。',
      errors: [
        { line: 1, column: 3, length: 5, message: '千分撇', severity: 'info' },
        { line: 1, column: 9, length: 2, message: '“超过”与“以上”' },
      ],
      output: '超过3500件。',
    },
  ],
});
