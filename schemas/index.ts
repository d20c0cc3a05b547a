import type { z } from 'zod';
import { budgetExpenditureSchema } from './budget-expenditure.js';
import { budgetFiscalSummarySchema } from './budget-fiscal-summary.js';
import { budgetGovFundSchema } from './budget-gov-fund.js';
import { budgetGpbBasicEconomicSchema } from './budget-gpb-basic-economic.js';
import { budgetGpbFunctionalSchema } from './budget-gpb-functional.js';
import { budgetIncomeSchema } from './budget-income.js';
import { budgetOperatingCostsSchema } from './budget-operating-costs.js';
import { budgetProcurementSchema } from './budget-procurement.js';
import { budgetSoeCapitalSchema } from './budget-soe-capital.js';
import { budgetSummarySchema } from './budget-summary.js';
import { budgetThreePublicSchema } from './budget-three-public.js';
import { finalEmptyIndexSchema } from './final-empty-index.js';
import { finalExpenditureSchema } from './final-expenditure.js';
import { finalFiscalSummarySchema } from './final-fiscal-summary.js';
import { finalGovFundSchema } from './final-gov-fund.js';
import { finalGpbBasicEconomicSchema } from './final-gpb-basic-economic.js';
import { finalGpbFunctionalSchema } from './final-gpb-functional.js';
import { finalIncomeSchema } from './final-income.js';
import { finalSoeCapitalSchema } from './final-soe-capital.js';
import { finalSummarySchema } from './final-summary.js';
import { finalThreePublicSchema } from './final-three-public.js';
import { narrativeRecordSchema } from './narrative.js';
import { perfDeptSelfevalSchema } from './perf-dept-selfeval.js';
import { deptTargetRecordSchema } from './perf-dept-target.js';
import { perfProjectSelfevalSchema } from './perf-project-selfeval.js';
import { perfProjectTargetSchema } from './perf-project-target.js';
import { unknownRecordSchema } from './unknown.js';

/**
 * Every record schema of the output contract by its table type: what the recognisers validate against
 * (src/recognise/final, budget, perf, narrative) and what the data dictionary export reads its keys from
 * (src/export/dictionary.ts).
 */
export const RECORD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'final.summary': finalSummarySchema,
  'final.income': finalIncomeSchema,
  'final.expenditure': finalExpenditureSchema,
  'final.fiscal_summary': finalFiscalSummarySchema,
  'final.gpb_functional': finalGpbFunctionalSchema,
  'final.gpb_basic_economic': finalGpbBasicEconomicSchema,
  'final.three_public': finalThreePublicSchema,
  'final.gov_fund': finalGovFundSchema,
  'final.soe_capital': finalSoeCapitalSchema,
  'final.empty_index': finalEmptyIndexSchema,
  'budget.summary': budgetSummarySchema,
  'budget.income': budgetIncomeSchema,
  'budget.expenditure': budgetExpenditureSchema,
  'budget.fiscal_summary': budgetFiscalSummarySchema,
  'budget.gpb_functional': budgetGpbFunctionalSchema,
  'budget.gpb_basic_economic': budgetGpbBasicEconomicSchema,
  'budget.three_public': budgetThreePublicSchema,
  'budget.gov_fund': budgetGovFundSchema,
  'budget.soe_capital': budgetSoeCapitalSchema,
  'budget.procurement': budgetProcurementSchema,
  'budget.operating_costs': budgetOperatingCostsSchema,
  'perf.dept_target': deptTargetRecordSchema,
  'perf.dept_selfeval': perfDeptSelfevalSchema,
  'perf.project_target': perfProjectTargetSchema,
  'perf.project_selfeval': perfProjectSelfevalSchema,
  narrative: narrativeRecordSchema,
  unknown: unknownRecordSchema,
};
