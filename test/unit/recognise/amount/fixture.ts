import type { Cell, ExtractedDocument, Table } from '../../../../src/model/document.js';
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

export function contextFor(tables: Table[], kind: 'final' | 'budget' | 'unknown' = 'unknown', index = 0): RecogniseContext {
  const doc: ExtractedDocument = {
    source: { id: SOURCE_ID, url: 'file:test', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'application/pdf', size: 1 },
    format: 'pdf',
    pages: [],
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
