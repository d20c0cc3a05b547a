import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Cell, Issue, Provenance, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { PermanentError } from '../../model/errors.js';
import { clip, HTML_LIMITS } from './limits.js';
import { blockText } from './text.js';

/** Spans larger than this are cut to it: a hostile or broken page must not allocate a huge grid. */
const MAX_SPAN = HTML_LIMITS.maxCols;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * An HTML table as a cell grid (HTML 4.01 §11.2.6 table model): each cell is placed at the
 * first free column of its row, and rowspan/colspan reserve the positions it covers, so a
 * merged cell is one Cell with spans and its text is never copied. `rowspan="0"` and spans
 * past the last row are clipped to the table.
 * Hostile tables (issue 16): rows past HTML_LIMITS.maxRows and columns past maxCols are dropped
 * with a warning pushed to `issues`; a table whose spans would reserve more than maxCells grid
 * positions (1000 rows × 100 cells of colspan 1000, or rowspans that overlap) is refused with a
 * PermanentError 'html.table_too_large' before the positions are allocated.
 */
export function tableToGrid(
  $: CheerioAPI,
  table: Cheerio<Element>,
  tableIndex: number,
  baseProv: Omit<Provenance, 'locator'>,
  issues: Issue[] = [],
): Table {
  const occupied: boolean[][] = [];
  const cells: Cell[] = [];
  let rows = table.find('tr').toArray();
  const where = { ...baseProv, locator: `table[${tableIndex + 1}]` };
  if (rows.length > HTML_LIMITS.maxRows) {
    issues.push(
      issue(
        'warning',
        'html.absurd_size',
        `table ${tableIndex + 1} has ${rows.length} rows; only the first ${HTML_LIMITS.maxRows} are read`,
        where,
      ),
    );
    rows = rows.slice(0, HTML_LIMITS.maxRows);
  }
  let nCols = 0;
  let reserved = 0;
  let clipped = false;
  rows.forEach((tr, r) => {
    occupied[r] ??= [];
    let c = 0;
    $(tr)
      .children('td,th')
      .toArray()
      .forEach((td, i) => {
        while (occupied[r]![c]) c++;
        if (c >= HTML_LIMITS.maxCols) {
          clipped = true;
          return;
        }
        const el = $(td);
        const rowSpan = Math.min(span(el.attr('rowspan')), rows.length - r);
        const colSpan = Math.min(span(el.attr('colspan')), HTML_LIMITS.maxCols - c);
        reserved += rowSpan * colSpan;
        if (reserved > HTML_LIMITS.maxCells)
          throw new PermanentError(
            'html.table_too_large',
            `table ${tableIndex + 1}: its cells and spans cover more than ${HTML_LIMITS.maxCells} grid positions by row ${r + 1}; refused`,
          );
        for (let rr = r; rr < r + rowSpan; rr++) {
          occupied[rr] ??= [];
          for (let cc = c; cc < c + colSpan; cc++) occupied[rr]![cc] = true;
        }
        cells.push({
          row: r,
          col: c,
          rowSpan,
          colSpan,
          text: clip(blockText($, td), HTML_LIMITS.maxLineChars),
          ...(td.tagName === 'th' ? { header: true } : {}),
          prov: { ...baseProv, locator: `table[${tableIndex + 1}]/row[${r + 1}]/cell[${i + 1}]` },
        });
        c += colSpan;
        nCols = Math.max(nCols, c);
      });
  });
  if (clipped)
    issues.push(
      issue(
        'warning',
        'html.absurd_size',
        `table ${tableIndex + 1} is wider than ${HTML_LIMITS.maxCols} columns; clipped`,
        where,
      ),
    );
  if (rows.length * nCols > HTML_LIMITS.maxCells)
    throw new PermanentError(
      'html.table_too_large',
      `table ${tableIndex + 1} is ${rows.length} rows × ${nCols} columns, over ${HTML_LIMITS.maxCells} grid positions; refused`,
    );
  return {
    id: `t${tableIndex + 1}`,
    nRows: rows.length,
    nCols,
    cells,
    context: [],
    prov: { ...baseProv, locator: `table[${tableIndex + 1}]` },
  };
}
