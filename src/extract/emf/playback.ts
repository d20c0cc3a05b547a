import iconv from 'iconv-lite';
import type { BBox } from '../../model/document.js';
import { EMR, type EmfHeader, type EmfReader } from './records.js';

/** Text drawn by one EMR_EXTTEXTOUT record, in points relative to the picture frame. */
export interface EmfTextRun {
  text: string;
  bbox: BBox;
  fontSize: number;
  /** Offset of the record, for provenance. */
  record: number;
}

export interface EmfLine {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface EmfBitmap {
  bbox: BBox;
  /** Source size in pixels, from the record. */
  width: number;
  height: number;
  record: number;
  /** The device-independent bitmap of an EMR_STRETCHDIBITS: header (BITMAPINFO) and pixel bits. */
  dib?: { info: Uint8Array; bits: Uint8Array };
}

interface Xform {
  mapMode: number;
  wOrg: [number, number];
  wExt: [number, number];
  vOrg: [number, number];
  vExt: [number, number];
  textAlign: number;
  font?: Font;
  cur: [number, number];
}

interface Font {
  height: number;
  charset: number;
}

const MM_TEXT = 1;
const MM_ISOTROPIC = 7;
const MM_ANISOTROPIC = 8;
const TA_RIGHT = 2;
const TA_CENTER = 6;
const TA_BOTTOM = 8;
const TA_BASELINE = 24;
/** GB2312 / Big5 charsets of LOGFONT (EMR_EXTTEXTOUTA strings are in the font's code page). */
const GB2312_CHARSET = 134;
const CHINESEBIG5_CHARSET = 136;

/**
 * Replays the records that place text, lines and bitmaps, keeping the window/viewport
 * mapping (logical -> device) and converting device pixels to points with the header's
 * reference device (szlDevice pixels = szlMillimeters mm), origin at the frame's top-left.
 */
export class EmfPlayback {
  readonly texts: EmfTextRun[] = [];
  readonly lines: EmfLine[] = [];
  readonly bitmaps: EmfBitmap[] = [];
  readonly notes: string[] = [];
  private st: Xform = {
    mapMode: MM_TEXT,
    wOrg: [0, 0],
    wExt: [1, 1],
    vOrg: [0, 0],
    vExt: [1, 1],
    textAlign: 0,
    cur: [0, 0],
  };
  private readonly saved: Xform[] = [];
  private readonly fonts = new Map<number, Font>();
  private readonly mmPerPx: [number, number];
  private readonly frameMm: [number, number];

  constructor(
    private readonly r: EmfReader,
    header: EmfHeader,
  ) {
    const ok = header.device.cx > 0 && header.device.cy > 0 && header.millimeters.cx > 0 && header.millimeters.cy > 0;
    this.mmPerPx = ok
      ? [header.millimeters.cx / header.device.cx, header.millimeters.cy / header.device.cy]
      : [25.4 / 96, 25.4 / 96];
    this.frameMm = [header.frame.left / 100, header.frame.top / 100];
  }

  /** Logical point to points. */
  point(x: number, y: number): [number, number] {
    const s = this.st;
    let dx = x;
    let dy = y;
    if (s.mapMode === MM_ANISOTROPIC || s.mapMode === MM_ISOTROPIC) {
      dx = ((x - s.wOrg[0]) * s.vExt[0]) / (s.wExt[0] || 1) + s.vOrg[0];
      dy = ((y - s.wOrg[1]) * s.vExt[1]) / (s.wExt[1] || 1) + s.vOrg[1];
    } else {
      dx = x - s.wOrg[0] + s.vOrg[0];
      dy = y - s.wOrg[1] + s.vOrg[1];
    }
    const k = 72 / 25.4;
    return [(dx * this.mmPerPx[0] - this.frameMm[0]) * k, (dy * this.mmPerPx[1] - this.frameMm[1]) * k];
  }

  private box(x0: number, y0: number, x1: number, y1: number): BBox {
    const [ax, ay] = this.point(x0, y0);
    const [bx, by] = this.point(x1, y1);
    return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  }

  private line(x0: number, y0: number, x1: number, y1: number): void {
    const [ax, ay] = this.point(x0, y0);
    const [bx, by] = this.point(x1, y1);
    this.lines.push({ x0: ax, y0: ay, x1: bx, y1: by });
  }

