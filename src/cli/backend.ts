import type { Logger } from 'pino';
import type { ExtractLimits } from '../extract/types.js';
import type { QueueBackend } from '../pipeline/in-process.js';
import type { Stores } from '../store/open.js';

/**
 * What the BullMQ side (workers/) provides to the CLI. src/ never imports bullmq: the process
 * entry (workers/cli.ts) hands this in.
 */
export interface DistributedBackend {
  /** A queue whose jobs run on `budgetdoc worker` processes; drain() waits for them. */
  openQueue(stores: Stores, log: Logger, redisUrl: string): Promise<QueueBackend>;
  /** Runs workers for every stage until SIGINT/SIGTERM. */
  runWorkers(opts: {
    stores: Stores;
    log: Logger;
    redisUrl: string;
    concurrency: number;
    limits: ExtractLimits;
    prefix?: string;
  }): Promise<void>;
}

export type BackendLoader = () => Promise<DistributedBackend>;
