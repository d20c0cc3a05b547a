import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractedDocument, SourceRef } from '../model/document.js';
import { defaultIsolation, documentTimeLimitMs, failedIsolation, type IsolationLimits } from '../extract/isolate.js';
import { mediaTypeOf, sniff } from '../extract/sniff.js';
import { defaultLimits, type ExtractLimits } from '../extract/types.js';
import type { RecognisedDocument } from '../recognise/registry.js';
import { sha256 } from '../store/blob-stores.js';
import { runIsolated } from '../util/isolated-pool.js';
import { documentStatus } from './document-status.js';
import { documentVerification } from '../validate/verification.js';
import { printDocument, type JsonStyle, type PrintedDocument } from './printed.js';

export interface Processed {
  document: ExtractedDocument;
  recognised: RecognisedDocument;
  status: ExtractedDocument['status'];
}

/** A local file's SourceRef: sha256 of the bytes, a file: URL, the sniffed media type. */
export function localSource(bytes: Uint8Array, path: string): SourceRef {
  return {
    id: sha256(bytes),
    url: pathToFileURL(path).href,
    fetchedAt: new Date().toISOString(),
    mediaType: mediaTypeOf(sniff(bytes, path)),
    fileName: basename(path),
    size: bytes.length,
  };
}

const IN_THREAD = new URL('./in-thread.js', import.meta.url).href;

const emptyRecognition = (): RecognisedDocument => ({
  records: [],
  checks: [],
  issues: [],
  verification: documentVerification([]),
});

/**
 * One document through `fn` of src/pipeline/in-thread.ts on a warm thread of the isolated pool, under the document's
 * time and heap limits; a document that passed them (or whose thread failed) comes back from `failed` instead.
 */
async function inThread<T>(
  fn: 'processInThread' | 'printInThread',
  bytes: Uint8Array,
  source: SourceRef,
  extra: unknown[],
  limits: ExtractLimits,
  isolation: IsolationLimits,
  failed: (document: ExtractedDocument) => T,
): Promise<T> {
  const format = sniff(bytes, source.fileName);
  const timeoutMs = isolation.timeoutMs ?? documentTimeLimitMs(bytes, format);
  try {
    return await runIsolated(
      { module: IN_THREAD, fn, args: [bytes, source, format, limits, ...extra] },
      timeoutMs,
      isolation,
    );
  } catch (err) {
    // Nothing to recognise in a failed document (in-thread.ts, whose recognisers stay out of this thread).
    return failed(failedIsolation(source, format, err));
  }
}

/**
 * Extract, recognise and validate one document in memory. Stores nothing. Both stages run in one call on a warm
 * thread of the isolated pool, under the document's time and heap limits.
 */
export async function processDocument(
  bytes: Uint8Array,
  source: SourceRef,
  limits: ExtractLimits = defaultLimits,
  isolation: IsolationLimits = defaultIsolation,
): Promise<Processed> {
  const { document, recognised } = await inThread<{ document: ExtractedDocument; recognised: RecognisedDocument }>(
    'processInThread',
    bytes,
    source,
    [],
    limits,
    isolation,
    (document) => ({ document, recognised: emptyRecognition() }),
  );
  return {
    document,
    recognised,
    status: documentStatus(document.status, recognised.records, recognised.checks, recognised.issues),
  };
}

/**
 * processDocument as `budgetdoc extract` prints it: processed and serialised in the thread (src/pipeline/printed.ts),
 * so the document model is never rebuilt here. A document that passed its limits is printed here, as failed.
 */
export function printDocumentIsolated(
  bytes: Uint8Array,
  source: SourceRef,
  print: { raw: boolean; style: JsonStyle },
  limits: ExtractLimits = defaultLimits,
  isolation: IsolationLimits = defaultIsolation,
): Promise<PrintedDocument> {
  return inThread('printInThread', bytes, source, [print.raw, print.style], limits, isolation, (document) =>
    printDocument({ document, recognised: emptyRecognition(), status: 'failed' }, print.raw, print.style),
  );
}

/**
 * Recognition of a stored extraction on a thread of the isolated pool (the queue's recognise stage). A recognition
 * that passes its limits rejects with an IsolatedFailure; the caller records the document failed with that cause.
 */
export async function recogniseIsolated(
  doc: ExtractedDocument,
  isolation: IsolationLimits = defaultIsolation,
): Promise<RecognisedDocument> {
  const timeoutMs = isolation.timeoutMs ?? Math.max(60_000, 5_000 * doc.pages.length);
  return runIsolated({ module: IN_THREAD, fn: 'recogniseInThread', args: [doc] }, timeoutMs, isolation);
}
