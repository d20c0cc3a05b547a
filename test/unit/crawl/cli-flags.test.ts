import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it, vi } from 'vitest';
import { configFromFlags, registerCrawlCommands } from '../../../src/cli/crawl.js';
import type { CrawlBackend, ScheduleOptions } from '../../../src/cli/schedule.js';
import { SqlFetchStateStore } from '../../../src/crawl/sql-fetch-state.js';
import { openPglite } from '../../../src/store/sql-clients.js';

const SITE_JSON = join(import.meta.dirname, '../../fixtures/site/site.json');

describe('crawl and schedule flags', () => {
  it('--site reads the JSON config; command-line bounds and hosts override it', async () => {
    const cfg = await configFromFlags({
      site: SITE_JSON,
      allowHost: ['files.example.gov.cn'],
      maxPages: '7',
      depth: '1',
      rate: '1/3',
      timeout: '5s',
      userAgent: 'budgetdoc/0.1 (+mailto:audit@example.org)',
    });
    expect(cfg).toMatchObject({
      name: 'fixture-finance-bureau',
      maxPages: 7,
      maxDepth: 1,
      allowedHosts: ['127.0.0.1:0', 'files.example.gov.cn'],
    });
    expect(cfg.politeness).toMatchObject({
      requests: 1,
      perSeconds: 3,
      timeoutMs: 5000,
      attempts: 3,
      userAgent: 'budgetdoc/0.1 (+mailto:audit@example.org)',
    });
    await expect(configFromFlags({ allowHost: [] })).rejects.toThrow(/--start-url URL or --site FILE/);
    await expect(configFromFlags({ startUrl: 'http://a.cn/', allowHost: [], rate: 'fast' })).rejects.toThrow(/--rate/);
  });

  it('`budgetdoc schedule --start-url` registers the nightly crawl at 02:00 Asia/Shanghai by default', async () => {
    const calls: ScheduleOptions[] = [];
    const backend: CrawlBackend = {
      enqueueCrawl: async () => 'x',
      waitForCrawl: async () => {
        throw new Error('not waited on here');
      },
      schedule: async (o) => {
        calls.push(o);
        return { id: 'nightly-crawl-adhoc', pattern: o.pattern, tz: o.tz };
      },
      unschedule: async () => true,
      listSchedules: async () => [],
    };
    const program = new Command('budgetdoc').exitOverride();
    registerCrawlCommands(program, async () => backend);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await program.parseAsync([
        'node',
        'budgetdoc',
        'schedule',
        '--start-url',
        'http://czj.example.gov.cn/yjsgk/',
        '--redis-url',
        'redis://127.0.0.1:6379',
      ]);
    } finally {
      out.mockRestore();
    }
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      pattern: '0 2 * * *',
      tz: 'Asia/Shanghai',
      redisUrl: 'redis://127.0.0.1:6379',
      site: { startUrls: ['http://czj.example.gov.cn/yjsgk/'], allowedHosts: ['czj.example.gov.cn'] },
    });
  });

  it("`crawl --wait` needs the queue and the workers' store", async () => {
    const run = (...args: string[]) => {
      const program = new Command('budgetdoc').exitOverride();
      registerCrawlCommands(program, async () => ({}) as CrawlBackend);
      return program.parseAsync(['node', 'budgetdoc', 'crawl', '--start-url', 'http://czj.example.gov.cn/', ...args]);
    };
    await expect(run('--wait')).rejects.toThrow(/--wait needs --redis-url/);
    const env = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      await expect(run('--wait', '--redis-url', 'redis://127.0.0.1:1', '--database-url', '')).rejects.toThrow(
        /--database-url/,
      );
    } finally {
      if (env !== undefined) process.env.DATABASE_URL = env;
    }
  });
});

describe('SqlFetchStateStore', () => {
  it('keeps validators per URL and the version chain, each version linked to the one it replaced', async () => {
    const sql = await openPglite(undefined);
    try {
      const store = await SqlFetchStateStore.open(sql);
      const url = 'http://a.gov.cn/1.pdf';
      await store.putFetchState({
        url,
        etag: '"a"',
        sha256: 'a'.repeat(64),
        version: 1,
        fetchedAt: '2026-01-01T00:00:00.000Z',
      });
      await store.putFetchState({
        url,
        etag: '"a"',
        sha256: 'a'.repeat(64),
        version: 1,
        fetchedAt: '2026-01-02T00:00:00.000Z',
      });
      await store.putFetchState({
        url,
        etag: '"b"',
        lastModified: 'Tue, 01 Aug 2023 08:00:00 GMT',
        sha256: 'b'.repeat(64),
        version: 2,
        previousSha256: 'a'.repeat(64),
        fetchedAt: '2026-01-03T00:00:00.000Z',
      });
      expect(await store.getFetchState(url)).toEqual({
        url,
        etag: '"b"',
        lastModified: 'Tue, 01 Aug 2023 08:00:00 GMT',
        sha256: 'b'.repeat(64),
        version: 2,
        previousSha256: 'a'.repeat(64),
        fetchedAt: '2026-01-03T00:00:00.000Z',
      });
      expect((await store.versions(url)).map((v) => [v.version, v.sha256[0], v.previousSha256?.[0]])).toEqual([
        [1, 'a', undefined],
        [2, 'b', 'a'],
      ]);
      expect(await store.getFetchState('http://a.gov.cn/none')).toBeUndefined();
    } finally {
      await sql.close();
    }
  });
});
