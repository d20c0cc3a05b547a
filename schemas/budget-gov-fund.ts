import { lineTableSchema } from './final-budget-amount.js';
import { fundColumns } from './final-gov-fund.js';

/** 政府性基金预算支出功能分类预算表 / 财政拨款政府性基金支出预算表. */
export const budgetGovFundSchema = lineTableSchema('budget.gov_fund', fundColumns);
