import { emptyIndex } from './empty-index.js';
import { expenditure } from './expenditure.js';
import { fiscalSummary } from './fiscal-summary.js';
import { govFund } from './gov-fund.js';
import { gpbBasicEconomic } from './gpb-basic-economic.js';
import { gpbFunctional } from './gpb-functional.js';
import { income } from './income.js';
import { operatingCosts } from './operating-costs.js';
import { procurement } from './procurement.js';
import { soeCapital } from './soe-capital.js';
import { summary } from './summary.js';
import { threePublic } from './three-public.js';
import type { AmountKind, ColumnKeyOf, FamilyDef } from './types.js';

/**
 * Every amount-table family (docs/architecture.md type ids without the kind prefix), by id. The one list that
 * drives classification (title and header rules by rank), recognition (columns, identities, required rows),
 * the zod schemas and the data dictionary. Adding a family is one file here and its schema files.
 */
export const FAMILY = {
  summary,
  income,
  expenditure,
  fiscal_summary: fiscalSummary,
  gpb_functional: gpbFunctional,
  gpb_basic_economic: gpbBasicEconomic,
  three_public: threePublic,
  gov_fund: govFund,
  soe_capital: soeCapital,
  empty_index: emptyIndex,
  procurement,
  operating_costs: operatingCosts,
} as const;

export type AmountFamily = keyof typeof FAMILY;
export type { AmountKind };

/** The families in the order the 决算 / 预算 table series print them (schema and dictionary order). */
export const FAMILIES: ReadonlyArray<(typeof FAMILY)[AmountFamily]> = Object.values(FAMILY);

/** The column keys of a family: what its schema's `values` hold. */
export type ColumnKey<F extends AmountFamily> = ColumnKeyOf<(typeof FAMILY)[F]>;

/** Families printed by one kind of document. */
export type FamilyOfKind<K extends AmountKind> = {
  [F in AmountFamily]: K extends (typeof FAMILY)[F]['kinds'][number] ? F : never;
}[AmountFamily];

/** A column key, checked against the family at compile time (for code outside the family files, e.g. cross-table checks). */
export const col = <F extends AmountFamily>(_family: F, key: ColumnKey<F>): ColumnKey<F> => key;

export type { FamilyDef };
