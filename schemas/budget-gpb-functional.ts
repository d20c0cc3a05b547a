import { lineTableSchema } from './final-budget-amount.js';
import { gpbFunctionalColumns, gpbFunctionalExtra } from './final-gpb-functional.js';

/** 一般公共预算支出功能分类预算表 / 财政拨款支出预算表(功能科目) (`scope` says which). */
export const budgetGpbFunctionalSchema = lineTableSchema(
  'budget.gpb_functional',
  gpbFunctionalColumns,
  gpbFunctionalExtra,
);
