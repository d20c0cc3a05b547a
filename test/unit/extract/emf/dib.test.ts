import { describe, expect, it } from 'vitest';
import { dibToPng } from '../../../../src/extract/emf/dib.js';

function info(width: number, height: number, bpp: number, palette: number[] = []): Uint8Array {
  const b = Buffer.alloc(40 + palette.length * 4);
  b.writeUInt32LE(40, 0);
  b.writeInt32LE(width, 4);
  b.writeInt32LE(height, 8);
  b.writeUInt16LE(1, 12);
  b.writeUInt16LE(bpp, 14);
  palette.forEach((rgb, i) => b.writeUInt32LE(rgb, 40 + i * 4));
  return b;
}

describe('dibToPng', () => {
  it('decodes a 1-bit palette bitmap into a PNG of the same size', () => {
    // 2x2, rows padded to 4 bytes, bottom-up: black/white checker.
    const png = dibToPng(info(2, 2, 1, [0x000000, 0xffffff]), Uint8Array.from([0x40, 0, 0, 0, 0x80, 0, 0, 0]))!;
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(2);
    expect(png.readUInt32BE(20)).toBe(2);
  });

  it('refuses absurd dimensions, truncated bits and compressed bitmaps', () => {
    expect(dibToPng(info(100_000, 100_000, 24), new Uint8Array(16))).toBeUndefined();
    expect(dibToPng(info(4, 4, 24), new Uint8Array(10))).toBeUndefined();
    const rle = Buffer.from(info(2, 2, 8));
    rle.writeUInt32LE(1, 16);
    expect(dibToPng(rle, new Uint8Array(64))).toBeUndefined();
  });
});
