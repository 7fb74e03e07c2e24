import { testRule } from '../helpers/ruleTester';
import { inlineOrdinal } from '../../src/rules/numbering/inline-ordinal';

testRule(inlineOrdinal, {
  valid: [
    { name: 'digits opening the items of a paragraph, in order', text: '主要措施：1.加强组织领导；2.强化督促落实；3.注重宣传引导。' },
    { name: 'decimals and numbers joined by 顿号 are no items', text: '增长2.5倍。3.5亿元投入使用。全年分2、3月和4、5月两批实施。' },
    { name: 'circled numbers in order', text: '重点是：①加强组织领导；②强化督促落实；③注重宣传引导。' },
    { name: 'digit items in separate paragraphs are headings (numbering/sequence)', text: '1.加强组织领导。\n\n2.强化督促落实。\n\n4.注重宣传引导。' },
    '一是加强理论学习；二是深入调查研究；三是强化民主监督。',
    { name: 'a new series after another head sentence', text: '今年重点抓好三项工作。一是加强学习，二是深入调研，三是强化监督。\n\n同时，要做好两方面保障。一是完善制度，二是健全机制。' },
    { name: 'a later list whose first item is written otherwise', text: '一是完善制度。\n\n二是健全机制。\n\n三是加强督办。\n\n继续做好委员服务。二是优化联系方式。\n\n三是完善履职档案。' },
    { name: 'an excerpt that starts mid-list', text: '二是深入调查研究，形成高质量报告。三是强化民主监督。' },
    { name: 'the first item numbered another way: 一要 … 二是 … 三是', text: '需要防止以下几种倾向。\n\n一要警惕历史虚无主义的影响。\n\n二是防止唯票房、唯收视率。\n\n三是防止低俗媚俗。' },
    { name: 'the first item numbered another way: 首先 … 第二 … 第三', text: '做好疫情防控工作是重大政治任务。\n\n这场斗争对干部的考验是多方面的。首先，是对政治素质的考验。第二，是对宗旨意识的考验。第三，是对担当精神的考验。' },
    { name: 'the items before numbered another way: 首先 … 其次 … 其三 … 其四', text: '调查组对两案进行了全面审查。\n\n调查组认定，首先，合同应为合作勘查合同。其次，合同是有效的。其三，应当确定违约责任。其四，应当依法处理。' },
    { name: 'ordinals inside a quotation are the speaker’s', text: '他强调：“二是要加强学习，四是要强化监督。”' },
    '第一，提高政治站位；第二，完善工作机制；第三，加强队伍建设。',
    '首先，要加强学习。其次，要深入调研。再次，要强化督办。最后，要抓好落实。',
    { name: 'not ordinals', text: '这是统一是前提，唯一是标准；他第一次参加会议，其三个孩子都在外地。' },
    '其一，坚持问题导向；其二，坚持系统观念。',
    { name: '首先要 … 其次要 … 再次要 … 最后要 (the modal opens each item)', text: '做好这项工作，首先要提高认识，统一思想；其次要完善制度；再次是强化督查；最后要总结经验。' },
    { name: '第一、 joining numbers is no ordinal', text: '获得第一、二名的选手，第一、第二名都有奖。' },
    { name: 'bracketed numbers opening paragraphs are headings (numbering/sequence checks them)', text: '（一）加强学习。\n（二）深化协商。\n（四）强化监督。' },
    { name: 'bracketed numbers as references, or a paragraph that does not start its series at one', text: '依照第三条（一）项、（二）项和第五条（四）项办理。\n\n为此：（二）完善制度。（三）健全机制。' },
    { name: 'bracketed items in order, Chinese numerals and digits counted apart', text: '主要做法：（一）搭建平台；（二）完善机制；（1）注重实效；（2）强化督办。' },
    { name: '首先 as an ordinary adverb', text: '他首先要感谢大家。会议首先听取了报告，其次要看落实。' },
  ],
  invalid: [
    {
      name: 'digits opening the items of a paragraph: a gap',
      text: '主要措施：1.加强组织领导；2.强化督促落实；4.注重宣传引导。',
      errors: [{ line: 1, column: 24, length: 2, message: '序数不连续：前一项为“2.”，此处为“4.”，应为“3.”' }],
      output: '主要措施：1.加强组织领导；2.强化督促落实；3.注重宣传引导。',
    },
    {
      name: 'digits with 顿号: a repeat, the next confirming it',
      text: '1、加强组织领导；2、强化督促落实；2、注重宣传引导；4、严格考核奖惩。',
      errors: [{ line: 1, column: 19, length: 2, message: '序数重复：前一项为“2、”，此处为“2、”，应为“3、”' }],
      output: '1、加强组织领导；2、强化督促落实；3、注重宣传引导；4、严格考核奖惩。',
    },
    {
      name: 'circled numbers: a gap',
      text: '重点是：①加强组织领导；②强化督促落实；④注重宣传引导。',
      errors: [{ line: 1, column: 21, length: 1, message: '序数不连续：前一项为“②”，此处为“④”，应为“③”' }],
      output: '重点是：①加强组织领导；②强化督促落实；③注重宣传引导。',
    },
    {
      name: 'bracketed numbers inside one paragraph: a gap (（一）（二）（四）), the heading numbering of the paragraph counted first',
      text: '（一）加强学习。（二）深化协商。（四）强化监督。',
      errors: [{ line: 1, column: 17, length: 3, message: '序数不连续：前一项为“（二）”，此处为“（四）”，应为“（三）”' }],
      output: '（一）加强学习。（二）深化协商。（三）强化监督。',
    },
    {
      name: 'bracketed digits repeated after a colon, half-width brackets kept as written',
      text: '存在的问题：(1)调研不深；(2)转化不够；(2)作用发挥不充分。',
      errors: [{ line: 1, column: 23, length: 3, message: '序数重复：前一项为“(2)”，此处为“(2)”，应为“(3)”' }],
      output: '存在的问题：(1)调研不深；(2)转化不够；(3)作用发挥不充分。',
    },
    {
      name: 'a repeated number (三是 … 三是)',
      text: '一是加强学习；二是深入调研；三是强化监督；三是抓好落实；五是改进作风。',
      errors: [{ line: 1, column: 22, length: 2, message: '序数重复：前一项为“三是”，此处为“三是”，应为“四是”' }],
      output: '一是加强学习；二是深入调研；三是强化监督；四是抓好落实；五是改进作风。',
    },
    {
      name: 'a gap across paragraphs (一是 … 三是)',
      text: '明年重点做好以下工作。一是提高政治站位，加强理论学习。\n\n三是完善工作机制，健全协商制度。',
      errors: [{ line: 3, column: 1, length: 2, message: '序数不连续' }],
      output: '明年重点做好以下工作。一是提高政治站位，加强理论学习。\n\n二是完善工作机制，健全协商制度。',
    },
    {
      name: 'a gap inside a paragraph with no sure fix (一是、二是、四是、五是)',
      text: '会议要求：一是加强学习，二是深入调研，四是强化监督，五是抓好落实。',
      errors: [{ line: 1, column: 20, length: 2, message: '序数不连续：前一项为“二是”，此处为“四是”，应为“三是”' }],
    },
    {
      name: 'another kind of ordinal with another number before it does not start the list',
      text: '会议部署了明年工作。首先，提高站位。\n\n三是加强学习，四是深入调研。',
      errors: [{ line: 3, column: 1, length: 2, severity: 'info', message: '序数从“三是”开始，前面没有“一是”' }],
    },
    {
      name: 'a list that does not start at 一',
      text: '会议部署了明年工作。\n\n二是加强学习，三是深入调研。',
      errors: [{ line: 3, column: 1, length: 2, severity: 'info', message: '前面没有“一是”' }],
    },
    {
      name: '其次 again after 再次',
      text: '首先，政策落实不到位。其次，基层力量薄弱。再次，群众认识不足。其次，信息化水平较低。',
      errors: [{ line: 1, column: 32, length: 2, message: '序数重复：前面已有“再次”，此处又是“其次”' }],
    },
    {
      name: 'an earlier adverb ordinal after a later one',
      text: '首先，要加强学习。再次，要深入调研。其次，要强化督办。',
      errors: [
        { line: 1, column: 10, length: 2, message: '“首先”之后直接是“再次”' },
      ],
    },
    {
      name: '其次 twice',
      text: '首先，要加强学习。其次，要深入调研。其次，要强化督办。',
      errors: [{ line: 1, column: 19, length: 2, message: '应为“再次”' }],
      output: '首先，要加强学习。其次，要深入调研。再次，要强化督办。',
    },
    {
      name: '其次要 twice',
      text: '做好这项工作，首先要提高认识，统一思想；其次要完善制度，健全机制；其次要强化督查，狠抓落实。',
      errors: [{ line: 1, column: 34, length: 2, message: '序数重复：前面已有“其次”，此处应为“再次”' }],
      output: '做好这项工作，首先要提高认识，统一思想；其次要完善制度，健全机制；再次要强化督查，狠抓落实。',
    },
    {
      name: '第一、 … 第二、 … 第二、',
      text: '我们的体会是：第一、坚持党的领导；第二、坚持团结民主；第二、坚持服务大局。',
      errors: [{ line: 1, column: 28, length: 2, message: '序数重复：前一项为“第二”，此处为“第二”，应为“第三”' }],
      output: '我们的体会是：第一、坚持党的领导；第二、坚持团结民主；第三、坚持服务大局。',
    },
    {
      name: '首先 … 再次 without 其次',
      text: '做好这项工作，首先要提高认识；再次要完善制度。',
      errors: [{ line: 1, column: 16, length: 2, message: '中间缺少“其次”' }],
    },
    {
      name: '其一 … 其三',
      text: '其一，坚持问题导向；其三，坚持系统观念。',
      errors: [{ line: 1, column: 11, length: 2, message: '应为“其二”' }],
      output: '其一，坚持问题导向；其二，坚持系统观念。',
    },
  ],
});
