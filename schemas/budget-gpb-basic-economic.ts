import { lineTableSchema } from './final-budget-amount.js';
import { gpbBasicEconomicColumns, gpbBasicEconomicExtra } from './final-gpb-basic-economic.js';

/** 一般公共预算基本支出(部门预算)经济分类预算表 / 财政拨款基本支出预算表(经济科目). */
export const budgetGpbBasicEconomicSchema = lineTableSchema(
  'budget.gpb_basic_economic',
  gpbBasicEconomicColumns,
  gpbBasicEconomicExtra,
);
