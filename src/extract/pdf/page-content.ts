import { loadPdfJs, type OperatorList, type PdfPage } from './load.js';
import { textFromOperators, type RunFont, type TextOps, type TextRun } from './operator-text.js';
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
  const runs = await operatorRuns(page, list);
  return { text: pageText(page, runs, sourceId), graphics: pageGraphics(pdfjs, page, list) };
}

/** The text runs of the page's operator list, with the fonts pdf.js sent for it. */
export async function operatorRuns(page: PdfPage, list: OperatorList): Promise<TextRun[]> {
  const pdfjs = await loadPdfJs();
  await fontsResolved(page, list, pdfjs.OPS.setFont);
  return textFromOperators({
    list,
    ops: pdfjs.OPS as unknown as TextOps,
    font: (id) => (page.commonObjs.has(id) ? ((page.commonObjs.get(id) as RunFont | null) ?? undefined) : undefined),
    view: page.view,
    normalize: pdfjs.normalizeUnicode,
  });
}
/**
 * Waits for the fonts the list's setFont operators name. pdf.js sends each font before the operators that use it,
 * but makes it available only once its (asynchronous) font loader has taken it, and it resolves every font it sends,
 * a failed one included, so this only waits where the list would otherwise outrun its fonts (none did over the corpus
 * and sample PDFs: 16,616 setFont operators). A font set through an ExtGState is looked up when it is met.
 */
async function fontsResolved(page: PdfPage, list: OperatorList, setFont: number): Promise<void> {
  const pending = new Set<string>();
  for (let i = 0; i < list.fnArray.length; i++) {
    const id = (list.argsArray[i] as [string] | undefined)?.[0];
    if (list.fnArray[i] === setFont && typeof id === 'string' && !page.commonObjs.has(id)) pending.add(id);
  }
  await Promise.all([...pending].map((id) => new Promise<void>((resolve) => page.commonObjs.get(id, () => resolve()))));
}
