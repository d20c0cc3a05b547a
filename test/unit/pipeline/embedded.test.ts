import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { TransientError } from '../../../src/model/errors.js';
import { InProcessQueue } from '../../../src/pipeline/in-process.js';
import { ingestPaths } from '../../../src/pipeline/ingest.js';
import { registerFile } from '../../../src/pipeline/register-file.js';
import { openStores, type Stores } from '../../../src/store/open.js';
import { checkIdempotentIngest } from '../../helpers/ingest-contract.js';
import { depsOf, HTML_SAMPLE, inputFolder } from '../../helpers/pipeline.js';

let stores: Stores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

describe('embedded default: PGlite + in-process queue', () => {
  it('stores a document once and never duplicates its records', async () => {
    stores = await openStores({ dataDir: 'memory://' });
    const s = stores;
    await checkIdempotentIngest(s, () => new InProcessQueue(depsOf(s)));
  });

  it('reports progress document by document', async () => {
    stores = await openStores({ dataDir: 'memory://' });
    const calls: [number, number][] = [];
    // The folder holds the HTML sample twice (one document) and a broken PDF: two documents to process.
    const report = await ingestPaths([inputFolder()], stores, new InProcessQueue(depsOf(stores)), {
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(report.summary.documents).toBe(2);
    expect(calls).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);
  });

  it('processes the same bytes once per ingest, named twice or under two names, even with force (issue 16)', async () => {
    stores = await openStores({ dataDir: 'memory://' });
    const dir = inputFolder();
    // The folder holds the HTML sample under two names: with the folder and one of them named again, still one run.
    const report = await ingestPaths([dir, dir, HTML_SAMPLE], stores, new InProcessQueue(depsOf(stores)), {
      force: true,
    });
    expect(report.processed).toBe(2);
    expect(report.summary.documents).toBe(2);
  });

  it('does not retry a permanent error, and records it on the document', async () => {
    stores = await openStores({ dataDir: 'memory://' });
    const bytes = new Uint8Array(readFileSync(HTML_SAMPLE));
    const { source } = await registerFile({ bytes, url: 'file:///a.html' }, stores);
    let reads = 0;
    const deps = {
      ...depsOf(stores),
      blobs: {
        ...stores.blobs,
        get: async () => {
          reads++;
          return undefined;
        },
        put: stores.blobs.put,
        has: stores.blobs.has,
      },
    };
    const queue = new InProcessQueue(deps, { attempts: 5, backoffMs: 1 });
    await queue.enqueue({ stage: 'extract', data: { sourceId: source.id, runId: 'r1' } });
    const failures = await queue.drain();
    expect(failures).toEqual([expect.objectContaining({ attempts: 1, code: 'blob.missing' })]);
    expect(reads).toBe(1);
    const doc = await stores.records.getDocument(source.id);
    expect(doc?.status).toBe('failed');
    expect(doc?.issues.at(-1)).toMatchObject({ severity: 'error', code: 'blob.missing' });
  });

  it('retries a transient error with backoff, then succeeds', async () => {
    stores = await openStores({ dataDir: 'memory://' });
    const bytes = new Uint8Array(readFileSync(HTML_SAMPLE));
    const { source } = await registerFile({ bytes, url: 'file:///a.html' }, stores);
    let reads = 0;
    const real = stores.blobs;
    const flaky = {
      put: (b: Uint8Array) => real.put(b),
      has: (id: string) => real.has(id),
      get: async (id: string) => {
        if (++reads < 3) throw new TransientError('blob.unavailable', 'storage busy');
        return real.get(id);
      },
    };
    const queue = new InProcessQueue({ ...depsOf(stores), blobs: flaky }, { attempts: 5, backoffMs: 1 });
    await queue.enqueue({ stage: 'extract', data: { sourceId: source.id, runId: 'r1' } });
    expect(await queue.drain()).toEqual([]);
    expect(reads).toBe(3);
    expect((await stores.records.getDocument(source.id))?.status).toBe('ok');
    expect(await stores.records.listRecords(source.id)).toHaveLength(1);
  });

  it('refuses job data that does not match its schema, without retrying', async () => {
    stores = await openStores({ dataDir: 'memory://' });
    const queue = new InProcessQueue(depsOf(stores), { attempts: 5, backoffMs: 1 });
    await queue.enqueue({ stage: 'extract', data: { sourceId: 'not-a-sha', runId: 'r' } });
    expect(await queue.drain()).toEqual([expect.objectContaining({ attempts: 1, code: 'job.invalid_data' })]);
  });
});
