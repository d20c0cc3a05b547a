import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { TransientError } from '../src/model/errors.js';
import { backoffDelay } from '../src/crawl/retry.js';

/** The two queues before the pipeline's extract -> recognise -> store (issue 6). */
export const CRAWL_QUEUE = 'budgetdoc-crawl';
export const FETCH_QUEUE = 'budgetdoc-fetch';

const discoverySchema = z
  .object({ listingUrl: z.string(), articleUrl: z.string(), articleTitle: z.string(), linkText: z.string(), publishedAt: z.string() })
  .partial();

/** A crawl job: the site config (validated again by parseSiteConfig) and, for manual runs, a run id. */
export const crawlJobSchema = z.object({ site: z.record(z.string(), z.unknown()), runId: z.string().optional() });

export const fetchJobSchema = z.object({
  runId: z.string(),
  url: z.url({ protocol: /^https?$/ }),
  discovery: discoverySchema,
  site: z.record(z.string(), z.unknown()),
});
export type FetchJobData = z.infer<typeof fetchJobSchema>;

/** BullMQ ids may not contain ':'; a hash of stage, run and URL makes a retried enqueue a no-op. */
export function crawlJobId(stage: 'crawl' | 'fetch', ...parts: string[]): string {
  return `${stage}-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32)}`;
}

/** Transient failures retry (custom backoff below); failed jobs are kept with their reason. */
export const crawlJobOptions: JobsOptions = {
  attempts: 5,
  backoff: { type: 'polite' },
  removeOnComplete: { count: 1000 },
  removeOnFail: false,
};

/**
 * The 'polite' backoff: exponential with jitter from 2 s, or the server's Retry-After when it
 * asked for longer (429/503), so every worker honours it, not only the one that was told.
 */
export function politeBackoff(attemptsMade: number, type?: string, err?: Error): number {
  const base = backoffDelay(Math.max(1, attemptsMade), 2000);
  if (type !== 'polite') return base;
  const hinted = err instanceof TransientError ? err.retryAfterMs : undefined;
  return Math.max(base, hinted ?? 0);
}
