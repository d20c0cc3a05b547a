/**
 * A page's ruled tables: the cells the printed borders enclose, each with the words poppler reads inside it. A cell
 * is found by casting rays from a point to the nearest border on each side, so merged cells (a group header over
 * several columns, a row label over several rows) come out whole, and every word of a wrapped cell lands in it.
 */
import type { PageWords, Word } from './pdf-words.js';
import type { PageRules } from './pdf-rules.js';
import { cy, sameLine } from './geometry.js';
import { numberOf, squash } from './text.js';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Cell extends Box {
  words: Word[];
  /** The words read line by line, left to right, squashed (full-width → ASCII, no spaces). */
  text: string;
}

export interface Table extends Box {
  cells: Cell[];
  /** Top of the first cell printing a number: the header is above it (Infinity for a table printing none). */
  dataTop: number;
}

export interface PageGrid {
  page: number;
  tables: Table[];
  /** The cell around a point, printed or empty; null outside every table. */
  cellAt(x: number, y: number): Box | null;
  /** The printed cell with exactly this box, if any. */
  printed(box: Box): Cell | undefined;
}

/** Rules are drawn up to a half-thickness short of the rule they meet. */
const REACH = 1.5;

const cx = (w: Word): number => (w.x0 + w.x1) / 2;
const keyOf = (b: Box): string => [b.x0, b.y0, b.x1, b.y1].map((n) => n.toFixed(1)).join(',');

/** Casts rays from (x, y) to the nearest rule on each side. */
function castCell(rules: PageRules, x: number, y: number): Box | null {
  let x0 = -Infinity;
  let x1 = Infinity;
  let y0 = -Infinity;
  let y1 = Infinity;
  for (const v of rules.v) {
    if (y < v.y0 - REACH || y > v.y1 + REACH) continue;
    if (v.x < x && v.x > x0) x0 = v.x;
    if (v.x > x && v.x < x1) x1 = v.x;
  }
  for (const h of rules.h) {
    if (x < h.x0 - REACH || x > h.x1 + REACH) continue;
    if (h.y < y && h.y > y0) y0 = h.y;
    if (h.y > y && h.y < y1) y1 = h.y;
  }
  return [x0, x1, y0, y1].every(Number.isFinite) ? { x0, y0, x1, y1 } : null;
}

/** Connected groups of rules (rules that cross or touch): one per printed table. */
function ruleComponents(rules: PageRules): Box[] {
  const n = rules.h.length;
  const parent = [...Array(n + rules.v.length).keys()];
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  rules.h.forEach((h, i) => {
    rules.v.forEach((v, j) => {
      if (v.x >= h.x0 - REACH && v.x <= h.x1 + REACH && h.y >= v.y0 - REACH && h.y <= v.y1 + REACH)
        parent[find(i)] = find(n + j);
    });
  });
  const boxes = new Map<number, Box & { hs: number; vs: number }>();
  const grow = (root: number, b: Box, horizontal: boolean): void => {
    const cur = boxes.get(root) ?? { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity, hs: 0, vs: 0 };
    boxes.set(root, {
      x0: Math.min(cur.x0, b.x0),
      y0: Math.min(cur.y0, b.y0),
      x1: Math.max(cur.x1, b.x1),
      y1: Math.max(cur.y1, b.y1),
      hs: cur.hs + (horizontal ? 1 : 0),
      vs: cur.vs + (horizontal ? 0 : 1),
    });
  };
  rules.h.forEach((h, i) => grow(find(i), { x0: h.x0, x1: h.x1, y0: h.y, y1: h.y }, true));
  rules.v.forEach((v, j) => grow(find(n + j), { x0: v.x, x1: v.x, y0: v.y0, y1: v.y1 }, false));
  // A box needs two rules each way to enclose a cell; a lone underline or frame side is no table.
  return [...boxes.values()].filter((b) => b.hs >= 2 && b.vs >= 2).map(({ x0, y0, x1, y1 }) => ({ x0, y0, x1, y1 }));
}

/** A cell's words as read: lines top to bottom (words sharing a line), each left to right. */
function readCell(words: Word[]): string {
  const lines: Word[][] = [];
  for (const w of [...words].sort((a, b) => cy(a) - cy(b))) {
    const line = lines.find((l) => sameLine(l[0]!, w));
    if (line) line.push(w);
    else lines.push([w]);
  }
  return lines
    .map((l) =>
      l
        .sort((a, b) => a.x0 - b.x0)
        .map((w) => squash(w.text))
        .join(''),
    )
    .join('');
}

