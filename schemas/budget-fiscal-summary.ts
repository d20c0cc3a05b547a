import { summaryTableSchema } from './final-budget-amount.js';
import { fiscalSummaryColumns } from './final-fiscal-summary.js';

/** 财政拨款收支预算总表. */
export const budgetFiscalSummarySchema = summaryTableSchema('budget.fiscal_summary', fiscalSummaryColumns);
