import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { income } from '../src/recognise/amount/families/income.js';

/** Columns of 收入决算表 (公开02表) and 收入预算总表: keys, printed headers and TSDoc in families/income.ts. */
export const incomeColumns = columnLabels(income);

export const finalIncomeSchema = lineTableSchema('final.income', incomeColumns);
