import type { BBox } from '../../model/document.js';
import { roundBox } from '../../model/bbox.js';
import type { PositionedText } from '../tables/types.js';
import { PDF_EXTRACTOR, type PdfPage } from './load.js';
import { apply, multiply, type Matrix } from './matrix.js';

/** Boxes of transformed corners; CJK glyphs sit roughly 0.88 em above and 0.12 em below the baseline. */
export function glyphBox(viewport: Matrix, itemMatrix: Matrix, width: number): BBox {
  const m = multiply(viewport, itemMatrix);
  const scale = Math.hypot(itemMatrix[0], itemMatrix[1]) || 1;
  const w = width / scale;
  const pts = [apply(m, 0, -0.12), apply(m, w, -0.12), apply(m, 0, 0.88), apply(m, w, 0.88)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export interface PageText {
  items: PositionedText[];
  width: number;
  height: number;
  /** Characters that are U+FFFD, private-use or control: text with no usable Unicode mapping. */
  badChars: number;
  totalChars: number;
}

const BAD_CHAR = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/gu;

/**
 * The page's text items in top-left PDF points, converted once here (issue 3) so that every
 * later stage works in one coordinate system.
 */
export async function readPageText(page: PdfPage, sourceId: string): Promise<PageText> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const items: PositionedText[] = [];
  let badChars = 0;
  let totalChars = 0;
  for (const raw of content.items) {
    if (!('str' in raw) || raw.str.trim() === '') continue;
    const text = raw.str;
    totalChars += text.length;
    badChars += text.match(BAD_CHAR)?.length ?? 0;
    const m = raw.transform as Matrix;
    const bbox = glyphBox(vt, m, raw.width);
    const fontSize = Math.hypot(m[2], m[3]);
    items.push({
      text,
      bbox,
      fontSize,
      prov: { sourceId, page: page.pageNumber, bbox: roundBox(bbox), method: 'text-layer', extractor: PDF_EXTRACTOR },
    });
  }
  return { items, width: viewport.width, height: viewport.height, badChars, totalChars };
}
