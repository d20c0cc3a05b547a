import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openPdf, type PdfDocument } from '../extract/pdf/load.js';
import { renderWithPdfJs, renderWithPdftoppm } from '../extract/pdf/render.js';
import { fitDpi } from '../extract/ocr/limits.js';
import type { BlobStore } from '../store/ports.js';

/** Pages are drawn at 144 dpi: two image pixels a PDF point, sharp enough to read a cell at full width. */
export const PAGE_DPI = 144;

/** A page too large for PAGE_DPI is drawn coarser, down to this; one larger still is not drawn (a MediaBox of 1e7). */
const MIN_PAGE_DPI = 18;

export class PageImageError extends Error {
  constructor(
    readonly status: 404 | 415 | 500,
    message: string,
  ) {
    super(message);
  }
}

const HEX64 = /^[0-9a-f]{64}$/;

/**
 * Page images of stored PDFs, drawn by the project's own renderer (src/extract/pdf/render.ts: pdf.js on
 * @napi-rs/canvas, poppler where pdf.js draws nothing) and cached as files named by sha256, page and dpi under
 * `cacheDir`. One page is drawn at a time: rendering is CPU-bound and the viewer asks for one page per click.
 */
export class PageImages {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pending = new Map<string, Promise<Uint8Array>>();
  private open: { id: string; pdf: PdfDocument; bytes: Uint8Array } | undefined;

  constructor(
    private readonly blobs: BlobStore,
    private readonly cacheDir: string,
    private readonly dpi = PAGE_DPI,
  ) {}

  /** The PNG of page `page` (1-based) of document `id`; `format` is the stored document's. */
  async png(id: string, format: string, page: number): Promise<Uint8Array> {
    // Both become a path: only a sha256 and a positive integer get this far (src/serve/routes.ts checks them too).
    if (!HEX64.test(id) || !Number.isInteger(page) || page < 1) throw new PageImageError(404, 'no such page');
    if (format !== 'pdf')
      throw new PageImageError(415, `page images are drawn for PDF documents only; this document is ${format}`);
    const file = join(this.cacheDir, id.slice(0, 2), id, `${page}@${this.dpi}.png`);
    const cached = await readFile(file).catch(() => undefined);
    if (cached) return new Uint8Array(cached);
    const key = `${id}/${page}`;
    let job = this.pending.get(key);
    if (!job) {
      job = this.enqueue(() => this.render(id, page, file)).finally(() => this.pending.delete(key));
      this.pending.set(key, job);
    }
    return job;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.open?.pdf.destroy();
    this.open = undefined;
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async render(id: string, page: number, file: string): Promise<Uint8Array> {
    const { pdf, bytes } = await this.document(id);
    if (page > pdf.numPages) throw new PageImageError(404, `page ${page} is past the last page (${pdf.numPages})`);
    const p = await pdf.getPage(page);
    // Both renderers get a resolution that fits the pixel budget of src/extract/ocr/limits.ts (issue 16): poppler,
    // the fallback, would otherwise allocate whatever a hostile MediaBox asks for.
    const size = p.getViewport({ scale: 1 });
    const dpi = fitDpi(size.width, size.height, this.dpi, MIN_PAGE_DPI);
    if (dpi === undefined) {
      p.cleanup();
      throw new PageImageError(
        415,
        `page ${page} is ${Math.round(size.width)} × ${Math.round(size.height)} points: too large to draw`,
      );
    }
    let png: Uint8Array;
    try {
      const drawn = await renderWithPdfJs(p, dpi);
      // As for OCR (src/extract/pdf/ocr-page.ts): pdf.js may draw nothing where poppler draws the page.
      png = drawn.blank ? ((await renderWithPdftoppm(bytes, page, dpi)) ?? drawn.png) : drawn.png;
    } catch (err) {
      const fallback = await renderWithPdftoppm(bytes, page, dpi);
      if (!fallback) throw new PageImageError(500, `cannot draw page ${page}: ${(err as Error).message}`);
      png = fallback;
    } finally {
      p.cleanup();
    }
    await mkdir(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, png);
    await rename(tmp, file);
    return png;
  }

  /** The last PDF opened stays open: the clicks of one document ask for its pages one after another. */
  private async document(id: string): Promise<{ pdf: PdfDocument; bytes: Uint8Array }> {
    if (this.open?.id === id) return this.open;
    const bytes = await this.blobs.get(id);
    if (!bytes) throw new PageImageError(404, 'the stored file is missing from the blob store');
    const pdf = await openPdf(bytes, 'render').catch((err: Error) => {
      throw new PageImageError(415, `not a readable PDF: ${err.message}`);
    });
    await this.open?.pdf.destroy();
    this.open = { id, pdf, bytes };
    return this.open;
  }
}
