import type { Command } from 'commander';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

/** `budgetdoc show <sha256>`: the stored document (status, issues, URLs) and its records, as JSON. */
export function registerShow(program: Command): void {
  storeOptions(
    program
      .command('show')
      .description('print what is stored for a document, as JSON')
      .argument('<sha256>', 'document id (a unique prefix is enough)'),
  )
    .option('--extraction', 'include the extracted document model')
    .action(async (id: string, opts: StoreFlags & { extraction?: boolean }) => {
      const stores = await openFromFlags(opts, { existing: true });
      try {
        const full = await resolveId(stores.records, id);
        const doc = full && (await stores.records.getDocument(full, { withExtraction: Boolean(opts.extraction) }));
        if (!doc) {
          process.stderr.write(`budgetdoc: no stored document ${id}\n`);
          process.exitCode = 1;
          return;
        }
        const records = await stores.records.listRecords(doc.id);
        process.stdout.write(`${JSON.stringify({ document: doc, records }, null, 2)}\n`);
      } finally {
        await stores.close();
      }
    });
}

async function resolveId(
  records: { getDocument(id: string): Promise<unknown> },
  id: string,
): Promise<string | undefined> {
  if (/^[0-9a-f]{64}$/.test(id)) return id;
  if (!/^[0-9a-f]{4,63}$/.test(id)) return undefined;
  const client = (records as { client?: { query<T>(s: string, p: unknown[]): Promise<{ rows: T[] }> } }).client;
  if (!client) return undefined;
  const { rows } = await client.query<{ id: string }>(`select id from documents where id like $1 limit 2`, [`${id}%`]);
  return rows.length === 1 ? rows[0]!.id : undefined;
}
