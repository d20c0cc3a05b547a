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
  await fontsResolved(page, list, pdfjs.OPS.setFont);
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

/**
 * Waits for the fonts the list's setFont operators name. pdf.js sends each font before the operators that use it,
 * but makes it available only once its (asynchronous) font loader has taken it, and it resolves every font it sends,
 * a failed one included, so this only waits where the list would otherwise outrun its fonts (none did over the corpus
 * and sample PDFs: 16,616 setFont operators). A font set through an ExtGState is looked up when it is met.
 */
async function fontsResolved(page: PdfPage, list: { fnArray: number[]; argsArray: unknown[] }, setFont: number) {
  const pending = new Set<string>();
  list.fnArray.forEach((fn, i) => {
    const id = (list.argsArray[i] as [string] | undefined)?.[0];
    if (fn === setFont && typeof id === 'string' && !page.commonObjs.has(id)) pending.add(id);
  });
  await Promise.all([...pending].map((id) => new Promise<void>((resolve) => page.commonObjs.get(id, () => resolve()))));
}
