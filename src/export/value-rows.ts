import type { LineRow, ProvenanceOut } from '../../schemas/common.js';
import type { StoredRecordRow } from '../store/ports.js';
import { PROVENANCE_COLUMNS, RECORD_COLUMNS, provenanceFields, recordFields, type CsvRow } from './columns.js';

/** `--table values`: one row per value of a line-item row (tidy long form). */
export const VALUE_COLUMNS = [
  ...RECORD_COLUMNS,
  'rowIndex',
  'rowCode',
  'rowName',
  'rowLevel',
  'rowSide',
  'columnKey',
  'value',
  ...PROVENANCE_COLUMNS,
] as const;

/** Summary tables tag each line with the side it is printed on (schemas/final-budget-amount.ts). */
type StoredRow = LineRow & { side?: string };

export function valueRows(item: StoredRecordRow): CsvRow[] {
  const head = recordFields(item);
  const out: CsvRow[] = [];
  for (const [index, row] of (item.record.rows as StoredRow[]).entries()) {
    for (const key of printedOrder(row)) {
      out.push({
        ...head,
        rowIndex: index + 1,
        rowCode: row.code,
        rowName: row.name,
        rowLevel: row.level,
        rowSide: row.side,
        columnKey: key,
        value: row.values[key],
        ...provenanceFields(row.cells?.[key] ?? row.provenance),
      });
    }
  }
  return out;
}

/**
 * The row's value keys left to right as printed. jsonb stores object keys by length, not in
 * insertion order, so the stored order says nothing; each value's own cell position does.
 */
export function printedOrder(row: LineRow): string[] {
  const keys = Object.keys(row.values);
  const pos = new Map(keys.map((k) => [k, columnPosition(row.cells?.[k])]));
  return keys
    .map((k, i) => ({ k, i, at: pos.get(k) }))
    .sort((a, b) => (a.at ?? Infinity) - (b.at ?? Infinity) || a.i - b.i)
    .map((e) => e.k);
}

/** Horizontal place of a cell: page then x for PDFs, the column of a sheet or HTML / DOCX locator. */
function columnPosition(prov: ProvenanceOut | undefined): number | undefined {
  if (!prov) return undefined;
  if (prov.bbox) return prov.page * 1e6 + prov.bbox.x0;
  const loc = prov.locator ?? '';
  const cell = /cell\[(\d+)\]$/.exec(loc);
  if (cell) return prov.page * 1e6 + Number(cell[1]);
  const a1 = /!\$?([A-Z]+)\$?\d+$/.exec(loc);
  if (a1) return prov.page * 1e6 + [...a1[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return undefined;
}
