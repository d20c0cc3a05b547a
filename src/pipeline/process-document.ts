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

/**
 * Extract, recognise and validate one document in memory: what `budgetdoc extract` prints. Stores nothing. Both
 * stages run in one call on a warm thread of the isolated pool, under the document's time and heap limits.
 */
export async function processDocument(
  bytes: Uint8Array,
  source: SourceRef,
  limits: ExtractLimits = defaultLimits,
  isolation: IsolationLimits = defaultIsolation,
): Promise<Processed> {
  const format = sniff(bytes, source.fileName);
  const timeoutMs = isolation.timeoutMs ?? documentTimeLimitMs(bytes, format);
  let out: { document: ExtractedDocument; recognised: RecognisedDocument };
  try {
    out = await runIsolated(
      { module: IN_THREAD, fn: 'processInThread', args: [bytes, source, format, limits] },
      timeoutMs,
      isolation,
    );
  } catch (err) {
    // Nothing to recognise in a failed document (src/pipeline/in-thread.ts, whose recognisers stay out of this thread).
    const document = failedIsolation(source, format, err);
    out = { document, recognised: { records: [], checks: [], issues: [], verification: documentVerification([]) } };
  }
  const { document, recognised } = out;
  return {
    document,
    recognised,
    status: documentStatus(document.status, recognised.records, recognised.checks, recognised.issues),
  };
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
