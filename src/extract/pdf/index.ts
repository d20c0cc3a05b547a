import type { ExtractedDocument, Issue } from '../../model/document.js';
import { failedDocument, issue, newDocument, statusFrom } from '../../model/build.js';
import type { ExtractContext, Extractor } from '../types.js';
import { joinAcrossPages, type PlacedTable } from '../tables/merge-pages.js';
import { openPdf, PDFJS_VERSION, type PdfDocument } from './load.js';
import { oversizedImages } from './image-sizes.js';
import { readMeta } from './meta.js';
import { defaultOcr, type OcrPageFn } from './ocr-page.js';
import { processPage } from './page.js';
import { RenderDocument } from './render-document.js';
import { collectStrayRejections } from './stray-rejections.js';

export { PDF_EXTRACTOR, PDFJS_VERSION } from './load.js';
export type { OcrPageFn } from './ocr-page.js';

export interface PdfExtractOptions {
  /** OCR of unusable pages; tests pass a fake. */
  ocr?: OcrPageFn;
  /** Called after each page, for the bench (seconds of OCR on that page, if any). */
  onPage?: (page: number, ocrSeconds?: number) => void;
}

/** Maps pdf.js load errors to stable codes: a password is `pdf.encrypted`, anything else `pdf.corrupt`. */
function loadFailure(err: unknown): { code: string; message: string } {
  const e = err as { name?: string; message?: string };
  if (e?.name === 'PasswordException')
    return { code: 'pdf.encrypted', message: `PDF is encrypted with a password: ${e.message ?? ''}`.trim() };
  return { code: 'pdf.corrupt', message: `PDF cannot be read: ${e?.message ?? String(err)}` };
}

/**
 * PDF to pages and tables (issue 3). Pages are read one at a time and released (page.cleanup)
 * so a 500-page file does not hold every operator list; tables continuing on the next page
 * are joined afterwards.
 */
const REOPEN_EVERY = 50;

export async function extractPdf(
  bytes: Uint8Array,
  ctx: ExtractContext,
  opts: PdfExtractOptions = {},
): Promise<ExtractedDocument> {
  const versions = { 'pdfjs-dist': PDFJS_VERSION };
  const stray = collectStrayRejections();
  let pdf: PdfDocument;
  try {
    pdf = await openPdf(bytes, 'read');
  } catch (err) {
    stray.done();
    const f = loadFailure(err);
    return { ...failedDocument(ctx.source, 'pdf', f.code, f.message), versions };
  }
  const doc = newDocument(ctx.source, 'pdf', versions);
  const renderer = new RenderDocument(bytes);
  try {
    doc.meta = await readMeta(pdf, ctx.source.id);
    doc.issues.push(...oversizedImages(bytes));
    const count = Math.min(pdf.numPages, ctx.limits.maxPages);
    if (pdf.numPages > count)
      doc.issues.push(issue('warning', 'pdf.page_limit', `only the first ${count} of ${pdf.numPages} pages were read`));
    const placed: PlacedTable[] = [];
    for (let n = 1; n <= count; n++) {
      if (ctx.signal?.aborted) {
        doc.issues.push(issue('error', 'pdf.aborted', `stopped before page ${n}`));
        break;
      }
      // pdf.js keeps what it parsed (objects, fonts, streams) until the document is destroyed, page.cleanup() or not:
      // a 681-page file grew the heap by 380 MB that way (issue 12: a 500-page PDF within 400 MB). Opening the file
      // again every REOPEN_EVERY pages lets it go.
      if (n > 1 && (n - 1) % REOPEN_EVERY === 0) {
        await Promise.all([pdf.destroy(), renderer.close()]);
        pdf = await openPdf(bytes, 'read');
      }
      placed.push(...(await readOnePage(pdf, n, renderer, ctx, opts, doc.issues, doc.pages)));
    }
    doc.tables = joinAcrossPages(placed);
  } finally {
    await Promise.all([pdf.destroy(), renderer.close()]);
    stray.done();
  }
  if (stray.messages.length > 0)
    doc.issues.push(
      issue(
        'warning',
        'pdf.damaged_objects',
        `pdf.js met ${stray.messages.length} damaged object(s) while reading ahead: ${[...new Set(stray.messages)].slice(0, 3).join('; ')}`,
      ),
    );
  doc.status = statusFrom(doc);
  if (doc.pages.length === 0 && doc.issues.some((i) => i.severity === 'error')) doc.status = 'failed';
  return doc;
}

async function readOnePage(
  pdf: PdfDocument,
  n: number,
  renderer: RenderDocument,
  ctx: ExtractContext,
  opts: PdfExtractOptions,
  issues: Issue[],
  pages: ExtractedDocument['pages'],
): Promise<PlacedTable[]> {
  let page: Awaited<ReturnType<PdfDocument['getPage']>> | undefined;
  try {
    page = await pdf.getPage(n);
    const res = await processPage(page, renderer, ctx, opts.ocr ?? defaultOcr);
    pages.push(res.page);
    issues.push(...res.issues);
    opts.onPage?.(n, res.ocrSeconds);
    return res.tables;
  } catch (err) {
    const code = (err as { name?: string })?.name === 'PasswordException' ? 'pdf.encrypted' : 'pdf.page_failed';
    issues.push(
      issue('error', code, `page ${n} cannot be read: ${(err as Error)?.message ?? String(err)}`, {
        sourceId: ctx.source.id,
        page: n,
        method: 'text-layer',
        extractor: `pdf/pdfjs@${PDFJS_VERSION}`,
      }),
    );
    return [];
  } finally {
    page?.cleanup();
  }
}

export const pdfExtractor: Extractor = {
  formats: ['pdf'],
  extract: (bytes, ctx) => extractPdf(bytes, ctx),
};
