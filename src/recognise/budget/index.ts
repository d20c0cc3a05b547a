import type { z } from 'zod';
import type { Recogniser } from '../types.js';
import { makeAmountRecogniser } from '../amount/recogniser.js';
import { FAMILY_SPECS } from '../amount/specs.js';
import { FAMILIES, type FamilyOfKind } from '../amount/families/index.js';
import { budgetSummarySchema } from '../../../schemas/budget-summary.js';
import { budgetIncomeSchema } from '../../../schemas/budget-income.js';
import { budgetExpenditureSchema } from '../../../schemas/budget-expenditure.js';
import { budgetFiscalSummarySchema } from '../../../schemas/budget-fiscal-summary.js';
import { budgetGpbFunctionalSchema } from '../../../schemas/budget-gpb-functional.js';
import { budgetGpbBasicEconomicSchema } from '../../../schemas/budget-gpb-basic-economic.js';
import { budgetThreePublicSchema } from '../../../schemas/budget-three-public.js';
import { budgetGovFundSchema } from '../../../schemas/budget-gov-fund.js';
import { budgetSoeCapitalSchema } from '../../../schemas/budget-soe-capital.js';
import { budgetProcurementSchema } from '../../../schemas/budget-procurement.js';
import { budgetOperatingCostsSchema } from '../../../schemas/budget-operating-costs.js';

/** The schema of each family a 预算 prints (families/*.ts `kinds`); a missing or extra one does not compile. */
const BUDGET_SCHEMAS: { [F in FamilyOfKind<'budget'>]: z.ZodType } = {
  summary: budgetSummarySchema,
  income: budgetIncomeSchema,
  expenditure: budgetExpenditureSchema,
  fiscal_summary: budgetFiscalSummarySchema,
  gpb_functional: budgetGpbFunctionalSchema,
  gpb_basic_economic: budgetGpbBasicEconomicSchema,
  three_public: budgetThreePublicSchema,
  gov_fund: budgetGovFundSchema,
  soe_capital: budgetSoeCapitalSchema,
  procurement: budgetProcurementSchema,
  operating_costs: budgetOperatingCostsSchema,
};

const isBudget = (id: string): id is FamilyOfKind<'budget'> => id in BUDGET_SCHEMAS;

/** 部门预算 tables (预算公开表: Shanghai 9-table, Jiangsu 12-table layouts), in the families' order. */
export const budgetRecognisers: Recogniser[] = FAMILIES.filter((f) =>
  (f.kinds as readonly string[]).includes('budget'),
).flatMap((f) => (isBudget(f.id) ? [makeAmountRecogniser('budget', FAMILY_SPECS[f.id], BUDGET_SCHEMAS[f.id])] : []));
