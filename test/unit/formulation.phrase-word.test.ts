import { testRule } from '../helpers/ruleTester';
import { phraseWord } from '../../src/rules/formulation/phrase-word';
import { loadSegmenter } from '../../src/segmenter';

const segmenter = loadSegmenter().segmenter!;

testRule(
  phraseWord,
  {
    valid: [
      // The last character of a phrase replaced so that it completes or starts another word, or the phrase's last word
      // is a single character: another phrase, not a slip; the same two characters written twice are meant.
      {
        name: 'a last character that makes a word of its own',
        text: '坚持社会主义核心价值体系。坚持和完善人民代表大会制定法律。在共同思想政治基础和目标上。',
      },
      {
        name: 'a look-alike word in a short phrase: not as its first word (a verb of the sentence), nor joined into a longer word, nor followed by more of a noun',
        text: '深入推进区域协调发展。建成现代化经济体系。保证和支持人民当家作主。这是大团结大联盟国家的事。发挥专门协商机关作用。',
      },
      {
        name: 'the look-alike word written again elsewhere in the document is meant',
        text: '青年联盟成立大会提出，实现大团结大联盟。',
      },
      { name: 'the written pair again elsewhere in the document', text: '坚持大团结大联和。大联和的局面。' },
      { name: 'the written character and the one before make a word the packs know (质效)', text: '不断提升协商议政质效。' },
      // One half of a compound replaced so that the pair is a word of its own: a different phrase, not a slip.
      { name: 'a fixed term with a word that shares no character, or followed by more text', text: '坚持团结和民主两大任务。围绕团结和民主两大主线开展工作。' },
      { name: 'the new half makes a word (资本主义)', text: '他们批判资本主义核心价值观的虚伪性。' },
      { name: 'the new half makes a word (社会理论)', text: '高举中国特色社会理论伟大旗帜的说法并不存在。' },
      { name: 'another word altogether, sharing no character (基层民主, 实现民族)', text: '我国社会主义基层民主广泛、真实、管用。为实现民族伟大复兴而奋斗。' },
      // A placeholder where a name goes is a template, not a misquote.
      '我代表政协某市委员会常务委员会，向大会报告工作。',
      '人民政协是社会主义协商民主的重要渠道和专门协商机构。',
      '坚持党的领导、统一战线、协商民主有机结合。',
      { name: 'a function word added is grammar', text: '把人民政协的制度优势转化为国家治理效能。' },
      { name: 'another canonical phrase', text: '审计是党和国家监督体系的重要组成部分。' },
      { name: 'a trailing appendix dropped leaves a phrase of its own', text: '坚决贯彻中央八项规定精神，驰而不息纠治“四风”。' },
      { name: 'an open word of a template', text: '坚持中国特色社会主义文化发展道路。' },
      { name: 'a modifier added', text: '在国家治理体系和治理能力迈向现代化的进程中。' },
      { name: 'the phrase goes on past the last word', text: '中国人民政治协商会议全国委员会召开常委会会议。' },
      { name: 'a whole part of a core term left out is a phrase of its own', text: '这是具有中国特色的制度安排，也是中国特色文化的体现。' },
      { name: 'a word added between two words is an adaptation', text: '坚持中国特色社会主义法治道路。' },
      { name: 'a question word in a short phrase', text: '重点提案如何督办？' },
      { name: 'a shorter text that is usual on its own (allowed by the entry)', text: '发展社会主义民主政治。' },
      { name: 'the modifier of a word left out where the head is its abbreviation (人民政协 → 政协)', text: '把政协党的建设作为加强和改进新时代政协工作的重中之重。' },
      { name: 'too short a head to judge a dropped half', text: '流行文化是表达一个社会核心价值观的重要方式。' },
      { name: 'the first word is a slot for another verb', text: '贯彻以人民为中心的发展思想。' },
      { name: 'an adverb before a verb in the middle of the phrase', text: '增强把人民政协制度优势深入转化为国家治理效能的思想自觉。' },
      { name: 'a modifier of the final head noun narrows the phrase', text: '坚持和完善中国特色社会主义根本制度。' },
      { name: 'the field of the object named after the verb', text: '深化金融供给侧结构性改革，健全完善党和国家监督体系。' },
      { name: 'a verb put into a fixed term makes a clause', text: '中华民族走向伟大复兴的磅礴力量。' },
      { name: 'a shorter form of a fixed term is usual prose', text: '都是中华民族复兴之路的生动注脚，始终不忘初心使命。' },
      { name: 'the leading verb after the next word is a clause of its own', text: '引导委员强化责任担当。' },
      { name: 'a noun with 对 names whose the object is (a qualifier, as the 20th congress report writes it)', text: '牢牢掌握党对意识形态工作领导权，全面落实意识形态工作责任制。' },
    ],
    invalid: [
      {
        name: 'the last word of a long phrase typed as a homophone word (思想 → 思乡), the phrase ending there',
        text: '坚持以人民为中心的发展思乡。坚持以人民为中心的发展思乡的重要论述。',
        errors: [
          { line: 1, column: 1, length: 13, message: '“坚持以人民为中心的发展思乡”与规范提法不符（“思乡”应为“思想”），规范表述为“坚持以人民为中心的发展思想”' },
          { line: 1, column: 15, length: 13, message: '（“思乡”应为“思想”）' },
        ],
        output: '坚持以人民为中心的发展思想。坚持以人民为中心的发展思想的重要论述。',
      },
      {
        name: 'a homophone word at the end of a short phrase, the word written elsewhere as itself (主体作用)',
        text: '坚持团结和民主两大主体。\n发挥委员在政协工作中的主体作用。',
        errors: [{ line: 1, column: 3, length: 9, message: '（“主体”应为“主题”）' }],
        output: '坚持团结和民主两大主题。\n发挥委员在政协工作中的主体作用。',
      },
      {
        name: 'a look-alike word inside a short phrase, the rest of it there (联合 → 联盟, one character kept in place)',
        text: '要坚持大团结大联盟。',
        errors: [{ line: 1, column: 2, length: 8, message: '“坚持大团结大联盟”与规范提法不符（“联盟”应为“联合”），规范表述为“坚持大团结大联合”' }],
        output: '要坚持大团结大联合。',
      },
      {
        name: 'a wrong last character that makes no word',
        text: '坚持大团结大联和。',
        errors: [{ line: 1, column: 3, length: 6, message: '“大团结大联和”与规范提法不符（“联和”应为“联合”），规范表述为“大团结大联合”' }],
        output: '坚持大团结大联合。',
      },
      {
        name: 'a wrong last character of a fixed requirement',
        text: '要坚持团结和民主两大主提。',
        errors: [{ line: 1, column: 4, length: 9, message: '（“主提”应为“主题”）' }],
        output: '要坚持团结和民主两大主题。',
      },
      {
        name: 'a wrong last word in a long phrase (a word-level slip)',
        text: '深入学习贯彻习近平总书记关于加强和改进人民政协工作的重要思响。',
        errors: [{ line: 1, column: 7, length: 24, message: '（“思响”应为“思想”）' }],
        output: '深入学习贯彻习近平总书记关于加强和改进人民政协工作的重要思想。',
      },
      {
        name: 'the last word replaced where a character-level reading would cut 路|线',
        text: '我们要坚定不移走中国特色社会主义政治发展路线。',
        errors: [{ line: 1, column: 9, length: 14, message: '（“路线”应为“道路”），规范表述为“中国特色社会主义政治发展道路”' }],
        output: '我们要坚定不移走中国特色社会主义政治发展道路。',
      },
      {
        name: 'a fixed term: the last word replaced by a near word (两大主题 → 两大主体)',
        text: '坚持团结和民主两大主体。',
        errors: [{ line: 1, column: 3, length: 9, message: '（“主体”应为“主题”），规范表述为“团结和民主两大主题”' }],
        output: '坚持团结和民主两大主题。',
      },
      {
        name: 'one half of a compound replaced (协商民主 → 商量民主)',
        text: '健全社会主义商量民主制度。',
        errors: [{ line: 1, column: 3, length: 8, message: '（“商量”应为“协商”），规范表述为“社会主义协商民主”' }],
        output: '健全社会主义协商民主制度。',
      },
      {
        name: 'last word replaced by a near-synonym',
        text: '人民政协是社会主义协商民主的重要途径。',
        errors: [{ line: 1, column: 6, length: 13, message: '“途径”应为“渠道”' }],
        output: '人民政协是社会主义协商民主的重要渠道。',
      },
      {
        name: 'two words swapped',
        text: '始终坚持党的领导、统一战线、民主协商有机结合。',
        errors: [{ line: 1, column: 3, length: 20, message: '词序颠倒' }],
        output: '始终坚持党的领导、统一战线、协商民主有机结合。',
      },
      {
        name: 'an item of a list dropped',
        text: '坚持和完善中国共产党领导的政治协商制度。',
        errors: [{ line: 1, column: 6, length: 14, message: '漏了“多党合作和”' }],
        output: '坚持和完善中国共产党领导的多党合作和政治协商制度。',
      },
      {
        name: 'a word dropped inside a core term (中国特色社会主义)',
        text: '始终坚持中国社会主义道路。',
        errors: [{ line: 1, column: 5, length: 8, message: '漏了“特色”' }],
        output: '始终坚持中国特色社会主义道路。',
      },
      {
        name: 'a word that makes it equally near two phrases: both named, no fix',
        text: '实现党的组织对政协委员全覆盖。',
        errors: [{ line: 1, column: 3, length: 12, message: '“党的组织对党员委员全覆盖”或“党的工作对政协委员全覆盖”' }],
      },
      {
        name: 'a word put inside a compound of a core term',
        text: '为实现中华全面民族伟大复兴而奋斗。',
        errors: [{ line: 1, column: 4, length: 10, message: '多了“全面”' }],
        output: '为实现中华民族伟大复兴而奋斗。',
      },
      {
        name: 'half of a compound left out inside a core term',
        text: '高举中国特色主义伟大旗帜。',
        errors: [{ line: 1, column: 3, length: 6, message: '漏了“社会”' }],
        output: '高举中国特色社会主义伟大旗帜。',
      },
      {
        name: 'the first word replaced by a look-alike (坚持 → 坚定)',
        text: '要坚定以人民为中心的发展思想。',
        errors: [{ line: 1, column: 2, length: 13, message: '“坚定”应为“坚持”' }],
        output: '要坚持以人民为中心的发展思想。',
      },
      {
        name: 'the halves of a compound exchanged',
        text: '积极培育和践行主义社会核心价值观。',
        errors: [{ line: 1, column: 8, length: 9, message: '“主义社会”词序颠倒，应为“社会主义”' }],
        output: '积极培育和践行社会主义核心价值观。',
      },
      {
        name: 'the issue example inside a short core term: 社会主义民主协商',
        text: '推进社会主义民主协商。',
        errors: [{ line: 1, column: 3, length: 8, message: '“民主协商”词序颠倒，应为“协商民主”' }],
        output: '推进社会主义协商民主。',
      },
      {
        name: 'a word added inside a phrase of running prose (not an adverb before a verb)',
        text: '聚焦把协商民主重要贯穿履行职能全过程。',
        errors: [{ line: 1, column: 3, length: 16, message: '多了“重要”' }],
        output: '聚焦把协商民主贯穿履行职能全过程。',
      },
      {
        name: 'a word added inside a fixed term (the entry is marked fixed)',
        text: '围绕落实稳中求进工作总全面基调。',
        errors: [{ line: 1, column: 5, length: 11, message: '多了“全面”' }],
        output: '围绕落实稳中求进工作总基调。',
      },
      {
        name: 'an adverb before a word of a fixed term is a slip too',
        text: '统筹推进“五位一体”总体积极布局。',
        errors: [{ line: 1, column: 1, length: 16, message: '多了“积极”' }],
        output: '统筹推进“五位一体”总体布局。',
      },
      {
        name: 'an adverb before a noun of the phrase',
        text: '坚持中国特色社会主义深入道路。',
        errors: [{ line: 1, column: 3, length: 12, message: '多了“深入”' }],
        output: '坚持中国特色社会主义道路。',
      },
      {
        name: 'two words of a short fixed term swapped',
        text: '当今世界正经历百年未有变局之大。',
        errors: [{ line: 1, column: 8, length: 8, message: '“变局之大”词序颠倒' }],
        output: '当今世界正经历百年未有之大变局。',
      },
      {
        name: 'the verb of a parallel item of a fixed term left out',
        text: '常委会围绕中心、大局，认真履行职能。',
        errors: [{ line: 1, column: 4, length: 7, message: '漏了“服务”' }],
        output: '常委会围绕中心、服务大局，认真履行职能。',
      },
      {
        name: 'part of a quoted name inside a fixed term left out',
        text: '站在“一百年”奋斗目标历史交汇点。',
        errors: [{ line: 1, column: 3, length: 9, message: '漏了“两个”' }],
        output: '站在“两个一百年”奋斗目标历史交汇点。',
      },
      {
        name: 'a word ending in 对 that is a word of its own (反对) is not a qualifier',
        text: '牢牢掌握反对意识形态工作领导权。',
        errors: [{ line: 1, column: 1, length: 15, message: '多了“反对”' }],
        output: '牢牢掌握意识形态工作领导权。',
      },
      {
        name: 'the halves of 当家作主 exchanged',
        text: '坚持人民作主当家。',
        errors: [{ line: 1, column: 1, length: 8, message: '应为“当家作主”' }],
        output: '坚持人民当家作主。',
      },
    ],
  },
  { segmenter },
);
