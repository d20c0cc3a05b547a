import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { threePublic } from '../src/recognise/amount/families/three-public.js';

/**
 * Columns of the "三公"经费 (及会议费、培训费) table (公开07表), families/three-public.ts. The table is transposed
 * in print: each row is a measure, named '预算数' or '决算数'.
 */
export const threePublicColumns = columnLabels(threePublic);

export const finalThreePublicSchema = lineTableSchema('final.three_public', threePublicColumns);
