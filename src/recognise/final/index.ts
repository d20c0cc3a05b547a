import type { z } from 'zod';
import type { Recogniser } from '../types.js';
import { makeAmountRecogniser } from '../amount/recogniser.js';
import { FAMILY_SPECS } from '../amount/specs.js';
import type { AmountFamily } from '../amount/classify.js';
import { finalSummarySchema } from '../../../schemas/final-summary.js';
import { finalIncomeSchema } from '../../../schemas/final-income.js';
import { finalExpenditureSchema } from '../../../schemas/final-expenditure.js';
import { finalFiscalSummarySchema } from '../../../schemas/final-fiscal-summary.js';
import { finalGpbFunctionalSchema } from '../../../schemas/final-gpb-functional.js';
import { finalGpbBasicEconomicSchema } from '../../../schemas/final-gpb-basic-economic.js';
import { finalThreePublicSchema } from '../../../schemas/final-three-public.js';
import { finalGovFundSchema } from '../../../schemas/final-gov-fund.js';
import { finalSoeCapitalSchema } from '../../../schemas/final-soe-capital.js';
import { finalEmptyIndexSchema } from '../../../schemas/final-empty-index.js';

/** 部门决算 tables (决算公开01–09表 and the empty-table index), docs/domain.md §3.1. */
const FINAL_SCHEMAS: Array<[AmountFamily, z.ZodType]> = [
  ['summary', finalSummarySchema],
  ['income', finalIncomeSchema],
  ['expenditure', finalExpenditureSchema],
  ['fiscal_summary', finalFiscalSummarySchema],
  ['gpb_functional', finalGpbFunctionalSchema],
  ['gpb_basic_economic', finalGpbBasicEconomicSchema],
  ['three_public', finalThreePublicSchema],
  ['gov_fund', finalGovFundSchema],
  ['soe_capital', finalSoeCapitalSchema],
  ['empty_index', finalEmptyIndexSchema],
];

export const finalRecognisers: Recogniser[] = FINAL_SCHEMAS.map(([family, schema]) => makeAmountRecogniser('final', FAMILY_SPECS[family], schema));
