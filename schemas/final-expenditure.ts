import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { expenditure } from '../src/recognise/amount/families/expenditure.js';

/** Columns of 支出决算表 (公开03表) and 支出预算总表: keys, printed headers and TSDoc in families/expenditure.ts. */
export const expenditureColumns = columnLabels(expenditure);

export const finalExpenditureSchema = lineTableSchema('final.expenditure', expenditureColumns);
