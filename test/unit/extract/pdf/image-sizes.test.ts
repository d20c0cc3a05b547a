import { describe, expect, it } from 'vitest';
import { writePdf } from '../../../../scripts/hostile-corpus/pdf-writer.js';
import { extractPdf } from '../../../../src/extract/pdf/index.js';
import { oversizedImages } from '../../../../src/extract/pdf/image-sizes.js';
import { defaultLimits, type ExtractContext } from '../../../../src/extract/types.js';
import { makePdf } from './make-pdf.js';

const ctx: ExtractContext = {
  source: { id: 'abc', url: 'file:test.pdf', fetchedAt: '2026-01-01T00:00:00Z', mediaType: 'application/pdf', size: 0 },
  limits: { ...defaultLimits, ocr: false },
};

/** An A4 page painting one image XObject that declares `w` × `h` grey pixels and holds a few bytes. */
const pageWithImage = (w: number, h: number) =>
  writePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    { dict: '', stream: new TextEncoder().encode('q 595 0 0 842 0 0 cm /Im1 Do Q') },
    {
      dict: `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /DecodeParms << /Colors 1 >>`,
      stream: new Uint8Array(64),
    },
  ]);

describe('images over the pixel limit (issue 16: pdf.js drops them without a word)', () => {
  it('names an image pdf.js leaves out, so the blank page it leaves is partial, not ok', async () => {
    const bytes = pageWithImage(20_000, 20_000);
    expect(oversizedImages(bytes)).toEqual([
      expect.objectContaining({ code: 'pdf.image_too_large', message: expect.stringContaining('20000 × 20000 px') }),
    ]);
    const doc = await extractPdf(bytes, ctx);
    expect(doc.issues.map((i) => i.code)).toContain('pdf.image_too_large');
    expect(doc.status).not.toBe('ok');
  });

  it('says nothing of images within the limit, nor of a PDF without images', async () => {
    expect(oversizedImages(pageWithImage(2_000, 3_000))).toEqual([]);
    expect(oversizedImages(await makePdf((d) => d.text('合计 1')))).toEqual([]);
  });
});
