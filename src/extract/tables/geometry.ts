import type { BBox } from '../../model/document.js';
import type { Ruling } from './types.js';

export interface HSeg {
  y: number;
  x0: number;
  x1: number;
}
export interface VSeg {
  x: number;
  y0: number;
  y1: number;
}

/** Values within `tol` of their neighbour form one cluster, reported by its mean. */
export function clusterValues(values: number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1]! > tol) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

/** Collinear rules that touch or overlap are one rule: cell borders are often drawn cell by cell. */
function mergeCollinear<T>(
  segs: T[],
  pos: (s: T) => number,
  lo: (s: T) => number,
  hi: (s: T) => number,
  make: (p: number, a: number, b: number) => T,
  tol: number,
): T[] {
  const sorted = [...segs].sort((a, b) => pos(a) - pos(b) || lo(a) - lo(b));
  const out: T[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i;
    while (j + 1 < sorted.length && pos(sorted[j + 1]!) - pos(sorted[j]!) <= tol) j++;
    const line = sorted.slice(i, j + 1).sort((a, b) => lo(a) - lo(b));
    const p = line.reduce((s, x) => s + pos(x), 0) / line.length;
    let a = lo(line[0]!),
      b = hi(line[0]!);
    for (const s of line.slice(1)) {
      if (lo(s) <= b + tol) b = Math.max(b, hi(s));
      else {
        out.push(make(p, a, b));
        a = lo(s);
        b = hi(s);
      }
    }
    out.push(make(p, a, b));
    i = j + 1;
  }
  return out;
}

export function splitRulings(rulings: Ruling[], tol: number): { h: HSeg[]; v: VSeg[] } {
  const h: HSeg[] = [];
  const v: VSeg[] = [];
  for (const r of rulings) {
    const w = Math.abs(r.x1 - r.x0),
      ht = Math.abs(r.y1 - r.y0);
    if (ht <= tol && w > tol) h.push({ y: (r.y0 + r.y1) / 2, x0: Math.min(r.x0, r.x1), x1: Math.max(r.x0, r.x1) });
    else if (w <= tol && ht > tol) v.push({ x: (r.x0 + r.x1) / 2, y0: Math.min(r.y0, r.y1), y1: Math.max(r.y0, r.y1) });
  }
  return {
    h: mergeCollinear(
      h,
      (s) => s.y,
      (s) => s.x0,
      (s) => s.x1,
      (y, x0, x1) => ({ y, x0, x1 }),
      tol,
    ),
    v: mergeCollinear(
      v,
      (s) => s.x,
      (s) => s.y0,
      (s) => s.y1,
      (x, y0, y1) => ({ x, y0, y1 }),
      tol,
    ),
  };
}

export const center = (b: BBox): [number, number] => [(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2];

export const contains = (b: BBox, x: number, y: number, tol = 0): boolean =>
  x >= b.x0 - tol && x <= b.x1 + tol && y >= b.y0 - tol && y <= b.y1 + tol;

/** Length of [a0, a1] ∩ [b0, b1]. */
export const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

/** Simple union-find over indices. */
export class UnionFind {
  private parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}
