import { z } from 'zod';
import { baseRecordSchema, provenanceSchema } from './common.js';

/** A table no recogniser claimed: its cells are kept as extracted, so nothing published is lost. */
export const unknownRecordSchema = baseRecordSchema.extend({
  tableType: z.literal('unknown'),
  tableId: z.string(),
  cells: z.array(
    z
      .object({
        row: z.number().int(),
        col: z.number().int(),
        rowSpan: z.number().int(),
        colSpan: z.number().int(),
        text: z.string(),
        prov: provenanceSchema,
      })
      .passthrough(),
  ),
});
