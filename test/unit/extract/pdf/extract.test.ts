import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../../src/extract/pdf/index.js';
import type { OcrPageFn } from '../../../../src/extract/pdf/ocr-page.js';
import { defaultLimits, type ExtractContext } from '../../../../src/extract/types.js';
import { toTextRows } from '../../../../src/model/grid.js';
import { makePdf, ruledTable } from './make-pdf.js';

const ctx = (ocr = false): ExtractContext => ({
  source: { id: 'abc', url: 'file:test.pdf', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'application/pdf', size: 0 },
  limits: { ...defaultLimits, ocr },
});

const rows = [
  ['Item', 'Amount'],
  ['Income', '10.00'],
  ['Total', '10.00'],
];

describe('pdf extractor', () => {
  it('rebuilds a ruled table with top-left boxes, captions and provenance', async () => {
    const bytes = await makePdf((doc) => {
      doc.info.Title = 'Sample';
      doc.fontSize(12).text('Table 1 Income', 36, 60, { lineBreak: false });
      ruledTable(doc, 36, 100, rows);
      doc.fontSize(9).text('Note: sample', 36, 170, { lineBreak: false });
    });
    const doc = await extractPdf(bytes, ctx());
    expect(doc.status).toBe('ok');
    expect(doc.versions).toEqual({ 'pdfjs-dist': '5.6.205' });
    expect(doc.meta.find((m) => m.key === 'title')?.value).toBe('Sample');
    expect(doc.tables).toHaveLength(1);
    const t = doc.tables[0]!;
    expect(toTextRows(t)).toEqual(rows);
    expect(t.context).toEqual(['Table 1 Income']);
    expect(t.after).toEqual(['Note: sample']);
    expect(t.prov).toMatchObject({ page: 1, method: 'text-layer', extractor: 'pdf/pdfjs@5.6.205' });
    // Top-left origin: the table starts 100 pt below the top edge.
    expect(t.prov.bbox?.y0).toBeCloseTo(100, 0);
    expect(t.prov.bbox?.x1).toBeCloseTo(276, 0);
    const run = doc.pages[0]!.runs.find((r) => r.text === 'Income')!;
    expect(run.prov.bbox!.y0).toBeGreaterThan(120);
    expect(run.prov.bbox!.y1).toBeLessThan(140);
    expect(run.fontSize).toBeCloseTo(10, 1);
  });

  it('joins a table continued on the next page, dropping its repeated header', async () => {
    const bytes = await makePdf((doc) => {
      ruledTable(doc, 36, 100, [
        ['Item', 'Amount'],
        ['A', '1'],
      ]);
      doc.addPage();
      ruledTable(doc, 36, 60, [
        ['Item', 'Amount'],
        ['B', '2'],
      ]);
    });
    const doc = await extractPdf(bytes, ctx());
    expect(doc.tables).toHaveLength(1);
    expect(toTextRows(doc.tables[0]!)).toEqual([
      ['Item', 'Amount'],
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(doc.tables[0]!.cells.find((c) => c.text === 'B')?.prov.page).toBe(2);
  });

  it('fails an encrypted PDF with pdf.encrypted', async () => {
    const bytes = await makePdf((doc) => doc.text('secret'), {
      userPassword: 'pw',
      pdfVersion: '1.7',
    } as PDFKit.PDFDocumentOptions);
    const doc = await extractPdf(bytes, ctx());
    expect(doc.status).toBe('failed');
    expect(doc.issues.map((i) => i.code)).toEqual(['pdf.encrypted']);
  });

  it("fails corrupt bytes with pdf.corrupt and pdf.js's reason", async () => {
    const doc = await extractPdf(new TextEncoder().encode('%PDF-1.4\n garbage without objects'), ctx());
    expect(doc.status).toBe('failed');
    expect(doc.issues[0]?.code).toBe('pdf.corrupt');
    expect(doc.issues[0]?.message).toMatch(/PDF cannot be read: .+/);
  });

  it('fails a truncated PDF instead of throwing', async () => {
    const whole = await makePdf((doc) => ruledTable(doc, 36, 100, rows));
    const doc = await extractPdf(whole.slice(0, 200), ctx());
    expect(doc.status).toBe('failed');
    expect(doc.issues.some((i) => i.severity === 'error' && /^pdf\.(corrupt|page_failed)$/.test(i.code))).toBe(true);
  });

  it('records pdf.ocr_disabled for an image-only page when OCR is off', async () => {
    const bytes = await makePdf((doc) => doc.image(PNG_1x1, 36, 36, { width: 100 }));
    const doc = await extractPdf(bytes, ctx(false));
    expect(doc.issues.map((i) => i.code)).toEqual(['pdf.ocr_disabled']);
    expect(doc.tables).toHaveLength(0);
  });

  it('sends an image-only page through OCR and rebuilds its table from the words', async () => {
    const bytes = await makePdf((doc) => doc.image(PNG_1x1, 36, 36, { width: 100 }));
    const seen: number[] = [];
    const fake: OcrPageFn = async (png, opts) => {
      seen.push(png.length, opts.pointsPerPixel);
      const word = (text: string, x: number, y: number) => {
        const bbox = { x0: x, y0: y, x1: x + 20, y1: y + 10 };
        return {
          text,
          bbox,
          fontSize: 10,
          prov: { ...opts.prov, bbox, method: 'ocr' as const, extractor: 'ocr/fake', confidence: 0.9 },
        };
      };
      const r = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
      return {
        items: [word('项目', 10, 5), word('金额', 110, 5)],
        rulings: [r(0, 0, 200, 0), r(0, 20, 200, 20), r(0, 0, 0, 20), r(100, 0, 100, 20), r(200, 0, 200, 20)],
        result: { confidence: 0.9, engine: 'ocr/fake' },
      };
    };
    const doc = await extractPdf(bytes, ctx(true), { ocr: fake });
    expect(seen[0]).toBeGreaterThan(100);
    expect(seen[1]).toBeCloseTo(72 / 300);
    expect(toTextRows(doc.tables[0]!)).toEqual([['项目', '金额']]);
    expect(doc.tables[0]!.cells[0]!.prov).toMatchObject({ method: 'ocr', confidence: 0.9, extractor: 'ocr/fake' });
    expect(doc.issues.map((i) => i.code)).toEqual(['pdf.ocr_page']);
  });
});

describe('scans with a text label', () => {
  it("reads a page that is one big picture plus a stamped label by OCR, keeping the label's exact text", async () => {
    const bytes = await makePdf((doc) => {
      doc.image(PNG_1x1, 0, 60, { width: 595, height: 700 });
      doc.fontSize(10).text('Annex 1', 36, 20, { lineBreak: false });
    });
    let calls = 0;
    const fake: OcrPageFn = async (_png, opts) => {
      calls++;
      const word = (text: string, x: number, y: number) => {
        const bbox = { x0: x, y0: y, x1: x + 30, y1: y + 10 };
        return {
          text,
          bbox,
          fontSize: 10,
          prov: { ...opts.prov, bbox, method: 'ocr' as const, extractor: 'ocr/fake', confidence: 0.8 },
        };
      };
      // The OCR also reads the label, less exactly: the text-layer run wins there.
      return {
        items: [word('Annex l', 36, 21), word('scanned', 100, 300)],
        rulings: [],
        result: { confidence: 0.8, engine: 'ocr/fake' },
      };
    };
    const doc = await extractPdf(bytes, ctx(true), { ocr: fake });
    expect(calls).toBe(1);
    expect(doc.pages[0]!.runs.map((r) => r.text).sort()).toEqual(['Annex 1', 'scanned']);
  });
});

/** A 1×1 grey PNG: enough for an image-only page. */
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==',
  'base64',
);
