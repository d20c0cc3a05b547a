import type { Issue, Table } from '../../model/document.js';
import { issue } from '../../model/build.js';
import { reconstructTables } from '../tables/index.js';
import { gridToTable } from '../tables/to-table.js';
import { EMF_EXTRACTOR, parseEmf } from '../emf/index.js';
import { dibToPng } from '../emf/dib.js';
import type { ExtractContext } from '../types.js';
import type { DocxPackage } from './package.js';

export interface ObjectContext {
  pkg: DocxPackage;
  ctx: ExtractContext;
  nextId: () => string;
}

export type PictureKind = 'emf' | 'png' | 'jpeg' | 'wmf' | 'other';

export function pictureKind(b: Uint8Array): PictureKind {
  if (b[0] === 0x01 && b[1] === 0 && b[40] === 0x20 && b[41] === 0x45 && b[42] === 0x4d && b[43] === 0x46) return 'emf';
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpeg';
  if (
    (b[0] === 0xd7 && b[1] === 0xcd && b[2] === 0xc6 && b[3] === 0x9a) ||
    (b[0] === 0x01 && b[1] === 0 && b[2] === 0x09 && b[3] === 0)
  )
    return 'wmf';
  return 'other';
}

/** Pixel width of a PNG (IHDR) or JPEG (first SOF marker), to scale OCR boxes to the displayed size. */
export function imageWidth(b: Uint8Array): number | undefined {
  if (pictureKind(b) === 'png' && b.length > 24)
    return ((b[16]! << 24) | (b[17]! << 16) | (b[18]! << 8) | b[19]!) >>> 0;
  if (pictureKind(b) !== 'jpeg') return undefined;
  let at = 2;
  while (at + 9 < b.length && b[at] === 0xff) {
    const marker = b[at + 1]!;
    const len = (b[at + 2]! << 8) | b[at + 3]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
      return (b[at + 7]! << 8) | b[at + 8]!;
    at += 2 + len;
  }
  return undefined;
}

type Found = { tables: Table[]; issues: Issue[] };

/** Tables drawn as EMF text records, rebuilt from positions like PDF text (issue 4). */
export async function emfTables(bytes: Uint8Array, part: string, oc: ObjectContext): Promise<Found> {
  const content = parseEmf(bytes, { sourceId: oc.ctx.source.id, page: 1, part });
  const issues = [...content.issues];
  if (content.texts.length > 0) {
    const rec = reconstructTables(content.texts, content.rulings);
    const tables = rec.tables.map((g) =>
      gridToTable(g, {
        id: oc.nextId(),
        sourceId: oc.ctx.source.id,
        page: 1,
        extractor: EMF_EXTRACTOR,
        method: 'emf-text',
        part,
      }),
    );
    return { tables, issues };
  }
  // A bitmap-only EMF (a pasted screenshot): the largest bitmap goes to OCR.
  const bitmap = content.bitmaps
    .filter((b) => b.dib && b.width > 0)
    .sort((a, b) => b.width * b.height - a.width * a.height)[0];
  if (!bitmap?.dib) return { tables: [], issues };
  const png = dibToPng(bitmap.dib.info, bitmap.dib.bits);
  if (!png) {
    const prov = { sourceId: oc.ctx.source.id, page: 1, part, method: 'emf-text' as const, extractor: EMF_EXTRACTOR };
    return {
      tables: [],
      issues: [
        ...issues,
        issue('warning', 'docx.emf_bitmap_unreadable', `${part}: its bitmap is compressed or too large to read`, prov),
      ],
    };
  }
  const out = await ocrTables(png, part, (bitmap.bbox.x1 - bitmap.bbox.x0) / bitmap.width || 0.75, oc);
  return { tables: out.tables, issues: [...issues, ...out.issues] };
}

/** OCR of a table picture (respecting ctx.limits.ocr), rebuilt into tables; failures become issues. */
async function ocrTables(image: Uint8Array, part: string, pointsPerPixel: number, oc: ObjectContext): Promise<Found> {
  if (!oc.ctx.limits.ocr) {
    const off = { sourceId: oc.ctx.source.id, page: 1, part, method: 'ocr' as const, extractor: 'ocr' };
    return {
      tables: [],
      issues: [issue('warning', 'docx.picture_not_read', `${part} may show a table; OCR is switched off`, off)],
    };
  }
  // Loaded on first use: a DOCX without pictures never starts tesseract.
  const { ocrTable, OCR_EXTRACTOR } = await import('../ocr/index.js');
  try {
    const { items, rulings } = await ocrTable(image, {
      timeoutMs: oc.ctx.limits.ocrPageTimeoutMs,
      ...(oc.ctx.signal ? { signal: oc.ctx.signal } : {}),
      pointsPerPixel,
      prov: { sourceId: oc.ctx.source.id, page: 1, part },
    });
    const rec = reconstructTables(items, rulings);
    const tables = rec.tables.map((g) =>
      gridToTable(g, {
        id: oc.nextId(),
        sourceId: oc.ctx.source.id,
        page: 1,
        extractor: OCR_EXTRACTOR,
        method: 'ocr',
        part,
      }),
    );
    return { tables, issues: [] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const prov = { sourceId: oc.ctx.source.id, page: 1, part, method: 'ocr' as const, extractor: OCR_EXTRACTOR };
    return { tables: [], issues: [issue('warning', 'docx.ocr_failed', `${part}: OCR failed: ${message}`, prov)] };
  }
}

/**
 * A picture that may show a table: EMF text records are read directly; PNG/JPEG (and the
 * bitmap of a bitmap-only EMF) go to OCR. A picture with no table (a chart, a logo) yields nothing.
 */
export async function pictureTables(
  bytes: Uint8Array,
  part: string,
  widthPt: number | undefined,
  oc: ObjectContext,
): Promise<Found> {
  const kind = pictureKind(bytes);
  if (kind === 'emf') return emfTables(bytes, part, oc);
  if (kind === 'wmf') {
    return {
      tables: [],
      issues: [
        issue('warning', 'docx.wmf_unsupported', `${part} is a WMF picture; not read`, {
          sourceId: oc.ctx.source.id,
          page: 1,
          part,
          method: 'structure',
          extractor: 'docx',
        }),
      ],
    };
  }
  if (kind !== 'png' && kind !== 'jpeg') return { tables: [], issues: [] };
  const px = imageWidth(bytes);
  return ocrTables(bytes, part, widthPt && px ? widthPt / px : 0.75, oc);
}
