import type { Cheerio, CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Cell, Provenance, Table } from '../../model/document.js';
import { blockText } from './text.js';

/** Spans larger than this are treated as 1: a hostile or broken page must not allocate a huge grid. */
const MAX_SPAN = 1000;

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * An HTML table as a cell grid (HTML 4.01 §11.2.6 table model): each cell is placed at the
 * first free column of its row, and rowspan/colspan reserve the positions it covers, so a
 * merged cell is one Cell with spans and its text is never copied. `rowspan="0"` and spans
 * past the last row are clipped to the table.
 */
export function tableToGrid(
  $: CheerioAPI,
  table: Cheerio<Element>,
  tableIndex: number,
  baseProv: Omit<Provenance, 'locator'>,
): Table {
  const occupied: boolean[][] = [];
  const cells: Cell[] = [];
  const rows = table.find('tr').toArray();
  let nCols = 0;
  rows.forEach((tr, r) => {
    occupied[r] ??= [];
    let c = 0;
    $(tr)
      .children('td,th')
      .toArray()
      .forEach((td, i) => {
        while (occupied[r]![c]) c++;
        const el = $(td);
        const rowSpan = Math.min(span(el.attr('rowspan')), rows.length - r);
        const colSpan = span(el.attr('colspan'));
        for (let rr = r; rr < r + rowSpan; rr++) {
          occupied[rr] ??= [];
          for (let cc = c; cc < c + colSpan; cc++) occupied[rr]![cc] = true;
        }
        cells.push({
          row: r,
          col: c,
          rowSpan,
          colSpan,
          text: blockText($, td),
          ...(td.tagName === 'th' ? { header: true } : {}),
          prov: { ...baseProv, locator: `table[${tableIndex + 1}]/row[${r + 1}]/cell[${i + 1}]` },
        });
        c += colSpan;
        nCols = Math.max(nCols, c);
      });
  });
  return {
    id: `t${tableIndex + 1}`,
    nRows: rows.length,
    nCols,
    cells,
    context: [],
    prov: { ...baseProv, locator: `table[${tableIndex + 1}]` },
  };
}
