import type { QueueBackend } from '../pipeline/in-process.js';
import { registerFile } from '../pipeline/register-file.js';
import type { BlobStore, RecordStore } from '../store/ports.js';
import type { CrawledDocument, DocumentSink, IngestOutcome } from './ports.js';

export interface PipelineSinkOptions {
  runId: string;
  /**
   * Wait for extract -> recognise -> store before returning (the embedded crawl, whose report
   * counts records); a fetch worker only enqueues and lets the stage workers run.
   */
  wait: boolean;
}

/**
 * Crawled documents into the lead's pipeline: bytes stored by sha256, the source registered
 * with its URL and discovery provenance, and an extract job when the bytes are new. Bytes
 * already stored (the same file linked from two articles) are not extracted again and add no
 * records: the document gains a URL, nothing is duplicated.
 */
export function pipelineSink(stores: { blobs: BlobStore; records: RecordStore }, queue: QueueBackend, opts: PipelineSinkOptions): DocumentSink {
  // One document at a time: two URLs serving the same bytes must not both see it pending and
  // extract it twice, and the in-process queue drains one caller at a time.
  let tail: Promise<unknown> = Promise.resolve();
  return {
    ingest(doc: CrawledDocument): Promise<IngestOutcome> {
      const run = tail.then(() => ingestOne(doc));
      tail = run.catch(() => undefined);
      return run;
    },
  };

  async function ingestOne(doc: CrawledDocument): Promise<IngestOutcome> {
    const reg = await registerFile(
      {
        bytes: doc.bytes,
        url: doc.url,
        fetchedAt: doc.fetchedAt,
        discoveredFrom: doc.discoveredFrom,
        ...(doc.fileName ? { fileName: doc.fileName } : {}),
        ...(doc.contentType ? { contentType: doc.contentType } : {}),
      },
      stores,
    );
    if (!reg.needsProcessing) return { status: 'ok', recordsByType: {} };
    await queue.enqueue({ stage: 'extract', data: { sourceId: reg.source.id, runId: opts.runId } });
    if (!opts.wait) return { status: 'ok', recordsByType: {} };
    const failures = await queue.drain();
    const stored = await stores.records.getDocument(reg.source.id);
    const summary = await stores.records.summary([reg.source.id]);
    const failed = stored?.status === 'failed';
    const reason = failed ? (stored.issues.find((i) => i.severity === 'error')?.message ?? failures[0]?.message) : undefined;
    return { status: failed ? 'failed' : stored?.status === 'partial' ? 'partial' : 'ok', recordsByType: summary.tablesByType, ...(reason ? { reason } : {}) };
  }
}
