import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { redisRateLimiter } from '../../src/crawl/rate-limit.js';
import { REDIS_URL, serviceUp, uniqueName } from '../helpers/services.js';

const up = await serviceUp('redis');

describe.skipIf(!up)('per-host rate limit shared through Redis (RateLimiterRedis)', () => {
  const prefix = uniqueName('bdrate');
  const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
  afterAll(async () => {
    const keys = await clients[0]!.keys(`${prefix}*`);
    if (keys.length) await clients[0]!.del(...keys);
    for (const c of clients) c.disconnect();
  });

  it('two workers with their own connections share one budget per host and wait, not drop', async () => {
    const budget = { requests: 2, perSeconds: 1 };
    const [a, b] = clients.map((c) => redisRateLimiter(budget, c, prefix)) as [
      ReturnType<typeof redisRateLimiter>,
      ReturnType<typeof redisRateLimiter>,
    ];
    const started = Date.now();
    const times: number[] = [];
    const take = (l: typeof a) => l.acquire('czj.example.gov.cn').then(() => times.push(Date.now() - started));
    await Promise.all([take(a), take(b), take(a), take(b), take(a), take(b)]);
    expect(times).toHaveLength(6);
    times.sort((x, y) => x - y);
    // 2 per window: the third and fifth grants wait for the next windows
    expect(times[2]!).toBeGreaterThanOrEqual(900);
    expect(times[4]!).toBeGreaterThanOrEqual(1900);
    expect(times[5]!).toBeLessThan(5000);
    // another host is not held up
    const t0 = Date.now();
    await b.acquire('other.example.gov.cn');
    expect(Date.now() - t0).toBeLessThan(200);
  });
});
