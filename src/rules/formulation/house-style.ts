// (opt-in) 党的十九大 → 中共十九大, 党中央 → 中共中央 (a 政协 body's own preferred wording).
import type { Rule } from '../../core/types';
import { coveredByAllow, entriesOf, HouseStyleEntry, smallestFix } from './_lib/pack-entries';

/** Compiles house-style patterns once; a pattern that does not compile is skipped (the pack check reports it). */
export function compileHouseStyle(entries: HouseStyleEntry[]): { entry: HouseStyleEntry; re: RegExp }[] {
  const out: { entry: HouseStyleEntry; re: RegExp }[] = [];
  for (const e of entries) {
    try {
      out.push({ entry: e, re: new RegExp(e.pattern, 'gu') });
    } catch {
      /* an invalid pattern is refused when the pack loads (regex-safety) */
    }
  }
  return out;
}

export const houseStyle: Rule = {
  meta: {
    id: 'formulation/house-style',
    category: 'formulation',
    defaultSeverity: 'info',
    description: '本单位文风：政协文稿中用“中共十九大”“中共中央”等写法（默认关闭）',
    docs:
      '政协是统一战线组织，政协机关自己的文稿中提到中国共产党的会议和机构时，不少单位习惯写“中共十九大”“中共十九届四中全会”“中共中央”，而不写“党的十九大”“党中央”。' +
      '本规则默认关闭，在 .draftlintrc.json 中打开：`"rules": { "formulation/house-style": "warning" }`。写法由规则包的 house-style 条目定义（正则表达式和替换），单位可以增删。',
    examples: [
      { bad: '全面贯彻党的十九大精神', good: '全面贯彻中共十九大精神' },
      { bad: '把党中央决策部署落实下去', good: '把中共中央决策部署落实下去' },
    ],
    fixable: true,
    defaultOff: true,
  },
  check(ctx) {
    const list = ctx.packs.memo('formulation:house-style', () => compileHouseStyle(entriesOf(ctx.packs, 'house-style')));
    const text = ctx.doc.masked;
    const taken = new Set<number>();
    for (const { entry, re } of list) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const s = m.index;
        const e = s + m[0].length;
        let free = true;
        for (let i = s; i < e && free; i++) if (taken.has(i)) free = false;
        if (!free) continue;
        if (coveredByAllow(text, s, e, entry.allow)) continue;
        const want = m[0].replace(new RegExp(entry.pattern, 'u'), entry.replace);
        if (want === m[0]) continue;
        for (let i = s; i < e; i++) taken.add(i);
        ctx.report({
          offset: s,
          length: m[0].length,
          message: entry.message ?? `本单位文风：“${m[0]}”宜写作“${want}”`,
          fix: smallestFix(m[0], want, s),
          expected: want,
          source: entry.source ?? entry.note,
          severity: entry.severity,
        });
      }
    }
  },
};
