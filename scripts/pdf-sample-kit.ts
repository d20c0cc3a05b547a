/**
 * Helpers for scripts/build-pdf-samples.ts: a pdfkit document with an embedded CJK font subset,
 * and a ruled-table printer that wraps cell text into lines and writes the text layer row by row,
 * line by line across the cells, the way Word and WPS print it, so that the runs of neighbouring
 * cells interleave (seed 004) and a wrapped cell is several runs.
 */
import { createWriteStream } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Debian fonts-wqy-zenhei: TrueType outlines, which pdfkit subsets and embeds. */
export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

/** A fixed date, so rebuilding gives the same bytes. */
const FIXED_DATE = new Date('2026-01-01T00:00:00Z');

export function newDoc(layout: 'portrait' | 'landscape', title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margin: 40,
    info: { Title: title, Producer: 'budgetdoc build-pdf-samples (pdfkit)', CreationDate: FIXED_DATE },
  });
  doc.registerFont('cjk', CJK_FONT, 'WenQuanYiZenHei');
  doc.font('cjk');
  return doc;
}

export function save(doc: PDFKit.PDFDocument, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('finish', () => resolve());
    out.on('error', reject);
    doc.pipe(out);
    doc.end();
  });
}

export interface CellSpec {
  /** One string, or separate runs printed on one line with a visible gap (`≥`, `90`, `%`). */
  text: string | string[];
  rowSpan?: number;
  colSpan?: number;
  align?: 'left' | 'center' | 'right';
}

/** A row: a cell, a bare string, or null where a merged cell from the left or above covers the slot. */
export type RowSpec = Array<CellSpec | string | null>;

export interface TableSpec {
  widths: number[];
  fontSize: number;
  /** Smallest row height, points. */
  minRow: number;
}

const PAD = 3;

function wrap(doc: PDFKit.PDFDocument, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const ch of para) {
      if (line && doc.widthOfString(line + ch) > width) {
        lines.push(line);
        line = '';
      }
      line += ch;
    }
    lines.push(line);
  }
  return lines;
}

interface Placed {
  row: number;
  col: number;
  spec: CellSpec;
  lines: string[];
}

/**
 * Prints rows as a ruled table with its top-left corner at (x, y); returns the bottom edge.
 * Each cell's rectangle is stroked on its own (as Excel and WPS do), merged cells as one box.
 */
export function drawTable(doc: PDFKit.PDFDocument, t: TableSpec, rows: RowSpec[], x: number, y: number): number {
  doc.fontSize(t.fontSize);
  const lineH = t.fontSize * 1.3;
  const xs = t.widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [x]);
  const placed: Placed[] = [];
  rows.forEach((row, r) =>
    row.forEach((c, col) => {
      if (c === null) return;
      const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
      const span = spec.colSpan ?? 1;
      const width = xs[col + span]! - xs[col]! - 2 * PAD;
      const lines = Array.isArray(spec.text) ? [spec.text.join(' ')] : wrap(doc, spec.text, width);
      placed.push({ row: r, col, spec, lines });
    }),
  );
  const heights = rows.map(() => t.minRow);
  for (const p of placed) {
    if ((p.spec.rowSpan ?? 1) === 1) heights[p.row] = Math.max(heights[p.row]!, p.lines.length * lineH + 2 * PAD);
  }
  for (const p of placed) {
    const span = p.spec.rowSpan ?? 1;
    if (span === 1) continue;
    const need = p.lines.length * lineH + 2 * PAD;
    const have = heights.slice(p.row, p.row + span).reduce((s, h) => s + h, 0);
    if (need > have) heights[p.row + span - 1]! += need - have;
  }
  const ys = heights.reduce<number[]>((acc, h) => [...acc, acc[acc.length - 1]! + h], [y]);
  doc.lineWidth(0.6);
  for (const p of placed) {
    const x0 = xs[p.col]!,
      x1 = xs[p.col + (p.spec.colSpan ?? 1)]!;
    const y0 = ys[p.row]!,
      y1 = ys[p.row + (p.spec.rowSpan ?? 1)]!;
    doc.rect(x0, y0, x1 - x0, y1 - y0).stroke();
  }
  // Text row by row, and within a row line by line across the cells: wrapped cells interleave.
  rows.forEach((_, r) => {
    const here = placed.filter((p) => p.row === r);
    const depth = Math.max(0, ...here.map((p) => p.lines.length));
    for (let k = 0; k < depth; k++) {
      for (const p of here) {
        const line = p.lines[k];
        if (line === undefined || line === '') continue;
        const x0 = xs[p.col]!,
          x1 = xs[p.col + (p.spec.colSpan ?? 1)]!;
        const y0 = ys[p.row]!,
          y1 = ys[p.row + (p.spec.rowSpan ?? 1)]!;
        const top = y0 + (y1 - y0 - p.lines.length * lineH) / 2 + k * lineH + (lineH - t.fontSize) / 2;
        if (Array.isArray(p.spec.text)) drawRuns(doc, p.spec.text, x0, x1, top, t.fontSize);
        else {
          const w = doc.widthOfString(line);
          const align = p.spec.align ?? 'left';
          const left = align === 'left' ? x0 + PAD : align === 'right' ? x1 - PAD - w : (x0 + x1 - w) / 2;
          doc.text(line, left, top, { lineBreak: false });
        }
      }
    }
  });
  return ys[ys.length - 1]!;
}

