import { columnLabels, fundScopeSchema, lineTableSchema } from './final-budget-amount.js';
import { gpbBasicEconomic } from '../src/recognise/amount/families/gpb-basic-economic.js';

/** Columns of 一般公共预算财政拨款基本支出决算表 (公开06表, 按经济分类科目) (families/gpb-basic-economic.ts). */
export const gpbBasicEconomicColumns = columnLabels(gpbBasicEconomic);

export const gpbBasicEconomicExtra = { scope: fundScopeSchema };

export const finalGpbBasicEconomicSchema = lineTableSchema(
  'final.gpb_basic_economic',
  gpbBasicEconomicColumns,
  gpbBasicEconomicExtra,
);
