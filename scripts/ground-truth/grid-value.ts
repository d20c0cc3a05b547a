/**
 * Confirms one value of an amount-table line on a ruled page: its row's label cell (and the merged group cell over
 * it, and its code cells) printed as typed; the cell of that row under exactly the typed column header printing the
 * value (or nothing, for a blank); the table titled as its table type.
 */
import type { GroundTruthValue } from './types.js';
import {
  type Box,
  type Cell,
  type PageGrid,
  type Table,
  cellsLeftOf,
  cellsRightOf,
  sameRow,
  spansColumn,
  tableOf,
  textAt,
} from './grid.js';
import { type HeaderContext, headerCells, headerPath, sideOf } from './grid-header.js';
import { agrees, headerParts, numberOf, oneUnder, squash } from './text.js';

/** Cells this narrow are the gap of a double border, not a column. */
const MIN_CELL = 4;
const EDGE = 1.5;

export interface GridValueContext extends HeaderContext {
  /** Null when the table the row stands in is titled as `tableType`, else why not. */
  titleCheck(page: number, y: number, tableType: string): string | null;
}

/** A printed occurrence of the value's row: the box its line starts from (the label cell, or the table's edge). */
interface Anchor {
  box: Box;
  label: string;
}

const middle = (b: Box): number => (b.y0 + b.y1) / 2;
const isCodePart = (s: string): boolean => /^\d{2,}$/.test(s);

/** The code printed in the cells left of a label on its row: digit cells (blank 款/项 cells skipped) up to a text cell. */
function codeLeftOf(grid: PageGrid, label: Box): string {
  const parts: string[] = [];
  for (const c of cellsLeftOf(grid, label, middle(label))) {
    const t = textAt(grid, c);
    if (t === '') continue;
    if (!isCodePart(t)) break;
    parts.unshift(t);
  }
  return parts.join('');
}

/** Where the typed row is printed: label cells (under their typed group cells, beside their typed code). */
function findAnchors(grid: PageGrid, v: GroundTruthValue): Anchor[] | string {
  const label = v.row ?? v.indicator;
  const code = v.code ? squash(v.code) : undefined;
  if (!label && !code) return singleLine(grid, v);
  // A label printed on several lines is typed with the labels left of it: group/label (一般公共预算资金/小计).
  const parts = label ? (v.row ? v.row.split('/').map(squash) : [squash(label)]) : [];
  const leaf = parts[parts.length - 1];
  const cells = grid.tables.flatMap((t) => t.cells);
  const out: Anchor[] = [];
  for (const c of cells) {
    const glued = code !== undefined && leaf !== undefined && c.text === code + leaf;
    if (leaf !== undefined && c.text !== leaf && !glued) continue;
    if (leaf === undefined && codeLeftOf(grid, c) !== code) continue;
    if (leaf !== undefined && code !== undefined && !glued && codeLeftOf(grid, c) !== code) continue;
    if (!groupsOver(grid, c, parts.slice(0, -1))) continue;
    out.push({ box: c, label: c.text });
  }
  if (out.length) return out;
  const where = [code, label].filter(Boolean).join(' ');
  return (
    `row "${where}" is not printed in a table cell on page ${v.page}` +
    (code && leaf ? ' (with that code left of that label on one row)' : '')
  );
}

/** Each typed group label is printed in a cell left of the row label whose rows hold the row label's row. */
function groupsOver(grid: PageGrid, label: Cell, groups: string[]): boolean {
  const table = tableOf(grid, label);
  let inner: Box = label;
  for (const g of [...groups].reverse()) {
    const found = table?.cells.find(
      (c) => c.text === g && c.x1 <= inner.x0 + EDGE && c.y0 <= inner.y0 + EDGE && c.y1 >= inner.y1 - EDGE,
    );
    if (!found) return false;
    inner = found;
  }
  return true;
}

/** A table printing a single line of figures (支出预算总表, 三公经费表): its values need no row label. */
function singleLine(grid: PageGrid, v: GroundTruthValue): Anchor[] | string {
  const anchors: Anchor[] = [];
  for (const t of grid.tables) {
    const rows: Box[] = [];
    for (const c of t.cells.filter((c) => numberOf(c.text) !== null)) {
      if (!rows.some((r) => sameRow(r, c))) rows.push(c);
    }
    const row = rows.length === 1 ? rows[0] : rows.length === 0 ? emptyLastLine(grid, t) : undefined;
    if (row) anchors.push({ box: { x0: t.x0 - 1, x1: t.x0 - 1, y0: row.y0, y1: row.y1 }, label: '' });
  }
  return anchors.length ? anchors : `no row given, and no table on page ${v.page} prints a single line of figures`;
}

