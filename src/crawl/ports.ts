import type { Discovery } from '../model/document.js';

/**
 * What the crawler remembers per URL between runs (issue 6, Incremental): validators for a
 * conditional GET, the sha256 of the last bytes, and the version chain.
 */
export interface FetchState {
  url: string;
  etag?: string;
  lastModified?: string;
  sha256: string;
  /** As served; an HTML page is fetched unconditionally, since its links are needed even when unchanged. */
  contentType?: string;
  /** 1 for the first version seen at this URL. */
  version: number;
  /** sha256 of the version this one replaced. */
  previousSha256?: string;
  fetchedAt: string;
}

export interface FetchStateStore {
  getFetchState(url: string): Promise<FetchState | undefined>;
  putFetchState(state: FetchState): Promise<void>;
}

/** One document found and fetched by the crawler, handed to the pipeline. */
export interface CrawledDocument {
  url: string;
  bytes: Uint8Array;
  sha256: string;
  fetchedAt: string;
  contentType?: string;
  /** The attachment's real name: Content-Disposition, link text, or the URL's last segment. */
  fileName?: string;
  discoveredFrom: Discovery;
  /** sha256 of the version at this URL that this one replaces (a changed document). */
  previousSha256?: string;
  /** For a ZIP member: the archive's sha256. */
  parentSha256?: string;
}

export interface IngestOutcome {
  status: 'ok' | 'partial' | 'failed';
  /** Records stored, by table type ('final.summary': 1, 'unknown': 2). */
  recordsByType: Record<string, number>;
  reason?: string;
  /** Extraction was queued and not awaited (a fetch worker): records are known once the pipeline ends. */
  pending?: boolean;
}

/** What a container (a ZIP attachment) turned out to hold, or why it could not be opened. */
export type ContainerContents =
  | { members: Array<{ name: string; sha256: string }> }
  | { error: { code: string; message: string } };

/** The pipeline as the crawler sees it: store the blob, extract, recognise, validate, store. */
export interface DocumentSink {
  ingest(doc: CrawledDocument): Promise<IngestOutcome>;
  /**
   * Stores a container's own bytes as a document that is not extracted (its members are, each
   * with the container as parent), so the archive as published is never lost.
   */
  storeContainer(doc: CrawledDocument, contents: ContainerContents): Promise<void>;
}

/** In-memory state for tests and one-shot crawls without a database. */
export class MemoryFetchStateStore implements FetchStateStore {
  readonly states = new Map<string, FetchState>();
  async getFetchState(url: string): Promise<FetchState | undefined> {
    return this.states.get(url);
  }
  async putFetchState(state: FetchState): Promise<void> {
    this.states.set(state.url, state);
  }
}
