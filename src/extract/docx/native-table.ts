import type { Element } from 'domhandler';
import type { Cell, Issue, Provenance, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { PermanentError } from '../../model/errors.js';
import { attr, kids, paragraphContent } from './walk.js';

/** Grids past these sizes are hostile or broken; they are clipped with an issue. */
export const MAX_TABLE_ROWS = 20_000;
export const MAX_TABLE_COLS = 1_000;
/**
 * Grid positions (rows × columns) one table may cover after clipping; as the XLSX reader's MAX_SHEET_CELLS. Past it
 * the document fails: a gridSpan of 1e8 on 30 000 rows clips to 20 000 × 1000 = 2e7 positions, which every later
 * stage expanding the grid (src/model/grid.ts) would allocate (issue 16: heap out of memory, exit 134).
 */
export const MAX_TABLE_CELLS = 1_000_000;

export interface NativeOrigin {
  sourceId: string;
  extractor: string;
  /** 1-based index of the table among the document's native tables, for locators. */
  index: number;
  id: string;
}

const intVal = (el: Element | undefined, fallback: number): number => {
  const n = Number.parseInt((el && attr(el, 'w:val')) ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};
const child = (el: Element | undefined, name: string): Element | undefined =>
  el && kids(el).find((k) => k.name === name);

/** Rows and cells may sit inside content controls or custom XML; look through them. */
function direct(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (const k of kids(el)) {
    if (k.name === name) out.push(k);
    else if (k.name === 'w:sdt' || k.name === 'w:customXml') out.push(...direct(child(k, 'w:sdtContent') ?? k, name));
  }
  return out;
}

/** A cell's paragraphs joined with '\n' (nested tables contribute their paragraphs in order). */
function cellText(tc: Element): string {
  const lines: string[] = [];
  const visit = (el: Element): void => {
    for (const k of kids(el)) {
      if (k.name === 'w:p') lines.push(paragraphContent(k).text);
      else if (k.name !== 'w:tcPr') visit(k);
    }
  };
  visit(tc);
  return lines.join('\n');
}

/**
 * A native Word table (ECMA-376 §17.4) as a cell grid: w:gridBefore/w:gridAfter skip grid
 * columns, w:gridSpan is a column span, and a w:vMerge without w:val="restart" continues the
 * cell above in the same grid column (its rowSpan grows; the continuation holds no text).
 */
export function nativeTable(tbl: Element, origin: NativeOrigin): { table: Table; issues: Issue[] } {
  const issues: Issue[] = [];
  const prov = (locator: string): Provenance => ({
    sourceId: origin.sourceId,
    page: 1,
    part: 'word/document.xml',
    locator,
    method: 'structure',
    extractor: origin.extractor,
  });
  let rows = direct(tbl, 'w:tr');
  if (rows.length > MAX_TABLE_ROWS) {
    issues.push(
      issue(
        'warning',
        'docx.absurd_size',
        `table ${origin.index} has ${rows.length} rows; only ${MAX_TABLE_ROWS} read`,
        prov(`table[${origin.index}]`),
      ),
    );
    rows = rows.slice(0, MAX_TABLE_ROWS);
  }
  const cells: Cell[] = [];
  /** The cell currently open (for vMerge) at each grid column. */
  const open = new Map<number, Cell>();
  let nCols = Math.min(direct(child(tbl, 'w:tblGrid') ?? tbl, 'w:gridCol').length, MAX_TABLE_COLS);
  let clipped = false;
  rows.forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    let col = Math.min(intVal(child(trPr, 'w:gridBefore'), 0), MAX_TABLE_COLS);
    direct(tr, 'w:tc').forEach((tc, k) => {
      const tcPr = child(tc, 'w:tcPr');
      let span = Math.max(1, intVal(child(tcPr, 'w:gridSpan'), 1));
      if (col + span > MAX_TABLE_COLS) {
        clipped = true;
        span = Math.max(0, MAX_TABLE_COLS - col);
        if (span === 0) return;
      }
      const vMerge = child(tcPr, 'w:vMerge');
      const above = open.get(col);
      if (
        vMerge &&
        attr(vMerge, 'w:val') !== 'restart' &&
        above &&
        above.colSpan === span &&
        above.row + above.rowSpan === r
      ) {
        above.rowSpan++;
      } else {
        const cell: Cell = {
          row: r,
          col,
          rowSpan: 1,
          colSpan: span,
          text: cellText(tc),
          prov: prov(`table[${origin.index}]/row[${r + 1}]/cell[${k + 1}]`),
        };
        cells.push(cell);
        for (let c = col; c < col + span; c++) open.delete(c);
        open.set(col, cell);
      }
      col += span;
    });
    col += intVal(child(trPr, 'w:gridAfter'), 0);
    nCols = Math.max(nCols, Math.min(col, MAX_TABLE_COLS));
  });
  if (rows.length * nCols > MAX_TABLE_CELLS)
    throw new PermanentError(
      'docx.table_too_large',
      `table ${origin.index} is ${rows.length} rows × ${nCols} columns (its w:gridSpan / w:gridBefore / w:tblGrid), over ${MAX_TABLE_CELLS} grid positions; refused`,
    );
  if (clipped)
    issues.push(
      issue(
        'warning',
        'docx.absurd_size',
        `table ${origin.index} is wider than ${MAX_TABLE_COLS} columns; clipped`,
        prov(`table[${origin.index}]`),
      ),
    );
  const table: Table = {
    id: origin.id,
    nRows: rows.length,
    nCols,
    cells,
    context: [],
    prov: prov(`table[${origin.index}]`),
  };
  return { table, issues };
}
