import { describe, expect, it } from 'vitest';
import { createCanvas } from '@napi-rs/canvas';
import { readImageHeader } from '../../../../src/extract/image/header.js';
import { extractImage, MAX_PIXELS } from '../../../../src/extract/image/index.js';
import { defaultLimits } from '../../../../src/extract/types.js';

const source = {
  id: 'f'.repeat(64),
  url: 'file:test.png',
  fetchedAt: '2025-01-01T00:00:00Z',
  mediaType: 'image/png',
  size: 0,
};
const ctx = (ocr = true) => ({ source, limits: { ...defaultLimits, ocr } });

/** A PNG signature and IHDR claiming the given size, with no pixel data at all. */
function pngHeader(width: number, height: number): Uint8Array {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write('IHDR', 12, 'latin1');
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  b[24] = 8;
  b[25] = 2;
  return new Uint8Array(b);
}

describe('image header', () => {
  it('reads size and dpi of PNG and JPEG without decoding', async () => {
    const canvas = createCanvas(123, 45);
    const png = readImageHeader(new Uint8Array(await canvas.encode('png')));
    expect(png).toMatchObject({ format: 'png', width: 123, height: 45 });
    const jpeg = readImageHeader(new Uint8Array(await canvas.encode('jpeg', 80)));
    expect(jpeg).toMatchObject({ format: 'jpeg', width: 123, height: 45 });
    expect(readImageHeader(new Uint8Array([1, 2, 3]))).toBeUndefined();
  });
});

describe('image extractor', () => {
  it('refuses an absurdly large picture before decoding it', async () => {
    const doc = await extractImage(pngHeader(20_000, 10_000), ctx());
    expect(20_000 * 10_000).toBeGreaterThan(MAX_PIXELS);
    expect(doc.status).toBe('failed');
    expect(doc.issues.map((i) => i.code)).toEqual(['image.too_large']);
  });

  it('returns a failed document for a broken header, never throws', async () => {
    const doc = await extractImage(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), ctx());
    expect(doc.status).toBe('failed');
    expect(doc.issues[0]?.code).toBe('image.corrupt');
  });

  it('says so when OCR is switched off', async () => {
    const canvas = createCanvas(200, 100);
    const doc = await extractImage(new Uint8Array(await canvas.encode('png')), ctx(false));
    expect(doc.tables).toEqual([]);
    expect(doc.issues.map((i) => i.code)).toEqual(['image.ocr_disabled']);
    expect(doc.pages[0]).toMatchObject({ number: 1, width: 150, height: 75 });
  });
});
