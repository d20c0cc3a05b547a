import { z } from 'zod';
import { baseRecordSchema, lineRowSchema, moneySchema, provenanceSchema } from './common.js';

/**
 * Shared shapes of the 决算 (final.*) and 预算 (budget.*) amount tables. Every column of a printed
 * table becomes one camelCase key (its Chinese header in the TSDoc of the `...Columns` objects);
 * regional variants of a header (预算数 vs 决算数, 8-table Shaanxi vs 9-table Shanghai vs Jiangsu
 * layouts) map to the same key.
 */
export type ColumnKeys = Readonly<Record<string, string>>;

const keysOf = (columns: ColumnKeys) => Object.keys(columns) as [string, ...string[]];

/** A line of an amount table; `notes` keeps text columns (备注, 采购组织形式) as printed. */
export function amountRowSchema(columns: ColumnKeys) {
  const key = z.enum(keysOf(columns));
  return lineRowSchema.extend({
    values: z.partialRecord(key, moneySchema),
    cells: z.partialRecord(key, provenanceSchema).optional(),
    notes: z.record(z.string(), z.string()).optional(),
  });
}

/** A coded line table (收入决算表, 支出决算表, 功能分类 / 经济分类 tables). */
export function lineTableSchema<E extends z.ZodRawShape>(tableType: string, columns: ColumnKeys, extra?: E) {
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

export function summaryTableSchema(tableType: string, columns: ColumnKeys) {
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

/** Columns of the 收入支出总表 sides: one amount per line, split by use in some budget layouts. */
export const summaryColumns = {
  /** 决算数 / 预算数 / 金额 (/ 合计 under 预算数) */
  amount: '决算数',
  /** 预算数 / 基本支出 (小计) */
  basicExpenditure: '基本支出',
  /** 预算数 / 基本支出 / 人员经费 (Shanghai 市级单位预算) */
  personnel: '人员经费',
  /** 预算数 / 基本支出 / 公用经费 */
  publicFunds: '公用经费',
  /** 预算数 / 项目支出 */
  projectExpenditure: '项目支出',
} as const;
