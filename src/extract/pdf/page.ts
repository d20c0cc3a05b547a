import type { BBox, Issue, Page } from '../../model/document.js';
import { issue } from '../../model/build.js';
import type { ExtractContext } from '../types.js';
import { reconstructTables } from '../tables/index.js';
import { attachCaptions, textLines } from '../tables/captions.js';
import type { PlacedTable } from '../tables/merge-pages.js';
import { gridToTable } from '../tables/to-table.js';
import { PDF_EXTRACTOR, type PdfPage } from './load.js';
import { ocrPage, type OcrPageFn } from './ocr-page.js';
import { readPageContent } from './page-content.js';
import type { RenderDocument } from './render-document.js';
import { textState } from './usable.js';

/** Images covering more than this share of the page, with under LABEL_CHARS of text, make a scan. */
const SCAN_COVERAGE = 0.5;
const LABEL_CHARS = 60;

const covers = (a: BBox, b: BBox): boolean => {
  const cx = (b.x0 + b.x1) / 2,
    cy = (b.y0 + b.y1) / 2;
  return cx >= a.x0 && cx <= a.x1 && cy >= a.y0 && cy <= a.y1;
};

export interface PageResult {
  page: Page;
  tables: PlacedTable[];
  issues: Issue[];
  /** Seconds spent rendering and reading the page by OCR, when it was. */
  ocrSeconds?: number;
}

/**
 * One page: text layer (or OCR when the text layer is unusable), rulings, tables with the
 * lines printed around them. Nothing of the page is kept but the result.
 */
export async function processPage(
  page: PdfPage,
  renderer: RenderDocument,
  ctx: ExtractContext,
  ocr: OcrPageFn,
): Promise<PageResult> {
  const n = page.pageNumber;
  const { text, graphics } = await readPageContent(page, ctx.source.id);
  const issues: Issue[] = [];
  let items = text.items;
  let rulings = graphics.rulings;
  let method: 'text-layer' | 'ocr' = 'text-layer';
  let extractor = PDF_EXTRACTOR;
  let ocrSeconds: number | undefined;
  const state = textState(text);
  const where = { sourceId: ctx.source.id, page: n, method, extractor };
  // A page without text and without images is blank (or rules only): nothing to read. A page
  // that is mostly one picture with a few words of text (a scan with a stamped 附件 label or
  // page number) is a scan too.
  const scanWithLabel = state === 'ok' && graphics.imageCoverage > SCAN_COVERAGE && text.totalChars < LABEL_CHARS;
  const needsOcr = state === 'unmapped' || (state === 'no_text' && graphics.images > 0) || scanWithLabel;
  if (state === 'unmapped')
    issues.push(
      issue(
        'warning',
        'pdf.unmapped_text',
        `page ${n}: ${text.badChars} of ${text.totalChars} characters have no Unicode mapping`,
        where,
      ),
    );
  if (needsOcr && !ctx.limits.ocr) {
    issues.push(
      issue('warning', 'pdf.ocr_disabled', `page ${n} has no usable text layer and OCR is switched off`, where),
    );
  } else if (needsOcr) {
    const out = await ocrPage(page, renderer, ctx, ocr);
    issues.push(...out.issues);
    ocrSeconds = out.seconds;
    if (out.items.length) {
      // A label's text-layer runs are exact: they replace the OCR words read from the same spot.
      items = scanWithLabel
        ? [...out.items.filter((w) => !text.items.some((t) => covers(t.bbox, w.bbox))), ...text.items]
        : out.items;
      rulings = [...rulings, ...out.rulings];
      method = 'ocr';
      extractor = out.engine ?? extractor;
    }
  }
  const rec = reconstructTables(items, rulings);
  const attached = attachCaptions(rec.tables, textLines(rec.outside));
  const tables = rec.tables.map(
    (grid, k): PlacedTable => ({
      table: gridToTable(
        grid,
        { id: `p${n}-t${k + 1}`, sourceId: ctx.source.id, page: n, extractor, method },
        attached[k]!.context,
        attached[k]!.after,
      ),
      page: n,
      colEdges: grid.colEdges,
      firstOnPage: k === 0,
      lastOnPage: k === rec.tables.length - 1,
    }),
  );
  const runs = items.map((it) =>
    it.fontSize ? { text: it.text, prov: it.prov, fontSize: it.fontSize } : { text: it.text, prov: it.prov },
  );
  const result: PageResult = { page: { number: n, width: text.width, height: text.height, runs }, tables, issues };
  if (ocrSeconds !== undefined) result.ocrSeconds = ocrSeconds;
  return result;
}
