import { adHocConfig, type Politeness } from '../../../src/crawl/site-config.js';
import type { ContainerContents, CrawledDocument, DocumentSink, IngestOutcome } from '../../../src/crawl/ports.js';

/** Politeness tuned for the fixture site: fast, but every limit still in force. */
export const FAST: Partial<Politeness> = {
  requests: 20,
  perSeconds: 1,
  timeoutMs: 400,
  attempts: 3,
  backoffMs: 50,
  maxRetryAfterMs: 3_000,
  concurrency: 2,
};

export function fixtureConfig(origin: string, politeness: Partial<Politeness> = FAST) {
  // The fixture listens on 127.0.0.1, which the crawler refuses unless the host is allowed explicitly (issue 16).
  return adHocConfig({
    startUrl: `${origin}/`,
    allowHosts: [new URL(origin).host],
    politeness,
    depth: 4,
    maxPages: 50,
  });
}

/** A sink that keeps what it was given and claims one 'unknown' record per document. */
export class RecordingSink implements DocumentSink {
  readonly docs: CrawledDocument[] = [];
  readonly containers: Array<{ doc: CrawledDocument; contents: ContainerContents }> = [];
  async ingest(doc: CrawledDocument): Promise<IngestOutcome> {
    this.docs.push(doc);
    return { status: 'ok', recordsByType: { unknown: 1 } };
  }
  async storeContainer(doc: CrawledDocument, contents: ContainerContents): Promise<void> {
    this.containers.push({ doc, contents });
  }
}
