import { lineTableSchema } from './final-budget-amount.js';
import { fundColumns } from './final-gov-fund.js';

/** 国有资本经营预算支出功能分类预算表. */
export const budgetSoeCapitalSchema = lineTableSchema('budget.soe_capital', fundColumns);
