import { Command } from 'commander';
import { defaultLimits } from '../extract/types.js';
import type { BackendLoader } from './backend.js';
import { registerAudit } from './audit.js';
import { registerCoverage } from './coverage.js';
import { registerCrawlCommands } from './crawl.js';
import { registerDepartments } from './departments.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerIngest } from './ingest.js';
import { EXIT_CODES_HELP, openFromFlags, storeOptions, wholeNumber, type StoreFlags } from './options.js';
import type { CrawlBackendLoader } from './schedule.js';
import { registerSearch } from './search.js';
import { registerServe } from './serve.js';
import { registerShow } from './show.js';

export { BUDGETDOC_VERSION as VERSION } from '../util/versions.js';
import { BUDGETDOC_VERSION as VERSION } from '../util/versions.js';

/** The `budgetdoc` command line; BullMQ-backed verbs use the backend the entry point hands in. */
export function buildProgram(loadBackend?: BackendLoader, loadCrawlBackend?: CrawlBackendLoader): Command {
  const program = new Command('budgetdoc')
    .description(
      'Turn published budget disclosures (预算, 决算, 绩效) into validated records with cell-level provenance',
    )
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText('after', EXIT_CODES_HELP);
  registerExtract(program);
  registerIngest(program, loadBackend);
  registerShow(program);
  registerSearch(program);
  registerServe(program);
  registerExport(program);
  registerDepartments(program);
  registerCoverage(program);
  registerAudit(program);
  registerCrawlCommands(program, loadCrawlBackend);
  storeOptions(
    program
      .command('worker')
      .description('run BullMQ workers for every pipeline stage (needs REDIS_URL and DATABASE_URL)'),
  )
    .option('--redis-url <url>', 'Redis for the queues', process.env.REDIS_URL)
    .option('--concurrency <n>', 'jobs per stage at once', wholeNumber(1), 1)
    .option('--queue-prefix <prefix>', 'BullMQ key prefix (separates deployments sharing one Redis)', 'bull')
    .action(async (opts: StoreFlags & { redisUrl?: string; concurrency: number; queuePrefix: string }) => {
      if (!opts.redisUrl || !opts.databaseUrl)
        throw new Error('worker needs REDIS_URL and DATABASE_URL (blobs and records shared by all workers)');
      if (!loadBackend) throw new Error('this build has no BullMQ backend');
      const stores = await openFromFlags(opts, { create: true });
      const [backend, { createLogger }] = await Promise.all([loadBackend(), import('../util/log.js')]);
      await backend.runWorkers({
        stores,
        log: createLogger(),
        redisUrl: opts.redisUrl,
        concurrency: opts.concurrency,
        limits: defaultLimits,
        prefix: opts.queuePrefix,
      });
    });
  return program;
}