/** Runs centred as a group, a half-em gap between them, each its own text object. */
function drawRuns(doc: PDFKit.PDFDocument, runs: string[], x0: number, x1: number, top: number, size: number): void {
  const gap = size * 0.5;
  const total = runs.reduce((s, r) => s + doc.widthOfString(r), 0) + gap * (runs.length - 1);
  let at = (x0 + x1 - total) / 2;
  for (const r of runs) {
    doc.text(r, at, top, { lineBreak: false });
    at += doc.widthOfString(r) + gap;
  }
}

/** A text line at (x, y); `align: 'center'` centres it on the page. */
export function line(
  doc: PDFKit.PDFDocument,
  text: string,
  y: number,
  size: number,
  align: 'left' | 'center' | 'right' = 'left',
  x = 40,
): void {
  doc.fontSize(size);
  const w = doc.widthOfString(text);
  const left = align === 'center' ? (doc.page.width - w) / 2 : align === 'right' ? doc.page.width - 40 - w : x;
  doc.text(text, left, y, { lineBreak: false });
}

/** Height a row will take when printed alone (cells without row spans only). */
export function rowHeight(doc: PDFKit.PDFDocument, t: TableSpec, row: RowSpec): number {
  doc.fontSize(t.fontSize);
  const xs = t.widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1]! + w], [0]);
  let h = t.minRow;
  row.forEach((c, col) => {
    if (c === null) return;
    const spec: CellSpec = typeof c === 'string' ? { text: c } : c;
    if ((spec.rowSpan ?? 1) > 1 || Array.isArray(spec.text)) return;
    const lines = wrap(doc, spec.text, xs[col + (spec.colSpan ?? 1)]! - xs[col]! - 2 * PAD).length;
    h = Math.max(h, lines * t.fontSize * 1.3 + 2 * PAD);
  });
  return h;
}

/** A body row whose first `groupCols` cells name its groups (一级 / 二级 指标), merged down per page. */
export interface GroupedRow {
  groups: string[];
  cells: RowSpec;
}

/**
 * Splits grouped rows into pages of at most `room` points. On each page a run of rows sharing
 * a group becomes one merged cell; its name is printed only where the group starts, as a table
 * continued from the previous page shows it (seed 004, page 2).
 */
export function paginate(doc: PDFKit.PDFDocument, t: TableSpec, rows: GroupedRow[], rooms: number[]): RowSpec[][] {
  const pages: GroupedRow[][] = [[]];
  let used = 0;
  for (const r of rows) {
    const h = rowHeight(doc, t, [...r.groups.map(() => ''), ...r.cells]);
    const room = rooms[Math.min(pages.length - 1, rooms.length - 1)]!;
    if (used + h > room && pages[pages.length - 1]!.length) {
      pages.push([]);
      used = 0;
    }
    pages[pages.length - 1]!.push(r);
    used += h;
  }
  const started = new Set<string>();
  return pages.map((page) =>
    page.map((r, i) => {
      const lead: RowSpec = r.groups.map((g, level) => {
        const key = r.groups.slice(0, level + 1).join('/');
        const prevKey = i > 0 ? page[i - 1]!.groups.slice(0, level + 1).join('/') : undefined;
        if (prevKey === key) return null;
        let span = 1;
        while (i + span < page.length && page[i + span]!.groups.slice(0, level + 1).join('/') === key) span++;
        const text = started.has(key) ? '' : g;
        started.add(key);
        return { text, rowSpan: span, align: 'center' };
      });
      return [...lead, ...r.cells];
    }),
  );
}
