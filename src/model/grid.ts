import type { Cell, Table } from './document.js';

/**
 * A dense view of a table: grid[r][c] is the cell covering (r, c), so a merged cell
 * appears at every position it spans (the text is not copied; it is the same Cell).
 */
export function toGrid(table: Table): Array<Array<Cell | undefined>> {
  const grid: Array<Array<Cell | undefined>> = Array.from({ length: table.nRows }, () =>
    Array.from({ length: table.nCols }, () => undefined),
  );
  for (const cell of table.cells) {
    for (let r = cell.row; r < Math.min(cell.row + cell.rowSpan, table.nRows); r++) {
      const line = grid[r]!;
      for (let c = cell.col; c < Math.min(cell.col + cell.colSpan, table.nCols); c++) line[c] = cell;
    }
  }
  return grid;
}

/** Row texts with each merged cell reported once, at its anchor; '' elsewhere. */
export function toTextRows(table: Table): string[][] {
  const rows = Array.from({ length: table.nRows }, () => Array.from({ length: table.nCols }, () => ''));
  for (const cell of table.cells) {
    const row = rows[cell.row];
    if (row && cell.col < row.length) row[cell.col] = cell.text;
  }
  return rows;
}

/** The cell anchored at (row, col), if any. */
export function cellAt(table: Table, row: number, col: number): Cell | undefined {
  return table.cells.find((c) => c.row === row && c.col === col);
}
