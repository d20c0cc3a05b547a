import type { BBox, Cell, ExtractedDocument, Page, Table } from '../../../../src/model/document.js';
import type { RecogniseContext } from '../../../../src/recognise/types.js';

export const SOURCE_ID = 'a'.repeat(64);

/**
 * A table from printed rows. '<' marks a cell merged into its left neighbour, '^' one merged into
 * the cell above: enough to write the multi-row headers of the 决算 / 预算 tables as printed.
 */
export function gridTable(rows: string[][], context: string[] = [], id = 't1'): Table {
  const nCols = Math.max(...rows.map((r) => r.length));
  const cells: Cell[] = [];
  const owner: Array<Array<Cell | undefined>> = rows.map(() => []);
  rows.forEach((row, r) => {
    for (let c = 0; c < nCols; c++) {
      const text = row[c] ?? '';
      if (text === '<' && owner[r]![c - 1]) {
        const cell = owner[r]![c - 1]!;
        if (cell.row === r) cell.colSpan++;
        owner[r]![c] = cell;
      } else if (text === '^' && owner[r - 1]?.[c]) {
        const cell = owner[r - 1]![c]!;
        if (cell.col === c) cell.rowSpan++;
        owner[r]![c] = cell;
      } else {
        const cell: Cell = {
          row: r,
          col: c,
          rowSpan: 1,
          colSpan: 1,
          text,
          prov: { sourceId: SOURCE_ID, page: 1, locator: `r${r}c${c}`, method: 'structure', extractor: 'test@0' },
        };
        cells.push(cell);
        owner[r]![c] = cell;
      }
    }
  });
  return {
    id,
    nRows: rows.length,
    nCols,
    cells,
    context,
    prov: { sourceId: SOURCE_ID, page: 1, method: 'structure', extractor: 'test@0' },
  };
}

export function contextFor(
  tables: Table[],
  kind: 'final' | 'budget' | 'unknown' = 'unknown',
  index = 0,
  pages: Page[] = [],
): RecogniseContext {
  const doc: ExtractedDocument = {
    source: {
      id: SOURCE_ID,
      url: 'file:test',
      fetchedAt: '2026-01-01T00:00:00Z',
      mediaType: 'application/pdf',
      size: 1,
    },
    format: 'pdf',
    pages,
    tables,
    meta: [],
    status: 'ok',
    issues: [],
    versions: { test: '0' },
  };
  return {
    doc,
    meta: { region: { province: '上海市' }, department: '测试局', year: 2024, kind, provenance: {} },
    tableIndex: index,
  };
}

/**
 * Puts a table on a PDF page: the table and each cell get that page and a box (rows 20 pt high from `top`,
 * columns 60 pt wide from x 40), as a text-layer extractor would give them.
 */
export function placeTable(table: Table, page: number, top: number): Table {
  const box = (r0: number, c0: number, r1: number, c1: number): BBox => ({
    x0: 40 + 60 * c0,
    y0: top + 20 * r0,
    x1: 40 + 60 * c1,
    y1: top + 20 * r1,
  });
  for (const c of table.cells)
    c.prov = { ...c.prov, page, method: 'text-layer', bbox: box(c.row, c.col, c.row + c.rowSpan, c.col + c.colSpan) };
  table.prov = { ...table.prov, page, method: 'text-layer', bbox: box(0, 0, table.nRows, table.nCols) };
  table.pages = [page];
  return table;
}

/**
 * A page's text runs: each line printed at its y (top of a 12 pt line) from x 40, plus the runs of the cells of
 * the tables placed on it (the text layer holds both; recognisers must tell them apart by position).
 */
export function pageWith(number: number, lines: Array<[text: string, y: number]>, tables: Table[] = []): Page {
  const run = (text: string, bbox: BBox) => ({
    text,
    fontSize: 12,
    prov: { sourceId: SOURCE_ID, page: number, bbox, method: 'text-layer' as const, extractor: 'test@0' },
  });
  const runs = lines.map(([text, y]) => run(text, { x0: 40, y0: y, x1: 40 + 12 * text.length, y1: y + 12 }));
  for (const t of tables)
    for (const c of t.cells) if (c.prov.page === number && c.prov.bbox && c.text) runs.push(run(c.text, c.prov.bbox));
  return { number, width: 595, height: 842, runs };
}
