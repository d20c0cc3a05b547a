import { type Command, InvalidArgumentError } from 'commander';
import { existsSync } from 'node:fs';
import { openStores, type Stores } from '../store/open.js';

/**
 * A positive number of seconds for `--timeout`: `abc` or `0` is refused with a message before anything runs (issue 14:
 * `--timeout abc` stored a good file as failed "after NaN s").
 */
export function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a positive number of seconds');
  return n;
}

export interface StoreFlags {
  dataDir?: string;
  databaseUrl?: string;
}

/** --data-dir / --database-url, defaulting to BUDGETDOC_HOME and DATABASE_URL. */
export function storeOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded store directory (PGlite + blobs)', process.env.BUDGETDOC_HOME ?? '.budgetdoc')
    .option(
      '--database-url <url>',
      'PostgreSQL URL (records and blobs); embedded store when absent',
      process.env.DATABASE_URL,
    );
}

export async function openFromFlags(flags: StoreFlags, opts: { existing?: boolean } = {}): Promise<Stores> {
  // A verb that only reads (export, show) run in the wrong folder must say so, not create an empty store and
  // report 0 records (issue 14).
  if (
    opts.existing &&
    !flags.databaseUrl &&
    flags.dataDir &&
    !flags.dataDir.includes('://') &&
    !existsSync(flags.dataDir)
  )
    throw new Error(`no store at ${flags.dataDir}: ingest first, or pass --data-dir / --database-url`);
  return openStores({
    ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
  });
}
