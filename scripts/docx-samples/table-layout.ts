import type { GridSpec, SpecCell } from './grid-spec.js';

/** Where each cell and each wrapped line of a table is drawn, in points (top-left origin). */
export interface LaidLine {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  /** Advance of each character, points. */
  advances: number[];
}

export interface LaidCell {
  cell: SpecCell;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  lines: LaidLine[];
}

export interface Layout {
  width: number;
  height: number;
  fontSize: number;
  colEdges: number[];
  rowEdges: number[];
  cells: LaidCell[];
}

const PAD = 2;
const wide = (ch: string): boolean => (ch.codePointAt(0) ?? 0) > 0x2e7f;
const advance = (ch: string, size: number): number => (wide(ch) ? size : size * 0.5);

/** Wraps a cell's paragraphs to a width the way Excel does for CJK text: at any character. */
export function wrap(text: string, width: number, size: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    for (const ch of para) {
      const a = advance(ch, size);
      if (w + a > width && line) {
        out.push(line);
        line = '';
        w = 0;
      }
      line += ch;
      w += a;
    }
    out.push(line);
  }
  return out;
}

/** Column widths from content: wide columns for long texts, within [min, max]. */
export function columnWidths(g: GridSpec, total: number): number[] {
  const need = Array.from({ length: g.nCols }, () => 2);
  for (const c of g.cells) {
    if (c.colSpan !== 1) continue;
    const longest = Math.max(...c.lines.map((l) => [...l].reduce((s, ch) => s + (wide(ch) ? 1 : 0.5), 0)));
    need[c.col] = Math.max(need[c.col]!, Math.min(longest, 14));
  }
  const sum = need.reduce((s, x) => s + x, 0);
  return need.map((n) => (n / sum) * total);
}

export function layoutTable(
  g: GridSpec,
  opts: { width: number; fontSize: number; text?: (c: SpecCell) => string },
): Layout {
  const size = opts.fontSize;
  const widths = columnWidths(g, opts.width);
  const colEdges = [0];
  for (const w of widths) colEdges.push(colEdges[colEdges.length - 1]! + w);
  const lineH = size * 1.3;
  const textOf = opts.text ?? ((c: SpecCell) => c.text);
  const wrapped = new Map<SpecCell, string[]>();
  const heights = Array.from({ length: g.nRows }, () => lineH + 2 * PAD);
  for (const c of g.cells) {
    const w = colEdges[c.col + c.colSpan]! - colEdges[c.col]! - 2 * PAD;
    const lines = wrap(textOf(c), w, size);
    wrapped.set(c, lines);
    if (c.rowSpan === 1) heights[c.row] = Math.max(heights[c.row]!, lines.length * lineH + 2 * PAD);
  }
  for (const c of g.cells) {
    if (c.rowSpan === 1) continue;
    const need = wrapped.get(c)!.length * lineH + 2 * PAD;
    let have = 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) have += heights[r]!;
    if (need > have) heights[c.row + c.rowSpan - 1]! += need - have;
  }
  const rowEdges = [0];
  for (const h of heights) rowEdges.push(rowEdges[rowEdges.length - 1]! + h);
  const cells: LaidCell[] = g.cells.map((c) => {
    const x0 = colEdges[c.col]!;
    const x1 = colEdges[c.col + c.colSpan]!;
    const y0 = rowEdges[c.row]!;
    const y1 = rowEdges[c.row + c.rowSpan]!;
    const texts = wrapped.get(c)!;
    const top = (y0 + y1) / 2 - (texts.length * lineH) / 2;
    const lines = texts
      .map((text, i) => {
        const advances = [...text].map((ch) => advance(ch, size));
        const w = advances.reduce((s, a) => s + a, 0);
        return { text, x: (x0 + x1) / 2 - w / 2, y: top + i * lineH + size * 1.03, advances };
      })
      .filter((l) => l.text.trim() !== '');
    return { cell: c, x0, y0, x1, y1, lines };
  });
  return { width: colEdges[g.nCols]!, height: rowEdges[g.nRows]!, fontSize: size, colEdges, rowEdges, cells };
}
