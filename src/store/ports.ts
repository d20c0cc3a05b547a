import type { Issue, DocumentStatus, ExtractedDocument, SourceRef } from '../model/document.js';
import type { Check, Verification } from '../../schemas/common.js';
import type { RecognisedRecord } from '../recognise/types.js';

/** Raw files by sha256, readable by every worker (a local directory embedded, PostgreSQL distributed). */
export interface BlobStore {
  /** Stores bytes under their sha256 and returns it; storing the same bytes again is a no-op. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Uint8Array | undefined>;
  has(sha256: string): Promise<boolean>;
}

/**
 * Where a pending document is in the pipeline (issue 16): set as each stage starts and ends, so that what a killed
 * worker or a restarted Redis lost can be found in the store and enqueued again.
 */
export type PipelineStage = 'queued' | 'extracting' | 'extracted' | 'recognising' | 'storing' | 'done' | 'failed';

/** A document left unfinished: its stage, since when, and the run that queued it. */
export interface Unfinished {
  id: string;
  stage: PipelineStage | null;
  runId: string | null;
  stageAt: string | null;
}

/** Lifecycle of a stored document: `pending` until extraction ends, then ok | partial | failed. */
export type StoredStatus = DocumentStatus | 'pending';

export interface StoredDocument {
  id: string;
  source: SourceRef;
  format: string;
  status: StoredStatus;
  issues: Issue[];
  checks: Check[];
  /** Verified / contradicted / unchecked numbers over its records, after the document checks; null before recognition. */
  verification: Verification | null;
  /** Every URL these bytes were seen at. */
  urls: string[];
  extracted?: ExtractedDocument;
  recordCount: number;
  firstSeenAt: string;
  updatedAt: string;
}

/** Which records a scan returns; every field narrows (AND). */
export interface RecordFilter {
  /** Table-type prefixes, any of which matches: 'final.' selects every 决算 table. */
  tableTypes?: string[];
  year?: number;
  /** Substring of the record's province, city or county. */
  region?: string;
  /** The record's own status. */
  status?: 'ok' | 'partial' | 'failed';
  /** Prefix of the document's sha256. */
  documentPrefix?: string;
}

/** A stored record with the document facts an export needs next to it. */
export interface StoredRecordRow {
  documentId: string;
  seq: number;
  /** The URL the document was first seen at. */
  sourceUrl: string;
  fileName: string | null;
  record: RecognisedRecord;
}

/** A page of a scan: records after `after` in (document id, seq) order, at most `limit`. */
export interface RecordPageQuery {
  filter?: RecordFilter;
  after?: { documentId: string; seq: number };
  limit: number;
}

export interface StoreSummary {
  documents: number;
  byStatus: Record<string, number>;
  records: number;
  tablesByType: Record<string, number>;
  checksFailed: number;
  failedDocuments: Array<{ id: string; url: string; reason: string }>;
}

/** Documents, extractions and records; the same schema and queries on PGlite and PostgreSQL. */
export interface RecordStore {
  /**
   * The SQL connection behind the store: search, findings, departments and coverage are queries of their own
   * modules (src/store/*.ts) over the same schema on PGlite and PostgreSQL.
   */
  readonly client: SqlClient;
  /**
   * Registers a source. The first sighting of a sha256 creates the document (pending); a
   * later sighting only adds its URL, so a document ingested twice is stored once.
   */
  upsertSource(source: SourceRef, format: string): Promise<{ created: boolean }>;
  getDocument(id: string, opts?: { withExtraction?: boolean }): Promise<StoredDocument | undefined>;
  saveExtraction(id: string, doc: ExtractedDocument): Promise<void>;
  /** Replaces the document's records (idempotent: a retried job writes the same rows). */
  saveRecords(
    id: string,
    records: RecognisedRecord[],
    checks: Check[],
    status: DocumentStatus,
    issues: Issue[],
  ): Promise<void>;
  /** The status of each of `ids` that is stored (one query, for a producer waiting on many documents). */
  statuses(ids: string[]): Promise<Map<string, StoredStatus>>;
  /** Records the stage a pending document reached (and the run it belongs to, when given). */
  markStage(id: string, stage: PipelineStage, runId?: string): Promise<void>;
  /**
   * Pending documents whose stage has not moved for `staleSeconds` (or that never had one), oldest first; only among
   * `ids` when given.
   */
  unfinished(opts: { staleSeconds: number; ids?: string[]; limit?: number }): Promise<Unfinished[]>;
  /** Marks a document failed with a reason (a job that gave up). */
  markFailed(id: string, issue: Issue): Promise<void>;
  listRecords(id: string): Promise<RecognisedRecord[]>;
  /** Keyset paging over every stored record, so an export never holds the whole store in memory. */
  pageRecords(query: RecordPageQuery): Promise<StoredRecordRow[]>;
  summary(ids?: string[]): Promise<StoreSummary>;
  close(): Promise<void>;
}

/** The minimal SQL surface both PGlite and node-postgres provide. */
export interface SqlClient {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: Pick<SqlClient, 'query'>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
