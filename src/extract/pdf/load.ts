import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFJS_VERSION } from '../../util/versions.js';
import { MAX_IMAGE_PIXELS } from '../ocr/limits.js';

/** pdf.js as installed, recorded in provenance and `versions`. */
export { PDFJS_VERSION };
export const PDF_EXTRACTOR = `pdf/pdfjs@${PDFJS_VERSION}`;

export type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export type PdfDocument = import('pdfjs-dist/legacy/build/pdf.mjs').PDFDocumentProxy;
export type PdfPage = import('pdfjs-dist/legacy/build/pdf.mjs').PDFPageProxy;

let cached: Promise<PdfJs> | undefined;

/** The legacy build runs on Node without DOM polyfills; loaded once, lazily. */
export function loadPdfJs(): Promise<PdfJs> {
  cached ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return cached;
}

/**
 * Directories of the installed package's CMaps and standard fonts. Without them pdf.js
 * silently drops Chinese text set in non-embedded fonts (issue 3), so they always go in.
 */
function assetUrls(): { cMapUrl: string; standardFontDataUrl: string } {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('pdfjs-dist/package.json'));
  // pdf.js on Node reads these through fs when given plain paths ending in '/'.
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/** Opens a PDF from bytes; the bytes are copied because pdf.js detaches the buffer it is given. */
export async function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const { cMapUrl, standardFontDataUrl } = assetUrls();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl,
    cMapPacked: true,
    standardFontDataUrl,
    useSystemFonts: false,
    isEvalSupported: false,
    // An image over this many pixels is dropped by pdf.js before it is decoded: a 60000 × 60000 image of compressed
    // zeros would otherwise inflate to 3.6 GB outside the heap limit while the operator list is built (issue 16).
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  return task.promise;
}
