/**
 * EMF record framing ([MS-EMF] 2.3): every record starts with a u32 type and a u32 size
 * (a multiple of 4, at least 8). Only what table recovery needs is named here.
 */
export const EMR = {
  HEADER: 1,
  POLYLINE: 4,
  EOF: 14,
  SETWINDOWEXTEX: 9,
  SETWINDOWORGEX: 10,
  SETVIEWPORTEXTEX: 11,
  SETVIEWPORTORGEX: 12,
  SETMAPMODE: 17,
  SETTEXTALIGN: 22,
  MOVETOEX: 27,
  SAVEDC: 33,
  RESTOREDC: 34,
  SETWORLDTRANSFORM: 35,
  MODIFYWORLDTRANSFORM: 36,
  SELECTOBJECT: 37,
  DELETEOBJECT: 40,
  RECTANGLE: 43,
  LINETO: 54,
  BITBLT: 76,
  STRETCHBLT: 77,
  STRETCHDIBITS: 81,
  EXTCREATEFONTINDIRECTW: 82,
  EXTTEXTOUTA: 83,
  EXTTEXTOUTW: 84,
  POLYLINE16: 87,
  POLYPOLYLINE16: 90,
} as const;

export interface EmfRecord {
  type: number;
  /** Offset of the record in the file. */
  at: number;
  size: number;
}

export interface EmfHeader {
  /** Device-unit bounds of what was drawn (inclusive). */
  bounds: { left: number; top: number; right: number; bottom: number };
  /** Picture frame in 0.01 mm. */
  frame: { left: number; top: number; right: number; bottom: number };
  /** Reference device size in pixels and in millimetres. */
  device: { cx: number; cy: number };
  millimeters: { cx: number; cy: number };
  records: number;
}

export const EMF_SIGNATURE = 0x464d4520; // ' EMF'

export class EmfReader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  i32(at: number): number {
    return at + 4 <= this.bytes.length ? this.view.getInt32(at, true) : 0;
  }
  u32(at: number): number {
    return at + 4 <= this.bytes.length ? this.view.getUint32(at, true) : 0;
  }
  i16(at: number): number {
    return at + 2 <= this.bytes.length ? this.view.getInt16(at, true) : 0;
  }
  f32(at: number): number {
    return at + 4 <= this.bytes.length ? this.view.getFloat32(at, true) : 0;
  }
  rect(at: number): { left: number; top: number; right: number; bottom: number } {
    return { left: this.i32(at), top: this.i32(at + 4), right: this.i32(at + 8), bottom: this.i32(at + 12) };
  }
}

export function readHeader(r: EmfReader): EmfHeader | undefined {
  if (r.bytes.length < 88 || r.u32(0) !== EMR.HEADER || r.u32(40) !== EMF_SIGNATURE) return undefined;
  return {
    bounds: r.rect(8),
    frame: r.rect(24),
    records: r.u32(52),
    device: { cx: r.i32(72), cy: r.i32(76) },
    millimeters: { cx: r.i32(80), cy: r.i32(84) },
  };
}

/**
 * The records in file order. Stops at EMR_EOF, and at the first malformed record (size not
 * a multiple of 4, smaller than 8 or past the end), reporting it: a truncated file keeps what
 * came before.
 */
export function* records(r: EmfReader, maxRecords: number): Generator<EmfRecord, string | undefined> {
  let at = 0;
  let n = 0;
  while (at + 8 <= r.bytes.length) {
    const type = r.u32(at);
    const size = r.u32(at + 4);
    if (size < 8 || size % 4 !== 0 || at + size > r.bytes.length)
      return `malformed record of type ${type} at offset ${at}`;
    if (++n > maxRecords) return `more than ${maxRecords} records`;
    yield { type, at, size };
    if (type === EMR.EOF) return undefined;
    at += size;
  }
  return 'no EMR_EOF record';
}
