import { describe, expect, it } from 'vitest';
import { loadPdfJs, openPdf } from '../../../../src/extract/pdf/load.js';
import { makePdf } from './make-pdf.js';

const native = (f: unknown) => Function.prototype.toString.call(f).includes('[native code]');

describe('loading pdf.js', () => {
  it("puts back the engine's push and JSON that its bundled core-js replaces (issue 12)", async () => {
    await loadPdfJs();
    expect(native(Array.prototype.push)).toBe(true);
    expect(native(JSON.parse)).toBe(true);
    expect(native(JSON.stringify)).toBe(true);
    // What core-js adds where Node 20 lacks it stays: pdf.js calls it.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('reads the same text layer from a document opened to read as from one opened to render', async () => {
    const bytes = await makePdf((doc) => {
      doc.fontSize(12).text('合计 1,234.56 一般公共预算', 72, 72);
    });
    const text = async (purpose: 'read' | 'render') => {
      const pdf = await openPdf(bytes, purpose);
      try {
        const page = await pdf.getPage(1);
        const ops = await page.getOperatorList();
        const items = (await page.getTextContent()).items.map((i) => ('str' in i ? i.str : ''));
        return { items, ops: ops.fnArray.length };
      } finally {
        await pdf.destroy();
      }
    };
    const read = await text('read');
    expect(read.items.join('')).toContain('1,234.56');
    expect(read).toEqual(await text('render'));
  });
});
