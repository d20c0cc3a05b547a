import { issue } from '../model/build.js';
import type { QueueBackend } from '../pipeline/in-process.js';
import { registerFile, type IncomingFile } from '../pipeline/register-file.js';
import type { BlobStore, RecordStore } from '../store/ports.js';
import type { ContainerContents, CrawledDocument, DocumentSink, IngestOutcome } from './ports.js';

export interface PipelineSinkOptions {
  runId: string;
  /**
   * Wait for extract -> recognise -> store before returning (the embedded crawl, whose report
   * counts records); a fetch worker only enqueues and lets the stage workers run.
   */
  wait: boolean;
}

type Stores = { blobs: BlobStore; records: RecordStore };

/** The file as the pipeline registers it: URL, discovery provenance and, for a ZIP member, its archive. */
function incoming(doc: CrawledDocument): IncomingFile {
  return {
    bytes: doc.bytes,
    url: doc.url,
    fetchedAt: doc.fetchedAt,
    discoveredFrom: doc.discoveredFrom,
    ...(doc.fileName ? { fileName: doc.fileName } : {}),
    ...(doc.contentType ? { contentType: doc.contentType } : {}),
    ...(doc.parentSha256 ? { parentId: doc.parentSha256 } : {}),
  };
}

/**
 * Crawled documents into the lead's pipeline: bytes stored by sha256, the source registered
 * with its URL and discovery provenance, and an extract job when the bytes are new. Bytes
 * already stored (the same file linked from two articles) are not extracted again and add no
 * records: the document gains a URL, nothing is duplicated.
 */
export function pipelineSink(stores: Stores, queue: QueueBackend, opts: PipelineSinkOptions): DocumentSink {
  // One document at a time: two URLs serving the same bytes must not both see it pending and
  // extract it twice, and the in-process queue drains one caller at a time.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = tail.then(fn);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    ingest: (doc) => serial(() => ingestOne(doc)),
    storeContainer: (doc, contents) => serial(() => storeContainer(stores, doc, contents)),
  };

  async function ingestOne(doc: CrawledDocument): Promise<IngestOutcome> {
    const reg = await registerFile(incoming(doc), stores);
    if (!reg.needsProcessing) return { status: 'ok', recordsByType: {} };
    await queue.enqueue({ stage: 'extract', data: { sourceId: reg.source.id, runId: opts.runId } });
    if (!opts.wait) return { status: 'ok', recordsByType: {}, pending: true };
    const failures = await queue.drain();
    const stored = await stores.records.getDocument(reg.source.id);
    const summary = await stores.records.summary([reg.source.id]);
    const failed = stored?.status === 'failed';
    const reason = failed
      ? (stored.issues.find((i) => i.severity === 'error')?.message ?? failures[0]?.message)
      : undefined;
    return {
      status: failed ? 'failed' : stored?.status === 'partial' ? 'partial' : 'ok',
      recordsByType: summary.tablesByType,
      ...(reason ? { reason } : {}),
    };
  }
}

/**
 * The archive itself is kept (bytes and source with its crawl provenance) but not extracted:
 * `ok` with a zip.container issue naming its members, or `failed` with the reason it could
 * not be opened (zip.corrupt, zip.too_large). Known archives are left as they are.
 */
async function storeContainer(stores: Stores, doc: CrawledDocument, contents: ContainerContents): Promise<void> {
  const reg = await registerFile(incoming(doc), stores);
  if (!reg.needsProcessing) return;
  if ('error' in contents) {
    await stores.records.saveRecords(reg.source.id, [], [], 'failed', [
      issue('error', contents.error.code, contents.error.message),
    ]);
    return;
  }
  const names = contents.members.map((m) => `${m.name} (${m.sha256.slice(0, 12)})`).join(', ');
  const message = `ZIP archive: its ${contents.members.length} member document(s) are stored on their own with parentId ${reg.source.id}${names ? `: ${names}` : ''}`;
  await stores.records.saveRecords(reg.source.id, [], [], 'ok', [issue('warning', 'zip.container', message)]);
}
