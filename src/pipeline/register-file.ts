import type { Discovery, SourceRef } from '../model/document.js';
import { mediaTypeOf, sniff } from '../extract/sniff.js';
import type { BlobStore, RecordStore } from '../store/ports.js';
import { sha256 } from '../store/blob-stores.js';

export interface IncomingFile {
  bytes: Uint8Array;
  url: string;
  fileName?: string;
  contentType?: string;
  discoveredFrom?: Discovery;
  fetchedAt?: string;
  /** sha256 of the container this file was unpacked from (a ZIP attachment). */
  parentId?: string;
}

export interface Registered {
  source: SourceRef;
  /** First time these bytes were seen. */
  created: boolean;
  /** Whether extraction should run: new bytes, an unfinished earlier run, or forced. */
  needsProcessing: boolean;
}

/** Stores the bytes by sha256 and registers the source; extraction is skipped for known, finished documents. */
export async function registerFile(
  file: IncomingFile,
  stores: { blobs: BlobStore; records: RecordStore },
  force = false,
): Promise<Registered> {
  const id = sha256(file.bytes);
  const format = sniff(file.bytes, file.fileName);
  const source: SourceRef = {
    id,
    url: file.url,
    fetchedAt: file.fetchedAt ?? new Date().toISOString(),
    mediaType: mediaTypeOf(format),
    size: file.bytes.length,
    ...(file.fileName ? { fileName: file.fileName } : {}),
    ...(file.contentType ? { contentType: file.contentType } : {}),
    ...(file.discoveredFrom ? { discoveredFrom: file.discoveredFrom } : {}),
    ...(file.parentId ? { parentId: file.parentId } : {}),
  };
  await stores.blobs.put(file.bytes);
  const { created } = await stores.records.upsertSource(source, format);
  const existing = created ? undefined : await stores.records.getDocument(id);
  return {
    source: existing?.source ?? source,
    created,
    needsProcessing: created || force || (existing !== undefined && isRetryable(existing)),
  };
}

/**
 * Known documents are processed again only when their last run did not finish (pending) or
 * failed for want of an extractor this build now has or a converter installed since
 * (extract.unsupported), never for a corrupt or hostile file, which would fail the same way.
 */
function isRetryable(doc: { status: string; issues: Array<{ code: string }> }): boolean {
  if (doc.status === 'pending') return true;
  return doc.status === 'failed' && doc.issues.some((i) => i.code === 'extract.unsupported');
}
