import { openPdf, type PdfDocument, type PdfPage } from './load.js';

/**
 * The copy of a PDF that pages are drawn from for OCR. The document the text layer and rulings come from is opened
 * to `read` and cannot paint glyphs (load.ts); this one is opened to `render` the first time a page needs OCR, so a
 * file with a text layer on every page never pays for it.
 */
export class RenderDocument {
  private pdf: Promise<PdfDocument> | undefined;

  constructor(readonly bytes: Uint8Array) {}

  async page(n: number): Promise<PdfPage> {
    this.pdf ??= openPdf(this.bytes, 'render');
    return (await this.pdf).getPage(n);
  }

  /** Lets pdf.js free what it parsed; the next page() opens the file again. */
  async close(): Promise<void> {
    const pdf = this.pdf;
    this.pdf = undefined;
    await (await pdf?.catch(() => undefined))?.destroy();
  }
}
