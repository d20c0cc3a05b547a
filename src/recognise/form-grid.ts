import type { Cell, Table } from '../model/document.js';
import { toGrid } from '../model/grid.js';
import { compact } from './values.js';

/**
 * Helpers for form-like tables (绩效 tables): labels in one cell, values in the next distinct
 * cell to the right, blocks whose label cell spans several rows.
 */
export class FormGrid {
  readonly grid: Array<Array<Cell | undefined>>;

  constructor(readonly table: Table) {
    this.grid = toGrid(table);
  }

  /** Compact text with the required-field star (`*任务名称`) and trailing colon removed. */
  static label(cell: Cell | undefined): string {
    return cell
      ? compact(cell.text)
          .replace(/^\*/, '')
          .replace(/[:：]$/, '')
      : '';
  }

  /** Distinct cells of a row, left to right (a merged cell once). */
  rowCells(r: number): Cell[] {
    const out: Cell[] = [];
    for (const c of this.grid[r] ?? []) if (c && out[out.length - 1] !== c) out.push(c);
    return out;
  }

  /** First cell (top-down, left-right) whose label matches. */
  find(match: RegExp, fromRow = 0, toRow = this.table.nRows): Cell | undefined {
    for (let r = fromRow; r < toRow; r++) {
      for (const c of this.rowCells(r)) if (c.row === r && match.test(FormGrid.label(c))) return c;
    }
    return undefined;
  }

  /** The next distinct cell right of a cell, on the cell's first row. */
  rightOf(cell: Cell): Cell | undefined {
    const row = this.grid[cell.row] ?? [];
    return row[cell.col + cell.colSpan];
  }

  /** The cell covering (row, col). */
  at(row: number, col: number): Cell | undefined {
    return this.grid[row]?.[col];
  }
}
