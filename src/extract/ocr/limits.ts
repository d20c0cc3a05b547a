/**
 * Pixel budgets of OCR (issue 16): a rendering or a decoded picture lives outside the V8 heap (canvas and typed
 * array memory), so the worker's heap limit does not see it; these bounds are checked before anything is allocated.
 */

/** Largest picture decoded for OCR: 100 MP is a 10 000 px square, no table screenshot needs more. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/**
 * Largest rendering of a PDF page for OCR: an A2 page at 300 dpi (34.8 MP) fits. About 150 MB as RGBA, held a few
 * times over while it is painted, encoded and read back.
 */
export const MAX_RENDER_PIXELS = 36_000_000;

/** Resolution scans are rendered at (what tesseract's models expect for body text). */
export const OCR_DPI = 300;

/** Below this a rendering is not worth reading: 8-point text is under 17 px high. */
export const MIN_OCR_DPI = 150;

/**
 * The resolution to draw a page of `widthPt` × `heightPt` points at: `wanted` dpi, lowered for a large page until it
 * fits MAX_RENDER_PIXELS, or undefined when even `min` dpi does not fit or the size is not a finite positive number.
 */
export function fitDpi(widthPt: number, heightPt: number, wanted: number, min: number): number | undefined {
  const area = widthPt * heightPt;
  if (!Number.isFinite(area) || area <= 0) return undefined;
  const dpi = Math.min(wanted, Math.floor(72 * Math.sqrt(MAX_RENDER_PIXELS / area)));
  return dpi >= min ? dpi : undefined;
}

/**
 * The resolution to render a page at for OCR: 300 dpi, lowered for a large page until it fits MAX_RENDER_PIXELS, or
 * undefined when even MIN_OCR_DPI does not fit (a page of 5000 × 5000 points, a MediaBox of 1e7).
 */
export const renderDpi = (widthPt: number, heightPt: number): number | undefined =>
  fitDpi(widthPt, heightPt, OCR_DPI, MIN_OCR_DPI);
