// Generated recall test for wording/typo: frequent dictionary words in clean sentences written for this test get one
// input-method slip at a time — the most frequent homophone (pinyin-pro's usual reading) or a look-alike of the pack
// that makes a non-word — and the typo rules must find most of them with the right fix; the clean sentences stay clean.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pinyin } from 'pinyin-pro';
import { lint } from '../../src/lint';
import { defaultConfig, Rule } from '../../src/core/types';
import { dictDir, loadSegmenter } from '../../src/segmenter';
import { typo } from '../../src/rules/wording/typo';
import { confusableChar } from '../../src/rules/wording/confusable-char';
import { misspelling } from '../../src/rules/wording/misspelling';
import wording from '../../src/packs/wording.json';
import { nearReadings } from '../../src/segmenter/lexicon';

/** Clean sentences in the register of 政协 reports and proposals (written for this test). */
export const CLEAN_SENTENCES = [
  '市政协组织委员围绕乡村振兴开展专题调研，形成了高质量的调研报告。',
  '各级党委和政府要高度重视政协提案办理工作，切实提高办理质量。',
  '我们坚持把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务。',
  '建议进一步完善农村基础设施，加大财政投入力度，改善群众生产生活条件。',
  '全年共收到委员提案三百二十件，经审查立案二百八十六件。',
  '委员们深入基层，倾听群众呼声，反映社情民意，提出了许多有价值的意见建议。',
  '要加快推进城乡一体化发展，促进城乡要素平等交换和公共资源均衡配置。',
  '围绕优化营商环境，支持民营企业发展壮大，召开专题协商会。',
  '疫情防控期间，广大政协委员积极捐款捐物，展现了责任担当。',
  '坚决打赢脱贫攻坚战，巩固拓展脱贫攻坚成果，同乡村振兴有效衔接。',
  '做好防汛抗旱工作，确保人民群众生命财产安全。',
  '加强生态环境保护，推进大气污染防治，持续改善空气质量。',
  '完善养老服务体系，发展普惠型养老服务，满足老年人多样化需求。',
  '推动教育公平，促进义务教育优质均衡发展，减轻学生课业负担。',
  '加强对外交流合作，讲好中国故事，凝聚海内外中华儿女的力量。',
  '健全协商议题提出机制，增强协商的针对性和实效性。',
  '常委会坚持团结和民主两大主题，充分发挥专门协商机构作用。',
  '加强委员队伍建设，引导委员增强履职本领，树立良好形象。',
  '积极推进文化事业和文化产业发展，丰富群众精神文化生活。',
  '建议有关部门加强食品安全监管，严厉打击违法违规行为。',
  '深化医药卫生体制改革，提高基层医疗卫生服务能力。',
  '围绕科技创新和人才培养，组织委员视察高新技术企业。',
  '坚持以人民为中心的发展思想，切实解决群众急难愁盼问题。',
  '加大对中小企业的金融支持，缓解融资难融资贵问题。',
  '做好民族宗教工作，促进各民族交往交流交融。',
  '加强和改进机关建设，提高服务保障水平和工作效率。',
  '及时向市委汇报重要情况，确保政协工作正确政治方向。',
  '认真组织开展民主监督，推动重大决策部署落地见效。',
  '推动制造业转型升级，培育壮大战略性新兴产业。',
  '坚持节约资源和保护环境的基本国策，建设美丽家园。',
  '加强社会治理创新，提升基层治理能力和水平。',
  '完善住房保障体系，加快解决新市民住房困难问题。',
  '办好人民满意的教育，全面提高教育教学质量。',
  '推动交通运输高质量发展，完善综合立体交通网络。',
  '加快数字经济发展，推进数字产业化和产业数字化。',
  '加强历史文化遗产保护，传承弘扬优秀传统文化。',
  '完善公共法律服务体系，加强法治宣传教育。',
  '提高农业综合生产能力，确保粮食安全和重要农产品供给。',
  '关心支持青年成长成才，为青年建功立业搭建平台。',
  '加强统一战线工作，巩固和发展最广泛的爱国统一战线。',
];

const RULES: Rule[] = [typo, confusableChar, misspelling];
/** Measured rates less a margin: homophones 83.3% of 696, near homophones 68.8% of 369, look-alikes 69.0% of 113 of
 *  the generated slips (docs/typo-detection.md 第八轮; the homophone rate was ≈ 58% when this test was written). */
const HOMOPHONE_FLOOR = 0.75;
const LOOKALIKE_FLOOR = 0.6;
const NEAR_FLOOR = 0.6;

/** Frequencies of the compact dictionary (word → jieba frequency). */
function dictionary(): Map<string, number> {
  const m = new Map<string, number>();
  for (const line of fs.readFileSync(path.join(dictDir(), 'compact.dict.utf8'), 'utf8').split('\n')) {
    const [w, f] = line.split(' ');
    if (w && f) m.set(w, Number(f));
  }
  return m;
}

