import { afterAll, beforeAll, describe, it } from 'vitest';
import { openStores, type Stores } from '../../../src/store/open.js';
import { checkExport, checkPaging, seedStore } from './paging-contract.js';

describe('export over the embedded store (PGlite)', () => {
  let stores: Stores;
  beforeAll(async () => {
    stores = await openStores({ dataDir: 'memory://' });
    await seedStore(stores.records);
  });
  afterAll(() => stores?.close());

  it('pages records by (document, seq) with every filter pushed into SQL', () => checkPaging(stores.records));
  it('streams JSONL and both CSV shapes in small pages', () => checkExport(stores.records));
});
