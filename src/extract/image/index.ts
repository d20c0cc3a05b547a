import type { ExtractedDocument, Issue, Provenance } from '../../model/document.js';
import { failedDocument, issue, newDocument, statusFrom } from '../../model/build.js';
import { errorCode } from '../../model/errors.js';
import type { ExtractContext, Extractor } from '../types.js';
import { reconstructTables } from '../tables/index.js';
import { attachCaptions, textLines } from '../tables/captions.js';
import { gridToTable } from '../tables/to-table.js';
import { readImageHeader } from './header.js';
import { MAX_IMAGE_PIXELS } from '../ocr/limits.js';

/** Larger pictures are refused before decoding: 100 MP is a 10 000 px square, no table needs it. */
export const MAX_PIXELS = MAX_IMAGE_PIXELS;
/** A screenshot states no resolution; screens are taken as 96 dpi. */
const SCREEN_DPI = 96;
/** Below this mean word confidence the reading is flagged for review. */
const LOW_CONFIDENCE = 0.6;

/**
 * A standalone PNG/JPEG (a picture of a table, issue 4): OCR, then the same table
 * reconstruction as PDF pages, from the words and the ruling lines found in the pixels.
 * Coordinates are points at the picture's stated dpi (96 when it states none).
 */
export async function extractImage(bytes: Uint8Array, ctx: ExtractContext): Promise<ExtractedDocument> {
  const head = readImageHeader(bytes);
  const format = head?.format ?? (bytes[0] === 0xff ? 'jpeg' : 'png');
  if (!head || head.width === 0 || head.height === 0) {
    return failedDocument(ctx.source, format, 'image.corrupt', 'not a readable PNG or JPEG header');
  }
  if (head.width * head.height > MAX_PIXELS) {
    const mp = Math.round((head.width * head.height) / 1e6);
    return failedDocument(
      ctx.source,
      format,
      'image.too_large',
      `${head.width}×${head.height} px (${mp} MP) is over the ${MAX_PIXELS / 1e6} MP limit`,
    );
  }
  const { OCR_EXTRACTOR, TESSERACT_VERSION, ocrTable } = await import('../ocr/index.js');
  const doc = newDocument(ctx.source, format, { 'tesseract.js': TESSERACT_VERSION });
  const where: Provenance = { sourceId: ctx.source.id, page: 1, method: 'ocr', extractor: OCR_EXTRACTOR };
  const k = 72 / (head.dpi ?? SCREEN_DPI);
  doc.pages.push({ number: 1, width: head.width * k, height: head.height * k, runs: [] });
  if (!ctx.limits.ocr) {
    doc.issues.push(
      issue('warning', 'image.ocr_disabled', 'the picture can only be read by OCR, which is switched off', where),
    );
    doc.status = statusFrom(doc);
    return doc;
  }
  let read: Awaited<ReturnType<typeof ocrTable>>;
  try {
    read = await ocrTable(bytes, {
      timeoutMs: ctx.limits.ocrPageTimeoutMs,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      pointsPerPixel: k,
      prov: { sourceId: ctx.source.id, page: 1 },
    });
  } catch (err) {
    const code = errorCode(err) === 'internal.error' ? 'image.ocr_failed' : errorCode(err);
    return {
      ...failedDocument(ctx.source, format, code, `OCR failed: ${(err as Error).message}`),
      versions: doc.versions,
    };
  }
  const rec = reconstructTables(read.items, read.rulings);
  const attached = attachCaptions(rec.tables, textLines(rec.outside));
  doc.tables = rec.tables.map((grid, i) =>
    gridToTable(
      grid,
      { id: `p1-t${i + 1}`, sourceId: ctx.source.id, page: 1, extractor: OCR_EXTRACTOR, method: 'ocr' },
      attached[i]!.context,
      attached[i]!.after,
    ),
  );
  doc.pages[0]!.runs = read.items.map((it) => ({
    text: it.text,
    prov: it.prov,
    ...(it.fontSize ? { fontSize: it.fontSize } : {}),
  }));
  const turn = read.result.layout?.quarterTurn ?? 0;
  if (turn) {
    // Boxes refer to the upright (turned) picture, so the page takes its size.
    doc.pages[0]!.width = read.result.width * k;
    doc.pages[0]!.height = read.result.height * k;
    doc.issues.push(
      issue(
        'warning',
        'image.sideways',
        `the picture was read after a ${turn}° turn; boxes refer to the turned picture`,
        where,
      ),
    );
  }
  doc.issues.push(...confidenceIssues(read.result.confidence, where));
  if (read.items.length === 0)
    doc.issues.push(issue('warning', 'image.no_text', 'OCR found no text in the picture', where));
  doc.status = statusFrom(doc);
  return doc;
}

function confidenceIssues(confidence: number, where: Provenance): Issue[] {
  if (confidence >= LOW_CONFIDENCE) return [];
  return [
    issue('warning', 'ocr.low_confidence', `mean OCR confidence ${Math.round(confidence * 100)}%: check the figures`, {
      ...where,
      confidence,
    }),
  ];
}

export const imageExtractor: Extractor = {
  formats: ['png', 'jpeg'],
  extract: extractImage,
};
