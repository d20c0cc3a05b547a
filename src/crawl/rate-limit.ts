import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

/** Waits until a request to `host` fits the per-host budget; never drops a request. */
export interface HostRateLimiter {
  acquire(host: string, signal?: AbortSignal): Promise<void>;
}

export interface RateBudget {
  requests: number;
  perSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Longest single wait, so a lost key or clock skew cannot park a crawl indefinitely. */
const MAX_WAIT_MS = 5 * 60_000;

/**
 * Shared per-host budget on rate-limiter-flexible: RateLimiterMemory for the embedded crawl,
 * RateLimiterRedis when workers on several machines must share one budget per host (issue 6).
 * A robots.txt Crawl-delay stricter than the configured budget gets its own limiter.
 */
export class FlexibleHostRateLimiter implements HostRateLimiter {
  private readonly limiters = new Map<string, RateLimiterAbstract>();

  constructor(
    private readonly budget: RateBudget,
    private readonly make: (budget: RateBudget) => RateLimiterAbstract,
  ) {}

  async acquire(host: string, signal?: AbortSignal, crawlDelaySec?: number): Promise<void> {
    const limiter = this.limiterFor(crawlDelaySec);
    const started = Date.now();
    for (;;) {
      signal?.throwIfAborted();
      try {
        await limiter.consume(host.toLowerCase(), 1);
        return;
      } catch (res) {
        if (!(res instanceof RateLimiterRes)) throw res;
        if (Date.now() - started > MAX_WAIT_MS)
          throw new Error(`rate limiter wait for ${host} exceeded ${MAX_WAIT_MS} ms`);
        await sleep(Math.max(10, res.msBeforeNext));
      }
    }
  }

  private limiterFor(crawlDelaySec?: number): RateLimiterAbstract {
    let budget = this.budget;
    if (crawlDelaySec && crawlDelaySec > budget.perSeconds / budget.requests) {
      budget = { requests: 1, perSeconds: Math.ceil(crawlDelaySec) };
    }
    const key = `${budget.requests}/${budget.perSeconds}`;
    let limiter = this.limiters.get(key);
    if (!limiter) {
      limiter = this.make(budget);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}

export function memoryRateLimiter(budget: RateBudget): FlexibleHostRateLimiter {
  return new FlexibleHostRateLimiter(
    budget,
    (b) => new RateLimiterMemory({ points: b.requests, duration: b.perSeconds, keyPrefix: 'crawl-host' }),
  );
}

/** All workers sharing `redis` and `keyPrefix` share each host's budget. */
export function redisRateLimiter(
  budget: RateBudget,
  redis: Redis,
  keyPrefix = 'budgetdoc:crawl-host',
): FlexibleHostRateLimiter {
  return new FlexibleHostRateLimiter(
    budget,
    (b) =>
      new RateLimiterRedis({
        storeClient: redis,
        points: b.requests,
        duration: b.perSeconds,
        keyPrefix: `${keyPrefix}:${b.requests}-${b.perSeconds}`,
      }),
  );
}
