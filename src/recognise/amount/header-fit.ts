import type { Table } from '../../model/document.js';
import { type HeaderInfo, columnRole } from './header-match.js';
import type { FamilySpec } from './specs.js';
import { MEASURE } from './transposed.js';

/**
 * Whether a table's printed header fits a family's columns (issue 11, "not a budget table"): a reviewer's
 * checklist (序号 / 检查内容 / 检查结果), a 目录 or a 名词解释 may name every budget table in its cells, but
 * its header maps to no amount column. Budget words in the body say nothing; the header decides.
 */
export interface HeaderFit {
  fits: boolean;
  /** Printed header columns (a leaf that is not a line number). */
  columns: number;
  /** Of those, columns that map to a code, name, amount or text key of the family. */
  mapped: number;
  /** Amount columns among them. */
  values: number;
  reason?: string;
}

/** A header is at most this deep (Shanghai 三公: 4 rows; with a column-number row, 5). */
const MAX_HEADER_ROWS = 6;
/** A header cell is a label: never a sentence. */
const PROSE = /[。；;！!？?]|[，,].*[，,]/;
const LINE_NUMBER = /^(栏次|行次|序号|栏号)$/;
/** Below this share of mapped columns the header is some other table's. */
const MIN_SHARE = 0.5;

export function headerFit(spec: FamilySpec, info: HeaderInfo, table: Table): HeaderFit {
  // Rows above the first body line that print something (a blank template's empty lines are no header).
  const printedRows = new Set(table.cells.filter((c) => c.text.trim() !== '').map((c) => c.row));
  const headerRows = Array.from({ length: info.bodyStart }, (_, r) => r).filter(
    (r) => !info.skipRows.has(r) && printedRows.has(r),
  ).length;
  const printed = info.paths.filter((p) => p.length > 0 && !LINE_NUMBER.test(p.at(-1)!));
  const base = { columns: printed.length, mapped: 0, values: 0 };
  // Nothing printed above the body (a continuation part, a header-less fragment): nothing to judge by.
  if (printed.length === 0 || spec.layout === 'index') return { ...base, fits: true };
  if (headerRows > MAX_HEADER_ROWS)
    return { ...base, fits: false, reason: `${headerRows} rows before the first body line: no header` };
  if (printed.some((p) => p.some((t) => PROSE.test(t) || t.length > 40)))
    return { ...base, fits: false, reason: 'sentences in the header' };
  let mapped = 0;
  let values = 0;
  for (const path of printed) {
    const stripped = spec.layout === 'transposed' && MEASURE.test(path.at(-1)!) ? path.slice(0, -1) : path;
    const role = columnRole(stripped, spec.columns);
    if (role.role === 'ignored') continue;
    mapped++;
    if (role.role === 'value') values++;
  }
  const fits = values > 0 && mapped / printed.length >= MIN_SHARE;
  return fits
    ? { columns: printed.length, mapped, values, fits }
    : {
        columns: printed.length,
        mapped,
        values,
        fits,
        reason: `${mapped} of ${printed.length} header columns map to ${spec.family} columns, ${values} to amounts`,
      };
}
