import type { Logger } from 'pino';
import type { DistributedBackend } from '../src/cli/backend.js';
import type { JobFailure, QueueBackend } from '../src/pipeline/in-process.js';
import { jobId, type NextJob } from '../src/pipeline/jobs.js';
import type { Stores } from '../src/store/open.js';
import { startPipelineWorkers } from './pipeline.worker.js';
import { connectionFromUrl, openQueues, type QueueConfig } from './queues.js';
import { reconcile } from './reconcile.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How often producers and workers look for documents whose jobs Redis lost, and how long a stage may sit still first. */
const RECONCILE_EVERY_MS = 10_000;
const STALE_SECONDS = 30;
/**
 * Store-wide, a worker waits longer: a document of an embedded ingest sharing the database may sit in one stage that
 * long with no job in Redis at all.
 */
const STORE_STALE_SECONDS = 300;

/**
 * Producer side: jobs go to BullMQ; drain() waits until every document this producer enqueued
 * has left `pending` in the shared store (workers may run on other machines).
 */
export class BullQueueBackend implements QueueBackend {
  private readonly queues;
  private readonly ids = new Set<string>();

  constructor(
    cfg: QueueConfig,
    private readonly stores: Stores,
    private readonly log: Logger,
    private readonly opts: { pollMs?: number; timeoutMs?: number } = {},
  ) {
    this.queues = openQueues(cfg);
  }

  async enqueue(job: NextJob): Promise<void> {
    this.ids.add(job.data.sourceId);
    await this.queues[job.stage].add(job.stage, job.data, { jobId: jobId(job.stage, job.data) });
  }

  async drain(onSettled?: (sourceId: string) => void): Promise<JobFailure[]> {
    const deadline = Date.now() + (this.opts.timeoutMs ?? 6 * 3600_000);
    const settled = new Set<string>();
    let reconciledAt = Date.now();
    for (;;) {
      const ids = [...this.ids].filter((id) => !settled.has(id));
      // One query over the documents still waiting, each poll (issue 12: it was a query per document, every 500 ms,
      // 1,000 queries a poll in a 1,000-document run, on the PostgreSQL the workers share). A dropped database
      // connection fails this poll, not the wait: the pool reconnects for the next one.
      const statuses = await this.stores.records.statuses(ids).catch((err: Error) => {
        this.log.warn({ err: err.message }, 'store not readable; waiting');
        return undefined;
      });
      if (!statuses) {
        await sleep(this.opts.pollMs ?? 500);
        continue;
      }
      const pending = ids.filter((id) => {
        if (statuses.get(id) === 'pending') return true;
        settled.add(id);
        onSettled?.(id);
        return false;
      });
      const waiting = pending.length;
      if (waiting === 0) break;
      if (Date.now() > deadline) throw new Error(`${waiting} document(s) still pending when the wait ended`);
      this.log.debug({ waiting }, 'waiting for workers');
      // What Redis lost (a restart without persistence) is enqueued again from the store, so the wait ends by itself.
      if (Date.now() - reconciledAt >= RECONCILE_EVERY_MS) {
        reconciledAt = Date.now();
        await reconcile(this.stores.records, this.queues, {
          staleSeconds: STALE_SECONDS,
          ids: pending,
          log: this.log,
        }).catch((err: Error) => this.log.warn({ err: err.message }, 'reconciler failed; trying again later'));
      }
      await sleep(this.opts.pollMs ?? 500);
    }
    return [];
  }

  async close(): Promise<void> {
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
  }
}

export const bullBackend: DistributedBackend = {
  async openQueue(stores, log, redisUrl) {
    return new BullQueueBackend({ connection: connectionFromUrl(redisUrl) }, stores, log);
  },
  async runWorkers({ stores, log, redisUrl, concurrency, limits, prefix }) {
    const running = startPipelineWorkers({
      connection: connectionFromUrl(redisUrl),
      deps: { ...stores, limits, log },
      concurrency,
      ...(prefix ? { prefix } : {}),
    });
    // Crawl and fetch workers ride along, so one `budgetdoc worker` serves the whole nightly flow (issue 6).
    const { startCrawlWorkers } = await import('./crawl.worker.js');
    const crawl = await startCrawlWorkers({ redisUrl, stores, log, concurrency, ...(prefix ? { prefix } : {}) });
    log.info({ stages: running.workers.length + crawl.workers.length, concurrency }, 'workers running; Ctrl-C to stop');
    // Workers reconcile the whole store too, so documents whose producer is gone are not left pending either.
    const queues = openQueues({ connection: connectionFromUrl(redisUrl), ...(prefix ? { prefix } : {}) });
    const timer = setInterval(() => {
      reconcile(stores.records, queues, { staleSeconds: STORE_STALE_SECONDS, log }).catch((err: Error) =>
        log.warn({ err: err.message }, 'reconciler failed; trying again later'),
      );
    }, RECONCILE_EVERY_MS);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    clearInterval(timer);
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await crawl.close();
    await running.close();
    await stores.close();
  },
};
