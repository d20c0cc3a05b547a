import { availableParallelism } from 'node:os';
import { issue } from '../model/build.js';
import { errorCode, isPermanent, TransientError } from '../model/errors.js';
import type { PipelineDeps } from './handlers.js';
import { runStage } from './handlers.js';
import type { NextJob } from './jobs.js';

export interface JobFailure {
  job: NextJob;
  attempts: number;
  code: string;
  message: string;
}

export interface QueueBackend {
  enqueue(job: NextJob): Promise<void>;
  /**
   * Resolves when every job enqueued so far, and every job they enqueue, has ended. `onSettled` hears of each
   * document as its last job ends (done or failed), so a caller can show progress.
   */
  drain(onSettled?: (sourceId: string) => void): Promise<JobFailure[]>;
  close(): Promise<void>;
}

export interface RetryPolicy {
  attempts: number;
  /** First backoff; doubled per attempt, with ±50% jitter (or the server's Retry-After). */
  backoffMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The embedded default: the same stage handlers as the BullMQ workers, run in this process.
 * Permanent errors fail at once; others are retried with exponential backoff and jitter; a job
 * that gives up marks its document failed with the reason, so nothing is lost silently.
 */
export class InProcessQueue implements QueueBackend {
  private readonly pending: NextJob[] = [];
  private readonly concurrency: number;

  constructor(
    private readonly deps: PipelineDeps,
    private readonly retry: RetryPolicy = { attempts: 3, backoffMs: 250 },
    opts: { concurrency?: number } = {},
  ) {
    // As many jobs at once as the isolated pool has threads (issue 12: files were processed one at a time on a 2-core
    // machine); the pool bounds the heavy work, this bounds what waits for it.
    this.concurrency = Math.max(1, Math.floor(opts.concurrency ?? deps.isolation?.threads ?? availableParallelism()));
  }

  async enqueue(job: NextJob): Promise<void> {
    this.pending.push(job);
  }

  async drain(onSettled?: (sourceId: string) => void): Promise<JobFailure[]> {
    const failures: JobFailure[] = [];
    const running = new Map<string, number>();
    const busy = (id: string) => (running.get(id) ?? 0) > 0 || this.pending.some((j) => j.data.sourceId === id);
    const lane = async (): Promise<void> => {
      for (let job = this.pending.shift(); job; job = this.pending.shift()) {
        const id = job.data.sourceId;
        running.set(id, (running.get(id) ?? 0) + 1);
        const failure = await this.runWithRetry(job);
        running.set(id, (running.get(id) ?? 1) - 1);
        if (failure) failures.push(failure);
        if (!busy(id)) onSettled?.(id);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, lane));
    return failures;
  }

  private async runWithRetry(job: NextJob): Promise<JobFailure | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const next = await runStage(job.stage, job.data, this.deps);
        // Depth first: a document runs to its store job before the next one is extracted, so documents settle one
        // by one (progress means something) and no finished extraction waits in memory for all the others. Each lane
        // takes the next step of the document it just ran, from the front.
        this.pending.unshift(...next);
        return undefined;
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        const final = isPermanent(err) || attempt >= this.retry.attempts;
        this.deps.log.warn(
          { stage: job.stage, sourceId: job.data.sourceId, attempt, final, err: message },
          'job failed',
        );
        if (final) {
          const code = errorCode(err);
          await this.deps.records
            .markFailed(
              job.data.sourceId,
              issue('error', code, `${job.stage} failed after ${attempt} attempt(s): ${message}`),
            )
            .catch(() => undefined);
          return { job, attempts: attempt, code, message };
        }
        const hinted = err instanceof TransientError ? err.retryAfterMs : undefined;
        const base = this.retry.backoffMs * 2 ** (attempt - 1);
        await sleep(hinted ?? base * (0.5 + Math.random()));
      }
    }
  }

  async close(): Promise<void> {}
}
