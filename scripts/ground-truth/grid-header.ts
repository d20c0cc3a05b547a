/**
 * The printed column header over a cell of a ruled table: every header cell whose borders span the cell's column,
 * top to bottom. A table continued on a page that does not repeat its header takes it from the page its title is on.
 */
import type { PageWords } from './pdf-words.js';
import { type Box, type Cell, type PageGrid, type Table, spansColumn, tableOf } from './grid.js';
import { numberOf } from './text.js';
import { titleAbove } from './titles.js';

/** Tolerance for cell edges that should coincide (rules drawn a little apart by different producers). */
const EDGE = 1.5;

/**
 * Header cells of `table` over `box`'s column: text cells above the table's first number and, when the box is in
 * this table, above the box (a merged label lower down is no header).
 */
function headerCellsOver(table: Table, box: Box, own: boolean): Cell[] {
  const limit = (own ? Math.min(table.dataTop, box.y0) : table.dataTop) + EDGE;
  return table.cells
    .filter((c) => c.text !== '' && numberOf(c.text) === null && c.y1 <= limit && spansColumn(c, box))
    .sort((a, b) => a.y0 - b.y0);
}

/**
 * A 绩效 form prints its indicator header (一级指标 | 二级指标 | 三级指标 | 年度指标值) halfway down, under the
 * money and goal blocks: an indicator row's header is that row of the form, the nearest one above it, not the
 * cells above the form's first number.
 */
function indicatorHeaderOver(table: Table, box: Box): Cell[] | undefined {
  const heads = table.cells.filter((c) => c.text === '三级指标' && c.y1 <= box.y0 + EDGE);
  const head = heads.sort((a, b) => b.y0 - a.y0)[0];
  if (!head) return undefined;
  return table.cells
    .filter((c) => c.text !== '' && c.y0 >= head.y0 - EDGE && c.y1 <= head.y1 + EDGE && spansColumn(c, box))
    .sort((a, b) => a.y0 - b.y0);
}

export interface HeaderContext {
  pages: PageWords[];
  grids: PageGrid[];
}

/**
 * The header cells over `box` on `page`, outermost first. A page that continues a table (no title above it) either
 * repeats the header (cells printing the same texts as the header under the title) or prints none: then the header
 * under the title applies, provided that table has the same left and right borders (the same layout printed again).
 */
export function headerCells(ctx: HeaderContext, page: number, box: Box): Cell[] {
  const grid = ctx.grids[page - 1]!;
  const table = tableOf(grid, box);
  if (!table) return [];
  const indicators = indicatorHeaderOver(table, box);
  if (indicators) return indicators;
  const title = titleAbove(ctx.pages, page, table.y0);
  if (!title || title.page === page) return headerCellsOver(table, box, true);
  const first = ctx.grids[title.page - 1]?.tables.find((t) => t.y0 >= title.title.y1 - EDGE);
  if (!first || Math.abs(first.x0 - table.x0) > 3 || Math.abs(first.x1 - table.x1) > 3) return [];
  // Lines of figures without numbers (使用非财政拨款结余 | 结余分配) at the top of a continued page are no header.
  const texts = new Set(first.cells.filter((c) => c.y1 <= first.dataTop + EDGE).map((c) => c.text));
  const here = headerCellsOver(table, box, true).filter((c) => texts.has(c.text));
  if (here.length) return here;
  // A form's indicator rows continued on the next page stand under the indicator header of the page they began on.
  return (
    indicatorHeaderOver(first, { ...box, y0: Number.POSITIVE_INFINITY, y1: Number.POSITIVE_INFINITY }) ??
    headerCellsOver(first, box, false)
  );
}

/** The header path over `box` on `page`: the header cells' squashed texts, outermost first. */
export const headerPath = (ctx: HeaderContext, page: number, box: Box): string[] =>
  headerCells(ctx, page, box).map((c) => c.text);

/** The side of a summary table a header path names: its 收入 or 支出 half. */
export function sideOf(path: string[]): 'income' | 'expenditure' | null {
  for (const part of path) {
    const inc = /收入/.test(part);
    const exp = /支出/.test(part);
    if (inc !== exp) return inc ? 'income' : 'expenditure';
  }
  return null;
}
