import { z } from 'zod';
import { baseRecordSchema, lineRowSchema, moneySchema, provenanceSchema } from './common.js';
import type { ColumnDef, FamilyDef } from '../src/recognise/amount/families/types.js';
import { summary } from '../src/recognise/amount/families/summary.js';

/**
 * Shared shapes of the 决算 (final.*) and 预算 (budget.*) amount tables. Every column of a printed table becomes
 * one camelCase key, declared once in its family file (src/recognise/amount/families/*.ts: key, printed header,
 * header patterns, TSDoc); the schemas take their `values` keys from there, so a key the recognisers use is a
 * key the schema holds. Regional variants of a header (预算数 vs 决算数, 8-table Shaanxi vs 9-table Shanghai vs
 * 12-table Jiangsu layouts, src/recognise/amount/regions/*.ts) map to the same key.
 */
export type ColumnKeys<K extends string = string> = { readonly [P in K]: string };

/** A family's column keys with the printed header each stands for: the `values` keys of its records. */
export function columnLabels<K extends string>(family: FamilyDef<string, K>): ColumnKeys<K> {
  return Object.fromEntries(
    Object.entries<ColumnDef>(family.columns).map(([key, c]) => [key, c.label]),
  ) as ColumnKeys<K>;
}

/** A line of an amount table; `notes` keeps text columns (备注, 采购组织形式) as printed. */
export function amountRowSchema<K extends string>(columns: ColumnKeys<K>) {
  const keys = Object.keys(columns) as [K, ...K[]];
  // A family without amount columns (the empty-table index) has rows with no values.
  const key = keys.length > 0 ? z.enum(keys as unknown as [string, ...string[]]) : z.never();
  return lineRowSchema.extend({
    values: z.partialRecord(key, moneySchema),
    cells: z.partialRecord(key, provenanceSchema).optional(),
    notes: z.record(z.string(), z.string()).optional(),
    /** The code as printed when it did not fit the tree and `code` is the one its position gives (amount.code_misprinted). */
    printedCode: z.string().optional(),
  });
}

/** A coded line table (收入决算表, 支出决算表, 功能分类 / 经济分类 tables). */
export function lineTableSchema<K extends string, E extends z.ZodRawShape>(
  tableType: string,
  columns: ColumnKeys<K>,
  extra?: E,
) {
  return baseRecordSchema.extend({
    tableType: z.literal(tableType),
    rows: z.array(amountRowSchema(columns)),
    ...(extra ?? ({} as E)),
  });
}

/**
 * Which side of a two-sided summary table (收入支出总表) a line is printed on. Decision: summary
 * tables keep ONE `rows` array and tag each line with its side, so every record has the same `rows`
 * contract; Jiangsu prints expenditure twice (功能分类 and 支出用途), hence the third value.
 */
export const summarySideSchema = z.enum(['income', 'expenditure', 'expenditure_by_purpose']);
export type SummarySide = z.infer<typeof summarySideSchema>;

export function summaryTableSchema<K extends string>(tableType: string, columns: ColumnKeys<K>) {
  return baseRecordSchema.extend({
    tableType: z.literal(tableType),
    rows: z.array(amountRowSchema(columns).extend({ side: summarySideSchema })),
  });
}

/**
 * 一般公共预算 vs 财政拨款 scope of a functional / economic table: Jiangsu prints both
 * 财政拨款支出预算表 (all fiscal funds) and 一般公共预算支出预算表; both share one type.
 */
export const fundScopeSchema = z.enum(['general_budget', 'fiscal']);

/** Columns of the 收入支出总表 sides (families/summary.ts): one amount per line, split by use in some budget layouts. */
export const summaryColumns = columnLabels(summary);
