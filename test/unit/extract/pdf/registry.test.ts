import { describe, expect, it } from 'vitest';
import { extractDocument, supportedFormats } from '../../../../src/extract/registry.js';
import { defaultLimits } from '../../../../src/extract/types.js';
import { makePdf, ruledTable } from './make-pdf.js';

describe('pdf in the extractor registry', () => {
  it('is loaded for format pdf and returns tables', async () => {
    expect(supportedFormats()).toContain('pdf');
    const bytes = await makePdf((doc) =>
      ruledTable(doc, 36, 100, [
        ['a', 'b'],
        ['1', '2'],
      ]),
    );
    const source = { id: 'r', url: 'file:r.pdf', fetchedAt: '', mediaType: 'application/pdf', size: bytes.length };
    const doc = await extractDocument(bytes, source, 'pdf', { ...defaultLimits, ocr: false });
    expect(doc.status).toBe('ok');
    expect(doc.tables.map((t) => [t.nRows, t.nCols])).toEqual([[2, 2]]);
  });
});
