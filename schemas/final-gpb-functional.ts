import { columnLabels, fundScopeSchema, lineTableSchema } from './final-budget-amount.js';
import { gpbFunctional } from '../src/recognise/amount/families/gpb-functional.js';

/** Columns of 一般公共预算财政拨款支出决算表 (公开05表, 按功能分类科目) (families/gpb-functional.ts). */
export const gpbFunctionalColumns = columnLabels(gpbFunctional);

export const gpbFunctionalExtra = { scope: fundScopeSchema };

export const finalGpbFunctionalSchema = lineTableSchema(
  'final.gpb_functional',
  gpbFunctionalColumns,
  gpbFunctionalExtra,
);
