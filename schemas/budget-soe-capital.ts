import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { soeCapital } from '../src/recognise/amount/families/soe-capital.js';

/** 国有资本经营预算支出功能分类预算表. */
export const budgetSoeCapitalSchema = lineTableSchema('budget.soe_capital', columnLabels(soeCapital));
