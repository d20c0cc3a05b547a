import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { issue } from '../src/model/build.js';
import { errorCode, isPermanent } from '../src/model/errors.js';
import { runStage, type PipelineDeps } from '../src/pipeline/handlers.js';
import { jobId, STAGES, type NextJob, type Stage } from '../src/pipeline/jobs.js';
import { openQueues, queueName, type QueueConfig } from './queues.js';

/**
 * Thin BullMQ adapters: each stage's worker parses its job with zod (in runStage), calls the
 * pure handler and enqueues what it returns. PermanentError becomes UnrecoverableError (no
 * retry); when a job gives up, its document is marked failed with the reason.
 */
export function startPipelineWorkers(cfg: QueueConfig & { deps: PipelineDeps; concurrency?: number }): {
  workers: Worker[];
  close(): Promise<void>;
} {
  const queues = openQueues(cfg);
  const enqueue = async (next: NextJob) => {
    await queues[next.stage].add(next.stage, next.data, { jobId: jobId(next.stage, next.data) });
  };
  const workers = STAGES.map((stage: Stage) => {
    const worker = new Worker(
      queueName(stage),
      async (job: Job) => {
        try {
          for (const next of await runStage(stage, job.data, cfg.deps)) await enqueue(next);
        } catch (err) {
          if (isPermanent(err)) throw new UnrecoverableError(`${errorCode(err)}: ${(err as Error).message}`);
          throw err;
        }
      },
      { connection: cfg.connection, prefix: cfg.prefix ?? 'bull', concurrency: cfg.concurrency ?? 1 },
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
      cfg.deps.log.warn({ stage, jobId: job.id, attempts: job.attemptsMade, final, err: err.message }, 'job failed');
      const sourceId = (job.data as { sourceId?: string }).sourceId;
      if (final && sourceId) {
        const code =
          err instanceof UnrecoverableError
            ? (/^([\w.]+):/.exec(err.message)?.[1] ?? 'job.failed')
            : 'job.retries_exhausted';
        void cfg.deps.records
          .markFailed(
            sourceId,
            issue('error', code, `${stage} failed after ${job.attemptsMade} attempt(s): ${err.message}`),
          )
          .catch(() => undefined);
      }
    });
    worker.on('error', (err) => cfg.deps.log.error({ stage, err: err.message }, 'worker error'));
    return worker;
  });
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(Object.values(queues).map((q) => q.close()));
    },
  };
}
