import type { DocumentStatus, Issue } from '../model/document.js';
import type { RecognisedRecord } from '../recognise/types.js';
import type { Check } from '../../schemas/common.js';

/** Document status: failed extraction, or partial when anything along the way was partial or failed a check. */
export function documentStatus(
  extraction: DocumentStatus,
  records: RecognisedRecord[],
  checks: Check[],
  issues: Issue[] = [],
): DocumentStatus {
  if (extraction === 'failed') return 'failed';
  // An error the recognisers raise about the document as a whole (document.no_tables) is never `ok`.
  if (
    extraction === 'partial' ||
    records.some((r) => r.status !== 'ok') ||
    checks.some((c) => !c.ok) ||
    issues.some((i) => i.severity === 'error')
  )
    return 'partial';
  return 'ok';
}
