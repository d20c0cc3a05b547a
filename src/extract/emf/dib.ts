import { createCanvas } from '@napi-rs/canvas';

/** Bitmaps larger than this are refused (absurd dimensions in a hostile file). */
export const MAX_DIB_PIXELS = 40_000_000;

/**
 * A device-independent bitmap (BITMAPINFOHEADER + bits, [MS-WMF] 2.2.2.3) as PNG, for OCR of a
 * bitmap-only EMF. Uncompressed 1/4/8-bit palette and 16/24/32-bit pixels; rows are padded to
 * 4 bytes and stored bottom-up unless the height is negative. Returns undefined for anything
 * else (RLE, JPEG/PNG-in-DIB, truncated bits) rather than guessing.
 */
export function dibToPng(info: Uint8Array, bits: Uint8Array): Buffer | undefined {
  const v = new DataView(info.buffer, info.byteOffset, info.byteLength);
  const headerSize = v.getUint32(0, true);
  if (headerSize < 40 || info.length < 40) return undefined;
  const width = v.getInt32(4, true);
  const rawHeight = v.getInt32(8, true);
  const bpp = v.getUint16(14, true);
  const compression = v.getUint32(16, true);
  const height = Math.abs(rawHeight);
  if (width <= 0 || height === 0 || width * height > MAX_DIB_PIXELS) return undefined;
  if (compression !== 0 && !(compression === 3 && (bpp === 16 || bpp === 32))) return undefined;
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (bits.length < stride * height) return undefined;
  const used = v.getUint32(32, true);
  const paletteSize = bpp <= 8 ? used || 1 << bpp : 0;
  const palette = info.subarray(headerSize, headerSize + paletteSize * 4);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = rawHeight > 0 ? height - 1 - y : y;
    const base = row * stride;
    for (let x = 0; x < width; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      if (bpp <= 8) {
        const bitPos = x * bpp;
        const byte = bits[base + (bitPos >> 3)]!;
        const idx = (byte >> (8 - bpp - (bitPos & 7))) & ((1 << bpp) - 1);
        b = palette[idx * 4] ?? 0;
        g = palette[idx * 4 + 1] ?? 0;
        r = palette[idx * 4 + 2] ?? 0;
      } else if (bpp === 16) {
        const px = bits[base + x * 2]! | (bits[base + x * 2 + 1]! << 8);
        r = ((px >> 10) & 31) << 3;
        g = ((px >> 5) & 31) << 3;
        b = (px & 31) << 3;
      } else {
        const o = base + x * (bpp / 8);
        b = bits[o]!;
        g = bits[o + 1]!;
        r = bits[o + 2]!;
      }
      const out = (y * width + x) * 4;
      rgba[out] = r;
      rgba[out + 1] = g;
      rgba[out + 2] = b;
      rgba[out + 3] = 255;
    }
  }
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const img = ctx.createImageData(width, height);
  img.data.set(rgba);
  ctx.putImageData(img, 0, 0);
  return canvas.toBuffer('image/png');
}
