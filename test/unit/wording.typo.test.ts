import { testRule } from '../helpers/ruleTester';
import { typo } from '../../src/rules/wording/typo';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

testRule(
  typo,
  {
    valid: [
      '认真做好提案办理工作，防止形式主义和官僚主义。',
      '推动高质量发展取得新成效，上世纪末我国经济快速发展。',
      { name: 'the written pair is in use (入脑入心, 引人注意, 进人, 没人, 拆旧房)', text: '坚持入脑入心，这一现象引人注意，基层单位进人难，项目没人承接，拆旧房建新房。' },
      { name: 'two free words side by side', text: '可能会撞上护栏。' },
      { name: '的/地/得 and other function characters are not input-method slips', text: '全面贯彻落实党的二十大精神。' },
      { name: 'a classical quotation', text: '这首诗写道：“床前明月光，疑是地上霜。”' },
      { name: 'transliterated names', text: '卡尔·马克思和弗里德里希·恩格斯' },
      { name: 'a set phrase with its usual continuation', text: '我们一如往常地开展工作，一如既往地支持政协，梦想息息相通。' },
      { name: 'look-alikes outside idioms are left to wording/confusable-char', text: '培育壮大未来空问产业' },
      { name: 'option ignore', text: '做好防迅抗旱工作', options: { ignore: ['防汛'] } },
      { name: 'listed slips are left to wording/misspelling (入厕 → 如厕, 咨政 → 资政, 按排)', text: '尽快解决居民入厕难问题，建言咨政，统筹按排' },
      { name: 'a pair in quotation marks or written twice is meant as written', text: '打造“同州共蓟”品牌，持续推进“同州共蓟”活动。' },
    ],
    invalid: [
      { text: '可能会撞上垃圾筒', errors: [{ line: 1, column: 6, length: 3, message: '“垃圾筒”应为“垃圾桶”（“筒”“桶”同音）' }], output: '可能会撞上垃圾桶' },
      { text: '做好防迅抗旱工作', errors: [{ line: 1, column: 3, length: 2, message: '疑为同音字误用：“防迅”应为“防汛”', severity: 'info' }], output: '做好防汛抗旱工作' },
      { text: '抓好役情防控工作', errors: [{ line: 1, column: 3, length: 2, message: '“役情”应为“疫情”' }], output: '抓好疫情防控工作' },
      { text: '坚决打赢脱贫功坚战', errors: [{ line: 1, column: 7, length: 2, message: '“功坚”应为“攻坚”' }], output: '坚决打赢脱贫攻坚战' },
      { text: '大力支持民营企叶发展', errors: [{ line: 1, column: 7, length: 2, message: '“企叶”应为“企业”' }], output: '大力支持民营企业发展' },
      { text: '完善基础设失建设', errors: [{ line: 1, column: 3, length: 4, message: '“基础设失”应为“基础设施”' }], output: '完善基础设施建设' },
      { text: '及时向市委汇抱工作', errors: [{ line: 1, column: 6, length: 2, message: '“汇抱”应为“汇报”' }], output: '及时向市委汇报工作' },
      { text: '推进城乡一体话发展', errors: [{ line: 1, column: 5, length: 3, message: '“一体话”应为“一体化”' }], output: '推进城乡一体化发展' },
      {
        name: '成语误写',
        text: '我们要与时具进，委员们坚持不谢地履职尽责',
        errors: [
          { line: 1, column: 4, length: 4, message: '“与时具进”应为“与时俱进”' },
          { line: 1, column: 12, length: 4, message: '疑为成语误写：“坚持不谢”应为“坚持不懈”', severity: 'warning' },
        ],
        output: '我们要与时俱进，委员们坚持不懈地履职尽责',
      },
      { name: '成语误写 with a look-alike', text: '以契而不舍的精神推进工作', errors: [{ line: 1, column: 2, length: 4, message: '“契而不舍”应为“锲而不舍”' }], output: '以锲而不舍的精神推进工作' },
      {
        name: '漏字',
        text: '各项工作有条紊地推进，要坚持懈地奋斗',
        errors: [
          { line: 1, column: 5, length: 3, message: '疑为漏字：“有条紊”应为“有条不紊”（漏了“不”）' },
          { line: 1, column: 13, length: 3, message: '疑为漏字：“坚持懈”应为“坚持不懈”（漏了“不”）' },
        ],
        output: '各项工作有条不紊地推进，要坚持不懈地奋斗',
      },
      { name: '多字', text: '要一如既既往地支持政协工作', errors: [{ line: 1, column: 2, length: 5, message: '疑为多字：“一如既既往”应为“一如既往”' }], output: '要一如既往地支持政协工作' },
      { name: 'second line, several slips', text: '第一段。\n做好防迅抗旱工作，及时向市委汇抱。', errors: [{ line: 2, column: 3, length: 2 }, { line: 2, column: 15, length: 2 }], output: '第一段。\n做好防汛抗旱工作，及时向市委汇报。' },
    ],
  },
  { segmenter },
);
