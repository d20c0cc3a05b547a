import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PageImages } from '../../../src/serve/page-images.js';
import { FsBlobStore } from '../../../src/store/blob-stores.js';
import { makePdf } from '../extract/pdf/make-pdf.js';

const dir = mkdtempSync(join(tmpdir(), 'budgetdoc-page-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Width and height of a PNG, from its IHDR. */
const pngSize = (png: Uint8Array) => {
  const v = new DataView(png.buffer, png.byteOffset);
  return { width: v.getUint32(16), height: v.getUint32(20) };
};

describe('page images of the viewer (issue 16: bounded like the OCR rendering)', () => {
  const blobs = new FsBlobStore(join(dir, 'blobs'));
  const images = new PageImages(blobs, join(dir, 'cache'));

  it('draws a page too large for 144 dpi coarser, inside the pixel budget', async () => {
    const id = await blobs.put(await makePdf((d) => d.fontSize(200).text('合计 12', 100, 100), { size: [8000, 8000] }));
    const { width, height } = pngSize(await images.png(id, 'pdf', 1));
    expect(width * height).toBeLessThanOrEqual(36_000_000);
    expect(width).toBeGreaterThan((8000 / 72) * 18 - 1);
  });

  it('refuses, with a reason, a page that even the coarsest resolution cannot hold', async () => {
    const id = await blobs.put(await makePdf((d) => d.text('x'), { size: [1e7, 1e7] }));
    await expect(images.png(id, 'pdf', 1)).rejects.toMatchObject({
      status: 415,
      message: expect.stringContaining('too large to draw'),
    });
    await images.close();
  });
});
