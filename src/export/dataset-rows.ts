import type { Line } from './dataset-lines.js';
import { wideValueKeys } from './dictionary.js';

/** The long shape (issue 15): one row per printed value, in these snake_case columns, in this order. */
export const LONG_COLUMNS = [
  'department_id',
  'department',
  'region_id',
  'region',
  'year',
  'kind',
  'level',
  'table_type',
  'scope',
  'row_code',
  'row_name',
  'column_key',
  'column_header',
  'value',
  'unit',
  'value_yuan',
  'status',
  'verification',
  'file',
  'page',
  'bbox',
] as const;

/** The wide shape's leading columns; one column per amount key follows, holding value_yuan. */
export const WIDE_HEAD_COLUMNS = [
  'department_id',
  'department',
  'region_id',
  'region',
  'year',
  'kind',
  'level',
  'table_type',
  'scope',
  'row_code',
  'row_name',
  'unit',
  'status',
  'file',
  'page',
] as const;

export type DatasetRow = Record<string, string | number | null>;

export const wideColumns = (): string[] => [...WIDE_HEAD_COLUMNS, ...wideValueKeys()];

/** Columns typed as integers (Parquet INT32) and as exact decimals (DECIMAL) in each shape; the rest are text. */
export const INTEGER_COLUMNS = new Set(['year', 'page']);
export const longDecimalColumns = new Set(['value_yuan']);
export const wideDecimalColumns = () => new Set(wideValueKeys());

/** One row per value of the lines; blank cells (nothing printed) only with keepBlank. */
export function longRows(lines: Line[], keepBlank: boolean): DatasetRow[] {
  const out: DatasetRow[] = [];
  for (const { head, cells } of lines) {
    for (const c of cells) {
      if (c.value === null && !keepBlank) continue;
      out.push({
        department_id: head.department_id,
        department: head.department,
        region_id: head.region_id,
        region: head.region,
        year: head.year,
        kind: head.kind,
        level: head.level,
        table_type: head.table_type,
        scope: head.scope,
        row_code: head.row_code,
        row_name: head.row_name,
        column_key: c.key,
        column_header: c.header,
        value: c.value,
        unit: c.unit,
        value_yuan: c.valueYuan,
        status: head.status,
        verification: c.verification,
        file: head.file,
        page: c.page,
        bbox: c.bbox,
      });
    }
  }
  return out;
}

/**
 * One row per line, each amount key a column holding value_yuan (one unit across documents). A line whose cells
 * are all blank is left out unless keepBlank, like its cells in the long shape.
 */
export function wideRows(lines: Line[], keepBlank: boolean): DatasetRow[] {
  const out: DatasetRow[] = [];
  for (const { head, cells } of lines) {
    if (!keepBlank && cells.every((c) => c.value === null)) continue;
    const row: DatasetRow = { ...head };
    for (const c of cells) row[c.key] = c.valueYuan;
    out.push(row);
  }
  return out;
}
