import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { procurement } from '../src/recognise/amount/families/procurement.js';

/**
 * 政府采购预算表 (Jiangsu 公开表十二), families/procurement.ts: lines are 采购品目大类 / 专项名称 / 经济科目 /
 * 采购物品名称, the most specific printed label is `name`, the others and 采购组织形式 are row `notes`.
 */
export const procurementColumns = columnLabels(procurement);

export const budgetProcurementSchema = lineTableSchema('budget.procurement', procurementColumns);
