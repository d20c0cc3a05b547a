import { createHash } from 'node:crypto';
import type { JobsOptions } from 'bullmq';
import { z } from 'zod';
import { TransientError } from '../src/model/errors.js';
import { backoffDelay } from '../src/crawl/retry.js';

/** The two queues before the pipeline's extract -> recognise -> store (issue 6). */
export const CRAWL_QUEUE = 'budgetdoc-crawl';
export const FETCH_QUEUE = 'budgetdoc-fetch';

const discoverySchema = z
  .object({
    listingUrl: z.string(),
    articleUrl: z.string(),
    articleTitle: z.string(),
    linkText: z.string(),
    publishedAt: z.string(),
  })
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
 * The 'polite' backoff: exponential with jitter from the site's `politeness.backoffMs` (2 s by
 * default), or the server's Retry-After when it asked for longer (429/503), so every worker
 * honours it, not only the one that was told.
 */
export function politeBackoff(attemptsMade: number, type?: string, err?: Error, job?: { data?: unknown }): number {
  const site = (job?.data as { site?: { politeness?: { backoffMs?: unknown } } } | undefined)?.site;
  const baseMs = typeof site?.politeness?.backoffMs === 'number' ? site.politeness.backoffMs : 2000;
  const delay = backoffDelay(Math.max(1, attemptsMade), baseMs);
  if (type !== 'polite') return delay;
  const hinted = err instanceof TransientError ? err.retryAfterMs : undefined;
  return Math.max(delay, hinted ?? 0);
}
