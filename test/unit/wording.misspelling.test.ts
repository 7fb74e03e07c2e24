import { testRule } from '../helpers/ruleTester';
import { misspelling } from '../../src/rules/wording/misspelling';
import { loadSegmenter } from '../../src/segmenter';

testRule(misspelling, {
  valid: [
    '认真部署各项工作，召开座谈会，其他方面的工作也取得进展。',
    '本次大会提案截止日期以后收到的提案，作为平时提案处理。',
    '报名于5月10日截止。',
    '做出了成绩，做出特色，做出样子。',
    '按排名先后确定。',
    '促进社会平安祥和。',
    '全部份额已认购。',
    { name: 'the index term 成份股', text: '拟放宽证券公司投资成份股、ETF等权益类证券风险资本准备计算比例。' },
    '按纳税额计算，按纳入计划的项目管理。',
    { name: 'option ignore', text: '其它委员', options: { ignore: ['其它'] } },
    { name: 'option kinds: typos only', text: '其它委员', options: { kinds: ['typo'] } },
  ],
  invalid: [
    {
      name: '的 before a verb with 到 (清醒的看到) is 地',
      text: '政协常委会工作报告\n我们也清醒的看到工作中还存在一些不足，深刻的认识到肩负的责任。\n',
      errors: [
        { line: 2, column: 6, length: 1, message: '用字不当：“的”应为“地”' },
        { line: 2, column: 22, length: 1, message: '用字不当：“的”应为“地”' },
      ],
      output: '政协常委会工作报告\n我们也清醒地看到工作中还存在一些不足，深刻地认识到肩负的责任。\n',
    },
    { text: '认真布署各项工作', errors: [{ line: 1, column: 3, length: 2, message: '“布署”应为“部署”' }], output: '认真部署各项工作' },
    {
      name: '截止 before a date → 截至; 截止到 → 截至',
      text: '截止2021年底，全市共有提案1000件；截止到目前，已全部办结。',
      errors: [
        { line: 1, column: 1, length: 2, message: '“截止”应为“截至”' },
        { line: 1, column: 22, length: 3, message: '“截止到”应为“截至”' },
      ],
      output: '截至2021年底，全市共有提案1000件；截至目前，已全部办结。',
    },
    {
      name: '做出 before 贡献/部署/批示 → 作出',
      text: '为国家发展做出了重要贡献。\n党中央做出重大决策部署，领导做出批示。',
      errors: [
        { line: 1, column: 6, length: 2, message: '用字不当' },
        { line: 2, column: 4, length: 2 },
        { line: 2, column: 15, length: 2 },
      ],
      output: '为国家发展作出了重要贡献。\n党中央作出重大决策部署，领导作出批示。',
    },
    { text: '其它委员', errors: [{ line: 1, column: 1, length: 2, message: '非推荐词形', severity: 'warning' }], output: '其他委员' },
    {
      name: 'a news story that keeps to 做出/其它 (houseStyle) is not told; a wrong character stays an error',
      text: '本报讯 他为家乡建设做出了贡献，其它工作也已布署。',
      errors: [{ line: 1, column: 23, length: 2, severity: 'error', message: '错别字：“布署”应为“部署”' }],
      output: '本报讯 他为家乡建设做出了贡献，其它工作也已部署。',
    },
    {
      name: 'a news story that writes both forms gets a hint to make them one',
      text: '本报讯 他为家乡建设做出了贡献，村里作出决定，其它工作和其他安排也已就绪，惟一的难题已解决。',
      errors: [
        { line: 1, column: 11, length: 2, severity: 'info', message: '用字不当：“做出”应为“作出”（后接“贡献、决定、部署、批示、安排、努力、承诺”等抽象事物时用“作出”（按国家通用语言文字规范及新华社等用法））；文中别处写作“作出”，请统一' },
        { line: 1, column: 24, length: 2, severity: 'info', message: '非推荐词形：“其它”应为“其他”（“其它”是“其他”的异体写法，规范文稿统一用“其他”）；文中别处写作“其他”，请统一' },
      ],
      output: '本报讯 他为家乡建设作出了贡献，村里作出决定，其他工作和其他安排也已就绪，惟一的难题已解决。',
    },
    {
      name: 'a formal document is told even where it keeps to one form',
      text: '一年来，委员们为家乡建设做出了贡献，其它工作也已完成，这是惟一的途径。',
      errors: [
        { line: 1, column: 13, length: 2, severity: 'warning', message: '用字不当' },
        { line: 1, column: 19, length: 2, severity: 'warning', message: '非推荐词形' },
        { line: 1, column: 30, length: 2, severity: 'warning', message: '非推荐词形：“惟一”应为“唯一”' },
      ],
      output: '一年来，委员们为家乡建设作出了贡献，其他工作也已完成，这是唯一的途径。',
    },
    { name: 'option kinds keeps the listed kinds', text: '其它委员认真布署', options: { kinds: ['typo'] }, errors: [{ line: 1, column: 7, length: 2 }], output: '其它委员认真部署' },
    { text: '召开坐谈会，再接再励。', errors: [{ line: 1, column: 3, length: 3 }, { line: 1, column: 7, length: 4 }], output: '召开座谈会，再接再厉。' },
    { name: 'Markdown: inside code span is skipped', text: '# 标题\n\n按装路灯，`布署`不查。', lint: { path: 'a.md' }, errors: [{ line: 3, column: 1, length: 2 }], output: '# 标题\n\n安装路灯，`布署`不查。' },
  ],
});

// With the segmenter a match that the text reads as parts of two other words is not a misspelling; slips that leave
// a lone character or take one from their neighbour are still found. Without it every match is reported.
const segmenter = loadSegmenter().segmenter;
describe('wording/misspelling across a word boundary', () => {
  testRule(
    misspelling,
    {
      valid: [
        { name: 'two words meet: 全家|俱欢颜', text: '祝全家俱欢颜，万事如意。' },
        { name: 'a name: 乌兰|图雅', text: '歌手乌兰图雅演唱了新歌。' },
        { name: 'a function character then a word: 竟|选择', text: '他最终竟选择了放弃。' },
        { name: 'a word then a function character: 看做|为', text: '这可以被看做为青少年成长提供养分。' },
      ],
      invalid: [
        { name: 'lone character left: 大部|份', text: '大部份委员参加了会议。', errors: [{ line: 1, column: 2, length: 2, message: '“部份”应为“部分”' }], output: '大部分委员参加了会议。' },
        { name: 'a character taken from the neighbour: 入场|卷入|场', text: '观众凭入场卷入场。', errors: [{ line: 1, column: 4, length: 3, message: '“入场卷”应为“入场券”' }], output: '观众凭入场券入场。' },
        { name: 'a lone character that is no word: 瞻|养老', text: '瞻养老人是子女的义务。', errors: [{ line: 1, column: 1, length: 2, message: '“瞻养”应为“赡养”' }], output: '赡养老人是子女的义务。' },
        { name: 'the slip is a token of its own', text: '描绘发展的宏伟兰图。', errors: [{ line: 1, column: 8, length: 2, message: '“兰图”应为“蓝图”' }], output: '描绘发展的宏伟蓝图。' },
      ],
    },
    { segmenter },
  );
  testRule(misspelling, {
    valid: [],
    invalid: [{ name: 'without the segmenter the boundary is not seen', text: '祝全家俱欢颜，万事如意。', errors: [{ line: 1, column: 3, length: 2, message: '“家俱”应为“家具”' }], output: '祝全家具欢颜，万事如意。' }],
  });
});
