import type { Table } from '../../model/document.js';
import { toTextRows } from '../../model/grid.js';

/** A table as placed on its page, with what joining needs to know. */
export interface PlacedTable {
  table: Table;
  page: number;
  colEdges: number[];
  firstOnPage: boolean;
  lastOnPage: boolean;
}

/** Header rows repeated on a continuation page are compared up to this depth. */
const MAX_HEADER_ROWS = 6;

const norm = (s: string): string => s.replace(/\s+/g, '');

/**
 * Where each of `next`'s column edges sits among `prev`'s, or undefined when the columns do not
 * line up. A continuation may have fewer edges than the first part: a last page holding only
 * the 合计 row merges the code and name columns (seen in the 万里街道 2024 budget).
 */
export function columnMap(prev: number[], next: number[]): number[] | undefined {
  const width = Math.max(1, prev[prev.length - 1]! - prev[0]!);
  const tol = Math.max(3, 0.01 * width);
  const map = next.map((x) => prev.findIndex((p) => Math.abs(p - x) <= tol));
  if (map.some((k) => k < 0) || map[0] !== 0 || map[map.length - 1] !== prev.length - 1) return undefined;
  return map;
}

/** A continuation's context may only repeat the first part's lines (its title printed again). */
function noNewTitle(prev: Table, next: Table): boolean {
  const seen = new Set(prev.context.map(norm));
  return next.context.every((l) => seen.has(norm(l)));
}

/** A row that can be a header: two or more filled cells, none of them a bare number. */
const headerLike = (row: string[]): boolean =>
  row.filter((t) => t).length >= 2 && !row.some((t) => /^[-\d.,%]+$/.test(t));

/**
 * How many of `next`'s first rows repeat header rows of `prev`. The repeated block is usually
 * prev's first rows; in forms it is a later header (seed 004 repeats only the 一级指标… row of
 * its indicator block, below the 部门名称 / 预算情况 block of page 1).
 */
export function repeatedHeaderRows(prev: Table, next: Table): number {
  const a = toTextRows(prev).map((r) => r.map(norm));
  const b = toTextRows(next).map((r) => r.map(norm));
  const same = (x: string[] | undefined, y: string[] | undefined) => !!x && !!y && x.join('|') === y.join('|');
  let best = 0;
  for (let j = 0; j < a.length; j++) {
    if (!headerLike(a[j]!) || !same(a[j], b[0])) continue;
    let k = 0;
    while (k < MAX_HEADER_ROWS && k < b.length - 1 && same(a[j + k], b[k]) && a[j + k]!.some((t) => t)) k++;
    best = Math.max(best, k);
  }
  return best;
}

export function continues(prev: PlacedTable, next: PlacedTable): boolean {
  return (
    next.page === prev.page + 1 &&
    prev.lastOnPage &&
    next.firstOnPage &&
    columnMap(prev.colEdges, next.colEdges) !== undefined &&
    noNewTitle(prev.table, next.table)
  );
}

/**
 * Joins tables that continue on the next page into one (issue 3; seed 001's 公开04表 printed
 * twice): repeated title lines and header rows are dropped, every row keeps its own page in
 * its provenance, and the joined table lists all its pages.
 */
export function joinAcrossPages(placed: PlacedTable[]): Table[] {
  const out: Table[] = [];
  let open: PlacedTable | undefined;
  for (const p of placed) {
    if (open && continues(open, p)) {
      const map = columnMap(open.colEdges, p.colEdges)!;
      const skip = repeatedHeaderRows(open.table, p.table);
      const base = open.table.nRows - skip;
      for (const c of p.table.cells) {
        if (c.row < skip) continue;
        const col = map[c.col]!;
        open.table.cells.push({ ...c, row: c.row + base, col, colSpan: map[c.col + c.colSpan]! - col });
      }
      open.table.nRows += p.table.nRows - skip;
      open.table.pages = [...(open.table.pages ?? [open.page]), p.page];
      if (p.table.after?.length) open.table.after = p.table.after;
      else delete open.table.after;
      open = { ...p, table: open.table, colEdges: open.colEdges };
      continue;
    }
    out.push(p.table);
    open = p;
  }
  return out;
}
