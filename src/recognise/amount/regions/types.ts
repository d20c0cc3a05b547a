import type { AmountFamily, ColumnKey } from '../families/index.js';

/**
 * A region's printed variants of the amount-table families (issue 11): the title and header spellings its
 * documents print beyond the national 决算 template (docs/domain.md §3.1) each family file declares. One file
 * per region; each with a grid fixture in test/unit/recognise/amount/regions/. Variants add patterns to a
 * family's title rule and to its column keys (tried at the key's place in the family's order); a key the
 * family does not declare does not compile. They apply to every document, whatever its region: a layout
 * one region introduced is printed by others too, and a document's region is not always known.
 */
export interface FamilyVariant<F extends AmountFamily> {
  /** More title spellings that type the table. */
  titles?: readonly RegExp[];
  /** More header spellings, per column key. */
  columns?: { readonly [K in ColumnKey<F>]?: readonly RegExp[] };
}

export interface RegionDef {
  /** 'jiangsu' */
  id: string;
  /** 江苏省 */
  name: string;
  /** The table series its documents print ('12 部门预算 tables, 公开表一–十二'). */
  series: string;
  /** Where the variants were read: corpus files, samples, seeds. */
  evidence: readonly string[];
  families: { readonly [F in AmountFamily]?: FamilyVariant<F> };
}

/** A region, checked against the families (a wrong family id or column key is a compile error). */
export const defineRegion = (region: RegionDef): RegionDef => region;
