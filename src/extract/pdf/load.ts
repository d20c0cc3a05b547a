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

/** A page's operator list as pdf.js gives it: operator codes (pdf.js OPS) and their arguments. */
export interface OperatorList {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

let cached: Promise<PdfJs> | undefined;

/**
 * The legacy build runs on Node without DOM polyfills; loaded once, lazily, with its worker side in this thread.
 * Its bundled core-js replaces three built-ins that Node 20's V8 already has: `Array.prototype.push` (forced on
 * V8 ≤ 12.1 for the error thrown on a frozen length), `JSON.stringify` and `JSON.parse` (a parser in JavaScript, for
 * the source-text proposal). pdf.js needs neither difference, and the replacements made every push and every JSON
 * call of the whole thread several times slower (issue 12: the polyfilled push alone was the single hottest function
 * of `extract --raw`), so the engine's own are put back once both halves of pdf.js are loaded. What core-js adds
 * where Node lacks it (Promise.withResolvers, Map.getOrInsert, Uint8Array.toHex ...) stays.
 */
export function loadPdfJs(): Promise<PdfJs> {
  cached ??= (async () => {
    const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };
    try {
      const api = await import('pdfjs-dist/legacy/build/pdf.mjs');
      // Given as `globalThis.pdfjsWorker`, the worker half is what pdf.js's fake worker uses instead of importing
      // it on the first getDocument, so both are loaded here, before the built-ins are restored.
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return api;
    } finally {
      Array.prototype.push = native.push;
      JSON.stringify = native.stringify;
      JSON.parse = native.parse;
    }
  })();
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

/**
 * What an opened document is for. `read` takes the text layer and the operator list (rulings, images) and never
 * paints; `render` draws pages (OCR, page images in reports and the viewer).
 */
export type PdfPurpose = 'read' | 'render';

/**
 * Where pdf.js attaches the fonts of a `read` document: nowhere. On Node pdf.js has no document to load fonts
 * into, so by default it builds and sends a path for every glyph of every text operator while the operator list is
 * made (`disableFontFace`, and the fallback it takes when attaching a font fails), which nothing here draws: over the
 * corpus PDFs that was a third of the CPU time of text plus operator list (issue 12: the text and operator lists of
 * bench/bare-pdfjs.mjs --operator-list took 4.1 s as a process with pdf.js's Node default, 3.3 s given this sink).
 * Given this `ownerDocument` (a documented getDocument option) pdf.js hands each font to `fonts.add` as a FontFace
 * and goes on; the text does not depend on it. With `fonts` it takes the Font Loading API's way, which keeps the
 * font's bytes as they are, where the CSS way it takes without it turned every embedded font into a base64 data
 * URL for a rule nothing reads (4 % of the extraction thread over the corpus PDFs). A document opened to `render`
 * keeps pdf.js's Node default, which draws glyphs as paths.
 */
const FONT_SINK = {
  fonts: { add: () => {}, delete: () => {} },
  createElement: () => ({ sheet: { insertRule: () => 0, cssRules: [] }, remove: () => {} }),
  documentElement: { getElementsByTagName: () => [{ append: () => {} }] },
};

/**
 * What pdf.js constructs for FONT_SINK.fonts: Node has no FontFace, and this is all of it pdf.js reads (the family
 * in a warning, `loaded` awaited). Only documents opened to `read` pass a sink with `fonts`, so no other pdf.js path
 * meets it.
 */
class FontFaceStandIn {
  readonly loaded: Promise<this>;
  constructor(readonly family: string) {
    this.loaded = Promise.resolve(this);
  }
}

/** Opens a PDF from bytes for `purpose`; the bytes are copied because pdf.js detaches the buffer it is given. */
export async function openPdf(bytes: Uint8Array, purpose: PdfPurpose): Promise<PdfDocument> {
  const pdfjs = await loadPdfJs();
  const global = globalThis as { FontFace?: unknown };
  if (purpose === 'read') global.FontFace ??= FontFaceStandIn;
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
    ...(purpose === 'read' ? { disableFontFace: false, ownerDocument: FONT_SINK as unknown as Document } : {}),
  });
  return task.promise;
}
