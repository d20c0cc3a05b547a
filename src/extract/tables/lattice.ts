import type { BBox } from '../../model/document.js';
import { clusterValues, overlap, splitRulings, UnionFind, type HSeg, type VSeg } from './geometry.js';
import type { Ruling } from './types.js';

/** A ruled region: its row and column edges and, per elementary cell, which group (merged cell) it is in. */
export interface LatticeFrame {
  bbox: BBox;
  rowEdges: number[];
  colEdges: number[];
  /** Merged cells as rectangles of elementary cells. */
  spans: Array<{ row: number; col: number; rowSpan: number; colSpan: number }>;
}

/** Smallest row or column printed in a table; closer edges are one double rule. */
const MIN_TRACK = 3;

function components(h: HSeg[], v: VSeg[], tol: number): Array<{ h: HSeg[]; v: VSeg[] }> {
  const uf = new UnionFind(h.length + v.length);
  h.forEach((a, i) =>
    v.forEach((b, j) => {
      if (b.x >= a.x0 - tol && b.x <= a.x1 + tol && a.y >= b.y0 - tol && a.y <= b.y1 + tol) uf.union(i, h.length + j);
    }),
  );
  const groups = new Map<number, { h: HSeg[]; v: VSeg[] }>();
  const at = (k: number) => {
    const root = uf.find(k);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((s, i) => at(i).h.push(s));
  v.forEach((s, j) => at(h.length + j).v.push(s));
  return [...groups.values()];
}

function edges(values: number[], tol: number): number[] {
  const out: number[] = [];
  for (const v of clusterValues(values, tol)) {
    if (out.length && v - out[out.length - 1]! < MIN_TRACK) continue;
    out.push(v);
  }
  return out;
}

/** Ends of the rules along one axis that lie clearly beyond every crossing rule. */
function openEnds(spans: Array<[number, number]>, crossing: number[]): number[] {
  const lo = Math.min(...crossing),
    hi = Math.max(...crossing);
  const first = Math.min(...spans.map((s) => s[0])),
    last = Math.max(...spans.map((s) => s[1]));
  return [...(first < lo - 2 * MIN_TRACK ? [first] : []), ...(last > hi + 2 * MIN_TRACK ? [last] : [])];
}

/** Whether a rule at `pos` covers most of [a, b] along its length. */
function ruled(
  segs: Array<{ p: number; lo: number; hi: number }>,
  pos: number,
  a: number,
  b: number,
  tol: number,
): boolean {
  let covered = 0;
  for (const s of segs) if (Math.abs(s.p - pos) <= tol) covered += overlap(s.lo, s.hi, a, b);
  return covered >= 0.5 * (b - a);
}

/**
 * Ruled tables (lattice): connected rules give row and column edges; a missing rule between
 * two elementary cells merges them, which yields row and column spans (issue 3).
 */
export function latticeFrames(rulings: Ruling[], tol = 2): LatticeFrame[] {
  const { h, v } = splitRulings(rulings, tol);
  const frames: LatticeFrame[] = [];
  for (const comp of components(h, v, tol)) {
    if (comp.h.length < 2 || comp.v.length < 2) continue;
    // Rules that run past the outermost crossing rules close an open side (tables printed
    // without left/right or top/bottom borders): their ends become the outer edges.
    const rowEdges = edges(
      [
        ...comp.h.map((s) => s.y),
        ...openEnds(
          comp.v.map((s) => [s.y0, s.y1]),
          comp.h.map((s) => s.y),
        ),
      ],
      tol,
    );
    const colEdges = edges(
      [
        ...comp.v.map((s) => s.x),
        ...openEnds(
          comp.h.map((s) => [s.x0, s.x1]),
          comp.v.map((s) => s.x),
        ),
      ],
      tol,
    );
    const nRows = rowEdges.length - 1,
      nCols = colEdges.length - 1;
    if (nRows < 1 || nCols < 1) continue;
    const hs = comp.h.map((s) => ({ p: s.y, lo: s.x0, hi: s.x1 }));
    const vs = comp.v.map((s) => ({ p: s.x, lo: s.y0, hi: s.y1 }));
    const uf = new UnionFind(nRows * nCols);
    for (let r = 0; r < nRows; r++) {
      for (let c = 0; c < nCols; c++) {
        const y0 = rowEdges[r]!,
          y1 = rowEdges[r + 1]!,
          x0 = colEdges[c]!,
          x1 = colEdges[c + 1]!;
        if (c + 1 < nCols && !ruled(vs, x1, y0, y1, tol)) uf.union(r * nCols + c, r * nCols + c + 1);
        if (r + 1 < nRows && !ruled(hs, y1, x0, x1, tol)) uf.union(r * nCols + c, (r + 1) * nCols + c);
      }
    }
    const boxes = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
    for (let r = 0; r < nRows; r++) {
      for (let c = 0; c < nCols; c++) {
        const root = uf.find(r * nCols + c);
        const b = boxes.get(root);
        if (!b) boxes.set(root, { r0: r, r1: r, c0: c, c1: c });
        else
          Object.assign(b, {
            r0: Math.min(b.r0, r),
            r1: Math.max(b.r1, r),
            c0: Math.min(b.c0, c),
            c1: Math.max(b.c1, c),
          });
      }
    }
    const spans = [...boxes.values()]
      .map((b) => ({ row: b.r0, col: b.c0, rowSpan: b.r1 - b.r0 + 1, colSpan: b.c1 - b.c0 + 1 }))
      .sort((a, b) => a.row - b.row || a.col - b.col);
    const bbox = { x0: colEdges[0]!, y0: rowEdges[0]!, x1: colEdges[nCols]!, y1: rowEdges[nRows]! };
    frames.push({ bbox, rowEdges, colEdges, spans });
  }
  return frames.sort((a, b) => a.bbox.y0 - b.bbox.y0 || a.bbox.x0 - b.bbox.x0);
}
