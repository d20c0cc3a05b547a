import { narrativeChecks } from '../recognise/narrative/index.js';
import type { RecognisedRecord } from '../recognise/types.js';
import { isAmountTable, TABLES_FILE_MIN } from './records.js';
import { restatedFindings } from './narrative.js';
import type { Rule, RuleFamily } from './types.js';

/**
 * Cross-document (docs/domain.md §5): a narrative published as a file of its own (Jiangsu's 部门预算公开文件)
 * against the tables file of the same department, year and kind (its 公开表), once both are at hand. The
 * comparison is recognition's own (src/recognise/narrative), run with the other file's records.
 */
const rules = {
  mismatch: {
    id: 'cross_document.figure_mismatch',
    severity: 'error',
    description: 'a figure a narrative-only file restates differs from the tables file of the same department and year',
  },
  rounding: {
    id: 'cross_document.figure_rounding',
    severity: 'info',
    description: 'a figure a narrative-only file restates differs from the tables file only by 尾差',
  },
} satisfies Record<string, Rule>;

const amountTables = (records: RecognisedRecord[]) => records.filter(isAmountTable);

export const crossDocument: RuleFamily = {
  id: 'cross_document',
  rules: Object.values(rules),
  run(ctx) {
    // Only a file without tables of its own restates another file's: one with tables is checked against them.
    if (amountTables(ctx.records).length >= TABLES_FILE_MIN) return [];
    return ctx.peers.flatMap((peer) => {
      if (amountTables(peer.records).length < TABLES_FILE_MIN) return [];
      const { checks } = narrativeChecks(ctx.document, ctx.meta, peer.records);
      return restatedFindings(
        checks,
        peer.records,
        ctx.locate,
        rules,
        ` of ${peer.fileName ?? peer.sourceId.slice(0, 12)}`,
      );
    });
  },
};
