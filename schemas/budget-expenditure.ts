import { lineTableSchema } from './final-budget-amount.js';
import { expenditureColumns } from './final-expenditure.js';

/** 支出预算总表 (Jiangsu adds 单位预留机动经费 and 结转下年资金). */
export const budgetExpenditureSchema = lineTableSchema('budget.expenditure', expenditureColumns);
