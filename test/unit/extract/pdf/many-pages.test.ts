import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../../src/extract/types.js';
import { makePdf, ruledTable } from './make-pdf.js';

describe('long PDFs', () => {
  it('reads 500 pages one at a time with bounded heap growth', { timeout: 120_000 }, async () => {
    const bytes = await makePdf((doc) => {
      for (let p = 0; p < 500; p++) {
        if (p) doc.addPage();
        doc.fontSize(12).text(`Table ${p + 1}`, 36, 60, { lineBreak: false });
        ruledTable(doc, 36, 100, [
          ['Item', 'Amount'],
          [`Row ${p}`, `${p}.00`],
        ]);
      }
    });
    const ctx = {
      source: { id: 'long', url: 'file:long.pdf', fetchedAt: '', mediaType: 'application/pdf', size: bytes.length },
      limits: { ...defaultLimits, ocr: false },
    };
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const doc = await extractPdf(bytes, ctx, { onPage: () => (peak = Math.max(peak, process.memoryUsage().heapUsed)) });
    expect(doc.pages).toHaveLength(500);
    expect(doc.tables).toHaveLength(500);
    expect(doc.tables[499]!.cells.find((c) => c.row === 1 && c.col === 1)?.text).toBe('499.00');
    // Only the pages' runs and tables stay; about 40 MB for these 500 small pages.
    console.log(`heap growth over 500 pages: ${((peak - before) / 2 ** 20).toFixed(1)} MB`);
    expect((peak - before) / 2 ** 20).toBeLessThan(100);
  });

  it('stops at the page limit with a warning', async () => {
    const bytes = await makePdf((doc) => {
      for (let p = 0; p < 3; p++) {
        if (p) doc.addPage();
        doc.text(`page ${p + 1}`);
      }
    });
    const ctx = {
      source: { id: 'lim', url: 'file:lim.pdf', fetchedAt: '', mediaType: 'application/pdf', size: bytes.length },
      limits: { ...defaultLimits, ocr: false, maxPages: 2 },
    };
    const doc = await extractPdf(bytes, ctx);
    expect(doc.pages).toHaveLength(2);
    expect(doc.issues.map((i) => i.code)).toEqual(['pdf.page_limit']);
  });
});
