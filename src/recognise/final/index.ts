import type { z } from 'zod';
import type { Recogniser } from '../types.js';
import { makeAmountRecogniser } from '../amount/recogniser.js';
import { FAMILY_SPECS } from '../amount/specs.js';
import { FAMILIES, type FamilyOfKind } from '../amount/families/index.js';
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

/**
 * The schema of each family a 决算 prints (families/*.ts `kinds`): a family marked final without a schema here,
 * or a schema for one not marked final, does not compile.
 */
const FINAL_SCHEMAS: { [F in FamilyOfKind<'final'>]: z.ZodType } = {
  summary: finalSummarySchema,
  income: finalIncomeSchema,
  expenditure: finalExpenditureSchema,
  fiscal_summary: finalFiscalSummarySchema,
  gpb_functional: finalGpbFunctionalSchema,
  gpb_basic_economic: finalGpbBasicEconomicSchema,
  three_public: finalThreePublicSchema,
  gov_fund: finalGovFundSchema,
  soe_capital: finalSoeCapitalSchema,
  empty_index: finalEmptyIndexSchema,
};

const isFinal = (id: string): id is FamilyOfKind<'final'> => id in FINAL_SCHEMAS;

/** 部门决算 tables (决算公开01–09表 and the empty-table index), docs/domain.md §3.1, in the families' order. */
export const finalRecognisers: Recogniser[] = FAMILIES.filter((f) =>
  (f.kinds as readonly string[]).includes('final'),
).flatMap((f) => (isFinal(f.id) ? [makeAmountRecogniser('final', FAMILY_SPECS[f.id], FINAL_SCHEMAS[f.id])] : []));
