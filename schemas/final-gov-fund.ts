import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { govFund } from '../src/recognise/amount/families/gov-fund.js';

/** Columns of 政府性基金预算财政拨款收入支出决算表 (公开08表) and the 国有资本经营 table of the same layout (families/fund-columns.ts). */
export const fundColumns = columnLabels(govFund);

export const finalGovFundSchema = lineTableSchema('final.gov_fund', fundColumns);
