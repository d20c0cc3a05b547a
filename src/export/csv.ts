import { stringify } from 'csv-stringify/sync';
import type { CsvRow } from './columns.js';

/**
 * RFC 4180 text for a batch of rows: CRLF between records, fields quoted when they hold a comma,
 * quote or line break. csv-stringify only checks the record delimiter itself, so a bare `\n` inside
 * a name (multi-line cells are common in these tables) needs `quoted_match` to be quoted.
 */
export function csvChunk(rows: CsvRow[], columns: readonly string[], opts: { header: boolean; bom?: boolean }): string {
  return stringify(rows, {
    columns: [...columns],
    header: opts.header,
    bom: Boolean(opts.bom),
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
}
