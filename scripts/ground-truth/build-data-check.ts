/**
 * Confirms a ground-truth file of a constructed sample against the data module its builder printed the page from
 * (`checkedWith: "build-data:<module path from the repository root>"`, e.g. scripts/hard-samples/income-final-data.ts).
 * Used where the page has no text layer (a scan): the module is what was printed, independent of the pipeline.
 *
 * A data module exports an object with the sample's `file`, its printed `title` and `unit`, its amount `columns`
 * (`{ header, key }` left to right; or one `column` header) and `rows` (`[code, name, amounts]`, '' for a blank
 * cell and for the code of 合计). Each value must name a row the data prints once (by code, and by name when typed),
 * a column by its printed header (and the column's schema key, where the data gives one), and equal the cell.
 */
import { isAbsolute, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GroundTruthFile, GroundTruthValue, ValueVerdict } from './types.js';
import type { TableVerdict } from './pdf-check.js';
import { REPO_ROOT } from './resolve.js';
import { titleType } from './titles.js';
import { sameValue, squash } from './text.js';

interface DataColumn {
  header: string;
  key?: string;
}

interface PrintedData {
  file?: string;
  title: string;
  unit?: string;
  /** 1-based page the table is printed on (default 1: the constructed samples print one page per table). */
  page?: number;
  columns: DataColumn[];
  rows: Array<[string, string, string[]]>;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** The module's exports that describe a printed table, in the one shape above (one `column` widened to a list). */
function tablesOf(mod: Record<string, unknown>): PrintedData[] {
  const out: PrintedData[] = [];
  for (const x of Object.values(mod)) {
    if (!isObj(x) || typeof x.title !== 'string' || !Array.isArray(x.rows)) continue;
    const columns: DataColumn[] = Array.isArray(x.columns)
      ? (x.columns as DataColumn[])
      : typeof x.column === 'string'
        ? [{ header: x.column }]
        : [];
    if (!columns.length) continue;
    const rows = (x.rows as unknown[]).filter(Array.isArray).map((r) => {
      const [code, name, cells] = r as [unknown, unknown, unknown];
      return [
        String(code ?? ''),
        String(name ?? ''),
        Array.isArray(cells) ? cells.map(String) : [String(cells ?? '')],
      ] as [string, string, string[]];
    });
    out.push({
      title: x.title,
      columns,
      rows,
      ...(typeof x.file === 'string' ? { file: x.file } : {}),
      ...(typeof x.unit === 'string' ? { unit: x.unit } : {}),
      ...(typeof x.page === 'number' ? { page: x.page } : {}),
    });
  }
  return out;
}

function checkValue(v: GroundTruthValue, data: PrintedData, gt: GroundTruthFile): string | null {
  if (v.page !== (data.page ?? 1)) return `the data prints its table on page ${data.page ?? 1}, not ${v.page}`;
  const type = titleType(data.title)?.type;
  if (type !== v.tableType)
    return `the printed title "${data.title}" names ${type ?? 'no table type'}, not ${v.tableType}`;
  if (!gt.tables.some((t) => t.tableType === v.tableType && squash(t.title) === squash(data.title))) {
    return `no table of the file is titled "${data.title}"`;
  }
  if (v.code === undefined && v.row === undefined) return 'a value needs its row (code and/or name)';
  const rows = data.rows.filter(
    ([code, name]) =>
      (v.code === undefined ? true : squash(code) === squash(v.code)) &&
      (v.row === undefined ? true : squash(name) === squash(v.row)),
  );
  const what = [v.code, v.row].filter(Boolean).join(' ');
  if (!rows.length) return `row ${what} is not printed`;
  if (rows.length > 1) return `row ${what} is printed ${rows.length} times`;
  if (v.column === undefined) return 'a value needs its printed column header';
  const at = data.columns.findIndex((c) => squash(c.header) === squash(v.column!));
  if (at < 0) return `no column "${v.column}" is printed (${data.columns.map((c) => c.header).join(', ')})`;
  const key = data.columns[at]!.key;
  if (key && v.key && key !== v.key) return `column "${v.column}" has schema key ${key}, not ${v.key}`;
  const printed = rows[0]![2][at] ?? '';
  return sameValue(v.value, printed) ? null : `row ${what} prints "${printed}" under "${v.column}", not "${v.value}"`;
}

export async function checkAgainstBuildData(
  gt: GroundTruthFile,
  module: string,
): Promise<{ values: ValueVerdict[]; tables: TableVerdict[] }> {
  const path = isAbsolute(module) ? module : join(REPO_ROOT, module);
  const tables = tablesOf((await import(pathToFileURL(path).href)) as Record<string, unknown>);
  // The module may describe several samples: the one printed in this file, else its only table.
  const file = gt.document.replace(/^sample:/, '');
  const data = tables.find((t) => t.file === file) ?? (tables.length === 1 ? tables[0] : undefined);
  if (!data) throw new Error(`${module}: no printed table for ${gt.document} (exports with title, columns and rows)`);
  const values = gt.values.map((v, index): ValueVerdict => {
    const why = checkValue(v, data, gt);
    return why ? { index, ok: false, reason: why } : { index, ok: true };
  });
  const verdicts = gt.tables.map((t, index): TableVerdict => {
    if (squash(t.title) !== squash(data.title))
      return { index, ok: false, reason: `the data prints the title "${data.title}"` };
    if (titleType(data.title)?.type !== t.tableType)
      return { index, ok: false, reason: `"${data.title}" does not name a ${t.tableType}` };
    if (t.unit && !squash(data.unit ?? '').includes(squash(t.unit)))
      return { index, ok: false, reason: `the data prints the unit "${data.unit ?? ''}"` };
    return { index, ok: true };
  });
  return { values, tables: verdicts };
}