  play(type: number, at: number, size: number): void {
    const r = this.r;
    const s = this.st;
    switch (type) {
      case EMR.SETMAPMODE:
        s.mapMode = r.u32(at + 8);
        break;
      case EMR.SETWINDOWORGEX:
        s.wOrg = [r.i32(at + 8), r.i32(at + 12)];
        break;
      case EMR.SETWINDOWEXTEX:
        s.wExt = [r.i32(at + 8), r.i32(at + 12)];
        break;
      case EMR.SETVIEWPORTORGEX:
        s.vOrg = [r.i32(at + 8), r.i32(at + 12)];
        break;
      case EMR.SETVIEWPORTEXTEX:
        s.vExt = [r.i32(at + 8), r.i32(at + 12)];
        break;
      case EMR.SETTEXTALIGN:
        s.textAlign = r.u32(at + 8);
        break;
      case EMR.SAVEDC:
        this.saved.push({ ...s });
        break;
      case EMR.RESTOREDC: {
        // iRelative is negative: -1 restores the most recently saved state.
        const back = -r.i32(at + 8);
        const restored =
          back > 0 && back <= this.saved.length ? this.saved.splice(this.saved.length - back)[0] : undefined;
        if (restored) this.st = restored;
        break;
      }
      case EMR.SETWORLDTRANSFORM:
      case EMR.MODIFYWORLDTRANSFORM:
        if (!this.notes.includes('world transform ignored')) this.notes.push('world transform ignored');
        break;
      case EMR.EXTCREATEFONTINDIRECTW:
        this.fonts.set(r.u32(at + 8), { height: r.i32(at + 12), charset: r.bytes[at + 12 + 23] ?? 0 });
        break;
      case EMR.SELECTOBJECT: {
        const font = this.fonts.get(r.u32(at + 8));
        if (font) s.font = font;
        break;
      }
      case EMR.MOVETOEX:
        s.cur = [r.i32(at + 8), r.i32(at + 12)];
        break;
      case EMR.LINETO: {
        const to: [number, number] = [r.i32(at + 8), r.i32(at + 12)];
        this.line(s.cur[0], s.cur[1], to[0], to[1]);
        s.cur = to;
        break;
      }
      case EMR.POLYLINE16:
      case EMR.POLYLINE:
        this.polyline(type, at, size);
        break;
      case EMR.POLYPOLYLINE16:
        this.polyPolyline16(at, size);
        break;
      case EMR.RECTANGLE: {
        const b = r.rect(at + 8);
        this.line(b.left, b.top, b.right, b.top);
        this.line(b.right, b.top, b.right, b.bottom);
        this.line(b.left, b.bottom, b.right, b.bottom);
        this.line(b.left, b.top, b.left, b.bottom);
        break;
      }
      case EMR.EXTTEXTOUTW:
      case EMR.EXTTEXTOUTA:
        this.text(type === EMR.EXTTEXTOUTW, at, size);
        break;
      case EMR.STRETCHDIBITS: {
        const x = r.i32(at + 24);
        const y = r.i32(at + 28);
        const bitmap: EmfBitmap = {
          bbox: this.box(x, y, x + r.i32(at + 72), y + r.i32(at + 76)),
          width: r.i32(at + 40),
          height: r.i32(at + 44),
          record: at,
        };
        const [offBmi, cbBmi, offBits, cbBits] = [r.u32(at + 48), r.u32(at + 52), r.u32(at + 56), r.u32(at + 60)];
        if (cbBmi >= 40 && offBmi + cbBmi <= size && offBits + cbBits <= size) {
          bitmap.dib = {
            info: r.bytes.subarray(at + offBmi, at + offBmi + cbBmi),
            bits: r.bytes.subarray(at + offBits, at + offBits + cbBits),
          };
        }
        this.bitmaps.push(bitmap);
        break;
      }
      case EMR.BITBLT:
      case EMR.STRETCHBLT: {
        const x = r.i32(at + 24);
        const y = r.i32(at + 28);
        this.bitmaps.push({
          bbox: this.box(x, y, x + r.i32(at + 32), y + r.i32(at + 36)),
          width: r.i32(at + 32),
          height: r.i32(at + 36),
          record: at,
        });
        break;
      }
      default:
        break;
    }
  }

  private polyline(type: number, at: number, size: number): void {
    const n = this.r.u32(at + 24);
    const step = type === EMR.POLYLINE16 ? 4 : 8;
    if (28 + n * step > size) return;
    const pt = (i: number): [number, number] =>
      step === 4
        ? [this.r.i16(at + 28 + i * 4), this.r.i16(at + 30 + i * 4)]
        : [this.r.i32(at + 28 + i * 8), this.r.i32(at + 32 + i * 8)];
    for (let i = 1; i < n; i++) {
      const a = pt(i - 1);
      const b = pt(i);
      this.line(a[0], a[1], b[0], b[1]);
    }
  }

  private polyPolyline16(at: number, size: number): void {
    const nPolys = this.r.u32(at + 24);
    const total = this.r.u32(at + 28);
    let p = at + 32 + nPolys * 4;
    if (32 + nPolys * 4 + total * 4 > size) return;
    for (let k = 0; k < nPolys; k++) {
      const n = this.r.u32(at + 32 + k * 4);
      for (let i = 1; i < n; i++) {
        const a = p + (i - 1) * 4;
        const b = p + i * 4;
        this.line(this.r.i16(a), this.r.i16(a + 2), this.r.i16(b), this.r.i16(b + 2));
      }
      p += n * 4;
    }
  }

  private text(wide: boolean, at: number, size: number): void {
    const r = this.r;
    const x = r.i32(at + 36);
    const y = r.i32(at + 40);
    const n = r.u32(at + 44);
    const off = r.u32(at + 48);
    const offDx = r.u32(at + 72);
    const len = wide ? n * 2 : n;
    if (n === 0 || off + len > size) return;
    const raw = r.bytes.subarray(at + off, at + off + len);
    const font = this.st.font;
    const text = wide
      ? Buffer.from(raw).toString('utf16le')
      : iconv.decode(
          Buffer.from(raw),
          font?.charset === GB2312_CHARSET ? 'gbk' : font?.charset === CHINESEBIG5_CHARSET ? 'big5' : 'latin1',
        );
    if (text.trim() === '') return;
    const em = Math.abs(font?.height ?? 0) || 12;
    let width = 0;
    if (offDx > 0 && offDx + n * 4 <= size) for (let i = 0; i < n; i++) width += r.i32(at + offDx + i * 4);
    // Without a spacing array assume full-width glyphs: budget tables are mostly CJK.
    if (width <= 0) width = em * [...text].length;
    const align = this.st.textAlign;
    const left = (align & TA_CENTER) === TA_CENTER ? x - width / 2 : align & TA_RIGHT ? x - width : x;
    const vAlign = align & TA_BASELINE;
    const top = vAlign === TA_BASELINE ? y - em * 0.88 : vAlign === TA_BOTTOM ? y - em : y;
    const bbox = this.box(left, top, left + width, top + em);
    this.texts.push({ text, bbox, fontSize: bbox.y1 - bbox.y0, record: at });
  }
}
