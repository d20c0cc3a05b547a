import { summaryColumns, summaryTableSchema } from './final-budget-amount.js';

/** 收支预算总表 / 部门财务收支预算总表: rows tagged income / expenditure (/ expenditure_by_purpose), 预算数 each. */
export const budgetSummarySchema = summaryTableSchema('budget.summary', summaryColumns);