/** A table printing no figures at all (a template): its one line is the row of empty cells below every text. */
function emptyLastLine(grid: PageGrid, t: Table): Box | undefined {
  const textBottom = Math.max(...t.cells.map((c) => c.y1));
  if (t.y1 - textBottom < MIN_CELL) return undefined;
  const probe = grid.cellAt(t.x0 + MIN_CELL, (textBottom + t.y1) / 2);
  return probe && probe.y0 >= textBottom - EDGE && probe.y1 >= t.y1 - EDGE ? probe : undefined;
}

const samePath = (a: string[], b: string[]): boolean => a.length === b.length && a.every((p, i) => p === b[i]);

/** One row occurrence read: the cell under the typed column (its text), or why there is none. */
type RowReading = { printed: string; cell: Box } | { reason: string };

/** Reads the cell of one row occurrence under the typed column. */
function readRow(ctx: GridValueContext, grid: PageGrid, v: GroundTruthValue, a: Anchor, want: string[]): RowReading {
  const title = ctx.titleCheck(v.page, a.box.y0, v.tableType);
  if (title) return { reason: title };
  const labelHeader = a.label ? headerCells(ctx, v.page, a.box) : [];
  const labelPath = labelHeader.map((c) => c.text);
  // A group header over the label's column that reaches further right (收入 over 项目 | 金额, 功能分类 over
  // 功能科目名称 | 金额) holds the label's own figures: a cell outside it belongs to another label of the line.
  const group = [...labelHeader].reverse().find((h) => h.x1 > a.box.x1 + EDGE);
  const seen: string[] = [];
  const matches: Box[] = [];
  for (const c of cellsRightOf(grid, a.box, middle(a.box))) {
    if (c.x1 - c.x0 < MIN_CELL || !sameRow(c, a.box)) continue;
    const path = headerPath(ctx, v.page, c);
    // A table printed in two halves side by side (人员经费 | 公用经费) starts its second half with a label column
    // under the same header as the row's own label: the row's cells end there.
    const text = textAt(grid, c);
    if (a.label && text !== '' && numberOf(text) === null && samePath(path, labelPath)) break;
    if (group && !spansColumn(group, c)) break;
    if (samePath(path, want)) matches.push(c);
    else seen.push(path.join('/') || '(no header)');
  }
  return oneUnder(matches, seen, want, (c) => textAt(grid, c));
}

/** Null when the value is confirmed on a ruled page, else the reason it is rejected. */
export function checkGridValue(ctx: GridValueContext, v: GroundTruthValue): string | null {
  const grid = ctx.grids[v.page - 1];
  if (!grid) return `page ${v.page} is not in the document`;
  const want = headerParts(v.column ?? '');
  if (!want.length) return 'no column given';
  const anchors = findAnchors(grid, v);
  if (typeof anchors === 'string') return anchors;
  const where = [v.code, v.row ?? v.indicator].filter(Boolean).join(' ') || '(single line)';
  const reasons: string[] = [];
  const read: { printed: string; cell: Box }[] = [];
  for (const a of anchors) {
    const r = readRow(ctx, grid, v, a, want);
    if ('reason' in r) reasons.push(r.reason);
    else read.push(r);
  }
  if (!read.length) return `${where}: ${[...new Set(reasons)].join('; ')}`;
  // A label printed on several rows (小计, 会议费, 一般行政管理事务) does not name one line: its code or the labels
  // left of it must (README, "rows").
  if (read.length > 1) {
    const printed = read.map((r) => r.printed || 'blank').join(', ');
    return `${where}: printed on ${read.length} rows with a cell under "${want.join('/')}" (${printed}): type its code or the labels left of it (group/label)`;
  }
  const printed = read[0]!.printed;
  if (!agrees(v.value, printed))
    return `${where}: the cell under "${want.join('/')}" prints ${printed === '' ? 'nothing' : `"${printed}"`}`;
  if (v.side) {
    const side = sideOf(headerPath(ctx, v.page, read[0]!.cell));
    if (side && side !== v.side) return `${where}: the value stands in the ${side} half of the table, not ${v.side}`;
  }
  return null;
}
