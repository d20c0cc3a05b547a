import type { Page, TextRun } from '../../model/document.js';
import { compact } from '../values.js';

/**
 * A printed page number as footers and headers print it: '3', '- 3 -', '— 3 —', '第3页', '第 3 页 共 10 页',
 * '3/10'. Up to three digits: a four-digit number is a year ('2024' on a cover), never a page.
 */
export const PAGE_NUMBER =
  /^(?:[-‐‑‒–—―－~]*\d{1,3}[-‐‑‒–—―－~]*|第\d{1,3}页(?:[,，/]?共\d{1,3}页)?|\d{1,3}\/\d{1,3})$/;

/** Top and bottom share of the page where headers and footers sit (Jiangsu prints its numbers at 0.93 of the height). */
const MARGIN_TOP = 0.1;
const MARGIN_BOTTOM = 0.85;

/** Runs that overlap vertically by more than half the lower one's height are on one printed line. */
function lines(runs: TextRun[]): TextRun[][] {
  const out: Array<{ y0: number; y1: number; runs: TextRun[] }> = [];
  for (const r of runs) {
    const b = r.prov.bbox!;
    const line = out.find(
      (l) => Math.min(l.y1, b.y1) - Math.max(l.y0, b.y0) > 0.5 * Math.min(l.y1 - l.y0, b.y1 - b.y0),
    );
    if (line) {
      line.runs.push(r);
      line.y0 = Math.min(line.y0, b.y0);
      line.y1 = Math.max(line.y1, b.y1);
    } else out.push({ y0: b.y0, y1: b.y1, runs: [r] });
  }
  return out.map((l) => l.runs);
}

/**
 * The runs of a page that print its page number: a line of its own that reads as a page number, in
 * the top or bottom margin (or, where the page size is unknown, the page's first or last line).
 * Runs without a position (DOCX, HTML paragraphs) are page numbers when that is all they hold.
 * Such runs sit in the text stream wherever the file drew them (Jiangsu PDFs draw the footer first),
 * so left in they glue '4' onto '17.31%' or '3' onto the next sentence.
 */
export function pageNumberRuns(page: Page): Set<TextRun> {
  const found = new Set<TextRun>();
  const placed = page.runs.filter((r) => r.prov.bbox);
  for (const r of page.runs) if (!r.prov.bbox && PAGE_NUMBER.test(compact(r.text))) found.add(r);
  const all = lines(placed);
  const top = Math.min(...placed.map((r) => r.prov.bbox!.y0));
  const bottom = Math.max(...placed.map((r) => r.prov.bbox!.y1));
  for (const line of all) {
    const text = compact(
      [...line]
        .sort((a, b) => a.prov.bbox!.x0 - b.prov.bbox!.x0)
        .map((r) => r.text)
        .join(''),
    );
    if (!PAGE_NUMBER.test(text)) continue;
    const y0 = Math.min(...line.map((r) => r.prov.bbox!.y0));
    const y1 = Math.max(...line.map((r) => r.prov.bbox!.y1));
    const inMargin = page.height
      ? y0 >= MARGIN_BOTTOM * page.height || y1 <= MARGIN_TOP * page.height
      : y0 <= top || y1 >= bottom;
    if (inMargin) for (const r of line) found.add(r);
  }
  return found;
}
