import type { SqlClient } from './ports.js';

/** PGlite (embedded PostgreSQL in WebAssembly) in a local data directory: no server needed. */
export async function openPglite(dataDir: string | undefined): Promise<SqlClient> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await db.query<T>(sql, params)).rows }),
    exec: async (sql) => void (await db.exec(sql)),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await tx.query<T>(sql, params)).rows }),
        }),
      ),
    close: () => db.close(),
  };
}

/** PostgreSQL through a node-postgres pool (DATABASE_URL). */
export async function openPostgres(url: string): Promise<SqlClient> {
  const pg = (await import('pg')).default;
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  // An idle connection the server ends (a restart, pg_terminate_backend) emits 'error' on the pool; unheard, Node
  // takes the process down. The pool drops that client and opens a new one for the next query.
  pool.on('error', () => undefined);
  // Creating the schema from several workers at once races on the catalog; serialise it.
  const LOCK = 7_405_517;
  return {
    query: async <T>(sql: string, params: unknown[] = []) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    exec: async (sql) => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [LOCK]);
        await client.query(sql);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [LOCK]).catch(() => undefined);
        client.release();
      }
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const out = await fn({
          query: async <T>(sql: string, params: unknown[] = []) => ({
            rows: (await client.query(sql, params)).rows as T[],
          }),
        });
        await client.query('commit');
        return out;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
