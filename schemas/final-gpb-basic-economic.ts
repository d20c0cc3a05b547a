import { fundScopeSchema, lineTableSchema } from './final-budget-amount.js';

/** Columns of 一般公共预算财政拨款基本支出决算表 (公开06表, 按经济分类科目). */
export const gpbBasicEconomicColumns = {
  /** 本年支出合计 / 决算数 / 合计 / 金额 */
  total: '合计',
  /** 人员经费 */
  personnel: '人员经费',
  /** 公用经费 */
  publicFunds: '公用经费',
} as const;

export const gpbBasicEconomicExtra = { scope: fundScopeSchema };

export const finalGpbBasicEconomicSchema = lineTableSchema('final.gpb_basic_economic', gpbBasicEconomicColumns, gpbBasicEconomicExtra);
