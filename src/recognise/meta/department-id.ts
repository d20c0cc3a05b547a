import { compactName } from './org-name.js';
import { regionCode, regionFromText, type Region } from './region.js';

/**
 * A department's canonical identity (issue 15): every spelling its disclosures use across years reduced to one key,
 * so 江苏省政协办公厅 of 2017, 中国人民政治协商会议江苏省委员会办公厅 of 2018 and 政协江苏省委员会办公厅 of 2019 are one
 * department. The id is the key behind the region's division code (`32:江苏省政协办公厅`). A key is never shown to a
 * reader as the department's name: exports show the printed name, or the name a user gave it
 * (`budgetdoc departments --rename`, src/store/departments.ts).
 */

/** Full forms of organs and their short forms, the order mattering (常务委员会 before 委员会). */
const SHORT_FORMS: Array<[RegExp, string]> = [
  [/中国共产党/g, '中共'],
  // 中国人民政治协商会议江苏省委员会 / 政协江苏省委员会 / 江苏省政协委员会 → 江苏省政协
  [/^(?:中国人民)?政治协商会议(.+?[省市区县旗州])委员会/, '$1政协'],
  [/^政协(.+?[省市区县旗州])委员会/, '$1政协'],
  [/政协委员会/g, '政协'],
  [/政治协商会议/g, '政协'],
  // 江苏省人民代表大会常务委员会 / 江苏省人大常委会 / 江苏省人大 → 江苏省人大: its 办公厅 is one office.
  [/人民代表大会常务委员会/g, '人大'],
  [/人大常务委员会|人大常委会/g, '人大'],
  [/人民代表大会/g, '人大'],
  [/常务委员会/g, '常委会'],
  // 中共江苏省委员会办公厅 → 中共江苏省委办公厅; 发展和改革委员会 → 发展和改革委
  [/委员会/g, '委'],
  [/人民政府/g, '政府'],
];

/** The general offices whose name the region's level decides: 办公厅 at province level, 办公室 below it. */
const GENERAL_OFFICE = /(委|人大|政协|政府)办公[厅室]$/;

type Level = 'province' | 'city' | 'county';

function levelOf(region: Region): Level | undefined {
  if (region.county) return 'county';
  if (region.city) return 'city';
  return region.province ? 'province' : undefined;
}

/**
 * The name with the region's upper levels put in front when it prints only the lower ones ('普陀区政府办公室' in
 * 上海市普陀区 is 上海市普陀区政府办公室) or a bare level word ('省政协办公厅' in 江苏省).
 */
function withRegion(name: string, region: Region): string {
  const parts = [region.province, region.city, region.county].filter((p): p is string => Boolean(p));
  if (parts.length === 0) return name;
  for (let i = 0; i < parts.length; i++) {
    if (name.startsWith(parts.slice(i).join(''))) return parts.slice(0, i).join('') + name;
  }
  const lowest = parts.at(-1)!;
  const bare = lowest.at(-1)!;
  // '省政协办公厅' is the province's; a bare '市' in a district's disclosure names the city above, so only the
  // lowest level's own word is expanded.
  if (name.startsWith(bare) && !name.startsWith(lowest)) return parts.join('') + name.slice(1);
  return name;
}

/**
 * A department's name reduced to the spelling every year of its disclosures shares: whitespace, brackets and what
 * they hold ('（本级）'), quotes gone; 中国共产党 written 中共 and then dropped in front (中共江苏省委办公厅 and
 * 江苏省委办公厅 are one office); full forms in their short form (人民代表大会常务委员会 → 人大, 政治协商会议 → 政协,
 * 委员会 → 委, 人民政府 → 政府); the region's levels in front; and the general office of a 党委, 人大, 政协 or 政府
 * named as its level names it: 办公厅 at province level, 办公室 below. `region` is the document's; without it the
 * region the name itself prints decides the office's level, and nothing is put in front.
 */
export function departmentKey(name: string, region?: Region): string {
  let key = compactName(name)
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[【】〔〕[\]「」《》"“”'‘’·]/g, '');
  for (const [from, to] of SHORT_FORMS) key = key.replace(from, to);
  key = key.replace(/^中共/, '');
  if (region) key = withRegion(key, region);
  const level = levelOf(region && levelOf(region) ? region : regionFromText(key));
  if (level && GENERAL_OFFICE.test(key)) key = `${key.slice(0, -1)}${level === 'province' ? '厅' : '室'}`;
  return key;
}

/** `<division code or 'xx'>:<department key>`; undefined without a printed department. */
export function departmentId(name: string | null | undefined, region: Region = {}): string | undefined {
  if (!name) return undefined;
  const key = departmentKey(name, region);
  return key ? `${regionCode(region) ?? 'xx'}:${key}` : undefined;
}
