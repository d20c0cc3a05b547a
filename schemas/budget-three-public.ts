import { lineTableSchema } from './final-budget-amount.js';
import { threePublicColumns } from './final-three-public.js';

/** "三公"经费(和机关运行经费 / 会议费、培训费)预算表: one row named '预算数'. */
export const budgetThreePublicSchema = lineTableSchema('budget.three_public', threePublicColumns);
