import type { BBox, Cell, Table } from '../../model/document.js';
import { formTitleKey, hasIndicatorHeader } from './classify.js';
import { cleanText, labelKey } from './text.js';

/**
 * Several 绩效 forms printed one after another can reach recognition as one table: a sheet or a Word table holding
 * them in a row, or a PDF whose forms share one grid, so that the extractor joins them across pages (their titles,
 * printed above each grid, repeat, and it drops them as a repeated title). Shanghai's 财政项目支出绩效目标填报表
 * (docs/domain.md §3.6) prints one form per project, often several in a row. Each form is one record (issue 11):
 * a table is cut where a form starts again, that is
 *  - at a row whose one printed cell is a form title (`财政项目支出绩效目标填报表`, `项目支出绩效自评表`), or
 *  - where the title was lost, at a `项目名称` row after the previous form's indicator header;
 * never at a page break alone: a form that continues on the next page without its title stays whole.
 */

/** The label that opens a project form's head (§3.2, §3.5, §3.6). */
const PROJECT_NAME = /^(项目名称|专项[(（]项目[)）]名称)$/;

/** Anchored, printed cells of each row. */
function rowsOf(table: Table): Cell[][] {
  const rows: Cell[][] = Array.from({ length: table.nRows }, () => []);
  for (const c of table.cells) if (cleanText(c.text) !== '') rows[c.row]?.push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** A row printing nothing but a form title, across at least half the table. */
function isTitleRow(cells: Cell[], nCols: number): boolean {
  return cells.length === 1 && formTitleKey(cells[0]!.text) !== null && cells[0]!.colSpan * 2 >= nCols;
}

/** The rows where a form after the first starts; empty when the table holds one form. */
export function formStarts(table: Table): number[] {
  const rows = rowsOf(table);
  const starts: number[] = [];
  let body = false;
  let indicators = false;
  rows.forEach((cells, r) => {
    const labels = cells.map((c) => labelKey(c.text));
    if (isTitleRow(cells, table.nCols)) {
      // A title under the content of a form begins the next one.
      if (body) starts.push(r);
      body = false;
      indicators = false;
      return;
    }
    if (indicators && labels.some((l) => PROJECT_NAME.test(l))) {
      // A second form head whose title was dropped (the PDF extractor's join across pages).
      starts.push(r);
      indicators = false;
    }
    if (hasIndicatorHeader(labels)) indicators = true;
    if (cells.length >= 2) body = true;
  });
  return starts;
}

function union(boxes: BBox[]): BBox | undefined {
  if (boxes.length === 0) return undefined;
  return {
    x0: Math.min(...boxes.map((b) => b.x0)),
    y0: Math.min(...boxes.map((b) => b.y0)),
    x1: Math.max(...boxes.map((b) => b.x1)),
    y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** Rows [from, to) of `table` as a table of its own, its provenance at its first page and the box it covers there. */
function slice(table: Table, from: number, to: number, k: number, last: boolean): Table {
  const cells = table.cells
    .filter((c) => c.row >= from && c.row < to)
    .map((c) => ({ ...c, row: c.row - from, rowSpan: Math.min(c.rowSpan, to - c.row) }));
  const pages = [...new Set(cells.map((c) => c.prov.page))].sort((a, b) => a - b);
  const page = pages[0] ?? table.prov.page;
  const box = union(cells.filter((c) => c.prov.page === page && c.prov.bbox).map((c) => c.prov.bbox!));
  const prov = { ...table.prov, page };
  if (box) prov.bbox = box;
  else if (page !== table.prov.page) delete prov.bbox;
  if (prov.locator) prov.locator = `${prov.locator}/form[${k + 1}]`;
  const own = cells.some((c) => c.row < 3 && isTitleRow([c], table.nCols));
  const part: Table = {
    id: k === 0 ? table.id : `${table.id}-f${k + 1}`,
    nRows: to - from,
    nCols: table.nCols,
    cells,
    // The lines above the table belong to the first form; a later form keeps them only where it lost its own
    // title (the extractor joined it because those lines repeat above every form).
    context: k === 0 || !own ? table.context : [],
    prov,
  };
  if (table.caption && (k === 0 || !own)) part.caption = table.caption;
  if (pages.length > 1) part.pages = pages;
  if (last && table.after) part.after = table.after;
  return part;
}

/** One table per form (see the module comment); the table itself when it holds one. */
export function splitForms(table: Table): Table[] {
  const starts = formStarts(table);
  if (starts.length === 0) return [table];
  const bounds = [0, ...starts, table.nRows];
  const parts: Table[] = [];
  for (let k = 0; k + 1 < bounds.length; k++)
    parts.push(slice(table, bounds[k]!, bounds[k + 1]!, k, k + 2 === bounds.length));
  return parts;
}

/** Every table of a document with its forms apart: what the registry recognises (one record per form). */
export function splitFormTables(tables: Table[]): Table[] {
  return tables.flatMap(splitForms);
}
