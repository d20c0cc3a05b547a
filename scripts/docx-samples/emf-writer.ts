import type { Layout } from './table-layout.js';

/**
 * Writes a table layout as an EMF picture the way Word stores an embedded workbook's preview:
 * MM_ANISOTROPIC in twips, one EMR_EXTTEXTOUTW per wrapped line with a Dx advance array,
 * cell borders as EMR_MOVETOEX/EMR_LINETO ([MS-EMF] 2.3). 96 dpi reference device.
 */
const TWIPS = 20;
const DEVICE = { cx: 1920, cy: 1440 };
const MILLIMETERS = { cx: 508, cy: 381 };
const PX_PER_PT = 96 / 72;

class Records {
  readonly parts: Buffer[] = [];
  count = 0;
  add(type: number, body: Buffer): void {
    const head = Buffer.alloc(8);
    head.writeUInt32LE(type, 0);
    head.writeUInt32LE(8 + body.length, 4);
    this.parts.push(head, body);
    this.count++;
  }
  ints(type: number, ...values: number[]): void {
    const b = Buffer.alloc(values.length * 4);
    values.forEach((v, i) => b.writeInt32LE(Math.round(v) | 0, i * 4));
    this.add(type, b);
  }
}

function logFont(heightTwips: number, face: string): Buffer {
  const b = Buffer.alloc(4 + 92);
  b.writeUInt32LE(1, 0); // ihFont
  b.writeInt32LE(-heightTwips, 4); // negative: character height
  b.writeInt32LE(400, 4 + 16); // lfWeight
  b.writeUInt8(134, 4 + 23); // GB2312_CHARSET
  b.write(face, 4 + 28, 'utf16le');
  return b;
}

function textOut(x: number, y: number, text: string, advances: number[], bounds: number[]): Buffer {
  const chars = [...text];
  // Surrogate pairs are not expected in these tables; one UTF-16 unit per character.
  const str = Buffer.from(chars.join(''), 'utf16le');
  const strLen = Math.ceil(str.length / 4) * 4;
  const head = 16 + 4 + 4 + 4 + 8 + 4 + 4 + 4 + 16 + 4;
  const b = Buffer.alloc(head + strLen + chars.length * 4);
  bounds.forEach((v, i) => b.writeInt32LE(Math.round(v), i * 4));
  b.writeUInt32LE(1, 16); // GM_COMPATIBLE
  b.writeFloatLE(1.7638889, 20);
  b.writeFloatLE(1.7638889, 24);
  b.writeInt32LE(Math.round(x), 28);
  b.writeInt32LE(Math.round(y), 32);
  b.writeUInt32LE(chars.length, 36);
  b.writeUInt32LE(8 + head, 40); // offString from the record start
  b.writeUInt32LE(0, 44);
  b.writeInt32LE(0, 48);
  b.writeInt32LE(0, 52);
  b.writeInt32LE(-1, 56);
  b.writeInt32LE(-1, 60);
  b.writeUInt32LE(8 + head + strLen, 64); // offDx
  str.copy(b, head);
  advances.forEach((a, i) => b.writeInt32LE(Math.round(a), head + strLen + i * 4));
  return b;
}

/** EMR_HEADER with the 96 dpi reference device; sizes in device pixels and 0.01 mm. */
function emfHeader(
  px: [number, number],
  hmm: [number, number],
  bytes: number,
  records: number,
  handles: number,
): Buffer {
  const header = Buffer.alloc(108);
  header.writeUInt32LE(1, 0);
  header.writeUInt32LE(108, 4);
  [0, 0, px[0] - 1, px[1] - 1].forEach((v, i) => header.writeInt32LE(v, 8 + i * 4));
  [0, 0, Math.round(hmm[0]), Math.round(hmm[1])].forEach((v, i) => header.writeInt32LE(v, 24 + i * 4));
  header.writeUInt32LE(0x464d4520, 40);
  header.writeUInt32LE(0x10000, 44);
  header.writeUInt32LE(bytes, 48);
  header.writeUInt32LE(records, 52);
  header.writeUInt16LE(handles, 56);
  header.writeInt32LE(DEVICE.cx, 72);
  header.writeInt32LE(DEVICE.cy, 76);
  header.writeInt32LE(MILLIMETERS.cx, 80);
  header.writeInt32LE(MILLIMETERS.cy, 84);
  header.writeInt32LE(MILLIMETERS.cx * 1000, 100);
  header.writeInt32LE(MILLIMETERS.cy * 1000, 104);
  return header;
}

