import { summaryColumns, summaryTableSchema } from './final-budget-amount.js';

/** 公开01表 收入支出决算总表: rows tagged income / expenditure, one 决算数 each. */
export const finalSummarySchema = summaryTableSchema('final.summary', summaryColumns);
