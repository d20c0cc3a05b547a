/**
 * Tables for the sample builders, written compactly from the seed texts: one line per row,
 * cells separated by '|', '¶' for a line break inside a cell, '<' for a cell covered by the
 * merge to its left and '^' for one covered by the merge above.
 */
export interface SpecCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Paragraphs of the cell. */
  lines: string[];
  text: string;
}

export interface GridSpec {
  nRows: number;
  nCols: number;
  /** Anchor cells in row-major order. */
  cells: SpecCell[];
}

export function parseGrid(src: string): GridSpec {
  const rows = src
    .replace(/^\n+|\n+$/g, '')
    .split('\n')
    .map((line) => line.split('|'));
  const nCols = Math.max(...rows.map((r) => r.length));
  const at = (r: number, c: number): string | undefined => rows[r]?.[c];
  const cells: SpecCell[] = [];
  rows.forEach((row, r) => {
    if (row.length !== nCols) throw new Error(`row ${r} has ${row.length} cells, expected ${nCols}: ${row.join('|')}`);
    row.forEach((raw, c) => {
      if (raw === '<' || raw === '^') return;
      let colSpan = 1;
      while (at(r, c + colSpan) === '<') colSpan++;
      let rowSpan = 1;
      while (at(r + rowSpan, c) === '^') rowSpan++;
      const lines = raw.split('¶');
      cells.push({ row: r, col: c, rowSpan, colSpan, lines, text: lines.join('\n') });
    });
  });
  return { nRows: rows.length, nCols, cells };
}

/** Dense rows of anchor texts ('' where covered or empty), the shape golden files compare. */
export function textRows(g: GridSpec): string[][] {
  const out = Array.from({ length: g.nRows }, () => Array.from({ length: g.nCols }, () => ''));
  for (const c of g.cells) out[c.row]![c.col] = c.text;
  return out;
}

/** A cell covering (r, c), for writers that need every position (Word's vMerge continuation). */
export function coveringCell(g: GridSpec, r: number, c: number): SpecCell | undefined {
  return g.cells.find((x) => r >= x.row && r < x.row + x.rowSpan && c >= x.col && c < x.col + x.colSpan);
}

/** Spreadsheet cells hold numbers where the printed text is one: '22.00' -> 22 shown as 0.00. */
export function asSheetValue(text: string): { v: string | number; z?: string } {
  const pct = /^(-?\d+(?:\.(\d+))?)%$/.exec(text);
  if (pct) return { v: Number(pct[1]) / 100, z: pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%' };
  const num = /^-?\d+(?:\.(\d+))?$/.exec(text);
  if (num && !/^0\d/.test(text) && text.length < 12)
    return { v: Number(text), ...(num[1] ? { z: `0.${'0'.repeat(num[1].length)}` } : {}) };
  return { v: text };
}
