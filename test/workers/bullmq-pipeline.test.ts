import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import { readFileSync } from 'node:fs';
import { registerFile } from '../../src/pipeline/register-file.js';
import { jobId } from '../../src/pipeline/jobs.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { silentLogger } from '../../src/util/log.js';
import { BullQueueBackend } from '../../workers/backend.js';
import { startPipelineWorkers } from '../../workers/pipeline.worker.js';
import { connectionFromUrl, queueName } from '../../workers/queues.js';
import { checkIdempotentIngest } from '../helpers/ingest-contract.js';
import { depsOf, HTML_SAMPLE } from '../helpers/pipeline.js';
import { freshSchemaUrl, REDIS_URL, serviceUp, uniqueName } from '../helpers/services.js';

const up = (await serviceUp('redis')) && (await serviceUp('postgres'));

describe.skipIf(!up)('BullMQ workers on Redis with PostgreSQL', () => {
  const connection = connectionFromUrl(REDIS_URL);
  const prefix = uniqueName('bdtest');
  let stores: Stores;
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  let workers: ReturnType<typeof startPipelineWorkers>;

  beforeAll(async () => {
    schema = await freshSchemaUrl();
    stores = await openStores({ databaseUrl: schema.url });
    workers = startPipelineWorkers({ connection, prefix, deps: depsOf(stores) });
  });
  afterAll(async () => {
    await workers?.close();
    const q = new Queue(queueName('extract'), { connection, prefix });
    await q.obliterate({ force: true }).catch(() => undefined);
    await q.close();
    await stores?.close();
    await schema?.drop();
  });

  it('runs extract -> recognise -> store through the queues, idempotently', async () => {
    await checkIdempotentIngest(
      stores,
      () => new BullQueueBackend({ connection, prefix }, stores, silentLogger, { pollMs: 100, timeoutMs: 60_000 }),
    );
  });

  it('does not retry a permanent error, keeps the failed job with its reason and marks the document failed', async () => {
    const bytes = new Uint8Array(Buffer.concat([readFileSync(HTML_SAMPLE), Buffer.from('<!-- variant -->')]));
    const { source } = await registerFile(
      { bytes, url: 'https://example.gov.cn/b.html' },
      { ...stores, blobs: { put: async () => '', get: async () => undefined, has: async () => false } },
    );
    const queue = new Queue(queueName('extract'), { connection, prefix });
    const events = new QueueEvents(queueName('extract'), { connection, prefix });
    await events.waitUntilReady();
    const data = { sourceId: source.id, runId: 'perm' };
    const job = await queue.add('extract', data, {
      jobId: jobId('extract', data),
      attempts: 5,
      backoff: { type: 'fixed', delay: 10 },
    });
    await expect(job.waitUntilFinished(events, 30_000)).rejects.toThrow(/blob\.missing/);
    const failed = (await queue.getJob(job.id!))!;
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/no stored bytes/);
    expect(await failed.getState()).toBe('failed');
    await new Promise((r) => setTimeout(r, 200));
    const doc = await stores.records.getDocument(source.id);
    expect(doc?.status).toBe('failed');
    expect(doc?.issues.at(-1)?.code).toBe('blob.missing');
    await events.close();
    await queue.close();
  });
});
