import { lineTableSchema } from './final-budget-amount.js';
import { fundColumns } from './final-gov-fund.js';

/** 国有资本经营预算财政拨款(收入)支出决算表 (公开09表, some regions): same columns as 公开08表. */
export const finalSoeCapitalSchema = lineTableSchema('final.soe_capital', fundColumns);
