import type { BBox } from '../../model/document.js';
import { center, contains } from './geometry.js';
import type { LatticeFrame } from './lattice.js';
import { cellText, isWide } from './text-join.js';
import type { GridCell, PositionedText, TableGrid } from './types.js';

/** Estimated advance of each character in ems: CJK and full-width forms 1, the rest 0.5. */
function advances(text: string): number[] {
  return [...text].map((ch) => (isWide(ch) ? 1 : 0.5));
}

/**
 * Splits a run that crosses column edges (one Tj printed over several cells) at the character
 * boundaries nearest those edges, so each cell gets only its own characters.
 */
export function splitAtEdges(item: PositionedText, colEdges: number[], tol = 1): PositionedText[] {
  const inner = colEdges.filter((x) => x > item.bbox.x0 + tol && x < item.bbox.x1 - tol);
  const chars = [...item.text];
  if (!inner.length || chars.length < 2) return [item];
  const adv = advances(item.text);
  const total = adv.reduce((s, a) => s + a, 0);
  const scale = (item.bbox.x1 - item.bbox.x0) / total;
  const cuts: number[] = [];
  for (const edge of inner) {
    let x = item.bbox.x0,
      best = -1,
      bestDist = Infinity;
    for (let k = 0; k <= chars.length; k++) {
      if (Math.abs(x - edge) < bestDist) {
        bestDist = Math.abs(x - edge);
        best = k;
      }
      x += (adv[k] ?? 0) * scale;
    }
    if (best > 0 && best < chars.length && !cuts.includes(best)) cuts.push(best);
  }
  if (!cuts.length) return [item];
  cuts.sort((a, b) => a - b);
  const out: PositionedText[] = [];
  let start = 0;
  for (const cut of [...cuts, chars.length]) {
    const text = chars.slice(start, cut).join('');
    const x0 = item.bbox.x0 + adv.slice(0, start).reduce((s, a) => s + a, 0) * scale;
    const x1 = item.bbox.x0 + adv.slice(0, cut).reduce((s, a) => s + a, 0) * scale;
    const bbox: BBox = { x0, y0: item.bbox.y0, x1, y1: item.bbox.y1 };
    if (text.trim()) out.push({ ...item, text, bbox, prov: { ...item.prov, bbox } });
    start = cut;
  }
  return out;
}

const locate = (edges: number[], v: number): number => {
  for (let k = 0; k + 1 < edges.length; k++) if (v >= edges[k]! && v < edges[k + 1]!) return k;
  return -1;
};

/**
 * Puts each run inside a frame into the cell holding its centre. Returns the grid and the runs
 * that fell outside every cell (titles, notes), which caption attachment uses.
 */
export function fillFrame(
  frame: LatticeFrame,
  items: PositionedText[],
  method: TableGrid['method'] = 'lattice',
): { grid: TableGrid; outside: PositionedText[] } {
  const nRows = frame.rowEdges.length - 1,
    nCols = frame.colEdges.length - 1;
  const owner = new Map<number, number>();
  frame.spans.forEach((s, k) => {
    for (let r = s.row; r < s.row + s.rowSpan; r++)
      for (let c = s.col; c < s.col + s.colSpan; c++) owner.set(r * nCols + c, k);
  });
  const buckets: PositionedText[][] = frame.spans.map(() => []);
  const outside: PositionedText[] = [];
  for (const item of items) {
    const [cx, cy] = center(item.bbox);
    if (!contains(frame.bbox, cx, cy)) {
      outside.push(item);
      continue;
    }
    for (const part of splitAtEdges(item, frame.colEdges)) {
      const [px, py] = center(part.bbox);
      const k = owner.get(locate(frame.rowEdges, py) * nCols + locate(frame.colEdges, px));
      if (k === undefined) outside.push(part);
      else buckets[k]!.push(part);
    }
  }
  const cells: GridCell[] = frame.spans.map((s, k) => {
    const its = buckets[k]!;
    const box: BBox = {
      x0: frame.colEdges[s.col]!,
      y0: frame.rowEdges[s.row]!,
      x1: frame.colEdges[s.col + s.colSpan]!,
      y1: frame.rowEdges[s.row + s.rowSpan]!,
    };
    return { ...s, text: cellText(its), bbox: box, items: its };
  });
  return {
    grid: { method, bbox: frame.bbox, nRows, nCols, cells, rowEdges: frame.rowEdges, colEdges: frame.colEdges },
    outside,
  };
}
