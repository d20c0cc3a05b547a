import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerCrawlCommands } from '../../src/cli/crawl.js';
import type { CrawlReport } from '../../src/crawl/report.js';
import { STAGES } from '../../src/pipeline/jobs.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { silentLogger } from '../../src/util/log.js';
import { crawlBackend } from '../../workers/crawl-backend.js';
import { CRAWL_QUEUE, FETCH_QUEUE } from '../../workers/crawl-queues.js';
import { startCrawlWorkers } from '../../workers/crawl.worker.js';
import { startPipelineWorkers } from '../../workers/pipeline.worker.js';
import { connectionFromUrl, queueName } from '../../workers/queues.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';
import { depsOf } from '../helpers/pipeline.js';
import { freshSchemaUrl, REDIS_URL, serviceUp, uniqueName } from '../helpers/services.js';

const up = (await serviceUp('redis')) && (await serviceUp('postgres'));

/** Runs `budgetdoc crawl ...` in this process with the real BullMQ backend and returns what it printed. */
async function crawlCli(args: string[]): Promise<string> {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  try {
    const program = new Command('budgetdoc').exitOverride();
    registerCrawlCommands(program, async () => crawlBackend);
    await program.parseAsync(['node', 'budgetdoc', 'crawl', ...args]);
  } finally {
    spy.mockRestore();
  }
  return out.join('');
}

describe.skipIf(!up)('budgetdoc crawl --redis-url --wait (workers on Redis, records in PostgreSQL)', () => {
  const connection = connectionFromUrl(REDIS_URL);
  const prefix = uniqueName('bdwait');
  let site: FixtureSite;
  let stores: Stores;
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  let dir: string;
  let args: string[];
  let stop: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    site = await startFixtureSite();
    schema = await freshSchemaUrl();
    stores = await openStores({ databaseUrl: schema.url });
    const pipeline = startPipelineWorkers({ connection, prefix, deps: depsOf(stores) });
    const crawl = await startCrawlWorkers({ redisUrl: REDIS_URL, prefix, stores, log: silentLogger, concurrency: 2 });
    stop = [() => crawl.close(), () => pipeline.close()];
    // the fixture's site config (listing/article patterns, fast retries) on this server's port
    dir = mkdtempSync(join(tmpdir(), 'budgetdoc-wait-'));
    const cfg = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/site/site.json'), 'utf8')) as {
      startUrls: string[];
      allowPrivateHosts?: string[];
    };
    cfg.startUrls = [`${site.origin}/yjsgk/index.html`];
    // The fixture is on 127.0.0.1, which a site must allow explicitly (issue 16).
    cfg.allowPrivateHosts = [new URL(site.origin).host];
    writeFileSync(join(dir, 'site.json'), JSON.stringify(cfg));
    args = [
      '--site',
      join(dir, 'site.json'),
      '--redis-url',
      REDIS_URL,
      '--queue-prefix',
      prefix,
      '--database-url',
      schema.url,
      '--wait',
      '--wait-timeout',
      '100',
    ];
  });
  afterAll(async () => {
    for (const s of stop) await s();
    for (const name of [CRAWL_QUEUE, FETCH_QUEUE, ...STAGES.map(queueName)]) {
      const q = new Queue(name, { connection, prefix });
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await stores?.close();
    await schema?.drop();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the crawl, its fetch jobs and their pipeline jobs, then prints the embedded report', async () => {
    const report = JSON.parse(await crawlCli([...args, '--json'])) as CrawlReport;
    expect(report).toMatchObject({ site: 'fixture-finance-bureau', pagesFetched: 5, pagesSkippedByRobots: 0 });
    // 5 attachments by fetch workers, the ZIP and the table article while walking; no document left as 'queued'
    expect(report.documents).toEqual({ new: 7, changed: 0, unchanged: 0, failed: 2, skippedByRobots: 1, queued: 0 });
    expect(report.items.some((i) => i.outcome === 'queued' || i.pending)).toBe(false);
    const item = (path: string) => report.items.find((i) => i.url === `${site.origin}${path}` && i.kind === 'document');
    expect(item('/hang/7001.pdf')).toMatchObject({ outcome: 'failed', reason: 'http.timeout', retries: 2 });
    expect(item('/attach/8001.pdf')).toMatchObject({ outcome: 'failed', reason: 'http.404' });
    expect(item('/flaky/5001.pdf')).toMatchObject({ outcome: 'new', retries: 2 });
    expect(item('/private/budget.pdf')).toMatchObject({ outcome: 'skipped', reason: 'robots.disallowed' });

    // every record the workers stored is counted once, by table type, and by the document that holds it
    const summary = await stores.records.summary();
    expect(summary.byStatus.pending).toBeUndefined();
    expect(report.recordsByTableType).toEqual(summary.tablesByType);
    expect(report.recordsByTableType['perf.dept_target']).toBeGreaterThanOrEqual(1);
    const id = (p: string) => createHash('sha256').update(site.bodyOf(p)).digest('hex');
    expect(item('/attach/1001.pdf')!.records).toBe(
      (await stores.records.getDocument(id('/attach/1001.pdf')))!.recordCount,
    );
    expect(item('/flaky/5001.pdf')!.records).toBe(0); // the same bytes as 1001.pdf: counted there
    const [record] = await stores.records.listRecords(id('/attach/1001.pdf'));
    expect(record?.source).toMatchObject({
      url: `${site.origin}/attach/1001.pdf`,
      publishedAt: '2023-06-01 09:30',
      discoveredFrom: { articleTitle: '洪江市财政局2024年部门决算公开', linkText: '洪江市财政局2024年部门决算.pdf' },
    });
    const members = report.items.filter((i) => i.kind === 'member');
    expect(members).toHaveLength(2);
    expect(item('/attach/download.jsp?id=1004')!.records).toBe(members.reduce((n, m) => n + (m.records ?? 0), 0));
    const counted = report.items.filter(
      (i) => i.kind === 'member' || (i.kind === 'document' && !i.url.endsWith('id=1004')),
    );
    const total = counted.reduce((n, i) => n + (i.records ?? 0), 0);
    expect(total).toBe(summary.records);
  });

  it('a second queued crawl reports every document unchanged and nothing stored', async () => {
    const before = await stores.records.summary();
    const text = await crawlCli(args);
    expect(text).toMatch(/^crawl fixture-finance-bureau: \d+\.\d s$/m);
    expect(text).toContain('documents new 0, changed 0, unchanged 7, failed 2, skipped by robots.txt 1\n');
    expect(text).toContain('records stored by table type: none');
    const after = await stores.records.summary();
    expect([after.documents, after.records]).toEqual([before.documents, before.records]);
  });
});
