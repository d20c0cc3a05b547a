import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { InProcessQueue } from '../../src/pipeline/in-process.js';
import { registerFile } from '../../src/pipeline/register-file.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { checkIdempotentIngest } from '../helpers/ingest-contract.js';
import { depsOf, HTML_SAMPLE } from '../helpers/pipeline.js';
import { freshSchemaUrl, serviceUp } from '../helpers/services.js';

const up = await serviceUp('postgres');

describe.skipIf(!up)('PostgreSQL store (DATABASE_URL)', () => {
  let stores: Stores;
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  beforeAll(async () => {
    schema = await freshSchemaUrl();
    stores = await openStores({ databaseUrl: schema.url });
  });
  afterAll(async () => {
    await stores?.close();
    await schema?.drop();
  });

  it('uses PostgreSQL for records and blobs', () => {
    expect(stores.kind).toBe('postgres');
  });

  it('stores a document once and never duplicates its records', async () => {
    await checkIdempotentIngest(stores, () => new InProcessQueue(depsOf(stores)));
  });

  it('keeps blobs readable by any worker: the bytes round-trip through the database', async () => {
    const bytes = new Uint8Array(readFileSync(HTML_SAMPLE));
    const { source } = await registerFile({ bytes, url: 'https://example.gov.cn/a.html' }, stores);
    expect(Buffer.from((await stores.blobs.get(source.id))!)).toEqual(Buffer.from(bytes));
    expect(await stores.blobs.get('0'.repeat(64))).toBeUndefined();
  });
});
