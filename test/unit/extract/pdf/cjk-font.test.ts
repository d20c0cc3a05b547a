import { describe, expect, it } from 'vitest';
import { extractPdf } from '../../../../src/extract/pdf/index.js';
import { defaultLimits } from '../../../../src/extract/types.js';

/**
 * A PDF whose Chinese text uses a non-embedded CID font (STSong-Light, UniGB-UCS2-H), as
 * Distiller and WPS write them. pdf.js can decode it only with the packed CMaps of the
 * installed package (issue 3: without cMapUrl the text is silently lost).
 */
function nonEmbeddedCjkPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R >>',
    null,
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ];
  // 合计 100.00 in UCS-2: U+5408 U+8BA1, then ASCII as UCS-2.
  const hex = (s: string) => [...s].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  const stream = `BT /F1 12 Tf 100 700 Td <${hex('合计')}> Tj 100 0 Td <${hex('100.00')}> Tj ET`;
  objects[5] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

describe('non-embedded CJK fonts', () => {
  it('keeps Chinese text set in a font the PDF does not embed', async () => {
    const bytes = nonEmbeddedCjkPdf();
    const source = { id: 'cjk', url: 'file:cjk.pdf', fetchedAt: '', mediaType: 'application/pdf', size: bytes.length };
    const doc = await extractPdf(bytes, { source, limits: { ...defaultLimits, ocr: false } });
    expect(doc.issues).toEqual([]);
    expect(doc.pages[0]!.runs.map((r) => r.text.trim())).toEqual(['合计', '100.00']);
  });
});
