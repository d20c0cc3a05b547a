import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtractedDocument, SourceRef } from '../model/document.js';
import { defaultIsolation, extractIsolated, type IsolationLimits } from '../extract/isolate.js';
import { mediaTypeOf, sniff } from '../extract/sniff.js';
import { defaultLimits, type ExtractLimits } from '../extract/types.js';
import { recogniseDocument, type RecognisedDocument } from '../recognise/registry.js';
import { sha256 } from '../store/blob-stores.js';
import { documentStatus } from './handlers.js';
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

/** Extract, recognise and validate one document in memory: what `budgetdoc extract` prints. Stores nothing. */
export async function processDocument(
  bytes: Uint8Array,
  source: SourceRef,
  limits: ExtractLimits = defaultLimits,
  isolation: IsolationLimits = defaultIsolation,
): Promise<Processed> {
  const document = await extractIsolated(bytes, source, sniff(bytes, source.fileName), limits, isolation);
  const recognised: RecognisedDocument =
    document.status === 'failed'
      ? { records: [], checks: [], issues: [], verification: documentVerification([]) }
      : recogniseDocument(document);
  return {
    document,
    recognised,
    status: documentStatus(document.status, recognised.records, recognised.checks, recognised.issues),
  };
}
