import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { BlobStore, RecordStore } from './ports.js';
import { FsBlobStore, SqlBlobStore } from './blob-stores.js';
import { SqlRecordStore } from './sql-record-store.js';
import { openPglite, openPostgres } from './sql-clients.js';

export interface Stores {
  blobs: BlobStore;
  records: RecordStore;
  /** 'embedded' (PGlite + local blob directory) or 'postgres'. */
  kind: 'embedded' | 'postgres';
  close(): Promise<void>;
}

export interface StoreOptions {
  /** PostgreSQL URL; when absent the embedded store is used. */
  databaseUrl?: string;
  /** Embedded data directory (PGlite + blobs); default ./.budgetdoc. In-memory when 'memory://'. */
  dataDir?: string;
}

/** The embedded default without DATABASE_URL; PostgreSQL (records and blobs) with it. */
export async function openStores(opts: StoreOptions = {}): Promise<Stores> {
  if (opts.databaseUrl) {
    const sql = await openPostgres(opts.databaseUrl);
    const records = await SqlRecordStore.open(sql);
    return { blobs: new SqlBlobStore(sql), records, kind: 'postgres', close: () => records.close() };
  }
  const dir = resolve(opts.dataDir ?? '.budgetdoc');
  const memory = opts.dataDir === 'memory://';
  if (!memory) await mkdir(dir, { recursive: true });
  const sql = await openPglite(memory ? undefined : join(dir, 'db'));
  const records = await SqlRecordStore.open(sql);
  const blobs = memory ? new SqlBlobStore(sql) : new FsBlobStore(join(dir, 'blobs'));
  return { blobs, records, kind: 'embedded', close: () => records.close() };
}
