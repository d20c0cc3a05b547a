import { loadPdfJs, type PdfPage } from './load.js';
import { textFromOperators, type RunFont, type TextOps } from './operator-text.js';
import { type PageGraphics, pageGraphics } from './rulings.js';
import { type PageText, pageText } from './text-items.js';

export interface PageContent {
  text: PageText;
  graphics: PageGraphics;
}

/**
 * A page's text layer and graphics from one operator list: pdf.js parses the content streams once, where
 * getTextContent beside getOperatorList parsed them twice (issue 12; src/extract/pdf/operator-text.ts says how the
 * text is read from the operators).
 */
export async function readPageContent(page: PdfPage, sourceId: string): Promise<PageContent> {
  const pdfjs = await loadPdfJs();
  const list = await page.getOperatorList();
  // The fonts of the list's setFont operators arrive before the list does (pdf.js sends each as it loads it).
  const font = (id: string): RunFont | undefined =>
    page.commonObjs.has(id) ? ((page.commonObjs.get(id) as RunFont | null) ?? undefined) : undefined;
  const runs = textFromOperators({
    fnArray: list.fnArray,
    argsArray: list.argsArray,
    ops: pdfjs.OPS as unknown as TextOps,
    font,
    view: page.view,
    normalize: pdfjs.normalizeUnicode,
  });
  return { text: pageText(page, runs, sourceId), graphics: pageGraphics(pdfjs, page, list) };
}
