import { lineTableSchema } from './final-budget-amount.js';
import { incomeColumns } from './final-income.js';

/** 收入预算总表: the 决算 income columns, 事业单位经营收入 as operatingIncome. */
export const budgetIncomeSchema = lineTableSchema('budget.income', incomeColumns);
