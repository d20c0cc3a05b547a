import type { Stores } from '../store/open.js';
import type { SqlClient } from '../store/ports.js';
import { SqlRecordStore } from '../store/sql-record-store.js';
import { MemoryFetchStateStore, type FetchState, type FetchStateStore } from './ports.js';

/**
 * Crawl state beside the lead's schema (same PGlite / PostgreSQL database): the validators and
 * hash per URL, and every version ever seen at a URL linked to the one it replaced (issue 6).
 */
export const CRAWL_SCHEMA_SQL = `
create table if not exists crawl_fetch_state (
  url text primary key,
  etag text,
  last_modified text,
  sha256 text not null,
  content_type text,
  version integer not null,
  previous_sha256 text,
  fetched_at timestamptz not null
);
create table if not exists crawl_document_versions (
  url text not null,
  version integer not null,
  sha256 text not null,
  previous_sha256 text,
  first_seen_at timestamptz not null,
  primary key (url, version)
);
`;

interface Row {
  url: string;
  etag: string | null;
  last_modified: string | null;
  sha256: string;
  content_type: string | null;
  version: number;
  previous_sha256: string | null;
  fetched_at: Date | string;
}

export interface DocumentVersion {
  url: string;
  version: number;
  sha256: string;
  previousSha256?: string;
  firstSeenAt: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();

export class SqlFetchStateStore implements FetchStateStore {
  private constructor(private readonly sql: Pick<SqlClient, 'query' | 'exec'>) {}

  static async open(sql: Pick<SqlClient, 'query' | 'exec'>): Promise<SqlFetchStateStore> {
    await sql.exec(CRAWL_SCHEMA_SQL);
    return new SqlFetchStateStore(sql);
  }

  async getFetchState(url: string): Promise<FetchState | undefined> {
    const { rows } = await this.sql.query<Row>('select * from crawl_fetch_state where url = $1', [url]);
    const r = rows[0];
    if (!r) return undefined;
    return {
      url: r.url,
      ...(r.etag ? { etag: r.etag } : {}),
      ...(r.last_modified ? { lastModified: r.last_modified } : {}),
      sha256: r.sha256,
      ...(r.content_type ? { contentType: r.content_type } : {}),
      version: Number(r.version),
      ...(r.previous_sha256 ? { previousSha256: r.previous_sha256 } : {}),
      fetchedAt: iso(r.fetched_at),
    };
  }

  /** Upserts the state; a version not seen before is appended to the URL's version chain. */
  async putFetchState(s: FetchState): Promise<void> {
    await this.sql.query(
      `insert into crawl_fetch_state (url, etag, last_modified, sha256, content_type, version, previous_sha256, fetched_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (url) do update set etag = excluded.etag, last_modified = excluded.last_modified, sha256 = excluded.sha256,
         content_type = excluded.content_type, version = excluded.version, previous_sha256 = excluded.previous_sha256, fetched_at = excluded.fetched_at`,
      [
        s.url,
        s.etag ?? null,
        s.lastModified ?? null,
        s.sha256,
        s.contentType ?? null,
        s.version,
        s.previousSha256 ?? null,
        s.fetchedAt,
      ],
    );
    await this.sql.query(
      `insert into crawl_document_versions (url, version, sha256, previous_sha256, first_seen_at) values ($1, $2, $3, $4, $5) on conflict do nothing`,
      [s.url, s.version, s.sha256, s.previousSha256 ?? null, s.fetchedAt],
    );
  }

  /** The version chain at a URL, oldest first. */
  async versions(url: string): Promise<DocumentVersion[]> {
    const { rows } = await this.sql.query<{
      url: string;
      version: number;
      sha256: string;
      previous_sha256: string | null;
      first_seen_at: Date | string;
    }>('select * from crawl_document_versions where url = $1 order by version', [url]);
    return rows.map((r) => ({
      url: r.url,
      version: Number(r.version),
      sha256: r.sha256,
      ...(r.previous_sha256 ? { previousSha256: r.previous_sha256 } : {}),
      firstSeenAt: iso(r.first_seen_at),
    }));
  }
}

/** Fetch state in the same database as the records; in memory only when the store has no SQL client. */
export async function openFetchState(stores: Pick<Stores, 'records'>): Promise<FetchStateStore> {
  return stores.records instanceof SqlRecordStore
    ? SqlFetchStateStore.open(stores.records.client)
    : new MemoryFetchStateStore();
}
