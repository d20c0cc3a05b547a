import { describe, expect, it } from 'vitest';
import { memoryRateLimiter } from '../../../src/crawl/rate-limit.js';
import { backoffDelay, withRetry } from '../../../src/crawl/retry.js';
import { RobotsCache } from '../../../src/crawl/robots.js';
import { PermanentError, TransientError } from '../../../src/model/errors.js';

describe('RobotsCache', () => {
  it('fetches robots.txt once per origin and matches our agent', async () => {
    let loads = 0;
    const robots = new RobotsCache(async () => {
      loads++;
      return 'User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n\nUser-agent: budgetdoc\nDisallow: /nobots/\n';
    }, 'budgetdoc/0.1 (+contact)');
    expect(await robots.check('http://a.gov.cn/private/x.pdf')).toMatchObject({ allowed: true });
    expect(await robots.check('http://a.gov.cn/nobots/x.pdf')).toMatchObject({ allowed: false, line: 6 });
    expect((await robots.check('http://a.gov.cn/ok.html')).allowed).toBe(true);
    expect(loads).toBe(1);
  });

  it('applies the * group to other agents, with its Crawl-delay', async () => {
    const robots = new RobotsCache(async () => 'User-agent: *\nDisallow: /private/\nCrawl-delay: 3\n', 'budgetdoc/0.1');
    expect(await robots.check('http://a.gov.cn/private/x.pdf')).toMatchObject({ allowed: false });
    expect(await robots.check('http://a.gov.cn/x.pdf')).toMatchObject({ allowed: true, crawlDelay: 3 });
  });

  it('RFC 9309: a missing robots.txt allows all, an unreachable one disallows all', async () => {
    const missing = new RobotsCache(async () => undefined, 'budgetdoc');
    expect((await missing.check('http://a.gov.cn/x')).allowed).toBe(true);
    const gone = new RobotsCache(async () => {
      throw new PermanentError('http.410', 'gone');
    }, 'budgetdoc');
    expect((await gone.check('http://a.gov.cn/x')).allowed).toBe(true);
    const down = new RobotsCache(async () => {
      throw new TransientError('http.503', 'down');
    }, 'budgetdoc');
    expect((await down.check('http://a.gov.cn/x')).allowed).toBe(false);
  });
});

describe('per-host rate limit (RateLimiterMemory)', () => {
  it('waits instead of dropping: 6 requests at 2 per second take two windows more', async () => {
    const limiter = memoryRateLimiter({ requests: 2, perSeconds: 1 });
    const started = Date.now();
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () => limiter.acquire('a.gov.cn').then(() => times.push(Date.now() - started))),
    );
    expect(times).toHaveLength(6);
    expect(Math.max(...times)).toBeGreaterThanOrEqual(1900);
    expect(Math.max(...times)).toBeLessThan(4000);
    // other hosts have their own budget
    const t0 = Date.now();
    await limiter.acquire('b.gov.cn');
    expect(Date.now() - t0).toBeLessThan(100);
  });

  it('a stricter robots.txt Crawl-delay wins over the configured budget', async () => {
    const limiter = memoryRateLimiter({ requests: 10, perSeconds: 1 });
    const t0 = Date.now();
    await limiter.acquire('c.gov.cn', undefined, 1);
    await limiter.acquire('c.gov.cn', undefined, 1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
  });
});

describe('withRetry', () => {
  const policy = { attempts: 3, backoffMs: 10, maxRetryAfterMs: 1000 };

  it('retries transient errors with backoff, then gives up with the last error', async () => {
    let calls = 0;
    const delays: number[] = [];
    const err = await withRetry(
      async () => {
        calls++;
        throw new TransientError('http.500', 'boom');
      },
      policy,
      (_e, d) => delays.push(d),
    ).catch((e: unknown) => e);
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    expect(err).toMatchObject({ code: 'http.500' });
  });

  it('never retries permanent errors, and honours (bounded) Retry-After', async () => {
    let calls = 0;
    await expect(
      withRetry(async () => {
        calls++;
        throw new PermanentError('http.404', 'gone');
      }, policy),
    ).rejects.toMatchObject({ code: 'http.404' });
    expect(calls).toBe(1);
    const delays: number[] = [];
    let n = 0;
    const ok = await withRetry(
      async () => (n++ === 0 ? Promise.reject(new TransientError('http.429', 'slow', 200)) : 'ok'),
      policy,
      (_e, d) => delays.push(d),
    );
    expect(ok).toBe('ok');
    expect(delays[0]).toBeGreaterThanOrEqual(200);
    await expect(
      withRetry(async () => Promise.reject(new TransientError('http.429', 'slow', 60_000)), policy),
    ).rejects.toMatchObject({ retryAfterMs: 60_000 });
  });

  it('backoff doubles per attempt with jitter in [0.5, 1)', () => {
    expect(backoffDelay(1, 1000, () => 0)).toBe(500);
    expect(backoffDelay(3, 1000, () => 0.999)).toBeLessThan(4000);
    expect(backoffDelay(3, 1000, () => 0)).toBe(2000);
  });
});
