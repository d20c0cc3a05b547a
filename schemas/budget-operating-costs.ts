import { lineTableSchema } from './final-budget-amount.js';

/** 一般公共预算机关运行经费支出预算表 (经济科目 lines). */
export const operatingCostsColumns = {
  /** 机关运行经费支出 / 金额 / 合计 */
  total: '机关运行经费支出',
} as const;

export const budgetOperatingCostsSchema = lineTableSchema('budget.operating_costs', operatingCostsColumns);
