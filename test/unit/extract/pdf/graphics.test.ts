import { describe, expect, it } from 'vitest';
import { openPdf, type PdfPurpose } from '../../../../src/extract/pdf/load.js';
import { renderWithPdfJs } from '../../../../src/extract/pdf/render.js';
import { readPageContent } from '../../../../src/extract/pdf/page-content.js';
import { latticeFrames } from '../../../../src/extract/tables/lattice.js';
import { makePdf } from './make-pdf.js';

async function firstPage(bytes: Uint8Array, purpose: PdfPurpose = 'read') {
  return (await openPdf(bytes, purpose)).getPage(1);
}

describe('page graphics', () => {
  it('reads borders printed as thin filled rectangles (Excel, Distiller) and ignores white backgrounds', async () => {
    const bytes = await makePdf((doc) => {
      doc.rect(0, 0, 595, 842).fill('#ffffff');
      doc.rect(50, 50, 300, 100).fill('#ffffff');
      for (const y of [100, 120, 140]) doc.rect(100, y, 200, 0.8).fill('#000000');
      for (const x of [100, 200, 300]) doc.rect(x, 100, 0.8, 40.8).fill('#000000');
    });
    const g = (await readPageContent(await firstPage(bytes), 's')).graphics;
    expect(g.images).toBe(0);
    const [frame, ...more] = latticeFrames(g.rulings);
    expect(more).toHaveLength(0);
    expect(frame!.rowEdges.map(Math.round)).toEqual([100, 120, 140]);
    expect(frame!.colEdges.map(Math.round)).toEqual([100, 200, 300]);
  });

  it('turns a filled cell background into its edges and follows the transformation matrix', async () => {
    const bytes = await makePdf((doc) => {
      doc.save().translate(100, 200).rect(0, 0, 100, 20).fill('#cccccc').restore();
    });
    const { rulings } = (await readPageContent(await firstPage(bytes), 's')).graphics;
    const ys = [...new Set(rulings.filter((r) => r.y0 === r.y1).map((r) => Math.round(r.y0)))].sort((a, b) => a - b);
    expect(ys).toEqual([200, 220]);
  });

  it('counts painted images and renders pages, telling a blank page from a drawn one', async () => {
    const drawn = await makePdf((doc) => doc.rect(50, 50, 400, 400).fill('#000000'));
    const blank = await makePdf((doc) => doc.rect(0, 0, 1, 1).fill('#ffffff'));
    const a = await renderWithPdfJs(await firstPage(drawn, 'render'), 36);
    const b = await renderWithPdfJs(await firstPage(blank, 'render'), 36);
    expect([a.blank, b.blank]).toEqual([false, true]);
    expect(Buffer.from(a.png.slice(1, 4)).toString()).toBe('PNG');
  });
});
