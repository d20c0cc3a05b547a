import type { RecognisedRecord } from '../recognise/types.js';
import type { Finding, Rule } from './types.js';

/** What the completeness rules read of a record (completeness.ts, empty-tables.ts). */
export const familyOf = (r: RecognisedRecord): string => r.tableType.slice(r.tableType.indexOf('.') + 1);

/** A 决算 / 预算 amount table (not the empty-table index, not the narrative's record of its figures). */
/** Amount tables a document needs to be a tables file; one with fewer is narrative-only (cross-document.ts). */
export const TABLES_FILE_MIN = 3;

export const isAmountTable = (r: RecognisedRecord) =>
  /^(final|budget)\./.test(r.tableType) && !r.tableType.endsWith('.empty_index');
export const isEmpty = (r: RecognisedRecord) =>
  !r.rows.some((row) => Object.values(row.values).some((v) => v !== null));

export function finding(
  rule: Rule,
  message: string,
  at: Pick<Finding, 'page' | 'bbox'>,
  text: string | null,
  expected: Finding['expected'] = null,
  actual: Finding['actual'] = null,
): Finding {
  return { rule: rule.id, severity: rule.severity, message, ...at, text, expected, actual };
}
