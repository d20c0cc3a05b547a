import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { soeCapital } from '../src/recognise/amount/families/soe-capital.js';

/** 国有资本经营预算财政拨款(收入)支出决算表 (公开09表, some regions): same columns as 公开08表 (families/soe-capital.ts). */
export const finalSoeCapitalSchema = lineTableSchema('final.soe_capital', columnLabels(soeCapital));
