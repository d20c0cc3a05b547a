import { readFile, stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { defaultLimits } from '../extract/types.js';
import type { JobFailure, QueueBackend } from '../pipeline/in-process.js';
import type { IngestReport } from '../pipeline/ingest.js';
import type { Stores } from '../store/open.js';
import type { BackendLoader } from './backend.js';
import {
  concurrencyOption,
  EXIT,
  logLevelOf,
  openFromFlags,
  parseDuration,
  storeArgs,
  storeOptions,
  verbosityOf,
  verbosityOptions,
  type StoreFlags,
} from './options.js';
import { createProgress, type DocumentOutcome, documentLine, ObservedQueue } from './progress.js';

interface IngestFlags extends StoreFlags {
  redisUrl?: string;
  force?: boolean;
  retryFailed?: boolean;
  ocr: boolean;
  json?: boolean;
  strict?: boolean;
  timeout?: number;
  concurrency: number;
  verbose?: boolean;
}

/** The pipeline's report with what this command adds: each processed document, retries, unreadable paths. */
export interface IngestOutput extends IngestReport {
  retried: number;
  unreadable: Array<{ path: string; reason: string }>;
  documents: DocumentOutcome[];
}

export function formatReport(r: IngestOutput): string {
  const s = r.summary;
  const retried = r.retried ? `, ${r.retried} retried` : '';
  const lines = [
    `documents: ${s.documents} (${r.newDocuments} new, ${r.unchanged} unchanged, ${r.processed} processed${retried}) from ${r.files} files in ${r.seconds.toFixed(1)} s`,
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
    ...(r.unreadable.length ? [`paths not read: ${r.unreadable.length}`] : []),
    ...r.unreadable.map((u) => `  ${u.path}: ${u.reason}`),
    ...(r.documents.length ? ['processed:'] : []),
    ...r.documents.map((d) => `  ${documentLine(d)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** `budgetdoc ingest <file|dir...>`: run the pipeline into the store and print a summary. */
export function registerIngest(program: Command, loadBackend?: BackendLoader): void {
  const cmd = storeOptions(
    program
      .command('ingest')
      .description('store files and run extract -> recognise -> store; print a summary')
      .argument('[paths...]', 'files or directories (directories are walked; *.md files in them are skipped)'),
  )
    .option('--redis-url <url>', 'run the jobs on BullMQ workers (needs --database-url)', process.env.REDIS_URL)
    .option('--force', 're-run the pipeline on every document already stored')
    .option(
      '--retry-failed',
      're-run the stored documents that failed (e.g. after a timeout); without paths, every failed one in the store',
    )
    .option('--no-ocr', 'never run OCR')
    .option(
      '--timeout <duration>',
      'stop extracting a document after this long, e.g. 90s, 10m (it is stored failed; default 1 min + 20 s a page, at most 30 min)',
      parseDuration,
    )
    .option('--strict', 'exit 1 when a check failed, not only when a document failed')
    .option('--json', 'print the summary as JSON');
  verbosityOptions(concurrencyOption(cmd, 'documents processed'), { logs: true }).action(
    async (paths: string[], opts: IngestFlags, self: Command) => {
      const verbosity = verbosityOf(opts);
      if (paths.length === 0 && !opts.retryFailed)
        throw new Error('ingest needs files or directories (or --retry-failed to re-run the failed documents)');
      if (opts.redisUrl && !opts.databaseUrl)
        throw new Error(
          'distributed ingest (REDIS_URL) needs DATABASE_URL: every worker must read the same blobs and records',
        );
      // The BullMQ producer waits for documents to leave `pending`; a failed document never does, so it would
      // report the old failure before any worker ran again.
      if (opts.redisUrl && opts.retryFailed) throw new Error('--retry-failed runs in-process: leave out --redis-url');
      const started = Date.now();
      // The pipeline loads when it runs, not when the command line is parsed (`--help` stays fast).
      const [{ createLogger }, { defaultIsolation }, { InProcessQueue }, { ingestPaths }] = await Promise.all([
        import('../util/log.js'),
        import('../extract/isolate.js'),
        import('../pipeline/in-process.js'),
        import('../pipeline/ingest.js'),
      ]);
      const log = createLogger(logLevelOf(verbosity));
      const unreadable = await unreadablePaths(paths);
      const readable = paths.filter((p) => !unreadable.some((u) => u.path === p));
      const stores = await openFromFlags({ ...opts, quiet: verbosity === 'quiet' }, { create: true });
      let inner: QueueBackend;
      if (opts.redisUrl) {
        if (!loadBackend) throw new Error('this build has no BullMQ backend');
        inner = await (await loadBackend()).openQueue(stores, log, opts.redisUrl);
      } else {
        const isolation = {
          ...defaultIsolation,
          threads: opts.concurrency,
          ...(opts.timeout ? { timeoutMs: opts.timeout * 1000 } : {}),
        };
        const deps = { ...stores, limits: { ...defaultLimits, ocr: opts.ocr }, log, isolation };
        inner = new InProcessQueue(deps, undefined, { concurrency: opts.concurrency });
      }
      const progress = createProgress(verbosity, 'documents');
      for (const u of unreadable) process.stderr.write(`budgetdoc: ${u.path}: ${u.reason}\n`);
      const queue = new ObservedQueue(inner, stores, progress, verbosity === 'verbose');
      try {
        const retried = opts.retryFailed ? await retryFailed(readable, paths.length === 0, stores, queue) : undefined;
        const report =
          readable.length > 0
            ? await ingestPaths(readable, stores, queue, {
                force: Boolean(opts.force),
                onProgress: (done, total) => void (done === 0 && progress.expect(total)),
              })
            : await emptyReport(stores, retried, started);
        const documents = await queue.outcomes();
        progress.stop(); // cleared before the summary, which shares the terminal
        const out: IngestOutput = {
          ...report,
          ...(retried && readable.length > 0
            ? { processed: report.processed + retried.ids.length, unchanged: report.unchanged - retried.files }
            : {}),
          failures: [...(retried?.failures ?? []), ...report.failures],
          retried: retried?.ids.length ?? 0,
          unreadable,
          documents,
        };
        process.stdout.write(opts.json ? `${JSON.stringify(out, null, 2)}\n` : formatReport(out));
        if (verbosity !== 'quiet') process.stderr.write(nextSteps(out, opts, self));
        if (
          out.summary.failedDocuments.length > 0 ||
          unreadable.length > 0 ||
          (opts.strict && out.summary.checksFailed)
        )
          process.exitCode = EXIT.failed;
      } finally {
        progress.stop();
        await queue.close();
        await stores.close();
      }
    },
  );
}

/** Paths that are not there: reported and counted failed while the others are ingested (as extract does). */
async function unreadablePaths(paths: string[]): Promise<Array<{ path: string; reason: string }>> {
  const out: Array<{ path: string; reason: string }> = [];
  for (const path of paths) {
    await stat(path).catch((err: NodeJS.ErrnoException) =>
      out.push({ path, reason: `cannot be read: ${err.code ?? err.message}` }),
    );
  }
  return out;
}

interface Retried {
  ids: string[];
  /** Files (among the paths) whose document was re-run. */
  files: number;
  failures: JobFailure[];
}

/**
 * Re-runs the stored failed documents among `paths` (every one in the store with `all`), so a document that timed
 * out is retried without --force on everything (issue 14). Those that failed for want of an extractor are left to
 * ingest, which retries them by itself (src/pipeline/register-file.ts).
 */
async function retryFailed(paths: string[], all: boolean, stores: Stores, queue: ObservedQueue): Promise<Retried> {
  const [{ collectFiles }, { sha256 }] = await Promise.all([
    import('../pipeline/ingest.js'),
    import('../store/blob-stores.js'),
  ]);
  const fileIds = all ? [] : await Promise.all((await collectFiles(paths)).map(async (f) => sha256(await readFile(f))));
  const { rows } = await stores.records.client.query<{ id: string }>(
    `select id from documents
      where status = 'failed' and not (issues @> '[{"code":"extract.unsupported"}]'::jsonb)
        ${all ? '' : 'and id = any($1::text[])'}
      order by first_seen_at, id`,
    all ? [] : [[...new Set(fileIds)]],
  );
  const ids = rows.map((r) => r.id);
  const runId = `retry-${Date.now().toString(36)}`;
  for (const sourceId of ids) {
    // As ingestPaths queues a document (src/pipeline/ingest.ts), so an interrupted retry can be found again.
    await stores.records.markStage(sourceId, 'queued', runId);
    await queue.enqueue({ stage: 'extract', data: { sourceId, runId } });
  }
  queue.progress.expect(ids.length);
  const failures = ids.length ? await queue.drain() : [];
  const retriedSet = new Set(ids);
  return { ids, files: fileIds.filter((id) => retriedSet.has(id)).length, failures };
}

async function emptyReport(stores: Stores, retried: Retried | undefined, started: number): Promise<IngestReport> {
  return {
    files: 0,
    newDocuments: 0,
    unchanged: 0,
    processed: retried?.ids.length ?? 0,
    failures: [],
    summary: await stores.records.summary(retried?.ids ?? []),
    seconds: (Date.now() - started) / 1000,
  };
}

/** What to run next, on stderr (the report on stdout stays the report alone). */
function nextSteps(r: IngestOutput, flags: StoreFlags, self: Command): string {
  const store = storeArgs(flags);
  const has = (verb: string) => Boolean(self.parent?.commands.some((c) => c.name() === verb));
  const first = r.documents.find((d) => d.status !== 'failed') ?? r.documents[0];
  const failed = r.summary.failedDocuments.length;
  const steps: Array<[string, string] | false | undefined> = [
    first && [`show ${first.id.slice(0, 12)}`, 'one document and its records, as JSON'],
    has('list') && ['list', 'every stored document with its status'],
    has('search') && ['search --department NAME --year 2019..2023', 'find documents'],
    ['export --format csv --bom --out records.csv', 'the records as a tidy CSV'],
    failed > 0 && ['ingest --retry-failed --timeout 30m', `re-run the failed documents (${failed} of these)`],
  ];
  const rows = steps
    .filter((s): s is [string, string] => Array.isArray(s))
    .map(([c, d]) => [`budgetdoc ${c}${store}`, d]);
  const width = Math.max(...rows.map(([c]) => c!.length));
  return `next:\n${rows.map(([c, d]) => `  ${c!.padEnd(width)}  ${d}`).join('\n')}\n`;
}
