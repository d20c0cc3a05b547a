import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import { STAGES, type Stage } from '../src/pipeline/jobs.js';

export { jobSchemas } from '../src/pipeline/jobs.js';

/** One queue per stage; the prefix keeps test runs and deployments apart on one Redis. */
export function queueName(stage: Stage): string {
  return `budgetdoc-${stage}`;
}

export interface QueueConfig {
  connection: ConnectionOptions;
  prefix?: string;
}

/** Transient failures retry with exponential backoff and jitter; failed jobs are kept with their reason. */
export const defaultJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

export function connectionFromUrl(url: string): ConnectionOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.pathname.length > 1 ? { db: Number(u.pathname.slice(1)) } : {}),
    // BullMQ workers block on Redis; they must not give up on a slow command.
    maxRetriesPerRequest: null,
  };
}

export function openQueues(cfg: QueueConfig): Record<Stage, Queue> {
  const out = {} as Record<Stage, Queue>;
  for (const stage of STAGES) {
    out[stage] = new Queue(queueName(stage), {
      connection: cfg.connection,
      prefix: cfg.prefix ?? 'bull',
      defaultJobOptions,
    });
  }
  return out;
}
