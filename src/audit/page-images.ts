import { openPdf } from '../extract/pdf/load.js';
import { renderWithPdfJs } from '../extract/pdf/render.js';

/** A rendered page: PNG bytes and their size in pixels, for the page size in points the document model gives. */
export interface PageImage {
  png: Uint8Array;
  width: number;
  height: number;
}

/** Enough to read a figure and the text around it in the HTML report, small enough for many pages. */
export const REPORT_DPI = 110;

/** PNG width and height from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

/**
 * The pages of a PDF rendered with the project's own renderer (src/extract/pdf/render.ts: pdf.js on @napi-rs/canvas,
 * the one OCR uses), once each. A page that does not render is left out: the report says so beside its findings.
 */
export async function renderPages(
  bytes: Uint8Array,
  pages: number[],
  dpi = REPORT_DPI,
): Promise<Map<number, PageImage>> {
  const out = new Map<number, PageImage>();
  const wanted = [...new Set(pages)].sort((a, b) => a - b);
  if (wanted.length === 0) return out;
  const pdf = await openPdf(bytes, 'render');
  try {
    for (const n of wanted) {
      if (n < 1 || n > pdf.numPages) continue;
      try {
        const page = await pdf.getPage(n);
        const { png } = await renderWithPdfJs(page, dpi);
        out.set(n, { png, ...pngSize(png) });
        page.cleanup();
      } catch {
        // Left out: the finding is still listed, without its image.
      }
    }
  } finally {
    await pdf.destroy();
  }
  return out;
}
