import type { ExtractedDocument, Format, SourceRef } from '../model/document.js';
import { failedDocument } from '../model/build.js';
import { IsolatedFailure, runIsolated } from '../util/isolated-pool.js';
import { defaultLimits, type ExtractLimits } from './types.js';

export interface IsolationLimits {
  /**
   * Wall-clock limit for one document; its worker thread is terminated when it passes. Undefined: scaled by the
   * document's pages (documentTimeLimitMs).
   */
  timeoutMs?: number;
  /** Heap limit of each worker thread, MB: a file that needs more is tried again under retryHeapMb. */
  maxHeapMb: number;
  /** The heap limit, MB, of the one retry of a file that ran out of maxHeapMb; one that needs more fails alone. */
  retryHeapMb?: number;
  /** Worker threads at most (documents at once); default the machine's cores. */
  threads?: number;
}

/**
 * 320 MB of heap per thread first, 2 GB for the retry. V8 lets a heap grow towards its limit before it collects:
 * under one limit of 2 GB a 500-page PDF (whose pages and tables are ~130 MB live at the end) took the worker's heap
 * to 534 MB and the process to 940 MB resident (issue 12: under 400 MB per worker). Under 320 MB the same file runs
 * through with the heap collected early; a file that needs more (a very long book, a huge workbook) runs once more
 * under 2 GB, which the largest real document seen (a 33-page budget with OCR) stays well under. Two threads at the
 * larger limit stay inside a 4 GB budget for the process.
 */
export const defaultIsolation: IsolationLimits = { maxHeapMb: 320, retryHeapMb: 2048 };

/** Time a document gets by default: a minute, plus 20 s per page (OCR of a scanned page takes up to ~13 s). */
const BASE_MS = 60_000;
const PER_PAGE_MS = 20_000;
const MAX_MS = 30 * 60_000;

/**
 * The default time limit of a document, scaled by its pages (issue 12: one fixed 30 minutes let a spinning small
 * file hold a worker for half an hour). A PDF's pages are counted from its page objects where they are visible,
 * from its size otherwise (page objects packed in compressed object streams); other formats by size.
 */
export function documentTimeLimitMs(bytes: Uint8Array, format: Format): number {
  let pages = Math.ceil(bytes.length / 200_000);
  if (format === 'pdf') {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const objects = text.match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
    pages = Math.max(objects, Math.ceil(bytes.length / 100_000));
  }
  return Math.min(MAX_MS, BASE_MS + PER_PAGE_MS * Math.max(1, pages));
}

/**
 * Extracts one document in a warm worker thread of the isolated pool, with a time and a heap limit. Parsers of
 * damaged input can spin (a PDF whose content stream was overwritten took pdf.js three minutes in our robustness
 * test) or allocate without bound; here either ends as a `failed` document with a reason ('extract.timeout',
 * 'extract.out_of_memory') while the process and the other threads go on.
 */
export async function extractIsolated(
  bytes: Uint8Array,
  source: SourceRef,
  format: Format,
  limits: ExtractLimits = defaultLimits,
  isolation: IsolationLimits = defaultIsolation,
): Promise<ExtractedDocument> {
  const timeoutMs = isolation.timeoutMs ?? documentTimeLimitMs(bytes, format);
  try {
    return await runIsolated<ExtractedDocument>(
      {
        module: new URL('./registry.js', import.meta.url).href,
        fn: 'extractDocument',
        args: [bytes, source, format, limits],
      },
      timeoutMs,
      isolation,
    );
  } catch (err) {
    return failedIsolation(source, format, err);
  }
}

/**
 * The failed document for an isolated call that did not return: 'extract.timeout' and 'extract.out_of_memory' name
 * the limit it passed (the time and heap are the document's as a whole, recognition included where it ran too).
 */
export function failedIsolation(source: SourceRef, format: Format, err: unknown): ExtractedDocument {
  if (err instanceof IsolatedFailure) {
    const code =
      err.reason === 'timeout'
        ? 'extract.timeout'
        : err.reason === 'out_of_memory'
          ? 'extract.out_of_memory'
          : `${format}.extract_failed`;
    return failedDocument(source, format, code, `extraction ${err.message}`);
  }
  return failedDocument(
    source,
    format,
    `${format}.extract_failed`,
    `${format} extraction failed: ${(err as Error).message}`,
  );
}
