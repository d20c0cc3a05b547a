import { columnLabels, summaryTableSchema } from './final-budget-amount.js';
import { fiscalSummary } from '../src/recognise/amount/families/fiscal-summary.js';

/** Columns of 财政拨款收入支出决算总表 (公开04表) / 财政拨款收支预算总表 (families/fiscal-summary.ts). */
export const fiscalSummaryColumns = columnLabels(fiscalSummary);

export const finalFiscalSummarySchema = summaryTableSchema('final.fiscal_summary', fiscalSummaryColumns);
