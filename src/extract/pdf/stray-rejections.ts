/**
 * Rejections pdf.js leaves unhandled. pdf.js 5.6 reads page dictionaries ahead (Catalog.getPageDict puts
 * xref.fetchAsync promises in its pageDictCache) and never awaits the ones it does not need; in a file whose xref is
 * damaged those promises reject with nobody listening. In the extraction's worker thread that is an uncaught
 * exception: the document failed with Node's generic "a promise which was not handled" text instead of its cause
 * (issue 16, five damaged PDFs of the hostile corpus). Only pdf.js's own exceptions are taken here; any other
 * unhandled rejection is thrown on, as Node would.
 */
const PDFJS_EXCEPTIONS =
  /^(XRefEntryException|XRefParseException|FormatError|InvalidPDFException|UnknownErrorException|MissingDataException|ParserEOFException)$/;

let installed = false;
let collecting: string[] | undefined;

function fromPdfJs(reason: unknown): reason is Error {
  const e = reason as { name?: unknown; stack?: unknown } | null;
  return typeof e?.name === 'string' && PDFJS_EXCEPTIONS.test(e.name) && String(e.stack ?? '').includes('pdfjs-dist');
}

function onUnhandled(reason: unknown): void {
  if (!fromPdfJs(reason)) throw reason;
  collecting?.push(`${reason.name}: ${reason.message}`);
}

/** Collects pdf.js's stray rejections until `done()`; what it saw goes into the document's issues. */
export function collectStrayRejections(): { messages: string[]; done(): void } {
  if (!installed) {
    process.on('unhandledRejection', onUnhandled);
    installed = true;
  }
  const messages: string[] = [];
  collecting = messages;
  return {
    messages,
    done: () => {
      if (collecting === messages) collecting = undefined;
    },
  };
}
