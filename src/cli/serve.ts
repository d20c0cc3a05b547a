import { join, resolve } from 'node:path';
import { type Command, InvalidArgumentError } from 'commander';
import { startServer } from '../serve/server.js';
import { openFromFlags, storeOptions, type StoreFlags } from './options.js';

interface ServeFlags extends StoreFlags {
  port: number;
  host: string;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port 0..65535 (0: any free port)');
  return n;
}

/** `budgetdoc serve`: the read-only viewer of a store (docs/serve.md), until SIGINT/SIGTERM. */
export function registerServe(program: Command): void {
  storeOptions(
    program
      .command('serve')
      .description('browse the store: search, documents, tables and each value on its page (read-only web app)'),
  )
    .option('--port <n>', 'TCP port (0 picks a free one)', parsePort, 7420)
    .option('--host <address>', 'address to listen on; anything but loopback exposes the store', '127.0.0.1')
    .action(async (opts: ServeFlags) => {
      const stores = await openFromFlags(opts, { existing: true });
      // Page images are cached beside the embedded store (or in --data-dir when the records are in PostgreSQL).
      const cacheDir = join(resolve(opts.dataDir ?? '.budgetdoc'), 'page-cache');
      const running = await startServer({ stores, cacheDir, host: opts.host, port: opts.port }).catch(async (err) => {
        await stores.close();
        throw err;
      });
      const where = opts.databaseUrl ? 'PostgreSQL store' : `store ${resolve(opts.dataDir ?? '.budgetdoc')}`;
      process.stdout.write(`budgetdoc: serving ${where} at ${running.url} (read-only; Ctrl-C stops)\n`);
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          done();
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      await running.close();
      await stores.close();
    });
}