export function writeEmf(layout: Layout, face = '宋体'): Buffer {
  const w = layout.width;
  const h = layout.height;
  const px = (pt: number): number => Math.round(pt * PX_PER_PT);
  const r = new Records();
  r.ints(17, 8); // SETMAPMODE MM_ANISOTROPIC
  r.ints(10, 0, 0); // SETWINDOWORGEX
  r.ints(9, w * TWIPS, h * TWIPS); // SETWINDOWEXTEX
  r.ints(12, 0, 0); // SETVIEWPORTORGEX
  r.ints(11, px(w), px(h)); // SETVIEWPORTEXTEX
  r.ints(18, 1); // SETBKMODE TRANSPARENT
  r.add(82, logFont(layout.fontSize * TWIPS, face)); // EXTCREATEFONTINDIRECTW
  r.ints(37, 1); // SELECTOBJECT font
  r.ints(37, 0x80000007); // SELECTOBJECT BLACK_PEN
  r.ints(22, 24); // SETTEXTALIGN TA_BASELINE | TA_LEFT
  const seen = new Set<string>();
  const line = (x0: number, y0: number, x1: number, y1: number): void => {
    const key = [x0, y0, x1, y1].map((v) => Math.round(v * TWIPS)).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    r.ints(27, x0 * TWIPS, y0 * TWIPS); // MOVETOEX
    r.ints(54, x1 * TWIPS, y1 * TWIPS); // LINETO
  };
  for (const c of layout.cells) {
    line(c.x0, c.y0, c.x1, c.y0);
    line(c.x0, c.y1, c.x1, c.y1);
    line(c.x0, c.y0, c.x0, c.y1);
    line(c.x1, c.y0, c.x1, c.y1);
  }
  for (const c of layout.cells) {
    for (const l of c.lines) {
      const width = l.advances.reduce((s, a) => s + a, 0);
      const bounds = [px(l.x), px(l.y - layout.fontSize), px(l.x + width), px(l.y + layout.fontSize * 0.2)];
      r.add(
        84,
        textOut(
          l.x * TWIPS,
          l.y * TWIPS,
          l.text,
          l.advances.map((a) => a * TWIPS),
          bounds,
        ),
      );
    }
  }
  r.ints(37, 0x8000000d); // SELECTOBJECT SYSTEM_FONT, so the font can be deleted
  r.ints(40, 1); // DELETEOBJECT
  r.ints(14, 0, 16, 20); // EOF: nPalEntries, offPalEntries, nSizeLast
  const body = Buffer.concat(r.parts);
  const header = emfHeader([px(w), px(h)], [(w * 2540) / 72, (h * 2540) / 72], 108 + body.length, r.count + 1, 2);
  return Buffer.concat([header, body]);
}

/**
 * A bitmap-only EMF: one EMR_STRETCHDIBITS holding a 24-bit bottom-up DIB of the RGBA pixels,
 * in MM_TEXT at 96 dpi, as Word keeps a pasted screenshot saved as a metafile.
 */
export function writeBitmapEmf(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): Buffer {
  const stride = Math.ceil((width * 3) / 4) * 4;
  const bits = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      bits[row * stride + x * 3] = rgba[i + 2]!;
      bits[row * stride + x * 3 + 1] = rgba[i + 1]!;
      bits[row * stride + x * 3 + 2] = rgba[i]!;
    }
  }
  const bmi = Buffer.alloc(40);
  bmi.writeUInt32LE(40, 0);
  bmi.writeInt32LE(width, 4);
  bmi.writeInt32LE(height, 8);
  bmi.writeUInt16LE(1, 12);
  bmi.writeUInt16LE(24, 14);
  bmi.writeUInt32LE(bits.length, 20);
  const body = Buffer.alloc(72);
  [0, 0, width - 1, height - 1].forEach((v, i) => body.writeInt32LE(v, i * 4));
  const fields = [0, 0, 0, 0, width, height, 80, 40, 120, bits.length, 0, 0x00cc0020, width, height];
  fields.forEach((v, i) => body.writeInt32LE(v | 0, 16 + i * 4));
  const rec = Buffer.concat([Buffer.alloc(8), body, bmi, bits]);
  rec.writeUInt32LE(81, 0);
  rec.writeUInt32LE(rec.length, 4);
  const eof = Buffer.alloc(20);
  eof.writeUInt32LE(14, 0);
  eof.writeUInt32LE(20, 4);
  eof.writeUInt32LE(16, 12);
  eof.writeUInt32LE(20, 16);
  const header = emfHeader([width, height], [(width * 2540) / 96, (height * 2540) / 96], 108 + rec.length + 20, 3, 1);
  return Buffer.concat([header, rec, eof]);
}
