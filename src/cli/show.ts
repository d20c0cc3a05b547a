import type { Command } from 'commander';
import type { RecordStore } from '../store/ports.js';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

/** `budgetdoc show <sha256>`: the stored document (status, issues, URLs) and its records, as JSON. */
export function registerShow(program: Command): void {
  storeOptions(
    program
      .command('show')
      .description('print what is stored for a document, as JSON')
      .argument('<sha256>', 'document id (a unique prefix of 4 or more hex digits is enough)'),
  )
    .option('--extraction', 'include the extracted document model')
    .action(async (id: string, opts: StoreFlags & { extraction?: boolean }) => {
      if (!/^[0-9a-f]{4,64}$/i.test(id))
        throw new Error(`a document id is its sha256 or a prefix of 4 or more hex digits, not ${id}`);
      const stores = await openFromFlags(opts);
      try {
        // An id that names nothing is an input error (exit 2), like any other argument that is wrong.
        const full = await resolveId(stores.records, id.toLowerCase());
        const doc = await stores.records.getDocument(full, { withExtraction: Boolean(opts.extraction) });
        if (!doc) throw new Error(`no stored document ${id}`);
        const records = await stores.records.listRecords(doc.id);
        process.stdout.write(`${JSON.stringify({ document: doc, records }, null, 2)}\n`);
      } finally {
        await stores.close();
      }
    });
}

async function resolveId(records: RecordStore, id: string): Promise<string> {
  if (id.length === 64) return id;
  const { rows } = await records.client.query<{ id: string }>(
    `select id from documents where id like $1 order by id limit 3`,
    [`${id}%`],
  );
  if (rows.length === 0) throw new Error(`no stored document ${id}`);
  if (rows.length > 1)
    throw new Error(
      `${id} is the start of several documents (${rows
        .slice(0, 2)
        .map((r) => r.id.slice(0, 12))
        .join(', ')}${rows.length > 2 ? ', …' : ''}): give more of the id`,
    );
  return rows[0]!.id;
}
