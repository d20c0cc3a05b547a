import type { Issue, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { LineRow } from '../../../schemas/common.js';
import { parseAmount } from '../values.js';
import type { AmountStats } from './line-rows.js';
import type { FamilySpec } from './specs.js';

/**
 * `ok` means complete (issue 9, docs/architecture.md Trust): what a table prints must reach its record. Each finding
 * is an error, so the record is `partial` and says what is missing.
 */
export function amountCompleteness(
  table: Table,
  spec: FamilySpec,
  rows: LineRow[],
  stats: AmountStats,
  bodyStart: number,
): Issue[] {
  const issues: Issue[] = [];
  const hasValue = rows.some((r) => Object.values(r.values).some((v) => v !== null));
  // An amount as printed: a decimal or a thousands separator; bare digits could be a code or a line number.
  const printed = table.cells.filter(
    (c) => c.row >= bodyStart && /[.,]\d/.test(c.text) && parseAmount(c.text).kind === 'number',
  );
  if (!hasValue && printed.length > 0)
    issues.push(
      issue(
        'error',
        'amount.values_blank',
        `the table prints ${printed.length} amounts but none reached a column of the record`,
        printed[0]!.prov,
      ),
    );
  if (stats.unparsed > 0 && stats.unparsed >= stats.parsed)
    issues.push(
      issue(
        'error',
        'amount.values_unparsed',
        `${stats.unparsed} of ${stats.parsed + stats.unparsed} amount cells could not be read as numbers`,
        table.prov,
      ),
    );
  if (table.prov.method === 'ocr') {
    const unlabelled = rows.filter(
      (r) => !r.code && r.name.trim() === '' && Object.values(r.values).some((v) => v !== null),
    );
    if (unlabelled.length > 0)
      issues.push(
        issue(
          'error',
          'amount.ocr_row_unlabelled',
          `${unlabelled.length} OCR-read lines carry amounts but neither a code nor a name`,
          unlabelled[0]!.provenance,
        ),
      );
  }
  issues.push(...requiredRows(spec, rows, table));
  return issues;
}

/** The lines a family prints in every complete table (its `requiredRows`, docs/domain.md §3.1): 合计 of a coded table, 总计 of each side. */
function requiredRows(spec: FamilySpec, rows: LineRow[], table: Table): Issue[] {
  const issues: Issue[] = [];
  const label = (r: LineRow) => r.name.replace(/\s+/g, '');
  for (const req of spec.requiredRows) {
    if (req.scope === 'coded_table') {
      if (rows.some((r) => r.code) && !rows.some((r) => !r.code && req.label.test(label(r))))
        issues.push(
          issue(
            'error',
            'amount.required_row_missing',
            `the table has coded lines but no ${req.name} line`,
            table.prov,
          ),
        );
      continue;
    }
    const side = (r: LineRow) => (r as LineRow & { side?: string }).side ?? '';
    const sides = [...new Set(rows.map(side))];
    const missing = sides.filter((s) => !rows.some((r) => side(r) === s && req.label.test(label(r))));
    if (missing.length > 0)
      issues.push(
        issue(
          'error',
          'amount.required_row_missing',
          `no ${req.name} line on the ${missing.join(', ')} side`,
          table.prov,
        ),
      );
  }
  return issues;
}
