/**
 * The shape of an amount-table family as data (issue 11): one file per 决算 / 预算 family declares how its title
 * and header are recognised, its columns (key, printed header, header patterns), the rows every complete table
 * prints and its row identities (docs/domain.md §3.1). One list of these (./index.ts) drives classification,
 * recognition, the zod schemas (schemas/final-*.ts, schemas/budget-*.ts take their `values` keys from
 * `columns`) and the data dictionary. Regional spellings of a header are data too, one file per region
 * (../regions/), keyed by these column keys: a key a rule or a region uses that the family does not declare
 * (and so the schema does not hold) is a compile error.
 *
 * This file imports nothing: schemas/ read the families without pulling in the recognisers.
 */

export type AmountKind = 'final' | 'budget';

/** How the body of a family's tables is read (src/recognise/amount/recogniser.ts). */
export type AmountLayout = 'lines' | 'summary' | 'transposed' | 'index' | 'procurement';

/** One column of a family. */
export interface ColumnDef {
  /** The printed header this key stands for, as the data dictionary names it ('本年收入合计'). */
  label: string;
  /**
   * Header paths this key maps (the printed header texts over the column, spaces removed, outermost first,
   * joined with '/': '基本支出/人员经费'). Keys are tried in the order the family declares them, so a more
   * specific key comes first (教育收费 before 事业收入, 小计 before 合计); the first key with a matching pattern wins.
   * A key may have none here when only a region prints it (regions/*.ts).
   */
  headers: readonly RegExp[];
  /** A text column (备注, 采购组织形式): kept as printed in the row's `notes`, never read as an amount. */
  text?: boolean;
}

/** Header words (all header texts of a table, '|'-joined) that type a table printed without a usable title. */
export interface HeaderRule {
  /** Every pattern must occur in the header words. */
  all: readonly RegExp[];
  /** No pattern may occur. */
  none?: readonly RegExp[];
  /** Rules are tried by rank, lowest first. */
  rank: number;
  /** The header decides even over a title (the 三公 table, whose title is often printed in fragments). */
  outranksTitle?: boolean;
}

/** Title words that type a table. */
export interface TitleRule {
  /** Any pattern matching the title (spaces removed) types the table. */
  patterns: readonly RegExp[];
  /**
   * Rules are tried by rank, lowest first: the most specific title first ('财政拨款收入支出决算总表' before
   * '收入支出决算总表', '一般公共预算财政拨款支出决算表' before '支出决算表').
   */
  rank: number;
}

/** A line every complete table of the family prints (docs/architecture.md, Trust: nothing it should hold is missing). */
export interface RequiredRow {
  /** The line's label (spaces removed). */
  label: RegExp;
  /** What the finding calls it. */
  name: string;
  /** 'table': once, when the table prints coded lines; 'each_side': on each side of a two-sided summary table. */
  scope: 'coded_table' | 'each_side';
}

/** A row identity such as 合计 = 基本支出 + 项目支出, over the columns a table prints. */
export interface RowIdentityDef<K extends string> {
  /** Rule suffix: 'row_total' gives 'final.expenditure.row_total'. */
  name: string;
  total: K;
  parts: readonly K[];
}

export interface FamilyDef<
  F extends string = string,
  K extends string = string,
  N extends readonly AmountKind[] = readonly AmountKind[],
> {
  /** The type id without its kind ('income' gives final.income and budget.income). */
  id: F;
  /** What the table is, for the data dictionary. */
  description: string;
  /** Which kinds of document print it (final.<id>, budget.<id>); each needs its schema (src/recognise/final|budget/index.ts). */
  kinds: N;
  layout: AmountLayout;
  title: TitleRule;
  header?: HeaderRule;
  /** Its number in the 决算 公开NN表 series (docs/domain.md §3.1); 预算 numbering differs by region and year. */
  finalLabel?: number;
  columns: { readonly [P in K]: ColumnDef };
  requiredRows: readonly RequiredRow[];
  /** Keys here are checked against `columns`, never inferred from them: an undeclared key does not compile. */
  identities: readonly RowIdentityDef<NoInfer<K>>[];
}

/** A family, its column keys kept as a literal union (a typo in an identity does not compile). */
export function defineFamily<const F extends string, const K extends string, const N extends readonly AmountKind[]>(
  def: FamilyDef<F, K, N>,
): FamilyDef<F, K, N> {
  return def;
}

/** The keys a family declares, in their order. */
export type ColumnKeyOf<D> = D extends FamilyDef<string, infer K, readonly AmountKind[]> ? K : never;

export function columnKeys<K extends string>(def: FamilyDef<string, K>): K[] {
  return Object.keys(def.columns) as K[];
}

/** 合计 / 总计 / 人员经费合计 …: the total line of a coded table (code-tree.ts isTotalRow). */
export const TOTAL_LINE = /^(合计|总计|.*经费合计|本年支出合计|本年收入合计)$/;

/** The 合计 line a coded line table prints. */
export const CODED_TOTAL: RequiredRow = { label: TOTAL_LINE, name: '合计', scope: 'coded_table' };
/** The 总计 / 合计 line on each side of a 收支总表. */
export const SIDE_TOTALS: RequiredRow = { label: /(总计|合计|小计)$/, name: '合计 / 总计', scope: 'each_side' };

export const rowTotal = <const K extends string>(total: K, parts: readonly K[]): RowIdentityDef<K> => ({
  name: 'row_total',
  total,
  parts,
});
