/**
 * Size and resolution of a PNG or JPEG from its header, read before anything is decoded so a
 * hostile picture (a 100 000 × 100 000 px PNG of a few kilobytes) is refused cheaply.
 */
export interface ImageHeader {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** Pixels per inch when the file states it (PNG pHYs in metres, JPEG JFIF density in inches). */
  dpi?: number;
}

const PNG_SIG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}
const u16 = (b: Uint8Array, at: number): number => (b[at]! << 8) | b[at + 1]!;

function png(b: Uint8Array): ImageHeader | undefined {
  // IHDR is the first chunk (PNG spec §5.6); pHYs, if present, comes before IDAT.
  if (b.length < 33 || u32(b, 12) !== 0x49484452) return undefined;
  const head: ImageHeader = { format: 'png', width: u32(b, 16), height: u32(b, 20) };
  for (let at = 8; at + 12 <= b.length; ) {
    const len = u32(b, at);
    const type = u32(b, at + 4);
    if (type === 0x49444154) break; // IDAT
    if (type === 0x70485973 && len === 9 && b[at + 16] === 1) {
      const ppm = u32(b, at + 8);
      if (ppm > 0) head.dpi = Math.round(ppm * 0.0254);
    }
    at += 12 + len;
  }
  return head;
}

function jpeg(b: Uint8Array): ImageHeader | undefined {
  let dpi: number | undefined;
  for (let at = 2; at + 9 < b.length; ) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    const len = u16(b, at + 2);
    // APP0 JFIF: units 1 = dots per inch, 2 = per cm.
    if (marker === 0xe0 && b[at + 4] === 0x4a && b[at + 5] === 0x46 && b[at + 6] === 0x49 && b[at + 7] === 0x46) {
      const units = b[at + 11];
      const x = u16(b, at + 12);
      if (units === 1 && x > 1) dpi = x;
      if (units === 2 && x > 1) dpi = Math.round(x * 2.54);
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8), DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const head: ImageHeader = { format: 'jpeg', height: u16(b, at + 5), width: u16(b, at + 7) };
      if (dpi) head.dpi = dpi;
      return head;
    }
    at += 2 + len;
  }
  return undefined;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader | undefined {
  if (PNG_SIG.every((v, i) => bytes[i] === v)) return png(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return jpeg(bytes);
  return undefined;
}
