import type { Issue } from '../model/document.js';
import { issue } from '../model/build.js';
import type { Check } from '../../schemas/common.js';
import type { RecognisedRecord, Recogniser } from '../recognise/types.js';
import { rescaleTolerance } from './sum-check.js';
import { resolveCovers, verifyRecord } from './verification.js';

/**
 * Schema and identities for one record. Nothing is ever dropped: a record that fails its
 * schema or a check is kept with status `partial`, the failure recorded, so auditors can find
 * real publishing errors (issue 5).
 */
export function validateRecord(
  recogniser: Pick<Recogniser, 'schema' | 'checks' | 'tableType'>,
  draft: Omit<RecognisedRecord, 'checks' | 'status'>,
): RecognisedRecord {
  const record = { ...draft, checks: [] as Check[], status: 'ok' } as RecognisedRecord;
  const issues: Issue[] = [...record.issues];
  const parsed = recogniser.schema.safeParse(record);
  if (!parsed.success) {
    const where = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    issues.push(
      issue('error', 'validate.schema', `${recogniser.tableType} record does not match its schema: ${where}`),
    );
  } else {
    try {
      record.checks = recogniser.checks(record);
      // 尾差 is one unit of the last printed digit (docs/domain.md §2): 1 for a table printed in whole 元.
      if (record.printedDecimals !== undefined)
        for (const c of record.checks) rescaleTolerance(c, 10 ** -record.printedDecimals);
      resolveCovers(record.checks, [{ record, prefix: '' }]);
    } catch (err) {
      issues.push(
        issue(
          'error',
          'validate.check_failed_to_run',
          `checks of ${recogniser.tableType} threw: ${(err as Error).message}`,
        ),
      );
    }
  }
  for (const c of record.checks) {
    if (!c.ok)
      issues.push(
        issue(
          'warning',
          'validate.identity_failed',
          `${c.rule}: expected ${c.expected}, got ${c.actual} (tolerance ${c.tolerance})`,
        ),
      );
  }
  record.issues = issues;
  record.verification = verifyRecord(record);
  record.status = issues.some((i) => i.severity === 'error') || record.checks.some((c) => !c.ok) ? 'partial' : 'ok';
  return record;
}
