import type { Command } from 'commander';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

interface DepartmentFlags extends StoreFlags {
  list?: boolean;
  merge?: string[];
  rename?: string[];
  json?: boolean;
}

/**
 * `budgetdoc departments`: the departments the store holds, one id each across years (issue 15), and the links a
 * user adds between them: `--merge A B` (A is B), `--rename A NAME`. A and B are ids as `--list` prints them or
 * printed names; documents keep the id they were computed with, exports and search resolve it (src/store/departments.ts).
 */
export function registerDepartments(program: Command): void {
  storeOptions(
    program
      .command('departments')
      .description('list the departments in the store (one id across years), merge two ids or rename one'),
  )
    .option('--list', 'one line per department: id, name, years, kinds, documents, ids merged into it (default)')
    .option('--merge <ids...>', 'A B: department A is department B from now on (kept as a link)')
    .option('--rename <args...>', 'A NAME: the name exports show for department A')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: DepartmentFlags) => {
      const actions = [opts.list, opts.merge, opts.rename].filter(Boolean).length;
      if (actions > 1) throw new Error('give one of --list, --merge A B, --rename A NAME');
      if (opts.merge && opts.merge.length !== 2) throw new Error('--merge takes two departments: A B');
      if (opts.rename && opts.rename.length < 2) throw new Error('--rename takes a department and a name: A NAME');
      const stores = await openFromFlags(opts, { existing: true });
      const { listDepartments, mergeDepartments, renameDepartment } = await import('../store/departments.js');
      try {
        const sql = stores.records.client;
        if (opts.merge) {
          const done = await mergeDepartments(sql, opts.merge[0]!, opts.merge[1]!);
          process.stdout.write(opts.json ? `${JSON.stringify(done)}\n` : `merged ${done.from} into ${done.into}\n`);
          return;
        }
        if (opts.rename) {
          const done = await renameDepartment(sql, opts.rename[0]!, opts.rename.slice(1).join(' '));
          process.stdout.write(opts.json ? `${JSON.stringify(done)}\n` : `renamed ${done.id} to ${done.name}\n`);
          return;
        }
        const departments = await listDepartments(sql);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(departments, null, 2)}\n`);
          return;
        }
        const lines = ['id\tname\tyears\tkinds\tdocuments\tprinted names\tmerged ids'];
        for (const d of departments)
          lines.push(
            [
              d.id,
              d.name,
              d.years.join(',') || '-',
              d.kinds.join(',') || '-',
              d.documents,
              d.printedNames.join(' / ') || '-',
              d.merged.join(',') || '-',
            ].join('\t'),
          );
        process.stdout.write(`${lines.join('\n')}\n`);
      } finally {
        await stores.close();
      }
    });
}
