import { testRule } from '../helpers/ruleTester';
import { parallelPattern } from '../../src/rules/consistency/parallel-pattern';

const lead = (a: string, b: string, c: string) => `紧扣政治引领，${a}。区政协注重理论学习。\n\n紧扣民生福祉，${b}。坚持人民政协为人民。\n\n紧扣中心大局，${c}。坚持建言资政。`;

testRule(parallelPattern, {
  valid: [
    lead('在团结统战中凝聚共识', '在践行初心中凝聚共识', '在建言资政中凝聚共识'),
    { name: 'leads that do not open alike are not a series', text: '首先，在团结统战中凝聚共识。甲。\n\n其次，在践行初心凝聚共识。乙。\n\n最后，在建言资政中凝聚共识。丙。' },
    '## 一、以政治建设为统领\n\n## 二、以制度建设为保障\n\n## 三、以作风建设为抓手',
    { name: 'four-character pairs that all agree', text: '（一）聚焦中心，建言献策\n正文。\n（二）履职尽责，服务大局\n正文。\n（三）凝心聚力，共谋发展\n正文。' },
    { name: 'headings of free length are no pattern', text: '（一）聚焦中心，建言献策\n正文。\n（二）加强自身建设\n正文。\n（三）其他工作\n正文。' },
  ],
  invalid: [
    {
      name: 'one lead lost the 中 of 在……中',
      text: lead('在团结统战中凝聚共识', '在践行初心凝聚共识', '在建言资政中凝聚共识'),
      errors: [{ line: 3, column: 8, length: 9, message: '疑漏了“中”' }],
      output: lead('在团结统战中凝聚共识', '在践行初心中凝聚共识', '在建言资政中凝聚共识'),
    },
    {
      name: 'sibling headings 以……为……, one without 为',
      text: '## 一、以政治建设为统领\n\n## 二、以制度建设保障有力\n\n## 三、以作风建设为抓手',
      errors: [{ line: 3, column: 6, length: 9, message: '缺少“为”' }],
    },
    {
      name: 'sibling headings in four-character pairs, one with a six-character part: a note',
      text: '（一）聚焦中心，建言献策\n正文。\n（二）履职尽责，服务大局\n正文。\n（三）凝心聚力工作，共谋发展\n正文。\n（四）强化自身，提升效能\n正文。',
      errors: [{ line: 5, column: 4, length: 11, severity: 'info', message: '此标题“凝心聚力工作，共谋发展”不同' }],
    },
    {
      name: 'four-character pairs, one without its comma',
      text: '## 一、聚焦中心，建言献策\n\n## 二、履职尽责服务大局\n\n## 三、凝心聚力，共谋发展',
      errors: [{ line: 3, column: 6, length: 8, severity: 'info', message: '四字一组' }],
    },
  ],
});