const usual = (ch: string): string => pinyin(ch, { toneType: 'none' });

export interface Slip {
  sentence: string;
  text: string;
  offset: number;
  wrong: string;
  right: string;
  word: string;
}

/** One slip per (frequent word, character) of each sentence: homophones (most frequent first) or look-alikes. */
export function generateSlips(kind: 'homophone' | 'near' | 'lookalike', minFreq = 1000): Slip[] {
  const dict = dictionary();
  const seg = loadSegmenter().segmenter!;
  const lex = seg.lexicon!()!;
  const common = [...dict].filter(([w, f]) => w.length === 1 && f >= 1000 && /[\u4e00-\u9fff]/.test(w)).sort((a, b) => b[1] - a[1]);
  const bySound = new Map<string, string[]>();
  for (const [c] of common) {
    const r = usual(c);
    if (!bySound.has(r)) bySound.set(r, []);
    bySound.get(r)!.push(c);
  }
  const alikes = new Map<string, string[]>();
  for (const g of (wording as { wording: { confusables: { chars: string }[] } }).wording.confusables)
    for (const a of g.chars) for (const b of g.chars) if (a !== b) alikes.set(a, [...(alikes.get(a) ?? []), b]);
  const slips: Slip[] = [];
  for (const sentence of CLEAN_SENTENCES) {
    for (const t of seg.cut(sentence)) {
      if (t.word.length < 2 || t.word.length > 4 || !/^[\u4e00-\u9fff]+$/.test(t.word) || (dict.get(t.word) ?? 0) < minFreq) continue;
      for (let i = 0; i < t.word.length; i++) {
        const c = t.word[i];
        const options =
          kind === 'homophone' ? (bySound.get(usual(c)) ?? []) : kind === 'near' ? nearReadings(usual(c)).flatMap(r => bySound.get(r) ?? []) : (alikes.get(c) ?? []);
        const x = options.find(o => {
          if (o === c) return false;
          const w = t.word.slice(0, i) + o + t.word.slice(i + 1);
          return !dict.has(w) && !lex.word(w);
        });
        if (!x) continue;
        const offset = t.offset + i;
        slips.push({ sentence, text: sentence.slice(0, offset) + x + sentence.slice(offset + 1), offset, wrong: x, right: c, word: t.word });
      }
    }
  }
  return slips;
}

function options() {
  const config = defaultConfig();
  config.rules = Object.fromEntries(RULES.map(r => [r.meta.id, { severity: r.meta.defaultSeverity }]));
  return { rules: RULES, config, segmenter: loadSegmenter().segmenter! };
}

/** True when some finding covers the slip and its fix puts the right character back. */
export function found(s: Slip): boolean {
  return lint(s.text, options()).diagnostics.some(
    d => d.fix && d.offset <= s.offset && s.offset < d.offset + d.length && d.fix.offset === s.offset && d.fix.length === 1 && d.fix.text === s.right,
  );
}

describe('wording/typo: generated slips of frequent words', function () {
  this.timeout(60000);

  it('the clean sentences stay clean', () => {
    for (const s of CLEAN_SENTENCES) assert.deepStrictEqual(lint(s, options()).diagnostics.map(d => d.message), [], s);
  });

  // The target is 90%; the rules find about 58% (scripts/typo-recall.ts on seeds and reports, random homophones: about 70%): a slip inside a two-character word is the class where precision on
  // published text forces silence unless the word is common and edited text never has the pair. The floor below is
  // what they reach, so that a regression fails.
  it('finds at least half of the homophone slips (most frequent homophone, non-word)', () => {
    const slips = generateSlips('homophone');
    assert.ok(slips.length >= 150, `only ${slips.length} slips generated`);
    const missed = slips.filter(s => !found(s));
    const rate = 1 - missed.length / slips.length;
    assert.ok(rate >= HOMOPHONE_FLOOR, `found ${(rate * 100).toFixed(1)}% of ${slips.length}; missed e.g. ${missed.slice(0, 15).map(s => `${s.word}→${s.text.slice(Math.max(0, s.offset - 2), s.offset + 3)}`).join('，')}`);
  });

  it('finds most near-homophone slips (zh/z, in/ing, n/l …; most frequent character of the near reading, non-word)', () => {
    const slips = generateSlips('near');
    assert.ok(slips.length >= 100, `only ${slips.length} slips generated`);
    const rate = slips.filter(found).length / slips.length;
    assert.ok(rate >= NEAR_FLOOR, `found ${(rate * 100).toFixed(1)}% of ${slips.length}`);
  });

  it('finds most look-alike slips', () => {
    const slips = generateSlips('lookalike');
    assert.ok(slips.length >= 20, `only ${slips.length} slips generated`);
    const rate = slips.filter(found).length / slips.length;
    assert.ok(rate >= LOOKALIKE_FLOOR, `found ${(rate * 100).toFixed(1)}% of ${slips.length}`);
  });
});
