import type { BBox } from '../../model/document.js';
import { roundBox } from '../../model/bbox.js';
import type { PositionedText } from '../tables/types.js';
import { PDF_EXTRACTOR, type PdfPage } from './load.js';
import { apply, multiply, type Matrix } from './matrix.js';
import type { TextRun } from './operator-text.js';

/** Boxes of transformed corners; CJK glyphs sit roughly 0.88 em above and 0.12 em below the baseline. */
export function glyphBox(viewport: Matrix, itemMatrix: Matrix, width: number): BBox {
  const m = multiply(viewport, itemMatrix);
  const scale = Math.hypot(itemMatrix[0], itemMatrix[1]) || 1;
  const w = width / scale;
  const pts = [apply(m, 0, -0.12), apply(m, w, -0.12), apply(m, 0, 0.88), apply(m, w, 0.88)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

export interface PageText {
  items: PositionedText[];
  width: number;
  height: number;
  /** Characters that are U+FFFD, private-use or control, and all of a font that yields controls: text with no usable Unicode mapping. */
  badChars: number;
  totalChars: number;
}

const BAD_CHAR = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/gu;
/**
 * A subset font without ToUnicode whose codes are glyph ids (Identity-H): pdf.js can only take code k
 * as U+000k, so its first 31 glyphs come out as controls and the rest as plausible ASCII. No real
 * mapping yields a control character, so one of them condemns every character of that font on the page.
 */
const CONTROL = /[\u0001-\u0008\u000E-\u001F]/u;

interface FontTally {
  chars: number;
  bad: number;
  identityCodes: boolean;
}

function unusableChars(fonts: Iterable<FontTally>): number {
  let n = 0;
  for (const f of fonts) n += f.identityCodes ? f.chars : f.bad;
  return n;
}

/**
 * The page's text runs in top-left PDF points, converted once here (issue 3) so that every
 * later stage works in one coordinate system.
 */
export function pageText(page: PdfPage, runs: readonly TextRun[], sourceId: string): PageText {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  const items: PositionedText[] = [];
  const fonts = new Map<string, FontTally>();
  let totalChars = 0;
  for (const raw of runs) {
    if (raw.str.trim() === '') continue;
    const text = raw.str;
    totalChars += text.length;
    const font = fonts.get(raw.fontName) ?? { chars: 0, bad: 0, identityCodes: false };
    font.chars += text.length;
    font.bad += text.match(BAD_CHAR)?.length ?? 0;
    font.identityCodes ||= CONTROL.test(text);
    fonts.set(raw.fontName, font);
    const m = raw.transform;
    const bbox = glyphBox(vt, m, raw.width);
    const fontSize = Math.hypot(m[2], m[3]);
    items.push({
      text,
      bbox,
      fontSize,
      prov: { sourceId, page: page.pageNumber, bbox: roundBox(bbox), method: 'text-layer', extractor: PDF_EXTRACTOR },
    });
  }
  return { items, width: viewport.width, height: viewport.height, badChars: unusableChars(fonts.values()), totalChars };
}
