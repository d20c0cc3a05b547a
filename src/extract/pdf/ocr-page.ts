import type { Issue } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { ExtractContext } from '../types.js';
import type { PositionedText, Ruling } from '../tables/types.js';
import type { PdfPage } from './load.js';
import { MAX_RENDER_PIXELS, MIN_OCR_DPI, renderDpi } from '../ocr/limits.js';
import { renderWithPdfJs, renderWithPdftoppm } from './render.js';
import type { RenderDocument } from './render-document.js';

/** What the PDF extractor needs from OCR: words and rulings in top-left points (src/extract/ocr ocrTable). */
export type OcrPageFn = (
  png: Uint8Array,
  opts: {
    timeoutMs: number;
    signal?: AbortSignal;
    pointsPerPixel: number;
    prov: { sourceId: string; page: number };
  },
) => Promise<{ items: PositionedText[]; rulings: Ruling[]; result: { confidence: number; engine: string } }>;

export const defaultOcr: OcrPageFn = async (png, opts) => (await import('../ocr/index.js')).ocrTable(png, opts);

export interface OcrOutcome {
  items: PositionedText[];
  rulings: Ruling[];
  issues: Issue[];
  seconds: number;
  engine?: string;
}

/**
 * Renders an unusable page (scan, or glyphs without Unicode) at ~300 dpi and reads it with
 * OCR (issue 3). pdf.js draws first; pdftoppm is the fallback where pdf.js fails to draw.
 * A failure becomes an issue on the page, never an exception.
 */
export async function ocrPage(
  page: PdfPage,
  renderer: RenderDocument,
  ctx: ExtractContext,
  ocr: OcrPageFn,
): Promise<OcrOutcome> {
  const started = performance.now();
  const where = { sourceId: ctx.source.id, page: page.pageNumber, method: 'ocr' as const, extractor: 'pdf/render' };
  let png: Uint8Array | undefined;
  const issues: Issue[] = [];
  // The page's size decides the resolution before any renderer allocates a canvas (issue 16: a 5000-point page at
  // 300 dpi is 434 MP, 6 GB resident; a MediaBox of 1e7 points cannot be drawn at all).
  const size = page.getViewport({ scale: 1 });
  const dpi = renderDpi(size.width, size.height);
  if (dpi === undefined) {
    issues.push(
      issue(
        'error',
        'pdf.page_too_large',
        `page ${page.pageNumber} is ${Math.round(size.width)} × ${Math.round(size.height)} points: over ${MAX_RENDER_PIXELS / 1e6} MP even at ${MIN_OCR_DPI} dpi, so it is not rendered for OCR`,
        where,
      ),
    );
    return { items: [], rulings: [], issues, seconds: (performance.now() - started) / 1000 };
  }
  const { bytes } = renderer;
  try {
    const drawn = await renderer.page(page.pageNumber);
    const r = await renderWithPdfJs(drawn, dpi).finally(() => drawn.cleanup());
    // pdf.js may draw nothing (a font or image it cannot paint): poppler, where installed, may.
    png = r.blank ? ((await renderWithPdftoppm(bytes, page.pageNumber, dpi)) ?? r.png) : r.png;
  } catch (err) {
    png = await renderWithPdftoppm(bytes, page.pageNumber, dpi);
    if (!png)
      issues.push(
        issue(
          'error',
          'pdf.render_failed',
          `page ${page.pageNumber}: cannot render for OCR: ${(err as Error).message}`,
          where,
        ),
      );
  }
  if (!png) return { items: [], rulings: [], issues, seconds: (performance.now() - started) / 1000 };
  try {
    const res = await ocr(png, {
      timeoutMs: ctx.limits.ocrPageTimeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      pointsPerPixel: 72 / dpi,
      prov: { sourceId: ctx.source.id, page: page.pageNumber },
    });
    const conf = Math.round(res.result.confidence * 100);
    issues.push(
      issue('warning', 'pdf.ocr_page', `page ${page.pageNumber} read by OCR (mean confidence ${conf}%)`, {
        ...where,
        confidence: res.result.confidence,
      }),
    );
    return {
      items: res.items,
      rulings: res.rulings,
      issues,
      seconds: (performance.now() - started) / 1000,
      engine: res.result.engine,
    };
  } catch (err) {
    issues.push(
      issue('error', 'pdf.ocr_failed', `page ${page.pageNumber}: OCR failed: ${(err as Error).message}`, where),
    );
    return { items: [], rulings: [], issues, seconds: (performance.now() - started) / 1000 };
  }
}
