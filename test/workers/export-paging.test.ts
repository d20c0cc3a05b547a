import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStores, type Stores } from '../../src/store/open.js';
import { freshSchemaUrl, serviceUp } from '../helpers/services.js';
import { checkExport, checkPaging, seedStore } from '../unit/export/paging-contract.js';

const up = await serviceUp('postgres');

describe.skipIf(!up)('export paging on PostgreSQL (DATABASE_URL)', () => {
  let stores: Stores;
  let schema: Awaited<ReturnType<typeof freshSchemaUrl>>;
  beforeAll(async () => {
    schema = await freshSchemaUrl();
    stores = await openStores({ databaseUrl: schema.url });
    await seedStore(stores.records);
  });
  afterAll(async () => {
    await stores?.close();
    await schema?.drop();
  });

  it('pages records by (document, seq) with every filter pushed into SQL', () => checkPaging(stores.records));
  it('streams JSONL and both CSV shapes in small pages', () => checkExport(stores.records));
});
