import { fundScopeSchema, lineTableSchema } from './final-budget-amount.js';

/** Columns of 一般公共预算财政拨款支出决算表 (公开05表, 按功能分类科目). */
export const gpbFunctionalColumns = {
  /** 本年支出合计 / 合计 / 金额 */
  total: '合计',
  /** 基本支出 (小计) */
  basicExpenditure: '基本支出',
  /** 基本支出 / 人员经费 */
  personnel: '人员经费',
  /** 基本支出 / 公用经费 */
  publicFunds: '公用经费',
  /** 项目支出 */
  projectExpenditure: '项目支出',
} as const;

export const gpbFunctionalExtra = { scope: fundScopeSchema };

export const finalGpbFunctionalSchema = lineTableSchema('final.gpb_functional', gpbFunctionalColumns, gpbFunctionalExtra);
