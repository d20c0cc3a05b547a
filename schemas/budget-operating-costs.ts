import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { operatingCosts } from '../src/recognise/amount/families/operating-costs.js';

/** 一般公共预算机关运行经费支出预算表 (经济科目 lines), families/operating-costs.ts. */
export const operatingCostsColumns = columnLabels(operatingCosts);

export const budgetOperatingCostsSchema = lineTableSchema('budget.operating_costs', operatingCostsColumns);
