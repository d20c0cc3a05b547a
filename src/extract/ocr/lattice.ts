import type { PixelBox } from './image.js';
import type { PixelRulings } from './rulings.js';

/** A cell of a ruled table picture: grid position and its inside (between the rulings), pixels. */
export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: PixelBox;
}

export interface Lattice {
  /** Ruling centres, top to bottom and left to right. */
  ys: number[];
  xs: number[];
  cells: LatticeCell[];
  bounds: PixelBox;
  /** The ruling boxes the grid was built from. */
  rulings: PixelBox[];
}

/** Centres of lines, merging ones closer than `tol` (a thick line seen twice). */
function positions(centres: number[], tol: number): number[] {
  const out: number[] = [];
  for (const c of [...centres].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last !== undefined && c - last <= tol) out[out.length - 1] = (last + c) / 2;
    else out.push(c);
  }
  return out;
}

/**
 * The cell grid of the largest ruled table: grid slots between adjacent rulings, merged where
 * the ruling between two slots is missing (spanning header cells). Only the cell boxes are
 * needed here, to crop cells for the digit pass; the table itself is rebuilt from the OCR
 * words and the rulings by the shared reconstruction (src/extract/tables).
 */
export function buildLattice(r: PixelRulings, tol = 6): Lattice | undefined {
  if (r.horizontal.length < 2 || r.vertical.length < 2) return undefined;
  const ys = positions(
    r.horizontal.map((h) => (h.y0 + h.y1) / 2),
    tol,
  );
  const xs = positions(
    r.vertical.map((v) => (v.x0 + v.x1) / 2),
    tol,
  );
  const nR = ys.length - 1;
  const nC = xs.length - 1;
  const hAt = (y: number, x: number) =>
    r.horizontal.some((h) => Math.abs((h.y0 + h.y1) / 2 - y) <= tol && h.x0 - tol <= x && x <= h.x1 + tol);
  const vAt = (x: number, y: number) =>
    r.vertical.some((v) => Math.abs((v.x0 + v.x1) / 2 - x) <= tol && v.y0 - tol <= y && y <= v.y1 + tol);
  // Union-find over slots; a slot joins its right (down) neighbour when no ruling separates them.
  const parent = Array.from({ length: nR * nC }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < nR; i++) {
    for (let j = 0; j < nC; j++) {
      const midY = (ys[i]! + ys[i + 1]!) / 2;
      const midX = (xs[j]! + xs[j + 1]!) / 2;
      if (j + 1 < nC && !vAt(xs[j + 1]!, midY)) parent[find(i * nC + j + 1)] = find(i * nC + j);
      if (i + 1 < nR && !hAt(ys[i + 1]!, midX)) parent[find((i + 1) * nC + j)] = find(i * nC + j);
    }
  }
  const groups = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let i = 0; i < nR; i++) {
    for (let j = 0; j < nC; j++) {
      const root = find(i * nC + j);
      const g = groups.get(root);
      if (!g) groups.set(root, { r0: i, r1: i, c0: j, c1: j });
      else {
        g.r1 = Math.max(g.r1, i);
        g.c1 = Math.max(g.c1, j);
      }
    }
  }
  const cells: LatticeCell[] = [...groups.values()]
    .map((g) => ({
      row: g.r0,
      col: g.c0,
      rowSpan: g.r1 - g.r0 + 1,
      colSpan: g.c1 - g.c0 + 1,
      box: { x0: xs[g.c0]!, y0: ys[g.r0]!, x1: xs[g.c1 + 1]!, y1: ys[g.r1 + 1]! },
    }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    ys,
    xs,
    cells,
    bounds: { x0: xs[0]!, y0: ys[0]!, x1: xs[nC]!, y1: ys[nR]! },
    rulings: [...r.horizontal, ...r.vertical],
  };
}

const touches = (h: PixelBox, v: PixelBox, tol: number) =>
  v.x0 - tol <= h.x1 && h.x0 <= v.x1 + tol && v.y0 - tol <= h.y1 && h.y0 <= v.y1 + tol;

/**
 * One lattice per ruled table: rulings are grouped by crossing (a page may hold 公开07表 and a
 * note box, or two tables one above the other), so the grid of one never cuts through another.
 */
export function buildLattices(r: PixelRulings, minCellWidth = 0, tol = 6): Lattice[] {
  const lines = [...r.horizontal.map((b) => ({ b, h: true })), ...r.vertical.map((b) => ({ b, h: false }))];
  const parent = lines.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  lines.forEach((a, i) => {
    lines.forEach((b, j) => {
      if (j > i && a.h !== b.h && touches(a.h ? a.b : b.b, a.h ? b.b : a.b, tol)) parent[find(j)] = find(i);
    });
  });
  const groups = new Map<number, PixelRulings>();
  lines.forEach((l, i) => {
    const g = groups.get(find(i)) ?? { horizontal: [], vertical: [] };
    (l.h ? g.horizontal : g.vertical).push(l.b);
    groups.set(find(i), g);
  });
  // Loops of big digits (0, 8) also draw little boxes: a table has cells, and room in them.
  const roomy = (l: Lattice) => {
    const widths = l.cells.map((c) => Math.max(c.box.x1 - c.box.x0, c.box.y1 - c.box.y0)).sort((a, b) => a - b);
    return l.cells.length >= 2 && widths[widths.length >> 1]! >= minCellWidth;
  };
  return [...groups.values()].map((g) => buildLattice(g, tol)).filter((l): l is Lattice => l !== undefined && roomy(l));
}
