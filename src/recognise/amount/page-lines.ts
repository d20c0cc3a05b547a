import type { BBox, ExtractedDocument, Table } from '../../model/document.js';
import { readingOrder, textLines } from '../../extract/tables/captions.js';
import type { PositionedText } from '../../extract/tables/types.js';

/**
 * The printed lines of a page outside its tables, for a title the extractor did not attach to its table
 * (issue 11): one printed far above the 部门： / 单位： lines, or at the foot of the previous page when the
 * table starts at the top of the next (docs/domain.md §2, tables across pages). Only positioned text (PDF
 * text layer, OCR) has lines; other formats give none.
 */
export interface PageLine {
  text: string;
  bbox: BBox;
}

/** Page numbers and running footers (`- 5 -`, `第 3 页`, `3/20`). */
const PAGE_MARK = /^[-—－\s]*(第\s*)?\d+\s*(页)?[-—－\s]*$|^\d+\s*\/\s*\d+$/;

const centreIn = (b: BBox, box: BBox) => {
  const cx = (b.x0 + b.x1) / 2,
    cy = (b.y0 + b.y1) / 2;
  return cx >= box.x0 - 1 && cx <= box.x1 + 1 && cy >= box.y0 - 1 && cy <= box.y1 + 1;
};

/** The box each table covers on a page, from its cells (a table joined across pages covers several). */
export function tableBoxes(doc: ExtractedDocument, page: number): Array<{ table: Table; box: BBox }> {
  const out: Array<{ table: Table; box: BBox }> = [];
  for (const table of doc.tables) {
    let box: BBox | undefined;
    for (const c of table.cells) {
      const b = c.prov.bbox;
      if (c.prov.page !== page || !b) continue;
      box = box
        ? {
            x0: Math.min(box.x0, b.x0),
            y0: Math.min(box.y0, b.y0),
            x1: Math.max(box.x1, b.x1),
            y1: Math.max(box.y1, b.y1),
          }
        : { ...b };
    }
    if (!box && table.prov.page === page && table.prov.bbox) box = table.prov.bbox;
    if (box) out.push({ table, box });
  }
  return out;
}

const cache = new WeakMap<object, Map<number, PageLine[]>>();

/** Lines of one page outside every table, in reading order; [] where the runs carry no boxes. */
export function pageLines(doc: ExtractedDocument, page: number): PageLine[] {
  const key = doc.pages;
  let perDoc = cache.get(key);
  if (!perDoc) cache.set(key, (perDoc = new Map()));
  const hit = perDoc.get(page);
  if (hit) return hit;
  const runs = doc.pages.find((p) => p.number === page)?.runs ?? [];
  const boxes = tableBoxes(doc, page).map((t) => t.box);
  const items: PositionedText[] = [];
  for (const r of runs) {
    const b = r.prov.bbox;
    if (!b || r.text.trim() === '' || boxes.some((box) => centreIn(b, box))) continue;
    items.push(
      r.fontSize
        ? { text: r.text, bbox: b, fontSize: r.fontSize, prov: r.prov }
        : { text: r.text, bbox: b, prov: r.prov },
    );
  }
  const lines = readingOrder(textLines(items))
    .filter((l) => !PAGE_MARK.test(l.text.trim()))
    .map((l) => ({ text: l.text, bbox: l.bbox }));
  perDoc.set(page, lines);
  return lines;
}

/** Where a table starts: its page and the top of its box there; undefined without positions. */
function topOf(doc: ExtractedDocument, table: Table): { page: number; top: number } | undefined {
  const page = table.prov.page;
  const own = tableBoxes(doc, page).find((t) => t.table === table);
  const box = own?.box ?? table.prov.bbox;
  return box ? { page, top: box.y0 } : undefined;
}

/**
 * The lines printed above a table on its page, up to the table above it (nearest last), and whether no
 * table stands above it there: a table that starts a page may have its title at the foot of the page before.
 */
export function linesAbove(doc: ExtractedDocument, table: Table): { lines: string[]; firstOnPage: boolean } {
  const at = topOf(doc, table);
  if (!at) return { lines: [], firstOnPage: false };
  const above = tableBoxes(doc, at.page).filter((t) => t.table !== table && t.box.y1 <= at.top + 2);
  const floor = Math.max(-Infinity, ...above.map((t) => t.box.y1));
  const lines = pageLines(doc, at.page).filter((l) => l.bbox.y1 <= at.top + 2 && l.bbox.y0 >= floor - 2);
  return { lines: lines.map((l) => l.text), firstOnPage: above.length === 0 };
}

/** The lines at the foot of the page before a table's page, below that page's last table (nearest last). */
export function previousPageTail(doc: ExtractedDocument, table: Table, max = 8): string[] {
  const page = table.prov.page - 1;
  if (page < 1) return [];
  const floor = Math.max(-Infinity, ...tableBoxes(doc, page).map((t) => t.box.y1));
  return pageLines(doc, page)
    .filter((l) => l.bbox.y0 >= floor - 2)
    .slice(-max)
    .map((l) => l.text);
}
