import type { Command } from 'commander';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

/**
 * `budgetdoc coverage`: departments × years × kinds, with the tables each department-year yields, fails on or lacks
 * (src/store/coverage.ts): what a panel built from the store holds and where its holes are.
 */
export function registerCoverage(program: Command): void {
  storeOptions(
    program.command('coverage').description('departments × years × kinds: which tables are present, missing or failed'),
  )
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: StoreFlags & { json?: boolean }) => {
      const stores = await openFromFlags(opts, { existing: true });
      const { coverageMatrix } = await import('../store/coverage.js');
      try {
        const cells = await coverageMatrix(stores.records.client);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(cells, null, 2)}\n`);
          return;
        }
        const list = (xs: string[]) => (xs.length ? xs.join(' ') : '-');
        const lines = ['department_id\tdepartment\tyear\tkind\tdocuments\tpresent\tmissing\tfailed'];
        for (const c of cells)
          lines.push(
            [
              c.departmentId ?? '-',
              c.department ?? '-',
              c.year ?? '-',
              c.kind ?? '-',
              c.failedDocuments ? `${c.documents} (${c.failedDocuments} failed)` : c.documents,
              list(c.present),
              list(c.missing),
              list(c.failed),
            ].join('\t'),
          );
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await stores.close();
      }
    });
}
