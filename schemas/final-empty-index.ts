import { z } from 'zod';
import { provenanceSchema } from './common.js';
import { columnLabels, lineTableSchema } from './final-budget-amount.js';
import { emptyIndex } from '../src/recognise/amount/families/empty-index.js';

/** One line of the empty-table index (序号 / 内容 / 是否空表 / 表格为空的理由, seed 001). */
export const emptyIndexEntrySchema = z.object({
  /** 序号 as printed ('表1'). */
  seq: z.string(),
  /** 内容: the table's title. */
  title: z.string(),
  /** 是否空表: 是 = true, 否 = false, anything else null. */
  isEmpty: z.boolean().nullable(),
  /** 表格为空的理由 */
  reason: z.string().nullable(),
  provenance: provenanceSchema,
});

/** The index has no amounts: `rows` stays empty and the lines are `entries`. */
export const finalEmptyIndexSchema = lineTableSchema('final.empty_index', columnLabels(emptyIndex), {
  entries: z.array(emptyIndexEntrySchema),
});
