import type { ColumnRule } from './header-match.js';
import type { RowIdentity } from './code-tree.js';
import { FAMILIES, type AmountFamily } from './families/index.js';
import type { AmountKind, AmountLayout, FamilyDef, HeaderRule, RequiredRow } from './families/types.js';
import { REGIONS, type RegionDef } from './regions/index.js';

/**
 * The runtime rules of each amount-table family: its family file (families/*.ts) with every region's variants
 * (regions/*.ts) merged in. 决算 and 预算 share every spec; only the type id prefix differs.
 */
export interface FamilySpec {
  family: AmountFamily;
  kinds: readonly AmountKind[];
  layout: AmountLayout;
  /** Header path → column key, in the family's key order; each key's patterns are the family's and the regions'. */
  columns: ColumnRule[];
  identities: RowIdentity[];
  requiredRows: readonly RequiredRow[];
  titles: RegExp[];
  titleRank: number;
  header?: HeaderRule;
  finalLabel?: number;
  /** Where each key's patterns come from, for the data dictionary: 'family' or a region id. */
  sources: Record<string, Array<{ from: string; patterns: RegExp[] }>>;
  def: FamilyDef;
}

/** One pattern out of several, each kept whole (a pattern's own alternation stays inside it). */
function union(patterns: readonly RegExp[]): RegExp {
  if (patterns.some((p) => p.flags !== ''))
    throw new Error(`header patterns take no flags: ${patterns.map(String).join(', ')}`);
  // A key no file gives a spelling for matches nothing.
  return patterns.length === 0 ? /(?!)/ : new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
}

function buildSpec(def: FamilyDef, regions: readonly RegionDef[]): FamilySpec {
  const family = def.id as AmountFamily;
  const variants = regions.map((r) => ({ region: r.id, variant: r.families[family] }));
  const sources: FamilySpec['sources'] = {};
  const columns: ColumnRule[] = Object.entries(def.columns).map(([key, column]) => {
    const own = [{ from: 'family', patterns: [...column.headers] }];
    for (const { region, variant } of variants) {
      const extra = (variant?.columns as Record<string, readonly RegExp[] | undefined> | undefined)?.[key];
      if (extra?.length) own.push({ from: region, patterns: [...extra] });
    }
    sources[key] = own.filter((s) => s.patterns.length > 0);
    const rule: ColumnRule = { key, path: union(own.flatMap((s) => s.patterns)) };
    if (column.text) rule.text = true;
    return rule;
  });
  const titles = [...def.title.patterns, ...variants.flatMap((v) => v.variant?.titles ?? [])];
  const spec: FamilySpec = {
    family,
    kinds: def.kinds,
    layout: def.layout,
    columns,
    identities: def.identities.map((i) => ({ name: i.name, total: i.total, parts: [...i.parts] })),
    requiredRows: def.requiredRows,
    titles,
    titleRank: def.title.rank,
    sources,
    def,
  };
  if (def.header) spec.header = def.header;
  if (def.finalLabel !== undefined) spec.finalLabel = def.finalLabel;
  return spec;
}

/** Every family's spec with the given regions' variants (all of them in production; tests leave one out). */
export function buildFamilySpecs(regions: readonly RegionDef[] = REGIONS): Record<AmountFamily, FamilySpec> {
  return Object.fromEntries(FAMILIES.map((d) => [d.id, buildSpec(d as FamilyDef, regions)])) as Record<
    AmountFamily,
    FamilySpec
  >;
}

export const FAMILY_SPECS = buildFamilySpecs();

/** Specs tried for a title, most specific first. */
export const BY_TITLE_RANK: FamilySpec[] = Object.values(FAMILY_SPECS).sort((a, b) => a.titleRank - b.titleRank);
/** Specs tried for header words, by their header rule's rank. */
export const BY_HEADER_RANK: FamilySpec[] = Object.values(FAMILY_SPECS)
  .filter((s) => s.header)
  .sort((a, b) => a.header!.rank - b.header!.rank);
