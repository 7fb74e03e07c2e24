import { testRule } from '../helpers/ruleTester';
import { doubledWord } from '../../src/rules/wording/doubled-word';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

testRule(
  doubledWord,
  {
    valid: [
    { name: 'a doubled-character word edited text writes that the compact dictionary lacks (梭梭, a desert shrub)', text: '志愿者在沙漠边缘种下了三万棵梭梭树。' },
      // 村村 is a word (村村通); 乡村村民 is 乡村 + 村民; a transliteration cut apart before a figure (尤克里里6万把).
      '村村通公路。乡村村民。',
      '每年生产吉他5万把、尤克里里6万把。',
      '上海海、陆、空港。',
      '人人都是参与者，天天向上，层层落实，步步为营，年年有余。',
      '认认真真做事，常常提醒，清清楚楚，的的确确。',
      { name: 'ABAB verb in quoted speech', text: '他说：“我们回去研究研究。”' },
      '一个一个地解决，一件件落实，一份份报告。',
      { name: 'an AAB verb reduplication edited text writes (咬咬牙), mid-clause', text: '贺兰山里还有上亿吨煤，够躺着吃几十年的。宁夏人咬咬牙说：“不挖了！”封堵矿洞、回填矿坑。' },
      '中国国家博物馆，市委委员会，在在线平台上，没有有效办法。',
      // Reduplication that is grammar (edited prose): two words meeting on one character, ABB and AAB shapes,
      // names with a doubled given name, numerals, adjective and verb reduplication, quoted speech.
      '大理州州长在会上介绍了情况。',
      '饱含殷殷之情，一颗拳拳赤子之心，处处洋溢着浓浓年味，爬上山尖尖，气氛活跃跃的，牢记殷殷嘱托。',
      '中国人民解放军军乐团演奏了国歌。',
      '她说：“恭喜恭喜！”',
      '满树火红火红的柿子。',
      '他痛得整晚整晚睡不着。',
      '王珊珊和刘亮亮获得一等奖。',
      '老手艺成了香饽饽，响当当的品牌。',
      '垃圾桶两两一组摆放。',
      '从上海海、陆、空港口入境。',
      // Two words that overlap in the doubled part; function words doubled by grammar.
      '提升基层党组织组织力。',
      '这些政策对对冲经济下行压力发挥了重要作用。',
      '我只陪他过过3个新年，再也飞不了了，一而再再而三地叮嘱。',
      '涓涓细流，熊熊烈火。',
      '我们洋洋洒洒地写，和和美美地过，大大小小的事，是是非非要分清。',
      '家家户户，方方面面，时时处处，扎扎实实，兢兢业业，点点滴滴，形形色色，息息相关，格格不入，头头是道，绿油油，沉甸甸。',
      '为实现“十五五”良好开局打牢基础，强化食品安全全链条监管，做好“老老人”服务保障。',
      '人民民主是全过程人民民主。',
      { name: 'institution then its head', text: '建议由福利院院长牵头，研究所所长、文化站站长参加。' },
      { name: 'option allow', text: '我们要研究研究这个问题。', options: { allow: ['研究'] } },
      // Classes of edited text that are not slips: a doubled character that is a whole clause of speech, 过过 closing
      // a clause, a quoted phrase ending in a reduplication, three-character dictionary words (窝窝头), one character
      // and a word making a word (公开赛|开赛), emphatic ABAB (太多太多), and words the document writes elsewhere.
      { name: 'a whole clause of speech', text: '她说：“对对，好酒好酒，我们一起喝。”' },
      { name: '过过 closing a clause', text: '他说：“那段苦日子我也过过。”' },
      { name: 'a quoted phrase ends in a reduplication', text: '古诗写道“钟鼓喤喤，磬莞将将”，这是鼓乐齐鸣的场景。' },
      { name: 'three-character words of the dictionary', text: '当时住地窨子、啃窝窝头，人拉肩扛。屋檐下油汪汪晾着一串串腊鱼。' },
      { name: 'one character and the word make a word', text: '中国国际跳绳公开赛开赛' },
      { name: 'emphatic ABAB', text: '那个时期有太多太多重要的历史事件。' },
      { name: 'a pair the document writes elsewhere', text: '道班的工人常年守在山上。半夜，我们等来了道班班长的推土机。' },
      { name: 'a pair the document writes elsewhere (常抓不懈)', text: '对作风建设要常抓不懈。要通过常抓抓出习惯。' },
      { name: 'ABB before the clause ends in a news story, or a word with an ABB form edited text writes (热乎乎)', text: '本报讯 年夜饭吃得热乎乎的，屋里暖烘烘，大家笑哈哈。' },
      { name: 'a doubled pair the document writes elsewhere', text: '这里有成片的梭梭林。这里有千万棵梭梭树。' },
      { name: 'sound words and a name made of them repeat ABAB (pack reduplication.words)', text: '上海哔哩哔哩科技有限公司参与捐赠。锅里的汤咕嘟咕嘟冒着热气，时间滴答滴答地流逝。', lint: { docType: 'report' } },
      {
        name: 'a noun and a verb meet (经济组织|组织开展), both compounds written elsewhere',
        text: '农村集体经济组织成员享有承包权。县级人民政府组织开展植树活动。由集体经济组织组织开展造林绿化。',
        lint: { docType: 'report' },
      },
      {
        name: 'a news story: ABAB that closes its clause is reduplication the grammar shows',
        text: '本报讯 过年不去走动走动，这感情不就断了？今年我们要办自己的春晚，热闹热闹。危机危机，危中有机。把各地的风俗归纳归纳看。',
      },
      {
        name: 'a news story: a verb the pack lists as reduplicated in speech, before its object',
        text: '本报讯 平时就多回趟家，帮老人打扫打扫屋子。好不容易出来一趟，得给大家伙儿改善改善伙食。',
      },
      {
        name: 'a news story: AAB and ABB with whole words around (眨眨眼, 叙叙旧, 呼哧哧), two words meeting (合作|作贡献)',
        text: '本报讯 柴晓飞又找上门来，神秘地眨眨眼。年长者要与他叙叙旧。两头母猪呼哧哧打着盹。他一直在为发展中非友好合作作贡献。',
      },
      { name: 'a name that ends with a number and 号 (雪龙2号|船|船长)', text: '中国极地研究中心“雪龙2”号船船长赵炎平介绍了情况。' },
    ],
    invalid: [
      {
        name: 'a report: a common word with its last character typed again before the clause ends (调研研，, 乡村振兴兴，)',
        text: '开展了调研研，形成报告。全面推进乡村振兴兴，促进共同富裕。',
        lint: { docType: 'report' },
        errors: [
          { line: 1, column: 5, length: 2, message: '“调研研”中“研”字重复，“研研”不成词，疑为多打了一个“研”，请核对', severity: 'warning' },
          { line: 1, column: 20, length: 2, message: '“乡村振兴兴”中“兴”字重复', severity: 'warning' },
        ],
        output: '开展了调研，形成报告。全面推进乡村振兴，促进共同富裕。',
      },
      {
        name: 'a stutter whose removal gives a term edited text writes (XX a word elsewhere)',
        text: '推进乡村村振兴。',
        errors: [{ line: 1, column: 4, length: 2, message: '“乡村村振兴”中“村”字重复，应为“乡村振兴”' }],
        output: '推进乡村振兴。',
      },
      {
        name: 'a stutter before a figure',
        text: '全市共有政协委员员500名。',
        errors: [{ line: 1, column: 8, length: 2, message: '“政协委员员”中“员”字重复，“员员”不成词' }],
        output: '全市共有政协委员500名。',
      },
      {
        name: 'a news story: a doubled character with a garbled neighbour is still a slip',
        text: '本报讯 会议强调，落市委委提出的了解把握社情民意的要求。',
        errors: [{ line: 1, column: 10, length: 4, severity: 'error', message: '“市委委”中“委”字重复' }],
      },
      {
        name: 'ABAB before more text in a news story is a hint (colloquial reduplication is ordinary there)',
        text: '本报讯 老周时常惦记惦记自家的承包地。',
        errors: [{ line: 1, column: 9, length: 4, severity: 'info' }],
        output: '本报讯 老周时常惦记自家的承包地。',
      },
      {
        name: 'the same verbs in a report are slips',
        text: '帮老人打扫打扫屋子，给大家改善改善伙食。',
        lint: { docType: 'report' },
        errors: [
          { line: 1, column: 4, length: 4, severity: 'error', message: '“打扫打扫”中“打扫”重复' },
          { line: 1, column: 14, length: 4, severity: 'error', message: '“改善改善”中“改善”重复' },
        ],
        output: '帮老人打扫屋子，给大家改善伙食。',
      },
      {
        name: 'the same sentence alone is judged strictly',
        text: '老周时常念叨念叨自家的承包地。',
        errors: [{ line: 1, column: 5, length: 4, severity: 'error' }],
        output: '老周时常念叨自家的承包地。',
      },
      {
        name: 'colloquial ABAB reduplication outside a formal document is a hint',
        text: '该进城进城，该赶集赶集。把风俗归纳归纳看。',
        errors: [
          { line: 1, column: 2, length: 4, severity: 'info' },
          { line: 1, column: 8, length: 4, severity: 'info' },
          { line: 1, column: 16, length: 4, severity: 'info' },
        ],
        output: '该进城，该赶集。把风俗归纳看。',
      },
      {
        name: 'only one of the two compounds written elsewhere: still a doubled word',
        text: '县级人民政府组织开展植树活动。由集体经济组织组织开展造林绿化。',
        lint: { docType: 'report' },
        errors: [{ line: 1, column: 21, length: 4, severity: 'error', message: '“组织组织”中“组织”重复' }],
        output: '县级人民政府组织开展植树活动。由集体经济组织开展造林绿化。',
      },
      {
        name: 'the same ABAB in a report is an error',
        text: '该进城进城，该赶集赶集。',
        lint: { docType: 'report' },
        errors: [
          { line: 1, column: 2, length: 4, severity: 'error' },
          { line: 1, column: 8, length: 4, severity: 'error' },
        ],
        output: '该进城，该赶集。',
      },
      {
        name: 'a doubled character between two whole words is only a hint (info), and not fixed by a fix-all',
        text: '要认真学习习主席的重要讲话。',
        errors: [{ line: 1, column: 5, length: 2, severity: 'info', message: '“学习习”中“习”字重复' }],
        output: '要认真学习主席的重要讲话。',
      },
      {
        name: 'seed 004: 建设建设',
        text: '围绕嘉陵江流域生态文明建设建设和绿色发展',
        errors: [{ line: 1, column: 12, length: 4, message: '“建设建设”中“建设”重复' }],
        output: '围绕嘉陵江流域生态文明建设和绿色发展',
      },
      {
        name: 'three copies: two findings',
        text: '生态文明建设建设建设和绿色发展',
        errors: [{ line: 1, column: 5, length: 4 }, { line: 1, column: 7, length: 4 }],
        output: '生态文明建设和绿色发展',
      },
      {
        name: 'the first copy ends a longer word',
        text: '推进民主监督监督工作，践行全过程人民民主民主。',
        errors: [{ line: 1, column: 5, length: 4, message: '“监督监督”' }, { line: 1, column: 19, length: 4, message: '“民主民主”' }],
        output: '推进民主监督工作，践行全过程人民民主。',
      },
      { name: '的的', text: '满足人民群众的的期盼', errors: [{ line: 1, column: 7, length: 2, message: '“的”字重复' }], output: '满足人民群众的期盼' },
      { text: '第一行\n工作取得取得新进展', errors: [{ line: 2, column: 3, length: 4 }], output: '第一行\n工作取得新进展' },
      { name: 'ABAB verb outside quotes', text: '我们要研究研究这个问题。', errors: [{ line: 1, column: 4, length: 4 }], output: '我们要研究这个问题。' },
      {
        name: 'seed 004: 落市委委提出 — garbled around it, so a suggestion only',
        text: '落市委委提出的了解把握社情民意的要求',
        errors: [{ line: 1, column: 1, length: 4, message: '“市委委”中“委”字重复，“委委”不成词，疑为多打了一个“委”或附近有错漏字（“落市委委”）' }],
      },
      {
        name: 'a pair met only once: still reported',
        text: '半夜，我们等来了道班班长的推土机。',
        errors: [{ line: 1, column: 9, length: 5, message: '“班班长”中“班”字重复', severity: 'error' }],
      },
      { name: 'a whole-word ABAB that no dictionary joins', text: '推进乡村振兴振兴工作。', errors: [{ line: 1, column: 5, length: 4, message: '“振兴振兴”' }], output: '推进乡村振兴工作。' },
      {
        name: 'the phrase written elsewhere without the doubled character is no evidence of a word (区域发展 … 区域域发展)',
        text: '推动区域发展，逐步缩小城乡区域域发展差距。',
        errors: [{ line: 1, column: 15, length: 2, severity: 'info', message: '“区域域”中“域”字重复' }],
        output: '推动区域发展，逐步缩小城乡区域发展差距。',
      },
      {
        name: 'the doubled pair elsewhere where two words meet is no evidence (人民|民主 … 人民民创造)',
        text: '发展全过程人民民主，激发人民民创造活力。',
        errors: [{ line: 1, column: 14, length: 2, severity: 'info', message: '“人民民”中“民”字重复' }],
        output: '发展全过程人民民主，激发人民创造活力。',
      },
      {
        name: 'doubled character between whole words: fixed',
        text: '认真落实市委委提出的要求',
        errors: [{ line: 1, column: 6, length: 2, message: '疑为多打了一个“委”' }],
        output: '认真落实市委提出的要求',
      },
    ],
  },
  { segmenter },
);
