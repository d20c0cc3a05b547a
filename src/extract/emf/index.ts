import type { Issue, Provenance } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { PositionedText, Ruling } from '../tables/types.js';
import { EmfPlayback, type EmfBitmap } from './playback.js';
import { EmfReader, readHeader, records } from './records.js';

export const EMF_EXTRACTOR = 'emf/budgetdoc@1';
export const MAX_EMF_RECORDS = 500_000;

export interface EmfContent {
  /** Picture frame size in points. */
  width: number;
  height: number;
  texts: PositionedText[];
  /** Axis-aligned ruling lines (table borders). */
  rulings: Ruling[];
  bitmaps: EmfBitmap[];
  issues: Issue[];
}

export interface EmfOrigin {
  sourceId: string;
  page: number;
  /** Package part of the picture, 'word/media/image11.emf'. */
  part?: string;
}

/**
 * Parses an EMF picture the way Word shows an embedded object's preview: the text of every
 * EMR_EXTTEXTOUTW/A record with its box in points (frame top-left origin), the ruling lines,
 * and the bitmaps (a bitmap-only preview goes to OCR). Never throws; problems are issues.
 */
export function parseEmf(bytes: Uint8Array, origin: EmfOrigin): EmfContent {
  const prov = (locator?: string): Provenance => ({
    sourceId: origin.sourceId,
    page: origin.page,
    ...(origin.part ? { part: origin.part } : {}),
    ...(locator ? { locator } : {}),
    method: 'emf-text',
    extractor: EMF_EXTRACTOR,
  });
  const out: EmfContent = { width: 0, height: 0, texts: [], rulings: [], bitmaps: [], issues: [] };
  const reader = new EmfReader(bytes);
  const header = readHeader(reader);
  if (!header) {
    out.issues.push(issue('error', 'emf.corrupt', `${origin.part ?? 'EMF'}: no EMF header`, prov()));
    return out;
  }
  const k = 72 / 2540;
  out.width = (header.frame.right - header.frame.left) * k;
  out.height = (header.frame.bottom - header.frame.top) * k;
  const play = new EmfPlayback(reader, header);
  const it = records(reader, MAX_EMF_RECORDS);
  let step = it.next();
  while (!step.done) {
    play.play(step.value.type, step.value.at, step.value.size);
    step = it.next();
  }
  if (step.value) out.issues.push(issue('warning', 'emf.truncated', `${origin.part ?? 'EMF'}: ${step.value}`, prov()));
  for (const note of play.notes)
    out.issues.push(issue('warning', 'emf.unsupported_record', `${origin.part ?? 'EMF'}: ${note}`, prov()));
  out.texts = play.texts.map((t) => ({
    text: t.text,
    bbox: t.bbox,
    fontSize: t.fontSize,
    prov: { ...prov(`record@${t.record}`), bbox: t.bbox },
  }));
  const flat = 0.5;
  out.rulings = play.lines.filter((l) => Math.abs(l.x0 - l.x1) < flat || Math.abs(l.y0 - l.y1) < flat);
  out.bitmaps = play.bitmaps;
  return out;
}
