import type { BBox } from '../../model/document.js';
import { groupLines, joinInLine, type TextLine } from './text-join.js';
import type { PositionedText, TableGrid } from './types.js';

/** Runs further apart than this many ems on one baseline are separate lines (编制部门 … 单位：万元). */
const SEGMENT_GAP_EM = 3;
/** At most this many lines are attached above / below a table. */
const MAX_ABOVE = 6;
const MAX_BELOW = 4;

/** Page lines outside tables, split where a baseline has a wide gap. */
export function textLines(items: PositionedText[]): TextLine[] {
  const out: TextLine[] = [];
  for (const line of groupLines(items)) {
    let seg: PositionedText[] = [];
    const flush = () => {
      if (!seg.length) return;
      const b = seg.reduce<BBox>(
        (acc, i) => ({
          x0: Math.min(acc.x0, i.bbox.x0),
          y0: Math.min(acc.y0, i.bbox.y0),
          x1: Math.max(acc.x1, i.bbox.x1),
          y1: Math.max(acc.y1, i.bbox.y1),
        }),
        { ...seg[0]!.bbox },
      );
      out.push({ items: seg, bbox: b, text: joinInLine(seg) });
      seg = [];
    };
    for (const it of line.items) {
      const prev = seg[seg.length - 1];
      const em = it.fontSize ?? it.bbox.y1 - it.bbox.y0;
      if (prev && it.bbox.x0 - prev.bbox.x1 > SEGMENT_GAP_EM * em) flush();
      seg.push(it);
    }
    flush();
  }
  return out;
}

/** Page numbers and running footers (`- 5 -`, `第 3 页`) belong to no table. */
const PAGE_MARK = /^[-—－\s]*(第\s*)?\d+\s*(页)?[-—－\s]*$|^\d+\s*\/\s*\d+$/;

export interface Attached {
  context: string[];
  after: string[];
}

/**
 * Lines printed just above each table (title, 公开NN表 label, 编制部门 and 单位 lines; nearest last)
 * and just below it (notes), issue 3. Walking away from the table stops at another table, at a
 * gap wider than a blank line or two, or after a few lines.
 */
export function attachCaptions(tables: TableGrid[], lines: TextLine[]): Attached[] {
  const sorted = readingOrder(lines);
  return tables.map((t, k) => {
    const upper = k > 0 ? tables[k - 1]!.bbox.y1 : -Infinity;
    const lower = k + 1 < tables.length ? tables[k + 1]!.bbox.y0 : Infinity;
    const above = sorted
      .filter((l) => l.bbox.y1 <= t.bbox.y0 + 2 && l.bbox.y0 >= upper - 2 && !PAGE_MARK.test(l.text.trim()))
      .reverse();
    const below = sorted.filter(
      (l) => l.bbox.y0 >= t.bbox.y1 - 2 && l.bbox.y1 <= lower + 2 && !PAGE_MARK.test(l.text.trim()),
    );
    return { context: walk(above, t.bbox.y0, -1, MAX_ABOVE).reverse(), after: walk(below, t.bbox.y1, 1, MAX_BELOW) };
  });
}

/** Top to bottom by visual row (centres within half a line), left to right within a row. */
export function readingOrder(lines: TextLine[]): TextLine[] {
  const byY = [...lines].sort((a, b) => a.bbox.y0 + a.bbox.y1 - (b.bbox.y0 + b.bbox.y1));
  const row: number[] = [];
  byY.forEach((l, k) => {
    const prev = byY[k - 1];
    const cy = (l.bbox.y0 + l.bbox.y1) / 2;
    const same = prev && Math.abs(cy - (prev.bbox.y0 + prev.bbox.y1) / 2) < (l.bbox.y1 - l.bbox.y0) / 2;
    row.push(same ? row[k - 1]! : k);
  });
  return byY
    .map((l, k) => ({ l, r: row[k]! }))
    .sort((a, b) => a.r - b.r || a.l.bbox.x0 - b.l.bbox.x0)
    .map((x) => x.l);
}

function walk(lines: TextLine[], edge: number, dir: 1 | -1, max: number): string[] {
  const out: string[] = [];
  let at = edge;
  let lastY: number | undefined;
  for (const l of lines) {
    const h = l.bbox.y1 - l.bbox.y0;
    const gap = dir < 0 ? at - l.bbox.y1 : l.bbox.y0 - at;
    // Lines sharing a baseline with the previous one (编制部门 … 单位) do not advance the walk.
    const sameRow = lastY !== undefined && Math.abs((l.bbox.y0 + l.bbox.y1) / 2 - lastY) < h / 2;
    if (!sameRow && gap > Math.max(24, 2.5 * h)) break;
    if (!sameRow && out.length >= max) break;
    out.push(l.text);
    if (!sameRow) at = dir < 0 ? l.bbox.y0 : l.bbox.y1;
    lastY = (l.bbox.y0 + l.bbox.y1) / 2;
  }
  return out;
}
