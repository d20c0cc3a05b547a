import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlobStore, SqlClient } from './ports.js';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const HEX64 = /^[0-9a-f]{64}$/;

function checkId(id: string): string {
  // The id becomes a path: only a sha256 is accepted, so no traversal is possible.
  if (!HEX64.test(id)) throw new Error(`not a sha256: ${id}`);
  return id;
}

/** Embedded default: files under dir/ab/<sha256>, written atomically (temp file + rename). */
export class FsBlobStore implements BlobStore {
  constructor(private readonly dir: string) {}

  private path(id: string): string {
    return join(this.dir, checkId(id).slice(0, 2), id);
  }

  async put(bytes: Uint8Array): Promise<string> {
    const id = sha256(bytes);
    if (await this.has(id)) return id;
    const path = this.path(id);
    await mkdir(join(this.dir, id.slice(0, 2)), { recursive: true });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, bytes);
    await rename(tmp, path);
    return id;
  }

  async get(id: string): Promise<Uint8Array | undefined> {
    try {
      return new Uint8Array(await readFile(this.path(id)));
    } catch {
      return undefined;
    }
  }

  async has(id: string): Promise<boolean> {
    return stat(this.path(id)).then(
      () => true,
      () => false,
    );
  }
}

/** Distributed: blobs in PostgreSQL, so every worker on every machine reads the same bytes. */
export class SqlBlobStore implements BlobStore {
  constructor(private readonly sql: Pick<SqlClient, 'query'>) {}

  async put(bytes: Uint8Array): Promise<string> {
    const id = sha256(bytes);
    await this.sql.query(
      `insert into blobs (sha256, size, bytes) values ($1, $2, $3) on conflict (sha256) do nothing`,
      [id, bytes.length, Buffer.from(bytes)],
    );
    return id;
  }

  async get(id: string): Promise<Uint8Array | undefined> {
    const { rows } = await this.sql.query<{ bytes: Uint8Array }>(`select bytes from blobs where sha256 = $1`, [
      checkId(id),
    ]);
    return rows[0] ? new Uint8Array(rows[0].bytes) : undefined;
  }

  async has(id: string): Promise<boolean> {
    const { rows } = await this.sql.query(`select 1 from blobs where sha256 = $1`, [checkId(id)]);
    return rows.length > 0;
  }
}
