import { TransientError } from '../model/errors.js';

export interface RetryPolicy {
  attempts: number;
  backoffMs: number;
  maxRetryAfterMs: number;
}

/** Exponential backoff with full jitter (docs/architecture.md, Errors): base·2^(n-1)·[0.5, 1). */
export function backoffDelay(attempt: number, baseMs: number, random = Math.random): number {
  return Math.round(baseMs * 2 ** (attempt - 1) * (0.5 + random() / 2));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Retries TransientErrors in the embedded crawl (BullMQ does this itself for distributed runs).
 * A server's Retry-After wins over the backoff; one longer than `maxRetryAfterMs` ends the
 * retries so a single URL cannot stall the crawl. PermanentErrors propagate at once.
 * `onRetry` sees every transient failure that is retried (for the report).
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (err: TransientError, delayMs: number) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      if (!(err instanceof TransientError) || attempt >= policy.attempts) throw err;
      if (err.retryAfterMs !== undefined && err.retryAfterMs > policy.maxRetryAfterMs) throw err;
      const delay = Math.max(err.retryAfterMs ?? 0, backoffDelay(attempt, policy.backoffMs));
      onRetry?.(err, delay);
      await sleep(delay);
    }
  }
}
