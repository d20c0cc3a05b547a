import { createRequire } from 'node:module';

interface Division {
  code: string;
  name: string;
  children?: Division[];
}

export interface Region {
  province?: string;
  city?: string;
  county?: string;
}

const require = createRequire(import.meta.url);
const divisions = require('./divisions.json') as Division[];

interface Entry {
  level: 'province' | 'city' | 'county';
  region: Region;
  /** Name as printed and its short form (湖南省 -> 湖南, 咸阳市 -> 咸阳). */
  names: string[];
}

/** Placeholder units in the division list that are never printed as a place name. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

function short(name: string): string {
  const s = name.replace(/(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$/, '');
  return s.length >= 2 ? s : name;
}

function buildIndex(): Entry[] {
  const out: Entry[] = [];
  for (const p of divisions) {
    out.push({ level: 'province', region: { province: p.name }, names: [p.name, short(p.name)] });
    for (const c of p.children ?? []) {
      const city = PLACEHOLDERS.has(c.name) ? undefined : c.name;
      if (city) out.push({ level: 'city', region: { province: p.name, city }, names: [city, short(city)] });
      for (const a of c.children ?? []) {
        // Municipalities (北京市 ...) have districts directly under the province.
        const region: Region = { province: p.name, ...(city ? { city } : {}), county: a.name };
        out.push({ level: 'county', region, names: [a.name] });
      }
    }
  }
  return out;
}

let index: Entry[] | undefined;

/**
 * The region a text names (docs/domain.md §4: 陕西省 咸阳市 杨陵区), completed upwards from the
 * division list: '洪江市人民政府办公室' gives 湖南省 怀化市 洪江市. The most specific name wins;
 * a county name shared by several provinces (朝阳区) is kept only if a printed province or city
 * agrees with one of them.
 */
export function regionFromText(text: string): Region {
  index ??= buildIndex();
  const hits = index.filter((e) => e.names.some((n) => n.length >= 2 && text.includes(n)));
  const provinces = new Set(hits.filter((h) => h.level === 'province').map((h) => h.region.province));
  const cities = new Set(hits.filter((h) => h.level === 'city').map((h) => h.region.city));
  const fits = (e: Entry) =>
    (provinces.size === 0 || provinces.has(e.region.province)) &&
    (cities.size === 0 || !e.region.city || cities.has(e.region.city) || e.level === 'city');
  for (const level of ['county', 'city', 'province'] as const) {
    // Short names (咸阳, 湖南) only count at province/city level, and only full names for counties.
    const candidates = hits.filter((h) => h.level === level && fits(h));
    const unique = new Map(candidates.map((c) => [JSON.stringify(c.region), c.region]));
    if (unique.size === 1) return [...unique.values()][0]!;
    if (unique.size > 1 && level !== 'county') return [...unique.values()][0]!;
  }
  return {};
}

export interface NameRepair {
  value: string;
  /** The misread city name and the real one it was replaced by (威阳市 -> 咸阳市). */
  from: string;
  to: string;
}

let knownNames: Set<string> | undefined;

/** Same length, exactly one character different. */
function oneSubstitution(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.filter((c, i) => c !== y[i]).length === 1;
}

/**
 * OCR misreads one character of a city in a unit's name ('威阳市杨陵区...' for 咸阳市杨陵区): when
 * a county of the division list is printed after a city-level name that exists nowhere in the
 * list but is one substitution away from that county's own city, the city is put right.
 * Conservative by design: full city names only, no repair when the printed one is a real
 * division, when two edits are needed, or when two counties of that name would repair differently.
 * Callers apply it to OCR readings only (text layers print what the unit wrote).
 */
export function repairPlaceName(text: string): NameRepair | null {
  index ??= buildIndex();
  const known = (knownNames ??= new Set(index.flatMap((e) => e.names)));
  const repairs = new Map<string, NameRepair>();
  for (const e of index) {
    const { county, city } = e.region;
    if (e.level !== 'county' || !county || !city || county.length < 2) continue;
    for (let at = text.indexOf(county); at >= 0; at = text.indexOf(county, at + 1)) {
      const printed = text.slice(Math.max(0, at - city.length), at);
      if (printed === city || known.has(printed) || !oneSubstitution(printed, city)) continue;
      const value = text.slice(0, at - city.length) + city + text.slice(at);
      repairs.set(value, { value, from: printed, to: city });
    }
  }
  return repairs.size === 1 ? [...repairs.values()][0]! : null;
}

/**
 * The division code of the most specific level a region names (江苏省 → '32', 上海市普陀区 → '310107'), the
 * id that joins a region across spellings; undefined where the division list does not hold it.
 */
export function regionCode(region: Region): string | undefined {
  const province = divisions.find((p) => p.name === region.province);
  if (!province) return undefined;
  if (!region.city && !region.county) return province.code;
  const cities = province.children ?? [];
  const city = region.city ? cities.find((c) => c.name === region.city) : undefined;
  if (region.city && !city) return undefined;
  if (!region.county) return city?.code;
  const scope = city ? [city] : cities;
  for (const c of scope) {
    const county = c.children?.find((a) => a.name === region.county);
    if (county) return county.code;
  }
  return undefined;
}

/** The region's full name as printed on a cover, province first (江苏省, 上海市普陀区, 湖南省怀化市洪江市). */
export function regionName(region: Region): string | undefined {
  const parts = [region.province, region.city, region.county].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('') : undefined;
}