const inside = (b: Box, x: number, y: number): boolean =>
  x >= b.x0 - REACH && x <= b.x1 + REACH && y >= b.y0 - REACH && y <= b.y1 + REACH;

/**
 * Where the lines of a table printing no figure (a template) start: under the highest header cell that has only
 * empty cells of its own width below it (a value column's header). Infinity when no column shows that.
 */
function blankTop(cells: Cell[], cellAt: (x: number, y: number) => Box | null): number {
  let top = Infinity;
  for (const c of cells) {
    if (cells.some((o) => o !== c && o.y0 >= c.y1 - REACH && o.x0 >= c.x0 - REACH && o.x1 <= c.x1 + REACH)) continue;
    const below = cellAt((c.x0 + c.x1) / 2, c.y1 + 2 * REACH + 1);
    if (below && Math.abs(below.x0 - c.x0) <= REACH && Math.abs(below.x1 - c.x1) <= REACH && below.y0 >= c.y1 - REACH)
      top = Math.min(top, c.y1);
  }
  return top;
}

/** The ruled tables of one page and the printed cells in them. */
export function buildGrid(page: number, words: PageWords, rules: PageRules): PageGrid {
  const boxes = ruleComponents(rules);
  const cellAt = (x: number, y: number): Box | null => {
    if (!boxes.some((b) => inside(b, x, y))) return null;
    return castCell(rules, x, y);
  };
  const byKey = new Map<string, { box: Box; words: Word[] }>();
  for (const w of words) {
    const box = cellAt(cx(w), cy(w));
    if (!box) continue;
    const k = keyOf(box);
    const entry = byKey.get(k) ?? { box, words: [] };
    entry.words.push(w);
    byKey.set(k, entry);
  }
  const cells: Cell[] = [...byKey.values()].map(({ box, words: ws }) => ({ ...box, words: ws, text: readCell(ws) }));
  const tables: Table[] = boxes
    .map((b) => {
      const own = cells.filter((c) => inside(b, (c.x0 + c.x1) / 2, (c.y0 + c.y1) / 2));
      const numeric = own.filter((c) => numberOf(c.text) !== null);
      const dataTop = numeric.length ? Math.min(...numeric.map((c) => c.y0)) : blankTop(own, cellAt);
      return { ...b, cells: own, dataTop };
    })
    .sort((a, b) => a.y0 - b.y0);
  const printed = (box: Box): Cell | undefined =>
    byKey.has(keyOf(box)) ? cells.find((c) => keyOf(c) === keyOf(box)) : undefined;
  return { page, tables, cellAt, printed };
}

/** The table a box lies in. */
export function tableOf(grid: PageGrid, b: Box): Table | undefined {
  return grid.tables.find((t) => inside(t, (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2));
}

/** Whether one box's vertical span holds the other's: two cells of one table row (or a merged cell over it). */
export function sameRow(a: Box, b: Box): boolean {
  const holds = (p: Box, q: Box): boolean => p.y0 <= q.y0 + REACH && p.y1 >= q.y1 - REACH;
  return holds(a, b) || holds(b, a);
}

/** Whether `outer` spans `inner` horizontally (a header cell over a column). */
export function spansColumn(outer: Box, inner: Box): boolean {
  return outer.x0 <= inner.x0 + REACH && outer.x1 >= inner.x1 - REACH;
}

/**
 * The cells of a row left to right from `from` (exclusive) to the table's edge, empty ones included, each the cell
 * found at the row's height `y` (the middle of the row label's cell).
 */
export function cellsRightOf(grid: PageGrid, from: Box, y: number): Box[] {
  const out: Box[] = [];
  for (let x = from.x1 + REACH + 0.5; ; ) {
    const c = grid.cellAt(x, y);
    if (!c || c.x1 <= x - REACH - 1) break;
    out.push(c);
    x = c.x1 + REACH + 0.5;
  }
  return out;
}

/** The cells of a row from `from` (exclusive) leftwards to the table's edge. */
export function cellsLeftOf(grid: PageGrid, from: Box, y: number): Box[] {
  const out: Box[] = [];
  for (let x = from.x0 - REACH - 0.5; ; ) {
    const c = grid.cellAt(x, y);
    if (!c || c.x0 >= x + REACH + 1) break;
    out.push(c);
    x = c.x0 - REACH - 0.5;
  }
  return out;
}

/** The printed text of a box ('' for an empty cell). */
export const textAt = (grid: PageGrid, b: Box): string => grid.printed(b)?.text ?? '';
