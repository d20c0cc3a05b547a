import type { Command } from 'commander';
import { defaultIsolation } from '../extract/isolate.js';
import { defaultLimits } from '../extract/types.js';
import { InProcessQueue, type QueueBackend } from '../pipeline/in-process.js';
import { ingestPaths, type IngestReport } from '../pipeline/ingest.js';
import { createLogger } from '../util/log.js';
import type { BackendLoader } from './backend.js';
import { openFromFlags, parseSeconds, storeOptions, type StoreFlags } from './options.js';
import { documentProgress } from './progress.js';

export function formatReport(r: IngestReport): string {
  const s = r.summary;
  const lines = [
    `documents: ${s.documents} (${r.newDocuments} new, ${r.unchanged} unchanged, ${r.processed} processed) from ${r.files} files in ${r.seconds.toFixed(1)} s`,
    `status: ${
      Object.entries(s.byStatus)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
    `tables: ${s.records}`,
    ...Object.entries(s.tablesByType).map(([t, n]) => `  ${t.padEnd(28)} ${n}`),
    `checks failed: ${s.checksFailed}`,
    `documents failed: ${s.failedDocuments.length}`,
    ...s.failedDocuments.map((f) => `  ${f.id.slice(0, 12)} ${f.url}: ${f.reason}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `budgetdoc ingest <file|dir...>`: run the pipeline into the store and print a summary. */
export function registerIngest(program: Command, loadBackend?: BackendLoader): void {
  storeOptions(
    program
      .command('ingest')
      .description('store files and run extract -> recognise -> store; print a summary')
      .argument('<paths...>', 'files or directories (directories are walked; *.md files in them are skipped)'),
  )
    .option('--redis-url <url>', 'run the jobs on BullMQ workers (needs --database-url)', process.env.REDIS_URL)
    .option('--force', 're-run the pipeline on documents already stored')
    .option('--no-ocr', 'never run OCR')
    .option(
      '--timeout <seconds>',
      'stop extracting a document after this long (it is stored failed)',
      parseSeconds,
      1800,
    )
    .option('--json', 'print the summary as JSON')
    .action(
      async (
        paths: string[],
        opts: StoreFlags & { redisUrl?: string; force?: boolean; ocr: boolean; json?: boolean; timeout: number },
      ) => {
        const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
        if (opts.redisUrl && !opts.databaseUrl) {
          throw new Error(
            'distributed ingest (REDIS_URL) needs DATABASE_URL: every worker must read the same blobs and records',
          );
        }
        const stores = await openFromFlags(opts);
        let queue: QueueBackend;
        if (opts.redisUrl) {
          if (!loadBackend) throw new Error('this build has no BullMQ backend');
          queue = await (await loadBackend()).openQueue(stores, log, opts.redisUrl);
        } else {
          const isolation = { ...defaultIsolation, timeoutMs: opts.timeout * 1000 };
          queue = new InProcessQueue({
            ...stores,
            records: stores.records,
            limits: { ...defaultLimits, ocr: opts.ocr },
            log,
            isolation,
          });
        }
        const progress = documentProgress();
        try {
          const onProgress = progress ? { onProgress: progress.update } : {};
          const report = await ingestPaths(paths, stores, queue, { force: Boolean(opts.force), ...onProgress });
          progress?.stop(); // cleared before the summary, which shares the terminal
          process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
          if (report.summary.failedDocuments.length > 0) process.exitCode = 1;
        } finally {
          progress?.stop();
          await queue.close();
          await stores.close();
        }
      },
    );
}
