import * as XLSX from '@e965/xlsx';
import type { Cell, Issue, Provenance, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';

/** Where a sheet's cells come from: the workbook file itself or a part of a DOCX package. */
export interface SheetOrigin {
  sourceId: string;
  /** Package part holding the workbook ('word/embeddings/oleObject2.bin'); absent for a workbook file. */
  part?: string;
  /** Provenance page: the 1-based sheet index for workbook files, 1 inside a DOCX. */
  page: number;
  extractor: string;
}

/** Largest used range converted to a table; bigger sheets are clipped with an issue. */
export const MAX_SHEET_CELLS = 1_000_000;

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Excel quotes sheet names that contain spaces or punctuation in a reference. */
export function sheetRef(sheetName: string, r: number, c: number): string {
  const name = /[\s'!()\-+,;]/.test(sheetName) ? `'${sheetName.replace(/'/g, "''")}'` : sheetName;
  return `${name}!${XLSX.utils.encode_cell({ r, c })}`;
}

function displayed(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.t === 'z') return '';
  if (cell.w !== undefined) return cell.w;
  return cell.v === undefined || cell.v === null ? '' : String(cell.v);
}

/**
 * The used range as SheetJS declares it often reaches far past the content (formatted empty
 * rows: the corpus template declares A1:G3380 for ten lines of text), so the range is cut to
 * the cells that carry text, widened to keep the merges that touch them whole.
 */
function contentBox(ws: XLSX.WorkSheet, merges: XLSX.Range[]): Box | undefined {
  const ref = ws['!ref'];
  if (!ref) return undefined;
  const range = XLSX.utils.decode_range(ref);
  let box: Box | undefined;
  const grow = (r: number, c: number): void => {
    box = box
      ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) }
      : { r0: r, c0: c, r1: r, c1: c };
  };
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    if (displayed(ws[key] as XLSX.CellObject).trim() === '') continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (r >= range.s.r && r <= range.e.r && c >= range.s.c && c <= range.e.c) grow(r, c);
  }
  if (!box) return undefined;
  const b: Box = box;
  for (const m of merges) {
    if (m.s.r <= b.r1 && m.e.r >= b.r0 && m.s.c <= b.c1 && m.e.c >= b.c0) {
      grow(m.s.r, m.s.c);
      grow(Math.min(m.e.r, range.e.r), Math.min(m.e.c, range.e.c));
    }
  }
  return box;
}

export interface SheetTableResult {
  table?: Table;
  issues: Issue[];
}

/**
 * One sheet's used range as a table: merged cells become spans anchored at their top-left
 * cell, Cell.text is the displayed value (SheetJS `w`, what the reader saw) and Cell.value
 * the raw number where the cell stores one.
 */
export function sheetToTable(ws: XLSX.WorkSheet, sheetName: string, id: string, origin: SheetOrigin): SheetTableResult {
  const issues: Issue[] = [];
  const merges = ws['!merges'] ?? [];
  const box = contentBox(ws, merges);
  if (!box) return { issues };
  const prov = (locator: string): Provenance => ({
    sourceId: origin.sourceId,
    page: origin.page,
    ...(origin.part ? { part: origin.part } : {}),
    locator,
    method: 'structure',
    extractor: origin.extractor,
  });
  let nRows = box.r1 - box.r0 + 1;
  const nCols = box.c1 - box.c0 + 1;
  if (nRows * nCols > MAX_SHEET_CELLS) {
    const declared = nRows;
    nRows = Math.max(1, Math.floor(MAX_SHEET_CELLS / nCols));
    issues.push(
      issue(
        'warning',
        'xlsx.range_clipped',
        `sheet ${sheetName}: used range ${declared} rows x ${nCols} columns clipped to ${nRows} rows`,
        prov(sheetName),
      ),
    );
  }
  // Positions as numbers (a sheet has at most 16384 columns) keep the sets cheap.
  const at = (r: number, c: number): number => r * 16384 + c;
  const covered = new Set<number>();
  const spanAt = new Map<number, { rowSpan: number; colSpan: number }>();
  // Valid merges never overlap, so covering costs at most one step per cell; overlapping
  // hostile merges could cost far more, and are cut off with an issue.
  let budget = MAX_SHEET_CELLS;
  const lastRow = box.r0 + nRows - 1;
  for (const m of merges) {
    const r0 = Math.max(m.s.r, box.r0);
    const c0 = Math.max(m.s.c, box.c0);
    const r1 = Math.min(m.e.r, lastRow);
    const c1 = Math.min(m.e.c, box.c1);
    if (r0 > r1 || c0 > c1) continue;
    budget -= (r1 - r0 + 1) * (c1 - c0 + 1);
    if (budget < 0) {
      issues.push(
        issue(
          'warning',
          'xlsx.merges_overlap',
          `sheet ${sheetName}: merged ranges overlap or are too many; the rest are ignored`,
          prov(sheetName),
        ),
      );
      break;
    }
    spanAt.set(at(r0, c0), { rowSpan: r1 - r0 + 1, colSpan: c1 - c0 + 1 });
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) covered.add(at(r, c));
  }
  // Only the cells the sheet holds and the merge anchors are visited, never the whole range.
  const positions = new Map<number, { r: number; c: number }>();
  for (const key of Object.keys(ws)) {
    if (key.startsWith('!')) continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (r >= box.r0 && r <= lastRow && c >= box.c0 && c <= box.c1) positions.set(at(r, c), { r, c });
  }
  for (const k of spanAt.keys()) positions.set(k, { r: Math.floor(k / 16384), c: k % 16384 });
  const cells: Cell[] = [];
  for (const [k, { r, c }] of [...positions].sort((a, b) => a[0] - b[0])) {
    if (covered.has(k)) continue;
    const raw = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
    const text = displayed(raw);
    const span = spanAt.get(k);
    if (text === '' && !span) continue;
    const cell: Cell = {
      row: r - box.r0,
      col: c - box.c0,
      rowSpan: span?.rowSpan ?? 1,
      colSpan: span?.colSpan ?? 1,
      text,
      prov: prov(sheetRef(sheetName, r, c)),
    };
    if (raw?.t === 'n' && typeof raw.v === 'number') cell.value = raw.v;
    cells.push(cell);
  }
  const first = cells.filter((c) => c.row === 0 && c.text.trim() !== '');
  const table: Table = {
    id,
    nRows,
    nCols,
    cells,
    context: [sheetName],
    prov: prov(
      `${sheetRef(sheetName, box.r0, box.c0)}:${XLSX.utils.encode_cell({ r: box.r0 + nRows - 1, c: box.c1 })}`,
    ),
  };
  if (first.length === 1) table.caption = first[0]!.text.trim();
  return { table, issues };
}
