import type { z } from 'zod';
import type { Recogniser } from '../types.js';
import { makeAmountRecogniser } from '../amount/recogniser.js';
import { FAMILY_SPECS } from '../amount/specs.js';
import type { AmountFamily } from '../amount/classify.js';
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

/** 部门预算 tables (预算公开表, Shanghai 9-table and Jiangsu 12-table layouts). */
const BUDGET_SCHEMAS: Array<[AmountFamily, z.ZodType]> = [
  ['summary', budgetSummarySchema],
  ['income', budgetIncomeSchema],
  ['expenditure', budgetExpenditureSchema],
  ['fiscal_summary', budgetFiscalSummarySchema],
  ['gpb_functional', budgetGpbFunctionalSchema],
  ['gpb_basic_economic', budgetGpbBasicEconomicSchema],
  ['three_public', budgetThreePublicSchema],
  ['gov_fund', budgetGovFundSchema],
  ['soe_capital', budgetSoeCapitalSchema],
  ['procurement', budgetProcurementSchema],
  ['operating_costs', budgetOperatingCostsSchema],
];

export const budgetRecognisers: Recogniser[] = BUDGET_SCHEMAS.map(([family, schema]) => makeAmountRecogniser('budget', FAMILY_SPECS[family], schema));
