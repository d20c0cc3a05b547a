import type { BBox } from '../../model/document.js';
import { unionBox } from '../../model/bbox.js';
import { overlap } from './geometry.js';
import { groupLines, joinInLine } from './text-join.js';
import type { GridCell, PositionedText, TableGrid } from './types.js';

/** A gap wider than this many ems between runs on a line separates columns. */
const COLUMN_GAP_EM = 1.5;
/** Lines further apart than this many line heights end a table. */
const MAX_LINE_GAP = 2.5;
const MIN_ROWS = 3;
const MIN_COLS = 3;

interface Segment {
  items: PositionedText[];
  bbox: BBox;
}

interface Line {
  segments: Segment[];
  bbox: BBox;
}

function segmentsOf(items: PositionedText[]): Segment[] {
  const out: Segment[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    const em = it.fontSize ?? it.bbox.y1 - it.bbox.y0;
    if (last && it.bbox.x0 - last.bbox.x1 <= COLUMN_GAP_EM * em) {
      last.items.push(it);
      last.bbox = unionBox([last.bbox, it.bbox])!;
    } else out.push({ items: [it], bbox: { ...it.bbox } });
  }
  return out;
}

/** Consecutive lines of two or more segments, close together: candidate table bodies. */
function blocks(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  let cur: Line[] = [];
  for (const l of lines) {
    const prev = cur[cur.length - 1];
    const h = l.bbox.y1 - l.bbox.y0;
    const near = prev && l.bbox.y0 - prev.bbox.y1 <= MAX_LINE_GAP * h;
    if (l.segments.length >= 2 && (near || !prev)) cur.push(l);
    else {
      if (cur.length) out.push(cur);
      cur = l.segments.length >= 2 ? [l] : [];
    }
  }
  if (cur.length) out.push(cur);
  return out.filter((b) => b.length >= MIN_ROWS && b.filter((l) => l.segments.length >= MIN_COLS).length >= 2);
}

/** Column intervals from the lines with the most segments (the fully filled rows). */
function columns(block: Line[]): Array<[number, number]> {
  const k = Math.max(...block.map((l) => l.segments.length));
  const full = block.filter((l) => l.segments.length === k);
  return Array.from({ length: k }, (_, j) => {
    const xs = full.map((l) => l.segments[j]!.bbox);
    return [Math.min(...xs.map((b) => b.x0)), Math.max(...xs.map((b) => b.x1))] as [number, number];
  });
}

/** The columns a segment covers: those it overlaps by over a third of the narrower, else the nearest. */
function placeSegment(seg: BBox, cols: Array<[number, number]>): [number, number] {
  const hit = cols
    .map(([a, b], j) => ({ j, ov: overlap(a, b, seg.x0, seg.x1) / Math.max(1, Math.min(b - a, seg.x1 - seg.x0)) }))
    .filter((h) => h.ov > 1 / 3);
  if (hit.length) return [hit[0]!.j, hit[hit.length - 1]!.j];
  const cx = (seg.x0 + seg.x1) / 2;
  let best = 0;
  cols.forEach(([a, b], j) => {
    if (Math.abs(cx - (a + b) / 2) < Math.abs(cx - (cols[best]![0] + cols[best]![1]) / 2)) best = j;
  });
  return [best, best];
}

/**
 * Tables without ruling lines (stream): runs of lines whose text falls into three or more
 * aligned columns. Each line is a row; a run spanning several columns becomes a colSpan.
 * Returns the grids and the runs left outside them.
 */
export function streamTables(items: PositionedText[]): { tables: TableGrid[]; outside: PositionedText[] } {
  const lines: Line[] = groupLines(items).map((l) => ({ segments: segmentsOf(l.items), bbox: l.bbox }));
  const used = new Set<PositionedText>();
  const tables: TableGrid[] = [];
  for (const block of blocks(lines)) {
    const cols = columns(block);
    const cells: GridCell[] = [];
    block.forEach((line, row) => {
      const taken = new Set<number>();
      for (const seg of line.segments) {
        const [c0, c1] = placeSegment(seg.bbox, cols);
        if (taken.has(c0)) {
          const cell = cells.find((c) => c.row === row && c.col === c0)!;
          cell.items.push(...seg.items);
          cell.text = joinInLine(cell.items);
          continue;
        }
        for (let c = c0; c <= c1; c++) taken.add(c);
        cells.push({
          row,
          col: c0,
          rowSpan: 1,
          colSpan: c1 - c0 + 1,
          text: joinInLine(seg.items),
          bbox: seg.bbox,
          items: [...seg.items],
        });
        seg.items.forEach((i) => used.add(i));
      }
    });
    const bbox = unionBox(block.map((l) => l.bbox))!;
    const colEdges = [bbox.x0, ...cols.slice(1).map(([a], j) => (cols[j]![1] + a) / 2), bbox.x1];
    const rowEdges = [bbox.y0, ...block.slice(1).map((l, j) => (block[j]!.bbox.y1 + l.bbox.y0) / 2), bbox.y1];
    cells.forEach(
      (c) =>
        (c.bbox = {
          x0: colEdges[c.col]!,
          y0: rowEdges[c.row]!,
          x1: colEdges[c.col + c.colSpan]!,
          y1: rowEdges[c.row + 1]!,
        }),
    );
    tables.push({ method: 'stream', bbox, nRows: block.length, nCols: cols.length, cells, rowEdges, colEdges });
  }
  return { tables, outside: items.filter((i) => !used.has(i)) };
}
