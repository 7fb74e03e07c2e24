import { testRule } from '../helpers/ruleTester';
import { nameVariant } from '../../src/rules/consistency/name-variant';
import { loadSegmenter } from '../../src/segmenter';

testRule(nameVariant, {
  valid: [
    '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。',
    { name: 'a contrast inside one paragraph', text: '推动“江苏制造”迈向“江苏智造”。' },
    { name: 'numbers make different formulations', text: '实现“三个转变”。\n\n做到“四个转变”。' },
    { name: 'short quotations are not names', text: '做到“快”“准”。\n\n突出“稳”“准”。' },
    { name: 'a family of names sharing their ending', text: '“博物馆里过大年”吸引游客。\n\n“宫里过大年”展览开幕。' },
    { name: 'two campaign years, one after another, in one paragraph', text: '巩固“制度建设年”成果，开展“制度落实年”工作。\n\n深化“制度建设年”成果。' },
    { name: 'two different campaigns sharing no word', text: '开展“作风建设年”活动。\n\n开展“服务提升年”活动。' },
    // A different first or last word makes a different name (another thing of one place or kind), not a variant.
    { name: 'the last word differs: two things of one place', text: '打造“山西之夜”文旅品牌。\n\n推广“山西精品”系列产品。' },
    { name: 'the last word differs: two slogans', text: '实施“投资于人”行动。\n\n办好“投资中国”系列活动。' },
    { name: 'the first word differs', text: '建设“数字丝绸之路”。\n\n打造“空中丝绸之路”。' },
    // A negation on one side names the opposite.
    { name: 'a negation on one side (不 / 乱)', text: '治理“为官不为”问题。\n\n让“为官不为”者无处遁形。\n\n为“为官乱为”付出了代价。' },
    { name: 'a negation on one side (有 / 无)', text: '双方达成“有协议脱欧”的可能。\n\n英国可能面临“无协议脱欧”风险。' },
  ],
  invalid: [
    {
      name: 'one character apart, the other spelling used twice: a warning with a fix',
      text: '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。\n\n今年“委员会客听”走进社区。',
      errors: [{ line: 5, column: 4, length: 5, severity: 'warning', message: '文中另有“委员会客厅”' }],
      output: '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。\n\n今年“委员会客厅”走进社区。',
    },
    {
      name: 'one character apart, each once: a note',
      text: '打造“有事好商量”协商品牌。\n\n深化“有事好商议”平台建设。',
      errors: [{ line: 3, column: 4, length: 5, severity: 'info', message: '疑为同一名称的误写' }],
    },
    {
      name: 'a whole word apart: a note asking whether it is one campaign',
      text: '开展“制度落实年”工作。\n\n深化“制度建设年”成果。',
      errors: [{ line: 3, column: 4, length: 5, severity: 'info', message: '是否指同一项工作' }],
    },
    {
      name: 'a whole word apart inside a longer name, first and last words shared',
      text: '举办“委员读书分享会”。\n\n开展“委员读书交流会”。',
      errors: [{ line: 3, column: 4, length: 7, severity: 'info', message: '文中另有“委员读书分享会”，与“委员读书交流会”只差一个词' }],
    },
    {
      name: 'seed 004: a campaign year reworded (制度落实年 / 落实成果年)',
      text: '巩固“制度建设年”成果，开展“制度落实年”工作。\n\n深化“制度建设年”和“落实成果年”工作成果。',
      errors: [{ line: 3, column: 12, length: 5, severity: 'info', message: '文中另有“制度落实年”，与“落实成果年”都以“落实”命名' }],
    },
    {
      name: 'a campaign month reworded',
      text: '开展“服务提升月”活动。\n\n总结“提升质效月”经验。',
      errors: [{ line: 3, column: 4, length: 5, severity: 'info', message: '都以“提升”命名活动' }],
    },
  ],
});

// With the segmenter: a differing character that makes a dictionary word with the same neighbour in both names is
// weaker evidence (two words, possibly two names): a hint without a fix. A character that makes no word stays a warning.
describe('consistency/name-variant with the segmenter', () => {
  testRule(
    nameVariant,
    {
      valid: [
        {
          name: 'news: another word in its place is another name (欧洲 / 欧盟 read differently)',
          text: '本报讯 欧盟时常强调“欧洲价值观”。\n\n各国对“欧洲价值观”看法不同。\n\n有人批评其违背“欧盟价值观”。',
        },
        {
          name: 'news: a whole word replaced (市场 / 药品) names another body',
          text: '本报讯 国务院公布修改部分行政法规的决定。\n\n将第五条中的“食品药品监管部门”修改为“国务院药品监督管理部门”。\n\n将第九条中的“工商行政管理部门”修改为“国务院市场监督管理部门”。',
        },
      ],
      invalid: [
        {
          name: 'news: one character that sounds like the other (阳关 / 阳光) is still a hint',
          text: '本报讯 富源县探索建立“阳光监督”平台。\n\n“阳光监督”平台上线以来，群众反映的问题件件有回音。\n\n打开“阳关监督”平台，“资金你清楚”模块赫然在列。',
          errors: [{ line: 5, column: 4, length: 4, severity: 'warning', message: '文中另有“阳光监督”，“阳关监督”疑为同一名称的误写' }],
          output: '本报讯 富源县探索建立“阳光监督”平台。\n\n“阳光监督”平台上线以来，群众反映的问题件件有回音。\n\n打开“阳光监督”平台，“资金你清楚”模块赫然在列。',
        },
        {
          name: 'news: a homophone written once each (医师 / 医士) is a hint',
          text: '本报讯 乐山市从2013年起举办“民族医师班”，由市、县政府出资。\n\n“民族医士班”的学员毕业后回到乡村卫生室工作。',
          errors: [{ line: 3, column: 2, length: 5, severity: 'info', message: '文中另有“民族医师班”，“民族医士班”疑为同一名称的误写' }],
        },
        {
          name: 'both spellings make words (欧洲 / 欧盟): a hint',
          text: '欧盟时常强调“欧洲价值观”。\n\n各国对“欧洲价值观”看法不同。\n\n有人批评其违背“欧盟价值观”。',
          errors: [{ line: 5, column: 9, length: 5, severity: 'info', message: '文中另有“欧洲价值观”' }],
        },
        {
          name: 'a misspelt character that makes no word: still a warning with a fix',
          text: '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。\n\n今年“委员会客听”走进社区。',
          errors: [{ line: 5, column: 4, length: 5, severity: 'warning', message: '文中另有“委员会客厅”' }],
          output: '开展“委员会客厅”活动。\n\n“委员会客厅”共举办12期。\n\n今年“委员会客厅”走进社区。',
        },
      ],
    },
    { segmenter: loadSegmenter().segmenter },
  );
});
