import { lineTableSchema } from './final-budget-amount.js';

/**
 * 政府采购预算表 (Jiangsu 公开表十二): lines are 采购品目大类 / 专项名称 / 经济科目 / 采购物品名称,
 * the most specific printed label is `name`, the others and 采购组织形式 are row `notes`.
 */
export const procurementColumns = {
  /** 总计 / 合计 / 金额 */
  total: '总计',
} as const;

export const budgetProcurementSchema = lineTableSchema('budget.procurement', procurementColumns);
