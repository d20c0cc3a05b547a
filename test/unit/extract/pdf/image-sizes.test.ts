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

  it('reads the dictionary around /Subtype /Image, whatever its layout, and no other /Image name', () => {
    const pdf = (dict: string) =>
      new TextEncoder().encode(`%PDF-1.4\n7 0 obj\n${dict}\nstream\nxx\nendstream\nendobj\n`) as Uint8Array;
    const found = (dict: string) => oversizedImages(pdf(dict)).map((i) => i.message.split(' px')[0]);
    expect(found('<</Type/XObject/Subtype/Image/Width 20000/Height 20000/BitsPerComponent 8>>')).toEqual([
      'image object 7 is 20000 × 20000',
    ]);
    expect(found('<< /Height 30000\n/Subtype\n/Image /Width 9000 /DecodeParms << /K -1 >> >>')).toEqual([
      'image object 7 is 9000 × 30000',
    ]);
    // A page's /ProcSet names /ImageB and /ImageC; a mask is not the image itself.
    expect(found('<< /ProcSet [/PDF /ImageB /ImageC] /Width 20000 /Height 20000 >>')).toEqual([]);
    expect(found('<< /Subtype /ImageMask /Width 20000 /Height 20000 >>')).toEqual([]);
  });

  it('says nothing of images within the limit, nor of a PDF without images', async () => {
    expect(oversizedImages(pageWithImage(2_000, 3_000))).toEqual([]);
    expect(oversizedImages(await makePdf((d) => d.text('合计 1')))).toEqual([]);
  });
});
