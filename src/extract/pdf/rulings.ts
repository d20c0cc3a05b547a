import type { Ruling } from '../tables/types.js';
import type { OperatorList, PdfJs, PdfPage } from './load.js';
import { apply as pt, IDENTITY, multiply as mul, type Matrix } from './matrix.js';

/** DrawOPS codes pdf.js 5 uses inside constructPath's path buffer. */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

/** A filled shape thinner than this (points) is a rule, not an area. */
const THIN = 2.5;

interface Ops {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setFillRGBColor: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

function isWhite(color: unknown): boolean {
  return typeof color === 'string' && /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(color);
}

/** What the page draws besides text. */
export interface PageGraphics {
  rulings: Ruling[];
  /** Painted images: a page with images and no text is a scan. */
  images: number;
  /** Share of the page area the images cover (0..1, overlaps counted twice). */
  imageCoverage: number;
}

/**
 * Ruling lines and filled-rectangle edges from the page's operator list (lattice input,
 * issue 3), in top-left points. Stroked segments become lines; thin filled rectangles (how
 * Excel prints borders) become lines; larger filled rectangles give their four edges, except
 * white fills, which are backgrounds rather than rules.
 */
export function pageGraphics(pdfjs: PdfJs, page: PdfPage, list: OperatorList): PageGraphics {
  const OPS = pdfjs.OPS as unknown as Ops;
  const viewport = page.getViewport({ scale: 1 }).transform as Matrix;
  const out: Ruling[] = [];
  let images = 0;
  let imageArea = 0;
  const imageOps = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject]);
  const stack: Matrix[] = [];
  let ctm: Matrix = IDENTITY;
  let fillColor: unknown = '#000000';
  const fillStack: unknown[] = [];
  const pageArea = page.getViewport({ scale: 1 }).width * page.getViewport({ scale: 1 }).height;
  const strokes = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const fills = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn !== undefined && imageOps.has(fn)) {
      images++;
      // An image fills the unit square of the current matrix.
      const m = mul(viewport, ctm);
      imageArea += Math.abs(m[0] * m[3] - m[1] * m[2]);
    }
    if (fn === OPS.save) {
      stack.push(ctm);
      fillStack.push(fillColor);
    } else if (fn === OPS.restore) {
      ctm = stack.pop() ?? IDENTITY;
      fillColor = fillStack.pop() ?? fillColor;
    } else if (fn === OPS.transform) {
      ctm = mul(ctm, args as Matrix);
    } else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      fillStack.push(fillColor);
      const m = args[0] as Matrix | null;
      if (m) ctm = mul(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) {
      ctm = stack.pop() ?? IDENTITY;
      fillColor = fillStack.pop() ?? fillColor;
    } else if (fn === OPS.setFillRGBColor) {
      fillColor = args[0];
    } else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as Array<Float32Array | null>)[0];
      if (!data) continue;
      const m = mul(viewport, ctm);
      const subpaths = toSubpaths(data, m);
      if (strokes.has(paint)) for (const sp of subpaths) segments(sp, out);
      if (fills.has(paint) && !isWhite(fillColor)) for (const sp of subpaths) fillEdges(sp, out, pageArea);
    }
  }
  const rulings = out.filter((r) => Math.abs(r.x1 - r.x0) < 0.5 || Math.abs(r.y1 - r.y0) < 0.5);
  return { rulings, images, imageCoverage: Math.min(1, imageArea / pageArea) };
}

function toSubpaths(data: Float32Array, m: Matrix): Array<Array<[number, number]>> {
  const paths: Array<Array<[number, number]>> = [];
  let cur: Array<[number, number]> = [];
  for (let k = 0; k < data.length; ) {
    const op = data[k++];
    if (op === MOVE) {
      if (cur.length) paths.push(cur);
      cur = [pt(m, data[k]!, data[k + 1]!)];
      k += 2;
    } else if (op === LINE) {
      cur.push(pt(m, data[k]!, data[k + 1]!));
      k += 2;
    } else if (op === CURVE) {
      cur.push(pt(m, data[k + 4]!, data[k + 5]!));
      k += 6;
    } else if (op === QUAD) {
      cur.push(pt(m, data[k + 2]!, data[k + 3]!));
      k += 4;
    } else if (op === CLOSE) {
      if (cur.length > 1) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length) paths.push(cur);
  return paths;
}

/** Axis-aligned stroked segments only: diagonal strokes (slashes in header cells) are not rules. */
function segments(path: Array<[number, number]>, out: Ruling[]): void {
  for (let k = 1; k < path.length; k++) {
    const [ax, ay] = path[k - 1]!;
    const [bx, by] = path[k]!;
    if (Math.abs(ax - bx) < 0.5 || Math.abs(ay - by) < 0.5) {
      if (Math.abs(ax - bx) < 0.5 && Math.abs(ay - by) < 0.5) continue;
      out.push({ x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) });
    }
  }
}

function fillEdges(path: Array<[number, number]>, out: Ruling[], pageArea: number): void {
  if (path.length < 3) return;
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys),
    y1 = Math.max(...ys);
  const w = x1 - x0,
    h = y1 - y0;
  if (h <= THIN && w > h) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  else if (w <= THIN && h > w) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
  else if (w * h < pageArea * 0.8) {
    out.push({ x0, y0, x1, y1: y0 }, { x0, y0: y1, x1, y1 }, { x0, y0, x1: x0, y1 }, { x0: x1, y0, x1, y1 });
  }
}
