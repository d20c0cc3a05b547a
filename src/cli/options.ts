import type { Command } from 'commander';
import { openStores, type Stores } from '../store/open.js';

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

export function openFromFlags(flags: StoreFlags): Promise<Stores> {
  return openStores({
    ...(flags.databaseUrl ? { databaseUrl: flags.databaseUrl } : {}),
    ...(flags.dataDir ? { dataDir: flags.dataDir } : {}),
  });
}
